package preview

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// watcher keeps a picture of a few folders (every file's and folder's path,
// size, modification time, mode and file number) and works out what
// changed since the last one, either by taking a whole new picture or by
// looking again only at the paths that change notifications named.
//
// A whole picture costs one stat per file (BenchmarkPicture), 70 to 100 ms
// for 11,000 files; looking at the few paths one save touches costs a few
// microseconds. Notifications come from the system through fsnotify (see
// notify.go); where they are unavailable, the watcher relies on whole
// pictures alone.
type watcher struct {
	roots []string
	last  map[string]stamp
	note  *notifier // nil when only whole pictures are taken
	log   io.Writer
}

type stamp struct {
	size    int64
	modTime int64 // nanoseconds since 1970
	mode    fs.FileMode
	file    uint64 // the file's number on its disk, so a rename-over shows even within one clock tick
}

// newWatcher takes the first picture of roots. With notify, it first asks
// the system for change notifications on every folder it meets, so no save
// falls between the picture and the watches; when that fails it says so on
// log and goes on with pictures alone.
func newWatcher(roots []string, notify bool, log io.Writer) *watcher {
	w := &watcher{log: log}
	for _, r := range roots {
		w.roots = append(w.roots, filepath.Clean(r))
	}
	if notify {
		w.note = newNotifier(w)
	}
	w.last = w.picture()
	return w
}

// picture records every file and folder below the roots; folders that do
// not exist or cannot be read are simply absent from it.
func (w *watcher) picture() map[string]stamp {
	pic := map[string]stamp{}
	for _, root := range w.roots {
		w.walk(root, pic)
	}
	return pic
}

// walk records dir and everything below it in pic, and watches each folder
// it meets before reading it, so a file created meanwhile is either read or
// notified.
func (w *watcher) walk(dir string, pic map[string]stamp) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != dir && ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		if d.IsDir() {
			w.watchDir(p)
		}
		pic[p] = stampOf(fi)
		return nil
	})
}

func stampOf(fi fs.FileInfo) stamp {
	st := stamp{mode: fi.Mode()}
	if !fi.IsDir() {
		st.size, st.modTime, st.file = fi.Size(), fi.ModTime().UnixNano(), fileNumber(fi)
	}
	return st
}

// ignored reports whether a file is one the build does not read either:
// hidden files and folders, such as editors' swap files, and backups
// ending in ~. Vim rewrites its swap file as one types.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")
}

// changed takes a whole new picture and returns the paths, sorted, that
// differ from the last one: new, changed and removed files and folders.
func (w *watcher) changed() []string {
	pic := w.picture()
	var diff []string
	for p, st := range pic {
		if old, ok := w.last[p]; !ok || old != st {
			diff = append(diff, p)
		}
	}
	for p, st := range w.last {
		if _, ok := pic[p]; !ok {
			diff = append(diff, p)
			if st.mode.IsDir() && w.note != nil {
				w.note.forget(p)
			}
		}
	}
	w.last = pic
	slices.Sort(diff)
	return diff
}

// refresh looks again at the named paths only, updates the picture for
// them and returns, sorted and once each, those that changed. A folder is
// looked at with everything below it: one that appears brings its files,
// one that vanishes takes them along.
func (w *watcher) refresh(names []string) []string {
	diff := map[string]bool{}
	for _, name := range names {
		fi, err := os.Lstat(name)
		if err == nil && fi.IsDir() {
			sub := map[string]stamp{}
			w.walk(name, sub)
			w.replaceBelow(name, sub, diff)
			continue
		}
		old, had := w.last[name]
		if had && old.mode.IsDir() {
			// A folder gone, or replaced by a file.
			w.replaceBelow(name, nil, diff)
			had = false
		}
		if err != nil {
			if had {
				delete(w.last, name)
				diff[name] = true
			}
			continue
		}
		if st := stampOf(fi); !had || old != st {
			w.last[name] = st
			diff[name] = true
		}
	}
	out := make([]string, 0, len(diff))
	for p := range diff {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// replaceBelow replaces dir and everything below it in the picture with
// sub, noting in diff what differs.
func (w *watcher) replaceBelow(dir string, sub map[string]stamp, diff map[string]bool) {
	prefix := dir + string(filepath.Separator)
	for p, st := range w.last {
		if p != dir && !strings.HasPrefix(p, prefix) {
			continue
		}
		if _, ok := sub[p]; !ok {
			delete(w.last, p)
			diff[p] = true
			if st.mode.IsDir() && w.note != nil {
				w.note.forget(p)
			}
		}
	}
	for p, st := range sub {
		if old, ok := w.last[p]; !ok || old != st {
			w.last[p] = st
			diff[p] = true
		}
	}
}
