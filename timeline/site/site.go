// Package site renders the pages of a Frise timeline: the home page with the
// whole chronology, a page per event, actor, place, topic, year and source,
// and a 404 page, all in memory, from a loaded *content.Site.
//
// Templates are Go html/template files laid out as a Hugo theme:
//
//	_default/baseof.html   the frame of every page; pages fill its blocks
//	                       "title", "head" and "main"
//	partials/*.html        pieces shared by pages, called as
//	                       {{template "partials/date.html" .}}
//	index.html             the home page
//	events/single.html     an event
//	_default/term.html     an actor, a place or a topic; actors/term.html,
//	                       places/term.html or topics/term.html override it
//	years/single.html      a year
//	sources/single.html    a source, its text with the quoted passages marked
//	404.html               the page for missing addresses
//
// Every template gets a *page (see its fields); {{.Rel "events/x.html"}}
// turns a path from the site's root into a link relative to the page, so
// the site works from any folder and from disk. The functions dict, join,
// fr (French typography), plural and partialCached (a partial rendered once
// per set of variants, as in Hugo) are available. The page's methods
// TermLink, EventLine and EventRef render partials/term-link.html,
// event-line.html and event-ref.html once per term or event and depth of
// page, as partialCached would, for a few calls less per use: pages that list
// thousands of events make tens of thousands of such calls. EventItem
// renders partials/event-item.html, which a preview keeps too. Those
// partials may show of their page (.P) its links (.P.Rel, .P.Root) and
// what these methods render; one that shows more is rendered for every
// page (see partsByDepth).
//
// Render returns every file in a map; Stream hands them over one by one, in
// a fixed order, so that a writer need not hold the whole site in memory.
// Pages render on every core; the bytes do not depend on it. A Renderer
// keeps what Stream works out, for a preview: after an event was edited in
// place, Refresh renders only the pages that show it; after the content was
// loaded again, Digests tell which pages changed and Renderer.Render renders
// those.
//
// A timeline of more than 300 events lists only its latest 100 on the home
// page, whose overview then leads to the year pages; each year page has
// the finder (search and filters) over its own events.
//
// Output paths are index.html, events/SLUG.html, actors/SLUG.html,
// places/SLUG.html, topics/SLUG.html, years/YYYY.html, sources/ID.html,
// 404.html and static/… for every file of the static tree.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/template/parse"
	"unsafe"

	"frise/timeline/content"
	"frise/timeline/internal/htmlexec"
	"frise/timeline/internal/parallel"
	"frise/timeline/internal/recycle"
	"frise/timeline/publish"
)

// Config says where the templates and static files are, and the address of
// the published site.
type Config struct {
	// BaseURL is the absolute address of the published site, for canonical
	// and Open Graph links, e.g. "https://frise.netlify.app/". When empty,
	// pages carry no absolute link.
	BaseURL string
	// Templates is the templates/ tree.
	Templates fs.FS
	// Static is the static/ tree, copied under static/.
	Static fs.FS
	// Minify has the pages and the static HTML files handed over
	// minified; other static files are handed over as they are.
	Minify bool
	// Recycle takes the bytes of the pages from package recycle, for a
	// caller that hands each back to recycle.Release once written (see
	// publish.Stage.PutThen) and keeps none.
	Recycle bool

	// plain has html/template execute every template itself, for the
	// tests that compare its pages with htmlexec's.
	plain bool
}

// Exports are the files other packages write beside the pages, which the
// pages link to: the path, its media type, and how a reader knows it.
var Exports = []struct{ Path, Type, Label string }{
	{"atom.xml", "application/atom+xml", "Flux Atom"},
	{"events.json", "application/json", "JSON"},
	{"timelinejs.json", "application/json", "TimelineJS"},
	{"events.ics", "text/calendar", "iCalendar"},
	{"events.csv", "text/csv", "CSV"},
}

