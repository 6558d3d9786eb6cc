package htmlexec

import (
	"strings"
	"testing"
)

// check fails when a Set ran src where html/template fails, or wrote
// other bytes than html/template.
func check(t *testing.T, src string) {
	want, got, werr, ran, _ := runBoth(t, src, testPage())
	if ran && werr != nil {
		t.Fatalf("ran %q, where html/template fails: %v\ngot %q", src, werr, got)
	}
	if ran && got != want {
		t.Fatalf("%q:\n got %q\nwant %q", src, got, want)
	}
}

// FuzzExecute runs template texts both ways on the same data.
func FuzzExecute(f *testing.F) {
	for _, tt := range executeTests {
		f.Add(tt.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.Count(src, "{{") > 64 || strings.Contains(src, "define") && strings.Count(src, "template") > 4 {
			t.Skip("too much for one run")
		}
		check(t, src)
	})
}

// contexts are where the generated templates put their actions; %s is
// the action.
var contexts = []string{
	"<p>%s</p>",
	`<a href="%s">x</a>`,
	`<a href="/p?q=%s">x</a>`,
	`<a title="%s">x</a>`,
	`<a title='%s'>x</a>`,
	"<title>%s</title>",
	"<textarea>%s</textarea>",
	`<script type="application/ld+json">%s</script>`,
	`<img src="%s" alt="">`,
	`<li class="ev%s">`,
	`<blockquote cite="%s"></blockquote>`,
	"%s",
}

// actions are the generated templates' actions.
var actions = []string{
	"{{.Title}}", "{{.Body}}", "{{.Link}}", "{{.JSON}}", "{{.Bad}}", "{{.Empty}}",
	"{{.Zero}}", "{{.Count}}", "{{.Ratio}}", "{{.On}}", "{{.Kind}}", "{{.Any}}",
	`{{.Rel "a b.html"}}`, `{{$.Rel .Title}}`, "{{.Params.k}}", "{{.Params.html}}", "{{.Params.nope}}",
	"{{range .Items}}%s{{end}}", "{{range $i, $e := .Items}}{{$i}}%s{{else}}vide{{end}}",
	"{{with .Empty}}%s{{else}}rien{{end}}", "{{with .Title}}%s{{end}}", "{{if .On}}%s{{end}}",
	"{{.Name}}", "{{.URL}}", "{{.N}}", `{{.Label "›"}}`, "{{.Inner.Name}}",
	`{{slice .Title 0 3}}`, `{{printf "%%q" .Title}}`, `{{len .Items}}`, `{{eq .Zero 0}}`,
	`{{upper .Title}}`, `{{with dict "E" . "T" .Title}}{{.T}}%s{{end}}`,
	`{{html2 .Title}}`, `{{.Title | upper | printf "%%s!"}}`, `{{and .On .Title}}`, `{{or .Empty .Bad}}`,
	`{{template "sub" .}}`, "{{.Nil.Name}}", "{{.Fail}}", "{{break}}", "{{continue}}",
	`{{range $k, $v := .Params}}{{$k}}%s{{end}}`, `{{range .Ints}}%s{{end}}`, `{{range $i := 3}}{{$i}}%s{{end}}`,
	`{{index .Items 1}}`, `{{index .Params "k"}}`, `{{index .Ints 2}}`, `{{index .Title 0}}`, "{{.Params.nope}}",
}

// FuzzExecuteParts builds templates from the contexts and actions above,
// nested as the bytes say, and runs them both ways.
func FuzzExecuteParts(f *testing.F) {
	f.Add([]byte{0, 0})
	f.Add([]byte{1, 12, 0, 2, 3})
	f.Add([]byte{0, 17, 0, 22, 5, 23, 9, 32, 1})
	f.Add([]byte{3, 18, 7, 13, 2, 37, 10, 24})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 40 {
			b = b[:40]
		}
		var src strings.Builder
		src.WriteString(`{{define "sub"}}<b title="{{.Title}}">{{.Kind}}</b>{{end}}`)
		for len(b) >= 2 {
			ctx := contexts[int(b[0])%len(contexts)]
			act := actions[int(b[1])%len(actions)]
			b = b[2:]
			// Nest: an action with a hole takes the next byte's inside,
			// three deep at most (ranges multiply).
			for depth := 0; strings.Contains(act, "%s") && len(b) >= 1 && depth < 3; depth++ {
				inner := actions[int(b[0])%len(actions)]
				b = b[1:]
				act = strings.Replace(act, "%s", inner, 1)
			}
			act = strings.ReplaceAll(act, "%s", "")
			act = strings.ReplaceAll(act, "%%", "%")
			src.WriteString(strings.Replace(ctx, "%s", act, 1))
		}
		check(t, src.String())
	})
}
