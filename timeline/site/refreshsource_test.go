package site

import "testing"

// TestSourceLocal checks which templates let RefreshSource render, after a
// source's front matter changed, only the pages of the events citing it
// and of their years: those that show an event's sources on its own page
// and in its item, which only the home page and the years' pages list.
func TestSourceLocal(t *testing.T) {
	tests := []struct {
		name, file, add string
		local           bool
	}{
		{"the site's templates", "", "", true},
		{"the event's own sources", "events/single.html", `{{range .Event.Sources}}{{.Label}}{{.Publisher}}{{end}}`, true},
		{"the sources of the home page's events", "index.html",
			`{{range .Home.Years}}{{range .Events}}{{range .Sources}}{{.Title}}{{end}}{{end}}{{end}}`, true},
		{"a neighbour's sources", "events/single.html", `{{with .Event.Prev}}{{range .Sources}}{{.Title}}{{end}}{{end}}`, false},
		{"a related event's citations", "events/single.html", `{{range .Event.Related}}{{len .Cites}}{{end}}`, false},
		{"an event's sources in its line", "partials/event-line.html", `{{range .E.Sources}}{{.Title}}{{end}}`, false},
		{"an event's citations in its reference", "partials/event-ref.html", `{{len .E.Cites}}`, false},
		{"items on a term's page", "_default/term.html", `{{range .Term.Events}}{{$.EventItem .}}{{end}}`, false},
		{"items through a partial", "partials/footer.html", `{{with .Event}}{{$.EventItem .}}{{end}}`, false},
		{"the sources of a term's events", "_default/term.html", `{{range .Term.Events}}{{range .Sources}}{{.Label}}{{end}}{{end}}`, false},
		{"the sources of a year's events", "years/single.html", `{{range .Year.Events}}{{len .Sources}}{{end}}`, false},
		{"the sources of the events quoting a source", "sources/single.html",
			`{{range .Source.Passages}}{{range .Event.Sources}}{{.Title}}{{end}}{{end}}`, false},
		{"a related event handed to a partial that shows its sources", "events/single.html",
			`{{define "s"}}{{range .Sources}}{{.Title}}{{end}}{{end}}{{range .Event.Related}}{{template "s" .}}{{end}}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig("")
			cfg.Templates = templatesWith(t, tt.file, tt.add)
			x, err := NewRenderer(testSite(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			if !x.Local() {
				t.Fatal("the templates show events beyond what Refresh accounts for: the case tests nothing")
			}
			if got := x.r.sourceLocal(); got != tt.local {
				t.Errorf("sourceLocal() = %v, want %v", got, tt.local)
			}
		})
	}
}
