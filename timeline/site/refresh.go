package site

import (
	"fmt"
	"html/template"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template/parse"

	"frise/timeline/content"
)

// Renderer renders a site and keeps what it worked out to do so (the
// templates, the views of every event, term, year and source), so that
// after an editor changes an event's text, Refresh renders again only the
// pages that show it. Stream is NewRenderer followed by its Stream.
//
// A Renderer holds the content and its views for as long as it is kept:
// a build lets it go; a preview server keeps it between changes.
type Renderer struct {
	r *renderer
	// cards and terms are the digests of what lists show of each event
	// and term, from the last Digests of a renderer that remembers, for
	// Inherit; nil once an event changed in place. site is the digest of
	// the settings and templates they were made with.
	cards map[*eventView]uint64
	terms map[*termView]uint64
	site  uint64
}

// NewRenderer reads the templates and works out the views of s.
func NewRenderer(s *content.Site, cfg Config) (*Renderer, error) { return newRenderer(s, cfg, false) }

// newRenderer is NewRenderer, for a renderer made for one Stream when
// single is set (see renderer.single).
func newRenderer(s *content.Site, cfg Config, single bool) (*Renderer, error) {
	r := &renderer{site: s, cfg: cfg, md: newMarkdown(), cache: newPartCache(), single: single, readings: &readings{}}
	if err := r.parseTemplates(); err != nil {
		return nil, err
	}
	if err := r.build(); err != nil {
		return nil, err
	}
	return &Renderer{r: r}, nil
}

// Next reads the templates again and works out the views of s, the content
// loaded again after a change, as NewRenderer does, for a renderer that
// remembers (see Remember): it takes the source texts x folded, the
// French text and dates of x's events where the content is the same, and
// the passages marked in x's sources where the same events quote the same
// words. Once both have made their Digests, Inherit takes what x rendered
// of the events and terms that did not change.
func (x *Renderer) Next(s *content.Site) (*Renderer, error) {
	r := &renderer{site: s, cfg: x.r.cfg, md: newMarkdown(), cache: newPartCache(), keep: true, readings: &readings{}}
	if err := r.parseTemplates(); err != nil {
		return nil, err
	}
	if maps.Equal(r.sources, x.r.sources) {
		r.readings = x.r.readings // what the same templates show, read once
	}
	r.before = make(map[string]*eventView, len(x.r.view.Events))
	for _, ev := range x.r.view.Events {
		r.before[ev.Slug] = ev
	}
	r.beforeSources = make(map[string]*sourceView, len(x.r.view.Sources))
	for _, sv := range x.r.view.Sources {
		r.beforeSources[sv.Source.ID] = sv
	}
	if err := r.build(); err != nil {
		return nil, err
	}
	return &Renderer{r: r}, nil
}

// Inherit takes from old, the renderer x follows, the parts it rendered
// (event lines, items and references, term links) of every event and term
// whose digest, as lists show it, is the same in both: x then renders only
// the parts of what changed. Both must have made their Digests since their
// last change, with the same settings and templates; else Inherit takes
// nothing.
func (x *Renderer) Inherit(old *Renderer) {
	if !x.r.keep || !old.r.keep || x.cards == nil || old.cards == nil || x.terms == nil || old.terms == nil ||
		x.site != old.site {
		return
	}
	same := map[any]any{} // an item of old's → the same item of x's
	events := make(map[string]*eventView, len(x.r.view.Events))
	for ev := range x.cards {
		events[ev.Slug] = ev
	}
	for ev, c := range old.cards {
		if now := events[ev.Slug]; now != nil && x.cards[now] == c {
			same[ev] = now
		}
	}
	type termKey struct{ kind, slug string }
	terms := make(map[termKey]*termView, len(x.terms))
	for tv := range x.terms {
		terms[termKey{tv.Term.Kind, tv.Slug}] = tv
	}
	for tv, c := range old.terms {
		if now := terms[termKey{tv.Term.Kind, tv.Slug}]; now != nil && x.terms[now] == c {
			same[tv] = now
		}
	}
	old.r.cache.parts.each(func(pk partKey, h template.HTML) {
		if item, ok := same[pk.item]; ok {
			x.r.cache.parts.loadOrStore(partKey{pk.name, item, pk.root}, h)
		}
	})
	old.r.roots.Range(func(root, _ any) bool {
		x.r.roots.Store(root, true)
		return true
	})
}

