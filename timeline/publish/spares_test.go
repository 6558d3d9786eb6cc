package publish

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// patch updates the site in dir in place: pages are handed over as they
// are (Put), data files written through Create.
func patch(t *testing.T, dir string, pages, data map[string]string) {
	t.Helper()
	st, err := Patch(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Abort()
	for name, text := range pages {
		if err := st.Put(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range data {
		w, err := st.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, text)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
}

// spareFiles returns the files of the spare folder beside dir.
func spareFiles(t *testing.T, dir string) []os.FileInfo {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(filepath.Dir(dir), ".public.spares"))
	if err != nil {
		t.Fatal(err)
	}
	var out []os.FileInfo
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fi)
	}
	return out
}

func TestSparesAreWrittenOver(t *testing.T) {
	if !sparesWork {
		t.Skip("no spares on this system")
	}
	dir := filepath.Join(t.TempDir(), "public")
	stage(t, dir, map[string]string{"index.html": "<p>un</p>", "events/a.html": "<p>a</p>",
		"events/b.html": "<p>b</p>", "events.csv": "slug\na\nb\n"})
	oldA := lstat(t, dir, "events/a.html")

	// The file replaced is kept as a spare.
	patch(t, dir, map[string]string{"events/a.html": "<p>a, corrigé</p>"}, nil)
	spares := spareFiles(t, dir)
	if len(spares) != 1 || !os.SameFile(spares[0], oldA) {
		t.Fatalf("after replacing a.html the spares are %v, want a.html's old file", spares)
	}
	// The next update writes over it: a longer text, then a shorter one.
	oldB := lstat(t, dir, "events/b.html")
	patch(t, dir, map[string]string{"events/b.html": "<p>b, corrigé et complété</p>"}, nil)
	if !os.SameFile(lstat(t, dir, "events/b.html"), oldA) {
		t.Error("b.html is a new file, not the spare written over")
	}
	patch(t, dir, map[string]string{"index.html": "<p>1</p>"}, map[string]string{"events.csv": "slug\n"})
	if !os.SameFile(lstat(t, dir, "index.html"), oldB) && !os.SameFile(lstat(t, dir, "events.csv"), oldB) {
		t.Error("neither index.html nor events.csv is b.html's old file written over")
	}
	want := map[string]string{"index.html": "<p>1</p>", "events/a.html": "<p>a, corrigé</p>",
		"events/b.html": "<p>b, corrigé et complété</p>", "events.csv": "slug\n"}
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after the updates: %q, want %q", got, want)
	}
	for name := range want {
		if fi := lstat(t, dir, name); fi.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", name, fi.Mode().Perm())
		}
	}
	// As many spares as files replaced at once, however many updates.
	for range 5 {
		patch(t, dir, map[string]string{"index.html": "<p>2</p>", "events/a.html": "<p>a</p>"}, map[string]string{"events.csv": "slug\na\n"})
		patch(t, dir, map[string]string{"index.html": "<p>1</p>", "events/a.html": "<p>a, corrigé</p>"}, map[string]string{"events.csv": "slug\n"})
	}
	if n := len(spareFiles(t, dir)); n > 3 {
		t.Errorf("%d spares after updates of 3 files", n)
	}
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after the updates: %q, want %q", got, want)
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}

// TestSparesNeverWriteElsewhere checks that a spare with another name, a
// link to a file, or not readable by all is never written over: it is
// taken out of the folder, and what it points to stays as it was.
func TestSparesNeverWriteElsewhere(t *testing.T) {
	if !sparesWork {
		t.Skip("no spares on this system")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "public")
	stage(t, dir, map[string]string{"index.html": "<p>un</p>", "events/a.html": "<p>a</p>"})
	folder := filepath.Join(root, ".public.spares")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(root, "notes.txt")
	if err := os.WriteFile(outside, []byte("à garder"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(outside, filepath.Join(folder, "1")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(folder, "2")); err != nil {
		t.Fatal(err)
	}
	// A page the site still has, as a process killed between the link
	// and the rename leaves it.
	if err := os.Link(filepath.Join(dir, "index.html"), filepath.Join(folder, "3")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "4"), []byte("privé"), 0o600); err != nil {
		t.Fatal(err)
	}
	patch(t, dir, map[string]string{"events/a.html": "<p>a, corrigé</p>"}, map[string]string{"events.csv": "slug\na\n"})
	if b, err := os.ReadFile(outside); err != nil || string(b) != "à garder" {
		t.Errorf("the file beside the site holds %q (%v)", b, err)
	}
	want := map[string]string{"index.html": "<p>un</p>", "events/a.html": "<p>a, corrigé</p>", "events.csv": "slug\na\n"}
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after the update: %q, want %q", got, want)
	}
	for _, fi := range spareFiles(t, dir) {
		if !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644 || !onlyName(fi) {
			t.Errorf("the spare %s (%v) is still there", fi.Name(), fi.Mode())
		}
	}
}

// TestSparesOnAbort checks that an update aborted with a data file still
// open replaces nothing and leaves no spare half written.
func TestSparesOnAbort(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	stage(t, dir, map[string]string{"index.html": "<p>un</p>", "events.csv": "slug\n"})
	patch(t, dir, map[string]string{"index.html": "<p>deux</p>"}, nil) // a spare
	st, err := Patch(dir)
	if err != nil {
		t.Fatal(err)
	}
	w, err := st.Create("events.csv")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "slug\na\n")
	st.Abort()
	w.Close()
	want := map[string]string{"index.html": "<p>deux</p>", "events.csv": "slug\n"}
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after an aborted update: %q, want %q", got, want)
	}
	patch(t, dir, map[string]string{"index.html": "<p>trois</p>"}, map[string]string{"events.csv": "slug\nb\n"})
	want = map[string]string{"index.html": "<p>trois</p>", "events.csv": "slug\nb\n"}
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after the next update: %q, want %q", got, want)
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}
