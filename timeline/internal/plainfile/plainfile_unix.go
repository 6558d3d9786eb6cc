//go:build unix

package plainfile

import (
	"io"
	"io/fs"
	"os"
	"syscall"
)

// openFD opens name with the system call itself, closed on exec, retried
// when interrupted.
func openFD(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, flags|syscall.O_CLOEXEC, perm)
		if err == nil {
			return fd, nil
		}
		if err != syscall.EINTR {
			return -1, &fs.PathError{Op: "open", Path: name, Err: err}
		}
	}
}

// Open opens name for reading, as os.Open does, and wraps the descriptor
// in an os.File, which a descriptor that does not block keeps away from
// the poller.
func Open(name string) (*os.File, error) {
	fd, err := openFD(name, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), name), nil
}

// ReadRegular reads the file name whole when it is a regular file, not a
// link, of at most max bytes, and tells how many names the file has on its
// disk (more than one for a hard link). It takes four system calls where an
// Lstat and ReadFile take six: the file is opened without
// following a link at its end and without blocking on a pipe, and the open
// file is asked what it is, so nothing can change between the look and the
// read. Anything else, a link, a folder, a pipe, a larger file, is an
// error, whose caller may then look at the name the long way.
func ReadRegular(name string, max int64) ([]byte, uint64, error) {
	fd, err := openFD(name, syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, 0, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		return nil, 0, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, 0, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	}
	if st.Size > max {
		return nil, 0, &fs.PathError{Op: "read", Path: name, Err: errTooLarge}
	}
	// One byte more than the file holds, to see its end without growing.
	data := make([]byte, 0, int(st.Size)+1)
	for {
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if err == syscall.EINTR || err == syscall.EAGAIN {
			continue
		}
		if err != nil {
			return nil, 0, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, uint64(st.Nlink), nil
		}
		short := n < cap(data)-len(data)
		data = data[:len(data)+n]
		if short && int64(len(data)) == st.Size {
			// The size the file had when opened, read in fewer bytes
			// than asked: the end of a regular file, without asking
			// again.
			return data, uint64(st.Nlink), nil
		}
		if int64(len(data)) > max {
			return nil, 0, &fs.PathError{Op: "read", Path: name, Err: errTooLarge}
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// fstat is syscall.Fstat, retried when interrupted.
func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}

// WriteNew writes data into a new file at name, or over the one there,
// emptied first, readable by all less the umask, as os.WriteFile with
// mode 0644 does, but with the system calls alone: no os.File, whose
// making asks the system whether the descriptor blocks.
func WriteNew(name string, data []byte) error {
	fd, err := openFD(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR || err == syscall.EAGAIN {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}
