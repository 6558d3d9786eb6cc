package publish

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// lstat describes the file name of the site in dir.
func lstat(t *testing.T, dir, name string) os.FileInfo {
	t.Helper()
	fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

func TestWriteReplacesTheSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := map[string][]byte{
		"index.html":       []byte("<!doctype html>\n<html lang=fr>\n<head><title>A</title></head>\n<body>\n  <p>  un   </p>\n</body>\n</html>\n"),
		"events/a.html":    []byte("<!doctype html><html><head><title>a</title></head><body></body></html>"),
		"static/style.css": []byte("body {\n  color : red ;\n}\n"),
		"data.bin":         []byte("  as is  "),
	}
	if err := Write(dir, first); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dir)
	if got["static/style.css"] != "body{color:red}" {
		t.Errorf("css not minified: %q", got["static/style.css"])
	}
	if !strings.Contains(got["index.html"], "<p>un</p>") || !strings.Contains(got["index.html"], "</html>") {
		t.Errorf("html not minified as expected: %q", got["index.html"])
	}
	if got["data.bin"] != "  as is  " {
		t.Errorf("other files must be copied as they are: %q", got["data.bin"])
	}
	// A second build replaces the whole site: files it no longer has are gone.
	if err := Write(dir, map[string][]byte{"index.html": []byte("<p>deux</p>")}); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dir); len(got) != 1 || got["index.html"] != "<p>deux</p>" {
		t.Errorf("after the second build: %v", got)
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}

func TestFailedWriteLeavesThePreviousSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(dir, map[string][]byte{"index.html": []byte("<p>un</p>")}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"../escape.html", "/abs.html", "a/../../b.html", "a\\b.html", ""} {
		err := Write(dir, map[string][]byte{"index.html": []byte("<p>deux</p>"), name: []byte("x")})
		if err == nil || !strings.Contains(err.Error(), "is not inside the site") {
			t.Errorf("Write with %q: err = %v", name, err)
		}
	}
	// A file that cannot be minified fails the whole write.
	err := Write(dir, map[string][]byte{"index.html": []byte("<p>deux</p>"), "bad.json": []byte("{")})
	if err == nil {
		t.Error("Write with invalid JSON succeeded")
	}
	if got := readTree(t, dir); len(got) != 1 || got["index.html"] != "<p>un</p>" {
		t.Errorf("previous site changed: %v", got)
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}

