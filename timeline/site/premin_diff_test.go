package site

// A template's text minified as it is read (preminify) must give,
// executed, the same document as the template as written, executed and
// then minified whole: these tests execute both on the same data and
// compare the documents' trees.

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path"
	"strings"
	"testing"

	"frise/timeline/publish"

	"golang.org/x/net/html"
)

// diffData is the value the templates are executed on.
var diffData = map[string]any{
	"A":    "a  b",
	"B":    "lt;",
	"C":    "&",
	"D":    `"q"  'x'`,
	"E":    "",
	"G":    "amp;",
	"K":    "#60;",
	"H":    template.HTML("<p> block  <b>x</b> </p>  "),
	"I":    template.HTML(" <b> in </b>  t "),
	"J":    template.HTML("  "),
	"R":    template.HTML("a\n  b  &amp; c"),
	"At":   template.HTMLAttr(`title="a  b"`),
	"T":    true,
	"F":    false,
	"S":    []string{"x", " y ", ""},
	"Hs":   []template.HTML{"<i>i</i> ", " <div> d </div>"},
	"N":    3,
	"U":    "http://x/?a=1&b=2",
	"Sp":   " ",
	"Kw":   "a, b",
	"Id":   "x",
	"Vp":   "width=device-width, initial-scale=1.0",
	"Kind": "k  k",
	"Site": map[string]any{"Title": "T  &amp; x", "Language": "fr"},
	"L": []map[string]any{
		{"Title": "t1", "A": " a ", "H": template.HTML("<p>p1</p>")},
		{"Title": "", "A": "", "H": template.HTML(" <span>s</span> ")},
	},
}

