//go:build unix

package content

import (
	"io/fs"
	"syscall"
)

// hardLinked reports whether the file fi describes has other names on its
// disk (hard links), through which the same text is read.
func hardLinked(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Nlink > 1
}
