package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestEach checks that For and Each call every index once, on one core and
// on several, and that Each makes at most one state per worker.
func TestEach(t *testing.T) {
	for _, procs := range []int{1, 2, 8} {
		for _, n := range []int{0, 1, 2, 7, 1000} {
			func() {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				calls := make([]int32, n)
				var states atomic.Int32
				Each(n, func() *int { states.Add(1); return new(int) }, func(st *int, i int) {
					*st++
					atomic.AddInt32(&calls[i], 1)
				})
				For(n, func(i int) { atomic.AddInt32(&calls[i], 1) })
				for i, c := range calls {
					if c != 2 {
						t.Fatalf("%d cores, %d calls: f(%d) called %d times by For and Each, want 2", procs, n, i, c)
					}
				}
				if s := int(states.Load()); s > min(procs, n) || n > 0 && s == 0 {
					t.Errorf("%d cores, %d calls: %d states made", procs, n, s)
				}
			}()
		}
	}
}
