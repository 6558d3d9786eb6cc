package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"frise/timeline/content"
	"frise/timeline/edtf"
)

// files is Files on s, failing the test on an error.
func files(t testing.TB, s *content.Site, base string) map[string][]byte {
	t.Helper()
	fs, err := Files(s, Config{BaseURL: base})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  string      `xml:"author>name"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Summary string     `xml:"summary"`
	Content struct {
		Type string `xml:"type,attr"`
		Body string `xml:",chardata"`
	} `xml:"content"`
}

func parseAtom(t *testing.T, b []byte) atomFeed {
	t.Helper()
	var f atomFeed
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	if err := d.Decode(&f); err != nil {
		t.Fatalf("atom.xml does not parse: %v", err)
	}
	return f
}

func TestAtom(t *testing.T) {
	for _, base := range []string{testBase, ""} {
		f := parseAtom(t, files(t, testSite(), base)["atom.xml"])
		site := testSite()
		if len(f.Entries) != len(site.Events) {
			t.Fatalf("%d entries, want %d", len(f.Entries), len(site.Events))
		}
		if f.Lang != "fr" || f.Title != site.Title || f.Author == "" {
			t.Errorf("feed lang %q, title %q, author %q", f.Lang, f.Title, f.Author)
		}
		ids := map[string]bool{f.ID: true}
		for i, e := range f.Entries {
			want := site.Events[len(site.Events)-1-i]
			if e.Title != want.Title {
				t.Errorf("entry %d is %q, want %q (latest first)", i, e.Title, want.Title)
			}
			if ids[e.ID] {
				t.Errorf("id %s used twice", e.ID)
			}
			ids[e.ID] = true
			if u, err := url.Parse(e.ID); err != nil || !u.IsAbs() {
				t.Errorf("entry id %q is not an absolute IRI", e.ID)
			}
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				t.Errorf("entry updated %q: %v", e.Updated, err)
			}
			href := e.Links[0].Href
			if wantHref := base + "events/" + want.Slug + ".html"; href != wantHref {
				t.Errorf("entry link %q, want %q", href, wantHref)
			}
			if e.Content.Type != "html" || !strings.HasPrefix(e.Content.Body, "<p>"+want.Date.French()+"</p>") {
				t.Errorf("entry content %q", e.Content.Body)
			}
		}
		if f.Updated != "2025-05-01T00:00:00Z" {
			t.Errorf("feed updated %s, want the latest source's publication 2025-05-01", f.Updated)
		}
		hasSelf := slices.ContainsFunc(f.Links, func(l atomLink) bool { return l.Rel == "self" })
		if hasSelf != (base != "") {
			t.Errorf("base %q: self link %v", base, hasSelf)
		}
	}
}

func TestSitemap(t *testing.T) {
	var m struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		Locs    []string `xml:"url>loc"`
	}
	if err := xml.Unmarshal(files(t, testSite(), testBase)["sitemap.xml"], &m); err != nil {
		t.Fatal(err)
	}
	pages := Pages(testSite())
	if len(m.Locs) != len(pages) {
		t.Fatalf("%d URLs, want one per page: %d", len(m.Locs), len(pages))
	}
	for i, loc := range m.Locs {
		want := testBase + pages[i]
		if pages[i] == "index.html" {
			want = testBase
		}
		if loc != want {
			t.Errorf("url %d = %q, want %q", i, loc, want)
		}
	}
}

func TestSitemapIndex(t *testing.T) {
	s := &content.Site{Title: "Grand site"}
	for i := range maxSitemapURLs + 10 {
		s.Sources = append(s.Sources, &content.Source{ID: fmt.Sprintf("s%06d", i)})
	}
	fs := files(t, s, testBase)
	var idx struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Locs    []string `xml:"sitemap>loc"`
	}
	if err := xml.Unmarshal(fs["sitemap.xml"], &idx); err != nil {
		t.Fatal(err)
	}
	if want := []string{testBase + "sitemap-1.xml", testBase + "sitemap-2.xml"}; !slices.Equal(idx.Locs, want) {
		t.Fatalf("index lists %q, want %q", idx.Locs, want)
	}
	if n := bytes.Count(fs["sitemap-2.xml"], []byte("<loc>")); n != 11 {
		t.Errorf("sitemap-2.xml has %d URLs, want 11", n)
	}
}

func TestEventsJSON(t *testing.T) {
	var doc jsonSite
	dec := json.NewDecoder(bytes.NewReader(files(t, testSite(), "")["events.json"]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != SchemaVersion || len(doc.Events) != len(testSite().Events) {
		t.Fatalf("version %d, %d events", doc.Version, len(doc.Events))
	}
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return *p
	}
	for _, tc := range []struct {
		slug, date, fr, start, end, precision string
		certain                               bool
	}{
		{"201x-processus-de-rabat", "201X", "années 2010", "2010-01-01", "2019-12-31", "unspecified", true},
		{"2015-11-sommet-de-la-valette", "2015-11", "novembre 2015", "2015-11-01", "2015-11-30", "month", true},
		{"2021-2022-visas-divises-par-deux", "2021/2022", "2021 – 2022", "2021-01-01", "2022-12-31", "year", true},
		{"2022-03-07-reunion-incertaine", "2022-03-07?", "7 mars 2022 (?)", "2022-03-07", "2022-03-07", "day", false},
		{"2024-22-ete-des-traversees", "2024-22", "été 2024", "2024-06-01", "2024-08-31", "season", true},
		{"2024-10-cooperation-relancee", "2024-10/..", "depuis octobre 2024", "2024-10-01", "null", "month", true},
		{"2025-04-retailleau-a-rabat", "2025-04-14~", "vers 14 avril 2025", "2025-04-14", "2025-04-14", "day", false},
	} {
		i := slices.IndexFunc(doc.Events, func(e jsonEvent) bool {
			return e.Slug == tc.slug
		})
		if i < 0 {
			t.Errorf("no event %s", tc.slug)
			continue
		}
		e := doc.Events[i]
		got := []string{e.URL, e.Date, e.DateFR, str(e.Start), str(e.End), e.Precision}
		want := []string{"events/" + tc.slug + ".html", tc.date, tc.fr, tc.start, tc.end, tc.precision}
		if !slices.Equal(got, want) || e.Certain != tc.certain {
			t.Errorf("%s: got %q certain %v, want %q certain %v", tc.slug, got, e.Certain, want, tc.certain)
		}
		if e.Actors == nil || e.Places == nil || e.Topics == nil || e.Sources == nil {
			t.Errorf("%s: an empty list is null, want []", tc.slug)
		}
	}
}

func TestTimelineJSDates(t *testing.T) {
	d := func(y, m, day string) tlDate { return tlDate{Year: y, Month: m, Day: day} }
	for _, tc := range []struct {
		name  string
		date  string
		start tlDate
		end   *tlDate
	}{
		{"année", "2015", d("2015", "", ""), nil},
		{"mois", "2015-11", d("2015", "11", ""), nil},
		{"jour", "2024-10-29", d("2024", "10", "29"), nil},
		{"deux années", "2021/2022", d("2021", "", ""), &tlDate{Year: "2022"}},
		{"deux mois", "2025-01/2025-02", d("2025", "1", ""), &tlDate{Year: "2025", Month: "2"}},
		{"d'une année à un jour", "2021/2022-03-07", d("2021", "", ""), &tlDate{Year: "2022", Month: "3", Day: "7"}},
		{"été", "2024-22", d("2024", "6", ""), &tlDate{Year: "2024", Month: "8"}},
		{"hiver à cheval sur deux ans", "2024-24", d("2024", "12", ""), &tlDate{Year: "2025", Month: "2"}},
		{"vers une année", "2018~", d("2018", "", ""), nil},
		{"jour incertain", "2022-03-07?", d("2022", "3", "7"), nil},
		{"depuis un mois", "2024-10/..", d("2024", "10", ""), nil},
		{"jusqu'à une année", "../2024", d("2024", "", ""), nil},
		{"fin inconnue", "2024-10-29/", d("2024", "10", "29"), nil},
		{"décennie", "201X", d("2010", "", ""), &tlDate{Year: "2019"}},
		{"mois inconnu", "2004-XX", d("2004", "", ""), nil},
		{"jour inconnu", "1985-04-XX", d("1985", "4", ""), nil},
		{"avant notre ère", "-0043", d("-43", "", ""), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := edtf.Parse(tc.date)
			if err != nil {
				t.Fatal(err)
			}
			start, end := tlSpan(v)
			if start != tc.start || (end == nil) != (tc.end == nil) || (end != nil && *end != *tc.end) {
				t.Errorf("tlSpan(%s) = %+v, %+v; want %+v, %+v", tc.date, start, end, tc.start, tc.end)
			}
		})
	}
}

func TestTimelineJS(t *testing.T) {
	var doc struct {
		Title struct {
			Text struct{ Headline string } `json:"text"`
		} `json:"title"`
		Events []struct {
			StartDate map[string]string `json:"start_date"`
			EndDate   map[string]string `json:"end_date"`
			Display   string            `json:"display_date"`
			Text      struct{ Headline, Text string }
			UniqueID  string `json:"unique_id"`
			Autolink  *bool  `json:"autolink"`
		} `json:"events"`
	}
	if err := json.Unmarshal(files(t, testSite(), testBase)["timelinejs.json"], &doc); err != nil {
		t.Fatal(err)
	}
	site := testSite()
	if len(doc.Events) != len(site.Events) {
		t.Fatalf("%d slides, want %d", len(doc.Events), len(site.Events))
	}
	for i, e := range doc.Events {
		ev := site.Events[i]
		if e.UniqueID != ev.Slug || e.StartDate["year"] == "" || e.Display != ev.Date.French() {
			t.Errorf("slide %d: %+v", i, e)
		}
		if e.Autolink == nil || *e.Autolink {
			t.Errorf("slide %d: autolink is on", i)
		}
		if !strings.Contains(e.Text.Text, `href="`+testBase+"events/"+ev.Slug+`.html"`) {
			t.Errorf("slide %d does not link to its page: %s", i, e.Text.Text)
		}
	}
}

// unfold undoes iCalendar line folding and splits the content lines.
func unfold(t *testing.T, ics []byte) []string {
	t.Helper()
	s := string(ics)
	if !strings.HasSuffix(s, "\r\n") {
		t.Errorf("events.ics does not end with CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, line)
		}
	}
	return strings.Split(strings.ReplaceAll(strings.TrimSuffix(s, "\r\n"), "\r\n ", ""), "\r\n")
}

// vevents returns the properties of each VEVENT, keyed by name with parameters.
func vevents(lines []string) []map[string]string {
	var evs []map[string]string
	var cur map[string]string
	for _, l := range lines {
		name, value, _ := strings.Cut(l, ":")
		switch {
		case l == "BEGIN:VEVENT":
			cur = map[string]string{}
		case l == "END:VEVENT":
			evs = append(evs, cur)
			cur = nil
		case cur != nil:
			cur[name] = value
		}
	}
	return evs
}

func TestICS(t *testing.T) {
	site := testSite()
	lines := unfold(t, files(t, site, testBase)["events.ics"])
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Errorf("not a VCALENDAR: %q … %q", lines[0], lines[len(lines)-1])
	}
	evs := vevents(lines)
	if len(evs) != len(site.Events) {
		t.Fatalf("%d VEVENTs, want %d", len(evs), len(site.Events))
	}
	for _, tc := range []struct {
		slug, start, end string // end "" when there is no DTEND
		status           string
	}{
		{"201x-processus-de-rabat", "20100101", "20200101", "CONFIRMED"},
		{"2015-11-sommet-de-la-valette", "20151101", "20151201", "CONFIRMED"},
		{"2021-2022-visas-divises-par-deux", "20210101", "20230101", "CONFIRMED"},
		{"2022-03-07-reunion-incertaine", "20220307", "", "TENTATIVE"},
		{"2024-22-ete-des-traversees", "20240601", "20240901", "CONFIRMED"},
		{"2024-10-cooperation-relancee", "20241001", "20241101", "CONFIRMED"},
		{"2024-10-28-visite-d-etat-de-macron", "20241028", "20241031", "CONFIRMED"},
		{"2025-04-retailleau-a-rabat", "20250414", "", "TENTATIVE"},
	} {
		i := slices.IndexFunc(site.Events, func(e *content.Event) bool { return e.Slug == tc.slug })
		ev := evs[i]
		got := []string{ev["DTSTART;VALUE=DATE"], ev["DTEND;VALUE=DATE"], ev["STATUS"], ev["URL;VALUE=URI"]}
		want := []string{tc.start, tc.end, tc.status, testBase + "events/" + tc.slug + ".html"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", tc.slug, got, want)
		}
		if len(ev["UID"]) != 36 || len(ev["DTSTAMP"]) != 16 {
			t.Errorf("%s: UID %q, DTSTAMP %q", tc.slug, ev["UID"], ev["DTSTAMP"])
		}
	}
}

func TestICSText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"simple", "Sommet de La Valette", "Sommet de La Valette"},
		{"virgule et point-virgule", "Rabat, Paris; Madrid", `Rabat\, Paris\; Madrid`},
		{"antislash", `C:\dossier`, `C:\\dossier`},
		{"retours à la ligne", "une\r\ndeux\ntrois\rquatre", `une\ndeux\ntrois\nquatre`},
		{"caractères de contrôle", "a\x00b\x1bc\x7fd\te", "abcd\te"},
		{"deux-points gardés", "Rabat-Paris : vers", "Rabat-Paris : vers"},
		{"UTF-8 invalide", "caf\xe9", "caf\uFFFD"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := icsText(tc.in); got != tc.want {
				t.Errorf("icsText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestICSFold(t *testing.T) {
	for _, tc := range []struct{ name, value string }{
		{"court", "Sommet"},
		{"exactement 75", strings.Repeat("a", 75-len("SUMMARY:"))},
		{"76", strings.Repeat("a", 76-len("SUMMARY:"))},
		{"accents à la coupure", strings.Repeat("é", 100)},
		{"emoji", strings.Repeat("🇫🇷🇲🇦", 30)},
		{"arabe", strings.Repeat("الرباط ", 40)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			icsLine(&b, "SUMMARY", tc.value)
			lines := unfold(t, b.Bytes())
			if len(lines) != 1 || lines[0] != "SUMMARY:"+tc.value {
				t.Errorf("unfolds to %q", lines)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	site := testSite()
	raw := files(t, site, "")["events.csv"]
	if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		t.Error("events.csv starts with a byte order mark")
	}
	if bytes.Count(raw, []byte("\n")) != bytes.Count(raw, []byte("\r\n")) {
		t.Error("events.csv has a line end other than CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], csvHeader) {
		t.Errorf("header %q", rows[0])
	}
	if len(rows) != len(site.Events)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(site.Events)+1)
	}
	visit := rows[1+slices.IndexFunc(site.Events, func(e *content.Event) bool { return e.Slug == "2024-10-28-visite-d-etat-de-macron" })]
	want := []string{"2024-10-28-visite-d-etat-de-macron", "2024-10-28/2024-10-30", "28 – 30 octobre 2024", "2024-10-28", "2024-10-30",
		"Visite d'État d'Emmanuel Macron au Maroc", "Au second jour, le président français s'adresse au Parlement marocain.",
		"Emmanuel Macron; Bruno Retailleau; Abdelouafi Laftit", "Rabat", "diplomatie; migration irrégulière",
		"002_d69a226663c120b3; 003_52a7616ffb998fd5", "events/2024-10-28-visite-d-etat-de-macron.html"}
	if !slices.Equal(visit, want) {
		t.Errorf("row\n got %q\nwant %q", visit, want)
	}
}

func TestCSVCell(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"texte", "Sommet de La Valette", "Sommet de La Valette"},
		{"égal", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"plus", "+33 1 23", "'+33 1 23"},
		{"moins", "-0043", "'-0043"},
		{"arobase", "@SOMME(A1)", "'@SOMME(A1)"},
		{"tabulation", "\t=1", "'\t=1"},
		{"retour chariot", "\r=1", "'\r=1"},
		{"espaces devant", "  =1+1", "'  =1+1"},
		{"égal au milieu", "a = b", "a = b"},
		{"vide", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := csvCell(tc.in); got != tc.want {
				t.Errorf("csvCell(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"français", "Visite d’État à Rabat", "Visite d’État à Rabat"},
		{"arabe gardé", "الرباط", "الرباط"},
		{"forçage droite-à-gauche", "facture\u202Egnp.exe", "facturegnp.exe"},
		{"isolats", "a\u2066b\u2067c\u2068d\u2069", "abcd"},
		{"espaces de largeur nulle", "Ra\u200Bbat\u2060\uFEFF", "Rabat"},
		{"séparateurs de ligne", "un\u2028deux\u2029trois", "un\ndeux\ntrois"},
		{"contrôles", "a\x00b\x1b[31mc\u0085d", "ab[31mc\nd"},
		{"CRLF", "un\r\ndeux", "un\ndeux"},
		{"UTF-8 invalide", "caf\xe9", "caf\uFFFD"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := clean(tc.in); got != tc.want {
				t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSafeURL(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"https", "https://www.quid.ma/article", "https://www.quid.ma/article"},
		{"http", "http://example.org/a?b=1", "http://example.org/a?b=1"},
		{"javascript", "javascript:alert(1)", ""},
		{"javascript en capitales", "JaVaScRiPt:alert(1)", ""},
		{"data", "data:text/html,<script>alert(1)</script>", ""},
		{"relative", "/sources/x.html", ""},
		{"sans schéma", "//evil.example/x", ""},
		{"espace", "https://a.fr/x y", ""},
		{"retour à la ligne", "https://a.fr/\nx", ""},
		{"utilisateur", "https://moi@a.fr/", ""},
		{"forçage droite-à-gauche", "https://a.fr/\u202Egnp.exe", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := safeURL(tc.in); got != tc.want {
				t.Errorf("safeURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestAtomLatest checks that a long timeline's feed carries its latest
// events only, the latest first.
func TestAtomLatest(t *testing.T) {
	s := bigSite(FeedEntries + 50)
	f := parseAtom(t, files(t, s, testBase)["atom.xml"])
	if len(f.Entries) != FeedEntries {
		t.Fatalf("%d entries, want %d", len(f.Entries), FeedEntries)
	}
	last := s.Events[len(s.Events)-1]
	if !strings.HasSuffix(f.Entries[0].ID, last.Slug+".html") {
		t.Errorf("the first entry is %s, want the latest event %s", f.Entries[0].ID, last.Slug)
	}
}
