package preview

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// updates records the calls to Options.Update.
type updates struct {
	mu    sync.Mutex
	calls [][]string
	err   error // what each call returns
}

func (u *updates) update(changed []string) (string, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.calls = append(u.calls, slices.Clone(changed))
	return "updated", u.err
}

// wait returns the calls once there are at least n.
func (u *updates) wait(t *testing.T, n int) [][]string {
	t.Helper()
	var calls [][]string
	eventually(t, fmt.Sprintf("%d calls to Update", n), func() bool {
		u.mu.Lock()
		defer u.mu.Unlock()
		calls = slices.Clone(u.calls)
		return len(calls) >= n
	})
	return calls
}

// waitFor returns the calls once together they name every path of want.
func (u *updates) waitFor(t *testing.T, want []string) [][]string {
	t.Helper()
	var calls [][]string
	eventually(t, fmt.Sprintf("calls to Update naming %q", want), func() bool {
		u.mu.Lock()
		defer u.mu.Unlock()
		calls = slices.Clone(u.calls)
		seen := map[string]bool{}
		for _, c := range calls {
			for _, p := range c {
				seen[p] = true
			}
		}
		for _, p := range want {
			if !seen[p] {
				return false
			}
		}
		return true
	})
	return calls
}

// logBuffer is a log that tests read while Serve writes to it.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// notified serves s with Update recorded and no whole comparison for an
// hour, so what is seen is seen through notifications.
func notified(t *testing.T, s *site, u *updates, log io.Writer) {
	t.Helper()
	serveWith(t, s, func(o *Options) {
		o.Update = u.update
		o.backstop = time.Hour
		o.Log = log
	})
}

