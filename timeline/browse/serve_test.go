package browse

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		name, pattern, path string
		want                bool
	}{
		{"tout", "/*", "/index.html", true},
		{"tout, en profondeur", "/*", "/events/2015-11-sommet-de-la-valette.html", true},
		{"les pages", "/*.html", "/actors/bruno-retailleau.html", true},
		{"pas une page", "/*.html", "/events.ics", false},
		{"un dossier", "/static/*", "/static/app.js", true},
		{"hors du dossier", "/static/*", "/index.html", false},
		{"exact", "/robots.txt", "/robots.txt", true},
		{"un point n'est pas un joker", "/*.ics", "/eventsXics", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := match(tt.pattern, tt.path); got != tt.want {
				t.Errorf("match(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
			}
		})
	}
}

func TestParseHeadersRefusesARelativePath(t *testing.T) {
	_, err := ParseHeaders([]byte("[[headers]]\n  for = \"static/*\"\n  [headers.values]\n    X-Frame-Options = \"DENY\"\n"))
	if err == nil || !strings.Contains(err.Error(), "does not start with /") {
		t.Errorf("got %v, want an error about the path", err)
	}
	if _, err := ParseHeaders([]byte("[[headers]\n")); err == nil {
		t.Error("a broken netlify.toml gave no error")
	}
}

// The local server sends the headers netlify.toml gives the host, the
// Content-Security-Policy first among them, and answers as the host does
// for a folder and for a missing page.
func TestServerSendsTheHostsHeaders(t *testing.T) {
	csp, ok := Header(rules, "/index.html", "Content-Security-Policy")
	if !ok {
		t.Fatal("netlify.toml sets no Content-Security-Policy for /index.html")
	}
	for _, directive := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'"} {
		if !strings.Contains(csp, directive) {
			t.Errorf("the Content-Security-Policy lacks %q: %s", directive, csp)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("the Content-Security-Policy allows inline or eval'd code: %s", csp)
	}
	tests := []struct {
		name, path string
		status     int
		header     string
		want       string
	}{
		{"la page d'accueil", "index.html", 200, "Content-Security-Policy", csp},
		{"un dossier", "", 200, "Content-Security-Policy", csp},
		{"une page", "events/" + model.Events[0].Slug + ".html", 200, "Cache-Control", "public, max-age=0, must-revalidate"},
		{"le script", "static/app.js", 200, "Cache-Control", "public, max-age=86400, stale-while-revalidate=604800"},
		{"le calendrier", "events.ics", 200, "Content-Type", "text/calendar; charset=utf-8"},
		{"une page absente", "nulle-part.html", 404, "Content-Security-Policy", csp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Get(serverURL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("GET /%s: status %d, want %d", tt.path, resp.StatusCode, tt.status)
			}
			if got := resp.Header.Get(tt.header); got != tt.want {
				t.Errorf("GET /%s: %s: %q, want %q", tt.path, tt.header, got, tt.want)
			}
			if tt.status == 404 {
				want, _ := os.ReadFile(filepath.Join(siteDir, "404.html"))
				if string(body) != string(want) {
					t.Errorf("GET /%s: the body is not 404.html", tt.path)
				}
			}
		})
	}
}

// The home page's script runs under the Content-Security-Policy, and a
// page that broke the policy would be caught.
func TestPagesWorkUnderTheCSP(t *testing.T) {
	t.Run("le site", func(t *testing.T) {
		ctx, rec := tab(t)
		open(t, ctx, serverURL+"index.html")
		if !eval[bool](t, ctx, `document.getElementById('finder').checkVisibility()`) {
			t.Error("under the CSP the search form stays hidden: the script did not run")
		}
		actor := someActor(t)
		choose(t, ctx, "f-actor", actor.Slug)
		if got := visibleEvents(t, ctx); len(got) != len(actor.Events) {
			t.Errorf("under the CSP the actor filter shows %d events, want %d", len(got), len(actor.Events))
		}
		rec.check(t, "index.html under the CSP")
	})
	t.Run("un script en ligne est vu", func(t *testing.T) {
		dir := t.TempDir()
		page := `<!doctype html><html lang="fr"><title>t</title><link rel="icon" href="data:,"><script>document.title = 'ran'</script><p style="color:red">x</p>`
		if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(Handler(dir, rules))
		defer srv.Close()
		ctx, rec := tab(t)
		open(t, ctx, srv.URL+"/index.html")
		if title, _ := chromedp.Run(ctx, chromedp.Title()); title == "ran" {
			t.Error("the CSP let an inline script run")
		}
		rec.mu.Lock()
		seen := strings.Join(rec.problems, "\n")
		rec.problems = nil
		rec.mu.Unlock()
		for _, want := range []string{"script-src", "style-src"} {
			if !strings.Contains(seen, "Content Security Policy") || !strings.Contains(seen, want) {
				t.Errorf("an inline script and an inline style broke the CSP, and the tests saw no error about %s; they saw:\n%s", want, seen)
			}
		}
	})
}
