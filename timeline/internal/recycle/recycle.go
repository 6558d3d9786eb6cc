// Package recycle keeps the byte slices of pages once they are written,
// for the next pages to be rendered into: a build of 100,000 events
// otherwise allocates its 1.7 GB of pages anew, and its garbage collector
// works a cycle more for every few hundred megabytes of them.
//
// A slice handed to Release must be referenced by nothing else: the next
// Clone may write over it.
package recycle

import (
	"math/bits"
	"sync"
)

// pools holds slices by the power of two their capacity reaches:
// pools[k] those of capacity 1<<k or more.
var pools [48]sync.Pool

// Clone returns a copy of b, in a slice released before when one is
// large enough.
func Clone(b []byte) []byte {
	if len(b) == 0 {
		return []byte{}
	}
	k := bits.Len(uint(len(b) - 1)) // 1<<k >= len(b)
	if k >= len(pools) {
		return append([]byte(nil), b...)
	}
	if p, ok := pools[k].Get().(*[]byte); ok {
		return append((*p)[:0], b...)
	}
	return append(make([]byte, 0, 1<<k), b...)
}

// Release keeps b for a later Clone.
func Release(b []byte) {
	if cap(b) == 0 {
		return
	}
	k := bits.Len(uint(cap(b))) - 1 // cap(b) >= 1<<k
	if k >= len(pools) {
		return
	}
	b = b[:0]
	pools[k].Put(&b)
}
