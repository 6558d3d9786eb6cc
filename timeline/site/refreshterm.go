package site

import (
	"fmt"
	"slices"
	"text/template/parse"

	"frise/timeline/content"
)

// TermLocal reports whether RefreshTerm may take in a change of an
// actor's or a place's role, country or text: the templates show an
// event only where Refresh accounts for (see Local), and a term's role,
// country and text only where RefreshTerm renders (see termLocal).
func (x *Renderer) TermLocal() bool { return x.r.termLocal() }

// RefreshTerm takes in an actor or a place whose file content.Site.
// RereadTerm read again in place (t as it is now, was as it was; was is
// the term no file described that a new file's term took the place of,
// or zero, or the term of a file deleted whose place t took): it works
// out again what the term's view shows of it, and renders, in the order
// Stream would, the term's page, the pages of its events when its role or
// country changed (the facets of an event's page show its actors' roles),
// and the home page; nothing for a term no event names, which has no
// page. Every other page would render to the same bytes as before: no
// other shows a term's role, country or text.
//
// A term given another title or other aliases (by which its events still
// name it: see RereadTerm) shows its names, and is found by them,
// wherever its title may show: its events' pages and the pages listing
// them as items, those of their years, are rendered too. The feeds and
// data exports, which show its title, are the caller's to make again.
//
// Templates that show a term's role, country or text elsewhere make
// RefreshTerm decline, render nothing and return false: see TermLocal,
// which tells so before the content is changed. So do templates that may
// show a term's names elsewhere, when its aliases changed: see Retitles.
// It returns the number of pages handed to emit.
func (x *Renderer) RefreshTerm(t *content.Term, was content.Term, emit func(name string, data []byte) error) (int, bool, error) {
	r := x.r
	renamed := t.Title != was.Title || !slices.Equal(t.Aliases, was.Aliases)
	if !r.termLocal() || renamed && !r.read().retitle {
		return 0, false, nil
	}
	tv := r.termViews()[t]
	if tv == nil && was.Slug != "" {
		// A new file describes a term no file described, or a file
		// deleted leaves its events naming a term no file describes:
		// the view of the page of the same name is the new term's.
		tv = r.termViewOf(t.Kind, t.Slug)
		if tv != nil {
			tv.Term = t
		}
	}
	if tv == nil && len(t.Events) == 0 {
		return 0, true, nil // a term no event names has no page, and no page shows it
	}
	if tv == nil {
		return 0, false, fmt.Errorf("refresh %s: not a term of the site rendered", t.File)
	}
	fresh, err := r.termView(t.Kind, t)
	if err != nil {
		return 0, false, err
	}
	x.cards, x.terms = nil, nil // stale: see Inherit
	// The view is the one every event naming the term shows.
	tv.Role, tv.Lede, tv.Body = fresh.Role, fresh.Lede, fresh.Body
	want := map[string]bool{"index.html": true, tv.URL: true}
	if t.Role != was.Role || t.Country != was.Country {
		for _, ev := range tv.Events {
			want[ev.URL] = true
		}
	}
	var items []*content.Event // the events whose parts show the term's names
	var links []*termView
	if renamed {
		items, links = tv.rename(fresh, want), []*termView{tv}
	}
	jobs := r.jobsOf(func(path string) bool { return want[path] })
	r.emit = emit
	if r.keep {
		// What templates cached through partialCached may show anything;
		// the parts of a renamed term's events and its links, its names.
		r.forget(items, links...)
	} else {
		r.cache = newPartCache()
	}
	return len(jobs), true, r.run(jobs)
}

// rename puts in tv, the view of a term every page shows, the names of
// fresh, its view made again (its title, other names and search words),
// and wants the pages that show them: its own, its events', their years'
// (whose items are found by them) and the home page. It returns the events
// whose parts show them.
func (tv *termView) rename(fresh *termView, want map[string]bool) []*content.Event {
	tv.Title, tv.Names, tv.search = fresh.Title, fresh.Names, fresh.search
	want[tv.URL], want["index.html"] = true, true
	items := make([]*content.Event, 0, len(tv.Events))
	for _, ev := range tv.Events {
		items = append(items, ev.Event)
		want[ev.URL], want[ev.Year.URL] = true, true
	}
	return items
}

// termViewOf returns the view of the term of kind and slug with a page, or
// nil.
func (r *renderer) termViewOf(kind, slug string) *termView {
	lists := map[string][]*termView{"actors": r.view.Actors, "places": r.view.Places, "topics": r.view.Topics}
	for _, tv := range lists[kind] {
		if tv.Slug == slug {
			return tv
		}
	}
	return nil
}

// A term's details are what RefreshTerm renders again, after they changed,
// only the term's page and its events' pages for: its role and country
// (and the lede made of them), shown on its own page and in the facets of
// its events' pages, and its text, shown on its own page only.
var (
	termFacts = set("Role", "Country", "Lede")
	// farTermFacts are the facts of the terms of events other than a
	// page's own, reached through lists of events, neighbours, related
	// events, the events citing or quoting a source, and the terms the
	// finder lists; the page's own event and term are the fields Event and
	// Term of the page.
	farTermFacts = reach{leads: set("Prev", "Next", "Related", "Events", "Citations", "Passages", "Segments", "Paras", "Browse", "Terms"),
		keeps: set("Actors", "Places", "Topics", "Term", "Event", "Segs", "Year", "Sources", "Cites", "Source"), hidden: termFacts}
	// termTexts are the texts of any term reached from another, or from
	// an event: only a term's own page, whose field Term it is, shows its
	// text.
	termTexts = reach{leads: set("Actors", "Places", "Topics", "Terms", "Browse"), keeps: set("Term"), hidden: set("Body")}
)

// termLocal reports whether the templates show a term's details (see
// termFacts) only where RefreshTerm renders them again, as well as an
// event only where Refresh does (local).
func (r *renderer) termLocal() bool { return r.read().term }

// checkTermLocal works out termLocal, but for local. The home page, which
// renders after every change, may show anything.
//
// A partial may name a term's details as a page's own template does: the
// page hands it what it shows. It is read as part of each template that
// gives it values reached through the lists above. The partials that
// pages' methods render (TermLink, EventLine, EventItem, EventRef) are
// given events and terms from lists: they must not name any detail.
func (r *renderer) checkTermLocal(parsed map[string]map[string]*parse.Tree, shared map[string][]*parse.Tree) bool {
	details := &reachFinder{reach: reach{hidden: set("Role", "Country", "Lede", "Body")}, shared: shared, names: map[string]bool{}}
	for _, name := range append([]string{"partials/term-link.html"}, eventParts...) {
		if details.namesHidden(name, map[string]bool{}) {
			return false
		}
	}
	for name, trees := range parsed {
		if name == "index.html" {
			continue
		}
		if farTermFacts.shownWith(trees, shared) || termTexts.shownWith(trees, shared) {
			return false
		}
	}
	return true
}
