package site

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"frise/timeline/internal/parallel"
)

// Digests return, for each page of the site but the home page, a number
// that changes whenever what the page shows changes, as the site's own
// templates show it: its event, term, year or source, every event it
// lists or links to as those lists show them, the whole site's settings,
// the base layout and partials, and the page's own template. Two
// renderers' digests of a page are equal when the page would render to
// the same bytes, so that after the content or a template changed a
// preview renders again only the pages whose digest changed (see Render),
// and the home page, which shows the whole chronology.
//
// Digests are made in memory for one process, on every core. A renderer
// that remembers keeps each event's and each listed term's digest for
// Inherit, so Digests must not run on one Renderer from two goroutines at
// once.
func (x *Renderer) Digests() map[string]uint64 {
	v := x.r.view
	// What lists show of each term, source and event is summed up first,
	// once; then each page, on every core, from those.
	d := &digester{r: x.r, cards: make(map[*eventView]uint64, len(v.Events)), lines: map[*eventView]uint64{},
		terms: map[*termView]uint64{}, sources: map[*sourceView]uint64{}}
	d.moreCards, d.moreLines, d.moreTerms, d.moreSources = d.cards, d.lines, d.terms, d.sources
	d.site = d.siteDigest()
	// Each kind of page also shows its own template.
	kind := map[string]uint64{}
	for _, name := range kindTemplates {
		if src, ok := x.r.sources[name]; ok {
			var h digest
			d.strs(&h, name, src)
			kind[name] = h.sum()
		}
	}
	for _, kind := range []string{"actors", "places", "topics"} {
		for _, tv := range x.r.termsOf(kind) {
			d.term(&d.cardBuf, tv)
		}
	}
	for _, sv := range v.Sources {
		d.source(&d.cardBuf, sv)
	}
	thin := x.r.thin()
	cards := make([]uint64, len(v.Events))
	var lines []uint64
	if len(thin) > 0 {
		lines = make([]uint64, len(v.Events))
	}
	parallel.Each(len(v.Events), d.fork, func(w *digester, i int) {
		cards[i] = w.sumCard(v.Events[i])
		if lines != nil {
			lines[i] = w.sumLine(v.Events[i])
		}
	})
	for i, ev := range v.Events {
		d.cards[ev] = cards[i]
		if lines != nil {
			d.lines[ev] = lines[i]
		}
	}

	type page struct {
		path string
		sum  uint64
	}
	var pages []page
	sumAll := func(n int, f func(w *digester, h *digest, i int) string) {
		at := len(pages)
		pages = slices.Grow(pages, n)[:at+n]
		parallel.Each(n, d.fork, func(w *digester, i int) {
			h := w.start()
			path := f(w, h, i)
			pages[at+i] = page{path, h.sum()}
		})
	}
	sumAll(len(v.Events), func(d *digester, h *digest, i int) string {
		ev := v.Events[i]
		d.int64(h, kind["events/single.html"])
		d.event(h, ev)
		d.strs(h, ev.Event.Body)
		near := d.shows(h, thin["events/single.html"])
		for _, n := range []*eventView{ev.Prev, ev.Next} {
			near(h, n)
		}
		d.int(h, len(ev.Related))
		for _, rel := range ev.Related {
			near(h, rel)
		}
		return ev.URL
	})
	var terms []*termView
	for _, k := range []string{"actors", "places", "topics"} {
		terms = append(terms, x.r.termsOf(k)...)
	}
	sumAll(len(terms), func(d *digester, h *digest, i int) string {
		tv := terms[i]
		name := x.r.termTemplate(tv.Term.Kind)
		d.int64(h, kind[name])
		d.term(h, tv)
		d.strs(h, tv.Term.Slug, tv.Term.Role, tv.Term.Country, string(tv.Body), tv.Lede, tv.Term.File)
		d.strs(h, tv.Names...)
		d.int(h, len(tv.Events))
		listed := d.shows(h, thin[name])
		for _, ev := range tv.Events {
			listed(h, ev)
		}
		return tv.URL
	})
	sumAll(len(v.Years), func(d *digester, h *digest, i int) string {
		yv := v.Years[i]
		d.int64(h, kind["years/single.html"])
		d.strs(h, yv.Label, yv.ID, yv.URL, yv.Where)
		d.int(h, len(yv.Events))
		listed := d.shows(h, thin["years/single.html"])
		for _, ev := range yv.Events {
			listed(h, ev)
		}
		for _, g := range x.r.browse(yv.Events) {
			d.strs(h, g.Kind, g.Key, g.Label, g.Single)
			for _, bt := range g.Terms {
				d.term(h, bt.termView)
				d.int(h, bt.N)
			}
		}
		return yv.URL
	})
	sumAll(len(v.Sources), func(d *digester, h *digest, i int) string {
		sv := v.Sources[i]
		d.int64(h, kind["sources/single.html"])
		d.source(h, sv)
		d.strs(h, sv.Source.ID, sv.Source.Text, sv.PublishedOn, sv.PubISO)
		d.int(h, len(sv.Passages()))
		quoting := d.shows(h, thin["sources/single.html"])
		for _, p := range sv.Passages() {
			d.strs(h, p.ID, p.Quote)
			d.bool(h, p.Found)
			quoting(h, p.Event)
		}
		for _, para := range sv.Paras() {
			d.bool(h, para.Head)
			d.int(h, len(para.Segs))
			for _, seg := range para.Segs {
				d.strs(h, seg.Text, seg.ID)
				d.bool(h, seg.Mark)
				if seg.Event != nil {
					quoting(h, seg.Event)
				}
			}
		}
		return sv.URL
	})
	out := make(map[string]uint64, len(pages)+1)
	for _, p := range pages {
		out[p.path] = p.sum
	}
	h := d.start()
	d.int64(h, kind["404.html"])
	out["404.html"] = h.sum()
	if x.r.keep {
		x.cards, x.terms, x.site = d.cards, d.terms, d.site
	}
	return out
}

