package frdate

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"frise/timeline/edtf"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// phrase is one row of testdata/phrases.txt.
type phrase struct {
	line            int
	name, ref, text string
	want            string
}

// unescape reads the \u00a0, \u202f, \u2019 and \n escapes of the tables.
func unescape(s string) string {
	return strings.NewReplacer(`\u00a0`, "\u00a0", `\u202f`, "\u202f", `\u2019`, "\u2019", `\n`, "\n").Replace(s)
}

func readTable(t testing.TB, name string, fields int) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, " | ")
		if len(parts) != fields {
			t.Fatalf("testdata/%s:%d: want %d fields separated by \" | \", have %d", name, n, fields, len(parts))
		}
		for k := range parts {
			parts[k] = unescape(strings.TrimSpace(parts[k]))
		}
		rows = append(rows, append(parts, fmt.Sprint(n)))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func phrases(t testing.TB) []phrase {
	var ps []phrase
	for _, r := range readTable(t, "phrases.txt", 4) {
		var n int
		fmt.Sscan(r[4], &n)
		ps = append(ps, phrase{line: n, name: r[0], ref: r[1], text: r[2], want: r[3]})
	}
	return ps
}

func mustParse(t testing.TB, s string) edtf.Value {
	t.Helper()
	v, err := edtf.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func values(ms []Match) string {
	if len(ms) == 0 {
		return "-"
	}
	var vs []string
	for _, m := range ms {
		vs = append(vs, m.Value.String())
	}
	return strings.Join(vs, " ; ")
}

// TestPhrases checks every phrase of the table and reports the share of exact matches.
func TestPhrases(t *testing.T) {
	ps := phrases(t)
	good := 0
	for _, p := range ps {
		got := values(Find(p.text, mustParse(t, p.ref)))
		if got == p.want {
			good++
			continue
		}
		t.Errorf("testdata/phrases.txt:%d: %s: Find(%q, %s) = %s, want %s", p.line, p.name, p.text, p.ref, got, p.want)
	}
	t.Logf("phrases: %d of %d exact (%.1f%%)", good, len(ps), 100*float64(good)/float64(len(ps)))
	if len(ps) < 300 {
		t.Errorf("the table has %d phrases; keep at least 300", len(ps))
	}
}

// TestNotDates checks that numbers, codes and quantities are not taken for dates.
func TestNotDates(t *testing.T) {
	ref := mustParse(t, "2024-10-04")
	rows := readTable(t, "notdates.txt", 2)
	for _, r := range rows {
		if ms := Find(r[1], ref); len(ms) > 0 {
			t.Errorf("testdata/notdates.txt:%s: %s: Find(%q) = %s (%q), want nothing", r[2], r[0], r[1], values(ms), ms[0].Text)
		}
	}
	t.Logf("not dates: %d texts", len(rows))
}

func TestSpans(t *testing.T) {
	for _, p := range phrases(t) {
		for _, m := range Find(p.text, mustParse(t, p.ref)) {
			if p.text[m.Start:m.End] != m.Text {
				t.Errorf("%s: span %d:%d is %q, text %q", p.name, m.Start, m.End, p.text[m.Start:m.End], m.Text)
			}
		}
	}
	text := "Le ministre a été reçu en novembre 2015 à Rabat."
	at := strings.Index(text, "en novembre")
	ms := Find(text, edtf.Value{})
	if len(ms) != 1 || ms[0].Text != "en novembre 2015" || ms[0].Start != at || ms[0].End != at+16 {
		t.Errorf("Find = %+v, want one match \"en novembre 2015\" at %d:%d", ms, at, at+16)
	}
}

func TestZeroReference(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"absolu", "Le 3 janvier 2019, il est arrivé.", "2019-01-03"},
		{"relatif ignoré", "Hier, il est arrivé mardi dernier.", "-"},
		{"mois seul ignoré", "En mars, il est arrivé.", "-"},
		{"mélange", "Hier, soit le 3 janvier 2019, il est arrivé.", "2019-01-03"},
		{"jour de semaine sans année ignoré", "Le jeudi 7 mars, il est arrivé.", "-"},
	} {
		if got := values(Find(c.text, edtf.Value{})); got != c.want {
			t.Errorf("%s: Find(%q, zero) = %s, want %s", c.name, c.text, got, c.want)
		}
	}
}

