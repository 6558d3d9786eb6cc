// Package content reads and checks the content tree an editor writes, and
// gives the model every page, feed and export is rendered from.
//
// The tree:
//
//	_index.md            site settings (title, description, language) and the home page's introduction
//	events/**/*.md       one dated event per file; the file name is the event's slug and page name
//	sources/*.txt|*.md   the articles events are drawn from; the name without extension is the id
//	actors/*.md          a page per person or institution: title, aliases, role, country, and a body
//	places/*.md          a page per place: title, aliases, country, and a body
//
// Front matter is YAML (---), TOML (+++) or JSON ({ … }). An event's keys:
//
//	title    required; plain text on one line
//	date     required; EDTF (2015-11, 2021/2022, 2018~, 2024-10/..), or a full
//	         date as "7 mars 2024", "07/03/2024" (day first), "March 7, 2024"
//	summary  plain text
//	actors, places, topics
//	         lists of names; actors and places resolve through the titles and
//	         aliases of actors/ and places/, case and accents aside
//	sources  a list of {source: ID, quote: "…"}; each quote must occur in the
//	         source's text once white space is folded
//	status   extracted (written by the extractor, untouched) or reviewed (the default)
//	draft    true to leave the event out of the site
//
// Other keys are kept in Event.Params for templates (known keys are in
// the Event's fields, and only there); a key that looks like a
// misspelt known key is a warning. Every problem in every file is reported in
// one run, sorted by file and line.
//
// A preview that loads the same tree after every change uses a Loader,
// which parses again only the files whose text changed, and Site.Reread,
// which takes an edited event file into the loaded site in place when its
// date, terms and sources stay as they were.
package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"

	"frise/timeline/article"
	"frise/timeline/edtf"
	"frise/timeline/internal/parallel"
	"frise/timeline/internal/plainfile"
)

// MaxFileSize is the largest file the loader reads.
const MaxFileSize = 8 << 20

// Problems is every problem found in a content tree; as an error, the list.
type Problems []Problem

func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// String writes p as "file:line:col: message"; the hint is not included.
func (p Problem) String() string {
	pos := p.File
	if p.Line > 0 {
		pos += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			pos += fmt.Sprintf(":%d", p.Col)
		}
	}
	return pos + ": " + p.Msg
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// loader gathers what Load has read and what is wrong with it.
type loader struct {
	fsys     fs.FS
	problems []Problem
	warnings []Problem

	memo *Loader // what the last load of the same tree parsed, or nil
	// changed, when not nil, names the only files (or folders) that may
	// have changed since memo's last load: the others memo kept are not
	// read again.
	changed map[string]bool
	linked  bool // read followed a link
	// linkedTo are the links read and the files they lead to, which may be
	// read under their own names too.
	linkedTo []string
	// folded are the sources' texts with white space folded, as a Loader
	// keeps them, for the site it loads to hand to Reread.
	folded map[*Source]string
	// drafts are the drafts, by file: the timeline leaves them out, but
	// the sources they cite are extracted all the same, and the terms they
	// name take their titles from them as from events.
	drafts map[string]*Event
}

func (l *loader) fail(p Problem) { l.problems = append(l.problems, p) }
func (l *loader) warn(p Problem) { l.warnings = append(l.warnings, p) }

// Dir is the content folder dir as a file system for Load: os.DirFS(dir),
// whose files are read with no more system calls than reading takes.
func Dir(dir string) fs.FS { return plainfile.DirFS(dir) }

// Load reads the content tree in fsys and checks it. A tree with problems
// gives a Problems error listing all of them, and no site.
func Load(fsys fs.FS) (*Site, error) {
	return (&loader{fsys: fsys}).load()
}

// A Loader loads the same content tree again and again, as a preview does
// after each change: it keeps what it parsed of every source and event
// file, and parses again only the files whose text changed (every event
// file when a source changed, since events quote sources). Each load reads
// every file, unless told which changed (LoadChanged), and gives a new
// Site, as Load does, with the same problems.
// A Loader serves one load at a time.
type Loader struct {
	fsys    fs.FS
	sources map[string]*parsedSource // by path
	events  map[string]*parsedEvent  // by path, parsed with the sources above
}

// parsedSource is a source file as a Loader keeps it.
type parsedSource struct {
	keptText
	src      *Source // never handed out: each load gets a copy
	folded   string  // its text with white space folded, as quotes are looked for
	problems []Problem
	warnings []Problem
}

// parsedEvent is an event file as a Loader keeps it.
type parsedEvent struct {
	keptText
	f eventFile // f.e is never handed out: each load gets a copy
}

// keptText is a file's text as a Loader keeps it.
type keptText struct {
	text   string
	linked bool // read through a link: read again at every load
}

// readKept returns the text of the file at p: what the last load kept
// (k, or nil) when the file is known to be unchanged and was not read
// through a link, else the file read again. A file read again with the
// text kept updates whether it is a link.
func (l *loader) readKept(p string, k *keptText, unchanged bool) (string, bool) {
	if k != nil && !k.linked && unchanged {
		return k.text, true
	}
	text, ok := l.read(p)
	if ok && k != nil && k.text == text {
		k.linked = l.linked // the file may have become a link
	}
	return text, ok
}

