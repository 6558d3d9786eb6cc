// Package heapfloor has the garbage collector leave a short-lived
// process's heap alone until it reaches a floor, and then collect as GOGC
// says. A build allocates far more than it keeps, and exits: each cycle
// below a few hundred megabytes is work done to give back memory the
// machine was not short of.
//
// Go's collector starts a cycle once the heap has grown by GOGC percent
// over what the last cycle left live, and never below a minimum heap of
// 4 MB times GOGC/100. Set sets GOGC after every cycle to the percent
// that puts the next one at the floor, while what is live stays small,
// and at the percent asked once the floor is the nearer.
package heapfloor

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// minHeap is the runtime's minimum heap at GOGC=100, below which it never
// starts a cycle: it grows with GOGC, and caps the percent that reaches a
// floor from a small heap.
const minHeap = 4 << 20

// Set has the next cycle start once the heap reaches floor bytes, and
// each later one once the heap has grown by percent over what the last
// left live, or reaches floor, whichever is later. It keeps doing so for
// the life of the process: a process calls it once.
func Set(floor uint64, percent int) {
	debug.SetGCPercent(Percent(0, floor, percent))
	watch(floor, percent)
}

// watch has tune run once the next cycle is over: the value given to
// AddCleanup becomes unreachable in that cycle, and its cleanup then
// watches for the one after.
func watch(floor uint64, percent int) {
	runtime.AddCleanup(new(sentinel), func(struct{}) {
		tune(floor, percent)
		watch(floor, percent)
	}, struct{}{})
}

// sentinel is what a cycle frees to tell watch it happened. It holds a
// pointer so that it is never allocated beside other small values, which
// could keep it alive.
type sentinel struct{ _ *byte }

// tune sets GOGC for the heap the last cycle left live.
func tune(floor uint64, percent int) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	debug.SetGCPercent(Percent(s[0].Value.Uint64(), floor, percent))
}

// Percent is the GOGC that has the collector start its next cycle at
// floor bytes of heap when live bytes are live, or percent when that is
// more.
func Percent(live, floor uint64, percent int) int {
	// Beyond most, the minimum heap alone is past the floor.
	most := floor/minHeap*100 + floor%minHeap*100/minHeap
	p := most
	if live > 0 && live < floor {
		p = min((floor-live)*100/live, most)
	} else if live >= floor {
		p = 0
	}
	return max(int(p), percent)
}
