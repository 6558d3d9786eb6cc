//go:build unix

package extract

import "syscall"

// cpuTime is the processor time the process has used so far, user and
// system, in seconds, or 0 when the system does not say.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
