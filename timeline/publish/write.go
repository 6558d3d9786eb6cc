// Package publish writes a rendered site to disk as one change: every file
// is minified and written into a staging directory beside the target, and
// the staging directory replaces the target only once all of it is written.
// A build that fails or is killed half-way leaves the previous site as it
// was; a lock keeps two builds from writing the same target at once.
//
// A rebuild keeps what did not change: a file whose bytes are those of the
// site being replaced is shared with it (a hard link), and one handed over
// with the same bytes as last time is not even minified again (see the
// manifest, ".public.manifest" beside "public", with the lock file
// ".public.lock").
//
// A preview that changes a few files of a published site updates it in
// place instead (Patch): each file is replaced by a rename, one at a time.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"frise/timeline/internal/plainfile"
)

// Write minifies files (slash paths relative to the site's root) and puts
// them in dir, replacing what dir held before in one step.
func Write(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		if err := checkName(name); err != nil {
			return err
		}
		names = append(names, name)
	}
	sort.Strings(names)
	st, err := Begin(dir)
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := st.Add(name, files[name]); err != nil {
			st.Abort()
			return err
		}
	}
	return st.Commit()
}

// Stage is a site being written file by file into a staging directory
// beside its target, so a renderer can hand each page over as soon as it is
// made and let it go: the site never needs to be in memory whole. Nothing
// is visible in the target until Commit; Abort, or a process killed
// before Commit, leaves the previous site as it was.
type Stage struct {
	dir, stage string
	inPlace    bool    // stage is dir: see Patch
	spares     *spares // in place, what replaces files
	fresh      bool    // there was no dir to replace: no file to share
	unlock     func()
	mf         *Minifier
	work       chan stagedFile
	wg         sync.WaitGroup
	dirs       sync.Map // the folders made so far in the staging folder

	prev     map[string]entry // the manifest of the site being replaced
	prevOnce sync.Once        // for Patch, which reads it when the first file is written
	minified atomic.Int64     // how many files were minified, not shared

	mu    sync.Mutex
	next  map[string]entry // the manifest of the site being written
	names map[string]bool
	err   error // the first error of a worker
	done  bool
	open  int // files made with Create and not closed yet

	removed []string // in place, the files Remove takes out at Commit

	written *Written // what the site's files hold, when tracked (see Track)
}

type stagedFile struct {
	name string
	data []byte
	done bool // written as it is: see Put
	// release, when set, is handed data once the file is written, or
	// given up (see PutThen).
	release func([]byte)
}

// Begin takes the lock on dir's parent, clears what killed builds left
// there, and starts writing into a new staging directory, on every core.
func Begin(dir string) (*Stage, error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	unlock, err := lock(filepath.Join(parent, "."+base+".lock"), dir)
	if err != nil {
		return nil, err
	}
	removeStale(parent, base)
	stage, err := os.MkdirTemp(parent, "."+base+"-staging-")
	if err == nil {
		err = os.Chmod(stage, 0o755)
	}
	if err != nil {
		unlock()
		return nil, fmt.Errorf("create a staging directory beside %s: %w", dir, err)
	}
	_, statErr := os.Lstat(dir)
	st := &Stage{dir: dir, stage: stage, fresh: errors.Is(statErr, fs.ErrNotExist), unlock: unlock, mf: NewMinifier(),
		work: make(chan stagedFile, 64), names: map[string]bool{},
		prev: readManifest(dir), next: map[string]entry{}}
	for range runtime.GOMAXPROCS(0) {
		st.wg.Go(st.writer)
	}
	return st, nil
}

// Patch starts updating the site in dir in place, for a preview that
// changes a few of its files: each file added or created replaces the one
// dir holds in one step (it is written beside it and renamed over it), or
// is left alone when it would not change; the other files stay as they
// are. Unlike a Stage from Begin, a reader may see some files updated and
// others not yet, for the few milliseconds the update takes, and a failure
// half-way leaves the files replaced so far in place.
//
// The manifest is read but not written again: rewriting it for every
// saved file would cost more than the update, at 10,000 events. Its
// entries for the files replaced no longer match them, so the next build
// minifies those again, as it should.
func Patch(dir string) (*Stage, error) {
	dir = filepath.Clean(dir)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("update %s: no site there to update", dir)
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	unlock, err := lock(filepath.Join(parent, "."+base+".lock"), dir)
	if err != nil {
		return nil, err
	}
	st := &Stage{dir: dir, stage: dir, inPlace: true, unlock: unlock, mf: NewMinifier(),
		spares: newSpares(filepath.Join(parent, "."+base+".spares")),
		work:   make(chan stagedFile, 64), names: map[string]bool{}}
	for range runtime.GOMAXPROCS(0) {
		st.wg.Go(st.writer)
	}
	return st, nil
}

