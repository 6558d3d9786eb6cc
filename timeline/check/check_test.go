package check

import (
	"strings"
	"testing"
	"testing/fstest"
)

func htmlPage(body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("<!doctype html><html><head><link rel=stylesheet href=\"" +
		"static/style.css\"></head><body>" + body + "</body></html>")}
}

func TestSite(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"sain", fstest.MapFS{
			"index.html":       htmlPage(`<a href="events/a.html#top">a</a><a href="#x" id="x">x</a><a href="https://example.org/">ext</a>`),
			"events/a.html":    &fstest.MapFile{Data: []byte(`<h1 id="top">A</h1><a href="../index.html">home</a><a href="../atom.xml">feed</a>`)},
			"atom.xml":         &fstest.MapFile{Data: []byte("<feed/>")},
			"static/style.css": &fstest.MapFile{},
			"404.html":         &fstest.MapFile{Data: []byte(`<a href="/index.html">home</a>`)},
		}, nil},
		{"cassé", fstest.MapFS{
			"index.html":  &fstest.MapFile{Data: []byte(`<a href="events/b.html">b</a><a href="events/">dir</a><a href="/x.html">root</a><a href="#nope">n</a><a href="../../up.html">up</a>`)},
			"orphan.html": &fstest.MapFile{Data: []byte(`<p>seul</p>`)},
		}, []string{
			`index.html: link "events/b.html" points at events/b.html, which does not exist`,
			`index.html: link "events/" points at a folder, which only a server turns into a page`,
			`index.html: link "/x.html" starts at the server's root, so it breaks when the site is opened from disk`,
			`index.html: link "#nope" points at #nope, which index.html does not have`,
			`index.html: link "../../up.html" leaves the site`,
			`orphan.html: cannot be reached by following links from index.html`,
		}},
		{"sans accueil", fstest.MapFS{"a.html": &fstest.MapFile{}}, []string{"index.html: is missing: the site has no home page"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs, err := Site(tt.files, "404.html")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
