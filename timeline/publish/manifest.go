package publish

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The manifest, a file beside the target (".public.manifest" for
// "public"), says for each file of the site which bytes it was minified
// from, and the size and modification time it was written with. A rebuild
// that hands over the same bytes for a file the previous site still holds
// untouched shares that file (a hard link) without minifying again: what
// did not change is kept as it was, minified bytes included. The manifest
// is a cache: a missing, unreadable or stale one only costs the minifying.

// entry is a file of the site as the manifest records it.
type entry struct {
	sum     string // of the bytes handed over, before minifying
	size    int64  // of the file as written
	modTime int64  // in nanoseconds
}

func manifestPath(dir string) string {
	return filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".manifest")
}

// sum identifies the bytes handed over for a file.
func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:16])
}

// readManifest reads the manifest of dir; any problem gives an empty one.
// The map it returns is only read: the last one read is kept, and given
// again while the manifest is the same file, unchanged (an update in place
// never rewrites it; a build replaces it with a new file).
func readManifest(dir string) map[string]entry {
	p := manifestPath(dir)
	fi, err := os.Stat(p)
	if err != nil {
		return map[string]entry{}
	}
	lastManifest.Lock()
	defer lastManifest.Unlock()
	if was := lastManifest.fi; was != nil && lastManifest.path == p && os.SameFile(was, fi) &&
		was.Size() == fi.Size() && was.ModTime().Equal(fi.ModTime()) {
		return lastManifest.m
	}
	m := parseManifest(p)
	lastManifest.path, lastManifest.fi, lastManifest.m = p, fi, m
	return m
}

// lastManifest is the manifest readManifest read last.
var lastManifest struct {
	sync.Mutex
	path string
	fi   os.FileInfo
	m    map[string]entry
}

// parseManifest reads the manifest at p.
func parseManifest(p string) map[string]entry {
	m := map[string]entry{}
	f, err := os.Open(p)
	if err != nil {
		return m
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// sum size modtime name; the name, last, may hold spaces.
		parts := strings.SplitN(sc.Text(), " ", 4)
		if len(parts) != 4 {
			return map[string]entry{}
		}
		size, err1 := strconv.ParseInt(parts[1], 10, 64)
		mod, err2 := strconv.ParseInt(parts[2], 10, 64)
		if err1 != nil || err2 != nil || len(parts[0]) != 32 {
			return map[string]entry{}
		}
		m[parts[3]] = entry{parts[0], size, mod}
	}
	if sc.Err() != nil {
		return map[string]entry{}
	}
	return m
}

// writeManifest replaces the manifest of dir with m, in one step.
func writeManifest(dir string, m map[string]entry) error {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		e := m[name]
		fmt.Fprintf(&b, "%s %d %d %s\n", e.sum, e.size, e.modTime, name)
	}
	p := manifestPath(dir)
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// unchanged reports whether the previous site's file at old is the one the
// manifest recorded for the bytes summed as s: written by a build from the
// same bytes, and not touched since.
func unchanged(e entry, ok bool, s, old string) bool {
	if !ok || e.sum != s {
		return false
	}
	fi, err := os.Lstat(old)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm() == 0o644 &&
		fi.Size() == e.size && fi.ModTime().UnixNano() == e.modTime
}
