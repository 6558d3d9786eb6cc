package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CheckTarget refuses an output folder whose replacement would destroy
// something that is not a built site: a folder that is, holds or lies
// within one of the inputs (the content, templates or static folders), or
// an existing folder that has files but no index.html, which every built
// site has.
func CheckTarget(dir string, inputs ...string) error {
	out, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		abs, err := filepath.Abs(in)
		if err != nil {
			return err
		}
		if within(abs, out) || within(out, abs) {
			return fmt.Errorf("the output folder %s would replace %s, which the site is built from: give -out another folder", dir, in)
		}
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("the output folder %s cannot be read: %w", dir, err)
	case len(entries) == 0:
		return nil
	}
	if fi, err := os.Stat(filepath.Join(dir, "index.html")); err != nil || !fi.Mode().IsRegular() {
		return fmt.Errorf("the output folder %s holds files but no built site (no index.html), and a build replaces it whole: give -out a new or empty folder", dir)
	}
	return nil
}

// within reports whether path is dir or lies inside it; both are absolute.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
