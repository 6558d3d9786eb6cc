package site

import (
	"bytes"
	"html/template"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"text/template/parse"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// dateLine is a full date in an event's front matter.
var dateLine = regexp.MustCompile(`(?m)^date: (\d{4})-(\d{2})-\d{2}$`)

// TestLocal checks which templates let a preview render only the pages an
// edit touches: the site's own do; one that shows more on an event's or a
// source's page does not.
func TestLocal(t *testing.T) {
	tests := []struct {
		name, file, add string
		local           bool
	}{
		{"the site's templates", "", "", true},
		{"every event on an event's page", "events/single.html", `{{range .Site.Events}}{{.Title}}{{end}}`, false},
		{"the year's events on an event's page", "events/single.html", `{{with .Event}}{{range .Year.Events}}{{.Title}}{{end}}{{end}}`, false},
		{"an actor's events in a partial", "partials/terms.html", `{{range .E.Actors}}{{len .Events}}{{end}}`, false},
		{"the neighbour's neighbour", "events/single.html", `{{with .Event}}{{.Prev.Prev.Title}}{{end}}`, false},
		{"every source in the footer", "partials/footer.html", `{{len .Site.Sources}}`, false},
		{"every event on the home page", "index.html", `{{len .Site.Events}}`, true},
		{"an event's body in a list", "partials/event-line.html", `{{.E.Body}}`, false},
		{"an event's body on the home page", "index.html", `{{range .Home.Years}}{{range .Events}}{{.Body}}{{end}}{{end}}`, false},
		{"a neighbour in a list", "partials/event-item.html", `{{with .E.Prev}}{{.Title}}{{end}}`, false},
		{"related events on a source's page", "sources/single.html", `{{range .Source.Passages}}{{len .Event.Related}}{{end}}`, false},
		{"a count on a year's page", "years/single.html", `{{len .Year.Events}}`, true},
		{"the neighbour's neighbour, one inside the other", "events/single.html",
			`{{with .Event}}{{with .Prev}}{{with .Prev}}{{.Title}}{{end}}{{end}}{{end}}`, false},
		{"a related event's neighbour", "events/single.html",
			`{{with .Event}}{{range .Related}}{{with .Next}}{{.Title}}{{end}}{{end}}{{end}}`, false},
		{"a neighbour's related events", "events/single.html", `{{with .Event.Next}}{{len .Related}}{{end}}`, false},
		{"a neighbour's neighbour through a variable", "events/single.html",
			`{{$p := .Event.Prev}}{{with $p}}{{$p.Prev.Title}}{{end}}`, false},
		{"a related event's neighbour through range's variable", "events/single.html",
			`{{range $i, $e := .Event.Related}}{{$e.Next.Title}}{{end}}`, false},
		{"a neighbour's neighbour in parentheses", "events/single.html", `{{(.Event.Prev).Next.Title}}`, false},
		{"a neighbour given to a template that shows its neighbour", "events/single.html",
			`{{define "voisin"}}{{.Prev.Title}}{{end}}{{with .Event}}{{template "voisin" .Next}}{{end}}`, false},
		{"a neighbour given to a template that calls one that shows its neighbour", "events/single.html",
			`{{define "v1"}}{{template "v2" .}}{{end}}{{define "v2"}}{{.Prev.Title}}{{end}}{{with .Event}}{{range .Related}}{{template "v1" .}}{{end}}{{end}}`, false},
		{"a neighbour's and a related event's own fields", "events/single.html",
			`{{with .Event}}{{with .Prev}}{{.Title}}{{.Date.French}}{{end}}{{range .Related}}{{.Title}}{{$.Rel .URL}}{{end}}{{end}}`, true},
		{"a neighbour given to a template that shows its title", "events/single.html",
			`{{define "voisin"}}{{.Title}}{{end}}{{with .Event}}{{template "voisin" .Next}}{{end}}`, true},
		{"the page's own neighbour from inside a neighbour", "events/single.html",
			`{{with .Event.Prev}}{{$.Event.Next.Title}}{{end}}`, true},
		{"every source through with", "_default/term.html", `{{with .Site}}{{range .Sources}}{{.Title}}{{end}}{{end}}`, false},
		{"every actor through a variable", "years/single.html", `{{$s := .Site}}{{len $s.Actors}}`, false},
		{"the site handed to a partial", "_default/term.html", `{{partialCached "partials/footer.html" .Site "k"}}`, false},
		{"the site handed to a template", "sources/single.html", `{{template "partials/footer.html" .Site}}`, false},
		{"every year in a partial given the page", "partials/footer.html", `{{with .Site}}{{len .Years}}{{end}}`, false},
		{"the site's title through with", "_default/term.html", `{{with .Site}}{{.Title}}{{end}}`, true},
		{"an actor's events on a year's page", "years/single.html",
			`{{range .Year.Events}}{{range .Actors}}{{len .Events}}{{end}}{{end}}`, false},
		{"a year's events on a term's page", "_default/term.html",
			`{{range .Term.Events}}{{with .Year}}{{len .Events}}{{end}}{{end}}`, false},
		{"another term's events on a term's page through a variable", "actors/term.html",
			`{{range $e := .Term.Events}}{{range $t := $e.Topics}}{{len $t.Events}}{{end}}{{end}}`, false},
		{"the year's own events from its events", "years/single.html",
			`{{range .Year.Events}}{{.Year.Label}}{{end}}{{with .Year}}{{len .Events}}{{end}}`, true},
		{"a neighbour's body", "events/single.html", `{{with .Event}}{{with .Prev}}{{.Event.Body}}{{end}}{{end}}`, false},
		{"a related event's body through a variable", "events/single.html",
			`{{range $r := .Event.Related}}{{$r.Event.Body}}{{end}}`, false},
		{"the events citing a source", "events/single.html",
			`{{range .Event.Cites}}{{range .Source.Citations}}{{.Title}}{{end}}{{end}}`, false},
		{"an event's body on a term's page", "_default/term.html", `{{range .Term.Events}}{{.Event.Body}}{{end}}`, false},
		{"the event's own text", "events/single.html", `{{with .Event}}{{.Event.Body}}{{end}}{{$.Body}}`, true},
		{"the term's own text", "_default/term.html", `{{with .Term}}{{.Body}}{{.Term.Body}}{{end}}`, true},
		{"the events citing a cited source", "events/single.html",
			`{{with .Event}}{{range .Cites}}{{range .Source.Passages}}<p>{{.Event.Title}}</p>{{end}}{{end}}{{end}}`, false},
		{"a cited source's passages in a list", "partials/event-line.html", `{{range .E.Cites}}{{len .Source.Passages}}{{end}}`, false},
		{"another source's passages on a source's page", "sources/single.html",
			`{{range .Source.Passages}}{{range .Event.Cites}}{{len .Source.Passages}}{{end}}{{end}}`, false},
		{"another source's text on a source's page", "sources/single.html",
			`{{range .Source.Passages}}{{range .Event.Event.Sources}}{{len .Source.Text}}{{end}}{{end}}`, false},
		{"a cited source's text", "events/single.html", `{{with .Event}}{{range .Cites}}<p>{{len .Source.Text}}</p>{{end}}{{end}}`, false},
		{"a variable set to a related event after its use", "events/single.html",
			`{{with .Event}}{{$x := .}}{{range .Related}}<p>{{with $x.Next}}{{.Title}}{{end}}</p>{{$x = .}}{{end}}{{end}}`, false},
		{"a variable set to the site after its use", "events/single.html",
			`{{$s := .Event}}{{range .Event.Related}}{{len $s.Sources}}{{$s = $.Site}}{{end}}`, false},
		{"a variable set to a year after its use", "_default/term.html",
			`{{$x := .Term}}{{range .Term.Events}}{{len $x.Events}}{{$x = .Year}}{{end}}`, false},
		{"a neighbour handed to a partial, which names no hidden field", "events/single.html",
			`{{with .Event}}{{with .Prev}}{{template "partials/date.html" .}}{{end}}{{end}}`, true},
		{"the browsing lists' terms' events on a year's page", "years/single.html",
			`{{range $.Browse}}{{range .Terms}}<p>{{len .Events}}</p>{{end}}{{end}}`, false},
		{"a partial named like a term's page", "partials/term.html", `{{range .T.Events}}{{.Title}}{{end}}`, false},
		{"a neighbour's neighbour through dict", "events/single.html",
			`{{with .Event}}{{with .Prev}}{{with dict "e" .}}{{with .e.Prev}}{{.Title}}{{end}}{{end}}{{end}}{{end}}`, false},
		{"an actor's events through dict on a year's page", "years/single.html",
			`{{range .Year.Events}}{{with dict "a" .Actors}}{{range .a}}{{len .Events}}{{end}}{{end}}{{end}}`, false},
		{"a template handing a neighbour to a partial", "events/single.html",
			`{{define "v"}}{{template "partials/date.html" .}}{{end}}{{with .Event}}{{with .Prev}}{{template "v" .}}{{end}}{{end}}`, true},
		{"related events listed through their partial and dict", "events/single.html",
			`{{with .Event}}{{range .Related}}{{template "partials/event-ref.html" (dict "P" $ "E" .)}}{{end}}{{end}}`, true},
		{"a term's events listed through partialCached and dict", "_default/term.html",
			`{{range .Term.Events}}{{partialCached "partials/event-line.html" (dict "P" $ "E" .) .URL $.Root}}{{end}}`, true},
		{"a line that shows its page's own event", "partials/event-line.html", `{{with .P.Event}}{{len .Topics}}{{end}}`, false},
		{"an item that shows its page's finder", "partials/event-item.html", `{{range .P.Browse}}<b>{{len .Terms}}</b>{{end}}`, false},
		{"a link that hands its page to a template", "partials/term-link.html", `{{template "partials/date.html" .P}}`, false},
		{"a line that prints its page", "partials/event-line.html", `{{with .P}}{{.}}{{end}}`, false},
		{"a link that prints its page's data", "partials/term-link.html", `{{.P}}`, false},
		{"a line that links through its page", "partials/event-line.html", `{{with .P}}{{.Rel "index.html"}}{{.Root}}{{end}}`, true},
		{"a neighbour's neighbour through a map piped into", "events/single.html",
			`{{with .Event.Prev}}{{with . | dict "e"}}{{with .e.Prev}}{{.Title}}{{end}}{{end}}{{end}}`, false},
		{"an actor's events through a map piped into on a year's page", "years/single.html",
			`{{range .Year.Events}}{{with . | dict "e"}}{{range .e.Actors}}{{len .Events}}{{end}}{{end}}{{end}}`, false},
		{"the site piped into a partial", "_default/term.html", `{{.Site | partialCached "partials/footer.html"}}`, false},
		{"the site piped into a partial by a partial", "partials/footer.html", `{{.Site | partialCached "partials/header.html"}}`, false},
		{"the site's settings handed to functions", "_default/term.html",
			`{{index .Site.Params "auteur"}}{{printf "%s" .Site.Title}}{{fr .Site.Description}}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig("")
			cfg.Templates = templatesWith(t, tt.file, tt.add)
			x, err := NewRenderer(testSite(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			if got := x.Local(); got != tt.local {
				t.Errorf("Local() = %v, want %v", got, tt.local)
			}
		})
	}
}

// TestInherit checks that a renderer made after an event's date changed
// takes the parts its predecessor rendered of every event and term that
// did not change, none of the changed event's, and renders the same pages
// as a renderer made from scratch; and that it takes nothing when the
// templates changed in between.
func TestInherit(t *testing.T) {
	tree := synth.FS(300, 3)
	s1, err := content.Load(tree)
	if err != nil {
		t.Fatal(err)
	}
	var file string
	for name := range tree {
		if strings.HasPrefix(name, "events/") && dateLine.Match(tree[name].Data) {
			file = name
			break
		}
	}
	tree[file] = &fstest.MapFile{Data: dateLine.ReplaceAll(tree[file].Data, []byte("date: $1-$2"))}
	s2, err := content.Load(tree)
	if err != nil {
		t.Fatal(err)
	}
	templates := templatesWith(t)
	cfg := testConfig("https://frise.example.org/")
	cfg.Templates = templates
	discard := func(string, []byte) error { return nil }
	before := func() *Renderer {
		x, err := NewRenderer(s1, cfg)
		if err != nil {
			t.Fatal(err)
		}
		x.Remember()
		if err := x.Stream(discard); err != nil {
			t.Fatal(err)
		}
		x.Digests()
		return x
	}
	parts := func(x *Renderer) map[any]int {
		n := map[any]int{}
		x.r.cache.parts.each(func(pk partKey, _ template.HTML) {
			n[pk.item]++
		})
		return n
	}

	x := before()
	y, err := x.Next(s2)
	if err != nil {
		t.Fatal(err)
	}
	y.Digests()
	y.Inherit(x)
	got := parts(y)
	changed := y.r.events[s2.Events[slices.IndexFunc(s2.Events, func(e *content.Event) bool { return e.File == file })]]
	if len(got) < len(s2.Events)/2 {
		t.Errorf("the new renderer took the parts of %d events and terms, of %d events", len(got), len(s2.Events))
	}
	if got[changed] > 0 {
		t.Errorf("the new renderer took %d parts of the event whose date changed", got[changed])
	}
	rendered := map[string][]byte{}
	if _, err := y.Render(func(string) bool { return true }, func(name string, b []byte) error {
		rendered[name] = b
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want, err := Render(s2, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range rendered {
		if !bytes.Equal(b, want[name]) {
			t.Errorf("%s differs from a render from scratch", name)
		}
	}

	// A partial changed between the two: nothing is taken.
	x = before()
	templates["partials/event-line.html"] = &fstest.MapFile{Data: append([]byte("<!-- autre -->"), templates["partials/event-line.html"].Data...)}
	y, err = x.Next(s2)
	if err != nil {
		t.Fatal(err)
	}
	y.Digests()
	y.Inherit(x)
	if n := len(parts(y)); n > 0 {
		t.Errorf("after a template changed, the new renderer took the parts of %d events and terms", n)
	}
}

// TestDigestsOnEveryCore checks that the digests made on several cores are
// those made on one, and that a renderer that remembers keeps every
// event's and listed term's for Inherit.
func TestDigestsOnEveryCore(t *testing.T) {
	s, err := content.Load(synth.FS(300, 5))
	if err != nil {
		t.Fatal(err)
	}
	digests := func(procs int) (*Renderer, map[string]uint64) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		x, err := NewRenderer(s, testConfig("https://frise.example.org/"))
		if err != nil {
			t.Fatal(err)
		}
		x.Remember()
		return x, x.Digests()
	}
	_, one := digests(1)
	x, many := digests(4)
	if !maps.Equal(one, many) {
		t.Fatalf("on four cores, %d digests differ from those made on one", len(one))
	}
	if len(many) < len(s.Events)+len(s.Sources) {
		t.Errorf("%d digests for %d events and %d sources", len(many), len(s.Events), len(s.Sources))
	}
	if len(x.cards) != len(x.r.view.Events) {
		t.Errorf("%d events' digests kept, want %d", len(x.cards), len(x.r.view.Events))
	}
	if n := len(x.r.view.Actors) + len(x.r.view.Places) + len(x.r.view.Topics); len(x.terms) < n {
		t.Errorf("%d terms' digests kept, want at least %d", len(x.terms), n)
	}
}

// TestCallsIntoPages checks which templates of the base layout and the
// partials call into a page's file: the project's do not.
func TestCallsIntoPages(t *testing.T) {
	tests := []struct {
		name  string
		files []string // file, text appended, …
		calls bool
	}{
		{"the site's templates", nil, false},
		{"a partial calling a template of a year's page", []string{
			"partials/browse.html", `{{range .Browse}}{{range .Terms}}{{template "te" .}}{{end}}{{end}}`,
			"years/single.html", `{{define "te"}}{{len .Events}}{{end}}`}, true},
		{"the base layout giving a page's block something else", []string{
			"_default/baseof.html", `{{template "main" .Site}}`}, true},
		{"the base layout filling a page's block in a loop", []string{
			"_default/baseof.html", `{{range .Browse}}{{block "main" .}}{{end}}{{end}}`}, true},
		{"a partial a page's file replaces", []string{
			"events/single.html", `{{define "partials/date.html"}}{{.Prev.Title}}{{end}}`}, true},
		{"the base layout's own template giving a page's block something else", []string{
			"_default/baseof.html", `{{range .Browse}}{{template "frame" (dict "Year" .)}}{{end}}{{define "frame"}}{{template "title" .}}{{end}}`}, true},
		{"a page calling the base layout", []string{
			"events/single.html", `{{with .Event}}{{with .Prev}}{{template "_default/baseof.html" .}}{{end}}{{end}}`}, true},
		{"a page calling the base layout's block", []string{
			"years/single.html", `{{template "head" .}}`}, true},
		{"a partial calling another partial", []string{
			"partials/browse.html", `{{template "partials/date.html" .}}`}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parsed := map[string]map[string]*parse.Tree{}
			for name, f := range templatesWith(t, tt.files...) {
				trees, err := parseTrees(name, string(f.Data))
				if err != nil {
					t.Fatal(err)
				}
				parsed[name] = trees
			}
			if got := callsIntoPages(parsed); got != tt.calls {
				t.Errorf("callsIntoPages = %v, want %v", got, tt.calls)
			}
		})
	}
}
