package site

import (
	"runtime"
	"runtime/metrics"
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

// BenchmarkStreamSynth renders the same sites with Stream, keeping nothing,
// as a writer that puts each file on disk as it comes would. It reports the
// largest heap seen while pages were handed over, beside what the loaded
// content alone takes.
//
//	go test ./timeline/site -run '^$' -bench StreamSynth -benchmem -benchtime 1x
func BenchmarkStreamSynth(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			s, err := content.Load(synth.FS(n, 1))
			if err != nil {
				b.Fatal(err)
			}
			cfg := testConfig("https://frise.example.org/")
			runtime.GC()
			base := heapBytes()
			var peak uint64
			b.ReportAllocs()
			stop := synth.CPUMeter(b)
			for b.Loop() {
				files := 0
				err := Stream(s, cfg, func(string, []byte) error {
					if files++; files%chunk == 0 {
						peak = max(peak, heapBytes())
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			stop()
			b.ReportMetric(float64(base)/1e6, "content-heap-MB")
			b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
		})
	}
}

// heapBytes is the size of the live and not yet collected heap objects.
func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// BenchmarkViews works out the views of generated sites (NewRenderer) and
// the digests of all their pages, as a preview does after a change that
// Refresh cannot take in place:
//
//	go test ./timeline/site -run '^$' -bench 'Views|Digests' -benchtime 3x
func BenchmarkViews(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			s := synthSite(b, n)
			cfg := testConfig("https://frise.example.org/")
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			for b.Loop() {
				if _, err := NewRenderer(s, cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDigests sums up every page of generated sites.
func BenchmarkDigests(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			x, err := NewRenderer(synthSite(b, n), testConfig("https://frise.example.org/"))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			for b.Loop() {
				x.Digests()
			}
		})
	}
}

// synthSite loads a generated site of n events.
func synthSite(b *testing.B, n int) *content.Site {
	b.Helper()
	s, err := content.Load(synth.FS(n, 1))
	if err != nil {
		b.Fatal(err)
	}
	return s
}
