// Package publish writes a rendered site to disk as one change: every file
// is minified and written into a staging directory beside the target, and
// the staging directory replaces the target only once all of it is written.
// A build that fails or is killed half-way leaves the previous site as it
// was; a lock keeps two builds from writing the same target at once.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Write minifies files (slash paths relative to the site's root) and puts
// them in dir, replacing what dir held before in one step.
func Write(dir string, files map[string][]byte) error {
	dir = filepath.Clean(dir)
	names := make([]string, 0, len(files))
	for name := range files {
		if err := checkName(name); err != nil {
			return err
		}
		names = append(names, name)
	}
	sort.Strings(names)

	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	unlock, err := lock(filepath.Join(parent, "."+base+".lock"), dir)
	if err != nil {
		return err
	}
	defer unlock()
	removeStale(parent, base)

	stage, err := os.MkdirTemp(parent, "."+base+"-staging-")
	if err != nil {
		return fmt.Errorf("create a staging directory beside %s: %w", dir, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(stage)
		}
	}()
	if err := os.Chmod(stage, 0o755); err != nil {
		return err
	}
	if err := writeAll(stage, names, files); err != nil {
		return err
	}
	if err := swap(stage, dir); err != nil {
		return err
	}
	ok = true
	return nil
}

// checkName refuses output paths that would leave the output directory.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("output path %q is not inside the site", name)
	}
	return nil
}

// writeAll minifies and writes the files on every core.
func writeAll(stage string, names []string, files map[string][]byte) error {
	mf := NewMinifier()
	dirs := map[string]bool{}
	for _, name := range names {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	for d := range dirs {
		if err := os.MkdirAll(filepath.Join(stage, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
	}
	work := make(chan int)
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var b buffers
			for i := range work {
				name := names[i]
				data, err := mf.minify(&b, name, files[name])
				if err == nil {
					err = os.WriteFile(filepath.Join(stage, filepath.FromSlash(name)), data, 0o644)
				}
				errs[i] = err
			}
		})
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()
	return errors.Join(errs...)
}

// removeStale deletes what killed builds left beside the target. The lock
// is held, so no other build is using them.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, "."+base+"-staging-") || strings.HasPrefix(n, "."+base+"-old-") {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}