// Stream renders every page and static file, as the package's Stream does.
func (x *Renderer) Stream(emit func(name string, data []byte) error) error {
	r := x.r
	r.emit = emit
	if !r.keep {
		r.cache = newPartCache()
	}
	if err := r.pages(); err != nil {
		return err
	}
	return r.static()
}

// Render renders the pages whose paths want accepts, in the order Stream
// would, and hands each to emit; it returns how many. A preview renders so
// the pages whose Digests changed.
func (x *Renderer) Render(want func(path string) bool, emit func(name string, data []byte) error) (int, error) {
	r := x.r
	jobs := r.jobsOf(want)
	r.emit = emit
	if !r.keep {
		r.cache = newPartCache()
	}
	return len(jobs), r.run(jobs)
}

// Retitles reports whether Refresh may take in an edit that gave a term
// another title (content.Edit.Retitled): the templates show a term's
// title only on its own page, its events' pages, and where its events are
// listed as items, the pages of their years and the home page. They do
// when they show an event's neighbours and related events, a term's
// events and a source's quoting events as lines, not their terms (see
// renderer.thin), and show an event only where Refresh accounts for
// (Local).
func (x *Renderer) Retitles() bool { return x.r.read().retitle }

// Local reports whether the templates show an event only on the pages
// Refresh and Digests account for: its own, its neighbours' and those
// that list or link to it. Templates that show the site's whole lists
// elsewhere than on the home page, such as every event on every page, do
// not.
func (x *Renderer) Local() bool { return x.r.local() }

// Refresh takes in the events content.Site.Reread changed in place: it
// works out again what the pages show of them and renders, in the order
// Stream would, every page that shows one of them: the event's own page,
// and unless only its body, or how its file spells its terms, changed
// (content.Edit.BodyOnly, Respelt), its neighbours' and those that list
// it among related events, the pages of its terms, of its year and of the
// sources it cites, and the home page; for an event given a new date (see
// content.Edit.Moved), other terms or sources, also its new neighbours',
// year's, terms' and sources' pages and those of the events whose related
// events changed. A new event's page is rendered with those (content.Edit.
// New); a gone event's page is handed to remove, with the pages of terms
// and years left without events, after the others are rendered, and the
// pages of terms and years that gain their first event are rendered. A
// term given another title (content.Edit.Retitled) has its page, its
// events' pages, their years' pages and the home page rendered. Every
// other page would render to the same bytes as before. It returns the
// number of pages handed to emit and to remove.
//
// That list of pages is what the site's own templates show of an event.
// Templates that show more (such as every event, or every source, on every
// page) make Refresh decline, render nothing and return false: the whole
// site must then be rendered again. So do edits that retitle a term when
// Retitles is false.
func (x *Renderer) Refresh(edits []content.Edit, emit func(name string, data []byte) error, remove func(name string) error) (int, bool, error) {
	return x.refresh(edits, nil, emit, remove)
}

