package publish

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// spares are the files a site updated in place (Patch) no longer needs,
// kept in a hidden folder beside it (".public.spares" beside "public") to
// be written over by the next update instead of new files. ext4 is slow to
// hand out inodes right after it freed some, and to free blocks on a disk
// mounted with discard: an update replacing five hundred pages with new
// files spent most of its time there, in the kernel.
//
// A file is replaced so: a spare is written over from its start and cut to
// its new length, which reuses its blocks; then the spare and the file
// swap names in one step (on Linux, for a file this package wrote: see
// exchange), the file replaced becoming the spare; elsewhere, the file is
// kept as a new spare by a hard link and the spare renamed over it, in
// one step, as replaceFile does. A spare is written over only when that
// folder is its only name (a process killed between the link and the
// rename leaves a spare that is also a page of the site), and the folder
// keeps at most maxSpares files: past that, a replaced file is let go.
type spares struct {
	dir  string
	once sync.Once
	mu   sync.Mutex
	free []string // the spares ready to be written over, by path
	n    int      // how many files the folder holds
	next int      // the number naming the next spare
	off  bool     // the folder is unusable: files are replaced by replaceFile
}

// maxSpares bounds the files the spare folder keeps: a little more than
// the pages of a 10,000-event site an edit may change at once (a topic's
// new title).
const maxSpares = 1024

func newSpares(dir string) *spares { return &spares{dir: dir} }

// load reads what the folder holds, once, when a Stage first replaces a
// file.
func (sp *spares) load() {
	sp.off = !sparesWork
	if sp.off {
		return
	}
	if err := os.MkdirAll(sp.dir, 0o755); err != nil {
		sp.off = true
		return
	}
	entries, err := os.ReadDir(sp.dir)
	if err != nil {
		sp.off = true
		return
	}
	for _, e := range entries {
		n, err := strconv.Atoi(e.Name())
		if err != nil || n < 0 {
			continue // not one of ours
		}
		sp.free = append(sp.free, filepath.Join(sp.dir, e.Name()))
		sp.n++
		sp.next = max(sp.next, n+1)
	}
}

// spareFile is a file open to be written, then put in place of another.
type spareFile struct {
	*os.File
	name string // its path in the spare folder
	size int64  // its size when opened: what place cuts it from
}

// open returns a file to write a replacement into, from its start: a
// spare, or a new file in the folder when none is fit. It returns nil when
// the folder cannot be used: the caller then replaces as replaceFile does.
func (sp *spares) open() *spareFile {
	sp.once.Do(sp.load)
	if sp.off {
		return nil
	}
	for {
		name, ok := sp.take()
		if !ok {
			break
		}
		if f := reuse(name); f != nil {
			return f
		}
		os.Remove(name)
		sp.drop()
	}
	name, ok := sp.name()
	if !ok {
		return nil
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err == nil {
		if err = f.Chmod(0o644); err != nil {
			f.Close()
			os.Remove(name)
		}
	}
	if err != nil {
		sp.drop()
		return nil
	}
	return &spareFile{File: f, name: name}
}

// reuse opens the spare at name to be written over, or returns nil when it
// is not fit: not a plain file readable by all, or with another name.
func reuse(name string) *spareFile {
	f, err := os.OpenFile(name, os.O_WRONLY|noFollow, 0)
	if err != nil {
		return nil
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644 || !onlyName(fi) {
		f.Close()
		return nil
	}
	return &spareFile{File: f, name: name, size: fi.Size()}
}

// place cuts f at end, where it was written up to (or where it stands,
// when end is -1), closes it, and puts it at path in one step, keeping the
// file it replaces as a spare. written says that path holds a plain file
// as this package writes them, which may be exchanged with f. On failure,
// path is as it was and f is removed.
func (sp *spares) place(f *spareFile, path string, end int64, written bool) error {
	var err error
	if end < 0 {
		end, err = f.Seek(0, io.SeekCurrent)
	}
	if err == nil && end < f.size {
		err = f.Truncate(end)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		sp.discard(f.name)
		return err
	}
	// Where the file system can, f and the file at path swap names: the
	// file replaced is the spare, with no name made or taken out. Only a
	// file known to be one: a folder there must not be swapped away.
	if written && exchange(f.name, path) == nil {
		sp.mu.Lock()
		sp.free = append(sp.free, f.name)
		sp.mu.Unlock()
		return nil
	}
	keep, kept := sp.name()
	if kept && os.Link(path, keep) != nil {
		// A new file, or one the folder cannot link to: let it go.
		kept = false
		sp.drop()
	}
	if err := os.Rename(f.name, path); err != nil {
		if kept {
			sp.discard(keep)
		}
		sp.discard(f.name)
		return err
	}
	sp.mu.Lock()
	sp.n-- // f is no longer in the folder
	if kept {
		sp.free = append(sp.free, keep)
	}
	sp.mu.Unlock()
	return nil
}

// replace is replaceFile through the spares: path holds data once it
// returns, and a reader sees the old file or the new one, whole. written
// says that path holds a file this package wrote (see place).
func (sp *spares) replace(path string, data []byte, written bool) error {
	f := sp.open()
	if f == nil {
		return replaceFile(path, data)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		sp.discard(f.name)
		return err
	}
	return sp.place(f, path, int64(len(data)), written)
}

// take hands out a spare ready to be written over.
func (sp *spares) take() (string, bool) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if len(sp.free) == 0 {
		return "", false
	}
	name := sp.free[len(sp.free)-1]
	sp.free = sp.free[:len(sp.free)-1]
	return name, true
}

// name returns the path of a new file in the folder, counted in it, or
// false when the folder is full.
func (sp *spares) name() (string, bool) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.n >= maxSpares {
		return "", false
	}
	sp.n++
	sp.next++
	return filepath.Join(sp.dir, strconv.Itoa(sp.next-1)), true
}

// drop counts a file of the folder less.
func (sp *spares) drop() {
	sp.mu.Lock()
	sp.n--
	sp.mu.Unlock()
}

// discard removes the file name of the folder.
func (sp *spares) discard(name string) {
	if err := os.Remove(name); err == nil || errors.Is(err, os.ErrNotExist) {
		sp.drop()
	}
}
