//go:build !unix

package plainfile

import (
	"errors"
	"io/fs"
	"os"
)

// Open opens name for reading, as os.Open does.
func Open(name string) (*os.File, error) { return os.Open(name) }

// Create makes a new file at name, or empties the one there, for writing,
// readable by all less the umask: os.Create, but for the mode.
func Create(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}

// ReadRegular is not done here: every file is looked at the long way.
func ReadRegular(name string, max int64) ([]byte, uint64, error) {
	return nil, 0, &fs.PathError{Op: "read", Path: name, Err: errors.ErrUnsupported}
}
