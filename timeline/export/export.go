// Package export writes the timeline's feeds and data exports, so that
// readers can follow the timeline and others can reuse its data.
//
// Files returns, keyed by their path in the published site:
//
//	atom.xml          an Atom 1.0 feed of the latest 200 events, latest date first
//	events.json       every event in Frise's own schema (see SCHEMA.md)
//	timelinejs.json   the same events in TimelineJS3's JSON format
//	events.ics        an iCalendar file of all-day events (RFC 5545)
//	events.csv        a spreadsheet of the events (RFC 4180, UTF-8)
//	sitemap.xml       every HTML page, only when the base URL is known
//	robots.txt        open to all; names the sitemap when there is one
//
// Every output is a pure function of the site and the Config: no clock, no
// map order, no environment. Where a format wants a time stamp (Atom's
// updated, iCalendar's DTSTAMP), it is derived from the content: the latest
// publication day of the sources an event cites, or failing that the first
// day of the event itself.
//
// Text from the content is treated as hostile throughout. Before any format
// sees it, text is made valid UTF-8 and stripped of control characters, of
// the bidirectional embedding, override and isolate controls (U+202A–U+202E,
// U+2066–U+2069) and of invisible zero-width spaces (U+200B, U+2060, U+FEFF);
// then each format escapes it in its own way (XML, JSON, HTML inside Atom
// and TimelineJS, iCalendar TEXT, CSV with spreadsheet formulas defused).
// Links to original articles are kept only when they are absolute http or
// https URLs; anything else (javascript:, data:, relative paths) is dropped.
//
// Sitemaps must list absolute URLs, so without a base URL there is no
// sitemap.xml, and robots.txt does not name one. Atom and the other exports
// then use links relative to the site's root, which a reader resolves
// against the address the file was fetched from.
package export

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"frise/timeline/content"
	"frise/timeline/edtf"
)

// Config says where the site is published and where its templates are.
type Config struct {
	// BaseURL is the absolute address of the published site, such as
	// "https://frise.netlify.app/"; empty for a build read from disk.
	BaseURL string
	// Templates is the templates/ tree. A file robots.txt in it replaces
	// the default robots.txt (text/template, see Robots). It may be nil.
	Templates fs.FS
	// Memo, when not nil, remembers what the data exports wrote for each
	// event, from one Stream to the next.
	Memo *Memo
}

// A Memo remembers what the data exports wrote for each event, for a
// preview that makes them again after a few events changed: a Stream
// given the Memo encodes only the events it does not remember. It knows an
// event by what its items are made from (its text, date, terms and
// sources), not by its address, so that it serves a site loaded again as
// well as one changed in place (content.Site.Reread), and after each
// Stream it lets go of the events it no longer saw. It holds about as much
// as the data exports weigh, and serves one Stream at a time.
type Memo struct {
	ctx      string                    // what every item depends on besides its event: the base URL, the site's key
	entries  map[uint64]*entry         // by the digest of what the entry is made from
	byEvent  map[*content.Event]*entry // by the event last made from, while its Event
	gen      int                       // counts Streams: an entry's gen says which asked for it last
	asked    int                       // how many entries the last Stream asked for
	list     []entry                   // the last Stream's list of entries, for the next to write over
	pages    uint64                    // the digest of the list of pages the sitemaps were made for
	sitemaps map[string][]byte
}

