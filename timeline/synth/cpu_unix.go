//go:build unix

package synth

import (
	"syscall"
	"time"
)

// CPUTime is the processor time, user and system, the process has used so
// far. Benchmarks report it beside wall time: on a machine shared with other
// work, it is the steadier measure of what a stage costs.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
