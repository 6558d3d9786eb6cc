package site

import (
	"fmt"
	"regexp"
	"text/template/parse"

	"frise/timeline/content"
)

// RefreshSource takes in a source whose file content.Site.RereadSource
// read again in place, and the edits it gave, one for each event citing
// it when what their pages show of it changed: it works out again what
// the source's view shows of it (its text and the passages marked there
// included), and what the events' views show of their sources, and
// renders the source's own page, the home page, and the pages of the
// events edited and of their years, whose items show an event's sources.
// When the templates show an event's sources elsewhere too (see
// sourceLocal), it renders, as Refresh does after an edit of each event,
// every page that shows one of them. It returns the number of pages
// handed to emit, and false, rendering nothing, when the templates show an
// event beyond what Refresh accounts for (see Local).
func (x *Renderer) RefreshSource(src *content.Source, edits []content.Edit, emit func(name string, data []byte) error) (int, bool, error) {
	r := x.r
	if !r.local() {
		return 0, false, nil
	}
	views := r.sourceViews()
	sv := views[src]
	if sv == nil {
		return 0, false, fmt.Errorf("refresh %s: not a source of the site rendered", src.File)
	}
	events := func(list []*content.Event) ([]*eventView, error) {
		evs := make([]*eventView, len(list))
		for i, e := range list {
			if evs[i] = r.events[e]; evs[i] == nil {
				return nil, fmt.Errorf("refresh %s: %s is not an event of the site rendered", src.File, e.File)
			}
		}
		return evs, nil
	}
	quoting, err := events(src.Citations)
	if err != nil {
		return 0, false, err
	}
	citing := make([]*content.Event, len(edits))
	for i, ed := range edits {
		citing[i] = ed.Event
	}
	edited, err := events(citing)
	if err != nil {
		return 0, false, err
	}
	// Nothing can fail from here on but rendering.
	r.describe(sv)
	for _, ev := range edited {
		if err := ev.cite(views); err != nil {
			return 0, false, err
		}
	}
	// Its text may be new.
	fold := foldSpace(src.Text)
	if r.keep {
		sv.fold = fold
	}
	if !r.sourceLocal() {
		// refresh marks the passages again on the pages it renders.
		never := func(page string) error { return fmt.Errorf("refresh %s: %s would be removed", src.File, page) }
		return x.refresh(edits, []string{sv.URL, "index.html"}, emit, never)
	}
	sv.marks, sv.late = marks{}, nil
	markSource(sv, fold, quoting)
	want := map[string]bool{sv.URL: true, "index.html": true}
	for _, ev := range edited {
		want[ev.URL], want[ev.Year.URL] = true, true
	}
	x.cards, x.terms = nil, nil // stale: see Inherit
	jobs := r.jobsOf(func(path string) bool { return want[path] })
	r.emit = emit
	if r.keep {
		r.forget(citing) // their items show their sources
	} else {
		r.cache = newPartCache()
	}
	return len(jobs), true, r.run(jobs)
}

var (
	// farSources are the sources of events other than a page's own,
	// reached through the lists farTermFacts follows.
	farSources = reach{leads: farTermFacts.leads, keeps: set("Actors", "Places", "Topics", "Term", "Event", "Segs", "Year"),
		hidden: set("Sources", "Cites", "Citations")}
	// listsItems finds a template that renders events' items, which show
	// their sources (partials/event-item.html, through EventItem).
	listsItems = regexp.MustCompile(`EventItem|partials/event-item\.html`)
)

// sourceLocal reports whether the templates show what an event cites only
// on its own page and in its item, which only the home page and the
// years' pages list, as the site's own templates do; and an event only
// where Refresh accounts for (local). RefreshSource then renders, after a
// source's front matter or lines changed, the pages of the events citing
// it and of their years, rather than every page that shows them.
func (r *renderer) sourceLocal() bool { return r.read().source }

// checkSourceLocal works out sourceLocal, but for local. The partials that
// pages' methods render but for items (TermLink, EventLine, EventRef) are
// given events from lists: they must not name an event's sources.
func (r *renderer) checkSourceLocal(parsed map[string]map[string]*parse.Tree, shared map[string][]*parse.Tree) bool {
	for name, src := range r.sources {
		if name != "index.html" && name != "years/single.html" && name != "partials/event-item.html" && listsItems.MatchString(src) {
			return false
		}
	}
	cites := &reachFinder{reach: farSources, shared: shared, names: map[string]bool{}}
	for _, name := range []string{"partials/term-link.html", "partials/event-line.html", "partials/event-ref.html"} {
		if cites.namesHidden(name, map[string]bool{}) {
			return false
		}
	}
	for name, trees := range parsed {
		if name != "index.html" && farSources.shownWith(trees, shared) {
			return false
		}
	}
	return true
}