// Sitemaps returns the names of the sitemap files the last Stream made,
// sorted.
func (m *Memo) Sitemaps() []string {
	names := make([]string, 0, len(m.sitemaps))
	for name := range m.sitemaps {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo {
	return &Memo{entries: map[uint64]*entry{}, byEvent: map[*content.Event]*entry{}}
}

// begin readies m for a Stream of the site x: a Memo made for another
// base URL or site starts afresh.
func (m *Memo) begin(x *export) {
	if ctx := x.base + "\x00" + x.siteKey(); ctx != m.ctx {
		*m = *NewMemo()
		m.ctx = ctx
	}
	m.gen++
	m.asked = 0
}

// prune lets go of the entries the last Stream did not ask for, with
// their items, and of the events it did not see. Each entry asked for has
// an event: with as many entries, or events, as entries asked for, there
// is nothing to let go.
func (m *Memo) prune() {
	if len(m.entries) != m.asked {
		for k, e := range m.entries {
			if e.gen != m.gen {
				delete(m.entries, k)
			}
		}
	}
	if len(m.byEvent) != m.asked {
		for ev, e := range m.byEvent {
			if e.gen != m.gen || e.Event != ev {
				delete(m.byEvent, ev)
			}
		}
	}
}

// memoSeed is the seed of a Memo's digests, for the life of the process.
var memoSeed = maphash.MakeSeed()

// digester sums up what newEntry makes an entry from, an event's shape:
// each text is hashed where it lies, and the hashes, with the numbers,
// hashed together.
type digester struct{ b []byte }

func (d *digester) sum(s *shape) uint64 {
	b := d.b[:0]
	num := func(x uint64) { b = binary.LittleEndian.AppendUint64(b, x) }
	str := func(s string) { num(maphash.String(memoSeed, s)) }
	str(s.slug)
	str(s.title)
	str(s.summary)
	str(s.status)
	num(maphash.Comparable(memoSeed, s.date))
	terms := s.terms
	for _, n := range s.kinds {
		num(uint64(n))
		for _, t := range terms[:n] {
			if !t.none {
				str(t.title)
				str(t.slug)
			}
		}
		terms = terms[n:]
	}
	num(uint64(len(s.cites)))
	for _, c := range s.cites {
		if !c.none {
			str(c.id)
			str(c.title)
			str(c.url)
			num(maphash.Comparable(memoSeed, c.published))
			str(c.quote)
		}
	}
	d.b = b
	return maphash.Bytes(memoSeed, b)
}

// shape is what an entry is made from, taken from its event: summed up
// (digester) to find the entry of an event loaded again, and kept to
// tell that an event is as it was: comparing a string with itself
// compares its address and length, not its bytes, and an event changed in
// place (content.Site.Reread) has new strings only for what changed.
type shape struct {
	slug, title, summary, status string
	date                         edtf.Value
	kinds                        [3]int // how many actors, places and topics
	terms                        []termShape
	cites                        []citeShape
}

type termShape struct {
	title, slug string
	none        bool
}

type citeShape struct {
	id, title, url, quote string
	published             edtf.Value
	none                  bool
}

func shapeOf(ev *content.Event) *shape {
	s := &shape{slug: ev.Slug, title: ev.Title, summary: ev.Summary, status: ev.Status, date: ev.Date,
		terms: make([]termShape, 0, len(ev.Actors)+len(ev.Places)+len(ev.Topics)),
		cites: make([]citeShape, len(ev.Sources))}
	for k, ts := range [3][]*content.Term{ev.Actors, ev.Places, ev.Topics} {
		s.kinds[k] = len(ts)
		for _, t := range ts {
			if t == nil {
				s.terms = append(s.terms, termShape{none: true})
			} else {
				s.terms = append(s.terms, termShape{title: t.Title, slug: t.Slug})
			}
		}
	}
	for i, c := range ev.Sources {
		if src := c.Source; src == nil {
			s.cites[i].none = true
		} else {
			s.cites[i] = citeShape{id: src.ID, title: src.Title, url: src.URL, quote: c.Quote, published: src.Published}
		}
	}
	return s
}

// same reports whether ev is still what s was taken from.
func (s *shape) same(ev *content.Event) bool {
	if s == nil || ev.Slug != s.slug || ev.Title != s.title || ev.Summary != s.summary ||
		ev.Status != s.status || ev.Date != s.date || len(ev.Sources) != len(s.cites) {
		return false
	}
	i := 0
	for k, ts := range [3][]*content.Term{ev.Actors, ev.Places, ev.Topics} {
		if len(ts) != s.kinds[k] {
			return false
		}
		for _, t := range ts {
			was := s.terms[i]
			i++
			if t == nil && !was.none || t != nil && (was.none || t.Title != was.title || t.Slug != was.slug) {
				return false
			}
		}
	}
	for i, c := range ev.Sources {
		was, src := s.cites[i], c.Source
		if src == nil && !was.none || src != nil && (was.none || src.ID != was.id || src.Title != was.title ||
			src.URL != was.url || src.Published != was.published || c.Quote != was.quote) {
			return false
		}
	}
	return true
}

// dataFormat is a data export whose items a Memo keeps, in the order of
// an entry's items.
type dataFormat int

const (
	csvFormat dataFormat = iota
	icsFormat
	jsonFormat
	timelineJSFormat
	dataFormats // how many
)

// entryItems are what each data export wrote for an entry, nil until
// made: each export, on a goroutine of its own, reads and writes its own.
type entryItems [dataFormats][]byte

// itemWriter makes the items of one data export, in scratch space of its
// own, so that the data exports can be made at once.
type itemWriter struct {
	format  dataFormat
	scratch bytes.Buffer
}

// item returns what the data export writes for e: made by write into the
// scratch buffer, or remembered. The bytes are good until the next call.
func (w *itemWriter) item(e *entry, write func(w textWriter) error) ([]byte, error) {
	if e.items != nil {
		if b := e.items[w.format]; b != nil {
			return b, nil
		}
	}
	w.scratch.Reset()
	if err := write(&w.scratch); err != nil {
		return nil, err
	}
	if e.items == nil {
		return w.scratch.Bytes(), nil
	}
	b := append(make([]byte, 0, w.scratch.Len()), w.scratch.Bytes()...) // never nil
	e.items[w.format] = b
	return b, nil
}

// Files returns every feed and export of s, keyed by its path in the
// output. XML is indented; JSON is written on one line.
func Files(s *content.Site, cfg Config) (map[string][]byte, error) {
	out := make(map[string][]byte, 8)
	var mu sync.Mutex // the data exports are handed over from goroutines of their own
	put := func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		out[name] = data
		return nil
	}
	if err := Stream(s, cfg, put, InMemory(put)); err != nil {
		return nil, err
	}
	return out, nil
}

// InMemory is a create for Stream that makes each data export in memory and
// hands it to put when it is closed, for callers that want every file as
// bytes.
func InMemory(put func(name string, data []byte) error) func(name string) (io.WriteCloser, error) {
	return func(name string) (io.WriteCloser, error) {
		return &memFile{name: name, put: put}, nil
	}
}

// memFile is a file made in memory, handed over when closed.
type memFile struct {
	bytes.Buffer
	name string
	put  func(name string, data []byte) error
}

func (f *memFile) Close() error { return f.put(f.name, f.Bytes()) }

// Stream makes what Files does and hands each file over as it is made.
// The feeds, which a site's writer minifies (atom.xml, robots.txt, the
// sitemaps), go to put, which may keep data, one after another in the
// order of their names, from the goroutine Stream runs on. The data exports
// (events.csv, events.ics, events.json, timelinejs.json), made as small as
// they can be, are written as they are made into what create returns, each
// on a goroutine of its own, and closed: create, and put when a closed
// file calls it, must be safe for concurrent use. Only their buffers are
// held, never a whole file: at 100,000 events a data export weighs over a
// hundred megabytes. Stream returns once every file is closed, with the
// first error in the order of the files' names.
func Stream(s *content.Site, cfg Config, put func(name string, data []byte) error,
	create func(name string) (io.WriteCloser, error)) error {
	base, err := normaliseBase(cfg.BaseURL)
	if err != nil {
		return err
	}
	x := newExport(s, base, cfg.Memo)

	// The data exports, the bulk of the work, are made at once.
	data := []struct {
		name  string
		write func(textWriter) error
	}{
		{"events.csv", x.csv},
		{"events.ics", x.ics},
		{"events.json", x.eventsJSON},
		{"timelinejs.json", x.timelineJS},
	}
	errs := make([]error, len(data))
	var wg sync.WaitGroup
	defer wg.Wait() // even when a feed panics: no file outlives Stream
	for i, f := range data {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					errs[i] = fmt.Errorf("export %s failed: %v", f.name, p)
				}
			}()
			errs[i] = writeFile(create, f.name, f.write)
		})
	}
	atomErr, restErr := x.feeds(cfg, put)
	wg.Wait()
	// The first error in the order of the files' names.
	failed := []fileError{{"atom.xml", atomErr}, {"robots.txt", restErr}}
	for i, f := range data {
		failed = append(failed, fileError{f.name, errs[i]})
	}
	slices.SortFunc(failed, func(a, b fileError) int { return strings.Compare(a.name, b.name) })
	for _, f := range failed {
		if f.err != nil {
			return f.err
		}
	}
	if cfg.Memo != nil {
		cfg.Memo.prune()
	}
	return nil
}

