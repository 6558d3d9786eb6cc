package htmlexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

// item and page are the data the tests' templates run on: strings that
// need escaping, typed strings, numbers, lists, maps, methods.
type item struct {
	Name  string
	URL   string
	N     int
	Tags  []string
	Inner *item
}

func (it *item) Label(prefix string) string { return prefix + it.Name }

type page struct {
	Title  string
	Body   template.HTML
	Link   template.URL
	JSON   template.JS
	Bad    string
	Empty  string
	Zero   int
	Count  uint
	Ratio  float64
	On     bool
	Items  []*item
	None   []*item
	Params map[string]any
	Nil    *item
	Any    any
	Kind   kindName
	Tuple  [2]int
	Ints   map[int]string
	Pairs  map[[2]int]string
	Err    error
	Names  tagList
}

// tagList is assignable to []string without being it.
type tagList []string

type kindName string

func (p *page) Rel(target string) string { return "../" + target }

func (p *page) Fail() (string, error) { return "", errors.New("no luck") }

func (p *page) Item(i int) *item { return p.Items[i] }

func (p *page) Pair(a, b string) string { return a + "|" + b }

func (p *page) Many(xs ...string) string { return strings.Join(xs, ",") }

func (p *page) Panic() string { panic("boom") }

func (p *page) Lookup(k string) (template.HTML, error) {
	if v, ok := p.Params[k].(template.HTML); ok {
		return v, nil
	}
	return "", errors.New("no such HTML")
}

var testFuncs = template.FuncMap{
	"upper": strings.ToUpper,
	"join":  func(sep string, xs []string) string { return strings.Join(xs, sep) },
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, errors.New("odd")
		}
		m := map[string]any{}
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, errors.New("key")
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
	"html2": func(s string) template.HTML { return template.HTML(s) },
	"n":     func() int { return 3 },
	"kind":  func(v any) string { return fmt.Sprintf("%T", v) },
	"keyed": func(name string, data any, keys ...any) (template.HTML, error) {
		if name == "" {
			return "", errors.New("no name")
		}
		return template.HTML(fmt.Sprintf("<b>%s</b> %v %d:%q", name, data, len(keys), keys)), nil
	},
}

// testCalls are the types of the tests' functions and methods a Set
// calls directly: all but the variadic ones, those with no argument or
// more than one besides the receiver.
var testCalls = []Call{
	Func2[*page, string, string](),                // Rel
	Func1E[*page, string](),                       // Fail
	Func2[*page, int, *item](),                    // Item
	Func1[*page, string](),                        // Panic
	Func2[*item, string, string](),                // Label
	Func1[string, string](),                       // upper
	Func2[string, []string, string](),             // join
	Func1[string, template.HTML](),                // html2
	Func2E[*page, string, template.HTML](),        // Lookup
	Func1[any, string](),                          // kind
	VariadicE[any, map[string]any](),              // dict
	Variadic2E[string, any, any, template.HTML](), // keyed
}

func testPage() *page {
	inner := &item{Name: "inner <b>", URL: "/in", N: -1}
	return &page{
		Title: `L'« accord » & "le reste" <script>+1`,
		Body:  template.HTML(`<p>Un <em>corps</em> &amp; du texte</p>`),
		Link:  template.URL("javascript:void(0)"),
		JSON:  template.JS(`{"a":1}`),
		Bad:   "javascript:alert(1)",
		Zero:  0, Count: 7, Ratio: 2.5, On: true,
		Items: []*item{
			{Name: "Rabat", URL: "places/rabat.html#x y", N: 2, Tags: []string{"a", "b"}, Inner: inner},
			{Name: "Élysée", URL: "https://exemple.fr/é?q=1&r=%41%zz%4", N: 0},
			{Name: "", URL: "", N: 5, Tags: nil},
		},
		Params: map[string]any{"k": "v", "n": 2, "list": []string{"x", "y"}, "html": template.HTML("<i>i</i>")},
		Any:    "dans une interface",
		Kind:   "genre",
		Tuple:  [2]int{1, 2},
		Ints:   map[int]string{10: "dix", -2: "moins deux", 2: "deux"},
		Pairs:  map[[2]int]string{{1, 2}: "a", {0, 1}: "b"},
		Names:  tagList{"Rabat", "Madrid"},
	}
}

