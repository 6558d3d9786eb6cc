package check_test

import (
	"os"
	"testing"
	"testing/fstest"

	"frise/timeline"
	"frise/timeline/check"
	"frise/timeline/content"
	"frise/timeline/synth"
)

// BenchmarkSite checks every link of a generated site held in memory.
//
//	go test ./timeline/check -run '^$' -bench Site -benchtime 3x
func BenchmarkSite(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			s, err := content.Load(synth.FS(n, 1))
			if err != nil {
				b.Fatal(err)
			}
			files, err := timeline.Render(s, timeline.Config{
				Templates: os.DirFS("../../templates"),
				Static:    os.DirFS("../../static"),
			})
			if err != nil {
				b.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for name, data := range files {
				fsys[name] = &fstest.MapFile{Data: data}
			}
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			for b.Loop() {
				probs, err := check.Site(fsys, "404.html")
				if err != nil {
					b.Fatal(err)
				}
				if len(probs) > 0 {
					b.Fatalf("%d problems, the first: %v", len(probs), probs[0])
				}
			}
		})
	}
}
