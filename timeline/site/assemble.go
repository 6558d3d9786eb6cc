package site

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"frise/timeline/content"
	"frise/timeline/edtf"
	"frise/timeline/internal/parallel"
)

// build turns the content into the views the templates read. Every list
// keeps the content's order (events by date, the rest by slug or id).
func (r *renderer) build() error {
	s := r.site
	v := &siteView{
		Title:       French(s.Title),
		Description: French(s.Description),
		Language:    s.Language,
		Params:      s.Params,
		Exports:     Exports,
	}
	if v.Title == "" {
		v.Title = "Frise"
	}
	if v.Language == "" {
		v.Language = "fr"
	}
	v.Locale = locale(v.Language)
	intro, err := markdown(r.md, s.Intro)
	if err != nil {
		return fmt.Errorf("render the introduction: %w", err)
	}
	v.Intro = intro
	r.view = v

	terms := make(map[*content.Term]*termView)
	termViews := func(kind string, ts []*content.Term) ([]*termView, error) {
		out := make([]*termView, 0, len(ts))
		for _, t := range ts {
			tv, err := r.termView(kind, t)
			if err != nil {
				return nil, err
			}
			terms[t] = tv
			out = append(out, tv)
		}
		return out, nil
	}
	if v.Actors, err = termViews("actors", s.Actors); err != nil {
		return err
	}
	if v.Places, err = termViews("places", s.Places); err != nil {
		return err
	}
	if v.Topics, err = termViews("topics", s.Topics); err != nil {
		return err
	}
	numberTerms(v.Actors, v.Places, v.Topics)
	sources := make(map[*content.Source]*sourceView)
	for _, src := range s.Sources {
		sv := &sourceView{Source: src}
		r.describe(sv)
		sources[src] = sv
		v.Sources = append(v.Sources, sv)
	}

	events := make(map[*content.Event]*eventView, len(s.Events))
	citing := make(map[*content.Source][]*eventView)
	years := make(map[int]*yearView)
	for _, e := range s.Events {
		ev, err := r.eventView(e, terms, sources)
		if err != nil {
			return err
		}
		for _, sv := range ev.Sources {
			citing[sv.Source] = append(citing[sv.Source], ev)
		}
		y := content.YearOf(e.Date)
		yv := years[y]
		if yv == nil {
			yv = newYearView(y)
			years[y] = yv
		}
		ev.Year = yv
		yv.Events = append(yv.Events, ev)
		events[e] = ev
		v.Events = append(v.Events, ev)
	}
	for _, y := range sortedKeys(years) {
		v.Years = append(v.Years, years[y])
	}
	// Where each event and year sits in the chronology: on the home page,
	// or on its year's page when the home page lists only the latest.
	for _, yv := range v.Years {
		yv.Where = r.yearWhere(yv)
	}
	for _, ev := range v.Events {
		ev.Where = r.where(ev)
	}
	for i, ev := range v.Events {
		if i > 0 {
			ev.Prev = v.Events[i-1]
		}
		if i+1 < len(v.Events) {
			ev.Next = v.Events[i+1]
		}
	}
	// A term lists its events in the timeline's order, whatever order the
	// content gives them in.
	order := make(map[*content.Event]int, len(s.Events))
	for i, e := range s.Events {
		order[e] = i
	}
	for _, group := range [][]*termView{v.Actors, v.Places, v.Topics} {
		for _, tv := range group {
			evs := make([]*content.Event, 0, len(tv.Term.Events))
			for _, e := range tv.Term.Events {
				if _, ok := events[e]; ok {
					evs = append(evs, e)
				}
			}
			sort.SliceStable(evs, func(i, j int) bool { return order[evs[i]] < order[evs[j]] })
			for _, e := range evs {
				tv.Events = append(tv.Events, events[e])
			}
		}
	}

	rel := relatedEvents(s.Events)
	for _, ev := range v.Events {
		for _, e := range rel[ev.Event] {
			ev.Related = append(ev.Related, events[e])
		}
	}

	// Each source's text is folded and cut apart on its own: on every core,
	// or, for a renderer made for one Stream, when a page first asks (see
	// lateMarks). A renderer that follows another (Next) takes what it made
	// of the same source with the same text.
	parallel.For(len(v.Sources), func(i int) {
		sv := v.Sources[i]
		if r.single {
			sv.late = &lateMarks{citing: citing[sv.Source]}
			return
		}
		was := r.beforeSources[sv.Source.ID]
		if was != nil && was.Source.Text != sv.Source.Text {
			was = nil
		}
		fold := folded{}
		if was != nil {
			fold = was.fold
		}
		if !fold.made {
			fold = foldSpace(sv.Source.Text)
		}
		if r.keep {
			sv.fold = fold
		}
		if was != nil && reuseMarks(sv, was, citing[sv.Source]) {
			return
		}
		markSource(sv, fold, citing[sv.Source])
	})
	r.before, r.beforeSources = nil, nil
	r.events = events
	return nil
}

