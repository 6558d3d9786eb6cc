package publish

import (
	"hash/maphash"
	"sync"
)

// Written remembers what Stages wrote into a site, file by file: the size
// and a hash of the bytes. An update in place (Patch) given the Written of
// the builds and updates before it replaces a file whose new bytes differ
// from those last written there without reading the file first; it reads
// it, to leave it alone when it holds the same bytes, only when they are
// the same as last time, or when the file was not written through it.
//
// The hash decides only whether to read the file first: a file changed on
// disk since costs at most writing it again with the bytes it held, and
// other bytes with the same hash cost reading it; neither leaves a file
// as it was when its bytes should change.
//
// A Written is safe for concurrent use, and is tied to a site: a Stage
// given it must write the site its earlier Stages wrote.
type Written struct {
	seed  maphash.Seed
	mu    sync.Mutex
	files map[string]writtenFile
}

type writtenFile struct {
	size int
	sum  uint64
}

// NewWritten returns a record of nothing written yet.
func NewWritten() *Written {
	return &Written{seed: maphash.MakeSeed(), files: map[string]writtenFile{}}
}

// of is what w would record for data.
func (w *Written) of(data []byte) writtenFile {
	return writtenFile{len(data), maphash.Bytes(w.seed, data)}
}

// changed reports whether the file name surely does not hold f: what was
// last written there is known, and is not f.
func (w *Written) changed(name string, f writtenFile) bool {
	w.mu.Lock()
	last, ok := w.files[name]
	w.mu.Unlock()
	return ok && last != f
}

func (w *Written) set(name string, f writtenFile) {
	w.mu.Lock()
	w.files[name] = f
	w.mu.Unlock()
}

// forget makes what name holds unknown.
func (w *Written) forget(name string) {
	w.mu.Lock()
	delete(w.files, name)
	w.mu.Unlock()
}
