package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"frise/timeline/content"
)

// handWritten are the shipped events a person wrote before any extraction;
// the others were extracted, then reviewed, from the same sources.
var handWritten = map[string]bool{
	"2015-11-sommet-de-la-valette.md":                     true,
	"2021-visas-divises-par-deux.md":                      true,
	"2023-01-rapatriement-de-l-imam-iquioussen.md":        true,
	"2024-10-visite-d-etat-d-emmanuel-macron-au-maroc.md": true,
	"2025-visite-de-bruno-retailleau-a-rabat.md":          true,
}

// copyContent copies the shipped content tree into a temporary directory,
// with only the hand-written events, so that extraction has events to add.
func copyContent(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	src := "../../content"
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if filepath.Base(filepath.Dir(p)) == "events" && !handWritten[d.Name()] {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	ents, _ := os.ReadDir(filepath.Join(dir, "events"))
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, "events", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// reviewedVisas is a reviewed event that cites one of the three sources
// reporting it.
const reviewedVisas = `---
title: La France divise par deux les visas accordés aux Marocains
date: 2021/2022
summary: Paris réduit de moitié le nombre de visas délivrés aux Marocains.
places: [France, Maroc]
topics: [visas]
sources:
  - source: 001_125d3cfc387d7d3e
    quote: "la France avait divisé par deux le nombre de visas accordés aux Marocains en 2021-2022"
status: reviewed
---
`

func TestRunKeepsPeoplesWork(t *testing.T) {
	dir := copyContent(t)
	os.Remove(filepath.Join(dir, "events", "2021-visas-divises-par-deux.md"))
	if err := os.WriteFile(filepath.Join(dir, "events", "2021-visas-relu.md"), []byte(reviewedVisas), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)

	r, err := Run(Options{ContentDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Added) == 0 {
		t.Fatal("nothing added")
	}
	after := snapshot(t, dir)
	for name, text := range before {
		if after[name] != text {
			t.Errorf("reviewed file %s changed", name)
		}
	}
	var out bytes.Buffer
	r.Print(&out)
	if !strings.Contains(out.String(), "left alone events/2021-visas-relu.md") {
		t.Errorf("report does not say it left the reviewed file alone:\n%s", out.String())
	}
	suggested := false
	for _, s := range r.Suggestions {
		suggested = suggested || s.File == "events/2021-visas-relu.md" && s.Source == "002_d69a226663c120b3"
	}
	if !suggested {
		t.Errorf("no suggestion of source 002 for the reviewed visa event:\n%s", out.String())
	}

	// Every file passes the content contract: the loader finds every quote.
	site, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatalf("content does not load after extraction: %v", err)
	}
	extracted := 0
	for _, e := range site.Events {
		if e.Status == "extracted" {
			extracted++
		}
	}
	if extracted != len(r.Added) {
		t.Errorf("loaded %d extracted events, added %d", extracted, len(r.Added))
	}

	// A second run changes nothing.
	r2, err := Run(Options{ContentDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(r2.Added)+len(r2.Updated) != 0 || len(r2.Unchanged) != len(r.Added) {
		t.Errorf("second run: %d added, %d updated, %d unchanged; want 0, 0, %d", len(r2.Added), len(r2.Updated), len(r2.Unchanged), len(r.Added))
	}
	again := snapshot(t, dir)
	for name, text := range after {
		if again[name] != text {
			t.Errorf("second run changed %s", name)
		}
	}

	// An extracted file a person edited is left alone.
	edited := filepath.Join(dir, r.Added[0].File)
	b, _ := os.ReadFile(edited)
	touched := strings.Replace(string(b), "title: ", "title: \"Revu\" #", 1)
	touched = strings.Replace(string(b), "\n---\n", "\n---\nUn mot de l'éditeur.\n", 1)
	if err := os.WriteFile(edited, []byte(touched), 0o644); err != nil {
		t.Fatal(err)
	}
	r3, err := Run(Options{ContentDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(edited); string(got) != touched {
		t.Error("an edited extracted file was overwritten")
	}
	found := false
	for _, k := range r3.Kept {
		if k.File == r.Added[0].File && strings.Contains(k.Why, "edited") {
			found = true
		}
	}
	if !found {
		t.Errorf("edited file %s not reported as left alone: %+v", r.Added[0].File, r3.Kept)
	}
}

func TestDryRunAndJSONWriteNothing(t *testing.T) {
	dir := copyContent(t)
	before := snapshot(t, dir)
	r, err := Run(Options{ContentDir: dir, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Added) == 0 {
		t.Error("a dry run should report what it would add")
	}
	var out bytes.Buffer
	if err := JSON(Options{ContentDir: dir}, &out); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, dir)
	if len(after) != len(before) {
		t.Errorf("files written: %d before, %d after", len(before), len(after))
	}
	var m map[string][]map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	evs := m["000_a5a4beaffec547ff.txt"]
	if len(evs) == 0 || evs[0]["date"] != "2015-11" {
		t.Errorf("000: %v", evs)
	}
	for _, k := range []string{"date", "title", "quote", "actors", "places"} {
		if _, ok := evs[0][k]; !ok {
			t.Errorf("JSON event has no %q", k)
		}
	}
}

// TestUncited checks that a new source counts as not extracted until
// extract has proposed its events.
func TestUncited(t *testing.T) {
	dir := copyContent(t)
	os.WriteFile(filepath.Join(dir, "sources", "999_nouveau.txt"), []byte("Le 3 mars 2025, le ministre a signé un accord."), 0o644)
	uncited := func() []string {
		t.Helper()
		s, err := content.Load(os.DirFS(dir))
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, src := range s.Uncited() {
			ids = append(ids, src.ID)
		}
		return ids
	}
	if p := uncited(); !slices.Equal(p, []string{"999_nouveau"}) {
		t.Errorf("uncited = %v, want [999_nouveau]", p)
	}
	if _, err := Run(Options{ContentDir: dir}); err != nil {
		t.Fatal(err)
	}
	if p := uncited(); len(p) != 0 {
		t.Errorf("after extraction, uncited = %v", p)
	}
}

func TestTitles(t *testing.T) {
	lx, err := loadLexicon("../../content")
	if err != nil {
		t.Fatal(err)
	}
	srcs, _ := readSources("../../content/sources")
	for _, e := range lx.events(srcs) {
		if n := len([]rune(e.Title)); n > maxTitle || n < 10 {
			t.Errorf("title of %d characters: %q", n, e.Title)
		}
		name := fileName(e)
		if content.Slugify(name) != name {
			t.Errorf("file name %q is not lower-case ASCII with dashes", name)
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	lx, err := loadLexicon("../../content")
	if err != nil {
		b.Fatal(err)
	}
	// The seeds and the held-out articles: news text as it comes.
	files, _ := filepath.Glob("../../content/sources/*.txt")
	more, _ := filepath.Glob("testdata/heldout/*.txt")
	files = append(files, more...)
	var raws []string
	size := 0
	for _, f := range files {
		r, _ := os.ReadFile(f)
		raws = append(raws, string(r))
		size += len(r)
	}
	b.SetBytes(int64(size))
	// The machine may be shared: processor time, not wall time, tells how
	// fast one core reads.
	start := cpuTime()
	for b.Loop() {
		var srcs []*source
		for i, r := range raws {
			srcs = append(srcs, newSource(filepath.Base(files[i]), filepath.Base(files[i]), r))
		}
		lx.events(srcs)
	}
	if cpu := cpuTime() - start; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu, "cpu-MB/s")
	}
}

func TestWriteAtomicNeverClobbers(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "events", "a.md")
	if err := writeAtomic(p, []byte("un"), nil); err != nil {
		t.Fatal(err)
	}
	// A new file whose name was taken meanwhile is not written over.
	if err := writeAtomic(p, []byte("deux"), nil); err != errChanged {
		t.Errorf("writing over a file that appeared: err = %v", err)
	}
	// An update of a file an editor saved since the run read it is refused.
	if err := writeAtomic(p, []byte("deux"), []byte("ce que la passe avait lu")); err != errChanged {
		t.Errorf("writing over an edited file: err = %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "un" {
		t.Errorf("the file became %q", b)
	}
	// An update of the file as read goes through.
	if err := writeAtomic(p, []byte("deux"), []byte("un")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "deux" {
		t.Errorf("the file is %q", b)
	}
	ents, _ := os.ReadDir(filepath.Dir(p))
	if len(ents) != 1 {
		t.Errorf("temporary files left behind: %v", ents)
	}
}

func TestHiddenFilesAreNotEvents(t *testing.T) {
	dir := copyContent(t)
	// An editor's lock file: a link to nowhere, which reading would fail on.
	if err := os.Symlink("nowhere@1234", filepath.Join(dir, "events", ".#2015-11-sommet-de-la-valette.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{ContentDir: dir, DryRun: true}); err != nil {
		t.Fatalf("a hidden lock file stopped extract: %v", err)
	}
}

func TestSourceNamesMustBeIDs(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "une dépêche.txt"), []byte("En novembre 2015, un sommet a eu lieu."), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := JSON(Options{ContentDir: t.TempDir(), SourcesDir: dir}, &out)
	if err == nil || !strings.Contains(err.Error(), `file name "une dépêche" is not a source id: rename it une-depeche.txt`) {
		t.Errorf("err = %v", err)
	}
}
