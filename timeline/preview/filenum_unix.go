//go:build unix

package preview

import (
	"io/fs"
	"syscall"
)

// fileNumber returns the file's inode number, which changes when an editor
// renames a new file over the old one.
func fileNumber(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