// runBoth executes src as html/template does and as a Set does, and
// returns both outputs, html/template's error, and whether the Set ran it.
// The Set runs it twice, calling testCalls' functions directly and then
// every function through reflection, and both runs must agree.
func runBoth(t testing.TB, src string, data any) (want, got string, werr error, ran bool, why string) {
	t.Helper()
	tmpl, err := template.New("t").Funcs(testFuncs).Parse(src)
	if err != nil {
		t.Skipf("does not parse: %v", err)
	}
	var w bytes.Buffer
	werr = tmpl.ExecuteTemplate(&w, "t", data)
	got, ran, why = runSet(t, New(tmpl, testFuncs, testCalls, "t"), src, data)
	got2, ran2, why2 := runSet(t, New(tmpl, testFuncs, nil, "t"), src, data)
	if got != got2 || ran != ran2 {
		t.Fatalf("%q: called directly, wrote %q (ran %v: %s); through reflection, %q (ran %v: %s)", src, got, ran, why, got2, ran2, why2)
	}
	return w.String(), got, werr, ran, why
}

// runSet executes src's template t of set on data, after what a buffer
// held, and returns what it wrote and whether it ran.
func runSet(t testing.TB, set *Set, src string, data any) (got string, ran bool, why string) {
	t.Helper()
	buf := bytes.NewBufferString("before|")
	why, ran = set.execute(buf, "t", data)
	if !strings.HasPrefix(buf.String(), "before|") {
		t.Fatalf("%q: the buffer lost what it held: %q", src, buf.String())
	}
	if !ran && buf.String() != "before|" {
		t.Fatalf("%q: declined but left %q", src, buf.String())
	}
	return strings.TrimPrefix(buf.String(), "before|"), ran, why
}

func TestExecute(t *testing.T) {
	for _, tt := range executeTests {
		t.Run(tt.name, func(t *testing.T) {
			want, got, werr, ran, why := runBoth(t, tt.src, testPage())
			switch {
			case ran && werr != nil:
				t.Fatalf("ran %q, where html/template fails: %v\ngot %q", tt.src, werr, got)
			case ran && got != want:
				t.Fatalf("%q:\n got %q\nwant %q", tt.src, got, want)
			case ran == tt.declines:
				t.Fatalf("%q: ran %v, want %v (%s)", tt.src, ran, !tt.declines, why)
			}
		})
	}
}

