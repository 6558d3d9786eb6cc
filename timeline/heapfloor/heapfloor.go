// Package heapfloor has the garbage collector leave a short-lived
// process's heap alone until it nears a floor, and then collect as GOGC
// says. A build allocates far more than it keeps, and exits: each cycle
// below a few hundred megabytes is work done to give back memory the
// machine was not short of.
//
// Go's collector aims to finish a cycle by the time the heap has grown
// by GOGC percent over what the last cycle left live (with the stacks
// and globals it scanned counted in that growth), and never aims below a
// minimum heap of 4 MiB times GOGC/100. Set sets GOGC after every cycle
// to the percent whose goal is the floor, while what is live stays small,
// and to the percent asked once that one's goal is past the floor. A
// memory limit still has the collector work sooner when it is nearer.
package heapfloor

import (
	"math"
	"math/bits"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// minHeap is the runtime's minimum heap at GOGC=100 (512 KiB under
// GOEXPERIMENT=heapminimum512kib, where the floor is then reached from
// a small heap with a lower percent than gcPercent gives): it grows with
// GOGC, and caps the percent that reaches a floor from a small heap.
const minHeap = 4 << 20

// Set has each cycle aim at floor bytes of heap while the percent asked
// would aim lower, and at that percent once it aims past the floor, for
// as long as the process lives or until stop is called. A process calls
// it once.
func Set(floor uint64, percent int) (stop func()) {
	debug.SetGCPercent(gcPercent(readHeap(), floor, percent))
	var stopped atomic.Bool
	watch(floor, percent, &stopped)
	return func() { stopped.Store(true) }
}

// watch has tune run once the next cycle is over: the value given to
// AddCleanup becomes unreachable in that cycle, and its cleanup then
// watches for the one after.
func watch(floor uint64, percent int, stopped *atomic.Bool) {
	runtime.AddCleanup(new(sentinel), func(struct{}) {
		if stopped.Load() {
			return
		}
		debug.SetGCPercent(gcPercent(readHeap(), floor, percent))
		watch(floor, percent, stopped)
	}, struct{}{})
}

// sentinel is what a cycle frees to tell watch it happened. It holds a
// pointer so that it is never allocated beside other small values, which
// could keep it alive.
type sentinel struct{ _ *byte }

// heap is what the last cycle left, as the runtime's pacer counts it.
type heap struct {
	live  uint64 // the heap marked live
	roots uint64 // the stacks and globals scanned
	known bool   // the runtime gave them
}

// readHeap returns the heap the last cycle left.
func readHeap() heap {
	s := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/gc/scan/stack:bytes"},
		{Name: "/gc/scan/globals:bytes"},
	}
	metrics.Read(s)
	for _, v := range s {
		if v.Value.Kind() != metrics.KindUint64 {
			return heap{}
		}
	}
	return heap{live: s[0].Value.Uint64(), roots: s[1].Value.Uint64() + s[2].Value.Uint64(), known: true}
}

// gcPercent is the GOGC whose goal is floor bytes of heap after a cycle
// that left h, or percent when that one's goal is past the floor, or
// when h is not known. A negative percent (the collector off) is given
// back as it is.
func gcPercent(h heap, floor uint64, percent int) int {
	if percent < 0 {
		return percent
	}
	// Beyond most, the minimum heap alone is past the floor.
	hi, lo := bits.Mul64(floor, 100)
	most, _ := bits.Div64(hi, lo, minHeap) // hi < 100 < minHeap
	p := most
	switch {
	case !h.known:
		return percent
	case h.live >= floor:
		p = 0
	case h.live+h.roots > 0:
		// The growth allowed over what the cycle scanned, rounded down
		// so as never to aim past the floor: past most when it is too
		// large to be reckoned.
		if hi, lo := bits.Mul64(floor-h.live, 100); hi < h.live+h.roots {
			q, _ := bits.Div64(hi, lo, h.live+h.roots)
			p = min(q, most)
		}
	}
	return min(max(int(min(p, math.MaxInt32)), percent), math.MaxInt32)
}