// lineFields are what a line shows of an event: the fields of its view and
// of its content (.Event) that partials/event-line.html and event-ref.html
// show, and those as near, but not its terms, sources or quotes, as event
// items do. Printed whole, an event shows its file (String).
var lineFields = set("Slug", "File", "Title", "Summary", "URL", "Where", "Date", "DateText", "Year",
	"Status", "Draft", "String")

// lineMethods are the page's methods that render an event as a line, if
// their partials show no more of it than lineFields; lineFuncs, the
// functions that may be given an event without showing more of it, and
// of those, countFuncs return neither it nor a part of it.
var (
	lineMethods = map[string]string{"EventLine": "partials/event-line.html", "EventRef": "partials/event-ref.html"}
	lineFuncs   = []string{"and", "or", "not", "len", "eq", "ne", "index", "slice"}
	countFuncs  = []string{"not", "len", "eq", "ne"}
)

// eventOfLine is what a partial of lineMethods shows of the event it is
// given as .E when it shows a line.
var eventOfLine = reach{leads: set("E"), keeps: set("Event"), only: lineFields, handed: true,
	free: set(lineFuncs...), opaque: set(countFuncs...)}

// thinOf are, for each kind of page that lists or links to events, the
// fields that lead to them (see local for the other ways, which it
// refuses).
var thinOf = map[string]map[string]bool{
	"events/single.html":  set("Prev", "Next", "Related"),
	"_default/term.html":  set("Events"),
	"actors/term.html":    set("Events"),
	"places/term.html":    set("Events"),
	"topics/term.html":    set("Events"),
	"years/single.html":   set("Events"),
	"sources/single.html": set("Event"),
}

// thin reports, for each kind of page's template, whether it shows no
// more of the events it lists or links to than a line does (lineFields):
// its digest then covers only that of them, and the page renders again
// only when that changes, not when a topic of a related event is renamed.
// The site's own event pages show their neighbours and related events as
// lines, terms' and sources' pages their events; a year's page shows
// items. It holds only with local, which keeps other events off pages by
// other ways than thinOf's.
func (r *renderer) thin() map[string]bool { return r.read().thin }

// checkThin works out thin from the templates' trees (parseAll).
func checkThin(parsed map[string]map[string]*parse.Tree, shared map[string][]*parse.Tree) map[string]bool {
	free := set(lineFuncs...)
	for method, partial := range lineMethods {
		if len(shared[partial]) > 0 && !eventOfLine.shownInAny(partial, shared) {
			free[method] = true
		}
	}
	thin := map[string]bool{}
	for name, leads := range thinOf {
		if trees, ok := parsed[name]; ok {
			rc := eventOfLine
			rc.leads, rc.free = leads, free
			thin[name] = !rc.shownWith(trees, shared)
		}
	}
	return thin
}

// digestSeed is the seed of every digest in this process.
var digestSeed = maphash.MakeSeed()

