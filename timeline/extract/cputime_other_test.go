//go:build !unix

package extract

// cpuTime is 0 where the processor time of a process is not known.
func cpuTime() float64 { return 0 }
