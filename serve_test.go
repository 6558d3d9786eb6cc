package main

import (
	"bufio"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestServeFollowsEdits runs frise serve on a copy of the site's content,
// as an editor would, and edits an event file: a new title is taken in
// place, as is a new date, a new site title rebuilds the site, a broken
// file gets the error page and the fixed file the page again. Every answer comes over HTTP from
// the running command.
func TestServeFollowsEdits(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "content", filepath.Join(dir, "content"))
	cmd := friseCommand(t, "serve", "-addr", "127.0.0.1:0")
	cmd.Dir = dir
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	}()
	log := &lockedLog{}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		serving := regexp.MustCompile(`at http://(127\.0\.0\.1:\d+)/`)
		for sc.Scan() {
			log.add(sc.Text())
			if m := serving.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a + "/"
	case <-time.After(time.Minute):
		t.Fatalf("serve did not start:\n%s", log)
	}

	page := "events/2015-11-sommet-de-la-valette.html"
	file := filepath.Join(dir, "content", "events", "2015-11-sommet-de-la-valette.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	save := func(text string) {
		t.Helper()
		tmp := filepath.Join(dir, "content", "events", ".edit.tmp")
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, file); err != nil {
			t.Fatal(err)
		}
	}
	waitFor := func(what, path string, status int, want string) {
		t.Helper()
		deadline := time.Now().Add(time.Minute)
		for time.Now().Before(deadline) {
			got, body := fetch(t, base+path)
			if got == status && strings.Contains(body, want) {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("%s: %s never answered %d with %q; log:\n%s", what, path, status, want, log)
	}
	waitLog := func(what, want string) {
		t.Helper()
		deadline := time.Now().Add(time.Minute)
		for !strings.Contains(log.String(), want) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: the log never says %q:\n%s", what, want, log)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("the first build", page, 200, "Sommet de La Valette sur la migration")

	save(strings.Replace(string(orig), "title: Sommet de La Valette sur la migration", "title: Sommet de La Valette, Malte", 1))
	waitFor("a new title", page, 200, "Sommet de La Valette, Malte")
	waitFor("a new title, on the year's list", "index.html", 200, "Sommet de La Valette, Malte")
	waitLog("a new title", "sommet-de-la-valette.md changed: updated")

	save(strings.Replace(string(orig), "date: 2015-11", "date: 2015-11-12", 1))
	waitFor("a new date", page, 200, "12 novembre 2015")

	// Outside the event files, a change rebuilds the whole site.
	index := filepath.Join(dir, "content", "_index.md")
	b, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	retitled := regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(string(b), "title: Frise pour essai")
	if err := os.WriteFile(index, []byte(retitled), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("a new site title", page, 200, "Frise pour essai")
	waitLog("a new site title", "_index.md changed: rebuilt the site")

	save(strings.Replace(string(orig), "title: Sommet de La Valette sur la migration\n", "", 1))
	waitFor("a broken file", page, 500, "2015-11-sommet-de-la-valette.md")
	save(string(orig))
	waitFor("the file mended", page, 200, "Sommet de La Valette sur la migration")

	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve ended with %v; log:\n%s", err, log)
		}
	case <-time.After(time.Minute):
		t.Fatal("serve did not stop on an interrupt")
	}
}

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// lockedLog collects a command's lines as they come.
type lockedLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *lockedLog) add(line string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, line)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// copyTree copies the files below src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
