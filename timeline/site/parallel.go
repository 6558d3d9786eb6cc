package site

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// forEach calls f(i) for every i from 0 to n-1 on every core. Each worker
// gets its own state from newState, so that buffers are reused without
// locks. f must only write where i tells it to, which keeps the result
// independent of how the calls are scheduled.
func forEach[S any](n int, newState func() S, f func(st S, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		if n > 0 {
			st := newState()
			for i := range n {
				f(st, i)
			}
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			st := newState()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(st, i)
			}
		})
	}
	wg.Wait()
}