func TestWriteRemovesWhatKilledBuildsLeft(t *testing.T) {
	parent := t.TempDir()
	stale := filepath.Join(parent, ".public-staging-123")
	if err := os.MkdirAll(filepath.Join(stale, "events"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(parent, "public"), map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	assertNoLeftovers(t, parent)
}

func TestConcurrentWritesAreRefused(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	unlock, err := lock(filepath.Join(parent, ".public.lock"), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	err = Write(dir, map[string][]byte{"index.html": []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "another build is writing") {
		t.Fatalf("Write while locked: err = %v", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a refused build wrote %s", dir)
	}
}

func assertNoLeftovers(t *testing.T, parent string) {
	t.Helper()
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if n := e.Name(); n != "public" && n != ".public.lock" && n != ".public.manifest" && n != ".public.spares" {
			t.Errorf("left behind: %s", n)
		}
	}
	// The spares an update in place keeps are named by numbers.
	entries, _ = os.ReadDir(filepath.Join(parent, ".public.spares"))
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil || !e.Type().IsRegular() {
			t.Errorf("left behind among the spares: %s", e.Name())
		}
	}
}

func TestStage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(dir, map[string][]byte{"index.html": []byte("<p>un</p>")}); err != nil {
		t.Fatal(err)
	}
	// Files handed over one by one, in any order, land together at Commit.
	st, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"b/c/d.html", "index.html", "b/e.css"} {
		if err := st.Add(name, []byte("<p>deux</p>")); err != nil {
			t.Fatal(err)
		}
	}
	if got := readTree(t, dir); got["index.html"] != "<p>un</p>" {
		t.Errorf("the target changed before Commit: %v", got)
	}
	if err := st.Add("index.html", nil); err == nil || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("a second index.html: err = %v", err)
	}
	if err := st.Add("../x.html", nil); err == nil {
		t.Error("a path outside the site was accepted")
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, dir); len(got) != 3 || got["b/c/d.html"] != "<p>deux</p>" {
		t.Errorf("after Commit: %v", got)
	}
	if err := st.Add("late.html", nil); err == nil {
		t.Error("Add after Commit was accepted")
	}
	if err := st.Commit(); err == nil {
		t.Error("a second Commit succeeded")
	}

	// An aborted stage leaves the target as it was, and releases the lock.
	st, err = Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add("index.html", []byte("<p>trois</p>")); err != nil {
		t.Fatal(err)
	}
	st.Abort()
	st.Abort()
	if got := readTree(t, dir); got["index.html"] != "<p>deux</p>" {
		t.Errorf("Abort changed the target: %v", got)
	}
	assertNoLeftovers(t, filepath.Dir(dir))

	// A file that fails to minify fails the Commit, and later Adds say so.
	st, err = Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Add("bad.json", []byte("{"))
	if err := st.Commit(); err == nil {
		t.Error("Commit after a failed file succeeded")
	}
	if got := readTree(t, dir); got["index.html"] != "<p>deux</p>" {
		t.Errorf("a failed Commit changed the target: %v", got)
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}

func TestCreateWritesAsItIs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	st, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add("index.html", []byte("<p>  un  </p>")); err != nil {
		t.Fatal(err)
	}
	w, err := st.Create("data/events.json")
	if err != nil {
		t.Fatal(err)
	}
	const data = `{"titre": "Sommet de La Valette"}` // spaces a minifier would take out
	if _, err := w.Write([]byte(data)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if w.Close() == nil {
		t.Error("a second Close succeeded")
	}
	if _, err := st.Create("index.html"); err == nil {
		t.Error("Create of a file already added was accepted")
	}
	if _, err := st.Create("../outside.json"); err == nil {
		t.Error("Create outside the site was accepted")
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dir)
	if got["data/events.json"] != data || got["index.html"] != "<p>un</p>" {
		t.Errorf("after Commit: %q", got)
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}

func TestCommitRefusesAFileStillOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(dir, map[string][]byte{"index.html": []byte("<p>un</p>")}); err != nil {
		t.Fatal(err)
	}
	st, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	w, err := st.Create("events.csv")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("slug,date\r\n"))
	if err := st.Commit(); err == nil || !strings.Contains(err.Error(), "still open") {
		t.Errorf("Commit with a file still open: %v", err)
	}
	w.Close()
	if got := readTree(t, dir); len(got) != 1 || got["index.html"] != "<p>un</p>" {
		t.Errorf("a refused Commit changed the target: %v", got)
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}

func TestRebuildSharesUnchangedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first := map[string][]byte{
		"index.html":    []byte("<p>un</p>"),
		"events/a.html": []byte("<p>a</p>"),
		"events/b.html": []byte("<p>b</p>"),
		"linked.html":   []byte("<p>lien</p>"),
		"mode.html":     []byte("<p>mode</p>"),
	}
	if err := Write(dir, first); err != nil {
		t.Fatal(err)
	}
	stat := func(name string) os.FileInfo { return lstat(t, dir, name) }
	before := map[string]os.FileInfo{}
	for name := range first {
		before[name] = stat(name)
	}
	// A file of the old site that is a link elsewhere, or whose mode was
	// changed, is not shared even when its bytes are the same.
	outside := filepath.Join(t.TempDir(), "outside.html")
	os.WriteFile(outside, []byte("<p>lien</p>"), 0o644)
	os.Remove(filepath.Join(dir, "linked.html"))
	if err := os.Symlink(outside, filepath.Join(dir, "linked.html")); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(dir, "mode.html"), 0o600)

	second := map[string][]byte{
		"index.html":    []byte("<p>un</p>"),
		"events/a.html": []byte("<p>a, corrigé</p>"),
		"events/b.html": []byte("<p>b</p>"),
		"linked.html":   []byte("<p>lien</p>"),
		"mode.html":     []byte("<p>mode</p>"),
	}
	if err := Write(dir, second); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"index.html": true, "events/b.html": true,
		"events/a.html": false, "linked.html": false, "mode.html": false} {
		if got := os.SameFile(before[name], stat(name)); got != want {
			t.Errorf("%s shared with the previous site: %v, want %v", name, got, want)
		}
	}
	got := readTree(t, dir)
	for name, data := range second {
		if got[name] != string(data) {
			t.Errorf("%s = %q, want %q", name, got[name], data)
		}
	}
	if fi := stat("linked.html"); !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644 {
		t.Errorf("linked.html is %v, want a plain file", fi.Mode())
	}
	if b, _ := os.ReadFile(outside); string(b) != "<p>lien</p>" {
		t.Errorf("the file outside the site changed: %q", b)
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}