// fileError is what went wrong making a file, or nil.
type fileError struct {
	name string
	err  error
}

// feeds makes atom.xml, robots.txt and the sitemaps, in that order, and
// hands each to put, stopping at the first error: atom's, or the others'.
func (x *export) feeds(cfg Config, put func(name string, data []byte) error) (atomErr, restErr error) {
	var atom bytes.Buffer
	if err := x.atom(&atom); err != nil {
		return fmt.Errorf("export atom.xml: %w", err), nil
	}
	if err := put("atom.xml", atom.Bytes()); err != nil {
		return err, nil
	}
	return nil, x.robotsAndSitemaps(cfg, put)
}

// robotsAndSitemaps makes robots.txt and, with a base URL, the sitemaps,
// and hands each to put.
func (x *export) robotsAndSitemaps(cfg Config, put func(name string, data []byte) error) error {
	robots, err := x.robots(cfg.Templates)
	if err != nil {
		return err
	}
	if err := put("robots.txt", robots); err != nil {
		return err
	}
	if x.base == "" {
		return nil
	}
	s := x.site
	var maps map[string][]byte
	var pages uint64
	if m := cfg.Memo; m != nil {
		// The pages told apart by their names, without making their
		// paths.
		var h maphash.Hash
		h.SetSeed(memoSeed)
		eachPage(s, func(section, slug string) {
			h.WriteString(section)
			h.WriteByte('/')
			h.WriteString(slug)
			h.WriteByte(0)
		})
		if pages = h.Sum64(); pages == m.pages {
			maps = m.sitemaps
		}
	}
	if maps == nil {
		maps = x.sitemaps()
	}
	if m := cfg.Memo; m != nil {
		m.pages, m.sitemaps = pages, maps
	}
	names := make([]string, 0, len(maps))
	for name := range maps {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := put(name, maps[name]); err != nil {
			return err
		}
	}
	return nil
}

