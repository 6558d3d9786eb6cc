package recycle

import (
	"bytes"
	"testing"
)

// TestCloneRelease checks that a clone holds the bytes given, whatever
// was released before, and that a released slice is taken again.
func TestCloneRelease(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100, 4096, 4097, 70000} {
		src := bytes.Repeat([]byte{'a'}, n)
		c := Clone(src)
		if !bytes.Equal(c, src) {
			t.Fatalf("Clone of %d bytes gave %d", n, len(c))
		}
		if n > 0 && &c[0] == &src[0] {
			t.Fatalf("Clone of %d bytes shares its array", n)
		}
		for i := range c {
			c[i] = 'x'
		}
		Release(c)
		d := Clone(bytes.Repeat([]byte{'b'}, n))
		if !bytes.Equal(d, bytes.Repeat([]byte{'b'}, n)) {
			t.Fatalf("a clone of %d bytes after a release holds %q", n, d)
		}
	}
	// A slice of any capacity may be released, and serves clones it holds.
	odd := make([]byte, 5, 77)
	Release(odd)
	for _, n := range []int{33, 64} {
		if got := Clone(make([]byte, n)); len(got) != n || cap(got) < n {
			t.Fatalf("Clone of %d bytes: len %d cap %d", n, len(got), cap(got))
		}
	}
}

func BenchmarkClone(b *testing.B) {
	page := bytes.Repeat([]byte("<p>une page</p>"), 600)
	b.ReportAllocs()
	for b.Loop() {
		Release(Clone(page))
	}
}
