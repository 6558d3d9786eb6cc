//go:build !unix

package publish

import "io/fs"

// sparesWork says whether Patch writes through spares (see spares): not
// where a file's names cannot be counted.
const sparesWork = false

const noFollow = 0

func onlyName(fs.FileInfo) bool { return false }
