package content_test

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"testing"
	"testing/fstest"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// summary is what a loaded site shows of its order: events, terms, the
// events of each term and of each source.
func summary(s *content.Site) []string {
	var out []string
	for _, e := range s.Events {
		line := e.Slug
		for _, t := range append(append(append([]*content.Term{}, e.Actors...), e.Places...), e.Topics...) {
			line += " " + t.Kind + "/" + t.Slug
		}
		out = append(out, line)
	}
	for _, group := range [][]*content.Term{s.Actors, s.Places, s.Topics} {
		for _, t := range group {
			line := t.Kind + "/" + t.Slug + ":"
			for _, e := range t.Events {
				line += " " + e.Slug
			}
			out = append(out, line)
		}
	}
	for _, src := range s.Sources {
		line := src.ID + ":"
		for _, e := range src.Citations {
			line += " " + e.Slug
		}
		out = append(out, line)
	}
	return out
}

// TestLoadSameOnAnyCores loads the same trees on one core and on several:
// the site, and every problem in its order, must be the same.
func TestLoadSameOnAnyCores(t *testing.T) {
	good := synth.FS(600, 5)
	bad := synth.FS(300, 6)
	n := 0
	for name, f := range bad {
		if len(name) > 7 && name[:7] == "events/" {
			switch n % 5 {
			case 0:
				f.Data = append([]byte("---\ntitel: x\n"), f.Data[4:]...)
			case 1:
				f.Data = []byte("---\ntitle: [\n---\n")
			case 2:
				f.Data = append(f.Data[:len(f.Data):len(f.Data)], 0)
			}
			n++
		}
	}
	bad["events/Mauvais Nom.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\ndate: 2020\n---\n")}
	bad["sources/article-000001.txt"] = &fstest.MapFile{Data: []byte("doublon")}
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
	}{{"arbre correct", good}, {"arbre avec des erreurs", bad}} {
		t.Run(tc.name, func(t *testing.T) {
			load := func(procs int) (got []string) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				s, err := content.Load(tc.fsys)
				var probs content.Problems
				if errors.As(err, &probs) {
					for _, p := range probs {
						got = append(got, p.String()+" ("+p.Hint+")")
					}
					return got
				}
				if err != nil {
					t.Fatal(err)
				}
				return append(summary(s), fmt.Sprintf("%#v", s.Warnings))
			}
			one, four := load(1), load(4)
			if !reflect.DeepEqual(one, four) {
				for i := range min(len(one), len(four)) {
					if one[i] != four[i] {
						t.Fatalf("one core and four cores disagree at line %d:\n%s\n%s", i, one[i], four[i])
					}
				}
				t.Fatalf("one core gives %d lines, four cores %d", len(one), len(four))
			}
			if len(one) < 100 {
				t.Errorf("too little to compare: %d lines", len(one))
			}
		})
	}
}