// diffSeeds are small templates, mostly well-formed.
var diffSeeds = []string{
	"<p>{{.A}} <b>{{.B}}</b> c</p>",
	"<div>\n  <p>{{.H}}</p>\n  {{.I}}\n</div>",
	"<ul>\n{{range .S}}\n  <li>{{.}}</li>\n{{end}}\n</ul>",
	"<p>a {{if .T}}<b>x</b>{{end}} b</p>",
	"<p>a {{- if .T}} <i>x</i> {{- end}} b</p>",
	"<span>{{.A}}</span> <span>{{.E}}</span>",
	"<a href=\"{{.U}}\" class=\"c {{.A}}\">{{.D}}</a>",
	"<p title=\"{{.D}}\" {{.At}}>x &amp; {{.C}}</p>",
	"<p>R&amp; {{.B}}</p>",
	"<h1>{{.Site.Title}}</h1>\n<p>\n  {{.I}}\n  <em>e</em>\n</p>",
	"<table>\n<tr>\n<td>{{.A}}</td>\n<td> {{.E}} </td>\n</tr>\n</table>",
	"<dl><dt>{{.A}}</dt> <dd> {{.H}} </dd></dl>",
	"<select><option value=\"{{.A}}\">{{.A}}</option> <option selected>b</option></select>",
	"<p>{{range .Hs}}{{.}}{{end}}</p>",
	"{{range .L}}<article>\n<h2>{{.Title}}</h2>\n{{.H}}\n<p>{{.A}}</p>\n</article>\n{{end}}",
	"<p>{{.A}}</p>{{/* c */}}\n<p> {{.E}} </p>",
	"<button>{{.A}}</button> <input value=\"{{.E}}\" type=\"text\"> <label> {{.A}} </label>",
	"<nav>\n  <a href=\"/\">a</a> ·\n  <a href=\"{{.U}}\">{{.A}}</a>\n</nav>",
	"<p>a<br>\n{{.A}}<br> b</p>",
	"<figure>\n<img src=\"{{.U}}\" alt=\"{{.A}}\">\n<figcaption> {{.I}} </figcaption>\n</figure>",
	"<p>{{.R}}</p>",
	"<span>{{.J}}</span>{{.Sp}}<span>x</span>",
	"{{define \"p\"}} <b>{{.}}</b> {{end}}<p>a{{template \"p\" .A}}b</p>",
	"<details><summary> {{.A}} </summary> {{.H}} </details>",
	"<p>{{if .F}}x{{else}} {{.A}} {{end}}</p>",
	"<time datetime=\"{{.N}}\">{{.N}}</time>&nbsp;{{.A}}",
	"<ol>{{range $i, $e := .S}}<li value=\"{{$i}}\">{{$e}}</li>{{end}}</ol>",
	"<p>a <code> {{.A}} </code> b</p>",
	"<svg viewBox=\"0 0 1 1\"><title>{{.A}}</title><path d=\"M0 0\"/></svg>",
	"<style>p { color: red }</style><p>{{.A}}</p>",
	"<script type=\"application/ld+json\">{{.Site}}</script>",
	"<p>{{.A}}<!-- c -->{{.B}}</p>",
	"<input type=\"text\" name=\"q\" value=\"{{.E}}\">",
	"<a id=\"{{.Id}}\" name=\"{{.Id}}\"></a>",
	"<a id=\"x\" name=\"{{.Id}}\">x</a>",
	"<meta name=\"keywords\" content=\"{{.Kw}}\">",
	"<meta name=\"viewport\" content=\"{{.Vp}}\">",
	"<script src=\"{{.U}}\" charset=\"utf-8\"></script>",
	"<input type=\"radio\" value=\"{{.E}}\">",
	"<button type=\"submit\">{{.A}}</button>",
	"<form method=\"get\" action=\"{{.U}}\"><input name=\"q\"></form>",
	"<td colspan=\"1\" class=\"{{.E}}\">x</td>",
	"<p class=\"{{.E}}\" id=\"{{.E}}\">x</p>",
	"<img src=\"{{.U}}\" alt=\"\">",
	"<p style=\"color: {{.A}}\">x</p>",
	"<div>{{if .T}}<b>x</b>{{else}}<p>x</p>{{end}} y</div>",
	"<p>a{{range .S}} <span>{{.}}</span>{{end}}</p>",
	"<td>{{.A}}</td>{{if .T}} <td>b</td>{{end}}",
	"<form action=\"/s\"><label for=\"q\">Q</label> <input id=\"q\" type=\"search\" name=\"q\" value=\"{{.A}}\"> <button type=\"submit\">{{.A}}</button></form>",
	"<blockquote>\n  <p>{{.A}}</p>\n  <footer>— <cite>{{.B}}</cite></footer>\n</blockquote>",
	"<p>\n  {{- range $i, $s := .S}}{{if $i}}, {{end}}<a href=\"#{{$s}}\">{{$s}}</a>{{end -}}\n</p>",
	"<textarea name=\"t\" rows=\"3\"></textarea> <p>{{.A}}</p>",
	"<pre><code>a\n  b</code></pre>\n<p> {{.A}} </p>",
	"<img src=\"{{.U}}\" width=\"10\" height=\"10\" alt=\"{{.A}}\"> <small>{{.B}}</small>",
	"<iframe src=\"{{.U}}\" title=\"{{.A}}\"></iframe>",
	"<video controls src=\"{{.U}}\"></video> <audio src=\"{{.U}}\"></audio>",
	"<link rel=\"stylesheet\" type=\"text/css\" href=\"{{.U}}\">",
	"<script type=\"text/javascript\" src=\"{{.U}}\"></script>",
	"<p>{{fr .A}} {{join \", \" .S}}</p>",
	"<h2 id=\"{{.Id}}\">{{.A}} <a href=\"#{{.Id}}\" aria-hidden=\"true\">#</a></h2>",
	"<abbr title=\"{{.A}}\">A</abbr>&nbsp;<kbd>{{.B}}</kbd>&#160;{{.C}}",
}

// diffCorpus seeds f with diffSeeds, the project's templates and the odd
// templates.
func diffCorpus(f *testing.F) {
	for _, s := range diffSeeds {
		f.Add(s)
	}
	names, _ := fsGlobAll(os.DirFS("../../templates"))
	for _, name := range names {
		if b, err := os.ReadFile(path.Join("../../templates", name)); err == nil {
			f.Add(string(b))
		}
	}
	for _, c := range oddTemplates {
		for i := 1; i < len(c); i += 2 {
			f.Add(strings.ReplaceAll(c[i], ".Site.Title", ".A"))
		}
	}
}

