package site

import (
	"bytes"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// templatesWith returns the project's templates with, for each pair of
// file and text given, the text appended to the file (made when there is
// none); a pair whose file is "" changes nothing.
func templatesWith(t *testing.T, changes ...string) fstest.MapFS {
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
	for i := 0; i+1 < len(changes); i += 2 {
		file, add := changes[i], changes[i+1]
		if file == "" {
			continue
		}
		var data []byte
		if f := tmpls[file]; f != nil {
			data = f.Data
		}
		tmpls[file] = &fstest.MapFile{Data: append(data, add...)}
	}
	return tmpls
}

// localWith returns a renderer of testSite with the templates tmpls,
// failing unless they are local: a case whose templates show events
// beyond what Refresh accounts for tests nothing of what follows.
func localWith(t *testing.T, tmpls fs.FS) *Renderer {
	t.Helper()
	cfg := testConfig("")
	cfg.Templates = tmpls
	x, err := NewRenderer(testSite(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !x.Local() {
		t.Fatal("the templates show events beyond what Refresh accounts for: the case tests nothing")
	}
	return x
}

// TestLateMarks checks that a renderer made for one Stream marks no
// source's passages before a page asks for them, and renders the pages a
// renderer that marked every source first renders, whatever page shows a
// source's marks: its own, an event's, a partial's, another source's,
// through a template of the sources' page given another source.
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
		name    string
		changes []string // file, text appended, …
	}{
		{"the site's templates", nil},
		{"a count of passages on an event's page", []string{"events/single.html",
			`{{define "head"}}<meta name="n" content="{{with .Event}}{{range .Cites}}{{len .Source.Passages}} {{end}}{{end}}">{{end}}`}},
		{"paragraphs in a partial", []string{"partials/terms.html", `{{with .E}}{{range .Cites}}<i>{{len .Source.Paras}}</i>{{end}}{{end}}`}},
		{"another source's marks on a source's page", []string{"sources/single.html",
			`{{define "head"}}<meta name="n" content="{{range .Source.Passages}}{{range .Event.Cites}}{{len .Source.Paras}} {{end}}{{end}}">{{end}}`}},
		{"every source on a source's page", []string{"sources/single.html",
			`{{define "head"}}<meta name="n" content="{{range .Site.Sources}}{{len .Segments}} {{end}}">{{end}}`}},
		{"a template of the sources' page given another source", []string{
			"partials/hop.html", `{{range .Cites}}{{template "marks" .Source}}{{end}}`,
			"sources/single.html", `{{define "marks"}}{{len .Paras}},{{end}}` +
				`{{define "head"}}<meta name="n" content="{{range .Source.Passages}}{{template "partials/hop.html" .Event}}{{end}}">{{end}}`}},
	}
	for siteName, site := range sites {
		for _, tt := range tests {
			t.Run(siteName+"/"+tt.name, func(t *testing.T) {
				cfg := testConfig("https://frise.example.org/")
				cfg.Templates = templatesWith(t, tt.changes...)
				x, err := newRenderer(site(), cfg, true)
				if err != nil {
					t.Fatal(err)
				}
				for _, sv := range x.r.view.Sources {
					if sv.late == nil || sv.passages != nil || sv.paras != nil {
						t.Fatalf("%s marked before any page asked", sv.Source.ID)
					}
				}
				late := streamed(t, x)
				for _, sv := range x.r.view.Sources {
					if sv.paras == nil {
						t.Errorf("%s not marked once its page rendered", sv.Source.ID)
					}
				}
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

// TestPartsShowingTheirPage renders lines that show their page's title:
// each page must show its own, not that of the first page of its depth
// to render the line (see partsByDepth).
func TestPartsShowingTheirPage(t *testing.T) {
	cfg := testConfig("")
	cfg.Templates = templatesWith(t, "partials/event-line.html", `<i>{{.P.Title}}</i>`)
	out, err := Render(testSite(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"actors/union-europeenne.html", "places/maroc.html", "topics/migration.html"} {
		title := map[string]string{"actors/union-europeenne.html": "Union européenne", "places/maroc.html": "Maroc",
			"topics/migration.html": "migration"}[page]
		html := string(out[page])
		if !strings.Contains(html, "<i>"+title+"</i>") {
			t.Fatalf("%s lists no line showing its title %q", page, title)
		}
		if n := strings.Count(html, "<i>"); n != strings.Count(html, "<i>"+title+"</i>") {
			t.Errorf("%s: lines show another page's title", page)
		}
	}
}

// TestPartsLinkWhole renders event references that link to an anchor of
// the event's page, on that page too: rendered once per event and depth
// of page, a reference writes its links whole, on every page alike, not
// as an anchor of the page that rendered it first.
func TestPartsLinkWhole(t *testing.T) {
	cfg := testConfig("")
	tmpls := templatesWith(t)
	ref := string(tmpls["partials/event-ref.html"].Data)
	tmpls["partials/event-ref.html"].Data = []byte(strings.Replace(ref, `{{$p.Rel .URL}}`, `{{$p.Rel (print .URL "#top")}}`, 1))
	single := string(tmpls["events/single.html"].Data)
	tmpls["events/single.html"].Data = []byte(strings.Replace(single, "</article>", `<ul class="self">{{$.EventRef .}}</ul></article>`, 1))
	cfg.Templates = tmpls
	for range 3 { // the pages render on every core, in any order
		out, err := Render(testSite(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		for name, b := range out {
			if !strings.HasPrefix(name, "events/") {
				continue
			}
			self := `<ul class="self"><li><a href="../` + name + `#top">`
			if !strings.Contains(string(b), self) {
				t.Fatalf("%s does not link to itself whole: %s", name, b)
			}
		}
	}
}

// TestSitePrinted prints the site whole on a page: its title, not its
// lists, which a page's digest does not cover.
func TestSitePrinted(t *testing.T) {
	cfg := testConfig("")
	cfg.Templates = templatesWith(t, "events/single.html", `{{define "title"}}{{.Site}}|{{printf "%v" .Site}}{{end}}`)
	out, err := Render(testSite(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	home := regexp.MustCompile(`<h1>([^<]*)</h1>`).FindSubmatch(out["index.html"])
	if home == nil {
		t.Fatal("the home page has no heading")
	}
	title := string(home[1]) // the site's title, as the home page shows it
	for name, b := range out {
		if strings.HasPrefix(name, "events/") && !strings.Contains(string(b), "<title>"+title+"|"+title+"</title>") {
			t.Errorf("%s: the site printed is not its title %q: %.300s", name, title, b)
		}
	}
}

// TestPrintedWhole prints a page and a part whole: they show the page's
// path and the part's event, the same at every render, not addresses.
func TestPrintedWhole(t *testing.T) {
	cfg := testConfig("")
	cfg.Templates = templatesWith(t, "partials/event-line.html", `<i>{{$}}</i>`,
		"events/single.html", `{{define "title"}}{{.}}{{end}}`)
	first, err := Render(testSite(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Render(testSite(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range first {
		if !bytes.Equal(b, again[name]) {
			t.Errorf("%s differs from one render to the next", name)
		}
		if strings.HasPrefix(name, "events/") && !strings.Contains(string(b), "<title>"+name+"</title>") {
			t.Errorf("%s: the page printed is not its path", name)
		}
	}
	if !regexp.MustCompile(`<i>events/[^<]+\.md</i>`).Match(first["actors/union-europeenne.html"]) {
		t.Errorf("an actor's lines do not print their events' files: %s", first["actors/union-europeenne.html"])
	}
}