// NewLoader returns a Loader of the tree fsys.
func NewLoader(fsys fs.FS) *Loader { return &Loader{fsys: fsys} }

// Load reads and checks the tree as Load does.
func (ld *Loader) Load() (*Site, error) {
	return (&loader{fsys: ld.fsys, memo: ld}).load()
}

// LoadChanged loads the tree as Load does, told that only the files named
// in changed (slash-separated paths in the tree, or folders, whose every
// file is then taken to have changed) may differ from what the last load
// read: a source or event file it kept that is not named, and that was not
// read through a link, is not read again (all are when the sources or
// events folder is itself a link). A preview, told by the system
// which files changed, saves reading thousands of files after each save.
func (ld *Loader) LoadChanged(changed []string) (*Site, error) {
	set := make(map[string]bool, len(changed))
	for _, p := range changed {
		set[path.Clean(p)] = true
	}
	if linkedFolders(ld.fsys) {
		// The files of a folder that is a link change where no one
		// watching the tree sees them: read them all.
		set = nil
	}
	return (&loader{fsys: ld.fsys, memo: ld, changed: set}).load()
}

// linkedFolders reports whether the sources or events folder of fsys is a
// link.
func linkedFolders(fsys fs.FS) bool {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return false
	}
	for _, dir := range []string{"sources", "events"} {
		if fi, err := rl.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return true
		}
	}
	return false
}

// memoSource is what the last load kept of the source file at p, or nil.
func (l *loader) memoSource(p string) *parsedSource {
	if l.memo == nil {
		return nil
	}
	return l.memo.sources[p]
}

// unchanged reports whether the file at p is known to hold what the last
// load read: the Loader was told which files changed and p is not among
// them, nor in a folder that is.
func (l *loader) unchanged(p string) bool {
	if l.changed == nil {
		return false
	}
	for q := p; ; q = path.Dir(q) {
		if l.changed[q] {
			return false
		}
		if q == "." || q == "/" {
			return true
		}
	}
}

func (l *loader) load() (*Site, error) {
	s := &Site{Language: "fr"}
	// Listing the events folder, thousands of names to sort, and folding
	// the sources' white space, for quotes to be looked for, need nothing
	// else: they run beside the reading of the sources and terms.
	var eventFiles []string
	lister := &loader{fsys: l.fsys}
	listed := make(chan struct{})
	go func() {
		defer close(listed)
		eventFiles = lister.files("events")
	}()
	l.loadIndex(s)
	srcs := l.loadSources()
	s.Sources = srcs
	var folded map[*Source]string
	foldedDone := make(chan struct{})
	if l.memo == nil {
		go func() {
			defer close(foldedDone)
			folded = foldSources(srcs)
		}()
	} else {
		folded = make(map[*Source]string, len(srcs))
		for _, src := range srcs {
			folded[src] = l.memo.sources[src.File].folded
		}
		l.folded = folded
		close(foldedDone)
	}
	actors := l.loadTerms("actors")
	places := l.loadTerms("places")
	<-listed
	l.merge(lister)
	<-foldedDone
	events, topics := l.loadEvents(eventFiles, srcs, folded, actors, places)
	s.terms = [3]*terms{actors, places, topics}
	s.drafts = l.drafts
	s.linkedDirs = linkedFolders(l.fsys)
	if len(l.linkedTo) > 0 {
		s.linkedTo = setOf(l.linkedTo)
	}
	s.Events = link(events, srcs)
	s.findUncited()
	s.folded = l.folded
	s.Actors, s.Places, s.Topics = actors.sorted(), places.sorted(), topics.sorted()
	sortProblems(l.warnings)
	s.Warnings = l.warnings
	if len(l.problems) > 0 {
		sortProblems(l.problems)
		return nil, Problems(l.problems)
	}
	return s, nil
}

// findUncited lists the sources directly in sources/ that no event cites,
// nor any draft (see Uncited).
func (s *Site) findUncited() {
	drafted := map[*Source]bool{}
	for _, d := range s.drafts {
		for _, c := range d.Sources {
			drafted[c.Source] = true
		}
	}
	s.uncited = nil
	for _, src := range s.Sources {
		if len(src.Citations) == 0 && !drafted[src] && path.Dir(src.File) == "sources" {
			s.uncited = append(s.uncited, src)
		}
	}
}

// LoadTerms reads the actors or places of the tree (kind "actors" or "places").
func LoadTerms(fsys fs.FS, kind string) ([]*Term, []Problem) {
	l := &loader{fsys: fsys}
	ts := l.loadTerms(kind)
	terms := ts.list
	sortProblems(l.problems)
	return terms, l.problems
}

