package site

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"frise/timeline/content"
	"frise/timeline/edtf"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// testSite is a small timeline by hand: dates at every precision, an
// interval, an approximate and an open date, terms with and without pages,
// a source quoted twice by overlapping passages, and hostile text.
func testSite() *content.Site {
	ue := &content.Term{Kind: "actors", Slug: "union-europeenne", Title: "Union européenne", Aliases: []string{"UE"},
		Country: "Europe", Body: "Union politique et économique de **27 États**.", File: "actors/union-europeenne.md"}
	bourita := &content.Term{Kind: "actors", Slug: "nasser-bourita", Title: "Nasser Bourita",
		Role: "ministre marocain des Affaires étrangères", Country: "Maroc", File: "actors/nasser-bourita.md"}
	hostile := &content.Term{Kind: "actors", Slug: "script", Title: `<script>alert("acteur")</script>`}
	valette := &content.Term{Kind: "places", Slug: "la-valette", Title: "La Valette", Country: "Malte"}
	maroc := &content.Term{Kind: "places", Slug: "maroc", Title: "Maroc"}
	migration := &content.Term{Kind: "topics", Slug: "migration", Title: "migration"}
	visas := &content.Term{Kind: "topics", Slug: "visas", Title: "visas"}
	societe := &content.Term{Kind: "topics", Slug: "societe-civile", Title: "société civile"}

	valetteText := "En novembre 2015, les chefs d'Etat et de gouvernement africains et européens\n" +
		"ont exploré les possibilités d'une coopération plus étroite lors du sommet sur la migration à La Valette.\n\n" +
		"Les dirigeants ont adopté une déclaration politique et un plan d'action."
	s1 := &content.Source{ID: "000_valette", File: "sources/000_valette.txt", Title: "Le processus de La Valette",
		Text: valetteText, Raw: valetteText}
	visasText := "Pour rappel, la France avait divisé par deux le nombre de visas accordés aux Marocains en 2021-2022. " +
		"Une société <script>alert('source')</script> civile s'en est émue."
	s2 := &content.Source{ID: "001_visas", File: "sources/001_visas.md", Title: "Rabat-Paris : vers un nouveau cadre",
		Publisher: "Quid", URL: "javascript:alert('url')", Published: edtf.Single(edtf.Day(2025, 4, 14)),
		PublishedHow: "front matter", Text: visasText}
	s3 := &content.Source{ID: "002_oqtf", File: "sources/002_oqtf.md", Title: "Exécution des OQTF",
		Publisher: "L'Opinion", URL: "https://www.lopinion.ma/oqtf.html", Published: edtf.Single(edtf.Month(2024, 10)),
		Text: "Le ministre des Affaires étrangères, Nasser Bourita, avait fait savoir que le Maroc coopère pleinement."}

	e1 := &content.Event{Slug: "2015-11-sommet-de-la-valette", File: "events/2015-11-sommet-de-la-valette.md",
		Title: "Sommet de La Valette sur la migration", Date: edtf.Single(edtf.Month(2015, 11)), DateText: "2015-11",
		Summary: "Les dirigeants européens et africains adoptent une déclaration et un plan d'action.",
		Actors:  []*content.Term{ue}, Places: []*content.Term{valette}, Topics: []*content.Term{migration},
		Sources: []content.Citation{{Source: s1, Quote: "En novembre 2015, les chefs d'Etat et de gouvernement africains et européens ont exploré"}},
		Status:  "reviewed", Body: "Un sommet **décisif** : voir [le site](https://www.consilium.europa.eu/) et [ceci](javascript:alert(1)).\n\n<script>alert('body')</script>"}
	e2 := &content.Event{Slug: "2018-migrations-en-hausse", File: "events/2018-migrations-en-hausse.md",
		Title: "Hausse des arrivées par la Méditerranée", Date: edtf.Single(edtf.Year(2018).With(edtf.Approximate)), DateText: "2018~",
		Summary: "Les arrivées par la route de la Méditerranée occidentale augmentent fortement.",
		Actors:  []*content.Term{ue}, Topics: []*content.Term{migration},
		Sources: []content.Citation{{Source: s1, Quote: "les chefs d'Etat et de gouvernement africains et européens ont exploré les possibilités"}},
		Status:  "extracted"}
	e3 := &content.Event{Slug: "2021-visas-divises-par-deux", File: "events/2021-visas-divises-par-deux.md",
		Title: `La France divise par deux les visas <script>alert("titre")</script>`, Date: edtf.Between(edtf.Year(2021), edtf.Year(2022)), DateText: "2021/2022",
		Summary: "Paris réduit les visas ; Rabat proteste !",
		Actors:  []*content.Term{bourita, hostile}, Places: []*content.Term{maroc}, Topics: []*content.Term{visas, societe},
		Sources: []content.Citation{
			{Source: s2, Quote: "la France avait divisé par deux le nombre de visas"},
			{Source: s3, Quote: "Nasser Bourita, avait fait savoir que le Maroc coopère pleinement"},
			{Source: s2, Quote: "Une société <script>alert('source')</script> civile"},
		},
		Status: "reviewed"}
	e4 := &content.Event{Slug: "2024-10-cooperation-en-cours", File: "events/2024-10-cooperation-en-cours.md",
		Title: "Coopération migratoire renforcée", Date: edtf.Since(edtf.Month(2024, 10)), DateText: "2024-10/..",
		Actors: []*content.Term{bourita}, Places: []*content.Term{maroc}, Topics: []*content.Term{migration, visas},
		Sources: []content.Citation{{Source: s3, Quote: "le Maroc coopère pleinement"}},
		Status:  "reviewed"}
	e5 := &content.Event{Slug: "2024-10-29-discours", File: "events/2024-10-29-discours.md",
		Title: "Discours devant le Parlement", Date: edtf.Single(edtf.Day(2024, 10, 29).With(edtf.Uncertain)), DateText: "2024-10-29?",
		Places: []*content.Term{maroc}, Status: "extracted"}

	events := []*content.Event{e1, e2, e3, e4, e5}
	link := func(t *content.Term, es ...*content.Event) { t.Events = es }
	link(ue, e1, e2)
	link(bourita, e4, e3) // out of order on purpose: pages sort them
	link(hostile, e3)
	link(valette, e1)
	link(maroc, e3, e4, e5)
	link(migration, e1, e2, e4)
	link(visas, e3, e4)
	link(societe, e3)
	s1.Citations = []*content.Event{e1, e2}
	s2.Citations = []*content.Event{e3}
	s3.Citations = []*content.Event{e3, e4}
	return &content.Site{
		Title:       "Frise : essai",
		Description: "Une chronologie d'essai.",
		Language:    "fr",
		Intro:       "Une chronologie **d'essai** : cinq événements.",
		Events:      events,
		Sources:     []*content.Source{s1, s2, s3},
		Actors:      []*content.Term{bourita, hostile, ue},
		Places:      []*content.Term{valette, maroc},
		Topics:      []*content.Term{migration, societe, visas},
	}
}