// refresh is Refresh, rendering the pages extra names as well.
func (x *Renderer) refresh(edits []content.Edit, extra []string, emit func(name string, data []byte) error, remove func(name string) error) (int, bool, error) {
	r := x.r
	if !r.local() {
		return 0, false, nil
	}
	x.cards, x.terms = nil, nil // stale: see Inherit
	want := map[string]bool{}
	for _, p := range extra {
		want[p] = true
	}
	var listed []*content.Event     // the events whose change shows beyond their own page
	var moved []*eventView          // the events whose date changed, or new
	var gone []*eventView           // the events whose file is gone
	touched := map[*termView]bool{} // the terms an event no longer names, or names now
	var removed []string            // the pages of terms and years left without events
	var retitled []*content.Term    // the terms given another title
	if slices.ContainsFunc(edits, func(ed content.Edit) bool { return ed.New || ed.Gone || retermed(ed) }) {
		var err error
		if removed, err = r.relistTerms(want); err != nil {
			return 0, false, err
		}
	}
	for _, ed := range edits {
		e := ed.Event
		if len(ed.Retitled) > 0 && !r.read().retitle {
			return 0, false, nil
		}
		retitled = append(retitled, ed.Retitled...)
		if ed.New {
			ev, err := r.eventView(e, r.termViews(), r.sourceViews())
			if err != nil {
				return 0, false, err
			}
			r.events[e] = ev
			moved = append(moved, ev)
		}
		ev := r.events[e]
		if ev == nil {
			return 0, false, fmt.Errorf("refresh %s: not an event of the site rendered", e.File)
		}
		want[ev.URL] = true
		if ed.BodyOnly() || ed.Respelt() {
			continue // a term retitled is rendered below
		}
		listed = append(listed, e)
		if ed.Gone {
			gone = append(gone, ev)
			for _, tv := range ev.terms() {
				touched[tv] = true
			}
		}
		ev.Title, ev.Summary = French(e.Title), French(e.Summary)
		if ed.Moved() {
			ev.Date = newDateView(e.Date)
			moved = append(moved, ev)
		}
		if retermed(ed) {
			for _, tv := range ev.terms() {
				touched[tv] = true // its page lists the event no more
			}
			ev.name(r.termViews())
			for _, tv := range ev.terms() {
				touched[tv] = true
			}
		}
		if recited(ed) {
			for _, sv := range ev.Sources {
				want[sv.URL] = true // its page marks the event's quotes no more
			}
			if err := ev.cite(r.sourceViews()); err != nil {
				return 0, false, err
			}
		} else {
			for i, c := range e.Sources {
				ev.Cites[i].Quote = c.Quote
			}
		}
		want["index.html"] = true
		for _, n := range []*eventView{ev.Prev, ev.Next} {
			if n != nil {
				want[n.URL] = true
			}
		}
		for _, tv := range ev.terms() {
			if tv.URL != "" {
				want[tv.URL] = true
			}
		}
		if ev.Year != nil { // a new event's, set by reorder
			want[ev.Year.URL] = true
		}
		for _, sv := range ev.Sources {
			want[sv.URL] = true
		}
	}
	if len(moved) > 0 || len(gone) > 0 || len(touched) > 0 {
		split := r.split()
		emptied, err := r.reorder(moved, gone, touched, want)
		if err != nil {
			return 0, false, err
		}
		removed = append(removed, emptied...)
		if r.split() != split {
			// Every event's place in the chronology changes.
			return 0, false, fmt.Errorf("refresh: with %d events, the home page changes between listing every event and the latest %d", len(r.view.Events), homeRecent)
		}
	}
	// A term's new title shows on its events' pages, the pages listing
	// them as items, and its own.
	var items []*content.Event
	var links []*termView // the terms whose links change
	views := r.termViews()
	for _, t := range retitled {
		tv := views[t]
		if tv == nil {
			continue // no event names it: no page shows it
		}
		fresh, err := r.termView(t.Kind, t)
		if err != nil {
			return 0, false, err
		}
		items = append(items, tv.rename(fresh, want)...)
		links = append(links, tv)
	}
	if len(listed) > 0 {
		for _, ev := range r.view.Events {
			for _, rel := range ev.Related {
				if slices.Contains(listed, rel.Event) {
					want[ev.URL] = true
				}
			}
		}
	}
	// The sources' pages mark the passages quoted, which may have changed.
	for _, sv := range r.view.Sources {
		if !want[sv.URL] {
			continue
		}
		citing := make([]*eventView, len(sv.Source.Citations))
		for i, e := range sv.Source.Citations {
			citing[i] = r.events[e]
		}
		sv.marks = marks{}
		f := sv.fold
		if !f.made {
			f = foldSpace(sv.Source.Text)
		}
		markSource(sv, f, citing)
	}
	jobs := r.jobsOf(func(path string) bool { return want[path] })
	r.emit = emit
	if r.keep {
		// What templates cached through partialCached may show the
		// edited body; the parts of the events listed, more.
		r.forget(append(listed, items...), links...)
	} else {
		r.cache = newPartCache()
	}
	for _, ev := range gone {
		delete(r.events, ev.Event)
	}
	// A page gone may be back under the same name, after several files
	// changed: an event moved to another folder, a term that one file
	// stopped naming and another named.
	rendered := make(map[string]bool, len(jobs))
	for _, j := range jobs {
		rendered[j.p.Path] = true
	}
	if err := r.run(jobs); err != nil {
		return len(jobs), true, err
	}
	for _, ev := range gone {
		removed = append(removed, ev.URL)
	}
	n := len(jobs)
	for _, page := range removed {
		if rendered[page] {
			continue
		}
		if err := remove(page); err != nil {
			return n, true, err
		}
		n++
	}
	return n, true, nil
}