// read returns a file's text, checked and normalised, or records why it cannot.
func (l *loader) read(name string) (string, bool) {
	b, ok := l.readPlain(name)
	if !ok {
		if b, ok = l.readAny(name); !ok {
			return "", false
		}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		l.fail(Problem{File: name, Msg: "is empty", Hint: "write its front matter and text, or delete the file"})
		return "", false
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, size := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		line := 1 + strings.Count(string(b[:off]), "\n")
		l.fail(Problem{File: name, Line: line, Msg: fmt.Sprintf("is not UTF-8: byte %d (0x%02X) is not valid", off, b[off]),
			Hint: "save the file as UTF-8 (for Latin-1 text: iconv -f latin1 -t utf-8)"})
		return "", false
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		l.fail(Problem{File: name, Msg: fmt.Sprintf("has a NUL byte at byte %d", i), Hint: "this is not a text file; remove it"})
		return "", false
	}
	// The file's bytes become its text without a copy: the slice read is
	// the loader's alone (ReadRegular's, or ReadFile's, which
	// fs.ReadFileFS promises is a copy), and nothing writes into it after
	// this.
	b = normalize(b)
	return dropInvisible(unsafe.String(unsafe.SliceData(b), len(b))), true
}

// regularReader is a file system that reads a file that is plainly a file
// in one go: see plainfile.ReadRegular.
type regularReader interface {
	ReadRegular(name string, max int64) ([]byte, uint64, error)
}

// readPlain reads the file name when it is a regular file of at most
// MaxFileSize bytes, not a link, and the file system can tell so as it
// reads: the files of nearly every tree, read with the fewest system
// calls. It reports false for anything else, left to readAny.
func (l *loader) readPlain(name string) ([]byte, bool) {
	rr, ok := l.fsys.(regularReader)
	if !ok {
		return nil, false
	}
	b, links, err := rr.ReadRegular(name, MaxFileSize)
	if err != nil {
		return nil, false
	}
	if links > 1 {
		// Another name of the same file: read again every time.
		l.linked = true
		l.linkedTo = append(l.linkedTo, name)
	}
	return b, true
}

// readAny reads the file name whatever it is, a link or a file, checking
// where a link leads and the file's size; it reports a problem and false
// when the file cannot be read.
func (l *loader) readAny(name string) ([]byte, bool) {
	// Lstat tells a link from a file; for a file it is the Stat that the
	// size check needs, which saves a look-up per file on large trees.
	var fi fs.FileInfo
	if rl, ok := l.fsys.(fs.ReadLinkFS); ok {
		if lfi, err := rl.Lstat(name); err == nil && lfi.Mode()&fs.ModeSymlink != 0 {
			l.linked = true
			target, err := rl.ReadLink(name)
			resolved := path.Join(path.Dir(name), target)
			if err != nil || path.IsAbs(target) || !fs.ValidPath(resolved) {
				l.fail(Problem{File: name, Msg: fmt.Sprintf("is a link to %s, outside the content folder", target),
					Hint: "copy the file into the content folder instead of linking to it"})
				return nil, false
			}
			via, loop, to := linkOutside(rl, name)
			if loop {
				l.fail(Problem{File: name, Msg: fmt.Sprintf("is a link that goes round in circles (%s)", via),
					Hint: "copy the file into the content folder instead of linking to it"})
				return nil, false
			} else if via != "" {
				l.fail(Problem{File: name, Msg: fmt.Sprintf("is a link to %s, which leads outside the content folder through %s", target, via),
					Hint: "copy the file into the content folder instead of linking to it"})
				return nil, false
			}
			l.linkedTo = append(l.linkedTo, name, to)
		} else if err == nil {
			fi = lfi
			if fi.Mode().IsRegular() && hardLinked(fi) {
				// Another name of the same file: read again every time.
				l.linked = true
				l.linkedTo = append(l.linkedTo, name)
			}
		}
	}
	if fi == nil {
		var err error
		if fi, err = fs.Stat(l.fsys, name); err != nil {
			l.fail(Problem{File: name, Msg: "cannot be read: " + plainErr(err)})
			return nil, false
		}
	}
	if fi.Size() > MaxFileSize {
		l.fail(Problem{File: name, Msg: fmt.Sprintf("is %d bytes, over the limit of %d MiB", fi.Size(), MaxFileSize>>20),
			Hint: "split it into several files"})
		return nil, false
	}
	b, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		l.fail(Problem{File: name, Msg: "cannot be read: " + plainErr(err)})
		return nil, false
	}
	return b, true
}

// plainErr is err's message without the Go operation that wrapped it.
func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// readExts are the folders a load reads files from, with the extensions
// of the files it reads there.
var readExts = map[string][]string{"events": {".md"}, "sources": {".txt", ".md"}, "actors": {".md"}, "places": {".md"}}

// Reads reports whether a load reads the file name (a slash path within
// the content folder), by its name alone: the settings (_index.md), and,
// in the folders of events, sources, actors and places, the files with
// their extension, but for anything hidden (its name, or a folder's
// below, starting with ".") or ending in "~". A load passes over any
// other file, and warns about those in these folders.
func Reads(name string) bool {
	if name == "_index.md" {
		return true
	}
	top, rest, ok := strings.Cut(name, "/")
	exts := readExts[top]
	if !ok || exts == nil || strings.HasSuffix(name, "~") {
		return false
	}
	for _, elem := range strings.Split(rest, "/") {
		if strings.HasPrefix(elem, ".") {
			return false
		}
	}
	return slices.Contains(exts, path.Ext(name))
}

