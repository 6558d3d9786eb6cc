package site

import (
	"bytes"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// templatesWith returns the project's templates with add appended to file
// (made when there is none), or as they are when file is "".
func templatesWith(t *testing.T, file, add string) fstest.MapFS {
	t.Helper()
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
	if file != "" {
		var data []byte
		if f := tmpls[file]; f != nil {
			data = f.Data
		}
		tmpls[file] = &fstest.MapFile{Data: append(data, add...)}
	}
	return tmpls
}

// TestLateMarks checks that a renderer made for one Stream marks a
// source's passages only as the source's page renders when the templates
// show them there alone, that its pages are then those of a renderer that
// marked them first, and that templates which may show them elsewhere
// have them marked first.
func TestLateMarks(t *testing.T) {
	generated, err := content.Load(synth.FS(200, 1))
	if err != nil {
		t.Fatal(err)
	}
	sites := map[string]func() *content.Site{
		"by hand":   testSite,
		"generated": func() *content.Site { return generated },
	}
	tests := []struct {
		name, file, add string
		late            bool
	}{
		{"the site's templates", "", "", true},
		{"a count of passages on an event's page", "events/single.html",
			`{{define "head"}}<meta name="n" content="{{with .Event}}{{range .Cites}}{{len .Source.Passages}} {{end}}{{end}}">{{end}}`, false},
		{"paragraphs in a partial", "partials/terms.html", `{{with .E}}{{range .Cites}}<i>{{len .Source.Paras}}</i>{{end}}{{end}}`, false},
		{"another source's marks on a source's page", "sources/single.html",
			`{{define "head"}}<meta name="n" content="{{range .Source.Passages}}{{range .Event.Cites}}{{len .Source.Paras}} {{end}}{{end}}">{{end}}`, false},
		{"every source on a source's page", "sources/single.html",
			`{{define "head"}}<meta name="n" content="{{range .Site.Sources}}{{len .Segments}} {{end}}">{{end}}`, false},
	}
	for siteName, site := range sites {
		for _, tt := range tests {
			t.Run(siteName+"/"+tt.name, func(t *testing.T) {
				cfg := testConfig("https://frise.example.org/")
				cfg.Templates = templatesWith(t, tt.file, tt.add)
				x, err := newRenderer(site(), cfg, true)
				if err != nil {
					t.Fatal(err)
				}
				if got := x.r.lateMarks(); got != tt.late {
					t.Errorf("lateMarks() = %v, want %v", got, tt.late)
				}
				marked := 0
				for _, sv := range x.r.view.Sources {
					if sv.Passages != nil || sv.Paras != nil {
						marked++
					}
				}
				if tt.late && marked != 0 || !tt.late && marked == 0 {
					t.Errorf("%d of %d sources marked before any page rendered", marked, len(x.r.view.Sources))
				}
				late := streamed(t, x)
				first, err := NewRenderer(site(), cfg)
				if err != nil {
					t.Fatal(err)
				}
				want := streamed(t, first)
				if len(late) != len(want) {
					t.Fatalf("%d files, want %d", len(late), len(want))
				}
				for name, b := range want {
					if !bytes.Equal(late[name], b) {
						t.Errorf("%s differs from the page of a renderer that marked the sources first", name)
					}
				}
			})
		}
	}
}

// streamed returns what x.Stream hands over, by name.
func streamed(t *testing.T, x *Renderer) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	if err := x.Stream(func(name string, data []byte) error {
		out[name] = data
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}