// TestUpdateNamesWhatChanged makes one kind of save after another; each
// calls Update once, with the paths it touched and nothing else. Each save
// is one step on disk (a rename, one write, a removal), as a save made of
// two writes far enough apart is rightly told as two.
func TestUpdateNamesWhatChanged(t *testing.T) {
	s := newSite(t, "Sommet de La Valette")
	events := filepath.Join(s.src, "events")
	a, b, c := filepath.Join(events, "a.md"), filepath.Join(events, "b.md"), filepath.Join(events, "c.md")
	write(t, a, "---\ntitle: Sommet de La Valette\n---\n")
	write(t, b, "---\ntitle: Plan d'action\n---\n")
	write(t, c, "---\ntitle: Fonds fiduciaire\n---\n")
	u := &updates{}
	var log logBuffer
	notified(t, s, u, &log)

	renameOver := func(tmp, name, text string) {
		write(t, tmp, text)
		if err := os.Rename(tmp, name); err != nil {
			t.Fatal(err)
		}
	}
	for i, step := range []struct {
		name string
		do   func()
		want []string
	}{
		{"enregistré par renommage depuis un autre dossier", func() {
			renameOver(filepath.Join(s.base, "a.tmp"), a, "---\ntitle: Sommet de La Valette, 11 et 12 novembre 2015\n---\n")
		}, []string{a}},
		{"enregistré par renommage d'un fichier caché voisin", func() {
			renameOver(filepath.Join(events, ".b.md.tmp"), b, "---\ntitle: Plan d'action commun\n---\n")
		}, []string{b}},
		{"ajout en fin de fichier", func() {
			f, err := os.OpenFile(c, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteString("Doté de 1,8 milliard d'euros.\n"); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
		}, []string{c}},
		{"nouveau dossier avec son fichier", func() {
			write(t, filepath.Join(s.base, "ailleurs", "2016", "d.md"), "---\ntitle: Suivi à Malte\n---\n")
			if err := os.Rename(filepath.Join(s.base, "ailleurs", "2016"), filepath.Join(events, "2016")); err != nil {
				t.Fatal(err)
			}
		}, []string{filepath.Join(events, "2016"), filepath.Join(events, "2016", "d.md")}},
		{"fichier du nouveau dossier modifié", func() {
			renameOver(filepath.Join(s.base, "d.tmp"), filepath.Join(events, "2016", "d.md"), "---\ntitle: Réunion de suivi à Malte\n---\n")
		}, []string{filepath.Join(events, "2016", "d.md")}},
		{"suppression", func() {
			if err := os.Remove(a); err != nil {
				t.Fatal(err)
			}
		}, []string{a}},
		{"fichiers ignorés, puis une modification", func() {
			write(t, filepath.Join(events, ".c.md.swp"), "vim")
			write(t, filepath.Join(events, "c.md~"), "sauvegarde")
			write(t, filepath.Join(s.src, ".git", "objects", "ab"), "objet")
			write(t, filepath.Join(events, ".cache", "x.md"), "caché")
			renameOver(filepath.Join(s.base, "b.tmp"), b, "---\ntitle: Plan d'action de La Valette\n---\n")
		}, []string{b}},
		{"dossier renommé hors du site", func() {
			if err := os.Rename(filepath.Join(events, "2016"), filepath.Join(s.base, "2016")); err != nil {
				t.Fatal(err)
			}
		}, []string{filepath.Join(events, "2016"), filepath.Join(events, "2016", "d.md")}},
		{"dossier recréé sous le même nom", func() {
			write(t, filepath.Join(s.base, "neuf", "e.md"), "---\ntitle: Bilan\n---\n")
			if err := os.Rename(filepath.Join(s.base, "neuf"), filepath.Join(events, "2016")); err != nil {
				t.Fatal(err)
			}
		}, []string{filepath.Join(events, "2016"), filepath.Join(events, "2016", "e.md")}},
		{"fichier du dossier recréé modifié", func() {
			renameOver(filepath.Join(s.base, "e.tmp"), filepath.Join(events, "2016", "e.md"), "---\ntitle: Bilan d'étape\n---\n")
		}, []string{filepath.Join(events, "2016", "e.md")}},
	} {
		step.do()
		calls := u.wait(t, i+1)
		if !slices.Equal(calls[i], step.want) {
			t.Fatalf("%s: Update got %q, want %q (all calls: %q)", step.name, calls[i], step.want, calls)
		}
	}
	if u.wait(t, 1)[0][0] != a || !strings.Contains(log.String(), a+" changed: updated in ") {
		t.Errorf("the log does not name the change:\n%s", log.String())
	}
	if want := filepath.Join(events, "2016") + " and 1 other file changed: updated in "; !strings.Contains(log.String(), want) {
		t.Errorf("the log lacks %q:\n%s", want, log.String())
	}
	if n := s.builds.Load(); n != 1 {
		t.Errorf("%d builds; want only the first, the rest going to Update", n)
	}
}

// TestABurstOfSaves edits three files within a few milliseconds, as a
// search and replace across files does: one or a few calls name them all.
func TestABurstOfSaves(t *testing.T) {
	s := newSite(t, "Sommet de La Valette")
	var names []string
	for _, n := range []string{"2015-11-11-valette.md", "2015-11-12-declaration.md", "2016-02-03-fonds.md"} {
		names = append(names, filepath.Join(s.src, "events", n))
		write(t, names[len(names)-1], "---\ntitle: La Valette\n---\n")
	}
	u := &updates{}
	notified(t, s, u, nil)
	for i, n := range names {
		tmp := filepath.Join(s.base, fmt.Sprintf("%d.tmp", i))
		write(t, tmp, "---\ntitle: La Valette (Malte)\n---\n")
		if err := os.Rename(tmp, n); err != nil {
			t.Fatal(err)
		}
	}
	calls := u.waitFor(t, names)
	if len(calls) > 3 {
		t.Errorf("%d calls for three saves: %q", len(calls), calls)
	}
	for _, c := range calls {
		if !slices.IsSorted(c) || len(slices.Compact(slices.Clone(c))) != len(c) {
			t.Errorf("a call with paths not sorted or repeated: %q", c)
		}
		for _, p := range c {
			if !slices.Contains(names, p) {
				t.Errorf("a call names %s, which was not saved", p)
			}
		}
	}
}

// TestFoldersMadeInAHurry creates nested folders and files at once, as
// "mkdir -p" and a checkout do, faster than watches can be added: every
// path is named, and a file added deep down later is noticed too. A file
// may be named twice, when it was first seen half-written.
func TestFoldersMadeInAHurry(t *testing.T) {
	s := newSite(t, "Sommet de La Valette")
	u := &updates{}
	notified(t, s, u, nil)
	a := filepath.Join(s.src, "places")
	deep := filepath.Join(a, "malte", "la-valette", "index.md")
	top := filepath.Join(a, "bruxelles.md")
	write(t, deep, "La Valette")
	write(t, top, "Bruxelles")
	want := []string{a, filepath.Join(a, "malte"), filepath.Join(a, "malte", "la-valette"), deep, top}
	n := len(u.waitFor(t, want))

	later := filepath.Join(a, "malte", "la-valette", "port.md")
	write(t, later, "Le Grand Port")
	for _, c := range u.waitFor(t, []string{later})[n:] {
		for _, p := range c {
			if p != later && p != deep && p != top {
				t.Errorf("a file added in a folder made in a hurry: Update got %q", c)
			}
		}
	}
}

// TestFolderAppearing watches a folder that does not exist yet, as a site
// without static/ does: it is noticed once made, then watched like the rest.
func TestFolderAppearing(t *testing.T) {
	s := newSite(t, "Sommet de La Valette")
	static := filepath.Join(s.base, "static")
	u := &updates{}
	serveWith(t, s, func(o *Options) {
		o.Update = u.update
		o.backstop = time.Hour
		o.Watch = append(o.Watch, static)
	})
	css := filepath.Join(static, "style.css")
	write(t, css, "body{color:#222}")
	n := len(u.waitFor(t, []string{static, css}))

	print := filepath.Join(static, "print.css")
	write(t, print, "body{color:#000}")
	for _, c := range u.waitFor(t, []string{print})[n:] {
		for _, p := range c {
			if p != print && p != css {
				t.Errorf("a file added in a folder that appeared: Update got %q", c)
			}
		}
	}
}

// TestPollingBackstop switches notifications off, as where they are lost:
// whole comparisons still notice a save.
func TestPollingBackstop(t *testing.T) {
	s := newSite(t, "Sommet de La Valette")
	name := filepath.Join(s.src, "events", "a.md")
	write(t, name, "un")
	u := &updates{}
	serveWith(t, s, func(o *Options) {
		o.Update = u.update
		o.poll = true
	})
	write(t, filepath.Join(s.src, "events", ".a.md.swp"), "ignoré")
	write(t, name, "deux, plus long")
	if calls := u.wait(t, 1); !slices.Equal(calls[0], []string{name}) {
		t.Errorf("Update got %q, want %q", calls[0], name)
	}
}

func TestUpdateFailuresAreShown(t *testing.T) {
	for _, tc := range []struct {
		name   string
		update func([]string) (string, error)
		want   string
	}{
		{"erreur", func([]string) (string, error) { return "", fmt.Errorf("render events/a.md: template: no such partial") }, "render events/a.md: template: no such partial"},
		{"panique", func([]string) (string, error) { panic("index out of range [3] with length 2") }, "the build stopped on a bug: index out of range [3] with length 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSite(t, "Sommet de La Valette")
			addr, _ := serveWith(t, s, func(o *Options) {
				o.Update = tc.update
				o.backstop = time.Hour
			})
			s.edit(t, "Sommet de La Valette, novembre 2015")
			eventually(t, "the error page is served", func() bool {
				r := get(t, "http://"+addr+"/")
				return r.status == 500 && strings.Contains(r.body, tc.want)
			})
		})
	}
}

