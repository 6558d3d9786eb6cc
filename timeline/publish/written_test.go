package publish

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
)

// TestTrackedUpdates checks that updates told what the site's files hold
// (Track) write what untracked ones write: a page whose bytes changed is
// replaced without being read, one handed over with the bytes last
// written is read and left alone, unless it was changed on disk since.
func TestTrackedUpdates(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	w := NewWritten()
	put := func(st *Stage, files map[string]string) {
		t.Helper()
		for name, data := range files {
			if err := st.Put(name, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	update := func(files map[string]string, remove ...string) {
		t.Helper()
		st, err := Patch(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Abort()
		st.Track(w)
		for _, name := range remove {
			if err := st.Remove(name); err != nil {
				t.Fatal(err)
			}
		}
		put(st, files)
	}
	st, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Track(w)
	put(st, map[string]string{"index.html": "<p>un</p>", "events/a.html": "<p>a</p>", "events/b.html": "<p>b</p>"})
	oldA, oldB := lstat(t, dir, "events/a.html"), lstat(t, dir, "events/b.html")

	update(map[string]string{"index.html": "<p>un</p>", "events/a.html": "<p>a, corrigé</p>", "events/b.html": "<p>b</p>"})
	if !os.SameFile(lstat(t, dir, "events/b.html"), oldB) {
		t.Error("b.html, handed over as it was, was written again")
	}
	if os.SameFile(lstat(t, dir, "events/a.html"), oldA) {
		t.Error("a.html was written over in place, not replaced")
	}
	if sparesWork {
		spares := spareFiles(t, dir)
		if len(spares) != 1 || !os.SameFile(spares[0], oldA) {
			t.Errorf("the spares are %v, want a.html's old file", spares)
		}
		if runtime.GOOS == "linux" && spares[0].Name() != "0" {
			// The spare made for a.html and a.html swapped names.
			t.Errorf("a.html's old file is spare %s, not the one made for a.html", spares[0].Name())
		}
	}
	// index.html is changed behind the updates' back: handed over with
	// the bytes last written, it is written again.
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>autre</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	update(map[string]string{"index.html": "<p>un</p>"})
	want := map[string]string{"index.html": "<p>un</p>", "events/a.html": "<p>a, corrigé</p>", "events/b.html": "<p>b</p>"}
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after the updates: %q, want %q", got, want)
	}

	// A file removed, then written again; a file new to the site.
	update(nil, "events/b.html")
	update(map[string]string{"events/b.html": "<p>b</p>", "events/c.html": "<p>c</p>"})
	want["events/c.html"] = "<p>c</p>"
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after the updates: %q, want %q", got, want)
	}
	for name := range want {
		if fi := lstat(t, dir, name); fi.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", name, fi.Mode().Perm())
		}
	}
	// Back and forth: every update replaces the files that changed.
	for i := range 6 {
		text := []string{"<p>a</p>", "<p>a, corrigé</p>"}[i%2]
		update(map[string]string{"events/a.html": text, "events/c.html": "<p>c</p>"})
		if got := readTree(t, dir)["events/a.html"]; got != text {
			t.Fatalf("update %d: a.html holds %q, want %q", i, got, text)
		}
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}