// relistTerms lists again the views of the site's actors, places and
// topics, after content.Site.Reread added or took out some: a term new to
// the lists gets a view and its page is wanted; it returns the pages of
// the terms no longer listed.
func (r *renderer) relistTerms(want map[string]bool) ([]string, error) {
	var removed []string
	views := r.termViews()
	for k, list := range []*[]*termView{&r.view.Actors, &r.view.Places, &r.view.Topics} {
		kind := []string{"actors", "places", "topics"}[k]
		terms := [][]*content.Term{r.site.Actors, r.site.Places, r.site.Topics}[k]
		next := make([]*termView, len(terms))
		for i, t := range terms {
			if next[i] = views[t]; next[i] == nil {
				tv, err := r.termView(kind, t)
				if err != nil {
					return nil, err
				}
				next[i] = tv
				want[tv.URL] = true
			}
		}
		for _, tv := range *list {
			if !slices.Contains(next, tv) {
				removed = append(removed, tv.URL)
			}
		}
		*list = next
	}
	numberTerms(r.view.Actors, r.view.Places, r.view.Topics)
	return removed, nil
}

// termViews returns the view of each term with a page.
func (r *renderer) termViews() map[*content.Term]*termView {
	views := make(map[*content.Term]*termView)
	for _, tv := range slices.Concat(r.view.Actors, r.view.Places, r.view.Topics) {
		views[tv.Term] = tv
	}
	return views
}

// recited reports whether the edit, in place, changed the sources the
// event cites, or their order; a new event's views are made whole.
func recited(ed content.Edit) bool {
	return !ed.New && !ed.Gone && !slices.EqualFunc(ed.Was.Sources, ed.Event.Sources, func(a, b content.Citation) bool { return a.Source == b.Source })
}

// sourceViews returns the view of each source.
func (r *renderer) sourceViews() map[*content.Source]*sourceView {
	views := make(map[*content.Source]*sourceView, len(r.view.Sources))
	for _, sv := range r.view.Sources {
		views[sv.Source] = sv
	}
	return views
}

// retermed reports whether the edit, in place, changed the terms the
// event names; a new event's views are made whole.
func retermed(ed content.Edit) bool {
	return !ed.New && !ed.Gone && (!slices.Equal(ed.Was.Actors, ed.Event.Actors) ||
		!slices.Equal(ed.Was.Places, ed.Event.Places) || !slices.Equal(ed.Was.Topics, ed.Event.Topics))
}

// terms returns the views of the actors, places and topics ev names.
func (ev *eventView) terms() []*termView {
	return slices.Concat(ev.Actors, ev.Places, ev.Topics)
}

// reorder puts the views of the events moved, whose dates changed or which
// are new, where the content now has them (see content.Site.Reread): in
// the chronology, between new neighbours, in their years' and terms'
// lists; takes the events gone out of them; lists again the events of the
// terms touched, which an event named or no longer names; and works out
// every event's related events again. It adds to want the pages that then
// show something else: the old and new neighbours', the years', the terms
// touched, and those whose related events changed.
func (r *renderer) reorder(moved, gone []*eventView, touched map[*termView]bool, want map[string]bool) (emptied []string, err error) {
	v := r.view
	v.Events = make([]*eventView, len(r.site.Events))
	for i, e := range r.site.Events {
		if v.Events[i] = r.events[e]; v.Events[i] == nil {
			return nil, fmt.Errorf("refresh %s: not an event of the site rendered", e.File)
		}
	}
	for i, ev := range v.Events {
		var prev, next *eventView
		if i > 0 {
			prev = v.Events[i-1]
		}
		if i+1 < len(v.Events) {
			next = v.Events[i+1]
		}
		if ev.Prev != prev || ev.Next != next {
			ev.Prev, ev.Next = prev, next
			want[ev.URL] = true
		}
	}
	years := make(map[int]*yearView, len(v.Years))
	for _, yv := range v.Years {
		years[yv.Year] = yv
	}
	yearsTouched := map[*yearView]bool{}
	for _, ev := range gone {
		yearsTouched[ev.Year] = true
	}
	terms := maps.Clone(touched)
	for _, ev := range moved {
		y := content.YearOf(ev.Event.Date)
		yv := years[y]
		if yv == nil { // the year's first event
			yv = newYearView(y)
			years[y] = yv
		}
		if ev.Year != nil { // nil for a new event
			yearsTouched[ev.Year] = true
		}
		yearsTouched[yv] = true
		ev.Year = yv
		ev.Where = r.where(ev)
		for _, tv := range ev.terms() {
			terms[tv] = true
		}
	}
	for yv := range yearsTouched {
		yv.Events = yv.Events[:0:0]
		want[yv.URL] = true
	}
	for _, ev := range v.Events {
		if yearsTouched[ev.Year] {
			ev.Year.Events = append(ev.Year.Events, ev)
		}
	}
	if len(years) != len(v.Years) || slices.ContainsFunc(v.Years, func(yv *yearView) bool { return len(yv.Events) == 0 }) {
		v.Years = v.Years[:0:0]
		for _, y := range sortedKeys(years) {
			if yv := years[y]; len(yv.Events) > 0 {
				yv.Where = r.yearWhere(yv)
				v.Years = append(v.Years, yv)
			} else {
				emptied = append(emptied, yv.URL)
			}
		}
	}
	for tv := range terms {
		if tv.URL == "" {
			continue // a term only named, outside the site's lists
		}
		want[tv.URL] = true
		evs := make([]*eventView, 0, len(tv.Term.Events))
		for _, e := range tv.Term.Events {
			if ev := r.events[e]; ev != nil {
				evs = append(evs, ev)
			}
		}
		tv.Events = evs
	}
	rel := relatedEvents(r.site.Events)
	for _, ev := range v.Events {
		now := make([]*eventView, 0, len(rel[ev.Event]))
		for _, e := range rel[ev.Event] {
			now = append(now, r.events[e])
		}
		if !slices.Equal(now, ev.Related) {
			ev.Related = now
			want[ev.URL] = true
		}
	}
	return emptied, nil
}

