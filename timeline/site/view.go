package site

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"frise/timeline/content"
	"frise/timeline/edtf"
)

// eventView is an event as the templates see it: the content's fields, with
// its text set in French typography and its links worked out.
type eventView struct {
	*content.Event
	// Fields of the content's event that templates read are copied here:
	// a field reached through the embedded pointer is looked up by a
	// search of every embedded struct at each use.
	Slug    string
	Title   string
	Summary string
	URL     string // the page, from the site's root: "events/SLUG.html"
	Where   string // its place in the chronology: "index.html#SLUG" or "years/2015.html#SLUG"
	Date    dateView
	Year    *yearView
	Actors  []*termView
	Places  []*termView
	Topics  []*termView
	Sources []*sourceView // each source cited, once, in the order first cited
	Cites   []citeView
	Prev    *eventView
	Next    *eventView
	Related []*eventView

	// What the home page's script filters on besides Search: the slugs of
	// the event's actors, places and topics, space-separated.
	ActorSlugs, PlaceSlugs, TopicSlugs string
}

// Search returns the words the finder matches a reader's words against:
// the event's title, summary, date and the names of its terms, folded. It
// is worked out where a page lists the event (its year's page, and the
// home page for the latest), not kept: at 100,000 events that would be
// tens of megabytes held for the whole build.
func (ev *eventView) Search() string {
	size := len(ev.Event.Title) + len(ev.Event.Summary) + len(ev.Date.French) + 3
	groups := [...][]*termView{ev.Actors, ev.Places, ev.Topics}
	for _, group := range groups {
		for _, t := range group {
			size += len(t.search) + 1
		}
	}
	w := newWordList(size)
	w.add(Fold(ev.Event.Title))
	w.add(Fold(ev.Event.Summary))
	w.add(Fold(ev.Date.French))
	for _, group := range groups {
		for _, t := range group {
			if t.search == "" { // a term outside the site's lists
				w.add(Fold(t.Term.Title))
				for _, a := range t.Aliases {
					w.add(Fold(a))
				}
				continue
			}
			w.addFolded(t.search)
		}
	}
	return w.done()
}

// dateView is a date as a reader sees it and as a machine reads it.
type dateView struct {
	French string // at exactly the precision known: "novembre 2015", "vers 2018"
	ISO    string // for <time datetime>: "2015-11", "2024-10-29", "2021"; "" when none fits
	End    string // an interval's end, in ISO, or ""
	Class  string // " span", " approx", " uncertain", " ongoing", combined
}

// citeView is a quoted passage on an event's page.
type citeView struct {
	Quote    string
	Source   *sourceView
	Anchor   string // the passage on the source page: "sources/ID.html#q-…"
	Original string // the article's address, only when http(s)
}

// termView is an actor, a place or a topic.
type termView struct {
	*content.Term
	Slug   string // copied, as eventView's
	Role   string
	Title  string
	URL    string
	Label  string   // "Acteur", "Lieu", "Thème"
	Lede   string   // role and country, as far as they add to the title
	Names  []string // the aliases that are names (they start with a capital), not descriptions
	Events []*eventView
	Body   template.HTML

	search string // its title and aliases as the search box compares them
	pos    int    // where it is in the list of its kind (see numberTerms)
}

// yearView is a year of the chronology.
type yearView struct {
	Year   int
	Label  string // "2015", or "43 av. J.-C."
	ID     string // the anchor on the home page: "y2015"
	URL    string // "years/2015.html"
	Where  string // where the home page shows it: "index.html#y2015", or its overview
	Events []*eventView
}

// String is the year's label: a year printed whole, as {{.Year}} prints an
// event's, shows that, not the year's events, which only its own page and
// the home page may show.
func (yv *yearView) String() string { return yv.Label }

// Format prints String whatever the verb.
func (yv *yearView) Format(f fmt.State, _ rune) { io.WriteString(f, yv.String()) }

