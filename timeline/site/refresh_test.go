package site

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpls := fstest.MapFS{}
			err := fs.WalkDir(os.DirFS("../../templates"), ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := fs.ReadFile(os.DirFS("../../templates"), p)
				tmpls[p] = &fstest.MapFile{Data: b}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if tt.file != "" {
				tmpls[tt.file] = &fstest.MapFile{Data: append(tmpls[tt.file].Data, tt.add...)}
			}
			cfg := testConfig("")
			cfg.Templates = tmpls
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