// BenchmarkNotice measures the time from a save (a new file renamed over an
// event file) to Update being called, on a content tree of 11,000 files in
// 10 folders; it includes the quiet spell that gathers a save's notifications.
func BenchmarkNotice(b *testing.B) {
	base := b.TempDir()
	root := filepath.Join(base, "content")
	var names []string
	for i := range 11000 {
		name := filepath.Join(root, "events", fmt.Sprint(2015+i%10), fmt.Sprintf("evenement-%d.md", i))
		if i < 10 {
			os.MkdirAll(filepath.Dir(name), 0o755)
		}
		if err := os.WriteFile(name, []byte("---\ntitle: X\ndate: 2015\n---\n"), 0o644); err != nil {
			b.Fatal(err)
		}
		names = append(names, name)
	}
	w := newWatcher([]string{root}, true, io.Discard)
	if w.note == nil {
		b.Fatal("no notifications on this system")
	}
	got := make(chan []string, 16)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { w.run(ctx, 50*time.Millisecond, defaultBackstop, func(c []string) { got <- c }) })
	defer func() { cancel(); wg.Wait() }()

	tmp := filepath.Join(base, "save.tmp")
	i := 0
	for b.Loop() {
		b.StopTimer()
		name := names[i*7919%len(names)]
		i++
		if err := os.WriteFile(tmp, fmt.Appendf(nil, "---\ntitle: Version %d\ndate: 2015\n---\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := os.Rename(tmp, name); err != nil {
			b.Fatal(err)
		}
		if c := <-got; !slices.Contains(c, name) {
			b.Fatalf("saved %s, Update got %q", name, c)
		}
	}
}