// Track makes st record in w what it writes, and, updating a site in
// place, read a file before replacing it only when w does not tell that
// its bytes changed (see Written). It must be called before any file is
// handed over, with the Written of the Stages that wrote dir before.
func (st *Stage) Track(w *Written) { st.written = w }

// bigFile is the size above which a writer lets its buffers go once the
// file is written.
const bigFile = 4 << 20

// writer minifies and writes what it is handed, reusing its buffers.
func (st *Stage) writer() {
	var b buffers
	for f := range st.work {
		if st.failed() {
			if f.release != nil {
				f.release(f.data)
			}
			continue
		}
		full := filepath.Join(st.stage, filepath.FromSlash(f.name))
		err := st.mkdir(filepath.Dir(full))
		if err == nil {
			err = st.write(&b, f, full)
		}
		if len(f.data) > bigFile {
			// Keep no buffers the size of the largest export for the
			// rest of the build.
			b = buffers{}
		}
		if f.release != nil {
			f.release(f.data)
		}
		if err != nil {
			st.mu.Lock()
			if st.err == nil {
				st.err = err
			}
			st.mu.Unlock()
		}
	}
}

// write writes f at full, the staging path of its name. A file not done
// is minified first and recorded in the manifest; when the manifest says
// that the site being replaced holds, untouched, what the same bytes
// minified to, that file is shared as it is, without minifying again.
func (st *Stage) write(b *buffers, f stagedFile, full string) error {
	name, data := f.name, f.data
	old := filepath.Join(st.dir, filepath.FromSlash(name))
	if f.done {
		// Nothing to spare but the writing, which place spares when the
		// site holds the same bytes; the manifest is for files to minify.
		return st.place(b, old, full, data)
	}
	s := sum(data)
	if st.inPlace {
		// Read while the first pages render, not before.
		st.prevOnce.Do(func() { st.prev = readManifest(st.dir) })
	}
	e, ok := st.prev[name] // read only once Begin returns, or by prevOnce
	if unchanged(e, ok, s, old) && (st.inPlace || os.Link(old, full) == nil) {
		st.record(name, e)
		if st.written != nil {
			st.written.forget(old) // its bytes are not at hand
		}
		return nil
	}
	small, err := st.mf.minify(b, name, data)
	if err != nil {
		return err
	}
	st.minified.Add(1)
	if err := st.place(b, old, full, small); err != nil {
		return err
	}
	// The file as written, closed: on a network file system, closing
	// may change its time.
	if fi, err := os.Lstat(full); err == nil {
		st.record(name, entry{s, fi.Size(), fi.ModTime().UnixNano()})
	}
	return nil
}

// place writes data at full: in place, over the file there unless it
// holds the same bytes; else in the staging folder, sharing old when the
// site being replaced holds the same bytes there (see put). A tracked
// Stage records what old then holds.
func (st *Stage) place(b *buffers, old, full string, data []byte) error {
	w := st.written
	if w == nil {
		return st.placeUntracked(b, old, full, data)
	}
	f := w.of(data)
	var err error
	if st.inPlace && w.changed(old, f) {
		err = st.spares.replace(full, data, true)
	} else {
		err = st.placeUntracked(b, old, full, data)
	}
	if err != nil {
		w.forget(old)
		return err
	}
	w.set(old, f)
	return nil
}

func (st *Stage) placeUntracked(b *buffers, old, full string, data []byte) error {
	if !st.inPlace {
		if st.fresh {
			return plainfile.WriteNew(full, data)
		}
		return put(b, old, full, data)
	}
	if b.same(full, data) {
		return nil
	}
	return st.spares.replace(full, data, false)
}

func (st *Stage) record(name string, e entry) {
	if st.inPlace || strings.ContainsAny(name, "\n\r") {
		return // the manifest has a line per file
	}
	st.mu.Lock()
	st.next[name] = e
	st.mu.Unlock()
}

