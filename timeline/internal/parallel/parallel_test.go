package parallel

import (
	"runtime"
	"sync"
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

// TestEachThen checks that every worker's state is handed to done once,
// after its last call, on one core and on several.
func TestEachThen(t *testing.T) {
	for _, procs := range []int{1, 4} {
		prev := runtime.GOMAXPROCS(procs)
		var mu sync.Mutex
		made, done := 0, map[*int]bool{}
		calls := 0
		EachThen(100, func() *int {
			mu.Lock()
			defer mu.Unlock()
			made++
			return new(int)
		}, func(st *int, i int) {
			*st++
			mu.Lock()
			calls++
			mu.Unlock()
		}, func(st *int) {
			mu.Lock()
			defer mu.Unlock()
			if done[st] {
				t.Error("a state handed to done twice")
			}
			done[st] = true
		})
		runtime.GOMAXPROCS(prev)
		if calls != 100 || len(done) != made {
			t.Errorf("GOMAXPROCS %d: %d calls, %d states made, %d handed to done", procs, calls, made, len(done))
		}
		sum := 0
		for st := range done {
			sum += *st
		}
		if sum != 100 {
			t.Errorf("GOMAXPROCS %d: the states handed to done counted %d calls", procs, sum)
		}
	}
}
