// Package synth generates content trees of any size in the shape of the
// content contract, to measure how Frise scales. The same size and seed
// always give the same bytes.
//
// A tree of n events holds:
//
//	_index.md            the site's title, description and introduction
//	events/*.md          n events, each with a title, a full date (1975–2024), a
//	                     summary, 1–3 actors out of 200, 1–2 places out of 100,
//	                     1–4 topics out of 50, 1–2 quoted sources, and a
//	                     Markdown body of about 250 words
//	sources/*.md         one article of about 600 words per ten events, with
//	                     title, publisher, publication date and address; every
//	                     quote an event makes occurs in its source's text
//	actors/*.md          200 people and institutions, with aliases, roles and countries
//	places/*.md          100 places, with an alias and a country
//
// Events name their actors and places by title or by alias, so loading a
// tree also exercises name resolution. Names are invented.
package synth

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"frise/timeline/content"
)

// The sizes of the vocabularies events draw their terms from.
const (
	Actors = 200
	Places = 100
	Topics = 50
	// EventsPerSource is how many events there are for each source article.
	EventsPerSource = 10
)

// FS returns the tree of n events generated from seed, in memory.
func FS(n int, seed int64) fstest.MapFS {
	m := fstest.MapFS{}
	// Generate only fails when emit does.
	_ = Generate(n, seed, func(name string, data []byte) error {
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	return m
}

// Write writes the tree of n events generated from seed into dir, which
// must not exist yet or be empty.
func Write(dir string, n int, seed int64) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: give a new folder for the generated content", dir)
	}
	made := map[string]bool{}
	return Generate(n, seed, func(name string, data []byte) error {
		d := path.Dir(name)
		if !made[d] {
			if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644)
	})
}

// Generate makes the tree of n events from seed and hands each file to
// emit, by its slash path in the tree, in a fixed order: _index.md, the
// actors, the places, the sources, then the events. It stops at emit's
// first error.
func Generate(n int, seed int64, emit func(name string, data []byte) error) error {
	g := newGen(n, seed)
	if err := emit("_index.md", g.index()); err != nil {
		return err
	}
	for _, t := range g.actors {
		if err := emit("actors/"+t.slug+".md", g.termFile(t)); err != nil {
			return err
		}
	}
	for _, t := range g.places {
		if err := emit("places/"+t.slug+".md", g.termFile(t)); err != nil {
			return err
		}
	}
	for i := range g.sources {
		if err := emit("sources/"+g.sources[i].id+".md", g.sourceFile(i)); err != nil {
			return err
		}
	}
	for i := range n {
		slug, data := g.event(i)
		if err := emit("events/"+slug+".md", data); err != nil {
			return err
		}
	}
	return nil
}

// term is a generated actor or place.
type term struct {
	title, slug     string
	aliases         []string
	role, country   string
	bio             string
	institutionLike bool
}

// source is a generated article, kept as sentences so events can quote them.
type source struct {
	id, title, publisher, url string
	published                 time.Time
	paragraphs                [][]string
}

type gen struct {
	n       int
	r       *rand.Rand
	actors  []term
	places  []term
	topics  []string
	sources []source
}

func newGen(n int, seed int64) *gen {
	g := &gen{n: n, r: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))}
	g.actors = g.makeActors()
	g.places = g.makePlaces()
	g.topics = topicNames[:Topics]
	ns := max(1, (n+EventsPerSource-1)/EventsPerSource)
	g.sources = make([]source, ns)
	for i := range g.sources {
		g.sources[i] = g.makeSource(i)
	}
	return g
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// names keeps the names of one kind of term unique once folded, as the
// loader requires of titles and aliases.
type names map[string]bool

func (ns names) add(s string) bool {
	k := content.Fold(s)
	if ns[k] {
		return false
	}
	ns[k] = true
	return true
}