func TestAnchored(t *testing.T) {
	ref := mustParse(t, "2024-10-04")
	for _, c := range []struct {
		name, text string
		anchored   bool
	}{
		{"la veille", "La veille, le ministre avait démenti.", true},
		{"deux jours plus tard", "Deux jours plus tard, il a démissionné.", true},
		{"la semaine suivante", "La semaine suivante, le texte a été voté.", true},
		{"hier", "Hier, le ministre a démenti.", false},
		{"dans deux jours", "Le texte sera voté dans deux jours.", false},
	} {
		ms := Find(c.text, ref)
		if len(ms) != 1 {
			t.Errorf("%s: Find(%q) gives %d matches, want 1", c.name, c.text, len(ms))
			continue
		}
		if ms[0].Anchored != c.anchored || c.anchored && ms[0].Certain {
			t.Errorf("%s: Find(%q) anchored %v certain %v, want anchored %v and not certain", c.name, c.text, ms[0].Anchored, ms[0].Certain, c.anchored)
		}
	}
}

func TestPublished(t *testing.T) {
	for _, c := range []struct{ name, text, want, how string }{
		{"marqueur", " date 2025-05 Depuis la visite du chef de l’État en octobre dernier", "2025-05", "marker"},
		{"marqueur au jour", "date 2024-10-29\nLe ministre est arrivé.", "2024-10-29", "marker"},
		{"publié dans", "Titre\nPublié dans L'opinion le 04 - 10 - 2024\n\nTexte du 3 mars 2020.", "2024-10-04", "byline"},
		{"publié le", "Publié le 11 juillet 2016 à 15h30\nEn 2015, tout a changé.", "2016-07-11", "byline"},
		{"mis à jour seul", "Mis à jour le 12/07/2016 à 08h00\nEn 2015, tout a changé.", "2016-07-12", "byline"},
		{"publié avant mis à jour", "Mis à jour le 12 juillet 2016\nPublié le 11 juillet 2016", "2016-07-11", "byline"},
		{"inférence", "Les arrivées de 2015 et 2018, et l'accord signé le 30 avril 2022.", "2022-04-30/..", "inferred"},
		{"inférence sans le futur", "Les arrivées de 2015 et 2018 ont marqué le pays. L'accord entrera en vigueur le 30 avril 2022.", "2018/..", "inferred"},
		{"inférence au futur seul", "L'accord entrera en vigueur le 30 avril 2022.", "2022-04-30/..", "inferred"},
		{"inférence d'une saison", "Après l'été 2024, la visite d'État d'octobre dernier a tout changé.", "2024-22/..", "inferred"},
		{"rien", "Un texte sans date.", "", ""},
	} {
		v, how, ok := Published(c.text)
		got := ""
		if ok {
			got = v.String()
		}
		if got != c.want || how != c.how {
			t.Errorf("%s: Published = %q, %q, want %q, %q", c.name, got, how, c.want, c.how)
		}
	}
}

// TestInferredReference reads relative dates against a reference that is
// only known to come after a date, as Published infers it.
func TestInferredReference(t *testing.T) {
	ref := mustParse(t, "2024-22/..")
	for _, c := range []struct{ name, text, want string }{
		{"mois dernier après l'été", "La visite d'État d'octobre dernier a tout changé.", "2024-10"},
		{"mois avant l'été passé", "En mars, les arrivées ont baissé.", "2025-03"},
		{"jour et mois", "Le 3 octobre, le roi a reçu le président.", "2024-10-03"},
		{"jour de semaine", "Arrivé dimanche soir à Rabat, il est reparti lundi.", "2024-09/.. ; 2024-09/.."},
		{"année écrite", "En 2015, tout a changé.", "2015"},
	} {
		ms := Find(c.text, ref)
		if got := values(ms); got != c.want {
			t.Errorf("%s: Find(%q, %s) = %s, want %s", c.name, c.text, ref, got, c.want)
		}
		for _, m := range ms {
			if m.Certain && !containsYear(m.Text, m.Value.Start.Year) {
				t.Errorf("%s: %q is certain, read against an inferred reference", c.name, m.Text)
			}
		}
	}
}

