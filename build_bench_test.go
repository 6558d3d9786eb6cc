package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"frise/timeline/synth"
)

// BenchmarkCommandBuild is frise build as a person runs it, clean: the
// command, on a generated content tree on disk, into a folder that does not
// exist yet. Beside the pipeline that timeline's BenchmarkBuild measures,
// it counts whatever else the command does (checking its folders, loading
// and reporting the content), and a build that finds no previous site to
// reuse minified pages from.
//
//	go test . -run '^$' -bench CommandBuild -benchtime 3x
//	go test . -run '^$' -bench 'CommandBuild/100k' -benchtime 1x
func BenchmarkCommandBuild(b *testing.B) {
	for _, n := range synth.BenchSizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			src := synth.Tree(b, n)
			dir := filepath.Dir(src)
			b.ReportAllocs()
			defer synth.CPUMeter(b)()
			i := 0
			for b.Loop() {
				// Each build goes to a new folder: removing the last one
				// would be counted in the build's processor time.
				out := filepath.Join(dir, fmt.Sprintf("public-%d", i))
				i++
				var stdout, stderr bytes.Buffer
				if code := run([]string{"build", "-content", src, "-out", out}, strings.NewReader(""), &stdout, &stderr); code != 0 {
					b.Fatalf("frise build exited with %d: %s", code, stderr.String())
				}
				if !strings.Contains(stdout.String(), fmt.Sprintf("built %d events", n)) {
					b.Fatalf("frise build said %q", stdout.String())
				}
			}
		})
	}
}