// textWriter is what a data export writes to: a buffered file.
type textWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
	WriteRune(r rune) (int, error)
}

// writeFile writes one data export through a buffer into what create
// returns, and closes it, whatever happens: a panic in write goes on once
// the file is closed.
func writeFile(create func(string) (io.WriteCloser, error), name string, write func(textWriter) error) (err error) {
	f, err := create(name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			err = fmt.Errorf("export %s: %w", name, err)
		}
	}()
	w := exportBuffers.Get().(*bufio.Writer)
	w.Reset(f)
	defer func() {
		w.Reset(nil) // let f go
		exportBuffers.Put(w)
	}()
	if err := write(w); err != nil {
		return err
	}
	return w.Flush()
}

// exportBuffers are the buffers data exports are written through, kept
// from one Stream to the next: a preview makes the four of them again at
// every save.
var exportBuffers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 256<<10) }}

// normaliseBase checks that base is an absolute http(s) URL and gives it
// a trailing slash, so that page paths can be appended to it.
func normaliseBase(base string) (string, error) {
	if base == "" {
		return "", nil
	}
	bad := func(why string) (string, error) {
		return "", fmt.Errorf("base url %q %s\nhint: give the site's address, e.g. https://frise.netlify.app/", base, why)
	}
	if strings.IndexFunc(base, func(r rune) bool { return unicode.IsSpace(r) || !unicode.IsPrint(r) }) >= 0 {
		return bad("contains spaces or control characters")
	}
	u, err := url.Parse(base)
	switch {
	case err != nil:
		return bad("is not a valid address")
	case u.Scheme != "http" && u.Scheme != "https":
		return bad("does not start with http:// or https://")
	case u.Host == "":
		return bad("has no host name")
	case u.User != nil:
		return bad("contains a user name")
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return bad("has a query or a fragment")
	}
	s := u.String()
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

// export holds what every format needs: the site, cleaned up once.
type export struct {
	site    *content.Site
	base    string // "" or an absolute URL ending in "/"
	title   string
	desc    string
	lang    string
	entries []entry

	memo *Memo
}

// entry is an event as the exports see it: clean text, resolved links.
type entry struct {
	Slug     string
	Path     string // events/SLUG.html
	Title    string
	Summary  string
	Date     string // EDTF
	DateFR   string
	Status   string
	Event    *content.Event
	key      uint64      // what it is made from, summed up, for a Memo
	from     *shape      // what it is made from, for a Memo
	items    *entryItems // what the data exports wrote for it, for a Memo
	gen      int         // the Memo's last Stream that asked for it
	Actors   []named
	Places   []named
	Topics   []named
	Sources  []cited
	Updated  time.Time // see the package comment
	Precise  string    // the precision's name in events.json
	Certain  bool
	OpenFrom bool // no known start: First is the end's first day
	OpenTo   bool // no known end: Last is the start's last day
}

// named is an actor, a place or a topic as an event names it.
type named struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// cited is a quoted passage of a source.
type cited struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"` // the original article; "" unless http(s)
	Quote string `json:"quote"`
}