// files lists the files below dir, one of the folders of readExts, that
// a load reads (see Reads), sorted, and warns about the others but for
// those hidden or ending in "~"; a missing dir is no file.
func (l *loader) files(dir string) []string {
	var out []string
	err := fs.WalkDir(l.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			l.fail(Problem{File: p, Msg: "cannot be read: " + plainErr(err)})
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
			return nil
		}
		if Reads(p) {
			out = append(out, p)
		} else if !strings.EqualFold(name, "README.md") {
			l.warn(Problem{File: p, Msg: "is not read: only " + strings.Join(readExts[dir], " and ") + " files are",
				Hint: "rename it, or move it out of " + dir + "/"})
		}
		return nil
	})
	if err != nil {
		l.fail(Problem{File: dir, Msg: "cannot be read: " + plainErr(err)})
	}
	return out
}

func (l *loader) loadIndex(s *Site) {
	const name = "_index.md"
	if _, err := fs.Stat(l.fsys, name); err != nil {
		l.warn(Problem{File: name, Msg: "is missing: the site has no title", Hint: "create it with a front matter giving title and description"})
		s.Title = "Frise"
		return
	}
	text, ok := l.read(name)
	if !ok {
		return
	}
	d, p := splitDoc(name, text)
	if p != nil {
		l.fail(*p)
		return
	}
	s.Params = d.meta
	s.Title = l.text(d, "title", true)
	s.Description = l.text(d, "description", false)
	if lang := l.text(d, "language", false); lang != "" {
		s.Language = lang
	}
	s.Intro = d.body
	l.unknownKeys(d, []string{"title", "description", "language"})
}

// text reads a one-line text field.
func (l *loader) text(d *doc, key string, required bool) string {
	v, present := d.meta[key]
	s, ok := scalar(v)
	if _, isString := v.(string); ok && !isString {
		// YAML reads "Y", "no", "on" or "2015.10" as booleans or numbers:
		// an editor meant the text written.
		s = d.raw(key)
	}
	switch {
	case !present && required:
		l.fail(Problem{File: d.file, Line: d.fmStart, Msg: fmt.Sprintf("has no %s", key), Hint: fmt.Sprintf("add a line %s: … to the front matter", key)})
		return ""
	case !present:
		return ""
	case !ok:
		l.fail(d.problem(key, key+" should be text", fmt.Sprintf("write it on one line, e.g. %s: \"…\"", key)))
		return ""
	}
	s = strings.TrimSpace(s)
	if s == "" && required {
		l.fail(d.problem(key, key+" is empty", fmt.Sprintf("write the %s after %s:", key, key)))
	}
	if strings.ContainsAny(s, "\n") {
		l.fail(d.problem(key, key+" runs over several lines", "write it on one line"))
	}
	return s
}

// unknownKeys warns of keys that look like misspellings of known ones.
func (l *loader) unknownKeys(d *doc, known []string) {
	keys := make([]string, 0, len(d.meta))
	for k := range d.meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if slices.Contains(known, k) {
			continue
		}
		if guess := closest(k, known); guess != "" {
			l.warn(d.problem(k, fmt.Sprintf("unknown key %q", k), fmt.Sprintf("did you mean %q?", guess)))
		}
	}
}

// otherKeys returns the keys of meta that are not known, with their
// values, or nil when there are none: what the fields do not already hold,
// and no more, since a large timeline keeps a hundred thousand of them.
func otherKeys(meta map[string]any, known []string) map[string]any {
	var other map[string]any
	for k, v := range meta {
		if !slices.Contains(known, k) {
			if other == nil {
				other = make(map[string]any)
			}
			other[k] = v
		}
	}
	return other
}

