//go:build unix

package publish

import (
	"io/fs"
	"syscall"
)

// sparesWork says whether Patch writes through spares (see spares): where
// a file's names can be counted.
const sparesWork = true

// noFollow opens a spare, never what a link in its place points to.
const noFollow = syscall.O_NOFOLLOW

// onlyName reports whether the file fi describes has no other name than
// the one it was opened by.
func onlyName(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 1
}
