//go:build !unix

package content

import "io/fs"

// hardLinked reports whether the file fi describes has other names on its
// disk: not known here.
func hardLinked(fi fs.FileInfo) bool { return false }
