package site

import (
	"regexp"
	"testing"
	"testing/fstest"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// TestSourceLocal checks which templates let RefreshSource render, after a
// source's front matter changed, only the pages of the events citing it
// and of their years: those that show an event's sources on its own page
// and in its item, which only the home page and the years' pages list.
func TestSourceLocal(t *testing.T) {
	tests := []struct {
		name, file, add string
		local           bool
		more            []string // other files and what is added to them
	}{
		{"the site's templates", "", "", true, nil},
		{"the event's own sources", "events/single.html", `{{range .Event.Sources}}{{.Label}}{{.Publisher}}{{end}}`, true, nil},
		{"the sources of the home page's events", "index.html",
			`{{range .Home.Years}}{{range .Events}}{{range .Sources}}{{.Title}}{{end}}{{end}}{{end}}`, true, nil},
		{"a neighbour's sources", "events/single.html", `{{with .Event.Prev}}{{range .Sources}}{{.Title}}{{end}}{{end}}`, false, nil},
		{"a related event's citations", "events/single.html", `{{range .Event.Related}}{{len .Cites}}{{end}}`, false, nil},
		{"an event's sources in its line", "partials/event-line.html", `{{range .E.Sources}}{{.Title}}{{end}}`, false, nil},
		{"an event's citations in its reference", "partials/event-ref.html", `{{len .E.Cites}}`, false, nil},
		{"items on a term's page", "_default/term.html", `{{range .Term.Events}}{{$.EventItem .}}{{end}}`, false, nil},
		{"items through a partial", "partials/footer.html", `{{with .Event}}{{$.EventItem .}}{{end}}`, false, nil},
		{"the sources of a term's events", "_default/term.html", `{{range .Term.Events}}{{range .Sources}}{{.Label}}{{end}}{{end}}`, false, nil},
		{"the sources of a year's events", "years/single.html", `{{range .Year.Events}}{{len .Sources}}{{end}}`, false, nil},
		{"the sources of the events quoting a source", "sources/single.html",
			`{{range .Source.Passages}}{{range .Event.Sources}}{{.Title}}{{end}}{{end}}`, false, nil},
		{"a neighbour piped into a partial that shows its sources", "events/single.html",
			`{{with .Event.Prev}}{{. | partialCached "partials/cites.html"}}{{end}}`, false,
			[]string{"partials/cites.html", `{{range .Sources}}{{.Title}}{{end}}`}},
		{"a related event handed to a partial that shows its sources", "events/single.html",
			`{{define "s"}}{{range .Sources}}{{.Title}}{{end}}{{end}}{{range .Event.Related}}{{template "s" .}}{{end}}`, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := localWith(t, templatesWith(t, append([]string{tt.file, tt.add}, tt.more...)...))
			if got := x.r.sourceLocal(); got != tt.local {
				t.Errorf("sourceLocal() = %v, want %v", got, tt.local)
			}
		})
	}
}

// TestDigestsSourceDate gives a cited source a date written otherwise but
// read alike (2019-03 and 2019-03-XX are both "mars 2019"): a template may
// show it as written, so the pages of the events citing it get other
// digests.
func TestDigestsSourceDate(t *testing.T) {
	tree := synth.FS(40, 5)
	const file = "sources/article-000001.md"
	published := regexp.MustCompile(`(?m)^published: .*$`)
	digests := func(date string) (map[string]uint64, *content.Site) {
		tree[file] = &fstest.MapFile{Data: published.ReplaceAll(tree[file].Data, []byte("published: "+date))}
		s, err := content.Load(tree)
		if err != nil {
			t.Fatal(err)
		}
		x, err := NewRenderer(s, testConfig(""))
		if err != nil {
			t.Fatal(err)
		}
		return x.Digests(), s
	}
	before, _ := digests("2019-03")
	after, s := digests("2019-03-XX")
	var citing []string
	for _, src := range s.Sources {
		if src.File == file {
			for _, e := range src.Citations {
				citing = append(citing, "events/"+e.Slug+".html")
			}
		}
	}
	if len(citing) == 0 {
		t.Fatalf("no event cites %s", file)
	}
	for _, page := range citing {
		if before[page] == after[page] {
			t.Errorf("%s: the same digest for a source's date written otherwise", page)
		}
	}
}