// diffExec executes every template src defines and returns their pages,
// by name, or the first error.
func diffExec(src string) (map[string][]byte, error) {
	t, err := template.New("t").Funcs(funcs).Funcs(template.FuncMap{
		"partialCached": func(name string, data any, _ ...any) (template.HTML, error) {
			return "", fmt.Errorf("no partials")
		},
	}).Parse(src)
	if err != nil {
		return nil, err
	}
	pages := map[string][]byte{}
	for _, tt := range t.Templates() {
		var b bytes.Buffer
		if err := t.ExecuteTemplate(&capped{&b}, tt.Name(), diffData); err != nil {
			return nil, err
		}
		pages[tt.Name()] = b.Bytes()
	}
	return pages, nil
}

// capped stops a template writing more than 64 kB ({{range 1e9}}).
type capped struct{ b *bytes.Buffer }

func (c *capped) Write(p []byte) (int, error) {
	if c.b.Len()+len(p) > 1<<16 {
		return 0, fmt.Errorf("too long")
	}
	return c.b.Write(p)
}

// checkPremin is the differential check; it returns a description of the
// difference, or "".
func checkPremin(src string) string {
	mf := publish.NewMinifier()
	small, ok := preminify(mf, src)
	if !ok {
		return ""
	}
	want, err := diffExec(src)
	if err != nil {
		return ""
	}
	got, err := diffExec(small)
	if err != nil {
		return ""
	}
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			return fmt.Sprintf("template %q lost", name)
		}
		if d := pagesDiffer(mf, w, g); d != "" {
			return fmt.Sprintf("template %q\nsmall: %q\n%s", name, small, d)
		}
	}
	return ""
}

// pagesDiffer compares the page w, as written and minified whole, with
// the page g of the minified template. The minifier is not idempotent:
// the documents differ only when neither g nor g minified again is the
// document of w minified once or twice.
func pagesDiffer(mf *publish.Minifier, w, g []byte) string {
	wm, err1 := mf.Minify("x.html", w)
	if err1 != nil {
		return ""
	}
	gm, err2 := mf.Minify("x.html", g)
	if err2 != nil {
		// Minified once, a script's type may now name a language whose
		// minifier finds fault with its text; the pages are not minified
		// twice.
		gm = g
	}
	wmm, _ := mf.Minify("x.html", wm)
	if bytes.Equal(wm, g) || bytes.Equal(wm, gm) {
		return ""
	}
	for _, a := range [][]byte{wm, wmm} {
		for _, b := range [][]byte{g, gm} {
			if domDiff(string(a), string(b)) == "" {
				return ""
			}
		}
	}
	return fmt.Sprintf("whole page: %q\nwhole min:  %q\nsmall page: %q\nsmall min:  %q\n%s", w, wm, g, gm, domDiff(string(wm), string(g)))
}

// FuzzPreminifyDocuments checks a template minified as it is read.
func FuzzPreminifyDocuments(f *testing.F) {
	diffCorpus(f)
	f.Fuzz(func(t *testing.T, src string) {
		if d := checkPremin(src); d != "" {
			t.Fatalf("src %q\n%s", src, d)
		}
	})
}

// FuzzPreminifyPartials checks a partial minified on its own, written
// into the middle of another template.
func FuzzPreminifyPartials(f *testing.F) {
	for _, s := range diffSeeds {
		f.Add(s, `<p>a{{template "p" .}}b</p>`)
		f.Add(s, "<div>\n  {{template \"p\" .}}\n</div>")
	}
	mf := publish.NewMinifier()
	f.Fuzz(func(t *testing.T, part, page string) {
		if strings.Contains(part, "{{define") || strings.Contains(page, "{{define") {
			return
		}
		sp, ok1 := preminify(mf, part)
		sg, ok2 := preminify(mf, page)
		if !ok1 || !ok2 {
			return
		}
		wrap := func(pt, pg string) string { return pg + `{{define "p"}}` + pt + `{{end}}` }
		want, err := diffExec(wrap(part, page))
		if err != nil {
			return
		}
		got, err := diffExec(wrap(sp, sg))
		if err != nil {
			return
		}
		if d := pagesDiffer(mf, want["t"], got["t"]); d != "" {
			t.Fatalf("part %q page %q\nsmall %q %q\n%s", part, page, sp, sg, d)
		}
	})
}

