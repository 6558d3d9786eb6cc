package site

import (
	"testing"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// BenchmarkRenderSynth renders the pages of generated sites of 1,000 and
// 10,000 events (100,000 when asked, see synth.BenchSizes), loaded once:
//
//	go test ./timeline/site -run '^$' -bench RenderSynth -benchmem -benchtime 1x
//
// It reports the home page's weight as an extra metric.
func BenchmarkRenderSynth(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			s, err := content.Load(synth.FS(n, 1))
			if err != nil {
				b.Fatal(err)
			}
			cfg := testConfig("https://frise.example.org/")
			b.ReportAllocs()
			var out map[string][]byte
			stop := synth.CPUMeter(b)
			for b.Loop() {
				out, err = Render(s, cfg)
				if err != nil {
					b.Fatal(err)
				}
			}
			stop()
			b.ReportMetric(float64(len(out["index.html"]))/1e3, "home-KB")
		})
	}
}
