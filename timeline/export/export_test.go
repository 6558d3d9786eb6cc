package export

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"frise/timeline/content"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const testBase = "https://frise.netlify.app/"

// goldenCases are the configurations whose outputs are kept in testdata/golden.
var goldenCases = []struct {
	name string
	cfg  Config
}{
	{"publie", Config{BaseURL: testBase}},
	{"local", Config{}},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			files, err := Files(testSite(), tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join("testdata", "golden", tc.name)
			if *update {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				for name, b := range files {
					if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatalf("%v (run go test -update to write the golden files)", err)
			}
			var want []string
			for _, e := range entries {
				want = append(want, e.Name())
			}
			if got := sortedKeys(files); !slices.Equal(got, want) {
				t.Errorf("files = %q, golden has %q", got, want)
			}
			for name, got := range files {
				wantB, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					continue // reported above
				}
				if !bytes.Equal(got, wantB) {
					t.Errorf("%s differs from %s:\n%s", name, filepath.Join(dir, name), diff(string(wantB), string(got)))
				}
			}
		})
	}
}

// diff shows the first lines where want and got part.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

func sortedKeys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestSameInputSameBytes(t *testing.T) {
	for _, site := range []func() *content.Site{testSite, hostileSite} {
		for _, tc := range goldenCases {
			a, err := Files(site(), tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Files(site(), tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			for name := range a {
				if !bytes.Equal(a[name], b[name]) {
					t.Errorf("%s: %s differs between two runs", tc.name, name)
				}
			}
		}
	}
}

func TestOutputs(t *testing.T) {
	for _, tc := range []struct {
		name string
		base string
		want []string
	}{
		{"avec adresse", testBase, []string{"atom.xml", "events.csv", "events.ics", "events.json", "robots.txt", "sitemap.xml", "timelinejs.json"}},
		{"sans adresse", "", []string{"atom.xml", "events.csv", "events.ics", "events.json", "robots.txt", "timelinejs.json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, err := Files(testSite(), Config{BaseURL: tc.base})
			if err != nil {
				t.Fatal(err)
			}
			if got := sortedKeys(files); !slices.Equal(got, tc.want) {
				t.Errorf("files = %q, want %q", got, tc.want)
			}
			robots := string(files["robots.txt"])
			hasSitemap := strings.Contains(robots, "Sitemap: "+testBase+"sitemap.xml\n")
			if hasSitemap != (tc.base != "") {
				t.Errorf("robots.txt names the sitemap: %v, want %v:\n%s", hasSitemap, tc.base != "", robots)
			}
			if !strings.HasPrefix(robots, "User-agent: *\nDisallow:\n") {
				t.Errorf("robots.txt does not let crawlers in:\n%s", robots)
			}
		})
	}
}

func TestBaseURL(t *testing.T) {
	for _, tc := range []struct {
		name, in, want, err string
	}{
		{"vide", "", "", ""},
		{"avec barre", "https://frise.netlify.app/", "https://frise.netlify.app/", ""},
		{"sans barre", "https://frise.netlify.app", "https://frise.netlify.app/", ""},
		{"sous-dossier", "https://exemple.fr/frise", "https://exemple.fr/frise/", ""},
		{"relative", "frise.netlify.app", "", "does not start with http"},
		{"javascript", "javascript:alert(1)//", "", "does not start with http"},
		{"retour à la ligne", "https://a.fr/\nDisallow: /", "", "spaces or control characters"},
		{"requête", "https://a.fr/?x=1", "", "query or a fragment"},
		{"forçage droite-à-gauche", "https://a.fr/\u202Eexe", "", "spaces or control characters"},
		{"sans hôte", "https:///chemin", "", "no host name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := normaliseBase(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), "hint: ") {
					t.Fatalf("normaliseBase(%q) = %q, %v; want an error with %q and a hint", tc.in, got, err, tc.err)
				}
				if _, err := Files(testSite(), Config{BaseURL: tc.in}); err == nil {
					t.Errorf("Files accepted base url %q", tc.in)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("normaliseBase(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestRobotsTemplate(t *testing.T) {
	fsys := fstest.MapFS{"robots.txt": {Data: []byte("# {{.Title}}\nUser-agent: *\nDisallow: /brouillons/\n{{with .Sitemap}}Sitemap: {{.}}\n{{end}}")}}
	files, err := Files(testSite(), Config{BaseURL: testBase, Templates: fsys})
	if err != nil {
		t.Fatal(err)
	}
	want := "# Frise : France – Maroc, migrations\nUser-agent: *\nDisallow: /brouillons/\nSitemap: https://frise.netlify.app/sitemap.xml\n"
	if got := string(files["robots.txt"]); got != want {
		t.Errorf("robots.txt = %q, want %q", got, want)
	}

	bad := fstest.MapFS{"robots.txt": {Data: []byte("User-agent: *\n{{.Sitemapp}}\n")}}
	_, err = Files(testSite(), Config{Templates: bad})
	if err == nil || !strings.HasPrefix(err.Error(), "templates/robots.txt:2:") {
		t.Errorf("a misspelt field gave %v, want an error at templates/robots.txt:2", err)
	}
}

func TestPages(t *testing.T) {
	got := Pages(testSite())
	for _, want := range []string{
		"index.html",
		"events/2015-11-sommet-de-la-valette.html",
		"actors/emmanuel-macron.html",
		"places/la-valette.html",
		"topics/migration-irreguliere.html",
		"years/2010.html", "years/2015.html", "years/2024.html", "years/2025.html",
		"sources/000_a5a4beaffec547ff.html",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("Pages lacks %s", want)
		}
	}
	if ys, want := Years(testSite()), []int{2010, 2015, 2021, 2022, 2023, 2024, 2025}; !slices.Equal(ys, want) {
		t.Errorf("Years = %v, want %v", ys, want)
	}
	seen := map[string]bool{}
	for _, p := range got {
		if seen[p] {
			t.Errorf("Pages lists %s twice", p)
		}
		seen[p] = true
	}
}

// TestStreamErrors checks that Stream, which makes the data exports at
// once, reports the first error in the order of the files' names, and
// returns only once every file it created is closed.
func TestStreamErrors(t *testing.T) {
	tests := []struct {
		name       string
		failPut    string // the file put refuses
		failCreate string // the file create refuses
		want       string
	}{
		{"nothing fails", "", "", ""},
		{"a data export", "", "events.ics", "no events.ics"},
		{"atom before the data exports", "atom.xml", "events.csv", "no atom.xml"},
		{"a data export before robots.txt", "robots.txt", "events.json", "no events.json"},
		{"robots.txt before timelinejs.json", "robots.txt", "timelinejs.json", "no robots.txt"},
		{"a sitemap before timelinejs.json", "sitemap.xml", "timelinejs.json", "no sitemap.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			open := 0
			put := func(name string, data []byte) error {
				if name == tt.failPut {
					return fmt.Errorf("no %s", name)
				}
				return nil
			}
			create := func(name string) (io.WriteCloser, error) {
				if name == tt.failCreate {
					return nil, fmt.Errorf("no %s", name)
				}
				mu.Lock()
				open++
				mu.Unlock()
				return closer{func() { mu.Lock(); open--; mu.Unlock() }}, nil
			}
			err := Stream(testSite(), Config{BaseURL: testBase}, put, create)
			if got := fmt.Sprint(err); tt.want == "" && err != nil || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("Stream gives %v, want %q", err, tt.want)
			}
			mu.Lock()
			defer mu.Unlock()
			if open != 0 {
				t.Errorf("%d files left open", open)
			}
		})
	}
}

// closer is a file that takes every byte and says when it is closed.
type closer struct{ closed func() }

func (closer) Write(p []byte) (int, error) { return len(p), nil }
func (c closer) Close() error              { c.closed(); return nil }

// TestStreamPanic checks that a data export that panics becomes Stream's
// error, with every file it created closed.
func TestStreamPanic(t *testing.T) {
	var mu sync.Mutex
	open := 0
	create := func(name string) (io.WriteCloser, error) {
		mu.Lock()
		open++
		mu.Unlock()
		c := closer{func() { mu.Lock(); open--; mu.Unlock() }}
		if name == "events.ics" {
			return panicker{c}, nil
		}
		return c, nil
	}
	err := Stream(testSite(), Config{BaseURL: testBase}, func(string, []byte) error { return nil }, create)
	if err == nil || !strings.Contains(err.Error(), "events.ics") {
		t.Errorf("Stream gives %v, want the panic of events.ics", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if open != 0 {
		t.Errorf("%d files left open", open)
	}
}

// panicker is a file whose every write panics.
type panicker struct{ closer }

func (panicker) Write([]byte) (int, error) { panic("disk on fire") }

// TestNameUUID checks the name-based UUIDs against those Python's
// uuid.uuid5(uuid.NAMESPACE_URL, name) gives.
func TestNameUUID(t *testing.T) {
	for name, want := range map[string]string{
		"https://frise.example.org/":                            "e55b2e9c-7929-59ae-89b6-f52de6e8c7a2",
		"https://frise.example.org/events/2015-11-valette.html": "21417b2f-cf60-522a-b867-0abddf3ec9ae",
		"frise:Essai:": "0da95741-2e39-5479-8a91-6561e0bc2f12",
		"":             "1b4db7eb-4057-5ddf-91e0-36dec72071f5",
	} {
		if got := nameUUID(name); got != want {
			t.Errorf("nameUUID(%q) = %s, want %s", name, got, want)
		}
	}
}

// TestISODay checks the days the exports write, with ISO 8601's sign
// before year 0 and after 9999.
func TestISODay(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		want    string
	}{
		{2015, 11, 12, "2015-11-12"}, {7, 1, 2, "0007-01-02"}, {0, 12, 31, "0000-12-31"},
		{-43, 3, 15, "-0043-03-15"}, {12345, 6, 7, "+12345-06-07"},
	} {
		if got := isoDay(time.Date(c.y, time.Month(c.m), c.d, 12, 0, 0, 0, time.UTC)); got != c.want {
			t.Errorf("isoDay(%d-%d-%d) = %s, want %s", c.y, c.m, c.d, got, c.want)
		}
	}
}
