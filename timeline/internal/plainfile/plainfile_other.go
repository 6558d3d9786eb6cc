//go:build !unix

package plainfile

import (
	"errors"
	"io/fs"
	"os"
)

// Open opens name for reading, as os.Open does.
func Open(name string) (*os.File, error) { return os.Open(name) }

// ReadRegular is not done here: every file is looked at the long way.
func ReadRegular(name string, max int64) ([]byte, uint64, error) {
	return nil, 0, &fs.PathError{Op: "read", Path: name, Err: errors.ErrUnsupported}
}

// WriteNew writes data into a new file at name, or over the one there,
// emptied first, readable by all less the umask.
func WriteNew(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
