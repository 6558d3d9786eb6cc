package plainfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadFile reads files of every size around the buffer's edges as
// os.ReadFile does, and one whose size the system does not know ahead.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 511, 512, 513, 4096, 100_000} {
		name := filepath.Join(dir, "f")
		want := bytes.Repeat([]byte("é\n"), n)[:n]
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%d bytes: got %d bytes, %v", n, len(got), err)
		}
	}
	if runtime.GOOS == "linux" {
		// A size of 0, but text to read.
		want, err1 := os.ReadFile("/proc/self/mountinfo")
		got, err2 := ReadFile("/proc/self/mountinfo")
		if err1 != nil || err2 != nil || len(got) == 0 || !bytes.HasPrefix(got, want[:min(len(want), 20)]) {
			t.Errorf("/proc/self/mountinfo: %d bytes, %v; os.ReadFile: %d bytes, %v", len(got), err2, len(want), err1)
		}
	}
	_, err := ReadFile(filepath.Join(dir, "none"))
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Op != "open" || pe.Path != filepath.Join(dir, "none") {
		t.Errorf("a missing file: %#v", err)
	}
	if _, err := ReadFile(dir); err == nil {
		t.Error("a folder read as a file")
	}
}

// TestWriteNew checks that WriteNew makes a file as os.WriteFile does,
// readable by all rather than writable, and empties one that is there.
func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "page.html")
	for _, text := range []string{"une page plus longue", "courte", strings.Repeat("é", 300_000), ""} {
		if err := WriteNew(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(name); string(got) != text {
			t.Errorf("got %d bytes, want %d", len(got), len(text))
		}
	}
	ref, err := os.OpenFile(filepath.Join(dir, "ref"), os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	ref.Close()
	want, _ := os.Stat(filepath.Join(dir, "ref"))
	if got, err := os.Stat(name); err != nil || got.Mode() != want.Mode() {
		t.Errorf("mode %v, want %v as os.OpenFile gives (%v)", got.Mode(), want.Mode(), err)
	}
	err = WriteNew(filepath.Join(dir, "none", "x"), []byte("x"))
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != filepath.Join(dir, "none", "x") {
		t.Errorf("in a missing folder: %v", err)
	}
	if err := WriteNew(dir, []byte("x")); err == nil {
		t.Error("a folder written as a file")
	}
}

// TestDirFS checks DirFS as a file system, and that it names its files as
// os.DirFS does in errors.
func TestDirFS(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.md": "a", "events/b.md": strings.Repeat("b", 3000), "events/c.md": ""} {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fsys := DirFS(dir)
	if err := fstest.TestFS(fsys, "a.md", "events/b.md", "events/c.md"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"none.md", "../a.md", "/a.md", "events", "events/../a.md", "./a.md", ""} {
		_, got := fs.ReadFile(fsys, name)
		_, want := fs.ReadFile(os.DirFS(dir), name)
		if got == nil || got.Error() != want.Error() {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	if _, ok := fsys.(fs.ReadLinkFS); !ok {
		t.Error("no ReadLinkFS")
	}
	// A folder named through a link and "..": os.DirFS does not clean
	// the path, and neither does DirFS.
	if err := os.MkdirAll(filepath.Join(dir, "real", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "real", "x.md"), []byte("in real"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "real", "sub"), filepath.Join(dir, "link")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	through := filepath.Join(dir, "link") + string(filepath.Separator) + ".."
	want, err1 := fs.ReadFile(os.DirFS(through), "x.md")
	got, err2 := fs.ReadFile(DirFS(through), "x.md")
	if string(got) != string(want) || (err1 == nil) != (err2 == nil) {
		t.Errorf("through a link and ..: %q (%v), os.DirFS reads %q (%v)", got, err2, want, err1)
	}
}
