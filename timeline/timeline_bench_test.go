package timeline_test

import (
	"os"
	"path/filepath"
	"testing"

	"frise/timeline"
	"frise/timeline/content"
	"frise/timeline/export"
	"frise/timeline/site"
	"frise/timeline/synth"
)

// The benchmarks below measure the pipeline on generated content (see
// package synth) at 1,000 and 10,000 events, and at 100,000 when asked:
//
//	go test ./timeline -run '^$' -bench . -benchtime 3x
//	go test ./timeline -run '^$' -bench 'Build/100k' -benchtime 1x
//
// They report the work per build (ns/op, B/op, allocs/op) and, as extra
// metrics, the files and megabytes written.

func config() timeline.Config {
	return timeline.Config{
		BaseURL:   "https://frise.example.org/",
		Templates: os.DirFS("../templates"),
		Static:    os.DirFS("../static"),
	}
}

// loaded is the site generated at each size, loaded once per run.
var loaded = map[int]*content.Site{}

func loadSynth(b *testing.B, n int) *content.Site {
	b.Helper()
	if s, ok := loaded[n]; ok {
		return s
	}
	s, err := content.Load(synth.FS(n, 1))
	if err != nil {
		b.Fatal(err)
	}
	loaded[n] = s
	return s
}

func reportSize(b *testing.B, files map[string][]byte) {
	size := 0
	for _, f := range files {
		size += len(f)
	}
	b.ReportMetric(float64(len(files)), "files/op")
	b.ReportMetric(float64(size)/1e6, "MB/op")
}

// BenchmarkBuild is a whole build as frise build runs it: read the content
// from disk, render, minify and write the site into a staging folder, and
// swap it in (the previous site's removal included).
func BenchmarkBuild(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			src := synth.Tree(b, n)
			out := filepath.Join(filepath.Dir(src), "public")
			cfg := config()
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			files := 0
			for b.Loop() {
				s, err := timeline.Load(content.Dir(src))
				if err != nil {
					b.Fatal(err)
				}
				if files, err = timeline.Publish(s, cfg, out); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(files), "files/op")
		})
	}
}

// BenchmarkRender is site.Render alone: every page and static file.
func BenchmarkRender(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			s := loadSynth(b, n)
			cfg := config()
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			var files map[string][]byte
			for b.Loop() {
				var err error
				files, err = site.Render(s, site.Config{BaseURL: cfg.BaseURL, Templates: cfg.Templates, Static: cfg.Static})
				if err != nil {
					b.Fatal(err)
				}
			}
			reportSize(b, files)
		})
	}
}

// BenchmarkExport is export.Files alone: the feeds and data exports.
func BenchmarkExport(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			s := loadSynth(b, n)
			cfg := config()
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			var files map[string][]byte
			for b.Loop() {
				var err error
				files, err = export.Files(s, export.Config{BaseURL: cfg.BaseURL, Templates: cfg.Templates})
				if err != nil {
					b.Fatal(err)
				}
			}
			reportSize(b, files)
		})
	}
}