// stage writes files through Begin, Add and Commit and returns how many
// of them were minified rather than kept from the previous site.
func stage(t *testing.T, dir string, files map[string]string) int64 {
	t.Helper()
	st, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := st.Add(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	return st.minified.Load()
}

func TestRebuildKeepsMinifiedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	files := map[string]string{
		"index.html":       "<p>  un  </p>",
		"events/a.html":    "<p>  a  </p>",
		"static/style.css": "body {\n  color : red ;\n}\n",
	}
	if n := stage(t, dir, files); n != 3 {
		t.Fatalf("first build minified %d files, want 3", n)
	}
	first := readTree(t, dir)

	// The same bytes again: nothing is minified, every file is kept.
	if n := stage(t, dir, files); n != 0 {
		t.Errorf("a rebuild of the same bytes minified %d files", n)
	}
	if got := readTree(t, dir); !reflect.DeepEqual(got, first) {
		t.Errorf("after the rebuild: %q, want %q", got, first)
	}

	// A changed page, and a file edited by hand in the built site: both are
	// minified again; the edit does not survive.
	files["events/a.html"] = "<p>  a, corrigé  </p>"
	edited := filepath.Join(dir, "static", "style.css")
	if err := os.WriteFile(edited, []byte("body{color:blue}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := stage(t, dir, files); n != 2 {
		t.Errorf("rebuild after a change and an edit minified %d files, want 2", n)
	}
	got := readTree(t, dir)
	if got["static/style.css"] != "body{color:red}" || got["events/a.html"] != "<p>a, corrigé</p>" {
		t.Errorf("after the second rebuild: %q", got)
	}

	// A damaged manifest is no manifest.
	if err := os.WriteFile(filepath.Join(filepath.Dir(dir), ".public.manifest"), []byte("n'importe quoi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := stage(t, dir, files); n != 3 {
		t.Errorf("with a damaged manifest %d files were minified, want 3", n)
	}
	want := map[string]string{"index.html": "<p>un</p>", "events/a.html": "<p>a, corrigé</p>", "static/style.css": "body{color:red}"}
	if got := readTree(t, dir); !reflect.DeepEqual(got, want) {
		t.Errorf("after a build with a damaged manifest: %q, want %q", got, want)
	}
	assertNoLeftovers(t, filepath.Dir(dir))
}

// TestPutThen checks that a file put with PutThen is written as it was
// handed over, and its bytes handed back only once written: writing over
// them then changes nothing on disk. A file refused, or given up once a
// build has failed, is handed back too.
func TestPutThen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	st, err := Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	back := map[string]bool{}
	release := func(b []byte) {
		mu.Lock()
		defer mu.Unlock()
		back[string(b)] = true
		for i := range b {
			b[i] = 'x' // as the next page rendered into them would
		}
	}
	names := []string{"index.html", "a/b.html", "c.html"}
	for _, name := range names {
		if err := st.PutThen(name, []byte("<p>"+name+"</p>"), release); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.PutThen("index.html", []byte("<p>encore</p>"), release); err == nil {
		t.Error("a second index.html was accepted")
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dir)
	for _, name := range names {
		if got[name] != "<p>"+name+"</p>" {
			t.Errorf("%s holds %q", name, got[name])
		}
		if !back[("<p>" + name + "</p>")] {
			t.Errorf("%s was not handed back", name)
		}
	}
	if !back["<p>encore</p>"] {
		t.Error("the file refused was not handed back")
	}

	st, err = Begin(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Files queued around a failure are handed back once each, whether
	// written, given up by a writer or refused.
	released := map[string]int{}
	count := func(b []byte) {
		mu.Lock()
		defer mu.Unlock()
		released[string(b)]++
	}
	for i := range 100 {
		if i == 30 {
			st.Add("bad.json", []byte("{"))
		}
		st.PutThen(fmt.Sprintf("p%d.html", i), fmt.Appendf(nil, "<p>%d</p>", i), count)
	}
	for !st.failed() {
		runtime.Gosched() // until a writer has met the bad file
	}
	st.PutThen("late.html", []byte("<p>late</p>"), count)
	if err := st.Commit(); err == nil {
		t.Fatal("Commit after a failed file succeeded")
	}
	mu.Lock()
	defer mu.Unlock()
	for i := range 100 {
		if n := released[fmt.Sprintf("<p>%d</p>", i)]; n != 1 {
			t.Errorf("p%d.html was handed back %d times", i, n)
		}
	}
	if released["<p>late</p>"] != 1 {
		t.Error("a file refused after a failure was not handed back once")
	}
}

// TestSame checks that a file is found to hold data exactly, read a piece
// at a time, whatever its size and wherever a difference is.
func TestSame(t *testing.T) {
	dir := t.TempDir()
	var b buffers
	for _, n := range []int{0, 1, sameChunk - 1, sameChunk, sameChunk + 1, 3*sameChunk + 7} {
		data := bytes.Repeat([]byte("abcdefg"), n/7+1)[:n]
		name := filepath.Join(dir, strconv.Itoa(n))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if !b.same(name, data) {
			t.Errorf("%d bytes: the same file is found to differ", n)
		}
		for _, at := range []int{0, n / 2, sameChunk, n - 1} {
			if at < 0 || at >= n {
				continue
			}
			other := bytes.Clone(data)
			other[at] ^= 1
			if b.same(name, other) {
				t.Errorf("%d bytes: a difference at %d is not found", n, at)
			}
		}
		if b.same(name, append(bytes.Clone(data), 'x')) || n > 0 && b.same(name, data[:n-1]) {
			t.Errorf("%d bytes: a file of another length is found the same", n)
		}
	}
}
