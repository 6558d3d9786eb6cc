package publish

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts the staging directory in place of dir. On Linux an existing
// dir is exchanged with the staging directory in one atomic rename, so
// readers of dir see the old site or the new one, never neither.
func swap(stage, dir string) error {
	err := unix.Renameat2(unix.AT_FDCWD, stage, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		// stage now holds the old site.
		return os.RemoveAll(stage)
	case errors.Is(err, unix.ENOENT):
		if err := os.Rename(stage, dir); err != nil {
			return fmt.Errorf("move the new site into %s: %w", dir, err)
		}
		return nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return swapByRenames(stage, dir)
	}
	return fmt.Errorf("swap the new site into %s: %w", dir, err)
}

// lock takes an exclusive lock on the file at name, failing at once when another build holds it.
func lock(name, dir string) (func(), error) {
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, fmt.Errorf("another build is writing %s (it holds %s): wait for it to finish", dir, name)
		}
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	return func() { f.Close() }, nil
}

// exchange swaps the files at a and b in one step, where the file system
// can.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
