package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template/parse"

	"frise/timeline/content"
	"frise/timeline/publish"
)

func TestActions(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string // the actions' texts; nil for a text that does not parse
	}{
		{"", []string{}},
		{"<p>a</p>", []string{}},
		{"<p>{{.A}} et {{- .B -}} </p>", []string{"{{.A}}", "{{- .B -}}"}},
		{`{{printf "}}" .X}}b`, []string{`{{printf "}}" .X}}`}},
		{`{{printf "\"}}" .X}}`, []string{`{{printf "\"}}" .X}}`}},
		{"{{printf `}}\n` .X}}", []string{"{{printf `}}\n` .X}}"}},
		{`{{if eq .C '}'}}x{{end}}`, []string{`{{if eq .C '}'}}`, "{{end}}"}},
		{"{{/* a }} b\n */}}x{{- /* c */ -}}", []string{"{{/* a }} b\n */}}", "{{- /* c */ -}}"}},
		{"{{-3}}", []string{"{{-3}}"}},
		{"a {{.A", nil},
		{`{{printf "a}}`, nil},
		{"{{\"a\nb\"}}", nil},
		{"{{/* a }}", nil},
	} {
		as, ok := actions(c.src)
		if c.want == nil {
			if ok {
				t.Errorf("actions(%q) = %v, true; want false", c.src, as)
			}
			continue
		}
		got := []string{}
		for _, a := range as {
			got = append(got, c.src[a.start:a.end])
		}
		if !ok || !slices.Equal(got, c.want) {
			t.Errorf("actions(%q) = %q, %v; want %q", c.src, got, ok, c.want)
		}
	}
}

// unplaced takes out what preminify put in actions to keep their places.
func unplaced(s string) string { return placing.ReplaceAllString(s, "{{$1") }

var placing = regexp.MustCompile(`\{\{(- )?\s+`)

// samePlaces fails unless small parses when src does, with its actions in
// the same order, each node at the line and column it has in src: what an
// error names.
func samePlaces(t testing.TB, src, small string) {
	t.Helper()
	a, errA := parseTrees("t", src)
	b, errB := parseTrees("t", small)
	if errA != nil {
		return // not read further: the templates as written report it
	}
	if errB != nil {
		t.Fatalf("%q parses, minified %q does not: %v", src, small, errB)
	}
	if len(a) != len(b) {
		t.Fatalf("%q defines %d templates, minified %d", src, len(a), len(b))
	}
	for name, ta := range a {
		tb := b[name]
		if tb == nil {
			t.Fatalf("the minified %q lost the template %q", small, name)
		}
		pa, pb := places(ta), places(tb)
		if !slices.Equal(pa, pb) {
			t.Fatalf("the nodes of %q are at\n%q\nthose of the minified %q at\n%q", src, pa, small, pb)
		}
	}
}

// places lists the location and text of every node of tr but its text.
func places(tr *parse.Tree) []string {
	var out []string
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		if n == nil {
			return
		}
		switch n := n.(type) {
		case *parse.TextNode:
			return
		case *parse.ListNode: // whose text holds the text nodes'
		case *parse.IfNode, *parse.RangeNode, *parse.WithNode: // likewise
			loc, _ := tr.ErrorContext(n)
			out = append(out, fmt.Sprintf("%s %T", loc, n))
		default:
			loc, ctx := tr.ErrorContext(n)
			out = append(out, loc+" "+ctx)
		}
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, m := range n.Nodes {
					walk(m)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			for _, c := range n.Cmds {
				walk(c)
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			if n.Pipe != nil {
				walk(n.Pipe)
			}
		}
	}
	walk(tr.Root)
	return out
}