func TestLines(t *testing.T) {
	in := "Les dirigeants se sont réunis en novembre 2015.\r\nRien ici.\nHier, à Rabat.\nLe 3 mars 2020"
	var out bytes.Buffer
	if err := Lines(strings.NewReader(in), &out, mustParse(t, "2024-10-04")); err != nil {
		t.Fatal(err)
	}
	want := `{"line":1,"text":"en novembre 2015","value":"2015-11","start":31,"end":47,"certain":true}
{"line":3,"text":"Hier","value":"2024-10-03","start":0,"end":4,"certain":true}
{"line":4,"text":"Le 3 mars 2020","value":"2020-03-03","start":0,"end":14,"certain":true}
`
	if out.String() != want {
		t.Errorf("Lines wrote\n%s\nwant\n%s", out.String(), want)
	}
}

// TestSources runs over the seed articles, each against its own
// publication date, and compares with testdata/sources.golden.
func TestSources(t *testing.T) {
	files, _ := filepath.Glob("../../content/sources/*.txt")
	if len(files) == 0 {
		t.Skip("no sources")
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		ref, how, ok := Published(text)
		fmt.Fprintf(&b, "== %s published %s (%s, %v)\n", filepath.Base(f), ref, how, ok)
		for _, m := range Find(text, ref) {
			fmt.Fprintf(&b, "%d:%d\t%q\t%s\t%v\n", m.Start, m.End, m.Text, m.Value, m.Certain)
		}
	}
	golden := filepath.Join("testdata", "sources.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(want) != b.String() {
		t.Errorf("sources differ from %s (run go test -update and read the diff):\n%s", golden, b.String())
	}
}

func FuzzFind(f *testing.F) {
	for _, p := range phrases(f) {
		f.Add(p.text, p.ref)
	}
	for _, r := range readTable(f, "notdates.txt", 2) {
		f.Add(r[1], "2024-10")
	}
	f.Add("du 31 au 1er février", "")
	f.Add("il y a 999 siècles", "0001")
	f.Fuzz(func(t *testing.T, text, refText string) {
		ref, err := edtf.Parse(refText)
		if err != nil {
			ref = edtf.Value{}
		}
		ms := Find(text, ref)
		again := Find(text, ref)
		if len(ms) != len(again) {
			t.Fatalf("two runs differ: %d and %d matches", len(ms), len(again))
		}
		last := 0
		for k, m := range ms {
			if m != again[k] {
				t.Fatalf("two runs differ: %+v and %+v", m, again[k])
			}
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("match %d at %d:%d out of order or outside the text (%d bytes)", k, m.Start, m.End, len(text))
			}
			last = m.End
			if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End])) {
				t.Fatalf("match %d at %d:%d cuts a character", k, m.Start, m.End)
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("match %d text %q is not the span %q", k, m.Text, text[m.Start:m.End])
			}
			if _, err := edtf.Parse(m.Value.String()); err != nil {
				t.Fatalf("match %q has value %q that does not parse: %v", m.Text, m.Value, err)
			}
		}
		Published(text)
	})
}

// newsText is about 1 MB of the seed articles, repeated.
func newsText(b *testing.B) string {
	files, _ := filepath.Glob("../../content/sources/*.txt")
	if len(files) == 0 {
		b.Skip("no sources")
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n")
	}
	unit := sb.String()
	return strings.Repeat(unit, 1<<20/len(unit)+1)
}

// BenchmarkFind measures Find on news text as scraped.
func BenchmarkFind(b *testing.B) {
	text := newsText(b)
	ref := edtf.Single(edtf.Day(2024, 10, 4))
	b.SetBytes(int64(len(text)))
	cpu := cpuTime()
	n := 0
	b.ResetTimer()
	for b.Loop() {
		Find(text, ref)
		n++
	}
	// The machine may be shared: report bytes per second of CPU time too.
	if used := cpuTime() - cpu; used > 0 {
		b.ReportMetric(float64(n*len(text))/1e6/used.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkFindDense measures Find on the phrase table: a date in every sentence.
func BenchmarkFindDense(b *testing.B) {
	var sb strings.Builder
	for _, p := range phrases(b) {
		sb.WriteString(p.text)
		sb.WriteString(" ")
	}
	text := strings.Repeat(sb.String(), 1<<20/sb.Len()+1)
	ref := edtf.Single(edtf.Day(2024, 10, 4))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Find(text, ref)
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
