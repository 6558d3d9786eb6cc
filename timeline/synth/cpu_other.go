//go:build !unix

package synth

import "time"

// CPUTime is the processor time the process has used so far, or 0 where
// the system does not say.
func CPUTime() time.Duration { return 0 }