func (g *gen) makeActors() []term {
	used, slugs := names{}, names{}
	var out []term
	const people = Actors * 7 / 10
	for len(out) < people {
		first, last := g.pick(firstNames), g.pick(lastNames)
		title := first + " " + last
		slug := content.Slugify(title)
		if !slugs.add(slug) || !used.add(title) {
			continue
		}
		t := term{title: title, slug: slug, role: g.pick(roles), country: g.pick(countries)}
		for _, a := range []string{string([]rune(first)[:1]) + ". " + last, t.role + " " + last} {
			if used.add(a) {
				t.aliases = append(t.aliases, a)
			}
		}
		t.bio = fmt.Sprintf("%s, %s (%s), intervient régulièrement dans les dossiers de coopération.", title, t.role, t.country)
		out = append(out, t)
	}
	for len(out) < Actors {
		country := g.pick(countries)
		title := g.pick(institutionHeads) + " " + g.pick(institutionFields) + " (" + country + ")"
		slug := content.Slugify(title)
		if !slugs.add(slug) || !used.add(title) {
			continue
		}
		t := term{title: title, slug: slug, country: country, institutionLike: true}
		if a := acronym(title); used.add(a) {
			t.aliases = append(t.aliases, a)
		}
		t.bio = fmt.Sprintf("Institution publique (%s) chargée de suivre les accords signés avec les pays voisins.", country)
		out = append(out, t)
	}
	return out
}

// acronym is made of the capitals and the country of an institution's name.
func acronym(title string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(title) {
		w = strings.TrimLeft(w, "(")
		if strings.HasPrefix(w, "l'") || strings.HasPrefix(w, "d'") {
			w = w[2:]
		}
		r := []rune(w)
		if len(r) > 0 && strings.ToUpper(string(r[0])) == string(r[0]) && string(r[0]) != "-" {
			b.WriteString(strings.ToUpper(content.Fold(string(r[0]))))
		}
	}
	return b.String()
}

func (g *gen) makePlaces() []term {
	used, slugs := names{}, names{}
	var out []term
	for len(out) < Places {
		start, end := g.pick(placeStarts), g.pick(placeEnds)
		if strings.EqualFold(start, end) {
			continue
		}
		title := start + end + g.pick(placeQualifiers)
		slug := content.Slugify(title)
		if !slugs.add(slug) || !used.add(title) {
			continue
		}
		t := term{title: title, slug: slug, country: g.pick(countries)}
		if a := "commune de " + title; used.add(a) {
			t.aliases = append(t.aliases, a)
		}
		t.bio = fmt.Sprintf("Commune (%s) où se sont tenues plusieurs réunions bilatérales.", t.country)
		out = append(out, t)
	}
	return out
}

// sentence writes one sentence of about twenty words, without its final period.
func (g *gen) sentence() string {
	var parts []string
	if g.r.IntN(4) == 0 {
		parts = append(parts, g.pick(openers))
	}
	subj := g.pick(subjects)
	if g.r.IntN(3) == 0 {
		subj = g.actors[g.r.IntN(len(g.actors))].title
	}
	if len(parts) > 0 {
		subj = lowerFirst(subj)
	}
	parts = append(parts, subj, g.pick(verbs), g.pick(objects), g.pick(complements))
	if g.r.IntN(2) == 0 {
		parts = append(parts, g.pick(complements))
	}
	if g.r.IntN(2) == 0 {
		parts = append(parts, "à "+g.places[g.r.IntN(len(g.places))].title)
	}
	return strings.Join(parts, " ")
}

// lowerFirst lowers the first letter of a common noun phrase after an opener.
func lowerFirst(s string) string {
	for _, p := range subjects {
		if s == p {
			return strings.ToLower(s[:1]) + s[1:]
		}
	}
	return s
}

func (g *gen) paragraph(sentences int) []string {
	out := make([]string, 0, sentences+1)
	for range sentences {
		out = append(out, g.sentence()+".")
	}
	if g.r.IntN(3) == 0 {
		out = append(out, g.pick(closers)+".")
	}
	return out
}

var (
	firstDay = time.Date(1975, 1, 1, 0, 0, 0, 0, time.UTC)
	days     = int(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Sub(firstDay).Hours() / 24)
)

func (g *gen) day() time.Time { return firstDay.AddDate(0, 0, g.r.IntN(days)) }

