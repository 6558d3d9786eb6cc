package heapfloor

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// goal is the heap at which the runtime starts a cycle under GOGC p when
// live bytes are live (stacks and globals aside).
func goal(live uint64, p int) uint64 {
	return max(live+live*uint64(p)/100, minHeap*uint64(p)/100)
}

func TestPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		name      string
		live      uint64
		percent   int
		wantPerc  int    // when not 0, the percent expected
		wantAbout uint64 // when not 0, the goal expected, to a percent
	}{
		{name: "nothing live yet: the minimum heap reaches the floor", live: 0, percent: 150, wantAbout: 256 * mb},
		{name: "under the minimum heap", live: 1 * mb, percent: 150, wantAbout: 256 * mb},
		{name: "small", live: 20 * mb, percent: 150, wantAbout: 256 * mb},
		{name: "just below the floor by GOGC", live: 100 * mb, percent: 150, wantAbout: 256 * mb},
		{name: "past the floor by GOGC", live: 120 * mb, percent: 150, wantPerc: 150},
		{name: "at the floor", live: 256 * mb, percent: 150, wantPerc: 150},
		{name: "far past the floor", live: 2000 * mb, percent: 100, wantPerc: 100},
		{name: "GOGC higher than the floor asks", live: 10 * mb, percent: 5000, wantPerc: 5000},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Percent(c.live, 256*mb, c.percent)
			if p < c.percent {
				t.Fatalf("Percent = %d, below the %d asked", p, c.percent)
			}
			if c.wantPerc != 0 && p != c.wantPerc {
				t.Fatalf("Percent = %d, want %d", p, c.wantPerc)
			}
			if c.wantAbout != 0 {
				g := goal(c.live, p)
				if g < c.wantAbout*99/100 || g > c.wantAbout*101/100 {
					t.Fatalf("Percent = %d puts the next cycle at %d MB, want about %d MB", p, g/mb, c.wantAbout/mb)
				}
			}
		})
	}
}

// FuzzPercent checks that the next cycle never starts past the floor
// where GOGC alone would start it sooner than the floor, nor before the
// floor, within rounding, while what is live fits under it.
func FuzzPercent(f *testing.F) {
	f.Add(uint64(0), uint64(256<<20), 150)
	f.Add(uint64(100<<20), uint64(256<<20), 150)
	f.Add(uint64(3<<30), uint64(256<<20), 100)
	f.Fuzz(func(t *testing.T, live, floor uint64, percent int) {
		live, floor = live%(1<<40), floor%(1<<40)
		percent = max(1, percent%100000)
		p := Percent(live, floor, percent)
		if p < percent {
			t.Fatalf("Percent(%d, %d, %d) = %d, below the percent asked", live, floor, percent, p)
		}
		if p == percent {
			return
		}
		g := goal(live, p)
		if g > max(floor, goal(live, percent)) {
			t.Fatalf("Percent(%d, %d, %d) = %d puts the next cycle at %d, past the floor", live, floor, percent, p, g)
		}
		if live < floor && floor >= minHeap && g < floor-floor/100-live/100-minHeap/100 {
			t.Fatalf("Percent(%d, %d, %d) = %d puts the next cycle at %d, well before the floor", live, floor, percent, p, g)
		}
	})
}

func cycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

var sink [][]byte

// TestSet runs the collector with a floor: no cycle while the heap stays
// below it, cycles once allocation goes past it, and after each, the
// percent for what it left live.
func TestSet(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	runtime.GC()
	const floor, mb = 96 << 20, 1 << 20

	Set(floor, 100)
	before := cycles()
	for range 40 {
		sink = append(sink, make([]byte, mb))
	}
	sink = nil
	if n := cycles() - before; n != 0 {
		t.Fatalf("%d cycles with 40 MB allocated under a floor of 96 MB, want none", n)
	}
	for range 300 {
		sink = append(sink[:0], make([]byte, mb))
	}
	if n := cycles() - before; n == 0 {
		t.Fatalf("no cycle with 340 MB allocated over a floor of 96 MB")
	}

	// Keep 30 MB live: after a cycle, the percent puts the next at the floor.
	sink = nil
	for range 30 {
		sink = append(sink, make([]byte, mb))
	}
	runtime.GC()
	want := func() int {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		return Percent(s[0].Value.Uint64(), floor, 100)
	}()
	if want <= 100 {
		t.Fatalf("with 30 MB live under a floor of 96 MB, Percent = %d, want over 100", want)
	}
	// The cleanup runs on a goroutine of its own after the cycle.
	var got int
	for range 1000 {
		got = debug.SetGCPercent(-1)
		debug.SetGCPercent(got)
		if got == want {
			break
		}
		runtime.Gosched()
		runtime.GC()
	}
	if got != want {
		t.Fatalf("GOGC after a cycle with 30 MB live is %d, want %d", got, want)
	}
	sink = nil
}