// rawText are the elements whose text is compared as it is.
var rawText = map[string]bool{"pre": true, "textarea": true, "script": true, "style": true, "listing": true, "xmp": true, "plaintext": true}

// blockEl are the elements beside which spaces do not show.
var blockEl = map[string]bool{}

// atomEl are the inline elements that show as a box of their own: a space
// after one shows, and their content is laid out apart.
var atomEl = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`address article aside blockquote br caption col colgroup dd details div dl dt
		fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main menu nav
		ol option p pre section summary table tbody td tfoot th thead tr ul center dir
		noembed noframes xmp body`) {
		blockEl[s] = true
	}
	for _, s := range strings.Fields(`img input button select textarea iframe object embed video audio canvas svg
		math meter progress marquee`) {
		atomEl[s] = true
	}
	for _, s := range strings.Fields(`script style meta link base title noscript template`) {
		hiddenEl[s] = true
	}
}

// hiddenEl are the elements a page does not show: the spaces on either
// side of one meet, as if it were not there. (A title's text shows in
// the window's title; it is compared as a text of its own.)
var hiddenEl = map[string]bool{}

// spaces lays out the spaces of a document's text as a browser does:
// a run of spaces is one space, and a space shows neither at a line's
// start or end (beside a block) nor after another space, even one in a
// neighbouring inline element such as an empty <i></i>. It rewrites the
// text nodes in place.
type spaces struct {
	after bool       // the line so far is empty or ends in a space
	last  *html.Node // the text that ends the line so far, if any
}

// lineBreak ends the line: its last space does not show.
func (f *spaces) lineBreak() {
	if f.last != nil {
		f.last.Data = strings.TrimSuffix(f.last.Data, " ")
	}
	f.after, f.last = true, nil
}

func (f *spaces) walk(n *html.Node, raw bool) {
	switch n.Type {
	case html.TextNode:
		if raw {
			f.after, f.last = false, nil
			return
		}
		s := collapse(n.Data)
		if f.after {
			s = strings.TrimPrefix(s, " ")
		}
		n.Data = s
		if s != "" {
			f.after, f.last = s[len(s)-1] == ' ', n
		}
		return
	case html.DocumentNode, html.DoctypeNode:
		f.lineBreak()
		defer f.lineBreak()
	case html.ElementNode:
		raw = raw || rawText[n.Data]
		switch {
		case hiddenEl[n.Data]:
			inner := spaces{after: true}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				inner.walk(c, raw)
			}
			inner.lineBreak()
			return
		case blockEl[n.Data]:
			f.lineBreak()
			defer f.lineBreak()
		case atomEl[n.Data]:
			inner := spaces{after: true}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				inner.walk(c, raw)
			}
			inner.lineBreak()
			f.after, f.last = false, nil
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		f.walk(c, raw)
	}
}

// domNorm writes n's tree, its spaces laid out by spaces.
func domNorm(b *strings.Builder, n *html.Node, depth int) {
	ind := strings.Repeat("  ", depth)
	switch n.Type {
	case html.DocumentNode:
		b.WriteString(ind + "#doc\n")
	case html.DoctypeNode:
		fmt.Fprintf(b, "%s<!DOCTYPE %s>\n", ind, n.Data)
	case html.CommentNode:
		fmt.Fprintf(b, "%s<!--%q-->\n", ind, n.Data)
	case html.ElementNode:
		fmt.Fprintf(b, "%s<%s:%s", ind, n.Namespace, n.Data)
		for _, a := range n.Attr {
			fmt.Fprintf(b, " %s:%s=%q", a.Namespace, a.Key, a.Val)
		}
		b.WriteString(">\n")
	}
	// Children, adjacent texts merged and empty ones left out.
	text := ""
	flush := func() {
		if text != "" {
			fmt.Fprintf(b, "%s  %q\n", ind, text)
		}
		text = ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			text += c.Data
			continue
		}
		flush()
		domNorm(b, c, depth+1)
	}
	flush()
}

