package preview

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// How a burst of notifications becomes one change: editors save by writing
// a temporary file and renaming it over the old one, or by several writes,
// so the watcher waits until no notification came for quiet, or settle
// after the first one, before looking at the paths named.
const (
	quiet  = 5 * time.Millisecond
	settle = 30 * time.Millisecond
)

// defaultBackstop is how far apart whole pictures are taken, at least, while
// notifications work: they catch what notifications miss, on shared and
// network folders for one.
const defaultBackstop = 2 * time.Second

// notifier holds the system's change notifications for every folder below
// the roots; fsnotify watches one folder at a time, not trees.
type notifier struct {
	fs      *fsnotify.Watcher
	watched map[string]bool
}

// newNotifier opens the system's notifications, or says why it cannot on
// the watcher's log and returns nil.
func newNotifier(w *watcher) *notifier {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		w.pictureOnly(err)
		return nil
	}
	return &notifier{fs: fw, watched: map[string]bool{}}
}

// watchDir asks for notifications on dir. A folder gone meanwhile is left to
// its parent's notification; any other failure, such as the system's limit
// on watches, turns notifications off for good.
func (w *watcher) watchDir(dir string) {
	n := w.note
	if n == nil || n.watched[dir] {
		return
	}
	if err := n.fs.Add(dir); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.pictureOnly(err)
		}
		return
	}
	n.watched[dir] = true
}

// forget drops the notifications for dir and every folder below it, which
// are gone or were renamed.
func (n *notifier) forget(dir string) {
	prefix := dir + string(filepath.Separator)
	for p := range n.watched {
		if p == dir || strings.HasPrefix(p, prefix) {
			n.fs.Remove(p) // the system drops the watch of a removed folder itself
			delete(n.watched, p)
		}
	}
}

// pictureOnly turns notifications off and says so, once.
func (w *watcher) pictureOnly(err error) {
	msg := fmt.Sprintf("frise: no change notifications (%v): the watched folders are compared as a whole instead, which notices an edit later", err)
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		msg += "\nfrise: hint: the system's limit on watched folders is reached; raise it, e.g. sudo sysctl fs.inotify.max_user_watches=524288"
	}
	fmt.Fprintln(w.log, msg)
	if w.note != nil {
		w.note.fs.Close()
		w.note = nil
	}
}

// run watches the roots until ctx is done and calls apply with each set of
// changed paths. With notifications, a change is worked out from the paths
// they name, after a quiet spell; a root that does not exist is looked for
// every interval; and a whole picture is taken every backstop, or ten times
// as long as a picture takes. Without them, a whole picture is taken every
// interval, or ten times as long as a picture takes.
func (w *watcher) run(ctx context.Context, interval, backstop time.Duration, apply func(changed []string)) {
	defer func() {
		if w.note != nil {
			w.note.fs.Close()
		}
	}()
	var cost time.Duration // of the last whole picture
	lastDone := time.Now()
	timer := time.NewTimer(interval)
	defer timer.Stop()
	for {
		period := interval
		var events <-chan fsnotify.Event
		var errs <-chan error
		if w.note != nil {
			period = backstop
			events, errs = w.note.fs.Events, w.note.fs.Errors
		}
		next := lastDone.Add(max(period, 10*cost))
		wait := time.Until(next)
		if w.note != nil && w.rootUnwatched() {
			wait = min(wait, interval)
		}
		timer.Reset(max(wait, 0))

		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				w.pictureOnly(errors.New("the system stopped sending them"))
				continue
			}
			if !w.noted(ev) {
				continue
			}
			if c := w.refresh(w.gather(ctx, filepath.Clean(ev.Name))); len(c) > 0 {
				apply(c)
			}
		case err, ok := <-errs:
			switch {
			case !ok:
				w.pictureOnly(errors.New("the system stopped sending them"))
			case errors.Is(err, fsnotify.ErrEventOverflow):
				// Too many at once for the system's queue: some were lost.
				lastDone = time.Time{}
			default:
				w.pictureOnly(err)
			}
		case <-timer.C:
			if w.note != nil {
				if roots := w.appeared(); len(roots) > 0 {
					if c := w.refresh(roots); len(c) > 0 {
						apply(c)
					}
				}
			}
			if time.Now().Before(next) {
				continue
			}
			start := time.Now()
			c := w.changed()
			cost = time.Since(start)
			if len(c) > 0 {
				apply(c)
			}
			lastDone = time.Now()
		}
	}
}

// rootUnwatched reports whether a root has no notifications, most likely
// because it does not exist (yet).
func (w *watcher) rootUnwatched() bool {
	for _, r := range w.roots {
		if !w.note.watched[r] {
			return true
		}
	}
	return false
}

// appeared returns the roots without notifications that exist now, with
// one stat each.
func (w *watcher) appeared() []string {
	var out []string
	for _, r := range w.roots {
		if w.note != nil && w.note.watched[r] {
			continue
		}
		if _, err := os.Lstat(r); err == nil {
			out = append(out, r)
		}
	}
	return out
}

// noted takes in a notification and reports whether its path may matter to
// the build. A folder removed or renamed loses its watches, so that one
// appearing under its name is watched afresh.
func (w *watcher) noted(ev fsnotify.Event) bool {
	// A watch on "." names its files "./a.md"; the pictures name them "a.md".
	name := filepath.Clean(ev.Name)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if w.note != nil && w.note.watched[name] {
			w.note.forget(name)
		}
	}
	return !ignored(filepath.Base(name)) || slices.Contains(w.roots, name)
}

// gather collects the paths named by a burst of notifications that began
// with first, until none came for quiet or settle has passed.
func (w *watcher) gather(ctx context.Context, first string) []string {
	names := []string{first}
	start := time.Now()
	t := time.NewTimer(quiet)
	defer t.Stop()
	for w.note != nil {
		select {
		case <-ctx.Done():
			return names
		case <-t.C:
			return names
		case ev, ok := <-w.note.fs.Events:
			if !ok {
				return names
			}
			if w.noted(ev) {
				names = append(names, filepath.Clean(ev.Name))
			}
			left := settle - time.Since(start)
			if left <= 0 {
				return names
			}
			t.Reset(min(quiet, left))
		}
	}
	return names
}