// page is what every template gets.
type page struct {
	Path        string // this page's output path
	Kind        string // "home", "event", "term", "year", "source" or "404"
	Title       string // the <title>, without the site's name
	Description string
	Canonical   string // absolute, or ""
	OGType      string
	Site        *siteView
	JSONLD      template.JS // schema.org data as JSON, or ""
	// Body is an event page's text, from Markdown: it is worked out for
	// that page alone, just before it renders.
	Body template.HTML

	Home *homeView
	// Browse lists the terms of the page's events, by kind, for the finder
	// (home and year pages).
	Browse []browseGroup
	Event  *eventView
	Term   *termView
	Year   *yearView
	Source *sourceView

	root   string // what leads back to the site's root
	r      *renderer
	asPart *page // the page as the partials of its methods see it (see forParts)
}

// Rel returns the link from this page to the output path to (which may end
// in #anchor).
func (p *page) Rel(to string) string {
	target, frag, _ := strings.Cut(to, "#")
	if target == p.Path && frag != "" {
		return "#" + frag
	}
	return p.root + to
}

// Root returns what leads from this page back to the site's root: "", "../",
// or "/" on the 404 page of a site with a base URL.
func (p *page) Root() string { return p.root }

// forParts returns the page as the partials of its methods see it when
// they are rendered once per item and depth of page (see cachedPart): a
// link to any page, this one too, is written whole by Rel, as it must
// read alike on every page of that depth.
func (p *page) forParts() *page {
	if !p.r.read().byDepth {
		return p // rendered for every page
	}
	if p.asPart == nil {
		whole := *p
		whole.Path, whole.asPart = "", nil
		p.asPart = &whole
	}
	return p.asPart
}

// String is the page's output path: a page printed whole ({{.}}, printf
// with any verb but %p) shows that, not the addresses of what it holds.
func (p *page) String() string { return p.Path }

// Format prints String whatever the verb.
func (p *page) Format(f fmt.State, _ rune) { io.WriteString(f, p.String()) }

// part is what the partials called through the page's methods below get:
// the page as .P and the event as .E or the term as .T, as a dict would
// give them.
type part struct {
	P    *page
	E    *eventView
	T    *termView
	Home bool
}

// String is what the part is of, printed: the event (its file) or the
// term (its title), the same on every page.
func (pt part) String() string {
	if pt.E != nil {
		return fmt.Sprint(pt.E)
	}
	if pt.T != nil {
		return fmt.Sprint(pt.T.Term)
	}
	return ""
}

// Format prints String whatever the verb.
func (pt part) Format(f fmt.State, _ rune) { io.WriteString(f, pt.String()) }

// TermLink renders partials/term-link.html for t, once per term and depth
// of page: {{$p.TermLink .}} is {{partialCached "partials/term-link.html"
// (dict "P" $p "T" .) .Slug $p.Root}} at a fraction of the cost, which
// counts on pages listing thousands of events.
func (p *page) TermLink(t *termView) (template.HTML, error) {
	return p.r.cachedPart("partials/term-link.html", t, part{P: p.forParts(), T: t})
}

// EventLine renders partials/event-line.html for e, once per event and
// depth of page.
func (p *page) EventLine(e *eventView) (template.HTML, error) {
	return p.r.cachedPart("partials/event-line.html", e, part{P: p.forParts(), E: e})
}

// EventItem renders partials/event-item.html for e, as a year's page and
// the home page list it: {{$.EventItem .}} is {{template
// "partials/event-item.html" (dict "P" $ "E" . "Home" true)}}. A build
// renders each item once anyway; a preview (Renderer.Remember) keeps them,
// so that after an edit a year's page renders only the edited event's.
func (p *page) EventItem(e *eventView) (template.HTML, error) {
	data := part{P: p.forParts(), E: e, Home: true}
	if !p.r.keep {
		return p.r.part("partials/event-item.html", data)
	}
	return p.r.cachedPart("partials/event-item.html", e, data)
}