// collapse writes every run of ASCII spaces in s as one space.
func collapse(s string) string {
	var b strings.Builder
	sp := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			if !sp {
				b.WriteByte(' ')
			}
			sp = true
			continue
		}
		sp = false
		b.WriteByte(c)
	}
	return b.String()
}

// domString parses the page s and writes its tree as domNorm does.
func domString(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return "parse error: " + err.Error()
	}
	(&spaces{}).walk(doc, false)
	var b strings.Builder
	domNorm(&b, doc, 0)
	return b.String()
}

// domDiff returns the first differing lines of the two documents' trees.
func domDiff(a, b string) string {
	da, db := domString(a), domString(b)
	if da == db {
		return ""
	}
	la, lb := strings.Split(da, "\n"), strings.Split(db, "\n")
	i := 0
	for i < len(la) && i < len(lb) && la[i] == lb[i] {
		i++
	}
	get := func(l []string) string {
		if i < len(l) {
			return l[i]
		}
		return "<end>"
	}
	return fmt.Sprintf("DOM differs at line %d:\n whole: %s\n small: %s", i, get(la), get(lb))
}

// TestPreminifyDocuments runs the check of FuzzPreminifyDocuments over its
// seeds and the odd templates.
func TestPreminifyDocuments(t *testing.T) {
	var all []string
	all = append(all, diffSeeds...)
	for _, c := range oddTemplates {
		for i := 1; i < len(c); i += 2 {
			all = append(all, strings.ReplaceAll(c[i], ".Site.Title", ".A"))
		}
	}
	for _, s := range all {
		if d := checkPremin(s); d != "" {
			t.Errorf("src %q\n%s", s, d)
		}
	}
}

// TestDomDiff checks the comparison the differential tests rest on: pages
// a browser lays out alike compare equal, and others do not.
func TestDomDiff(t *testing.T) {
	alike := [][2]string{
		{" <i> </i> 0", "<i></i> 0"},
		{"<p> a  b </p>", "<p>a b</p>"},
		{"<p>a <i> b</i></p>", "<p>a <i>b</i></p>"},
		{"<p><i>a </i></p>c", "<p><i>a</i></p>c"},
		{"<div> <b>x</b> </div>", "<div><b>x</b></div>"},
		{"a<br> b", "a<br>b"},
		{"<pre>a</pre>", "<pre>a</pre>"},
		{"<button> a </button>b", "<button>a</button>b"},
		{"<p>a <script></script> b</p>", "<p>a <script></script>b</p>"},
		{"<title> T </title><p>x</p>", "<title>T</title><p>x</p>"},
	}
	for _, c := range alike {
		if d := domDiff(c[0], c[1]); d != "" {
			t.Errorf("%q and %q should compare alike:\n%s", c[0], c[1], d)
		}
	}
	differ := [][2]string{
		{"a <i>b</i>", "a<i>b</i>"},
		{"<i>a</i> <i>b</i>", "<i>a</i><i>b</i>"},
		{"<img src=x> b", "<img src=x>b"},
		{"<pre> a</pre>", "<pre>a</pre>"},
		{"<textarea> a</textarea>", "<textarea>a</textarea>"},
		{"<p title=a>b</p>", "<p title=b>b</p>"},
		{"<p>a</p>", "<div>a</div>"},
		{"<!--a-->b", "b"},
		{"<p>a <script></script> b</p>", "<p>a<script></script>b</p>"},
		{"<p>a <link rel=x> b</p>", "<p>a<link rel=x>b</p>"},
		{"a <marquee>x</marquee> b", "a<marquee>x</marquee>b"},
	}
	for _, c := range differ {
		if domDiff(c[0], c[1]) == "" {
			t.Errorf("%q and %q should differ", c[0], c[1])
		}
	}
}