// testConfig renders with the project's own templates and static files.
func testConfig(base string) Config {
	return Config{BaseURL: base, Templates: os.DirFS("../../templates"), Static: os.DirFS("../../static")}
}

func render(t testing.TB, base string) map[string][]byte {
	t.Helper()
	out, err := Render(testSite(), testConfig(base))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRenderGolden(t *testing.T) {
	out := render(t, "https://frise.example.org/")
	var names []string
	for name := range out {
		if strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	want := []string{"404.html",
		"actors/nasser-bourita.html", "actors/script.html", "actors/union-europeenne.html",
		"events/2015-11-sommet-de-la-valette.html", "events/2018-migrations-en-hausse.html",
		"events/2021-visas-divises-par-deux.html", "events/2024-10-29-discours.html",
		"events/2024-10-cooperation-en-cours.html", "index.html",
		"places/la-valette.html", "places/maroc.html",
		"sources/000_valette.html", "sources/001_visas.html", "sources/002_oqtf.html",
		"topics/migration.html", "topics/societe-civile.html", "topics/visas.html",
		"years/2015.html", "years/2018.html", "years/2021.html", "years/2024.html"}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("pages:\n%s\nwant:\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
	for _, name := range names {
		golden := filepath.Join("testdata", "golden", filepath.FromSlash(name))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, out[name], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to write it)", err)
		}
		if !bytes.Equal(out[name], want) {
			t.Errorf("%s differs from %s:\n%s", name, golden, diff(string(want), string(out[name])))
		}
	}
}

// diff shows the first lines where two texts part.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return ""
}

