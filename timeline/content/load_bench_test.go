package content_test

import (
	"testing"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// BenchmarkLoad reads and checks a generated tree held in memory: parsing,
// validation, name resolution, quote checks and linking, without the disk.
//
//	go test ./timeline/content -run '^$' -bench Load -benchtime 3x
func BenchmarkLoad(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			fsys := synth.FS(n, 1)
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			for b.Loop() {
				if _, err := content.Load(fsys); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoadDisk reads the same tree from files, as frise build does.
func BenchmarkLoadDisk(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			fsys := content.Dir(synth.Tree(b, n))
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			for b.Loop() {
				if _, err := content.Load(fsys); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