// closest returns the known key k is most likely a misspelling of, or "".
func closest(k string, known []string) string {
	best, bestD := "", 3
	lk := strings.ToLower(k)
	for _, c := range known {
		if lk == c {
			return c
		}
		d := distance(lk, c)
		if d < bestD && d <= len(c)/3+1 {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Damerau–Levenshtein distance (with adjacent swaps) between two keys.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// idOf is a file's name without its directory and extension.
func idOf(p string) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}

func (l *loader) loadSources() []*Source {
	var paths []string
	seen := map[string]string{}
	for _, p := range l.files("sources") {
		id := idOf(p)
		if !ValidSourceID(id) {
			l.fail(Problem{File: p, Msg: fmt.Sprintf("file name %q is not a source id", id),
				Hint: fmt.Sprintf("rename it %s%s: letters, digits, _ and - only, as its page is sources/ID.html", SourceID(id), path.Ext(p))})
			continue
		}
		if prev, dup := seen[id]; dup {
			l.fail(Problem{File: p, Msg: fmt.Sprintf("has the same id %q as %s", id, prev), Hint: "rename one of them"})
			continue
		}
		seen[id] = p
		paths = append(paths, p)
	}
	// Each source is read and parsed on its own, on every core; the results
	// are gathered in file order.
	srcs := make([]*Source, len(paths))
	subs := make([]loader, len(paths))
	kept := make([]*parsedSource, len(paths))
	parallel.For(len(paths), func(i int) {
		sub := &subs[i]
		sub.fsys = l.fsys
		p := paths[i]
		var k *keptText
		ps := l.memoSource(p)
		if ps != nil {
			k = &ps.keptText
		}
		text, ok := sub.readKept(p, k, l.unchanged(p))
		if !ok {
			return
		}
		if ps != nil && ps.text == text {
			kept[i] = ps
			src := *ps.src
			srcs[i] = &src
			sub.problems = append(sub.problems, ps.problems...)
			sub.warnings = append(sub.warnings, ps.warnings...)
			return
		}
		src := sub.parseSource(p, text)
		if src == nil {
			return
		}
		srcs[i] = src
		if l.memo != nil {
			private := *src
			kept[i] = &parsedSource{keptText: keptText{text, sub.linked}, src: &private, folded: FoldSpace(src.Text),
				problems: slices.Clone(sub.problems), warnings: slices.Clone(sub.warnings)}
		}
	})
	out := make([]*Source, 0, len(srcs))
	for i, src := range srcs {
		l.merge(&subs[i])
		if src != nil {
			out = append(out, src)
		}
	}
	if l.memo != nil {
		// The events parsed before quote these sources: they stay good
		// only if every source is the same as then.
		same := len(paths) == len(l.memo.sources)
		next := make(map[string]*parsedSource, len(paths))
		for i, p := range paths {
			if kept[i] != nil {
				same = same && l.memo.sources[p] == kept[i]
				next[p] = kept[i]
			} else {
				same = false
			}
		}
		l.memo.sources = next
		if !same {
			l.memo.events = nil
		}
	}
	return out
}

// parseSource reads a source from text, the file p's: an article as
// written (.txt), whose title, publisher and date come from its lines, or a
// front matter and the article (.md). It returns nil when the front matter
// cannot be read, recording why.
func (l *loader) parseSource(p, text string) *Source {
	src := &Source{ID: idOf(p), File: p, Raw: text, Language: "fr"}
	if path.Ext(p) == ".txt" {
		readArticle(src)
	} else if !l.sourceMeta(src, text) {
		return nil
	}
	return src
}

// sourceMeta reads a Markdown source's front matter.
func (l *loader) sourceMeta(src *Source, text string) bool {
	d, p := splitDoc(src.File, text)
	if p != nil {
		l.fail(*p)
		return false
	}
	src.Text = strings.TrimSpace(d.body)
	if d.format == "" {
		readArticle(src)
		return true
	}
	src.Title = l.text(d, "title", false)
	// Without a publisher: key, the byline of the text may name one.
	if src.Publisher = l.text(d, "publisher", false); src.Publisher == "" {
		src.Publisher = article.Publisher(src.Text)
	}
	if lang := l.text(d, "language", false); lang != "" {
		src.Language = lang
	}
	if u := l.text(d, "url", false); u != "" {
		if !safeURL(u) {
			l.fail(d.problem("url", fmt.Sprintf("url %q is not a web address", u), "write the article's address starting with https:// or http://"))
		} else {
			src.URL = u
		}
	}
	if pub := l.text(d, "published", false); pub != "" {
		v, _, err := ParseDate(pub)
		if err != nil {
			l.fail(d.problem("published", err.Error(), dateHint(err)))
		} else {
			src.Published, src.PublishedHow = v, "front matter"
		}
	}
	if src.Title == "" {
		src.Title = firstLine(src.Text)
	}
	l.unknownKeys(d, []string{"title", "publisher", "published", "url", "language"})
	return true
}

// safeURL reports whether u is an absolute http or https address.
func safeURL(u string) bool {
	lu := strings.ToLower(u)
	return (strings.HasPrefix(lu, "https://") || strings.HasPrefix(lu, "http://")) &&
		!strings.ContainsAny(u, " \t\n<>\"")
}

// firstLine is the first non-empty line of text, shortened for a title.
func firstLine(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if r := []rune(line); len(r) > 120 {
				return strings.TrimSpace(string(r[:119])) + "…"
			}
			return line
		}
	}
	return ""
}

// terms is a kind of term with its index by folded title and alias.
type terms struct {
	kind   string
	list   []*Term
	byName map[string]*Term
	bySlug map[string]*Term
	byRaw  map[string]*Term // names as events write them, already resolved
}

func (l *loader) loadTerms(kind string) *terms {
	ts := &terms{kind: kind, byName: map[string]*Term{}, bySlug: map[string]*Term{}}
	for _, p := range l.files(kind) {
		t, d := l.parseTerm(kind, p)
		if t == nil {
			continue
		}
		if prev, dup := ts.bySlug[t.Slug]; dup {
			l.fail(Problem{File: p, Msg: fmt.Sprintf("has the same name as %s", prev.File), Hint: "rename one of them"})
			continue
		}
		ts.bySlug[t.Slug] = t
		ts.list = append(ts.list, t)
		for _, name := range append([]string{t.Title}, t.Aliases...) {
			key := Fold(name)
			if key == "" {
				continue
			}
			if prev, dup := ts.byName[key]; dup && prev != t {
				l.fail(d.problem("aliases", fmt.Sprintf("%q also names %s", name, prev.File), "give each name to one file only"))
				continue
			}
			ts.byName[key] = t
		}
	}
	return ts
}