// sourceView is an article events are drawn from.
type sourceView struct {
	*content.Source
	Title       string
	URL         string
	Original    string // only when http(s)
	Published   string // in French, or ""
	PublishedOn string // "le 4 octobre 2024", "en mai 2025", or ""
	PubISO      string
	Publisher   string // as the source says, or as its byline names it; "" when unknown
	Label       string // publisher and date, short: "L’Opinion, octobre 2024"
	Lang        string // the article's language when it is not the site's, else ""

	marks        // the passages quoted, marked: see Passages, Segments and Paras
	fold  folded // the text folded, kept by a renderer that remembers (see Renderer.Next)
	// late, for a renderer made for one Stream, works the marks out the
	// first time a page asks for them, as the source's page does; else nil.
	late *lateMarks
}

// marks are a source's text cut into plain and marked pieces, by
// markSource.
type marks struct {
	passages []passageRef
	segments []segment
	paras    []para // the segments by paragraph
}

// lateMarks work out a source's marks once, on first use: a large
// timeline's sources are then not all held cut apart through a build, only
// from their own pages on, whichever page asks first, on whichever core.
type lateMarks struct {
	once   sync.Once
	citing []*eventView // the events citing the source, in the timeline's order
}

// marked returns the source's marks, worked out first if they are late.
func (sv *sourceView) marked() *marks {
	if l := sv.late; l != nil {
		l.once.Do(func() { markSource(sv, foldSpace(sv.Source.Text), l.citing) })
	}
	return &sv.marks
}

// Passages lists the passages that the events citing the source quote, in
// the timeline's order, each with whether it was found in the text.
func (sv *sourceView) Passages() []passageRef { return sv.marked().passages }

// Segments is the source's text cut into plain and marked pieces.
func (sv *sourceView) Segments() []segment { return sv.marked().segments }

// Paras are the segments by paragraph.
func (sv *sourceView) Paras() []para { return sv.marked().paras }

// passageRef is an entry of the list of quoted passages on a source page.
type passageRef struct {
	ID    string
	Quote string
	Event *eventView
	Found bool // whether the passage was found in the text (else the entry holds the anchor)
}

// termLabels name each kind of term, singular and plural.
var termLabels = map[string][2]string{
	"actors": {"Acteur", "Acteurs"},
	"places": {"Lieu", "Lieux"},
	"topics": {"Thème", "Thèmes"},
}

// isoDate writes d as an HTML date at its precision: a year, a month or a
// day; "" for dates HTML cannot write (before year 1, unknown digits).
func isoDate(d edtf.Date) string {
	if d.Year < 1 || d.Year > 9999 || d.UnspecifiedYear > 0 {
		return ""
	}
	var b [10]byte
	switch d.Precision() {
	case edtf.PrecisionDay:
		return string(edtf.AppendYMD(b[:0], d.Year, d.Month, d.Day))
	case edtf.PrecisionMonth:
		return string(edtf.AppendYMD(b[:0], d.Year, d.Month, 0))
	}
	return string(edtf.AppendYMD(b[:0], d.Year, 0, 0))
}

// newDateView describes v for the pages.
func newDateView(v edtf.Value) dateView {
	dv := dateView{French: v.French()}
	var classes []string
	switch {
	case !v.Interval:
		dv.ISO = isoDate(v.Start)
	case v.StartKind == edtf.Known:
		dv.ISO = isoDate(v.Start)
		if v.EndKind == edtf.Known {
			dv.End = isoDate(v.End)
		}
	default:
		dv.End = isoDate(v.End)
	}
	if v.Interval {
		classes = append(classes, "span")
		if v.EndKind == edtf.Open {
			classes = append(classes, "ongoing")
		}
	}
	for _, d := range v.Dates() {
		if d.Qualifier&edtf.Approximate != 0 && !contains(classes, "approx") {
			classes = append(classes, "approx")
		}
		if d.Qualifier&edtf.Uncertain != 0 && !contains(classes, "uncertain") {
			classes = append(classes, "uncertain")
		}
	}
	if len(classes) > 0 {
		dv.Class = " " + strings.Join(classes, " ")
	}
	return dv
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// yearLabel writes a year as French prose does.
func yearLabel(y int) string {
	if y <= 0 {
		return fmt.Sprintf("%d av. J.-C.", 1-y)
	}
	return fmt.Sprint(y)
}

// slugs joins the slugs of ts with spaces.
func slugs(ts []*termView) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.Slug
	}
	return strings.Join(s, " ")
}
