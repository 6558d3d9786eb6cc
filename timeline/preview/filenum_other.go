//go:build !unix

package preview

import "io/fs"

// fileNumber is 0 where file information carries no file number: size and
// modification time alone tell versions apart.
func fileNumber(fs.FileInfo) uint64 { return 0 }
