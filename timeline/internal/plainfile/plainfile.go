// Package plainfile opens plain files for reading and writing at the cost
// of the system calls that do it, no more. On Unix, os.Open and os.Create
// offer every file to the runtime's poller, which turns a plain file down
// after four fcntl calls and an epoll_ctl: as many system calls again as
// reading or writing a page of a few kilobytes takes, for each of the
// twenty thousand files a build of 10,000 events reads and writes.
package plainfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ReadFile reads the file name whole, as os.ReadFile does.
func ReadFile(name string) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 512
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 && int64(int(fi.Size())) == fi.Size() {
		size = int(fi.Size()) + 1 // one more, to see the end without growing
	}
	data := make([]byte, 0, size)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if errors.Is(err, io.EOF) {
				return data, nil
			}
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// DirFS is os.DirFS(dir) that reads its files with ReadFile.
func DirFS(dir string) fs.FS { return dirFS{os.DirFS(dir).(osDirFS), dir} }

// osDirFS is what os.DirFS's file systems do besides Open.
type osDirFS interface {
	fs.ReadDirFS
	fs.ReadLinkFS
	fs.StatFS
}

type dirFS struct {
	osDirFS
	dir string
}

// ReadFile reads the file name of the file system whole.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	full, err := d.join("readfile", name)
	if err != nil {
		return nil, err
	}
	b, err := ReadFile(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return b, nil
}

// ReadRegular reads the file name of the file system as ReadRegular does.
func (d dirFS) ReadRegular(name string, max int64) ([]byte, uint64, error) {
	full, err := d.join("readfile", name)
	if err != nil {
		return nil, 0, err
	}
	b, links, err := ReadRegular(full, max)
	if err != nil {
		return nil, 0, renamed(err, name)
	}
	return b, links, nil
}

// join returns the path of the file name of the file system, joined to
// the folder as os.DirFS joins it, without cleaning the path.
func (d dirFS) join(op, name string) (string, error) {
	local, err := filepath.Localize(name)
	if err != nil || d.dir == "" {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if os.IsPathSeparator(d.dir[len(d.dir)-1]) {
		return d.dir + local, nil
	}
	return d.dir + string(filepath.Separator) + local, nil
}

// renamed is err with the file named as the file system names it, as
// os.DirFS does.
func renamed(err error, name string) error {
	if pe, ok := err.(*fs.PathError); ok {
		pe.Path = name
	}
	return err
}

var (
	errNotRegular = errors.New("not a regular file")
	errTooLarge   = errors.New("file too large")
)