func newExport(s *content.Site, base string, memo *Memo) *export {
	x := &export{
		site:  s,
		base:  base,
		memo:  memo,
		title: oneLine(s.Title),
		desc:  clean(s.Description),
		lang:  oneLine(s.Language),
	}
	// One entry per event, copied in place: growing the list would copy
	// them all again, twice over. A Memo keeps the list for the next
	// Stream to copy them into.
	if memo != nil && cap(memo.list) >= len(s.Events) {
		x.entries = memo.list[:0]
	} else {
		x.entries = make([]entry, 0, len(s.Events))
	}
	if x.title == "" {
		x.title = "Frise"
	}
	if x.lang == "" {
		x.lang = "fr"
	}
	if memo != nil {
		memo.begin(x)
	}
	var digest digester
	cites := map[*content.Source]cited{}
	terms := map[*content.Term]named{}
	for _, ev := range s.Events {
		if ev == nil || ev.Draft {
			continue
		}
		if memo == nil {
			x.entries = append(x.entries, newEntry(ev, cites, terms))
			continue
		}
		e := memo.byEvent[ev]
		if e == nil || e.Event != ev || !e.from.same(ev) {
			from := shapeOf(ev)
			k := digest.sum(from)
			if e = memo.entries[k]; e == nil {
				made := newEntry(ev, cites, terms)
				made.key, made.items = k, new(entryItems)
				e = &made
				memo.entries[k] = e
			}
			// The event remembered may be an earlier load's, with the
			// same content: keep this one's, and let that one go.
			e.Event, e.from = ev, from
			memo.byEvent[ev] = e
		}
		if e.gen != memo.gen {
			e.gen = memo.gen
			memo.asked++
		}
		x.entries = append(x.entries, *e)
	}
	if memo != nil {
		memo.list = x.entries
	}
	return x
}

