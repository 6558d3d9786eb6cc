package publish

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestPatchUpdatesInPlace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	files := map[string]string{
		"index.html":    "<p>  un  </p>",
		"events/a.html": "<p>  a  </p>",
		"events/b.html": "<p>  b  </p>",
		"events.csv":    "slug\na\nb\n",
	}
	stage(t, dir, files)
	inode := func(name string) os.FileInfo { return lstat(t, dir, name) }
	before := map[string]os.FileInfo{}
	for name := range files {
		before[name] = inode(name)
	}

	st, err := Patch(dir)
	if err != nil {
		t.Fatal(err)
	}
	// A changed page, a page handed over with the same bytes, a page
	// whose new bytes minify to the old file, and a data file written as
	// it is.
	for name, data := range map[string]string{
		"events/a.html": "<p>  a, corrigé  </p>",
		"events/b.html": "<p>  b  </p>",
		"index.html":    "<p>un</p>",
	} {
		if err := st.Add(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	w, err := st.Create("events.csv")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "slug\na\nb\nc\n")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := st.minified.Load(); n != 2 {
		t.Errorf("the update minified %d files, want 2 (a.html and index.html)", n)
	}
	want := map[string]string{
		"index.html":    "<p>un</p>",
		"events/a.html": "<p>a, corrigé</p>",
		"events/b.html": "<p>b</p>",
		"events.csv":    "slug\na\nb\nc\n",
	}
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after the update: %q, want %q", got, want)
	}
	for name, kept := range map[string]bool{"index.html": true, "events/b.html": true, "events/a.html": false, "events.csv": false} {
		if got := os.SameFile(before[name], inode(name)); got != kept {
			t.Errorf("%s is the same file as before: %v, want %v", name, got, kept)
		}
	}
	if fi := inode("events/a.html"); fi.Mode().Perm() != 0o644 {
		t.Errorf("a replaced file has mode %v, want 0644", fi.Mode().Perm())
	}

	// The manifest still describes the site before the update: a full
	// build minifies the replaced file again, and keeps the others.
	files["events/a.html"] = "<p>  a, corrigé  </p>"
	delete(files, "events.csv")
	if n := stage(t, dir, files); n != 1 {
		t.Errorf("a build after the update minified %d files, want 1", n)
	}
	want["index.html"] = "<p>un</p>"
	delete(want, "events.csv")
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after a build: %q, want %q", got, want)
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}

func TestPatchWantsASite(t *testing.T) {
	if _, err := Patch(filepath.Join(t.TempDir(), "public")); err == nil {
		t.Fatal("Patch of a missing folder succeeds")
	}
}

func TestPatchAbortKeepsWhatWasWritten(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	stage(t, dir, map[string]string{"index.html": "<p>un</p>"})
	st, err := Patch(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add("index.html", []byte("<p>deux</p>")); err != nil {
		t.Fatal(err)
	}
	w, err := st.Create("events.csv")
	if err != nil {
		t.Fatal(err)
	}
	st.Abort() // with a file still open: it never replaces anything
	w.Close()
	if got := readTree(t, dir); !reflect.DeepEqual(got, map[string]string{"index.html": "<p>deux</p>"}) {
		t.Errorf("after an aborted update: %q", got)
	}
	// The lock is released.
	if _, err := Patch(dir); err != nil {
		t.Fatal(err)
	}
}

func TestPatchRemoves(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	stage(t, dir, map[string]string{"index.html": "<p>un</p>", "years/1999.html": "<p>1999</p>",
		"events/a.html": "<p>a</p>", "events/b.html": "<p>b</p>", "topics/seul.html": "<p>seul</p>"})
	st, err := Patch(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"years/1999.html", "events/a.html", "events/absent.html"} {
		if err := st.Remove(name); err != nil {
			t.Fatal(err)
		}
	}
	// A page that moves to another year: its old folder empties only for a
	// moment, which must not take the new page with it.
	if err := st.Remove("topics/seul.html"); err != nil {
		t.Fatal(err)
	}
	if err := st.Add("years/2000.html", []byte("<p>2000</p>")); err != nil {
		t.Fatal(err)
	}
	if err := st.Remove("../dehors.html"); err == nil {
		t.Error("Remove takes a path outside the site")
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "<p>un</p>", "events/b.html": "<p>b</p>", "years/2000.html": "<p>2000</p>"}
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after removing: %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "topics")); err == nil {
		t.Error("the emptied folder topics/ is still there")
	}
	st, err = Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Abort()
	if err := st.Remove("index.html"); err == nil {
		t.Error("a full build removes a file")
	}
}
