package content

import (
	"fmt"
	"io"

	"frise/timeline/edtf"
)

// Site is the whole content tree, loaded and checked: what every page,
// feed and export is rendered from.
type Site struct {
	Title       string
	Description string
	Language    string // "fr" unless _index.md says otherwise
	Intro       string // the home page's introduction, Markdown
	Params      map[string]any

	Events  []*Event  // sorted by date (edtf.Compare), then slug; drafts left out
	Sources []*Source // in the order of their files' paths
	Actors  []*Term   // every actor an event names (drafts aside), described by a file or not, sorted by slug
	Places  []*Term   // likewise for places
	Topics  []*Term   // every topic named by an event, sorted by slug

	// Warnings are problems that do not stop a build (a misspelt key, a
	// date read loosely), sorted by file and line. The sources not
	// extracted yet are in Uncited.
	Warnings []Problem

	folded  map[*Source]string // the sources' texts with white space folded, for Reread: from the Loader, or made on first use
	terms   [3]*terms          // how the actors, places and topics were found by name, for Reread
	uncited []*Source
	drafts  map[string]*Event // the drafts, by file: what they cite and name
	// linkedTo are the links read and the files they lead to, read under
	// two names; nil when none. linkedDirs says the sources or events
	// folder is a link.
	linkedTo   map[string]bool
	linkedDirs bool
}

// Uncited returns the sources directly in sources/ that no event cites,
// drafts included, in the order of Sources: those the extractor has not
// proposed events from yet.
func (s *Site) Uncited() []*Source { return s.uncited }

// Event is one dated entry of the timeline, from content/events/SLUG.md.
type Event struct {
	Slug     string     // the file name without .md: the page's name
	File     string     // the path within content/, e.g. "events/2015-11-sommet-de-la-valette.md"
	Title    string     // plain text
	Date     edtf.Value // normalised from DateText
	DateText string     // as the file writes it
	Summary  string     // plain text, may be empty
	Actors   []*Term    // resolved through titles and aliases, in the file's order
	Places   []*Term
	Topics   []*Term
	Sources  []Citation
	Status   string // "extracted" or "reviewed"
	Draft    bool
	Body     string         // Markdown, may be empty
	BodyLine int            // the file's line on which Body starts
	Params   map[string]any // the front matter's other keys, as decoded; nil when none

	names [3][]string // the actors, places and topics as the file names them
}

// String names the event by its file. A template printing an event whole
// ({{.Event}}, printf with any verb) shows that, not its body, which a page
// listing the event must not show (a preview would not know to write it
// again).
func (e *Event) String() string { return e.File }

// Format prints String whatever the verb: fmt would print every field for
// a verb such as %t or %d.
func (e *Event) Format(f fmt.State, _ rune) { io.WriteString(f, e.String()) }

// Citation is a passage of a source that supports an event.
type Citation struct {
	Source *Source
	Quote  string // occurs in Source.Text once whitespace is folded
}

// Source is an article events are drawn from, from content/sources/ID.txt or ID.md.
type Source struct {
	ID        string // the file name without its extension
	File      string // the path within content/
	Title     string
	Publisher string // as the front matter says, or as the article's byline names it; may be empty
	URL       string // the original article, may be empty
	Language  string
	Published edtf.Value // may be zero when nothing says when it appeared
	// PublishedHow says where Published comes from: "front matter", "marker",
	// "byline", "inferred" (from the dates in the text), or "" when unknown.
	PublishedHow string
	Text         string // the article's text as a reader should see it (for .md, the body)
	Raw          string // the whole file as it is on disk
	Citations    []*Event
}

// String names the source by its id, as printing it whole in a template
// shows it: not its text, nor the events citing it.
func (s *Source) String() string { return s.ID }

// Format prints String whatever the verb.
func (s *Source) Format(f fmt.State, _ rune) { io.WriteString(f, s.String()) }

// Term is an actor, a place or a topic: a page listing the events that name it.
type Term struct {
	Kind    string // "actors", "places" or "topics"
	Slug    string // the page's name: ASCII, lower case, dashes
	Title   string
	Aliases []string
	Role    string // actors: "ministre de l'Intérieur", …
	Country string
	Body    string // Markdown, from the term's own file if it has one
	File    string // the path within content/, or "" when no file describes it
	Events  []*Event

	// first is, for a term no file describes, the first event file
	// naming it, in the order files are read (see walkBefore): its
	// spelling there is the term's title. "" for a term with a file.
	first string
}

// String names the term by its title, as printing it whole in a template
// shows it: not its events, nor its file's text.
func (t *Term) String() string { return t.Title }

// Format prints String whatever the verb.
func (t *Term) Format(f fmt.State, _ rune) { io.WriteString(f, t.String()) }

// Problem is something wrong in a file of content/.
type Problem struct {
	File string // the path within content/
	Line int    // 1-based, or 0 for the whole file
	Col  int    // 1-based, or 0
	Msg  string // what is wrong, lower case, no final period
	Hint string // what to do about it, may be empty
}
