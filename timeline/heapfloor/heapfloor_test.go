package heapfloor

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// goal is the heap the runtime aims to finish a cycle by under GOGC p
// after a cycle that left h.
func goal(h heap, p int) uint64 {
	return max(h.live+(h.live+h.roots)*uint64(p)/100, minHeap*uint64(p)/100)
}

func TestPercent(t *testing.T) {
	const mb = 1 << 20
	known := func(live, roots uint64) heap { return heap{live: live, roots: roots, known: true} }
	for _, c := range []struct {
		name      string
		h         heap
		percent   int
		wantPerc  int    // when not 0, the percent expected
		wantAbout uint64 // when not 0, the goal expected, to a percent
	}{
		{name: "nothing live yet: the minimum heap reaches the floor", h: known(0, 0), percent: 150, wantAbout: 256 * mb},
		{name: "under the minimum heap", h: known(1*mb, 0), percent: 150, wantAbout: 256 * mb},
		{name: "a small heap and its globals", h: known(4*mb, 330<<10), percent: 150, wantAbout: 256 * mb},
		{name: "small", h: known(20*mb, 1*mb), percent: 150, wantAbout: 256 * mb},
		{name: "just below the floor by GOGC", h: known(100*mb, 0), percent: 150, wantAbout: 256 * mb},
		{name: "past the floor by GOGC", h: known(120*mb, 0), percent: 150, wantPerc: 150},
		{name: "at the floor", h: known(256*mb, 0), percent: 150, wantPerc: 150},
		{name: "far past the floor", h: known(2000*mb, 0), percent: 100, wantPerc: 100},
		{name: "GOGC higher than the floor asks", h: known(10*mb, 0), percent: 5000, wantPerc: 5000},
		{name: "nothing known: GOGC as asked", h: heap{}, percent: 150, wantPerc: 150},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := gcPercent(c.h, 256*mb, c.percent)
			if p < c.percent {
				t.Fatalf("Percent = %d, below the %d asked", p, c.percent)
			}
			if c.wantPerc != 0 && p != c.wantPerc {
				t.Fatalf("Percent = %d, want %d", p, c.wantPerc)
			}
			if c.wantAbout != 0 {
				g := goal(c.h, p)
				if g > c.wantAbout || g < c.wantAbout*99/100 {
					t.Fatalf("Percent = %d aims at %d MB, want %d MB or just under", p, g/mb, c.wantAbout/mb)
				}
			}
		})
	}
	// The collector off stays off; a floor of petabytes still fits in
	// what SetGCPercent takes.
	if p := gcPercent(known(300*mb, 0), 192*mb, -1); p != -1 {
		t.Errorf("Percent with GOGC off = %d, want -1", p)
	}
	if p := gcPercent(known(0, 0), 1<<50, 150); p != math.MaxInt32 {
		t.Errorf("Percent for a floor of 1 PiB = %d, want %d", p, math.MaxInt32)
	}
}

// FuzzPercent checks that a cycle never aims past the floor where GOGC
// alone would aim before it, nor well before the floor while what is
// live fits under it.
func FuzzPercent(f *testing.F) {
	f.Add(uint64(0), uint64(0), uint64(256<<20), 150)
	f.Add(uint64(4<<20), uint64(330<<10), uint64(192<<20), 150)
	f.Add(uint64(100<<20), uint64(1<<20), uint64(256<<20), 150)
	f.Add(uint64(3<<30), uint64(0), uint64(256<<20), 100)
	f.Fuzz(func(t *testing.T, live, roots, floor uint64, percent int) {
		h := heap{live: live % (1 << 40), roots: roots % (1 << 30), known: true}
		floor %= 1 << 40
		percent = max(1, percent%100000)
		p := gcPercent(h, floor, percent)
		if p < percent {
			t.Fatalf("gcPercent(%+v, %d, %d) = %d, below the percent asked", h, floor, percent, p)
		}
		if p == percent {
			return
		}
		g := goal(h, p)
		if g > max(floor, goal(h, percent)) {
			t.Fatalf("gcPercent(%+v, %d, %d) = %d aims at %d, past the floor", h, floor, percent, p, g)
		}
		slack := (h.live+h.roots)/100 + minHeap/100 + 1
		if h.live < floor && floor >= minHeap && p < math.MaxInt32 && g+slack < floor {
			t.Fatalf("gcPercent(%+v, %d, %d) = %d aims at %d, well before the floor", h, floor, percent, p, g)
		}
	})
}

func read(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

var sink [][]byte

// TestSet runs the collector with a floor: no cycle of its own while the
// heap stays below it, one once allocation goes past it, and after each,
// GOGC for what it left live.
func TestSet(t *testing.T) {
	old := debug.SetGCPercent(100)
	runtime.GC()
	const floor, mb = 96 << 20, 1 << 20
	stop := Set(floor, 100)
	defer func() {
		stop()
		debug.SetGCPercent(old)
		sink = nil
	}()

	const automatic = "/gc/cycles/automatic:gc-cycles"
	before := read(automatic)
	for range 40 {
		sink = append(sink, make([]byte, mb))
	}
	sink = nil
	if n := read(automatic) - before; n != 0 {
		t.Fatalf("%d cycles with 40 MB allocated under a floor of 96 MB, want none", n)
	}
	for range 300 {
		sink = append(sink[:0], make([]byte, mb))
	}
	// The cycle the heap started may still be marking: runtime.GC waits
	// for it to end before running one of its own, which is not counted.
	runtime.GC()
	if n := read(automatic) - before; n == 0 {
		t.Fatalf("no cycle of the collector's own with 340 MB allocated over a floor of 96 MB")
	}

	// Keep 30 MB live: after a cycle, GOGC aims the next at the floor.
	sink = nil
	for range 30 {
		sink = append(sink, make([]byte, mb))
	}
	// The cleanup runs on a goroutine of its own once a cycle's memory is
	// swept, which runtime.GC has done before returning. When it ran
	// during the next cycle's marking, the sentinel it made is kept by
	// that cycle and watches for the one after: run another.
	var got uint64
	want := 0
	for range 100 {
		runtime.GC()
		want = gcPercent(readHeap(), floor, 100)
		if want <= 100 {
			t.Fatalf("with 30 MB live under a floor of 96 MB, Percent = %d, want over 100", want)
		}
		for range 100 {
			if got = read("/gc/gogc:percent"); got == uint64(want) {
				return
			}
			time.Sleep(time.Millisecond)
		}
	}
	t.Fatalf("GOGC after cycles with 30 MB live is %d, want %d", got, want)
}