func (g *gen) makeSource(i int) source {
	s := source{
		id:        fmt.Sprintf("article-%06d", i+1),
		publisher: g.pick(publishers),
		published: g.day(),
	}
	s.url = fmt.Sprintf("https://presse.example.org/%d/%s", s.published.Year(), s.id)
	s.title = capitalize(g.pick(objects)) + " " + g.pick(complements)
	for range 6 {
		s.paragraphs = append(s.paragraphs, g.paragraph(5))
	}
	return s
}

func capitalize(s string) string {
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// quote picks a passage of source i: the start of one of its sentences.
func (g *gen) quote(i int) string {
	p := g.sources[i].paragraphs[g.r.IntN(len(g.sources[i].paragraphs))]
	words := strings.Fields(strings.TrimSuffix(p[g.r.IntN(len(p))], "."))
	if n := 8 + g.r.IntN(8); n < len(words) {
		words = words[:n]
	}
	return strings.Join(words, " ")
}

func (g *gen) index() []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(fmt.Sprintf("Chronologie de démonstration (%d événements)", g.n)))
	b.WriteString("description: \"Une chronologie générée pour mesurer la vitesse de Frise : des événements, des sources citées, des acteurs et des lieux inventés.\"\n")
	b.WriteString("language: fr\n---\n")
	b.WriteString(wrap("Cette chronologie est **générée** : ses noms, ses lieux et ses articles sont inventés, "+
		"mais elle a la forme et la taille d'une vraie. Chaque événement cite le passage exact de l'article qui le rapporte.", 78))
	return []byte(b.String())
}

func (g *gen) termFile(t term) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(t.title))
	fmt.Fprintf(&b, "aliases: %s\n", yamlList(t.aliases))
	if t.role != "" {
		fmt.Fprintf(&b, "role: %s\n", yamlString(t.role))
	}
	fmt.Fprintf(&b, "country: %s\n", yamlString(t.country))
	b.WriteString("---\n")
	b.WriteString(wrap(t.bio, 78))
	return []byte(b.String())
}

func (g *gen) sourceFile(i int) []byte {
	s := g.sources[i]
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(s.title))
	fmt.Fprintf(&b, "publisher: %s\n", yamlString(s.publisher))
	fmt.Fprintf(&b, "published: %s\n", s.published.Format("2006-01-02"))
	fmt.Fprintf(&b, "url: %s\n", s.url)
	b.WriteString("language: fr\n---\n")
	for k, p := range s.paragraphs {
		if k > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(wrap(strings.Join(p, " "), 78))
	}
	return []byte(b.String())
}

// event returns the slug and the file of event i.
func (g *gen) event(i int) (string, []byte) {
	date := g.day()
	actors := g.choose(len(g.actors), 1+g.r.IntN(3))
	places := g.choose(len(g.places), 1+g.r.IntN(2))
	topics := g.choose(len(g.topics), 1+g.r.IntN(4))
	lead := g.actors[actors[0]]
	verb, object := g.pick(verbs), g.pick(objects)
	place := g.places[places[0]].title
	title := lead.title + " " + verb + " " + object + " à " + place
	slug := fmt.Sprintf("%s-%s-%s-%d", date.Format("2006-01-02"), content.Slugify(verb+" "+object), content.Slugify(place), i+1)

	var b strings.Builder
	b.Grow(2400)
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(title))
	fmt.Fprintf(&b, "date: %s\n", date.Format("2006-01-02"))
	fmt.Fprintf(&b, "summary: %s\n", yamlString(g.sentence()+"."))
	b.WriteString("actors: ")
	b.WriteString(yamlList(g.mention(g.actors, actors)))
	b.WriteString("\nplaces: ")
	b.WriteString(yamlList(g.mention(g.places, places)))
	b.WriteString("\ntopics: ")
	ts := make([]string, len(topics))
	for k, t := range topics {
		ts[k] = g.topics[t]
	}
	b.WriteString(yamlList(ts))
	b.WriteString("\nsources:\n")
	src := min(i/EventsPerSource, len(g.sources)-1)
	cited := []int{src}
	if len(g.sources) > 1 && g.r.IntN(3) == 0 {
		cited = append(cited, (src+1+g.r.IntN(len(g.sources)-1))%len(g.sources))
	}
	for _, s := range cited {
		fmt.Fprintf(&b, "  - source: %s\n    quote: %s\n", g.sources[s].id, yamlString(g.quote(s)))
	}
	status := "reviewed"
	if g.r.IntN(4) == 0 {
		status = "extracted"
	}
	fmt.Fprintf(&b, "status: %s\n---\n", status)
	g.body(&b, lead, place, g.sources[src])
	return slug, []byte(b.String())
}