// describe sets what sv shows of its source's front matter or lines: its
// title, page, address, date, publisher and language.
func (r *renderer) describe(sv *sourceView) {
	src := sv.Source
	sv.Title, sv.URL, sv.Original = French(src.Title), sourcePath(src.ID), safeURL(src.URL)
	if sv.Title == "" {
		sv.Title = src.ID
	}
	sv.Published, sv.PublishedOn, sv.PubISO = "", "", ""
	if !src.Published.IsZero() {
		sv.Published = src.Published.French()
		sv.PublishedOn = publishedOn(src.Published)
		sv.PubISO = newDateView(src.Published).ISO
	}
	sv.Publisher = French(src.Publisher)
	sv.Label = sourceLabel(sv)
	sv.Lang = ""
	if src.Language != "" && src.Language != r.view.Language {
		sv.Lang = src.Language
	}
}

// termView makes the view of t, a term of the kind with a page, but for
// its events.
func (r *renderer) termView(kind string, t *content.Term) (*termView, error) {
	body, err := markdown(r.md, t.Body)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", t.File, err)
	}
	tv := &termView{Term: t, Slug: t.Slug, Role: t.Role, Title: French(t.Title), URL: termPath(kind, t.Slug),
		Label: termLabels[kind][0], Body: body}
	if tv.Title == "" {
		tv.Title = t.Slug
	}
	var lede []string
	for _, x := range []string{t.Role, t.Country} {
		if x != "" && x != t.Title {
			lede = append(lede, x)
		}
	}
	tv.Lede = French(strings.Join(lede, " · "))
	for _, a := range t.Aliases {
		// Only names go under "Aussi nommé"; a description such as
		// "homologue marocain" reads wrong out of its article.
		if r, _ := utf8.DecodeRuneInString(a); unicode.IsUpper(r) || unicode.IsDigit(r) {
			tv.Names = append(tv.Names, French(a))
		}
	}
	// The term's names are folded once for the search words of all the
	// events naming it (see eventView.Search).
	tv.search = searchWords(append([]string{t.Title}, t.Aliases...)...)
	return tv, nil
}

// newYearView makes the view of year y, but for its events and its place
// in the chronology.
func newYearView(y int) *yearView {
	return &yearView{Year: y, Label: yearLabel(y), ID: fmt.Sprintf("y%d", y), URL: fmt.Sprintf("years/%d.html", y)}
}

// yearWhere is yv's place in the chronology: on the home page, or its
// overview when the home page lists only the latest events.
func (r *renderer) yearWhere(yv *yearView) string {
	if r.split() {
		return "index.html#overview"
	}
	return "index.html#" + yv.ID
}

// where is ev's place in the chronology: on the home page, or on its
// year's page when the home page lists only the latest events.
func (r *renderer) where(ev *eventView) string {
	if r.split() {
		return ev.Year.URL + "#" + ev.Slug
	}
	return "index.html#" + ev.Slug
}

// eventText sets what ev shows of its event's title, summary and date:
// taken from the view of the same event the renderer this one follows
// made (see Renderer.Next), where what they are made from is the same.
func (r *renderer) eventText(ev *eventView) {
	e, was := ev.Event, r.before[ev.Slug]
	if was != nil && was.Event.Title == e.Title {
		ev.Title = was.Title
	} else {
		ev.Title = French(e.Title)
	}
	if was != nil && was.Event.Summary == e.Summary {
		ev.Summary = was.Summary
	} else {
		ev.Summary = French(e.Summary)
	}
	if was != nil && was.Event.Date == e.Date {
		ev.Date = was.Date
	} else {
		ev.Date = newDateView(e.Date)
	}
}

// eventView makes the view of e, but for its place in the chronology and
// the lists (Year, Where, Prev, Next, Related), from the views of the
// terms and sources.
func (r *renderer) eventView(e *content.Event, terms map[*content.Term]*termView, sources map[*content.Source]*sourceView) (*eventView, error) {
	ev := &eventView{Event: e, Slug: e.Slug, URL: eventPath(e.Slug)}
	r.eventText(ev)
	ev.name(terms)
	return ev, ev.cite(sources)
}

// name gives ev the views, among terms, of the actors, places and topics
// its event names. An event may name a term the site's lists lack; it
// still gets a view, but no page, so it is shown without a link.
func (ev *eventView) name(terms map[*content.Term]*termView) {
	of := func(kind string, ts []*content.Term) []*termView {
		var out []*termView
		for _, t := range ts {
			tv := terms[t]
			if tv == nil {
				tv = &termView{Term: t, Slug: t.Slug, Role: t.Role, Title: French(t.Title), Label: termLabels[kind][0]}
			}
			out = append(out, tv)
		}
		return out
	}
	e := ev.Event
	ev.Actors, ev.Places, ev.Topics = of("actors", e.Actors), of("places", e.Places), of("topics", e.Topics)
	ev.ActorSlugs, ev.PlaceSlugs, ev.TopicSlugs = slugs(ev.Actors), slugs(ev.Places), slugs(ev.Topics)
}