// parseTerm reads the file p of an actor or a place (kind "actors" or
// "places") on its own, recording its problems and warnings. It returns
// nil when the file cannot be read as a term.
func (l *loader) parseTerm(kind, p string) (*Term, *doc) {
	text, ok := l.read(p)
	if !ok {
		return nil, nil
	}
	d, prob := splitDoc(p, text)
	if prob != nil {
		l.fail(*prob)
		return nil, nil
	}
	slug := idOf(p)
	if !validSlug(slug) {
		l.fail(Problem{File: p, Msg: fmt.Sprintf("file name %q is not a page name", slug),
			Hint: fmt.Sprintf("rename it %s.md: lower-case letters, digits and dashes", Slugify(slug))})
		return nil, nil
	}
	t := &Term{Kind: kind, Slug: slug, File: p, Body: strings.TrimSpace(d.body)}
	t.Title = l.text(d, "title", true)
	t.Role = l.text(d, "role", false)
	t.Country = l.text(d, "country", false)
	aliases, ok := stringList(d.meta["aliases"])
	if !ok {
		l.fail(d.problem("aliases", "aliases should be a list of names", "write aliases: [Laftit, ministre de l'Intérieur]"))
	}
	t.Aliases = aliases
	l.unknownKeys(d, []string{"title", "aliases", "role", "country"})
	return t, d
}

// resolve returns the term a name refers to, creating one without a file
// for a name no file describes.
func (ts *terms) resolve(name string) *Term {
	// Events name the same few terms over and over: fold each spelling once.
	if t, ok := ts.byRaw[name]; ok {
		return t
	}
	t := ts.resolveFolded(name)
	if ts.byRaw == nil {
		ts.byRaw = map[string]*Term{}
	}
	ts.byRaw[name] = t
	return t
}

// find returns the term a name refers to, as resolve would, or nil when
// it would make a new one. It changes nothing.
func (ts *terms) find(name string) *Term {
	if t, ok := ts.byRaw[name]; ok {
		return t
	}
	if t, ok := ts.byName[Fold(name)]; ok {
		return t
	}
	return ts.bySlug[Slugify(name)]
}

func (ts *terms) resolveFolded(name string) *Term {
	key := Fold(name)
	if t, ok := ts.byName[key]; ok {
		return t
	}
	slug := Slugify(name)
	if t, ok := ts.bySlug[slug]; ok {
		ts.byName[key] = t
		return t
	}
	t := &Term{Kind: ts.kind, Slug: slug, Title: strings.TrimSpace(name)}
	ts.byName[key], ts.bySlug[slug] = t, t
	ts.list = append(ts.list, t)
	return t
}

// eventKeys are the keys an event's front matter may have.
var eventKeys = []string{"title", "date", "summary", "actors", "places", "topics", "sources", "status", "draft", "checksum"}

// eventFile is one event file once parsed, before its names are resolved.
type eventFile struct {
	sub   loader      // the file's own problems and warnings
	e     *Event      // nil when the file could not be read as an event
	names [3][]string // the actors, places and topics it names, as written
}

// loadEvents reads and checks the event files listed, whose quotes are
// looked for in the sources' folded texts, and resolves the names they
// give; it returns the events and the topics they name.
func (l *loader) loadEvents(eventFiles []string, srcs []*Source, folded map[*Source]string, actors, places *terms) ([]*Event, *terms) {
	byID := make(map[string]*Source, len(srcs))
	for _, s := range srcs {
		byID[s.ID] = s
	}
	var paths []string
	seen := map[string]string{}
	for _, p := range eventFiles {
		slug := idOf(p)
		if !validSlug(slug) {
			l.fail(Problem{File: p, Msg: fmt.Sprintf("file name %q is not a page name", slug),
				Hint: fmt.Sprintf("rename it %s.md: lower-case letters, digits and dashes", Slugify(slug))})
			continue
		}
		if prev, dup := seen[slug]; dup {
			l.fail(Problem{File: p, Msg: fmt.Sprintf("has the same name %q as %s: both would be events/%s.html", slug, prev, slug),
				Hint: "rename one of them"})
			continue
		}
		seen[slug] = p
		paths = append(paths, p)
	}
	// Reading, decoding and checking a file concern that file alone and are
	// most of the work: they run on every core. Names are then resolved in
	// file order, so the terms and their order never depend on which file
	// was parsed first.
	files := make([]eventFile, len(paths))
	kept := make([]*parsedEvent, len(paths))
	parallel.For(len(paths), func(i int) {
		f := &files[i]
		f.sub.fsys = l.fsys
		if l.memo == nil {
			f.sub.parseEvent(f, paths[i], byID, folded)
			return
		}
		kept[i] = l.memo.event(f, paths[i], l.unchanged(paths[i]), byID, folded)
	})
	if l.memo != nil {
		next := make(map[string]*parsedEvent, len(paths))
		for i, p := range paths {
			if kept[i] != nil {
				next[p] = kept[i]
			}
		}
		l.memo.events = next
	}
	topics := &terms{kind: "topics", byName: map[string]*Term{}, bySlug: map[string]*Term{}}
	kinds := [3]*terms{actors, places, topics}
	out := make([]*Event, 0, len(files))
	for i := range files {
		f := &files[i]
		l.merge(&f.sub)
		if e := f.e; e != nil {
			e.names = f.names
			for k, ts := range kinds {
				for _, n := range f.names[k] {
					t := ts.resolve(n)
					if t.File == "" && t.first == "" {
						t.first = e.File
					}
					switch k {
					case 0:
						e.Actors = appendTerm(e.Actors, t)
					case 1:
						e.Places = appendTerm(e.Places, t)
					case 2:
						e.Topics = appendTerm(e.Topics, t)
					}
				}
			}
			if !e.Draft {
				out = append(out, e)
			} else {
				if l.drafts == nil {
					l.drafts = map[string]*Event{}
				}
				l.drafts[e.File] = e
			}
		}
		files[i] = eventFile{}
	}
	return out, topics
}

