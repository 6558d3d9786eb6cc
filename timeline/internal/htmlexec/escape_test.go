package htmlexec

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
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