// newEntry makes the entry of ev. cites keeps what a source gives every
// citation of it, its title and address made safe, worked out once; terms
// keeps how each actor, place and topic is named, for every event naming
// it.
func newEntry(ev *content.Event, cites map[*content.Source]cited, terms map[*content.Term]named) entry {
	v := ev.Date
	e := entry{
		Slug:     ev.Slug,
		Path:     page("events", ev.Slug),
		Title:    oneLine(ev.Title),
		Summary:  clean(ev.Summary),
		Date:     v.String(),
		DateFR:   v.French(),
		Status:   clean(ev.Status),
		Event:    ev,
		Actors:   names(ev.Actors, terms),
		Places:   names(ev.Places, terms),
		Topics:   names(ev.Topics, terms),
		Sources:  []cited{},
		Precise:  precisionName(v),
		Certain:  v.Certain(),
		OpenFrom: v.Interval && v.StartKind != edtf.Known,
		OpenTo:   v.Interval && v.EndKind != edtf.Known,
	}
	for _, c := range ev.Sources {
		if c.Source == nil {
			continue
		}
		src := c.Source
		ct, ok := cites[src]
		if !ok {
			ct = cited{ID: src.ID, Title: oneLine(src.Title), URL: safeURL(src.URL)}
			cites[src] = ct
		}
		ct.Quote = clean(c.Quote)
		e.Sources = append(e.Sources, ct)
		if !src.Published.IsZero() {
			if t := src.Published.First(); t.After(e.Updated) {
				e.Updated = t
			}
		}
	}
	if e.Updated.IsZero() {
		e.Updated = v.First()
	}
	e.Updated = clampYear(e.Updated)
	return e
}

// names returns how the terms ts are named, each worked out once into
// made.
func names(ts []*content.Term, made map[*content.Term]named) []named {
	out := make([]named, 0, len(ts))
	for _, t := range ts {
		if t == nil {
			continue
		}
		n, ok := made[t]
		if !ok {
			n = named{Name: oneLine(t.Title), Slug: t.Slug}
			made[t] = n
		}
		out = append(out, n)
	}
	return out
}

// link returns the address of a page: absolute under the base URL, or
// relative to the site's root when there is none.
func (x *export) link(path string) string { return x.base + path }

// home is the address of the home page: the base URL itself, or
// index.html relative to the site's root.
func (x *export) home() string {
	if x.base != "" {
		return x.base
	}
	return "index.html"
}

// page returns the path of the HTML page of an item in a section.
func page(section, slug string) string {
	return section + "/" + url.PathEscape(slug) + ".html"
}

// Pages returns the path of every HTML page of the site but the 404 page:
// the home page, then the pages of events, actors, places, topics, years
// (each year in which an event starts) and sources. It is what sitemap.xml
// lists.
func Pages(s *content.Site) []string {
	paths := []string{"index.html"}
	eachPage(s, func(section, slug string) { paths = append(paths, page(section, slug)) })
	return paths
}

// eachPage calls f with the section and name of each page Pages lists
// after the home page, in its order.
func eachPage(s *content.Site, f func(section, slug string)) {
	for _, ev := range s.Events {
		if ev != nil && !ev.Draft {
			f("events", ev.Slug)
		}
	}
	for _, terms := range []struct {
		section string
		list    []*content.Term
	}{{"actors", s.Actors}, {"places", s.Places}, {"topics", s.Topics}} {
		for _, t := range terms.list {
			if t != nil {
				f(terms.section, t.Slug)
			}
		}
	}
	for _, y := range Years(s) {
		f("years", strconv.Itoa(y))
	}
	for _, src := range s.Sources {
		if src != nil {
			f("sources", src.ID)
		}
	}
}

// Years returns, in order, each year in which an event of s starts.
func Years(s *content.Site) []int {
	var ys []int
	seen := map[int]bool{}
	for _, ev := range s.Events {
		if ev == nil || ev.Draft {
			continue
		}
		y := ev.Date.First().Year()
		if !seen[y] {
			seen[y] = true
			ys = append(ys, y)
		}
	}
	slices.Sort(ys) // in case s was built by hand, unsorted
	return ys
}

