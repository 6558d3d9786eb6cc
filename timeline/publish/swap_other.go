//go:build !linux

package publish

import (
	"errors"
	"fmt"
	"os"
)

// swap puts the staging directory in place of dir by two renames.
func swap(stage, dir string) error { return swapByRenames(stage, dir) }

// lock creates the lock file exclusively; a build killed while holding it
// leaves it behind, and the message says to remove it.
func lock(name, dir string) (func(), error) {
	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, fmt.Errorf("another build is writing %s: wait for it, or remove %s if none is running", dir, name)
	}
	f.Close()
	return func() { os.Remove(name) }, nil
}

// exchange would swap the files at a and b in one step.
func exchange(a, b string) error { return errors.ErrUnsupported }