// merge adds the problems and warnings a file's own loader found.
func (l *loader) merge(sub *loader) {
	l.problems = append(l.problems, sub.problems...)
	l.warnings = append(l.warnings, sub.warnings...)
	l.linkedTo = append(l.linkedTo, sub.linkedTo...)
}

// termKeys are the keys of an event that name terms, in the order of eventFile.names.
var termKeys = [3]string{"actors", "places", "topics"}

// parseEvent reads the event file at p into f, recording its problems in l.
func (l *loader) parseEvent(f *eventFile, p string, byID map[string]*Source, folded map[*Source]string) {
	text, ok := l.read(p)
	if !ok {
		return
	}
	l.parseEventText(f, p, text, byID, folded)
}

// event reads the event file at p into f as parseEvent does, reusing what
// the last load parsed when the file's text is the same; a file known to be
// unchanged is not even read. It returns what to keep for the next load,
// or nil.
func (ld *Loader) event(f *eventFile, p string, unchanged bool, byID map[string]*Source, folded map[*Source]string) *parsedEvent {
	pe := ld.events[p]
	var k *keptText
	if pe != nil {
		k = &pe.keptText
	}
	text, ok := f.sub.readKept(p, k, unchanged)
	if !ok {
		return nil
	}
	if pe == nil || pe.text != text {
		pe = &parsedEvent{keptText: keptText{text, f.sub.linked}}
		pe.f.sub.fsys = f.sub.fsys
		pe.f.sub.parseEventText(&pe.f, p, text, byID, folded)
	}
	// A copy, whose citations name this load's sources.
	f.sub.problems = append(f.sub.problems, pe.f.sub.problems...)
	f.sub.warnings = append(f.sub.warnings, pe.f.sub.warnings...)
	f.names = pe.f.names
	if pe.f.e != nil {
		e := *pe.f.e
		if e.Sources != nil {
			e.Sources = make([]Citation, len(pe.f.e.Sources))
			for i, c := range pe.f.e.Sources {
				e.Sources[i] = Citation{Source: byID[c.Source.ID], Quote: c.Quote}
			}
		}
		f.e = &e
	}
	return pe
}

// parseEventText reads the text of the event file at p into f.
func (l *loader) parseEventText(f *eventFile, p, text string, byID map[string]*Source, folded map[*Source]string) {
	d, prob := splitDoc(p, text)
	if prob != nil {
		l.fail(*prob)
		return
	}
	if d.format == "" {
		l.fail(Problem{File: p, Line: 1, Msg: "has no front matter",
			Hint: "start the file with a block between two lines ---, giving at least title: and date:"})
		return
	}
	e := &Event{Slug: idOf(p), File: p, Body: d.body, BodyLine: d.bodyAt, Params: otherKeys(d.meta, eventKeys)}
	e.Title = l.text(d, "title", true)
	e.Summary = l.text(d, "summary", false)
	e.DateText = l.text(d, "date", true)
	if e.DateText != "" {
		v, loose, err := ParseDate(e.DateText)
		switch {
		case err != nil:
			l.fail(d.problem("date", err.Error(), dateHint(err)))
		case loose:
			l.warn(d.problem("date", fmt.Sprintf("date %q read as %s", e.DateText, v),
				fmt.Sprintf("write date: %s to say it in EDTF", v)))
		}
		e.Date = v
	}
	e.Status = "reviewed"
	if st, present := d.meta["status"]; present {
		s, _ := scalar(st)
		if s != "extracted" && s != "reviewed" {
			l.fail(d.problem("status", fmt.Sprintf("status %q is neither extracted nor reviewed", s),
				"write status: reviewed once a person has checked the event"))
		}
		e.Status = s
	}
	if dr, present := d.meta["draft"]; present {
		b, ok := dr.(bool)
		if !ok {
			l.fail(d.problem("draft", "draft should be true or false", "write draft: true or draft: false"))
		}
		e.Draft = b
	}
	for k, key := range termKeys {
		names, ok := stringList(d.meta[key])
		if !ok {
			l.fail(d.problem(key, key+" should be a list of names", fmt.Sprintf("write %s: [first, second]", key)))
			continue
		}
		for _, n := range names {
			if !hasSlug(n) {
				l.fail(d.problem(key, fmt.Sprintf("%q in %s has no letter or digit", n, key), "write a name"))
				continue
			}
			f.names[k] = append(f.names[k], n)
		}
	}
	e.Sources = l.citations(d, byID, folded)
	l.unknownKeys(d, eventKeys)
	f.e = e
}

