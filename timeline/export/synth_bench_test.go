package export

import (
	"testing"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// BenchmarkFilesSynth writes the feeds and exports of generated sites of
// 1,000 and 10,000 events (100,000 when asked, see synth.BenchSizes):
//
//	go test ./timeline/export -run '^$' -bench FilesSynth -benchmem -benchtime 1x
func BenchmarkFilesSynth(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			s, err := content.Load(synth.FS(n, 1))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var size int
			stop := synth.CPUMeter(b)
			for b.Loop() {
				fs, err := Files(s, Config{BaseURL: testBase})
				if err != nil {
					b.Fatal(err)
				}
				size = 0
				for _, f := range fs {
					size += len(f)
				}
			}
			stop()
			b.ReportMetric(float64(size)/1e6, "MB/op")
		})
	}
}

// BenchmarkEntryDigest is what a preview's exports do after each change
// to tell the entries that changed, for every event of a generated site:
// compare it with its shape ("same"), as for a site changed in place, or
// take its shape and sum it up ("sum"), as for a site loaded again.
func BenchmarkEntryDigest(b *testing.B) {
	s, err := content.Load(synth.FS(10_000, 1))
	if err != nil {
		b.Fatal(err)
	}
	shapes := make([]*shape, len(s.Events))
	for i, ev := range s.Events {
		shapes[i] = shapeOf(ev)
	}
	b.Run("same", func(b *testing.B) {
		for b.Loop() {
			for i, ev := range s.Events {
				if !shapes[i].same(ev) {
					b.Fatal("an event changed")
				}
			}
		}
	})
	b.Run("sum", func(b *testing.B) {
		var d digester
		for b.Loop() {
			for _, ev := range s.Events {
				d.sum(shapeOf(ev))
			}
		}
	})
}