// body writes an event's Markdown body: three paragraphs of about eighty
// words, with emphasis, sometimes a list, and a link to the source.
func (g *gen) body(b *strings.Builder, lead term, place string, src source) {
	intro := "**Contexte.** " + strings.Join(g.paragraph(3), " ")
	b.WriteString(wrap(intro, 78))
	b.WriteByte('\n')
	if g.r.IntN(3) == 0 {
		for range 3 {
			fmt.Fprintf(b, "- %s %s ;\n", capitalize(g.pick(objects)), g.pick(complements))
		}
		b.WriteByte('\n')
	}
	second := strings.Join(g.paragraph(4), " ") + " *" + capitalize(g.pick(complements)) + "*, précise " + lead.title + "."
	b.WriteString(wrap(second, 78))
	b.WriteByte('\n')
	third := strings.Join(g.paragraph(3), " ") + fmt.Sprintf(" Voir [l'article de %s](%s) sur la réunion de %s.", src.publisher, src.url, place)
	b.WriteString(wrap(third, 78))
}

// choose returns k distinct indexes below n, in the order drawn.
func (g *gen) choose(n, k int) []int {
	out := make([]int, 0, k)
	for len(out) < k {
		i := g.r.IntN(n)
		dup := false
		for _, j := range out {
			dup = dup || i == j
		}
		if !dup {
			out = append(out, i)
		}
	}
	return out
}

// mention names each term by its title, or one time in five by an alias.
func (g *gen) mention(ts []term, idx []int) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		t := ts[i]
		out[k] = t.title
		if len(t.aliases) > 0 && g.r.IntN(5) == 0 {
			out[k] = t.aliases[g.r.IntN(len(t.aliases))]
		}
	}
	return out
}

// wrap breaks text into lines of at most width bytes, ending with a newline.
func wrap(text string, width int) string {
	var b strings.Builder
	col := 0
	for w := range strings.FieldsSeq(text) {
		if col > 0 && col+1+len(w) > width {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	b.WriteByte('\n')
	return b.String()
}

// yamlString quotes s for YAML.
func yamlString(s string) string { return `"` + yamlEscaper.Replace(s) + `"` }

var yamlEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

func yamlList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = yamlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// BenchSizes are the numbers of events benchmarks measure: 1,000 and
// 10,000, and 100,000 when the FRISE_BENCH_100K environment variable is set
// or the -test.bench pattern names 100k. The largest takes minutes and
// gigabytes, so it is left out of ordinary runs.
func BenchSizes() []int {
	sizes := []int{1000, 10000}
	if os.Getenv("FRISE_BENCH_100K") != "" {
		return append(sizes, 100000)
	}
	if f := flag.Lookup("test.bench"); f != nil && strings.Contains(f.Value.String(), "100k") {
		return append(sizes, 100000)
	}
	return sizes
}

// SizeName names a benchmark's size: 1k, 10k, 100k.
func SizeName(n int) string {
	if n >= 1000 && n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

// Tree writes the tree of n events (seed 1) into a folder named content
// in a new temporary folder of b, and returns its path: what a benchmark
// of reading from disk starts from. The output can go beside it, in
// filepath.Dir of the path.
func Tree(b *testing.B, n int) string {
	b.Helper()
	src := filepath.Join(b.TempDir(), "content")
	if err := Write(src, n, 1); err != nil {
		b.Fatal(err)
	}
	return src
}

// CPUMeter reports the processor time a benchmark's loop used, per
// iteration, as the metric cpu-ns/op. Call it before the loop:
//
//	defer synth.CPUMeter(b)()
func CPUMeter(b *testing.B) func() {
	start := CPUTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(CPUTime()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}