// executeTests are templates on testPage, and whether a Set declines them.
var executeTests = []struct {
	name     string
	src      string
	declines bool // html/template's work: a Set leaves it
}{
	{"texte", `<p>{{.Title}}</p>`, false},
	{"attribut", `<a title="{{.Title}}" href="{{.Rel "x y.html"}}">{{.Title}}</a>`, false},
	{"titre", `<title>{{.Title}} — {{.Kind}}</title>`, false},
	{"HTML dans le texte", `<div>{{.Body}}</div>`, false},
	{"URL dangereuse", `<a href="{{.Bad}}">x</a><a href="{{.Link}}">y</a>`, false},
	{"URL normalisée", `{{range .Items}}<a href="{{.URL}}">{{.Name}}</a>{{end}}`, false},
	{"URL en requête", `<a href="/s?q={{.Title}}&u={{.Link}}">q</a>`, false},
	{"JSON-LD", `<script type="application/ld+json">{{.JSON}}</script>`, false},
	{"nombres", `<p>{{.Zero}} {{.Count}} {{.Ratio}} {{.On}} {{len .Items}} {{.Tuple}}</p>`, false},
	{"if else", `{{if .Empty}}a{{else if .Zero}}b{{else if .On}}c{{else}}d{{end}}`, false},
	{"with else with", `{{with .Empty}}a{{else with .Title}}<b>{{.}}</b>{{end}}`, false},
	{"range vide", `<ul>{{range .None}}<li>{{.Name}}{{else}}<li>rien{{end}}</ul>`, false},
	{"range variables", `{{range $i, $it := .Items}}{{if $i}}, {{end}}{{$i}}:{{$it.Name}}:{{$.Title}}{{end}}`, false},
	{"range un seul", `{{range $it := .Items}}[{{$it.N}}]{{end}}`, false},
	{"break continue", `{{range .Items}}{{if eq .N 0}}{{continue}}{{end}}{{if lt .N 0}}{{break}}{{end}}{{.Name}};{{end}}`, false},
	{"variables", `{{$p := .}}{{$t := .Title}}{{with .Items}}{{$t = "autre"}}{{$p.Rel "a"}}{{end}}{{$t}}`, false},
	{"méthodes", `{{.Rel "x"}} {{(.Item 0).Name}}`, false},
	{"méthode à arguments", `{{.Pair "a" .Title}} {{.Many}} {{.Many "a" "b"}} {{"c" | .Many "a"}}`, false},
	{"méthode d'un élément", `{{range .Items}}{{.Label "› "}}{{end}}`, false},
	{"chaîne", `{{(.Item 0).Inner.Name}} {{(.Item 1).Name}}`, false},
	{"map", `{{.Params.k}} {{.Params.n}} {{range .Params.list}}{{.}}{{end}} {{.Params.html}}`, false},
	{"clé absente", `{{.Params.missing}} {{with .Params.nope}}oui{{else}}non{{end}} {{.Params.nope.deeper}}`, false},
	{"champ de rien", `{{define "s"}}[{{.X}}]{{end}}{{template "s"}}`, false},
	{"fonctions", `{{upper .Title}} {{join ", " (.Item 0).Tags}} {{.Title | upper}}`, false},
	{"dict", `{{with dict "P" . "E" (.Item 0)}}{{.E.Name}} {{.P.Title}}{{end}}`, false},
	{"comparaisons", `{{eq .Zero 0}} {{ne .Title "x"}} {{lt .Zero 1}} {{le 2 2}} {{gt .Ratio 2.0}} {{ge .Count 7}} {{eq .Count 7}} {{eq 7 .Count}} {{eq .Kind "genre" "x"}}`, false},
	{"and or not", `{{and .On .Title}} {{or .Empty .Zero "z"}} {{not .On}} {{and .Empty (.Fail)}} {{or .On (.Fail)}}`, false},
	{"slice", `<p data-k="{{slice .Title 0 1}}">{{slice .Title 2}}</p>`, false},
	{"print", `{{print .Zero "a" .Title}} {{printf "%d-%s" .Count .Title}} {{println .On}}`, false},
	{"template", `{{define "sub"}}<i>{{.}}</i>{{end}}{{template "sub" .Title}}{{range .Items}}{{template "sub" .Name}}{{end}}`, false},
	{"block", `{{block "b" .}}<u>{{.Kind}}</u>{{end}}`, false},
	{"trim", "<p>\n  {{- .Title -}}\n  </p>{{/* un commentaire */}}", false},
	{"interface", `<p>{{.Any}}</p>`, false},
	{"fonction sans argument", `{{n}} {{len .Title | printf "%d"}}`, false},
	{"range imbriqués", `{{range .Items}}{{range .Tags}}{{if eq . "b"}}{{break}}{{end}}{{.}}{{end}}|{{end}}`, false},
	{"break dans un else", `{{range .Items}}{{range .None}}x{{else}}a{{break}}b{{end}}{{.N}}{{end}}`, true},
	{"template sans argument", `{{define "s"}}[{{.}}]{{end}}{{template "s"}}`, false},
	{"variable du pipeline d'un template", `{{define "s"}}{{.}}{{end}}{{template "s" $x := .Kind}}{{$x}}`, false},
	{"else with", `{{with .Empty}}a{{else with .Zero}}b{{else with .Kind}}{{.}}{{else}}c{{end}}`, false},
	{"range sur un entier", `{{range 3}}{{.}}{{end}}{{range $i := .Count}}{{$i}},{{if eq $i 4}}{{break}}{{end}}{{end}}{{range .Zero}}x{{else}}rien{{end}}`, false},
	{"range sur un entier à deux variables", `{{range $i, $e := 3}}{{.}}{{end}}`, true},
	{"range sur une map", `{{range $k, $v := .Params}}{{$k}}={{$v}};{{end}}{{range .Ints}}{{.}}{{end}}`, false},
	{"index", `{{index .Items 1 | printf "%v"}} {{(index .Items 0).Name}} {{index .Params "k"}} {{index .Params "nope"}} {{index .Title 0}} {{index .Tuple 1}} {{index .Ints 2}} {{index .Ints 9}}`, false},
	{"index hors des bornes", `{{index .Items 5}}`, true},
	{"parenthèses et champs", `{{(.Item 0).Inner.Label "»"}}`, false},
	{"argument fonction", `{{printf "%d" n}}`, false},
	{"constantes typées", `{{.Pair "a" "b"}} {{slice .Title 1 3}} {{printf "%.1f %v %v" 1.25 true 'x'}}`, false},
	{"comparaisons mixtes", `{{eq .Count 7}} {{lt .Zero .Count}} {{gt .Count -1}}`, false},
	{"comparaison impossible", `{{lt .On true}}`, true},
	{"nil en argument", `{{.Many nil}}`, true},
	{"and sans argument que le pipeline", `{{.Title | and}} {{.Empty | or}}`, false},
	{"with sur une interface", `{{with .Any}}<b>{{.}}</b>{{end}}{{with .Params.list}}{{len .}}{{end}}`, false},
	{"HTML dans un attribut", `<p title="{{.Body}}">x</p>`, true},
	{"pointeur nul", `{{.Nil.Name}}`, true},
	{"erreur d'une méthode", `{{.Fail}}`, true},
	{"méthode à erreur", `<p>{{.Lookup "html"}}</p>`, false},
	{"méthode à erreur qui échoue", `<p>{{.Lookup "k"}}</p>`, true},
	{"variadiques", `{{keyed "a" 1}} {{keyed "b" .Title "x"}} {{keyed "c" 2 "x" .Zero nil}} {{.Title | keyed "d" 3}} {{.Title | keyed "e"}}`, false},
	{"variadique qui échoue", `{{keyed "" 1}}`, true},
	{"variadique sans assez d'arguments", `{{keyed "a"}}`, true},
	{"dict vide", `{{len (dict)}}`, false},
	{"argument d'interface", `{{kind .Title}} {{kind nil}} {{kind .Any}} {{kind (.Item 0)}} {{kind 3}} {{.Title | kind}}`, false},
	{"argument de mauvais type", `{{upper .Zero}}`, true},
	{"arguments que l'appel direct ne prend pas", `{{kind .Err}} {{.Err | kind}} {{join ", " .Names}} {{keyed "a" .Err .Names}}`, false},
	{"trop d'arguments", `{{.Rel "a" "b"}}`, true},
	{"panique", `{{.Panic}}`, true},
	{"champ inconnu", `{{.Nope}}`, true},
	{"index hors limites", `{{(.Item 9).Name}}`, true},
	{"map de clés composées", `{{range .Pairs}}{{.}}{{end}}`, true},
	{"html dans un titre", `<title>{{html2 "<b>"}}</title>`, true},
	{"script ordinaire", `<script>var t = {{.Title}};</script>`, true},
	{"attribut sans guillemets", `<p class={{.Title}}>x</p>`, true},
}