// digester makes the digests of one renderer's pages.
type digester struct {
	r       *renderer
	site    uint64
	cards   map[*eventView]uint64  // each event as lists show it, made once
	lines   map[*eventView]uint64  // each event as a line shows it (see lineFields), made once
	terms   map[*termView]uint64   // each term as links to it show it, made once
	sources map[*sourceView]uint64 // each source as citations show it, made once
	// The maps above are shared by the digesters on every core, which
	// only read them; what one lacks (a term outside the site's lists)
	// a digester makes and keeps in its own maps below.
	moreCards   map[*eventView]uint64
	moreLines   map[*eventView]uint64
	moreTerms   map[*termView]uint64
	moreSources map[*sourceView]uint64
	pageBuf     digest // the page being summed up, reused
	cardBuf     digest // the card being summed up, reused
}

// fork returns a digester for another core, which reads d's maps and
// keeps what it makes beyond them to itself.
func (d *digester) fork() *digester {
	return &digester{r: d.r, site: d.site, cards: d.cards, lines: d.lines, terms: d.terms, sources: d.sources,
		moreCards: map[*eventView]uint64{}, moreLines: map[*eventView]uint64{},
		moreTerms: map[*termView]uint64{}, moreSources: map[*sourceView]uint64{}}
}

// digest gathers the bytes to sum up, and sums them up at once: one hash
// over a buffer costs much less than a hash fed string by string.
type digest struct{ b []byte }

func (h *digest) sum() uint64 { return maphash.Bytes(digestSeed, h.b) }

// start begins a page's digest with the site's.
func (d *digester) start() *digest {
	d.pageBuf.b = d.pageBuf.b[:0]
	d.int64(&d.pageBuf, d.site)
	return &d.pageBuf
}

// siteDigest covers what every page shows of the site, and the templates
// every page is made with: the base layout and the partials, and how they
// minify (a page template that cannot be minified as it is read has every
// page minified whole). Each kind of page's own template is in that page's
// digest.
func (d *digester) siteDigest() uint64 {
	var h digest
	v := d.r.view
	d.strs(&h, v.Title, v.Description, v.Language, v.Locale, string(v.Intro), d.r.cfg.BaseURL,
		typedValue(v.Params), strconv.FormatBool(d.r.split()), strconv.Itoa(int(d.r.minify)))
	for _, x := range v.Exports {
		d.strs(&h, x.Path, x.Type, x.Label)
	}
	names := make([]string, 0, len(d.r.sources))
	for name := range d.r.sources {
		if !slices.Contains(kindTemplates, name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		d.strs(&h, name, d.r.sources[name])
	}
	return h.sum()
}

// sumCard sums up what a list shows of ev.
func (d *digester) sumCard(ev *eventView) uint64 {
	d.cardBuf.b = d.cardBuf.b[:0]
	d.event(&d.cardBuf, ev)
	return d.cardBuf.sum()
}

// shows returns how a kind of page shows the events it lists or links
// to, and writes it: as lists do (card), or, where its template shows no
// more of them than lines do (see renderer.thin), as lines do (line).
func (d *digester) shows(h *digest, thin bool) func(*digest, *eventView) {
	d.bool(h, thin)
	if thin {
		return d.line
	}
	return d.card
}

// card writes what a list shows of an event (nil for none): everything
// but its body and its neighbours.
func (d *digester) card(h *digest, ev *eventView) { d.summed(h, ev, d.cards, d.moreCards, d.sumCard) }

// line writes what a line shows of an event (nil for none): the fields
// of lineFields.
func (d *digester) line(h *digest, ev *eventView) { d.summed(h, ev, d.lines, d.moreLines, d.sumLine) }

// summed writes ev summed up by sum, or -1 for none, from the digesters'
// shared map, or from the digester's own (more), made and kept there.
func (d *digester) summed(h *digest, ev *eventView, shared, more map[*eventView]uint64, sum func(*eventView) uint64) {
	if ev == nil {
		d.int(h, -1)
		return
	}
	c, ok := shared[ev]
	if !ok {
		if c, ok = more[ev]; !ok {
			c = sum(ev)
			more[ev] = c
		}
	}
	d.int64(h, c)
}

// sumLine sums up what a line shows of ev: the fields of lineFields, of
// its view and of its content. Printed whole, an event shows its file.
func (d *digester) sumLine(ev *eventView) uint64 {
	h := &d.cardBuf
	h.b = h.b[:0]
	e := ev.Event
	d.int64(h, maphash.Comparable(digestSeed, e.Date))
	d.bool(h, e.Draft)
	d.strs(h, ev.Slug, e.Slug, e.File, ev.URL, ev.Where, ev.Title, ev.Summary, e.Title, e.Summary, e.DateText, e.Status,
		ev.Date.French, ev.Date.ISO, ev.Date.End, ev.Date.Class,
		ev.Year.Label, ev.Year.ID, ev.Year.URL, ev.Year.Where)
	return h.sum()
}

// typedValue writes a front matter's value with the type of each of its
// parts: values that print alike may show otherwise (2 and 2.0 under
// printf "%.1f", "false" and false under if).
func typedValue(v any) string {
	var b strings.Builder
	var write func(v any)
	write = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			b.WriteString("{")
			for _, k := range slices.Sorted(maps.Keys(v)) {
				fmt.Fprintf(&b, "%q:", k)
				write(v[k])
				b.WriteString(",")
			}
			b.WriteString("}")
		case []any:
			b.WriteString("[")
			for _, x := range v {
				write(x)
				b.WriteString(",")
			}
			b.WriteString("]")
		default:
			fmt.Fprintf(&b, "%T(%#v)", v, v)
		}
	}
	write(v)
	return b.String()
}

