// Package parallel runs independent calls on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0) … f(n-1) on every core and returns when all are done.
// Calls must not depend on each other: f must only write where i tells it
// to, so that the outcome does not depend on the order the calls ran in.
func For(n int, f func(i int)) {
	Each(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { f(i) })
}

// Each is For with state: each worker gets its own from newState, so that
// buffers are reused from call to call without locks.
func Each[S any](n int, newState func() S, f func(st S, i int)) {
	EachThen(n, newState, f, nil)
}

// EachThen is Each, handing each worker's state to done, when not nil,
// once the worker has no more calls to make: buffers can then go back to
// a pool for the next EachThen.
func EachThen[S any](n int, newState func() S, f func(st S, i int), done func(st S)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		if n > 0 {
			st := newState()
			for i := range n {
				f(st, i)
			}
			if done != nil {
				done(st)
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
					if done != nil {
						done(st)
					}
					return
				}
				f(st, i)
			}
		})
	}
	wg.Wait()
}
