package htmlexec

import (
	"bytes"
	"html/template"
	"slices"
	"strings"
	"testing"
	"text/template/parse"
)

// TestEscapeHTML checks escapeHTML and writeHTML against html/template's
// escaper in text and in an attribute, on every byte and on a few texts.
func TestEscapeHTML(t *testing.T) {
	texts := []string{"", "L'« accord » & <b>\"le reste\"</b> +1", "\x00", "é\xff\xfe<", strings.Repeat("a&", 40)}
	for c := range 256 {
		texts = append(texts, string([]byte{'x', byte(c), 'y'}))
	}
	tmpl := template.Must(template.New("t").Parse(`{{.}}|<p title="{{.}}">`))
	for _, s := range texts {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var w bytes.Buffer
		writeHTML(&w, s)
		got := escapeHTML(s) + `|<p title="` + w.String() + `">`
		if got != want.String() {
			t.Errorf("%q: got %q, want %q", s, got, want.String())
		}
	}
}

// TestURLs checks the URL filter, normalizer and escaper against
// html/template's, on every byte in a link and in a query, plain and as
// a template.URL.
func TestURLs(t *testing.T) {
	texts := []string{"", "javascript:alert(1)", "JavaScript:x", "HTTPS://ex.fr/a b?c=d&e=%41%zz%4", "mailto:a@b", "a/b:c", " http://x", "%", "%4", "%41"}
	for c := range 256 {
		texts = append(texts, string([]byte{'/', byte(c), '%', 'x'}))
	}
	for _, s := range texts {
		for _, data := range []any{s, template.URL(s)} {
			want, got, werr, ran, why := runBoth(t, `<a href="{{.}}">x</a><a href="/?q={{.}}">y</a>`, data)
			if werr != nil || !ran {
				t.Fatalf("%q: html/template %v; ran %v (%s)", s, werr, ran, why)
			}
			if ran && got != want {
				t.Errorf("%#v: got %q, want %q", data, got, want)
			}
		}
	}
}

// TestURLAttrEscapers checks that html/template ends a URL written as an
// attribute whole with the escapers urlAttr stands for.
func TestURLAttrEscapers(t *testing.T) {
	tmpl := template.Must(template.New("t").Parse(`<a href="{{.}}">x</a>`))
	if err := tmpl.Execute(&bytes.Buffer{}, "/"); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, node := range tmpl.Tree.Root.Nodes {
		if a, ok := node.(*parse.ActionNode); ok {
			for _, cmd := range a.Pipe.Cmds {
				if name := escaperName(cmd); name != "" {
					names = append(names, name)
				}
			}
		}
	}
	if !slices.Equal(names, urlAttrEscapers) {
		t.Errorf("html/template escapes href with %v, not %v", names, urlAttrEscapers)
	}
}

// FuzzURLAttr checks urlAttr, in one pass, against the three escapers it
// stands for, one after the other.
func FuzzURLAttr(f *testing.F) {
	for _, s := range []string{"", "../events/a.html#x", "HTTPS://ex.fr/a b?c=d&e=%41%zz%4+'\"<>", "javascript:x", "%", "\x00é\xff"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, isURL bool) {
		c := content{s, plainText}
		if isURL {
			c.t = urlText
		}
		want := c
		for _, name := range urlAttrEscapers {
			want = content{escapers[name].apply(want), plainText}
		}
		var w bytes.Buffer
		w.WriteString("x")
		urlAttr.write(&w, c)
		if got := w.String(); got != "x"+want.s {
			t.Fatalf("%#v: wrote %q, want %q", c, got[1:], want.s)
		}
		if got := urlAttr.apply(c); got != want.s {
			t.Fatalf("%#v: apply gives %q, want %q", c, got, want.s)
		}
	})
}

// BenchmarkURLAttr writes a page's typical link through the three
// escapers one after the other, and through urlAttr.
//
//	go test ./timeline/internal/htmlexec -run '^$' -bench URLAttr
func BenchmarkURLAttr(b *testing.B) {
	c := content{"../events/1975-01-03-renforce-le-calendrier-des-negociations-fontainepre-les-bains-2344.html", plainText}
	var w bytes.Buffer
	b.Run("three", func(b *testing.B) {
		for b.Loop() {
			w.Reset()
			v := c
			for _, name := range urlAttrEscapers[:2] {
				v = content{escapers[name].apply(v), plainText}
			}
			escapers[urlAttrEscapers[2]].write(&w, v)
		}
	})
	b.Run("urlAttr", func(b *testing.B) {
		for b.Loop() {
			w.Reset()
			urlAttr.write(&w, c)
		}
	})
}