// watchFor runs w until the test ends, sending each change on the channel returned.
func watchFor(t *testing.T, w *watcher) <-chan []string {
	t.Helper()
	got := make(chan []string, 16)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { w.run(ctx, 20*time.Millisecond, time.Hour, func(c []string) { got <- c }) })
	t.Cleanup(func() { cancel(); wg.Wait() })
	return got
}

func next(t *testing.T, got <-chan []string) []string {
	t.Helper()
	select {
	case c := <-got:
		return c
	case <-time.After(20 * time.Second):
		t.Fatal("no change reported after 20s")
		return nil
	}
}

// TestNotificationsLost closes the notifications under the watcher, as a
// system that stops sending them: it says so once and compares whole
// folders from then on.
func TestNotificationsLost(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.md")
	write(t, name, "un")
	var log logBuffer
	w := newWatcher([]string{dir}, true, &log)
	if w.note == nil {
		t.Skip("no notifications on this system")
	}
	w.note.fs.Close()
	got := watchFor(t, w)
	write(t, name, "deux, plus long")
	if c := next(t, got); !slices.Equal(c, []string{name}) {
		t.Errorf("after notifications stopped: %q", c)
	}
	write(t, name, "trois, plus long encore")
	if c := next(t, got); !slices.Equal(c, []string{name}) {
		t.Errorf("a second edit: %q", c)
	}
	if n := strings.Count(log.String(), "frise: no change notifications"); n != 1 {
		t.Errorf("the log tells of the lost notifications %d times:\n%s", n, log.String())
	}
}

// TestWatchingTheCurrentFolder watches ".", whose notifications name files
// "./a.md": the changes are named as the pictures name them, "a.md".
func TestWatchingTheCurrentFolder(t *testing.T) {
	t.Chdir(t.TempDir())
	write(t, "a.md", "un")
	w := newWatcher([]string{"."}, true, io.Discard)
	got := watchFor(t, w)
	write(t, "a.md", "deux, plus long")
	if c := next(t, got); !slices.Equal(c, []string{"a.md"}) {
		t.Errorf("an edit in \".\": %q", c)
	}
}