// Remember makes the renderer keep what it rendered of each event and
// term (event lines, items and references, term links) from one render to
// the next, rather than only while it renders pages of one kind: Refresh
// then renders again only the edited events' parts. The parts of a site
// of 10,000 events take some 20 MB; the source texts folded, kept for
// Next, about five times the sources' size.
func (x *Renderer) Remember() { x.r.keep = true }

// forget drops the cached parts of the events listed and the links to the
// terms, and those that templates cached through partialCached, whose
// variants may say anything.
func (r *renderer) forget(events []*content.Event, terms ...*termView) {
	r.named.Range(func(key, _ any) bool {
		r.cache.named.delete(namedKey(key.(string)))
		r.named.Delete(key)
		return true
	})
	r.roots.Range(func(root, _ any) bool {
		for _, e := range events {
			for _, name := range eventParts {
				r.cache.parts.delete(partKey{name, r.events[e], root.(string)})
			}
		}
		for _, tv := range terms {
			r.cache.parts.delete(partKey{"partials/term-link.html", tv, root.(string)})
		}
		return true
	})
}

// eventParts are the partials page methods render for an event.
var eventParts = []string{"partials/event-line.html", "partials/event-ref.html", "partials/event-item.html"}

// listsEvents finds a list of events (a term's, a year's, a source's
// citations), or what only an event's own page may show of an event: its
// body, its neighbours, its related events. Refresh renders only an
// event's page after its body changed, and the digests of the pages that
// list an event leave out its body and its neighbours.
var listsEvents = regexp.MustCompile(`\.(Events|Citations|Body|BodyLine|Prev|Next|Related)\b`)

// isTermTemplate reports whether name is one of the terms' page templates
// (kindTemplates), not a partial whose name ends alike.
func isTermTemplate(name string) bool {
	return strings.HasSuffix(name, "/term.html") && slices.Contains(kindTemplates, name)
}

// sourceOnly finds what only a source's page may show of a source, as no
// other page's digest covers it: its marked passages, which lead to the
// events quoting them, and its text. sourceNowhere finds what no page's
// digest covers of a source: the file as it is, how its date was found.
var (
	sourceOnly    = regexp.MustCompile(`\.(Passages|Segments|Paras|Text)\b`)
	sourceNowhere = regexp.MustCompile(`\.(Raw|PublishedHow)\b`)
)

// local reports whether the templates show an event only where Refresh
// and Digests look for it: the site's lists on the home page alone; lists
// of events on the pages of terms and years and the home page alone; an
// event's body, neighbours and related events on its own page alone, and
// not their own neighbours, related events or bodies; a source's list of
// the events citing it on no page; a source's marked passages and text on
// its own page alone, and not other sources'. The home page is always
// rendered again after any change but to a body, so it may show anything
// but bodies. A term's template may show the term's own body, not an
// event's. A field is found by its name, wherever it is written; the
// site's lists, far neighbours, other terms' and years' lists of events,
// listed events' bodies and other sources' marks also however a template
// reaches them (see reach).
func (r *renderer) local() bool { return r.read().local }

