package site

import (
	"testing"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// BenchmarkRelatedIndex builds the related-events index of a generated
// site and searches it once per event, as a render does.
//
//	go test ./timeline/site -run '^$' -bench RelatedIndex -benchtime 3x
func BenchmarkRelatedIndex(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			s, err := content.Load(synth.FS(n, 1))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			for b.Loop() {
				relatedEvents(s.Events)
			}
		})
	}
}