// foldSources returns the text of each source with its white space folded,
// the form quotes are looked for in; each source is folded once, however
// many events quote it.
func foldSources(srcs []*Source) map[*Source]string {
	texts := make([]string, len(srcs))
	parallel.For(len(srcs), func(i int) { texts[i] = FoldSpace(srcs[i].Text) })
	out := make(map[*Source]string, len(srcs))
	for i, s := range srcs {
		out[s] = texts[i]
	}
	return out
}

func appendTerm(ts []*Term, t *Term) []*Term {
	if slices.Contains(ts, t) {
		return ts
	}
	return append(ts, t)
}

// citations reads an event's sources and checks each quote against its source.
func (l *loader) citations(d *doc, byID map[string]*Source, folded map[*Source]string) []Citation {
	raw, present := d.meta["sources"]
	if !present {
		return nil
	}
	list, ok := raw.([]any)
	if !ok {
		l.fail(d.problem("sources", "sources should be a list", "write each as - source: ID followed by quote: \"…\""))
		return nil
	}
	var out []Citation
	line, _ := d.line("sources")
	for i, item := range list {
		// Point at the item's own lines where they can be found.
		itemLine := d.itemLine(line, i)
		fail := func(msg, hint string) {
			l.fail(Problem{File: d.file, Line: itemLine, Msg: msg, Hint: hint})
		}
		var id, quote string
		switch v := item.(type) {
		case string:
			id = v
		case map[string]any:
			if _, isText := v["source"].(string); !isText && v["source"] != nil {
				// YAML reads 2024_10_05 or 0123 as a number, and loses how it was written.
				fail(fmt.Sprintf("source %v is read as a number, not as a file name", v["source"]),
					"write the source's id in quotes, e.g. source: \"2024_10_05\"")
				continue
			}
			id, _ = scalar(v["source"])
			quote, _ = scalar(v["quote"])
			for k := range v {
				if k != "source" && k != "quote" {
					if g := closest(k, []string{"source", "quote"}); g != "" {
						l.warn(Problem{File: d.file, Line: itemLine, Msg: fmt.Sprintf("unknown key %q in sources", k), Hint: fmt.Sprintf("did you mean %q?", g)})
					}
				}
			}
		default:
			fail(fmt.Sprintf("source %d should be an id and a quote", i+1), "write - source: ID followed by quote: \"…\"")
			continue
		}
		id = strings.TrimSpace(id)
		src, ok := byID[id]
		if !ok {
			fail(fmt.Sprintf("unknown source %q", id), "use the name of a file in content/sources without its extension"+suggestSource(id, byID))
			continue
		}
		quote = strings.TrimSpace(quote)
		if quote != "" {
			if !strings.Contains(folded[src], FoldSpace(quote)) {
				fail(fmt.Sprintf("quote not found in source %s: %q", id, shorten(quote, 60)),
					"copy the passage exactly as the source writes it (white space may differ)")
				continue
			}
		}
		out = append(out, Citation{Source: src, Quote: quote})
	}
	return out
}

// itemLine finds the line of the i-th "- " item after a list key's line.
func (d *doc) itemLine(keyLine, i int) int {
	n := -1
	for j := keyLine - d.fmStart + 1; j < len(d.fmLines); j++ {
		if strings.HasPrefix(strings.TrimLeft(d.fmLines[j], " \t"), "- ") || strings.TrimSpace(d.fmLines[j]) == "-" {
			n++
			if n == i {
				return d.fmStart + j
			}
		}
	}
	return keyLine
}

func suggestSource(id string, byID map[string]*Source) string {
	ids := make([]string, 0, len(byID))
	for k := range byID {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	for _, k := range ids {
		if strings.HasPrefix(k, id) || (len(id) >= 3 && len(k) >= 3 && strings.HasPrefix(id, k[:3]) && distance(id, k) <= 3) {
			return fmt.Sprintf(", e.g. %s", k)
		}
	}
	return ""
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// link sorts the events and ties events, terms and sources together.
func link(events []*Event, srcs []*Source) []*Event {
	sort.SliceStable(events, func(i, j int) bool { return before(events[i], events[j]) })
	for _, e := range events {
		for _, group := range [][]*Term{e.Actors, e.Places, e.Topics} {
			for _, t := range group {
				t.Events = append(t.Events, e)
			}
		}
		for _, c := range e.Sources {
			// Events come in order, so an event citing a source twice is
			// its last entry: no need to search the whole list.
			if cs := c.Source.Citations; len(cs) == 0 || cs[len(cs)-1] != e {
				c.Source.Citations = append(c.Source.Citations, e)
			}
		}
	}
	return events
}

// before reports whether a comes before b in the timeline: by date
// (edtf.Compare), then by slug.
func before(a, b *Event) bool {
	if c := edtf.Compare(a.Date, b.Date); c != 0 {
		return c < 0
	}
	return a.Slug < b.Slug
}

// YearOf is the year an event with date v is listed under: the year it
// starts, or, for an interval with no known start, the year it ends.
func YearOf(v edtf.Value) int { return v.First().Year() }

// sorted returns the terms by slug, leaving out those no event names: a
// term's page is the list of its events, and an empty one would be a dead end.
func (ts *terms) sorted() []*Term {
	out := make([]*Term, 0, len(ts.list))
	for _, t := range ts.list {
		if len(t.Events) > 0 {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out
}
