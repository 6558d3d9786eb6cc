package publish_test

import (
	"os"
	"path/filepath"
	"testing"

	"frise/timeline"
	"frise/timeline/content"
	"frise/timeline/publish"
	"frise/timeline/synth"
)

// rendered is the generated site of each size, rendered once per run.
var rendered = map[int]map[string][]byte{}

func render(b *testing.B, n int) map[string][]byte {
	b.Helper()
	if files, ok := rendered[n]; ok {
		return files
	}
	s, err := content.Load(synth.FS(n, 1))
	if err != nil {
		b.Fatal(err)
	}
	files, err := timeline.Render(s, timeline.Config{
		BaseURL:   "https://frise.example.org/",
		Templates: os.DirFS("../../templates"),
		Static:    os.DirFS("../../static"),
	})
	if err != nil {
		b.Fatal(err)
	}
	rendered[n] = files
	return files
}

func megabytes(files map[string][]byte) float64 {
	size := 0
	for _, f := range files {
		size += len(f)
	}
	return float64(size) / 1e6
}

// BenchmarkMinify minifies every file of a rendered site on one core.
//
//	go test ./timeline/publish -run '^$' -bench . -benchtime 3x
func BenchmarkMinify(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			files := render(b, n)
			mf := publish.NewMinifier()
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			b.SetBytes(int64(megabytes(files) * 1e6))
			for b.Loop() {
				for name, data := range files {
					if _, err := mf.Minify(name, data); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkWrite is publish.Write as a rebuild runs it: minify and write
// every file into a staging folder on every core, swap it in, and remove
// the previous site.
func BenchmarkWrite(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			files := render(b, n)
			out := filepath.Join(b.TempDir(), "public")
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			b.ReportMetric(float64(len(files)), "files/op")
			for b.Loop() {
				if err := publish.Write(out, files); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
