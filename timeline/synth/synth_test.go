package synth

import (
	"bytes"
	"cmp"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"frise/timeline/content"
)

func TestTreeLoads(t *testing.T) {
	for _, tc := range []struct {
		name   string
		events int
		seed   int64
	}{
		{"un seul événement", 1, 1},
		{"moins que dix", 7, 2},
		{"deux cents", 200, 3},
		{"mille", 1000, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := content.Load(FS(tc.events, tc.seed))
			if err != nil {
				t.Fatalf("the generated tree does not load:\n%v", err)
			}
			for _, w := range s.Warnings {
				t.Errorf("warning: %v", w)
			}
			if len(s.Events) != tc.events {
				t.Errorf("%d events loaded, want %d", len(s.Events), tc.events)
			}
			if want := max(1, (tc.events+9)/10); len(s.Sources) != want {
				t.Errorf("%d sources, want %d", len(s.Sources), want)
			}
			for _, e := range s.Events {
				if e.Date.Precision() == 0 || e.Title == "" || e.Summary == "" {
					t.Fatalf("%s: missing date, title or summary", e.File)
				}
				checkRange(t, e.File+" actors", len(e.Actors), 1, 3)
				checkRange(t, e.File+" places", len(e.Places), 1, 2)
				checkRange(t, e.File+" topics", len(e.Topics), 1, 4)
				checkRange(t, e.File+" sources", len(e.Sources), 1, 2)
				for _, a := range e.Actors {
					if a.File == "" {
						t.Errorf("%s: actor %q resolved to no file", e.File, a.Title)
					}
				}
				for _, p := range e.Places {
					if p.File == "" {
						t.Errorf("%s: place %q resolved to no file", e.File, p.Title)
					}
				}
			}
			if tc.events >= 1000 {
				if len(s.Actors) != Actors || len(s.Places) != Places || len(s.Topics) != Topics {
					t.Errorf("%d actors, %d places, %d topics named; want %d, %d, %d",
						len(s.Actors), len(s.Places), len(s.Topics), Actors, Places, Topics)
				}
			}
		})
	}
}

func checkRange(t *testing.T, what string, n, lo, hi int) {
	t.Helper()
	if n < lo || n > hi {
		t.Errorf("%s: %d, want %d to %d", what, n, lo, hi)
	}
}

func TestSizes(t *testing.T) {
	s, err := content.Load(FS(500, 7))
	if err != nil {
		t.Fatal(err)
	}
	words := func(s string) int { return len(strings.Fields(s)) }
	var body, src int
	for _, e := range s.Events {
		body += words(e.Body)
	}
	for _, x := range s.Sources {
		src += words(x.Text)
	}
	if avg := body / len(s.Events); avg < 200 || avg > 320 {
		t.Errorf("bodies average %d words, want about 250", avg)
	}
	if avg := src / len(s.Sources); avg < 480 || avg > 720 {
		t.Errorf("sources average %d words, want about 600", avg)
	}
}

func TestDeterministic(t *testing.T) {
	a, b := FS(300, 42), FS(300, 42)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, f := range a {
		if g, ok := b[name]; !ok || !bytes.Equal(f.Data, g.Data) {
			t.Fatalf("%s differs between two runs", name)
		}
	}
	c := FS(300, 43)
	same := 0
	for name := range a {
		if _, ok := c[name]; ok {
			same++
		}
	}
	if same == len(a) {
		t.Error("another seed gives the same events")
	}
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := Write(dir, 50, 1); err != nil {
		t.Fatal(err)
	}
	s, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Events) != 50 {
		t.Errorf("%d events, want 50", len(s.Events))
	}
	if err := Write(dir, 50, 1); err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("writing into a full folder: %v", err)
	}
}

func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := Generate(1000, 1, func(string, []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWriteTree writes a tree for measuring the whole program, when asked:
//
//	FRISE_SYNTH_DIR=/tmp/frise-10k FRISE_SYNTH_EVENTS=10000 go test ./timeline/synth -run TestWriteTree
func TestWriteTree(t *testing.T) {
	dir := os.Getenv("FRISE_SYNTH_DIR")
	if dir == "" {
		t.Skip("set FRISE_SYNTH_DIR (and FRISE_SYNTH_EVENTS, FRISE_SYNTH_SEED) to write a tree")
	}
	n, err := strconv.Atoi(cmp.Or(os.Getenv("FRISE_SYNTH_EVENTS"), "10000"))
	if err != nil {
		t.Fatalf("FRISE_SYNTH_EVENTS: %v", err)
	}
	seed, err := strconv.ParseInt(cmp.Or(os.Getenv("FRISE_SYNTH_SEED"), "1"), 10, 64)
	if err != nil {
		t.Fatalf("FRISE_SYNTH_SEED: %v", err)
	}
	if err := Write(dir, n, seed); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d events into %s", n, dir)
}