// put writes data at full, in the staging folder. When the site being
// replaced holds the same bytes at old, the new site shares that file (a
// hard link) instead of making a new one: a rebuild that changes a few
// pages makes a few files, and removing the old site afterwards frees only
// what changed. (File systems are slow to hand out inodes right after
// thousands were freed: a build made after a build that replaced every
// file took several times as long in the kernel.)
func put(b *buffers, old, full string, data []byte) error {
	if b.same(old, data) && os.Link(old, full) == nil {
		return nil
	}
	return plainfile.WriteNew(full, data)
}

// same reports whether the file at path is a plain file, written as this
// package writes them, that holds exactly data; b.old is its scratch space.
func (b *buffers) same(path string, data []byte) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644 || fi.Size() != int64(len(data)) {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	// A piece at a time, to stop at the first difference: a page that
	// changed differs early, more often than not.
	if cap(b.old) < sameChunk {
		b.old = make([]byte, sameChunk)
	}
	for rest := data; len(rest) > 0; {
		old := b.old[:min(len(rest), sameChunk)]
		if _, err := io.ReadFull(f, old); err != nil || !bytes.Equal(old, rest[:len(old)]) {
			return false
		}
		rest = rest[len(old):]
	}
	// The file may have grown since Lstat: it must end where data does.
	var more [1]byte
	if n, _ := f.Read(more[:]); n != 0 {
		return false
	}
	return true
}

// sameChunk is how much of a file same reads at a time.
const sameChunk = 64 << 10

// mkdir makes dir and its parents in the staging folder, once: ten
// thousand pages in one folder ask for it ten thousand times.
func (st *Stage) mkdir(dir string) error {
	if _, ok := st.dirs.Load(dir); ok {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	st.dirs.Store(dir, true)
	return nil
}

func (st *Stage) failed() bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.err != nil
}

// Add queues a file for writing; data must not change afterwards. It
// refuses a path outside the site or one added twice, and reports an
// earlier file's failure so the caller can stop rendering.
func (st *Stage) Add(name string, data []byte) error {
	if err := st.claim(name); err != nil {
		return err
	}
	st.work <- stagedFile{name: name, data: data}
	return nil
}

// Put is Add for a file already as small as it will be, such as a page
// rendered from templates minified once when they were read: it is
// written as it is.
func (st *Stage) Put(name string, data []byte) error {
	if err := st.claim(name); err != nil {
		return err
	}
	st.work <- stagedFile{name: name, data: data, done: true}
	return nil
}

// PutThen is Put, handing data to release once the file is written (or
// the build has failed and it never will be): the caller may then write
// over data, which the Stage no longer holds. release is called once,
// before PutThen returns when the file is refused, else later from one of
// the Stage's writers. Without release, PutThen is Put.
func (st *Stage) PutThen(name string, data []byte, release func([]byte)) error {
	if release == nil {
		return st.Put(name, data)
	}
	if err := st.claim(name); err != nil {
		release(data)
		return err
	}
	st.work <- stagedFile{name: name, data: data, done: true, release: release}
	return nil
}

// claim checks that name may be written, once.
func (st *Stage) claim(name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	st.mu.Lock()
	dup, err, done := st.names[name], st.err, st.done
	st.names[name] = true
	st.mu.Unlock()
	switch {
	case done:
		return errors.New("the site was already committed or aborted")
	case err != nil:
		return err
	case dup:
		return fmt.Errorf("%s is written twice", name)
	}
	return nil
}

// Remove takes the file name out of a site being updated in place (see
// Patch), with the folders it leaves empty, when the update is committed,
// once every file added is written; a file that is not there then is no
// error. A Stage from Begin has nothing to remove: what is not added is
// not in the new site.
func (st *Stage) Remove(name string) error {
	if !st.inPlace {
		return errors.New("remove: only an update in place removes files")
	}
	if err := st.claim(name); err != nil {
		return err
	}
	st.mu.Lock()
	st.removed = append(st.removed, name)
	st.mu.Unlock()
	return nil
}

// removeAll carries out the removals asked for, in order.
func (st *Stage) removeAll() error {
	for _, name := range st.removed {
		full := filepath.Join(st.dir, filepath.FromSlash(name))
		if st.written != nil {
			st.written.forget(full)
		}
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for dir := filepath.Dir(full); dir != st.dir && strings.HasPrefix(dir, st.dir); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break // not empty, or gone
			}
		}
	}
	return nil
}