// clean makes text safe to carry into any format: valid UTF-8, no control
// characters but newlines and tabs, no bidirectional controls that could
// reorder what surrounds the text, no invisible spaces. Line and
// paragraph separators become newlines.
func clean(s string) string {
	if s == "" || isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(strings.Map(cleanRune, s))
}

// cleanRune is what clean makes of r: r, a newline, or nothing (-1).
func cleanRune(r rune) rune {
	switch {
	case r == '\n' || r == '\t':
		return r
	case r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
		return '\n'
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return -1
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return -1
	case r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\ufffe' || r == '\uffff':
		return -1
	}
	return r
}

// isClean reports whether clean would leave s as it is: valid UTF-8,
// every character one cleanRune keeps, no space at either end. Most
// texts are, and are then read once rather than copied four times.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || cleanRune(r) != r {
			return false
		}
		i += n
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsSpace(first) && !unicode.IsSpace(last)
}

// oneLine is clean with every run of white space, newlines included,
// folded into one space: for titles and names.
func oneLine(s string) string {
	if s = clean(s); isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isOneLine reports whether strings.Fields and a join with spaces would
// give s back: its only white space is single ASCII spaces between other
// characters.
func isOneLine(s string) bool {
	space := true // at the start, a space would be one too many
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			isSpace := c == ' ' || '\t' <= c && c <= '\r'
			if isSpace && (space || c != ' ') {
				return false
			}
			space = isSpace
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		space = false
		i += n
	}
	return !space || s == ""
}

// safeURL returns u if it is an absolute http or https URL, else "". The
// few ASCII characters that URLs may not hold but browsers accept, such as
// < and ", are percent-encoded.
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || strings.IndexFunc(u, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || !unicode.IsPrint(r)
	}) >= 0 {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
		return ""
	}
	return urlUnsafe.Replace(p.String())
}

var urlUnsafe = strings.NewReplacer("<", "%3C", ">", "%3E", `"`, "%22", "`", "%60",
	"{", "%7B", "}", "%7D", "|", "%7C", `\`, "%5C", "^", "%5E")

// precisionName names how finely an event's date is known.
func precisionName(v edtf.Value) string {
	return [...]string{"unspecified", "year", "season", "month", "day"}[v.Precision()]
}

// clampYear keeps a time stamp within the years 1 to 9999, which is all
// that RFC 3339 and iCalendar can write.
func clampYear(t time.Time) time.Time {
	switch {
	case t.Year() < 1:
		return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	case t.Year() > 9999:
		return time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// isoDay writes the day of t as YYYY-MM-DD, with ISO 8601's sign for
// years before year 0 or after 9999.
func isoDay(t time.Time) string {
	y, m, d := t.Date()
	var b [24]byte
	out := b[:0]
	if y > 9999 {
		out = append(out, '+')
	}
	return string(edtf.AppendYMD(out, y, int(m), d))
}

// nameUUID returns the name-based (SHA-1, version 5) UUID of name in the
// URL namespace of RFC 9562: the same name always gives the same UUID.
func nameUUID(name string) string {
	ns := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	h := sha1.Sum(append(ns[:], name...))
	u := h[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	var out [36]byte
	at := 0
	for i, group := range [...]int{4, 2, 2, 2, 6} {
		if i > 0 {
			out[at] = '-'
			at++
		}
		at += hex.Encode(out[at:], u[:group])
		u = u[group:]
	}
	return string(out[:])
}

// siteKey names the site in identifiers: its address, or when there is
// none, its title.
func (x *export) siteKey() string {
	if x.base != "" {
		return x.base
	}
	return "frise:" + x.title + ":"
}

// eventUUID is an event's identifier where a UUID is wanted.
func (x *export) eventUUID(e *entry) string { return nameUUID(x.siteKey() + e.Path) }