// cite gives ev the views, among sources, of the sources its event cites:
// each once, in the order first cited, and each citation.
func (ev *eventView) cite(sources map[*content.Source]*sourceView) error {
	ev.Sources, ev.Cites = nil, nil
	for i, c := range ev.Event.Sources {
		sv := sources[c.Source]
		if sv == nil {
			return fmt.Errorf("%s: cites a source the site does not have", ev.Event.File)
		}
		if !slices.Contains(ev.Sources, sv) {
			ev.Sources = append(ev.Sources, sv)
		}
		ev.Cites = append(ev.Cites, citeView{Quote: c.Quote, Source: sv,
			Anchor: sv.URL + "#" + quoteID(ev.Slug, i), Original: sv.Original})
	}
	return nil
}

// quoteID is the anchor of an event's i-th citation (from 0) on its source's page.
func quoteID(slug string, i int) string { return "q-" + slug + "-" + strconv.Itoa(i+1) }

// markSource finds, in a source's text, each passage that an event citing it
// quotes, and cuts the text into plain and marked pieces. The events come in
// the timeline's order.
func markSource(sv *sourceView, f folded, citing []*eventView) {
	text := sv.Source.Text
	var ps []passage
	for _, ev := range citing {
		for i, c := range ev.Event.Sources {
			if c.Source != sv.Source {
				continue
			}
			ref := passageRef{ID: quoteID(ev.Slug, i), Quote: c.Quote, Event: ev}
			if a, b, ok := f.find(c.Quote); ok {
				ps = append(ps, passage{Start: a, End: b, ID: ref.ID, Event: ev})
				ref.Found = true
			}
			sv.passages = append(sv.passages, ref)
		}
	}
	sv.segments = segments(text, ps)
	sv.paras = paragraphs(sv.segments)
}

// reuseMarks gives sv what markSource gave was, the view of the same
// source with the same text that the renderer this one follows made, when
// the events citing it, in the timeline's order, quote the same words
// under the same anchors: only the views the passages link to are new. It
// reports whether it could; else sv is left as it was.
func reuseMarks(sv, was *sourceView, citing []*eventView) bool {
	refs := make([]passageRef, 0, len(was.Passages()))
	now := make(map[*eventView]*eventView) // was's views of the citing events → sv's
	for _, ev := range citing {
		for i, c := range ev.Event.Sources {
			if c.Source != sv.Source {
				continue
			}
			if len(refs) == len(was.Passages()) {
				return false
			}
			p := was.Passages()[len(refs)]
			if p.Quote != c.Quote || p.ID != quoteID(ev.Slug, i) {
				return false
			}
			if m, ok := now[p.Event]; ok && m != ev {
				return false
			}
			now[p.Event] = ev
			refs = append(refs, passageRef{ID: p.ID, Quote: p.Quote, Event: ev, Found: p.Found})
		}
	}
	if len(refs) != len(was.Passages()) {
		return false
	}
	relink := func(segs []segment) ([]segment, bool) {
		out := make([]segment, len(segs))
		for i, seg := range segs {
			if seg.Event != nil {
				if seg.Event = now[seg.Event]; seg.Event == nil {
					return nil, false
				}
			}
			out[i] = seg
		}
		return out, true
	}
	segs, ok := relink(was.Segments())
	if !ok {
		return false
	}
	paras := make([]para, len(was.Paras()))
	for i, p := range was.Paras() {
		if paras[i].Segs, ok = relink(p.Segs); !ok {
			return false
		}
		paras[i].Head = p.Head
	}
	sv.passages, sv.segments, sv.paras = refs, segs, paras
	return true
}

// locale is the Open Graph locale of a language.
func locale(lang string) string {
	switch lang {
	case "fr":
		return "fr_FR"
	case "en":
		return "en_GB"
	}
	return lang
}

// publishedOn says when an article appeared, as a French sentence goes on:
// "le 4 octobre 2024", "en mai 2025", "à l’été 2024", "vers 2018".
func publishedOn(v edtf.Value) string {
	fr := v.French()
	if v.Interval || !v.Certain() {
		return fr
	}
	switch v.Start.Precision() {
	case edtf.PrecisionDay:
		return "le " + fr
	case edtf.PrecisionSeason:
		if v.Start.Month == edtf.Spring {
			return "au " + fr
		}
		if v.Start.Month == edtf.Winter {
			return "en " + fr
		}
		return "à l’" + fr
	}
	return "en " + fr
}

// sourceLabel names a source briefly in lists of events: its publisher with
// when it appeared, "Quid, 2025"; else a short title, the date in brackets so
// that it does not follow an ellipsis, "Suite à la forte augmentation… (2022)".
func sourceLabel(sv *sourceView) string {
	if sv.Publisher != "" {
		if sv.Published == "" {
			return sv.Publisher
		}
		return French(sv.Publisher + ", " + sv.Published)
	}
	label := shorten(sv.Title, 36)
	if sv.Published != "" {
		label += " (" + sv.Published + ")"
	}
	return French(label)
}

// shorten cuts s to at most n characters, at a space, with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.–-") + "…"
}