// part renders the partial name with data, kept nowhere.
func (r *renderer) part(name string, data any) (template.HTML, error) {
	buf := partBuffers.Get().(*bytes.Buffer)
	defer partBuffers.Put(buf)
	buf.Reset()
	err := execute(r.base, r.runBase, buf, name, data)
	return template.HTML(buf.String()), err
}

// partBuffers are where part renders.
var partBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// EventRef renders partials/event-ref.html for e, once per event and depth
// of page.
func (p *page) EventRef(e *eventView) (template.HTML, error) {
	return p.r.cachedPart("partials/event-ref.html", e, part{P: p.forParts(), E: e})
}

// siteView is the site as every page sees it.
type siteView struct {
	Title       string
	Description string
	Language    string
	Locale      string // for Open Graph: "fr_FR"
	Params      map[string]any
	Intro       template.HTML
	Events      []*eventView
	Years       []*yearView
	Actors      []*termView
	Places      []*termView
	Topics      []*termView
	Sources     []*sourceView
	Exports     []struct{ Path, Type, Label string }
}

// String is the site's title: the site printed whole ({{.Site}}) shows
// that, not its lists, which only the home page may show.
func (sv *siteView) String() string { return sv.Title }

// Format prints String whatever the verb.
func (sv *siteView) Format(f fmt.State, _ rune) { io.WriteString(f, sv.String()) }

// homeView is what only the home page shows.
type homeView struct {
	Overview overview
	// Years are the year groups the home page lists: every event of a
	// small timeline, or the latest homeRecent of a large one, whose full
	// chronology is on the year pages (Split).
	Years []*yearView
	Split bool
	Scope string // on a split home page, what it lists: "Les 100 derniers événements sur 10 000"
}

// homeAll is the most events the home page lists in full; beyond, it lists
// the latest homeRecent and links to each year's page, so that it stays a
// page of a few hundred kilobytes at any size.
const (
	homeAll    = 300
	homeRecent = 100
)

// browseGroup is a list of terms of one kind, for browsing and filtering.
type browseGroup struct {
	Kind   string // "actors", …
	Key    string // the filter's name in the address: "actor", "place", "topic"
	Label  string // "Acteurs"
	Single string // "Acteur"
	Terms  []browseTerm
}

// browseTerm is a term in a browsing list, with its number of events on
// the page's scope (the whole timeline, or a year).
type browseTerm struct {
	*termView
	Slug, Title, URL string // the term's, copied, as eventView's
	N                int
}

// renderer holds what one Render works with.
type renderer struct {
	site  *content.Site
	cfg   Config
	md    *markdowns
	view  *siteView
	tmpls map[string]*template.Template
	// sources holds each template's text, by name, for Refresh.
	sources map[string]string
	// events finds the view of each event, for Refresh.
	events map[*content.Event]*eventView
	emit   func(name string, data []byte) error
	minify minifyMode
	mf     *publish.Minifier // with minify

	// base holds the base layout and the partials, for partialCached;
	// cache holds what partialCached rendered, by its key.
	base  *template.Template
	cache *partCache
	// runs and runBase execute tmpls and base without text/template's
	// reflection where they can (see htmlexec); nil with Config.plain.
	runs    map[string]*htmlexec.Set
	runBase *htmlexec.Set
	// escaping says that parseTemplates is executing the templates on no
	// data, for html/template to escape them (see partialCached).
	escaping bool
	keep     bool // the cache lasts from one render to the next: see Renderer.Remember
	// single says the renderer is made for one Stream and then dropped
	// (the package's Stream and Render): nothing follows it. Its sources'
	// passages are marked when a page first asks (see lateMarks).
	single   bool
	readings *readings // what the templates show, read once: see local
	// With keep, named holds the keys partialCached stored, and roots the
	// depths of page parts were rendered for, so that forget finds them.
	named, roots sync.Map
	// before and beforeSources are the views of events (by slug) and
	// sources (by id) the renderer this one follows made, while the views
	// are worked out (see Renderer.Next).
	before        map[string]*eventView
	beforeSources map[string]*sourceView
}