// event writes an event's own fields, those of its terms and sources, and
// its citations.
func (d *digester) event(h *digest, ev *eventView) {
	e := ev.Event
	d.int64(h, maphash.Comparable(digestSeed, e.Date))
	d.bool(h, e.Draft)
	d.int(h, len(e.Params))
	if len(e.Params) > 0 {
		d.strs(h, typedValue(e.Params))
	}
	d.strs(h, e.Slug, e.File, ev.URL, ev.Where, ev.Title, ev.Summary, e.Title, e.Summary, e.DateText, e.Status,
		ev.Date.French, ev.Date.ISO, ev.Date.End, ev.Date.Class,
		ev.ActorSlugs, ev.PlaceSlugs, ev.TopicSlugs)
	d.strs(h, ev.Year.Label, ev.Year.ID, ev.Year.URL, ev.Year.Where)
	for _, group := range [][]*termView{ev.Actors, ev.Places, ev.Topics} {
		d.int(h, len(group))
		for _, tv := range group {
			d.term(h, tv)
		}
	}
	d.int(h, len(ev.Sources))
	for _, sv := range ev.Sources {
		d.source(h, sv)
	}
	d.int(h, len(ev.Cites))
	for _, c := range ev.Cites {
		d.strs(h, c.Quote, c.Anchor, c.Original, c.Source.URL)
	}
}

// term writes everything a term's view holds: a link to it may show any
// of it (partials/terms.html shows an actor's role).
func (d *digester) term(h *digest, tv *termView) {
	t, ok := d.terms[tv]
	if !ok {
		t, ok = d.moreTerms[tv]
	}
	if !ok {
		var th digest
		d.strs(&th, tv.Term.Kind, tv.Term.Slug, tv.Term.Title, tv.Title, tv.URL, tv.Label, tv.search,
			tv.Term.Role, tv.Term.Country, tv.Term.File, tv.Lede, string(tv.Body), tv.Term.Body)
		d.int(&th, len(tv.Term.Aliases))
		d.strs(&th, tv.Term.Aliases...)
		d.int(&th, len(tv.Names))
		d.strs(&th, tv.Names...)
		t = th.sum()
		d.moreTerms[tv] = t
	}
	d.int64(h, t)
}

// source writes what a citation shows of a source.
func (d *digester) source(h *digest, sv *sourceView) {
	c, ok := d.sources[sv]
	if !ok {
		c, ok = d.moreSources[sv]
	}
	if !ok {
		var sh digest
		d.strs(&sh, sv.Title, sv.URL, sv.Original, sv.Published, sv.Publisher, sv.Label, sv.Lang, sv.PubISO,
			sv.Source.ID, sv.Source.Title, sv.Source.Publisher, sv.Source.URL, sv.Source.File, sv.Source.Language)
		// The date as written: 2019-03 and 2019-03-XX read alike in French.
		d.int64(&sh, maphash.Comparable(digestSeed, sv.Source.Published))
		c = sh.sum()
		d.moreSources[sv] = c
	}
	d.int64(h, c)
}

// strs writes each string with its length, so that no two lists of
// strings write the same bytes.
func (d *digester) strs(h *digest, ss ...string) {
	for _, s := range ss {
		h.b = binary.LittleEndian.AppendUint64(h.b, uint64(len(s)))
		h.b = append(h.b, s...)
	}
}

func (d *digester) int(h *digest, n int) { d.int64(h, uint64(n)) }

func (d *digester) bool(h *digest, b bool) {
	if b {
		h.b = append(h.b, 1)
	} else {
		h.b = append(h.b, 0)
	}
}

func (d *digester) int64(h *digest, n uint64) { h.b = binary.LittleEndian.AppendUint64(h.b, n) }
