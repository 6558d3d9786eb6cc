package content_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// TestFastYAMLSynth checks that the fast path reads every file of a
// generated tree, the shape the benchmarks measure, and agrees with the
// library on each.
func TestFastYAMLSynth(t *testing.T) {
	fsys := synth.FS(40, 1)
	n := 0
	for name, f := range fsys {
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		n++
		accepted, err := content.SplitAgrees(name, string(f.Data))
		if err != nil {
			t.Error(err)
		} else if !accepted {
			t.Errorf("%s: the fast path declines this front matter", name)
		}
	}
	if n == 0 {
		t.Fatal("the generated tree has no Markdown files")
	}
}

// FuzzFastYAML feeds whole files to both paths: whenever the fast path
// accepts a front matter, the result must be the library's, and it must
// never panic. Each input is also read as the text of a front matter.
//
//	go test ./timeline/content -run '^$' -fuzz FuzzFastYAML -fuzztime 60s
func FuzzFastYAML(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := content.SplitAgrees("événement.md", text); err != nil {
			t.Fatal(err)
		}
		if _, err := content.FastYAMLAgrees(text); err != nil {
			t.Fatal(err)
		}
	})
}

// fuzzSeeds gathers the table's front matters, the project's content, a
// small generated tree and the files of testdata/load.
func fuzzSeeds(f *testing.F) []string {
	var seeds []string
	for _, src := range content.FastYAMLTable() {
		seeds = append(seeds, src, "---\n"+src+"---\nCorps.\n")
	}
	err := filepath.WalkDir(filepath.Join("..", "..", "content"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		seeds = append(seeds, string(b))
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	gen := synth.FS(12, 2)
	names := make([]string, 0, len(gen))
	for name := range gen {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		seeds = append(seeds, string(gen[name].Data))
	}
	paths, _ := filepath.Glob(filepath.Join("testdata", "load", "*.txtar"))
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if file.Name != "want" {
				seeds = append(seeds, string(file.Data))
			}
		}
	}
	return seeds
}

// BenchmarkFrontMatter splits the Markdown files of a generated tree, with
// the fast path (fast) and with the library alone (library).
//
//	go test ./timeline/content -run '^$' -bench FrontMatter
func BenchmarkFrontMatter(b *testing.B) {
	gen := synth.FS(200, 1)
	var names, texts []string
	size := 0
	for name, f := range gen {
		if strings.HasSuffix(name, ".md") {
			names, texts = append(names, name), append(texts, string(f.Data))
			size += len(f.Data)
		}
	}
	for _, fast := range []bool{true, false} {
		name := "library"
		if fast {
			name = "fast"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				for i, text := range texts {
					if content.SplitFile(names[i], text, fast) {
						b.Fatalf("%s: unexpected problem", names[i])
					}
				}
			}
		})
	}
}
