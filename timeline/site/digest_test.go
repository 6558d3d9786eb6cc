package site

import (
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
)

// TestThin checks which pages' templates show the events they list or
// link to as lines (see renderer.thin): the site's own event, term and
// source pages do, its year pages do not; a template that shows more of
// them, or hands them to anything that may, does not. Retitles holds when
// the event, term and source pages do.
func TestThin(t *testing.T) {
	const (
		ev, term, src, year = "events/single.html", "_default/term.html", "sources/single.html", "years/single.html"
	)
	site := []string{ev, term, src} // the pages the site's own templates leave thin
	tests := []struct {
		name, file, add string
		thin            []string
		more            []string // other files and what is added to them
	}{
		{"the site's templates", "", "", site, nil},
		{"a related event's topics", ev, `{{range .Event.Related}}{{range .Topics}}{{.Title}}{{end}}{{end}}`, []string{term, src}, nil},
		{"a neighbour's actors' slugs", ev, `{{with .Event.Prev}}{{.ActorSlugs}}{{end}}`, []string{term, src}, nil},
		{"a neighbour's search words through a variable", ev, `{{$n := .Event.Next}}{{$n.Search}}`, []string{term, src}, nil},
		{"a related event's sources through its content", ev, `{{range .Event.Related}}{{len .Event.Sources}}{{end}}`, []string{term, src}, nil},
		{"a neighbour's own lines", ev,
			`{{with .Event}}{{with .Prev}}{{.Title}}{{.Summary}}{{.Date.French}}{{.Year.Label}}{{.Event.DateText}}{{.}}{{end}}{{end}}`, site, nil},
		{"counting and comparing related events", ev,
			`{{with .Event}}{{if and .Related (eq (len .Related) 4) (ne .Prev .Next) (not .Prev)}}{{end}}{{end}}`, site, nil},
		{"the first related event's title", ev, `{{with index .Event.Related 0}}{{.Title}}{{end}}`, site, nil},
		{"the first related event's topics", ev, `{{with index .Event.Related 0}}{{len .Topics}}{{end}}`, []string{term, src}, nil},
		{"a related event handed to a template", ev,
			`{{define "t"}}{{.Title}}{{end}}{{range .Event.Related}}{{template "t" .}}{{end}}`, []string{term, src}, nil},
		{"a related event handed to a function", ev, `{{range .Event.Related}}{{printf "%v" .}}{{end}}`, []string{term, src}, nil},
		{"a related event piped into a function", ev, `{{range .Event.Related}}{{. | printf "%v"}}{{end}}`, []string{term, src}, nil},
		{"a related event through partialCached", ev,
			`{{range .Event.Related}}{{partialCached "partials/event-ref.html" (dict "P" $ "E" .) .Slug}}{{end}}`, []string{term, src}, nil},
		{"a related event as an item", ev, `{{range .Event.Related}}{{$.EventItem .}}{{end}}`, []string{term, src}, nil},
		{"a neighbour as a line", ev, `{{with .Event.Prev}}{{$.EventLine .}}{{end}}`, site, nil},
		{"a reference that shows an event's topics", "partials/event-ref.html", `{{range .E.Topics}}{{.Title}}{{end}}`, []string{term, src}, nil},
		{"a line that shows an event's actors", "partials/event-line.html", `{{with .E}}{{len .Actors}}{{end}}`, []string{ev, src}, nil},
		{"a line that hands its event to a template", "partials/event-line.html",
			`{{template "partials/date.html" .E}}`, []string{ev, src}, nil},
		{"a line defined twice", "partials/event-ref.html", ``, []string{term, src},
			[]string{"partials/other.html", `{{define "partials/event-ref.html"}}{{.E.TopicSlugs}}{{end}}`}},
		{"a line that hands its data to a template that shows its event's topics", "partials/event-line.html",
			`{{template "partials/y.html" $}}`, []string{ev, src}, []string{"partials/y.html", `{{with .E}}{{range .Topics}}{{.Title}}{{end}}{{end}}`}},
		{"a line that hands its data to a template of its own that shows its event's topics", "partials/event-line.html",
			`{{define "y"}}{{with .E}}{{len .Topics}}{{end}}{{end}}{{template "y" $}}`, []string{ev, src}, nil},
		{"a reference that hands its data to a partial that shows its event's topics", "partials/event-ref.html",
			`{{partialCached "partials/y.html" $ $.E.Slug $.P.Root}}`, []string{term, src},
			[]string{"partials/y.html", `{{with .E}}{{range .Topics}}{{.Title}}{{end}}{{end}}`}},
		{"a neighbour's date handed to a partial named by a variable", ev,
			`{{with .Event.Prev}}{{$n := "partials/date.html"}}{{partialCached $n .Date .Slug}}{{end}}`, []string{term, src}, nil},
		{"a template that calls itself", "partials/event-line.html",
			`{{define "z"}}{{if .}}{{template "z" ""}}{{end}}{{end}}{{template "z" "x"}}`, site, nil},
		{"a quoted passage handed to a template that shows its event's topics", src,
			`{{range .Source.Passages}}{{template "partials/y.html" .}}{{end}}`, []string{ev, term},
			[]string{"partials/y.html", `{{with .Event}}{{range .Topics}}{{.Title}}{{end}}{{end}}`}},
		{"a neighbour piped through index into an item", ev, `{{with .Event.Prev}}{{. | index | $.EventItem}}{{end}}`, []string{term, src}, nil},
		{"a related event piped through and into an item", ev, `{{range .Event.Related}}{{. | and true | $.EventItem}}{{end}}`, []string{term, src}, nil},
		{"a term's event piped through or into an item", term, `{{range .Term.Events}}{{. | or false | $.EventItem}}{{end}}`, []string{ev, src}, nil},
		{"a line's event piped through index into an item", "partials/event-line.html", `{{$.E | index | $.P.EventItem}}`, []string{ev, src}, nil},
		{"a neighbour piped through index into partialCached", ev,
			`{{.Event.Prev | index | partialCached "partials/event-item.html"}}`, []string{term, src}, nil},
		{"a neighbour's title piped into a function", ev, `{{.Event.Prev.Title | index | printf "%s"}}`, site, nil},
		{"a term's events' topics", term, `{{range .Term.Events}}{{.TopicSlugs}}{{end}}`, []string{ev, src}, nil},
		{"a term's events as items", term, `{{range .Term.Events}}{{$.EventItem .}}{{end}}`, []string{ev, src}, nil},
		{"a count of a term's events", term, `{{len .Term.Events}}{{with .Term}}{{plural (len .Events) "a" "b"}}{{end}}`, site, nil},
		{"a quoting event's places", src, `{{range .Source.Passages}}{{range .Event.Places}}{{.Title}}{{end}}{{end}}`, []string{ev, term}, nil},
		{"a marked event's summary", src,
			`{{range .Source.Paras}}{{range .Segs}}{{with .Event}}{{.Summary}}{{end}}{{end}}{{end}}`, site, nil},
		{"a year's events as lines", year, `{{define "main"}}{{range .Year.Events}}{{$.EventLine .}}{{end}}{{end}}`,
			[]string{ev, term, src, year}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpls := templatesWith(t, append([]string{tt.file, tt.add}, tt.more...)...)
			if tt.file == year { // the year's page written anew
				tmpls[year].Data = []byte(tt.add)
			}
			x := localWith(t, tmpls)
			thin := x.r.thin()
			for _, name := range []string{ev, term, src, year} {
				if want := slices.Contains(tt.thin, name); thin[name] != want {
					t.Errorf("thin[%s] = %v, want %v", name, thin[name], want)
				}
			}
			// A term's title then shows only on its page, its events'
			// pages and its events' items.
			if want := thin[ev] && thin[term] && thin[src]; x.Retitles() != want {
				t.Errorf("Retitles() = %v, want %v", x.Retitles(), want)
			}
		})
	}
	// An actor's page of its own that lists its events as items shows
	// other terms' titles.
	tmpls := templatesWith(t)
	tmpls["actors/term.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{range .Term.Events}}{{$.EventItem .}}{{end}}{{end}}`)}
	if x := localWith(t, tmpls); x.r.thin()["actors/term.html"] || x.Retitles() {
		t.Errorf("with an actor's page listing items, thin is %v and Retitles %v, want false", x.r.thin()["actors/term.html"], x.Retitles())
	}
}

// TestLineFields checks that every field of an event's view and content
// is either one a line shows, and its digest covers (sumLine), or one it
// does not: a field added later must be placed.
func TestLineFields(t *testing.T) {
	notLines := set("Event", "Actors", "Places", "Topics", "Sources", "Cites", "Prev", "Next", "Related",
		"ActorSlugs", "PlaceSlugs", "TopicSlugs", "Body", "BodyLine", "Params")
	for _, typ := range []reflect.Type{reflect.TypeFor[eventView](), reflect.TypeFor[eventView]().Field(0).Type.Elem()} {
		for f := range typ.Fields() {
			if f.IsExported() && !lineFields[f.Name] && !notLines[f.Name] {
				t.Errorf("%s.%s is neither in lineFields nor left out of lines", typ, f.Name)
			}
		}
	}
	for name := range lineFields {
		_, field := reflect.TypeFor[eventView]().FieldByName(name)
		_, method := reflect.TypeFor[*eventView]().MethodByName(name)
		if !field && !method {
			t.Errorf("lineFields names %s, which an event's view has not", name)
		}
	}
}
