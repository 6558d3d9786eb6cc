package preview

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
)

// watcher notices changes below a few folders by comparing pictures of
// them: every file's path, size, modification time and mode.
//
// Polling with the standard library keeps working where change
// notifications do not: folders created after the start, editors that save
// by renaming a new file over the old one, and shared or network folders in
// containers and virtual machines. A picture costs one stat per file
// (BenchmarkPicture: 3,000 files in 25 folders), so Serve waits ten times as
// long as the last picture took, and at least its interval: watching never
// takes more than a tenth of a core.
type watcher struct {
	roots []string
	last  map[string]stamp
}

type stamp struct {
	size    int64
	modTime int64 // nanoseconds since 1970
	mode    fs.FileMode
}

func newWatcher(roots []string) *watcher {
	w := &watcher{roots: roots}
	w.last = w.picture()
	return w
}

// picture records every file and folder below the roots; folders that do
// not exist or cannot be read are simply absent from it.
func (w *watcher) picture() map[string]stamp {
	pic := map[string]stamp{}
	for _, root := range w.roots {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if p != root && ignored(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return nil
			}
			st := stamp{mode: fi.Mode()}
			if !d.IsDir() {
				st.size, st.modTime = fi.Size(), fi.ModTime().UnixNano()
			}
			pic[p] = st
			return nil
		})
	}
	return pic
}

// ignored reports whether a file is one the build does not read either:
// hidden files and folders, such as editors' swap files, and backups
// ending in ~. Vim rewrites its swap file as one types.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")
}

// changed takes a new picture and returns the first path, in order, that
// differs from the last one, or "" when nothing changed.
func (w *watcher) changed() string {
	pic := w.picture()
	var diff []string
	for p, st := range pic {
		if old, ok := w.last[p]; !ok || old != st {
			diff = append(diff, p)
		}
	}
	for p := range w.last {
		if _, ok := pic[p]; !ok {
			diff = append(diff, p)
		}
	}
	w.last = pic
	if len(diff) == 0 {
		return ""
	}
	sort.Strings(diff)
	return diff[0]
}