// TestCallReturningInterface checks that a Call is refused for functions
// that return an interface, whose results reflection gives otherwise.
func TestCallReturningInterface(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Func1[string, any] made a Call")
		}
	}()
	Func1[string, any]()
}

// TestExecuteReflectValue checks that data given as a reflect.Value
// stands for the value it holds, as text/template has it.
func TestExecuteReflectValue(t *testing.T) {
	for _, c := range []struct {
		src  string
		data any
	}{
		{`<p>{{.Kind}}</p>`, reflect.ValueOf(testPage())},
		{`<p>{{.}}</p>`, reflect.ValueOf(template.HTML("<b>x</b>"))},
		{`{{if .}}oui{{else}}non{{end}}`, reflect.ValueOf(0)},
		{`<p>[{{.}}]</p>`, reflect.Value{}},
	} {
		want, got, werr, ran, why := runBoth(t, c.src, c.data)
		if werr != nil || !ran || got != want {
			t.Errorf("%q on %v: got %q (ran %v: %s), want %q (%v)", c.src, c.data, got, ran, why, want, werr)
		}
	}
}

// TestExecuteMissingKey checks that a key a map lacks, and a field of
// nothing, give what the set's missingkey option says, or are left to
// html/template when that is an error.
func TestExecuteMissingKey(t *testing.T) {
	for _, c := range []struct {
		option string
		runs   bool
	}{
		{"missingkey=default", true},
		{"missingkey=invalid", true},
		{"missingkey=zero", true},
		{"missingkey=error", false},
	} {
		src := `[{{.a}}] {{with .b}}oui{{else}}non{{end}} {{define "s"}}<{{.X}}>{{end}}{{template "s"}}`
		tmpl := template.Must(template.New("t").Option(c.option).Parse(src))
		var want bytes.Buffer
		werr := tmpl.Execute(&want, map[string]int{})
		set := New(tmpl, nil, nil, "t")
		var got bytes.Buffer
		ran := set.Execute(&got, "t", map[string]int{})
		switch {
		case ran != c.runs:
			t.Errorf("%s: ran %v, want %v", c.option, ran, c.runs)
		case ran && (werr != nil || got.String() != want.String()):
			t.Errorf("%s: got %q, want %q (%v)", c.option, got.String(), want.String(), werr)
		}
	}
}
