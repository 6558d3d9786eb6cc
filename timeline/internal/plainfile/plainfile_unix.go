//go:build unix

package plainfile

import (
	"io/fs"
	"os"
	"syscall"
)

// open opens name with the system call itself, retried when interrupted,
// and wraps the descriptor in an os.File, which a descriptor that does
// not block keeps away from the poller.
func open(name string, flags int, perm uint32) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, flags|syscall.O_CLOEXEC, perm)
		if err == nil {
			return os.NewFile(uintptr(fd), name), nil
		}
		if err != syscall.EINTR {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
	}
}

// Open opens name for reading, as os.Open does.
func Open(name string) (*os.File, error) { return open(name, syscall.O_RDONLY, 0) }

// Create makes a new file at name, or empties the one there, for writing,
// readable by all less the umask: os.Create, but for the mode.
func Create(name string) (*os.File, error) {
	return open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
}
