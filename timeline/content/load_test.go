package content

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/load/*.txtar")

// TestLoad runs each testdata/load/*.txtar: its files are a content tree,
// and its section "want" lists the problems and warnings Load reports,
// each followed by its hint.
func TestLoad(t *testing.T) {
	paths, err := filepath.Glob("testdata/load/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatal("no test cases in testdata/load")
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			wantAt := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					wantAt = i
					continue
				}
				fsys[f.Name] = &fstest.MapFile{Data: unescape(f.Data)}
			}
			got := report(Load(fsys))
			if *update {
				if wantAt < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					wantAt = len(ar.Files) - 1
				}
				ar.Files[wantAt].Data = []byte(got)
				if err := os.WriteFile(p, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantAt < 0 {
				t.Fatalf("no want section; run go test -update")
			}
			if want := string(ar.Files[wantAt].Data); got != want {
				t.Errorf("Load reported:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// unescape lets a test file write bytes txtar cannot hold: \xNN, \r and \uFEFF.
func unescape(b []byte) []byte {
	s := string(b)
	s = strings.ReplaceAll(s, `\r`, "\r")
	s = strings.ReplaceAll(s, `\uFEFF`, "\uFEFF")
	s = strings.ReplaceAll(s, `\xff`, "\xff")
	s = strings.ReplaceAll(s, `\x00`, "\x00")
	return []byte(s)
}

// report writes what Load returned as the want section shows it.
func report(s *Site, err error) string {
	var b strings.Builder
	var probs Problems
	if errors.As(err, &probs) {
		for _, p := range probs {
			b.WriteString("error " + p.String() + "\n")
			if p.Hint != "" {
				b.WriteString("  hint: " + p.Hint + "\n")
			}
		}
		return b.String()
	}
	if err != nil {
		return "unexpected error " + err.Error() + "\n"
	}
	for _, w := range s.Warnings {
		b.WriteString("warning " + w.String() + "\n")
		if w.Hint != "" {
			b.WriteString("  hint: " + w.Hint + "\n")
		}
	}
	for _, e := range s.Events {
		b.WriteString("event " + e.Slug + " " + e.Date.String() + " " + e.Title + "\n")
	}
	return b.String()
}

func TestSuggestSource(t *testing.T) {
	byID := map[string]*Source{"a": {}, "000_a5a4beaffec547ff": {}, "opinion-2024": {}}
	for _, tt := range []struct{ name, id, want string }{
		{"a prefix of an id", "000_a5a4", ", e.g. 000_a5a4beaffec547ff"},
		{"one letter off", "opinion-2025", ", e.g. opinion-2024"},
		{"beside an id shorter than three letters", "bcd", ""},
		{"nothing near", "valette", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := suggestSource(tt.id, byID); got != tt.want {
				t.Errorf("suggestSource(%q) = %q, want %q", tt.id, got, tt.want)
			}
		})
	}
}

// TestUncited checks which sources Uncited counts as not extracted yet:
// those directly in sources/ that no event cites, a draft counting as one.
func TestUncited(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/uncited/tree.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Sources) != 4 {
		t.Fatalf("%d sources loaded, want 4", len(s.Sources))
	}
	var got []string
	for _, src := range s.Uncited() {
		got = append(got, src.File)
	}
	if want := []string{"sources/c-nouveau.txt"}; !slices.Equal(got, want) {
		t.Errorf("Uncited() = %v, want %v", got, want)
	}
}

// TestPrintedWhole checks that an event, a term or a source printed whole,
// as a template may print it, shows its name and not its text.
func TestPrintedWhole(t *testing.T) {
	src := &Source{ID: "valette", File: "sources/valette.txt", Title: "La Valette", Text: "Le texte de la source."}
	term := &Term{Kind: "actors", Slug: "ue", Title: "Union européenne", Body: "Le texte de l'acteur."}
	e := &Event{Slug: "sommet", File: "events/sommet.md", Title: "Sommet", Body: "Le texte de l'événement.",
		Actors: []*Term{term}, Sources: []Citation{{Source: src, Quote: "texte"}}}
	term.Events, src.Citations = []*Event{e}, []*Event{e}
	for _, v := range []any{e, term, src} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%t", "%d", "%x", "%q"} {
			if got := fmt.Sprintf(verb, v); strings.Contains(got, "Le texte") {
				t.Errorf("%s of %T shows its text: %s", verb, v, got)
			}
		}
	}
}