func TestPreminify(t *testing.T) {
	mf := publish.NewMinifier()
	for _, c := range []struct {
		src, want string // want "" when it cannot be minified
	}{
		{"<ul>\n{{range .}}\n  <li>{{.}}</li>\n{{end}}\n</ul>\n", "<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>"},
		{"<p>\n  a   <b>{{.B}}</b>\n</p>", "<p>a <b>{{.B}}</b></p>"},
		{"<head>\n<title>{{.T}}</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n</head>",
			"<head><title>{{.T}}</title><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"></head>"},
		// Whatever holds an action in an element whose text is kept is left
		// as written, the rest minified.
		{"<p> a </p>\n<script>var a = {{.A}};  var  b = \"x  y\";</script>\n<p> b </p>",
			"<p>a</p><script>var a = {{.A}};  var  b = \"x  y\";</script><p>b</p>"},
		// A pre or a textarea holding an action, where the spaces of a part
		// minified would show, and a script or a style that may print one.
		{"<P> a </P><TEXTAREA>  {{.A}}  </Textarea><p> b </p>", ""},
		{"<pre>  {{.A}}\n  b  </pre>\n<p>  c  </p>", ""},
		{"<pre class=\"{{.C}}\">  a\n  b  </pre>\n<p>  c  </p>", "<pre class=\"{{.C}}\">  a\n  b  </pre><p>c</p>"},
		{`<script>var a = {{template "partials/x.html" .}};</script>`, ""},
		{`<script>var a = {{$.EventLine .}};</script>`, ""},
		{`{{$x := .A}}<script>var a = {{$x}};</script>`, ""},
		{`{{with $.EventRef .}}<p>{{.}}</p>{{end}}`, ""},
		{`{{$r := partialCached "partials/x.html" .}}<p>{{$r}}</p>`, ""},
		{`<p>{{$.EventRef .}}</p>`, `<p>{{$.EventRef .}}</p>`},
		{"<style>\na { color: red; }\n</style><p> {{.A}} </p>", "<style>a{color:red}</style><p>{{.A}}</p>"},
		// An element's name in an action is no element.
		{`<p>{{if eq .A "<pre>"}} x {{end}}</p>`, `<p>{{if eq .A "<pre>"}} x {{end}}</p>`},
		// Comments stay where they land.
		{"<p>\n  a\n</p>\n{{/* c */}}\n<p>{{.B}}</p>", "<p>a</p>{{/* c */}}<p>{{.B}}</p>"},
		{"<div>\n  {{- .A -}}\n  </div>", "<div>{{- .A -}}</div>"},
		// An HTML comment goes, and the action in it with it.
		{"<p>a</p><!-- {{.A}} -->", ""},
		// Actions that do not parse, and elements left open.
		{"<p>{{.A</p>", ""},
		{"<pre>{{.A}}", ""},
	} {
		got, ok := preminify(mf, c.src)
		if c.want == "" {
			if ok {
				t.Errorf("preminify(%q) = %q; want it to refuse", c.src, got)
			}
			continue
		}
		if !ok || unplaced(got) != c.want {
			t.Errorf("preminify(%q) = %q, %v\nwant %q, its actions in place", c.src, got, ok, c.want)
			continue
		}
		samePlaces(t, c.src, got)
	}
}

// TestPreminifyOwnTemplates checks that the project's templates are
// minified as they are read, their actions where they were.
func TestPreminifyOwnTemplates(t *testing.T) {
	mf := publish.NewMinifier()
	tmpls := os.DirFS("../../templates")
	names, err := fsGlobAll(tmpls)
	if err != nil || len(names) < 10 {
		t.Fatalf("the templates: %v, %v", names, err)
	}
	for _, name := range names {
		b, err := os.ReadFile(path.Join("../../templates", name))
		if err != nil {
			t.Fatal(err)
		}
		small, ok := preminify(mf, string(b))
		if !ok {
			t.Errorf("templates/%s cannot be minified", name)
			continue
		}
		if n := len(unplaced(small)); n > len(b) {
			t.Errorf("templates/%s: %d bytes minified, from %d", name, n, len(b))
		}
		samePlaces(t, string(b), small)
	}
	x, err := NewRenderer(testSite(), Config{Templates: tmpls, Static: os.DirFS("../../static"), Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	if x.r.minify != minifyTemplates {
		t.Errorf("the renderer minifies %v, not its templates", x.r.minify)
	}
}

// fsGlobAll lists the files of fsys.
func fsGlobAll(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	return names, err
}

// minifiedAlike renders s with cfg twice, minified and not, and checks
// that each page minified is the same document as the page not minified
// and then minified whole (the site as it was before its templates were
// minified), and about as small. It returns how the renderer minified.
func minifiedAlike(t *testing.T, s *content.Site, cfg Config) minifyMode {
	t.Helper()
	mode, was, is := sameDocuments(t, s, cfg)
	// What the actions write is not minified: html/template writes every
	// ' of a text as &#39;, every " as &#34; (the hostile names of the
	// test site, 5 % heavier), and source pages, the text of an article
	// full of apostrophes, are up to 2 % heavier.
	if is > was+was/100 {
		t.Errorf("the pages minified in their templates weigh %d bytes; minified whole, %d", is, was)
	}
	return mode
}

// sameDocuments renders s with cfg twice, minified and not, and checks
// that each page minified is the same document as the page not minified
// and then minified whole. It returns how the renderer minified, and what
// the pages weigh minified whole and minified in their templates.
func sameDocuments(t *testing.T, s *content.Site, cfg Config) (mode minifyMode, was, is int) {
	t.Helper()
	cfg.Minify = false
	plain, err := Render(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Minify = true
	x, small := rendered(t, s, cfg)
	sameFiles(t, plain, small, "not minified", "minified")
	mf := publish.NewMinifier()
	pages := 0
	for name, p := range plain {
		if path.Ext(name) != ".html" {
			if !bytes.Equal(p, small[name]) {
				t.Errorf("%s differs, minified", name)
			}
			continue
		}
		want, err := mf.Minify(name, p)
		if err != nil {
			t.Fatal(err)
		}
		got := small[name]
		again, err := mf.Minify(name, got)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, again) {
			t.Errorf("%s is another page, minified in its templates:\n%s", name, firstDiff(want, again))
		}
		pages++
		was += len(want)
		is += len(got)
	}
	if pages == 0 {
		t.Fatal("no page")
	}
	t.Logf("%d pages: %d bytes minified whole, %d in their templates", pages, was, is)
	return x.r.minify, was, is
}

func TestMinifiedPagesAlike(t *testing.T) {
	for name, s := range sampleSites(t) {
		t.Run(name, func(t *testing.T) {
			if m := minifiedAlike(t, s, testConfig("https://frise.example.org/")); m != minifyTemplates {
				t.Errorf("the renderer minifies %v, not its templates", m)
			}
		})
	}
}

// TestMinifiedWhole checks that a renderer whose templates cannot all be
// minified as they are read minifies each page whole, as it was before.
func TestMinifiedWhole(t *testing.T) {
	cfg := testConfig("")
	cfg.Templates = templatesWith(t, "partials/footer.html", "<!-- {{.Site.Title}} -->")
	if m := minifiedAlike(t, testSite(), cfg); m != minifyPages {
		t.Errorf("the renderer minifies %v, not each page", m)
	}
}

// TestMinifiedErrors checks that an error in a template names the same
// line and column whether its text was minified or not.
func TestMinifiedErrors(t *testing.T) {
	for _, c := range []struct{ file, add string }{
		{"partials/header.html", "\n\n   <p>\n  {{.Nope}}</p>"},
		{"events/single.html", "{{define \"main\"}}\n<article>\n  <h1>{{.Title}}</h1>\n    <p>{{index .Kind 99}}</p></article>{{end}}"},
		{"_default/baseof.html", "{{define \"head\"}}\n  <meta name=\"x\" content=\"{{.Site.Nope}}\">{{end}}"},
		{"partials/event-line.html", "\n <span>\n{{- .E.Nope}}</span>"},
	} {
		cfg := testConfig("")
		cfg.Templates = templatesWith(t, c.file, c.add)
		var msgs []string
		for _, minify := range []bool{false, true} {
			cfg.Minify = minify
			_, err := Render(testSite(), cfg)
			if err == nil {
				t.Fatalf("%s with %q renders", c.file, c.add)
			}
			msgs = append(msgs, err.Error())
		}
		if msgs[0] != msgs[1] {
			t.Errorf("%s with %q:\nas written: %s\nminified:   %s", c.file, c.add, msgs[0], msgs[1])
		}
		if !strings.Contains(msgs[0], c.file+":") {
			t.Errorf("%s with %q: the error does not name the template: %s", c.file, c.add, msgs[0])
		}
	}
}

// FuzzPreminify checks that what a template's text minified around its
// actions keeps them as they were, where they were.
func FuzzPreminify(f *testing.F) {
	for _, s := range []string{
		"<ul>\n{{range .}}\n  <li>{{.}}</li>\n{{end}}\n</ul>\n",
		"<p> a </p>\n<script>var a = {{.A}};</script>\n<pre> {{.B}} </pre>",
		"{{define \"x\"}}\n<p>\n  {{- /* c */ -}}\n  {{printf \"}}\" .X}}</p>{{end}}",
		"<a href=\"{{.U}}\"{{if .C}} class=\"c\"{{end}}>\n  {{.T}}\n</a>",
		"<p>a {{.A}}\n  <!-- x -->  {{`b\n}}`}}</p>",
	} {
		f.Add(s)
	}
	names, _ := fsGlobAll(os.DirFS("../../templates"))
	for _, name := range names {
		if b, err := os.ReadFile(path.Join("../../templates", name)); err == nil {
			f.Add(string(b))
		}
	}
	mf := publish.NewMinifier()
	f.Fuzz(func(t *testing.T, src string) {
		small, ok := preminify(mf, src)
		if !ok {
			return
		}
		as, _ := actions(src)
		got, ok := actions(small)
		if !ok || len(got) != len(as) {
			t.Fatalf("%q minified to %q: its actions are lost", src, small)
		}
		for i, a := range as {
			// The action as it was, but for newlines and spaces after its
			// opening delimiter.
			b := got[i]
			was, is := src[a.start:a.end], small[b.start:b.end]
			pad := is[b.body-b.start : len(is)-(a.end-a.body)]
			if is[:b.body-b.start] != was[:a.body-a.start] || !strings.HasSuffix(is, was[a.body-a.start:]) ||
				strings.Trim(pad, " \n") != "" {
				t.Fatalf("%q minified to %q: %q became %q", src, small, was, is)
			}
		}
		samePlaces(t, src, small)
	})
}

// oddTemplates are bits of templates whose text the minifier could read
// otherwise than html/template, each appended to a template (or made a
// template of its own) as templatesWith does. The footer is rendered once
// for every depth of page: what it shows must be the same on all.
var oddTemplates = [][]string{
	// A quote in a comment or a raw string, which the minifier takes for
	// the start of a string running on past the action.
	{"partials/footer.html", "{{/* l'appel */}}<script>// l'appel\nif (x) { if (y) { f() }}\nvar t = \"&amp;  b\";</script>"},
	{"partials/footer.html", "{{/* l'aide */}}<textarea>l'aide {{\"x\"}}</textarea><textarea>  a  &amp;  b  </textarea>"},
	{"partials/footer.html", "<p>{{`x\n  }}  y`}}   z</p>"},
	{"partials/footer.html", "{{/* don't */}}<p>  a  </p><pre> q </pre>"},
	// Markup html/template writes as text, which the minifier drops.
	{"partials/footer.html", "<p>a <?x?> b</p>"},
	{"partials/footer.html", "<p>x <!x> y</p>"},
	// Entities just before an action.
	{"partials/footer.html", `<p>R&amp;{{"copy"}} x</p>`},
	{"partials/footer.html", `<p>R&amp;{{"#60;"}} x</p>`},
	{"partials/footer.html", `<p>R&#38;{{"lt;"}} x</p>`},
	{"partials/footer.html", "<p>&#x26;{{\"amp;\"}}</p>"},
	{"partials/footer.html", "<p>a &lt;{{\"b\"}}</p>"},
	// An input whose type an action writes.
	{"partials/footer.html", `<input type="{{if true}}radio{{end}}" value="">`},
	// Partials written into the middle of a line.
	{"partials/odd.html", "<b>a </b>", "partials/footer.html", `<p>{{template "partials/odd.html" .}}b</p>`},
	{"partials/odd.html", "\n<b>b</b>", "partials/footer.html", `<p>a{{template "partials/odd.html" .}}</p>`},
	{"partials/odd.html", " <b>b</b>", "partials/footer.html", `<p>a{{partialCached "partials/odd.html" . "k"}}</p>`},
	// Elements whose text is kept, with an action after their name, or
	// an end tag that is not theirs.
	{"partials/footer.html", "<textarea></textareax>{{.Site.Title}}  b &amp; c</textarea>"},
	{"partials/footer.html", "<script>a(\"</scripts>\");  b(\"&amp;\", {{.Site.Title}});</script>"},
	{"partials/footer.html", `<textarea{{if true}} rows="3"{{end}}>  a  &amp;  {{.Site.Title}}</textarea>`},
	{"partials/footer.html", `<script{{if true}} async{{end}}>var s = "&amp;  x"; var t = {{.Site.Title}};</script>`},
	{"partials/footer.html", `<style{{if true}} media="print"{{end}}>a::after { content: "&amp;  x{{.Site.Title}}" }</style>`},
	{"partials/footer.html", "<pre{{if true}} class=\"x\"{{end}}>  a  &amp;  {{.Site.Title}}\n  b</pre>"},
	{"partials/footer.html", "<pre title=\"</pre>\">  a  {{.Site.Title}}\n  b</pre>"},
	// Parts minified written where their spaces show, or into a script.
	{"partials/odd.html", "a\n   b  <b> c </b>", "partials/footer.html", `<pre>{{template "partials/odd.html" .}}</pre>`},
	{"partials/odd.html", "a\n   b  <b> c </b>", "partials/footer.html", `<textarea>{{template "partials/odd.html" .}}</textarea>`},
	{"partials/odd.html", "var a  =  \"x  y\";", "partials/footer.html", `<script>{{template "partials/odd.html" .}}</script>`},
	{"partials/odd.html", "a\n   b  <b> c </b>", "partials/footer.html", `<pre>{{partialCached "partials/odd.html" . "k"}}</pre>`},
	{"partials/odd.html", "a\n   b  <b> c </b>", "partials/footer.html", `{{with partialCached "partials/odd.html" . "k"}}<script>var a = {{.}};</script>{{end}}`},
	// An unquoted value holding an action, which the minifier quotes.
	{"partials/footer.html", `<p title=a{{""}}>x</p>`},
	// A partial ending in an entity cut short.
	{"partials/odd.html", "R &amp;", "partials/footer.html", `<p>{{template "partials/odd.html" .}}lt;</p>`},
	// Trim markers beside spaces the minifier makes.
	{"partials/footer.html", `<p>a&#32;{{- "b"}}</p>`},
	{"partials/footer.html", "<p>a\f{{- \"b\"}}</p>"},
	{"partials/footer.html", `<p>a <!-- c --> {{- "b"}}</p>`},
	{"partials/footer.html", `<p>R&amp; {{- "lt;"}}</p>`},
	// A part written into an attribute, or handed to a template writing
	// it into a script.
	{"partials/odd.html", "a  b", "partials/footer.html", `<p title="{{template "partials/odd.html" .}}">x</p>`},
	{"events/single.html", `{{define "head"}}<meta name="d" content="{{template "m" .}}">{{end}}{{define "m"}}a  b{{end}}`},
	{"partials/odd.html", "a  b", "partials/x.html", "<script>var a = {{.V}};</script>", "partials/footer.html",
		`{{template "partials/x.html" (dict "V" (partialCached "partials/odd.html" . "k"))}}`},
	// Attributes an action writes beside those the minifier reads together.
	{"partials/footer.html", `<input type="checkbox" value="" {{if true}}type="radio"{{end}}>`},
	{"partials/footer.html", `<a id="x" name="x" {{if true}}id="y"{{end}}>z</a>`},
	// A "<" that starts no tag.
	{"partials/footer.html", "<svg><g>0<0> 0 {{.Site.Title}}</g></svg>"},
	{"partials/footer.html", "<svg><g>0 </ {{.Site.Title}}</g></svg>"},
	{"partials/footer.html", "<p>1 < 2 {{.Site.Title}}</p>"},
	// Attributes the minifier writes by the value of others.
	{"partials/footer.html", `<input type="text" name="q" value="{{if false}}x{{end}}">`},
	{"partials/footer.html", `<a id="x" name="{{if true}}x{{end}}">y</a>`},
	{"partials/footer.html", `<meta name="keywords" content="{{.Site.Title}}, a, b">`},
	// Attributes run into each other or into an action.
	{"partials/footer.html", `<p hidden=""title="{{.Site.Title}}">x</p>`},
	{"partials/footer.html", `<p class="a"{{if true}}x{{end}}x>y</p>`},
	{"partials/footer.html", `<b title="t"{{"0"}}0>y</b>`},
	// Elements kept as written whose names run on.
	{"partials/footer.html", "<textarea>a</TEXTAREA1 b</textarea>"},
	{"partials/footer.html", "<teXtAreA!><A</teXtAreA>"},
	// What matched all along.
	{"partials/footer.html", "<p><b>{{.Site.Title}}</b>\n{{if true}}<i>y</i>{{end}}</p>"},
	{"partials/footer.html", `<svg><text x="0"> a  {{.Site.Title}}  b </text></svg>`},
	{"partials/footer.html", "<noscript> <p>  {{.Site.Title}}  </p> </noscript>"},
	{"partials/footer.html", "<p>{{.Site.Title}}&nbsp;{{.Site.Title}} &nbsp; {{.Site.Title}}</p>"},
	{"partials/footer.html", "<p>{{.Site.Title}} <!-- c --> {{.Site.Title}}</p>"},
	{"partials/footer.html", "<title>  a   &amp;  {{.Site.Title}} </title>"},
	{"partials/footer.html", "<xmp> a  {{.Site.Title}}  &amp; </xmp>"},
	{"partials/footer.html", "<select><option>a</option>  x {{.Site.Title}} y<option>b</option></select>"},
	{"partials/footer.html", `<input {{if true}}disabled{{end}} checked="{{.Site.Title}}" class=" a  {{.Site.Title}} ">`},
	{"partials/footer.html", `<p {{if true}}class="a"{{else}}class="b"{{end}} title='x'>y</p>`},
	{"partials/footer.html", `<meta name="{{if true}}keywords{{end}}" content="a, b">`},
	{"partials/footer.html", "<p>a \n {{- .Site.Title -}} \n b {{- /* c */ -}} c</p>"},
	{"partials/footer.html", "<P> A <B> {{.Site.Title}} </B> </P><PRE> {{.Site.Title}} </PRE>"},
	{"partials/footer.html", "<math><mi> x  {{.Site.Title}} </mi></math>"},
	{"partials/footer.html", "\r\n<p>\r\n  {{.Site.Title}}\r\n</p>\r\n"},
}

// TestMinifiedOddTemplates checks that odd templates give the same pages,
// minified as they are read or, when they cannot be, minified whole.
func TestMinifiedOddTemplates(t *testing.T) {
	for _, c := range oddTemplates {
		t.Run(c[len(c)-1], func(t *testing.T) {
			cfg := testConfig("")
			cfg.Templates = templatesWith(t, c...)
			sameDocuments(t, testSite(), cfg)
		})
	}
}

// TestMinifiedFaults checks that html/template finds the same fault in a
// template, or none, whether its text is minified or not; the minifier
// would mend some, such as an attribute left open at a partial's end.
func TestMinifiedFaults(t *testing.T) {
	cases := [][]string{
		// Entities a partial writes into a tag or a value, which the
		// minifier would decode as text.
		{"partials/odd.html", ` title="a&#34;b"`, "partials/footer.html", `<p{{template "partials/odd.html" .}}>x</p>`},
		{"partials/odd.html", "a&#39;b", "partials/footer.html", `<p title='{{template "partials/odd.html" .}}'>x</p>`},
	}
	for _, add := range []string{
		"\n<p>  a  </p>  {{end}}",
		"<p>x</p><!-- c",
		"<p>x</p><a href=\"y\"",
		"<p title=a\"b>x</p>",
		"<p   title=a\"b   class=c>{{.Kind}}</p>",
		"<p a\"b   =c>{{.Kind}}</p>",
		"<a href={{.Kind}}x   >y</a>",
		"{{if true}}<p  title=\"{{else}}<p>{{end}}x\">",
		"<p title=\"  a   b",
		"\r\n<p>\r\n  <b> x </b>  {{.Nope}}\r\n</p>",
		"\n\t<p>\t\t<b> x </b>\t{{.Nope}}</p>",
		"\n<pre>\n  x {{.Nope}}</pre>",
		"\n<pre>\n  x {{.Kind}}</pre>   <p>  {{.Nope}}</p>",
		"\n<p>  {{/* c */}}   {{.Nope}}</p>",
		"\n<p>   a   {{if\n   .Nope}}x{{end}}</p>",
		"<p>\xff\xfe  é  {{.Nope}}</p>",
		"<script>var a = 1;\n  var b = '{{.Kind}}\\</script>",
		"<p style=\"a: '\\\">{{.Kind}}</p>",
	} {
		cases = append(cases, []string{"partials/footer.html", add})
	}
	for _, c := range cases {
		cfg := testConfig("")
		cfg.Templates = templatesWith(t, c...)
		var msgs []string
		for _, minify := range []bool{false, true} {
			cfg.Minify = minify
			msg := "no fault"
			if _, err := Render(testSite(), cfg); err != nil {
				msg = err.Error()
			}
			msgs = append(msgs, msg)
		}
		if msgs[0] != msgs[1] {
			t.Errorf("%q:\nas written: %s\nminified:   %s", c, msgs[0], msgs[1])
		}
	}
}

// firstDiff shows where a and b first differ.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-60)
	return fmt.Sprintf("at byte %d\n  %q\n  %q", i, a[lo:min(len(a), i+60)], b[lo:min(len(b), i+60)])
}