// Create makes the file name in the staging folder for the caller to write
// into, as it is: it is not minified, and never held whole in memory, which
// suits large files that are as small as they can be when made (CSV,
// iCalendar, JSON on one line). It refuses what Add refuses. The file must
// be closed before Commit, which otherwise fails.
func (st *Stage) Create(name string) (io.WriteCloser, error) {
	if err := st.claim(name); err != nil {
		return nil, err
	}
	full := filepath.Join(st.stage, filepath.FromSlash(name))
	if err := st.mkdir(filepath.Dir(full)); err != nil {
		return nil, err
	}
	if st.written != nil {
		// Written as it comes, not held whole: not hashed.
		st.written.forget(filepath.Join(st.dir, filepath.FromSlash(name)))
	}
	w := &stagedWriter{st: st}
	var err error
	switch {
	case !st.inPlace:
		w.File, err = os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	default:
		w.target = full
		if w.spare = st.spares.open(); w.spare != nil {
			w.File = w.spare.File
		} else {
			w.File, err = tempBeside(full)
		}
	}
	if err != nil {
		return nil, err
	}
	st.mu.Lock()
	st.open++
	st.mu.Unlock()
	return w, nil
}

// stagedWriter is a file made by Create.
type stagedWriter struct {
	*os.File
	st     *Stage
	target string     // in place, the path it is renamed to once closed
	spare  *spareFile // in place, the spare File is, if it is one
	closed bool
}

func (w *stagedWriter) Close() error {
	if w.closed {
		return os.ErrClosed
	}
	w.closed = true
	var err error
	w.st.mu.Lock()
	late := w.st.done // closed after Commit or Abort: too late to be part of the update
	w.st.mu.Unlock()
	switch {
	case w.spare != nil && !late:
		err = w.st.spares.place(w.spare, w.target, -1, false)
	case w.spare != nil:
		w.File.Close()
		w.st.spares.discard(w.spare.name)
	default:
		err = w.File.Close()
		if w.target != "" && err == nil && !late {
			err = os.Rename(w.File.Name(), w.target)
		}
		if w.target != "" && (err != nil || late) {
			os.Remove(w.File.Name())
		}
	}
	w.st.mu.Lock()
	w.st.open--
	if err != nil && w.st.err == nil {
		w.st.err = err
	}
	w.st.mu.Unlock()
	return err
}

// Commit waits for every file to be written and then puts the staging
// directory in place of the target in one step; on any failure it leaves
// the target untouched and removes the staging directory.
func (st *Stage) Commit() error {
	if !st.finish() {
		return errors.New("the site was already committed or aborted")
	}
	defer st.unlock()
	st.mu.Lock()
	if st.err == nil && st.open > 0 {
		st.err = fmt.Errorf("%d files made with Create are still open", st.open)
	}
	st.mu.Unlock()
	if st.inPlace {
		if st.err != nil {
			return st.err
		}
		return st.removeAll()
	}
	if st.err != nil {
		os.RemoveAll(st.stage)
		return st.err
	}
	if err := swap(st.stage, st.dir); err != nil {
		os.RemoveAll(st.stage)
		return err
	}
	// The manifest is a cache: without it the next build minifies again.
	writeManifest(st.dir, st.next)
	return nil
}

// Abort stops writing and removes the staging directory; the target stays
// as it was. After Commit it does nothing, so it can be deferred.
func (st *Stage) Abort() {
	if !st.finish() {
		return
	}
	if !st.inPlace {
		os.RemoveAll(st.stage)
	}
	st.unlock()
}

// replaceFile puts data at path in one step: a reader sees the old file or
// the new one, whole.
func replaceFile(path string, data []byte) error {
	f, err := tempBeside(path)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// tempBeside makes a new hidden file in path's folder, readable by all as
// the site's files are, to be renamed to path.
func tempBeside(path string) (*os.File, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-*")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// finish closes the queue and waits for the writers, once.
func (st *Stage) finish() bool {
	st.mu.Lock()
	if st.done {
		st.mu.Unlock()
		return false
	}
	st.done = true
	st.mu.Unlock()
	close(st.work)
	st.wg.Wait()
	return true
}

// checkName refuses output paths that would leave the output directory.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("output path %q is not inside the site", name)
	}
	return nil
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