func TestRenderTwiceSameBytes(t *testing.T) {
	a, b := render(t, "https://frise.example.org/"), render(t, "https://frise.example.org/")
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

var (
	hrefRe = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	idRe   = regexp.MustCompile(` id="([^"]*)"`)
)

// TestLinksResolve checks that every link of every page, without a base URL
// as a local build makes it, leads to a rendered file (or an export another
// package writes) and, with #anchor, to an element of it.
func TestLinksResolve(t *testing.T) {
	out := render(t, "")
	exports := make(map[string]bool)
	for _, e := range Exports {
		exports[e.Path] = true
	}
	ids := make(map[string]map[string]bool)
	for name, data := range out {
		if strings.HasSuffix(name, ".html") {
			ids[name] = make(map[string]bool)
			for _, m := range idRe.FindAllStringSubmatch(string(data), -1) {
				ids[name][m[1]] = true
			}
		}
	}
	for name, data := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range hrefRe.FindAllStringSubmatch(string(data), -1) {
			link := strings.ReplaceAll(m[1], "&amp;", "&")
			if strings.HasPrefix(link, "https://") || strings.HasPrefix(link, "http://") {
				continue
			}
			if strings.Contains(link, ":") {
				t.Errorf("%s: link %q has a scheme", name, link)
				continue
			}
			target, frag, _ := strings.Cut(link, "#")
			if target == "" {
				target = name
			} else {
				target = resolve(name, target)
			}
			if _, ok := out[target]; !ok && !exports[target] {
				t.Errorf("%s: link %q leads to %s, which is not rendered", name, link, target)
				continue
			}
			if frag != "" && !ids[target][frag] {
				t.Errorf("%s: link %q: %s has no element with id %q", name, link, target, frag)
			}
		}
	}
}

// resolve joins a relative link to the folder of the page it is on.
func resolve(page, link string) string {
	dir := filepath.ToSlash(filepath.Dir(page))
	p := filepath.ToSlash(filepath.Clean(filepath.Join(dir, link)))
	return p
}

func TestRel(t *testing.T) {
	tests := []struct {
		name, from, to, want string
	}{
		{"accueil vers un événement", "index.html", "events/2015-11-sommet.html", "events/2015-11-sommet.html"},
		{"accueil vers sa propre ancre", "index.html", "index.html#y2015", "#y2015"},
		{"accueil vers un fichier de données", "index.html", "atom.xml", "atom.xml"},
		{"événement vers un acteur", "events/2015-11-sommet.html", "actors/union-europeenne.html", "../actors/union-europeenne.html"},
		{"événement vers l'accueil et son ancre", "events/2015-11-sommet.html", "index.html#2015-11-sommet", "../index.html#2015-11-sommet"},
		{"source vers sa propre ancre", "sources/000.html", "sources/000.html#q-x-1", "#q-x-1"},
		{"source vers une autre source", "sources/000.html", "sources/001.html#q-x-1", "../sources/001.html#q-x-1"},
		{"deux niveaux", "a/b/c.html", "static/style.css", "../../static/style.css"},
		{"page 404 à la racine", "404.html", "static/style.css", "static/style.css"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Rel(tt.from, tt.to); got != tt.want {
				t.Errorf("Rel(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
			}
		})
	}
}

