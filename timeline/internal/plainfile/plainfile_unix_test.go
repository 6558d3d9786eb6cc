//go:build unix

package plainfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// TestReadRegular reads plain files as ReadFile does, counts their names,
// and turns down, without blocking, whatever is not plainly a file.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f")
	for _, n := range []int{0, 1, 511, 512, 513, 4096, 100_000} {
		want := bytes.Repeat([]byte("é\n"), n)[:n]
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, links, err := ReadRegular(name, 100_000)
		if err != nil || !bytes.Equal(got, want) || links != 1 {
			t.Errorf("%d bytes: got %d bytes, %d names, %v", n, len(got), links, err)
		}
	}
	if runtime.GOOS == "linux" {
		// A size of 0, but text to read, more than asked at first.
		want, err1 := os.ReadFile("/proc/self/mountinfo")
		got, _, err2 := ReadRegular("/proc/self/mountinfo", 1<<20)
		if err1 != nil || err2 != nil || len(got) < 2 || !bytes.Equal(got, want) {
			t.Errorf("/proc/self/mountinfo: %d bytes, %v; os.ReadFile: %d bytes, %v", len(got), err2, len(want), err1)
		}
	}
	if _, _, err := ReadRegular(name, 99_999); !errors.Is(err, errTooLarge) {
		t.Errorf("a file over the limit: %v", err)
	}
	if err := os.Link(name, filepath.Join(dir, "other")); err != nil {
		t.Fatal(err)
	}
	if _, links, err := ReadRegular(name, 100_000); err != nil || links != 2 {
		t.Errorf("a file with two names: %d names, %v", links, err)
	}
	if err := os.Symlink("f", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{"link", "pipe", ".", "none"} {
		b, _, err := ReadRegular(filepath.Join(dir, other), 100_000)
		var pe *fs.PathError
		if err == nil || b != nil || !errors.As(err, &pe) || pe.Path != filepath.Join(dir, other) {
			t.Errorf("%s: %d bytes, %#v", other, len(b), err)
		}
	}
	// Through the file system, the name is the file system's.
	fsys := DirFS(dir).(interface {
		ReadRegular(string, int64) ([]byte, uint64, error)
	})
	if b, _, err := fsys.ReadRegular("f", 100_000); err != nil || len(b) != 100_000 {
		t.Errorf("through DirFS: %d bytes, %v", len(b), err)
	}
	var pe *fs.PathError
	if _, _, err := fsys.ReadRegular("link", 100_000); !errors.As(err, &pe) || pe.Path != "link" {
		t.Errorf("a link through DirFS: %#v", err)
	}
	if _, _, err := fsys.ReadRegular("../f", 100_000); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("a name outside: %v", err)
	}
}
