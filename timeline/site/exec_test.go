package site

import (
	"bytes"
	"maps"
	"os"
	"slices"
	"testing"

	"frise/timeline/content"
	"frise/timeline/synth"
)

// TestExecutedAlike renders the test site, the content and synthetic
// events with htmlexec and with html/template alone, minified or not, and
// checks that every file has the same bytes, and that htmlexec ran every
// page and part of the site's own templates.
func TestExecutedAlike(t *testing.T) {
	for name, s := range sampleSites(t) {
		for _, minify := range []bool{false, true} {
			cfg := testConfig("https://frise.example.org/")
			cfg.Minify = minify
			declined := executedAlike(t, s, cfg)
			if declined != 0 {
				t.Errorf("%s, minified %v: htmlexec left %d executions to html/template", name, minify, declined)
			}
		}
	}
}

// sampleSites are the test site, the repository's content and 150
// synthetic events, by name.
func sampleSites(t *testing.T) map[string]*content.Site {
	t.Helper()
	own, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	made, err := content.Load(synth.FS(150, 5))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*content.Site{"test": testSite(), "content": own, "synthetic": made}
}

// executedAlike renders s with cfg both ways, checks that the files are
// the same, and returns how many executions htmlexec declined.
func executedAlike(t *testing.T, s *content.Site, cfg Config) int64 {
	t.Helper()
	cfg.plain = true
	want, err := Render(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.plain = false
	x, got := rendered(t, s, cfg)
	sameFiles(t, want, got, "html/template alone", "with htmlexec")
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if !bytes.Equal(want[name], got[name]) {
			t.Errorf("%s differs from html/template's:\n%s", name, firstDifference(want[name], got[name]))
		}
	}
	declined := x.r.runBase.Declined()
	for _, set := range x.r.runs {
		declined += set.Declined()
	}
	return declined
}

// rendered renders s with cfg, as Stream does, and returns the renderer
// and the files.
func rendered(t *testing.T, s *content.Site, cfg Config) (*Renderer, map[string][]byte) {
	t.Helper()
	x, err := newRenderer(s, cfg, true)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	if err := x.Stream(func(name string, data []byte) error { files[name] = data; return nil }); err != nil {
		t.Fatal(err)
	}
	return x, files
}

// sameFiles fails unless a and b hold files of the same names; how says
// how each was rendered.
func sameFiles(t *testing.T, a, b map[string][]byte, howA, howB string) {
	t.Helper()
	if na, nb := slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b)); !slices.Equal(na, nb) {
		t.Fatalf("rendered %s, the site has the files %v; %s, %v", howA, na, howB, nb)
	}
}

// firstDifference shows where a, the page wanted, and b part.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "want: " + string(a[from:min(len(a), i+80)]) + "\ngot:  " + string(b[from:min(len(b), i+80)])
}

// TestEscapedOnNoData checks that what partialCached renders while the
// templates are executed on no data, to have html/template escape them,
// is kept for no page: a renderer that remembers its parts across renders
// gives the pages a build gives.
func TestEscapedOnNoData(t *testing.T) {
	for _, minify := range []bool{false, true} {
		cfg := testConfig("https://frise.example.org/")
		cfg.Minify = minify
		cfg.Templates = templatesWith(t,
			"partials/zz.html", `<p class="zz">{{.Site.Title}}</p>`,
			"_default/baseof.html", `{{partialCached "partials/zz.html" . "same"}}`)
		want, err := Render(testSite(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		x, err := NewRenderer(testSite(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		x.Remember()
		got := map[string][]byte{}
		if err := x.Stream(func(name string, data []byte) error { got[name] = data; return nil }); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(want["index.html"], []byte(`<p class="zz">Frise`)) {
			t.Fatalf("the partial is not on the home page:\n%s", want["index.html"])
		}
		for name := range want {
			if !bytes.Equal(want[name], got[name]) {
				t.Errorf("minified %v: %s differs once the renderer remembers:\n%s", minify, name, firstDifference(want[name], got[name]))
			}
		}
	}
}

// TestPartialEscapedInContext checks that a partial which escapes only
// in the context its caller gives it, an attribute, is not escaped on its
// own, which would fail and leave its callers without it.
func TestPartialEscapedInContext(t *testing.T) {
	for _, minify := range []bool{false, true} {
		for range 4 { // html/template escapes the sets in the order of a map
			cfg := testConfig("")
			cfg.Minify = minify
			cfg.Templates = templatesWith(t,
				"partials/zz.html", `<a href="{{.Kind}}`,
				"partials/event-line.html", `{{template "partials/zz.html" .P}}">x</a>`)
			if declined := executedAlike(t, testSite(), cfg); declined != 0 {
				t.Errorf("minified %v: htmlexec left %d executions to html/template", minify, declined)
			}
		}
	}
}