// TestNotFoundPage checks that the 404 page links from the server's root
// when it is served (base URL set), on whatever host serves it, and
// relatively when read from disk.
func TestNotFoundPage(t *testing.T) {
	for _, tt := range []struct{ name, base, want string }{
		{"servi à la racine", "https://frise.example.org/", `href="/static/style.css"`},
		{"servi sous un chemin", "https://example.org/frise", `href="/frise/static/style.css"`},
		{"lu depuis le disque", "", `href="static/style.css"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, tt.base)
			if !bytes.Contains(out["404.html"], []byte(tt.want)) {
				t.Errorf("404.html lacks %s", tt.want)
			}
		})
	}
}

// TestHostileText checks that markup and scripts in the content come out as
// text, and that only http(s) addresses become links.
func TestHostileText(t *testing.T) {
	out := render(t, "https://frise.example.org/")
	for name, data := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		s := string(data)
		for _, bad := range []string{"<script>alert", "javascript:", `href="data:`} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
		if n := strings.Count(s, "<script"); n > 2 {
			t.Errorf("%s has %d script elements", name, n)
		}
	}
	ev := string(out["events/2021-visas-divises-par-deux.html"])
	if !strings.Contains(ev, "&lt;script&gt;alert(&#34;titre&#34;)&lt;/script&gt;") {
		t.Errorf("the hostile title is not shown as text")
	}
	if !strings.Contains(ev, `\u003cscript\u003e`) {
		t.Errorf("the hostile title is not escaped in the JSON-LD")
	}
}

// TestSourceMarks checks that each quoted passage is marked in its source,
// overlapping passages included.
func TestSourceMarks(t *testing.T) {
	out := render(t, "")
	page := string(out["sources/000_valette.html"])
	for _, id := range []string{"q-2015-11-sommet-de-la-valette-1", "q-2018-migrations-en-hausse-1"} {
		if !strings.Contains(page, `<mark id="`+id+`">`) {
			t.Errorf("sources/000_valette.html: no mark with id %s", id)
		}
	}
	// The quote folds the text's line break into a space.
	if !strings.Contains(page, "africains et européens\nont exploré") {
		t.Errorf("the source text lost its line break")
	}
}

func TestFrench(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"deux-points", "Rabat-Paris : vers", "Rabat-Paris\u202f: vers"},
		{"point-virgule et point d'exclamation", "visas ; Rabat proteste !", "visas\u202f; Rabat proteste\u202f!"},
		{"guillemets espacés", "« faible coopération »", "«\u202ffaible coopération\u202f»"},
		{"guillemets serrés", "«faible»", "«\u202ffaible\u202f»"},
		{"espace insécable déjà là", "Pourquoi\u00a0?", "Pourquoi\u202f?"},
		{"heure et adresse intactes", "à 10:30, voir https://example.org", "à 10:30, voir https://example.org"},
		{"déjà composé", "Rabat\u202f: vers", "Rabat\u202f: vers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := French(tt.in); got != tt.want {
				t.Errorf("French(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestHighMarks checks the quick look for what French may space against
// strings.ContainsAny, on multi-byte letters beside the marks' bytes.
func TestHighMarks(t *testing.T) {
	for _, s := range []string{"", "a", "a;", ":", "!x", "x?", "«", "»", "a « b", "é", "Â«", "\xc2", "\xab", "à»", "l'été", "\u00a0", "\u202f", "\xc2\xc2\xab"} {
		// Long strings are looked through otherwise.
		long := strings.Repeat("x", 64)
		for _, s := range []string{s, long + s, s + long, long + s + "\xc2" + long} {
			if got, want := highMarks(s), strings.ContainsAny(s, ";:!?«»"); got != want {
				t.Errorf("highMarks(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

func TestFrenchHTML(t *testing.T) {
	in := `<p>Un sommet : <a href="https://x.org/a:b" title="a : b">voir</a> <code>a : b</code></p>`
	want := "<p>Un sommet\u202f: <a href=\"https://x.org/a:b\" title=\"a : b\">voir</a> <code>a : b</code></p>"
	if got := frenchHTML(in); got != want {
		t.Errorf("frenchHTML:\n got %q\nwant %q", got, want)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"accents et capitales", "Société Générale", "societe generale"},
		{"ligature", "Œuvre cœur", "oeuvre coeur"},
		{"apostrophe et ponctuation", "l’Intérieur, d'État !", "l interieur d etat"},
		{"cédille", "Français", "francais"},
		{"espaces multiples", "  La   Valette ", "la valette"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := searchWords("Société civile", "la société"); got != "societe civile la" {
		t.Errorf("searchWords = %q", got)
	}
}

func TestFoldSpaceFind(t *testing.T) {
	tests := []struct {
		name, text, quote, want string
	}{
		{"à l'identique", "Le Maroc coopère pleinement.", "coopère pleinement", "coopère pleinement"},
		{"saut de ligne", "les chefs\nd'Etat ont exploré", "chefs d'Etat", "chefs\nd'Etat"},
		{"espaces multiples dans la citation", "un plan d'action", "un   plan", "un plan"},
		{"tabulation et espaces", "  début\t\t du texte", "début du", "début\t\t du"},
		{"absente", "Le Maroc coopère.", "l'Algérie", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b, ok := foldSpace(tt.text).find(tt.quote)
			got := ""
			if ok {
				got = tt.text[a:b]
			}
			if got != tt.want {
				t.Errorf("find(%q) in %q = %q, want %q", tt.quote, tt.text, got, tt.want)
			}
		})
	}
}

func TestSegmentsOverlap(t *testing.T) {
	text := "abcdefghij"
	segs := segments(text, []passage{{Start: 2, End: 6, ID: "q-a-1"}, {Start: 4, End: 8, ID: "q-b-1"}, {Start: 4, End: 8, ID: "q-c-1"}})
	var b strings.Builder
	ids := 0
	for _, s := range segs {
		b.WriteString(s.Text)
		if s.ID != "" {
			ids++
		}
	}
	if b.String() != text {
		t.Errorf("segments rebuild %q, want %q", b.String(), text)
	}
	if ids != 3 {
		t.Errorf("%d anchors, want 3", ids)
	}
}

// TestBudgets keeps the script, the stylesheet and a home page within what
// a phone on a slow network loads quickly. The writer minifies; these are
// the sizes before, so they bound the minified ones.
func TestBudgets(t *testing.T) {
	out := render(t, "https://frise.example.org/")
	for _, b := range []struct {
		name string
		max  int
	}{{"static/app.js", 15 << 10}, {"static/style.css", 25 << 10}, {"index.html", 60 << 10}} {
		if n := len(out[b.name]); n > b.max {
			t.Errorf("%s is %d bytes, over its budget of %d", b.name, n, b.max)
		}
	}
}
