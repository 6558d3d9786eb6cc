package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// swapByRenames moves dir aside, the staging directory in, and the old one
// away: between the two renames dir does not exist, but it never holds a
// half-written site.
func swapByRenames(stage, dir string) error {
	old := filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+"-old-"+filepath.Base(stage))
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("move the previous site aside: %w", err)
	}
	if err := os.Rename(stage, dir); err != nil {
		os.Rename(old, dir)
		return fmt.Errorf("move the new site into %s: %w", dir, err)
	}
	return os.RemoveAll(old)
}