// Render returns every page of s and every static file, keyed by its
// slash-separated output path. Pages are not minified. The same input gives
// the same bytes.
func Render(s *content.Site, cfg Config) (map[string][]byte, error) {
	out := make(map[string][]byte, len(s.Events)+len(s.Sources)+len(s.Actors)+len(s.Places)+len(s.Topics)+64)
	err := Stream(s, cfg, func(name string, data []byte) error {
		out[name] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Stream renders what Render does and hands each file to emit as soon as
// it and those before it are done, in a fixed order: the same input gives
// the same calls with the same bytes. emit is called from one goroutine at
// a time, while the next pages render; it may keep data. Stream stops at
// emit's first error and returns it.
//
// Only a few hundred pages are held at once, so a writer that puts each
// file on disk as it comes needs memory for the content and its views, not
// for the whole site.
func Stream(s *content.Site, cfg Config, emit func(name string, data []byte) error) error {
	x, err := newRenderer(s, cfg, true)
	if err != nil {
		return err
	}
	return x.Stream(emit)
}

// kindTemplates are the page templates, by the name they are executed as.
var kindTemplates = []string{"index.html", "404.html", "events/single.html",
	"_default/term.html", "actors/term.html", "places/term.html", "topics/term.html",
	"years/single.html", "sources/single.html"}

// parseTemplates reads the base, the partials and each page template once.
// With Config.Minify, it minifies their text as it reads it (see
// preminify), or, when it cannot, has each page minified once rendered.
func (r *renderer) parseTemplates() error {
	if r.cfg.Templates == nil {
		return fmt.Errorf("render: no templates given")
	}
	// The templates are executed on no data to have html/template escape
	// them: what partialCached renders then is for no page.
	r.escaping = true
	defer func() { r.escaping = false }()
	if !r.cfg.Minify {
		r.minify = minifyNone
		if err := r.parseSet(nil); err != nil {
			return err
		}
		r.runners()
		return nil
	}
	r.mf = publish.NewMinifier()
	r.minify = minifyPages
	if err := r.parseSet(nil); err != nil {
		return err
	}
	if r.escapeErr() != nil {
		// Templates html/template finds fault with, once minified or not:
		// the templates as written say which, and where, as the pages
		// that use them are executed. htmlexec runs the others.
		r.runners()
		return nil
	}
	written, base := r.tmpls, r.base
	r.minify = minifyTemplates
	if r.parseSet(r.mf) != nil || r.escapeErr() != nil {
		r.minify, r.tmpls, r.base = minifyPages, written, base
	}
	r.runners()
	return nil
}

// runners reads the templates for htmlexec to run: each page template
// from the base layout, and each partial, as the renderer executes them.
func (r *renderer) runners() {
	if r.cfg.plain {
		return
	}
	fns := maps.Clone(funcs)
	fns["partialCached"] = r.partialCached
	r.runs = make(map[string]*htmlexec.Set, len(r.tmpls))
	for name, t := range r.tmpls {
		r.runs[name] = htmlexec.New(t, fns, directCalls, "_default/baseof.html")
	}
	r.runBase = htmlexec.New(r.base, fns, directCalls, r.soloPartials()...)
}

// directCalls are the types of the methods and functions the templates
// call, which htmlexec calls without reflection: a page of the year
// lists makes hundreds of such calls.
var directCalls = []htmlexec.Call{
	htmlexec.Func2[*page, string, string](),                // Rel
	htmlexec.Func1[*page, string](),                        // Root
	htmlexec.Func2E[*page, *termView, template.HTML](),     // TermLink
	htmlexec.Func2E[*page, *eventView, template.HTML](),    // EventLine, EventItem, EventRef
	htmlexec.Func1[*eventView, string](),                   // Search
	htmlexec.Func1[*sourceView, []passageRef](),            // Passages
	htmlexec.Func1[*sourceView, []segment](),               // Segments
	htmlexec.Func1[*sourceView, []para](),                  // Paras
	htmlexec.Func1[string, string](),                       // fr
	htmlexec.Func2[string, []string, string](),             // join
	htmlexec.Variadic2E[string, any, any, template.HTML](), // partialCached
	htmlexec.VariadicE[any, map[string]any](),              // dict
}

// methodPartials are the partials the pages' methods render on their
// own (TermLink, EventLine, EventRef, EventItem).
var methodPartials = []string{"partials/term-link.html", "partials/event-line.html",
	"partials/event-ref.html", "partials/event-item.html"}

// soloPartials returns the partials the renderer executes on their own,
// which html/template escapes on their own: those of the pages' methods,
// and those the templates name to partialCached. The others are escaped
// only where a template calls them, in the context it calls them in:
// escaping one alone that escapes only in its callers' context would
// fail, and leave html/template without its tree for the callers.
func (r *renderer) soloPartials() []string {
	names := map[string]bool{}
	for _, name := range methodPartials {
		names[name] = true
	}
	sets := append([]*template.Template{r.base}, slices.Collect(maps.Values(r.tmpls))...)
	for _, set := range sets {
		for _, t := range set.Templates() {
			if t.Tree == nil {
				continue
			}
			visit(t.Tree.Root, func(n parse.Node) {
				cmd, ok := n.(*parse.CommandNode)
				if !ok || len(cmd.Args) < 2 {
					return
				}
				if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && id.Ident == "partialCached" {
					if name, ok := cmd.Args[1].(*parse.StringNode); ok {
						names[name.Text] = true
					}
				}
			})
		}
	}
	var solo []string
	for _, name := range slices.Sorted(maps.Keys(names)) {
		if r.base.Lookup(name) != nil {
			solo = append(solo, name)
		}
	}
	return solo
}

// execute writes the template name of set, applied to data, into buf:
// by x when it can, by html/template otherwise.
func execute(set *template.Template, x *htmlexec.Set, buf *bytes.Buffer, name string, data any) error {
	if x != nil && x.Execute(buf, name, data) {
		return nil
	}
	return set.ExecuteTemplate(buf, name, data)
}

// escapeErr returns the first fault html/template finds in the templates,
// as it escapes them for the first page of each kind and for each partial
// the renderer executes on its own (see soloPartials), or nil. It
// executes them on no data, so that nothing is written once they are
// escaped.
func (r *renderer) escapeErr() error {
	var tErr *template.Error
	faulty := func(err error) bool { return errors.As(err, &tErr) }
	for _, name := range slices.Sorted(maps.Keys(r.tmpls)) {
		if err := r.tmpls[name].ExecuteTemplate(io.Discard, "_default/baseof.html", nil); faulty(err) {
			return err
		}
	}
	for _, name := range r.soloPartials() {
		if err := r.base.ExecuteTemplate(io.Discard, name, nil); faulty(err) {
			return err
		}
	}
	return nil
}

// errPremin says that a template's text could not be minified.
var errPremin = errors.New("cannot be minified around its actions")

// parseSet parses the templates, their text minified by mf when it is
// not nil. Each file is read once per renderer, into r.sources.
func (r *renderer) parseSet(mf *publish.Minifier) error {
	if r.sources == nil {
		r.sources = map[string]string{}
	}
	read := func(name string) (string, error) {
		if src, ok := r.sources[name]; ok {
			return src, nil
		}
		b, err := fs.ReadFile(r.cfg.Templates, name)
		if err != nil {
			return "", fmt.Errorf("templates/%s: %w", name, err)
		}
		r.sources[name] = string(b)
		return string(b), nil
	}
	// parse parses src as the template name of set; the readings of the
	// templates read r.sources, the text as written.
	parse := func(set *template.Template, name, src string) error {
		if mf != nil {
			small, ok := preminify(mf, src)
			if !ok {
				return errPremin
			}
			src = small
		}
		if _, err := set.New(name).Parse(src); err != nil {
			return fmt.Errorf("templates/%w", err)
		}
		return nil
	}
	base := template.New("").Funcs(funcs).Funcs(template.FuncMap{"partialCached": r.partialCached})
	src, err := read("_default/baseof.html")
	if err != nil {
		return err
	}
	if err := parse(base, "_default/baseof.html", src); err != nil {
		return err
	}
	partials, err := fs.Glob(r.cfg.Templates, "partials/*.html")
	if err != nil {
		return err
	}
	for _, name := range partials {
		src, err := read(name)
		if err != nil {
			return err
		}
		// A partial's final newline would end up inside the element that calls it.
		if err := parse(base, name, strings.TrimRight(src, "\n")); err != nil {
			return err
		}
	}
	r.tmpls = make(map[string]*template.Template)
	for _, name := range kindTemplates {
		src, err := read(name)
		if err != nil {
			if strings.HasSuffix(name, "/term.html") && !strings.HasPrefix(name, "_default/") {
				continue // the default term template serves
			}
			return err
		}
		t, err := base.Clone()
		if err != nil {
			return err
		}
		if err := parse(t, name, src); err != nil {
			return err
		}
		r.tmpls[name] = t
	}
	r.base = base
	return nil
}

// partialCached renders a partial once for each set of variants and reuses
// the result, as Hugo's function of the same name does:
//
//	{{partialCached "partials/event-line.html" (dict "P" $ "E" .) .URL $.Root}}
//
// The variants must say everything the output depends on: here the event
// and where the page sits, for its relative links. A list of an event's
// lines on many pages is then rendered once per event, not once per page.
func (r *renderer) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	var key strings.Builder
	key.WriteString(name)
	for _, v := range variants {
		key.WriteByte(0)
		if s, ok := v.(string); ok {
			key.WriteString(s)
		} else {
			fmt.Fprint(&key, v)
		}
	}
	if r.escaping {
		// Not kept: on no data, a partial may render empty where a page
		// would fail; its faults in escaping still show.
		return "", r.base.ExecuteTemplate(io.Discard, name, data)
	}
	k := key.String()
	if r.keep {
		r.named.Store(k, true)
	}
	return once(r, &r.cache.named, namedKey(k), name, data)
}

// once renders the partial name with data the first time key is asked
// for in c, and returns that rendering every time after. The data is of
// its own type, not an interface: a part found costs no allocation.
func once[K shardedKey, D any](r *renderer, c *partMap[K], key K, name string, data D) (template.HTML, error) {
	if h, ok := c.load(key); ok {
		return h, nil
	}
	h, err := r.part(name, data)
	if err != nil {
		return "", err
	}
	// Two pages may render the same variant at once; both get the same bytes.
	return c.loadOrStore(key, h), nil
}

// partCache holds the parts of pages rendered once (see once): those the
// page methods render for an item, and those templates name through
// partialCached.
type partCache struct {
	parts partMap[partKey]
	named partMap[namedKey]
}

func newPartCache() *partCache { return &partCache{} }

// partMap holds parts by key: read by every core, written once per part.
// Maps under locks, rather than a sync.Map, let a renderer that follows
// another take over thousands of parts at once (see Renderer.Inherit), and
// keys of one type, not interfaces, spare an allocation and a hash of the
// interface at every look. The keys are spread over shards, each with its
// lock on a cache line of its own: a year page storing its events' items
// would otherwise hold up the pages reading others'.
type partMap[K shardedKey] struct {
	shards [partShards]partShard[K]
}

const partShards = 16

// shardedKey is a key that says which shard holds it.
type shardedKey interface {
	comparable
	shard() uint
}

type partShard[K comparable] struct {
	mu sync.RWMutex
	m  map[K]template.HTML
	_  [32]byte // with the lock and the map, a cache line
}

func (c *partMap[K]) of(key K) *partShard[K] { return &c.shards[key.shard()%partShards] }

func (c *partMap[K]) load(key K) (template.HTML, bool) {
	sh := c.of(key)
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	h, ok := sh.m[key]
	return h, ok
}

// loadOrStore returns the part held for key, or else holds h for it and
// returns it.
func (c *partMap[K]) loadOrStore(key K, h template.HTML) template.HTML {
	sh := c.of(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if was, ok := sh.m[key]; ok {
		return was
	}
	if sh.m == nil {
		sh.m = make(map[K]template.HTML)
	}
	sh.m[key] = h
	return h
}

func (c *partMap[K]) delete(key K) {
	sh := c.of(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	delete(sh.m, key)
}

// each calls f with every part held, a shard at a time under its lock; f
// may not use c.
func (c *partMap[K]) each(f func(K, template.HTML)) {
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.RLock()
		for k, h := range sh.m {
			f(k, h)
		}
		sh.mu.RUnlock()
	}
}

// partKey is a partial rendered for an item at a depth of page.
type partKey struct {
	name string
	item any
	root string
}

// shard spreads the parts by item, an item being a pointer to a view: its
// address, mixed (views of 384 bytes apart would otherwise share half the
// shards).
func (k partKey) shard() uint {
	var p unsafe.Pointer
	switch it := k.item.(type) {
	case *eventView:
		p = unsafe.Pointer(it)
	case *termView:
		p = unsafe.Pointer(it)
	default:
		return uint(len(k.name) + len(k.root))
	}
	return uint((uint64(uintptr(p)) * 0x9E3779B97F4A7C15) >> 32)
}

// namedKey is a partial and the variants given to partialCached.
type namedKey string

func (k namedKey) shard() uint { return uint(maphash.String(namedSeed, string(k))) }

var namedSeed = maphash.MakeSeed()

// cachedPart renders the partial name with data once per item and depth of
// page, when the partials show no more of their page than what is the
// same at its depth (see partsByDepth); else every time.
func (r *renderer) cachedPart(name string, item any, data part) (template.HTML, error) {
	if !r.read().byDepth {
		return r.part(name, data)
	}
	if r.keep {
		if _, seen := r.roots.Load(data.P.root); !seen {
			r.roots.Store(data.P.root, true)
		}
	}
	return once(r, &r.cache.parts, partKey{name, item, data.P.root}, name, data)
}

// funcs are the functions templates may call besides the built-in ones.
var funcs = template.FuncMap{
	"fr": French,
	"join": func(sep string, xs []string) string {
		return strings.Join(xs, sep)
	},
	// dict builds a map from pairs of arguments, to pass several values to a partial.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict wants pairs of a name and a value")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict wants names that are strings")
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
	"plural": plural,
}

// job is a page to render with the template it is executed as; prepare,
// when set, works out what only this page shows, just before it renders.
type job struct {
	tmpl    string
	p       *page
	prepare func() error
}

// chunk is how many pages render between two hand-overs to emit, counted
// in event pages: a page that lists events counts for more (see weight), so
// that a chunk of year pages of a timeline of 100,000 events is a few
// pages, not a few hundred megabytes.
const chunk = 256

// weight is about how many event pages' worth of bytes p renders to.
func (j job) weight() int {
	switch {
	case j.p.Year != nil:
		return 1 + len(j.p.Year.Events)/6
	case j.p.Term != nil:
		return 1 + len(j.p.Term.Events)/20
	case j.p.Home != nil:
		return 16
	}
	return 1
}

// chunks cuts jobs into runs of about chunk event pages' weight, each of
// at least two jobs per core while there are jobs, so that every core has
// work.
func chunks(jobs []job, cores int) [][]job {
	var out [][]job
	start, w := 0, 0
	for i, j := range jobs {
		w += j.weight()
		if n := i + 1 - start; n >= chunk || w >= chunk && n >= 2*cores {
			out = append(out, jobs[start:i+1])
			start, w = i+1, 0
		}
	}
	if start < len(jobs) {
		out = append(out, jobs[start:])
	}
	return out
}

// run renders the pages on every core, a chunk at a time. Each page lands
// in its own slot; a chunk goes to emit in the jobs' order while the next
// one renders, so the result does not depend on scheduling, and the first
// error in that order is the one reported.
func (r *renderer) run(jobs []job) error {
	type done struct {
		jobs []job
		out  [][]byte
	}
	ready := make(chan done, 1)
	emitted := make(chan error, 1)
	go func() {
		var err error
		for d := range ready {
			for i, j := range d.jobs {
				if err == nil {
					err = r.emit(j.p.Path, d.out[i])
				}
				// Let the page, and what it alone holds, go.
				d.jobs[i], d.out[i] = job{}, nil
			}
		}
		emitted <- err
	}()
	var err error
	last := ""
	for _, part := range chunks(jobs, runtime.GOMAXPROCS(0)) {
		if err != nil {
			break
		}
		// What partialCached and the page's methods rendered is reused
		// by pages of a kind (event pages share related events, term
		// pages event lines): a new kind of page starts a new cache, so
		// that a large timeline's are not all held to the end.
		if kind := part[0].p.Kind; last != "" && kind != last && !r.keep {
			r.cache = newPartCache()
		}
		last = part[len(part)-1].p.Kind
		out := make([][]byte, len(part))
		errs := make([]error, len(part))
		parallel.EachThen(len(part), pageBuffer, func(buf *bytes.Buffer, i int) {
			if prep := part[i].prepare; prep != nil {
				if errs[i] = prep(); errs[i] != nil {
					return
				}
			}
			out[i], errs[i] = r.execute(buf, part[i].tmpl, part[i].p)
		}, func(buf *bytes.Buffer) { pageBuffers.Put(buf) })
		for _, e := range errs {
			if e != nil {
				err = e
				break
			}
		}
		if err == nil {
			ready <- done{part, out}
		}
	}
	close(ready)
	if emitErr := <-emitted; err == nil {
		err = emitErr
	}
	return err
}

// newBuffer is a worker's buffer, reused from page to page: most pages fit
// in it, so a page costs one allocation, of its exact size.
func newBuffer() *bytes.Buffer {
	b := new(bytes.Buffer)
	b.Grow(64 << 10)
	return b
}

// pageBuffer is a worker's buffer for a chunk of pages, from pageBuffers:
// the next chunk, and the next update of a preview, reuse what a year's
// page grew it to.
func pageBuffer() *bytes.Buffer { return pageBuffers.Get().(*bytes.Buffer) }

var pageBuffers = sync.Pool{New: func() any { return newBuffer() }}

// execute renders the template name for p, using buf as scratch space, and
// returns a copy of the page.
func (r *renderer) execute(buf *bytes.Buffer, name string, p *page) ([]byte, error) {
	t := r.tmpls[name]
	if t == nil {
		return nil, fmt.Errorf("render %s: no template %s", p.Path, name)
	}
	if p.root == "" && p.Kind != "404" {
		p.root = rootPrefix(p.Path)
	}
	p.Site, p.r = r.view, r
	buf.Reset()
	if err := execute(t, r.runs[name], buf, "_default/baseof.html", p); err != nil {
		return nil, fmt.Errorf("render %s: %w", p.Path, err)
	}
	if r.minify == minifyPages {
		return r.mf.Minify(p.Path, buf.Bytes())
	}
	if r.cfg.Recycle {
		return recycle.Clone(buf.Bytes()), nil
	}
	return bytes.Clone(buf.Bytes()), nil
}

// static copies the static tree under static/.
func (r *renderer) static() error {
	if r.cfg.Static == nil {
		return nil
	}
	return fs.WalkDir(r.cfg.Static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(path.Base(name), ".") {
			return nil
		}
		b, err := fs.ReadFile(r.cfg.Static, name)
		if err != nil {
			return err
		}
		if r.minify != minifyNone && path.Ext(name) == ".html" {
			if b, err = r.mf.Minify(name, b); err != nil {
				return fmt.Errorf("static/%s: %w", name, err)
			}
		}
		return r.emit("static/"+name, b)
	})
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}
