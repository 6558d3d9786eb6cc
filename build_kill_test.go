package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeLargeContent writes a content tree of n events citing one source;
// version goes into every title, so two versions give different sites.
func writeLargeContent(t testing.TB, dir string, n int, version string) {
	t.Helper()
	files := map[string]string{
		"_index.md": "---\ntitle: Grande frise\ndescription: Une frise de plusieurs milliers d'événements.\n---\nIntroduction.\n",
	}
	var src strings.Builder
	for i := range n {
		fmt.Fprintf(&src, "Le ministre a signé l'accord numéro %d avec ses homologues à Rabat.\n", i)
	}
	files["sources/depeches.txt"] = src.String()
	actors := []string{"Nasser Bourita", "Gérald Darmanin", "Union européenne", "Abdelouafi Laftit"}
	places := []string{"Rabat", "Paris", "Madrid", "La Valette"}
	for i := range n {
		y, m := 2000+i%25, 1+i%12
		files[fmt.Sprintf("events/%04d/%d-%02d-accord-%d.md", y, y, m, i)] = fmt.Sprintf(`---
title: "Accord numéro %d (%s)"
date: %d-%02d
summary: Le ministre signe l'accord numéro %d avec ses homologues.
actors: [%s]
places: [%s]
topics: [migration, accord %d]
sources:
  - source: depeches
    quote: "a signé l'accord numéro %d avec ses homologues"
---
L'accord numéro %d porte sur la coopération migratoire.
`, i, version, y, m, i, actors[i%len(actors)], places[i%len(places)], i%40, i, i)
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// treeDigest is a digest of every file's path and bytes below dir.
func treeDigest(t testing.TB, dir string) string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, n)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
		h.Write(b)
	}
	return fmt.Sprintf("%d files %x", len(names), h.Sum(nil))
}

// friseCommand runs this test binary as the frise command (see TestMain).
func friseCommand(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := &exec.Cmd{Path: exe, Args: append([]string{"frise"}, args...)}
	return cmd
}

// staging returns the staging folders beside out and how many entries they hold.
func staging(parent string) (names []string, entries int) {
	des, _ := os.ReadDir(parent)
	for _, de := range des {
		if strings.HasPrefix(de.Name(), ".public-") {
			names = append(names, de.Name())
			filepath.WalkDir(filepath.Join(parent, de.Name()), func(string, fs.DirEntry, error) error {
				entries++
				return nil
			})
		}
	}
	return names, entries
}

// waitForStaging polls until a build has written at least min entries into
// its staging folder, or the build has ended.
func waitForStaging(t *testing.T, parent string, min int, done <-chan error) bool {
	t.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-done:
			return false
		default:
		}
		if _, n := staging(parent); n >= min {
			return true
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("no build wrote into a staging folder within 5 minutes")
	return false
}

func TestKilledBuildLeavesThePreviousSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 2,000 events several times")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	work := t.TempDir()
	contentDir, out := filepath.Join(work, "content"), filepath.Join(work, "public")
	writeLargeContent(t, contentDir, 2000, "première version")
	build := func() *exec.Cmd {
		cmd := friseCommand(t, "build", "-content", contentDir, "-out", out)
		cmd.Dir = work
		return cmd
	}
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	before := treeDigest(t, out)

	// A second version, killed while it writes its files.
	writeLargeContent(t, contentDir, 2000, "seconde version")
	cmd := build()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	if !waitForStaging(t, work, 200, done) {
		t.Fatalf("the build ended before it could be killed while writing:\n%s", stderr.String())
	}
	cmd.Process.Signal(syscall.SIGKILL)
	err := <-done
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the build was not killed: %v\n%s", err, stderr.String())
	}
	if names, n := staging(work); len(names) == 0 || n == 0 {
		t.Log("the killed build left no staging folder")
	}
	if got := treeDigest(t, out); got != before {
		t.Fatalf("a killed build changed the site: %s, was %s", got, before)
	}

	// The next build succeeds, gives the second version and clears what the killed one left.
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatalf("build after the kill: %v\n%s", err, b)
	}
	if names, _ := staging(work); len(names) > 0 {
		t.Errorf("left beside the site after a good build: %v", names)
	}
	page, err := os.ReadFile(filepath.Join(out, "events", "2000-01-accord-0.html"))
	if err != nil || !bytes.Contains(page, []byte("seconde version")) {
		t.Errorf("the build after the kill did not write the second version: %v", err)
	}
}

func TestConcurrentBuildsAreRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 2,000 events")
	}
	work := t.TempDir()
	big, small, out := filepath.Join(work, "big"), filepath.Join(work, "small"), filepath.Join(work, "public")
	writeLargeContent(t, big, 2000, "grande")
	writeLargeContent(t, small, 2, "petite")

	cmd := friseCommand(t, "build", "-content", big, "-out", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	if !waitForStaging(t, work, 1, done) {
		t.Fatalf("the first build ended before the second could start:\n%s", stderr.String())
	}
	// The small build reaches its write while the big one holds the lock.
	var so, se bytes.Buffer
	code := run([]string{"build", "-content", small, "-out", out}, nil, &so, &se)
	if code != 1 || !strings.Contains(se.String(), "another build is writing "+out) {
		t.Errorf("second build: exit %d, stderr:\n%s", code, se.String())
	}
	if err := <-done; err != nil {
		t.Fatalf("the first build failed: %v\n%s", err, stderr.String())
	}
	page, err := os.ReadFile(filepath.Join(out, "events", "2000-01-accord-0.html"))
	if err != nil || !bytes.Contains(page, []byte("grande")) {
		t.Errorf("the site is not the first build's: %v", err)
	}
	if names, _ := staging(work); len(names) > 0 {
		t.Errorf("left beside the site: %v", names)
	}
}