// readings are what the readings of the templates found (see local,
// termLocal and sourceLocal), worked out together on first use: the
// templates do not change in a renderer's life, and a renderer that
// follows another with the same templates shares them.
type readings struct {
	once                         sync.Once
	local, term, source, retitle bool
	thin                         map[string]bool // see renderer.thin
	// byDepth says that the partials the page's methods render show of
	// the page only what is the same at a depth of page (see cachedPart).
	byDepth bool
}

// read returns r's readings, worked out the first time.
func (r *renderer) read() *readings {
	rd := r.readings
	rd.once.Do(func() {
		// Each template's text is parsed once, for every reading; a text
		// that does not parse may show anything.
		parsed, shared, ok := r.parseAll()
		if !ok {
			return
		}
		rd.byDepth = partsByDepth(shared)
		rd.local = rd.byDepth && r.checkLocal(parsed)
		rd.term = rd.local && r.checkTermLocal(parsed, shared)
		rd.source = rd.local && r.checkSourceLocal(parsed, shared)
		if rd.local {
			rd.thin = checkThin(parsed, shared)
			rd.retitle = true
			for name := range parsed {
				if isTermTemplate(name) || name == "events/single.html" || name == "sources/single.html" {
					rd.retitle = rd.retitle && rd.thin[name]
				}
			}
		}
	})
	return rd
}

// parseAll parses each template's text into the trees it defines
// (parseTrees), by the template's name, and gathers every definition of
// each name in the base layout and the partials, shared by every page:
// which one runs depends on the order they are parsed in, and on whether
// a page's own is empty. ok is false when a text does not parse.
func (r *renderer) parseAll() (parsed map[string]map[string]*parse.Tree, shared map[string][]*parse.Tree, ok bool) {
	parsed = make(map[string]map[string]*parse.Tree, len(r.sources))
	shared = map[string][]*parse.Tree{}
	for name, src := range r.sources {
		trees, err := parseTrees(name, src)
		if err != nil {
			return nil, nil, false
		}
		parsed[name] = trees
		if !slices.Contains(kindTemplates, name) {
			for n, tr := range trees {
				shared[n] = append(shared[n], tr)
			}
		}
	}
	return parsed, shared, true
}

// pageOfParts is what the partials that the page's methods render
// (TermLink, EventLine, EventRef, EventItem) may show of the page they are
// given as .P: what is the same on every page at its depth, its links
// (Rel, Root) and the parts the methods render themselves.
var pageOfParts = reach{leads: set("P"), only: set("Rel", "Root", "TermLink", "EventLine", "EventRef", "EventItem"),
	handed: true, free: set(lineFuncs...), opaque: set(countFuncs...), printed: true}

// partsByDepth reports whether the partials that the page's methods
// render show no more of their page than pageOfParts, so that each may be
// rendered once per item and depth of page (see cachedPart): every
// definition of each, and the templates they call. shared are the base
// layout's and the partials' trees (parseAll).
func partsByDepth(shared map[string][]*parse.Tree) bool {
	for _, name := range append([]string{"partials/term-link.html"}, eventParts...) {
		if pageOfParts.shownInAny(name, shared) {
			return false
		}
	}
	return true
}

// checkLocal works out local from the templates' trees (parseAll).
func (r *renderer) checkLocal(parsed map[string]map[string]*parse.Tree) bool {
	if callsIntoPages(parsed) {
		return false
	}
	for name, src := range r.sources {
		trees := parsed[name]
		if name != "index.html" && siteLists.shown(trees) ||
			name == "events/single.html" && farNeighbours.shown(trees) ||
			isTermTemplate(name) && otherListsOfTerm.shown(trees) ||
			name == "years/single.html" && otherListsOfYear.shown(trees) ||
			name == "sources/single.html" && otherSources.shown(trees) ||
			name != "sources/single.html" && sourceOnly.MatchString(src) || sourceNowhere.MatchString(src) {
			return false
		}
		allowed := map[string]bool{}
		switch {
		case name == "events/single.html":
			allowed = map[string]bool{"Body": true, "Prev": true, "Next": true, "Related": true}
		case name == "years/single.html":
			allowed = map[string]bool{"Events": true}
		case isTermTemplate(name):
			allowed = map[string]bool{"Events": true, "Body": true}
		case name == "index.html":
			allowed = map[string]bool{"Events": true}
		}
		for _, m := range listsEvents.FindAllStringSubmatch(src, -1) {
			if !allowed[m[1]] {
				return false
			}
		}
	}
	return true
}
