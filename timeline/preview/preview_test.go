package preview

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"frise/timeline/content"
	"frise/timeline/publish"
)

// site is a small site built from one input file, src/page.txt: its text
// goes into every page; a text starting with BROKEN makes the build fail
// as broken content does.
type site struct {
	base, src, out string
	builds         atomic.Int64
	big            bool // pages of about 200 KB, so reading one takes a while
}

func newSite(t *testing.T, text string) *site {
	t.Helper()
	base := t.TempDir()
	s := &site{base: base, src: filepath.Join(base, "src"), out: filepath.Join(base, "public")}
	if err := os.MkdirAll(s.src, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(base, "secret.txt"), []byte("mot de passe"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.edit(t, text)
	return s
}

// edit replaces the input by renaming a new file over it, as many editors
// save, so the watcher never sees it half-written.
func (s *site) edit(t *testing.T, text string) {
	t.Helper()
	tmp := filepath.Join(s.base, "page.tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(s.src, "page.txt")); err != nil {
		t.Fatal(err)
	}
}

func (s *site) build() error {
	b, err := os.ReadFile(filepath.Join(s.src, "page.txt"))
	if err != nil {
		return err
	}
	text := string(b)
	if strings.HasPrefix(text, "BROKEN") {
		return content.Problems{
			{File: "content/events/x.md", Line: 3, Col: 7, Msg: `date "2024-13" has no month 13`, Hint: "write the month as 01 to 12"},
			{File: "content/events/y.md", Line: 2, Msg: "title <script>alert(1)</script> is too long", Hint: `"><img src=x onerror=alert(1)>`},
		}
	}
	n := s.builds.Add(1)
	filler := ""
	if s.big {
		filler = strings.Repeat("<p>Les dirigeants européens et africains adoptent une déclaration.</p>", 3000)
	}
	page := func(title string) []byte {
		return fmt.Appendf(nil, "<!doctype html><html><head><title>%s</title></head><body><p>début %d</p><p>%s</p>%s<p>fin %d</p></body></html>", title, n, text, filler, n)
	}
	return publish.Write(s.out, map[string][]byte{
		"index.html":       page("Accueil"),
		"404.html":         []byte("<!doctype html><html><head><title>Introuvable</title></head><body><p>Page introuvable</p></body></html>"),
		"events/a.html":    page("Événement"),
		"x/index.html":     page("Dossier"),
		"static/style.css": []byte("body{color:#222}"),
	})
}

// serve starts Serve on a free port and returns its address and a function
// that stops it and waits for it to return.
func serve(t *testing.T, s *site) (string, func()) {
	t.Helper()
	return serveWith(t, s, nil)
}

// serveWith is serve with options changed by set first.
func serveWith(t *testing.T, s *site, set func(*Options)) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	opts := Options{
		Addr: "127.0.0.1:0", OutDir: s.out, Build: s.build,
		Watch: []string{s.src}, Interval: 20 * time.Millisecond,
		Ready: func(addr string) { ready <- addr },
	}
	if set != nil {
		set(&opts)
	}
	go func() { done <- Serve(ctx, opts) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("Serve returned before it was ready: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("Serve was not ready after 30s")
	}
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve returned %v after cancel", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("Serve did not return 30s after cancel")
		}
	}
	t.Cleanup(stop)
	return addr, stop
}

type response struct {
	status int
	body   string
	header http.Header
}

var client = &http.Client{
	Timeout:       30 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

func get(t *testing.T, url string) response {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, string(b), resp.Header}
}

// raw sends a request line as it is, without the client cleaning its path.
func raw(t *testing.T, addr, target string) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(30 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	b, _ := io.ReadAll(c)
	return string(b)
}

// eventually polls cond until it holds, failing after a generous deadline.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("still not true after 20s: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestServeOnlyFilesInsideTheSite(t *testing.T) {
	s := newSite(t, "Sommet de La Valette")
	addr, _ := serve(t, s)
	// Links planted in the output folder after the build, leading out of it.
	if err := os.Symlink(filepath.Join(s.base, "secret.txt"), filepath.Join(s.out, "lien.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(s.base, filepath.Join(s.out, "dehors")); err != nil {
		t.Fatal(err)
	}
	url := "http://" + addr

	for _, tc := range []struct {
		name, path string
		status     int
		want       string
	}{
		{"accueil", "/", 200, "Sommet de La Valette"},
		{"accueil nommé", "/index.html", 200, "<title>Accueil</title>"},
		{"page", "/events/a.html", 200, "<title>Événement</title>"},
		{"dossier", "/x/", 200, "<title>Dossier</title>"},
		{"feuille de style", "/static/style.css", 200, "color:#222"},
		{"page inconnue", "/events/nulle-part.html", 404, "Page introuvable"},
		{"dossier sans index", "/static/", 404, "Page introuvable"},
		{"lien vers un fichier dehors", "/lien.txt", 404, "Page introuvable"},
		{"lien vers un dossier dehors", "/dehors/secret.txt", 404, "Page introuvable"},
		{"point point encodé", "/%2e%2e/secret.txt", 404, "Page introuvable"},
		{"barre oblique inverse", "/..%5csecret.txt", 404, "Page introuvable"},
		{"octet nul", "/index.html%00", 404, "Page introuvable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := get(t, url+tc.path)
			if r.status != tc.status || !strings.Contains(r.body, tc.want) {
				t.Errorf("GET %s: %d %q, want %d with %q", tc.path, r.status, r.body, tc.status, tc.want)
			}
			if strings.Contains(r.body, "mot de passe") {
				t.Errorf("GET %s served a file outside the site", tc.path)
			}
			if r.header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(r.header.Get("Content-Security-Policy"), "script-src 'self'") {
				t.Errorf("GET %s: missing security headers: %v", tc.path, r.header)
			}
		})
	}

	t.Run("dossier sans barre finale", func(t *testing.T) {
		r := get(t, url+"/x")
		if r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/x/" {
			t.Errorf("GET /x: %d to %q, want 301 to /x/", r.status, r.header.Get("Location"))
		}
	})
	for _, target := range []string{"/../secret.txt", "/x/../../secret.txt", "/events/../../secret.txt"} {
		t.Run("requête brute "+target, func(t *testing.T) {
			got := raw(t, addr, target)
			if strings.Contains(got, "mot de passe") || !strings.HasPrefix(got, "HTTP/1.1 404") {
				t.Errorf("GET %s answered:\n%s", target, got)
			}
		})
	}
	t.Run("POST refusé", func(t *testing.T) {
		resp, err := client.Post(url+"/", "text/plain", strings.NewReader("x"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("POST /: %d", resp.StatusCode)
		}
	})
}

func TestRebuildOnChangeAndErrorPage(t *testing.T) {
	s := newSite(t, "version un")
	addr, _ := serve(t, s)
	url := "http://" + addr

	s.edit(t, "version deux, plus longue")
	eventually(t, "the page shows the edit", func() bool {
		return strings.Contains(get(t, url+"/").body, "version deux")
	})

	before, err := os.ReadFile(filepath.Join(s.out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s.edit(t, "BROKEN content")
	eventually(t, "the error page is served", func() bool { return get(t, url+"/").status == 500 })

	for _, p := range []string{"/", "/events/a.html", "/x/", "/nulle-part.html", "/nulle-part"} {
		r := get(t, url+p)
		if r.status != 500 {
			t.Errorf("GET %s while broken: %d, want 500", p, r.status)
		}
		for _, want := range []string{
			"content/events/x.md:3:7: date &#34;2024-13&#34; has no month 13",
			"hint: write the month as 01 to 12",
			"content/events/y.md:2: title &lt;script&gt;alert(1)&lt;/script&gt;",
			"&#34;&gt;&lt;img src=x onerror=alert(1)&gt;",
		} {
			if !strings.Contains(r.body, want) {
				t.Errorf("GET %s while broken: the error page lacks %q:\n%s", p, want, r.body)
			}
		}
		if strings.Contains(r.body, "<script>") || strings.Contains(r.body, "<img") {
			t.Errorf("GET %s: the error page lets markup through:\n%s", p, r.body)
		}
	}
	// Assets still come from the last good site, which stays on disk.
	if r := get(t, url+"/static/style.css"); r.status != 200 {
		t.Errorf("GET /static/style.css while broken: %d", r.status)
	}
	if after, _ := os.ReadFile(filepath.Join(s.out, "index.html")); !bytes.Equal(before, after) {
		t.Error("a failed build changed the site on disk")
	}

	s.edit(t, "version trois")
	eventually(t, "the site is back", func() bool {
		r := get(t, url+"/")
		return r.status == 200 && strings.Contains(r.body, "version trois")
	})
}

// TestNeverAHalfWrittenSite reads pages while the site is rebuilt again and
// again: every answer is a whole page of one build.
func TestNeverAHalfWrittenSite(t *testing.T) {
	s := newSite(t, "version 0")
	s.big = true
	addr, _ := serve(t, s)
	url := "http://" + addr

	var stop atomic.Bool
	var wg sync.WaitGroup
	var bad atomic.Value
	for range 2 {
		wg.Go(func() {
			for !stop.Load() {
				for _, p := range []string{"/", "/events/a.html", "/x/"} {
					resp, err := client.Get(url + p)
					if err != nil {
						bad.Store(err.Error())
						return
					}
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					body := string(b)
					var first, last int
					if resp.StatusCode != 200 {
						bad.Store(fmt.Sprintf("GET %s: status %d", p, resp.StatusCode))
						return
					}
					if _, err := fmt.Sscanf(body[strings.Index(body, "<p>début ")+len("<p>début "):], "%d", &first); err != nil {
						bad.Store(fmt.Sprintf("GET %s: no start marker", p))
						return
					}
					i := strings.LastIndex(body, "<p>fin ")
					if i < 0 {
						bad.Store(fmt.Sprintf("GET %s: cut short", p))
						return
					}
					fmt.Sscanf(body[i+len("<p>fin "):], "%d", &last)
					if first != last {
						bad.Store(fmt.Sprintf("GET %s: a page mixing builds %d and %d", p, first, last))
						return
					}
				}
			}
		})
	}
	for i := 1; i <= 10; i++ {
		want := s.builds.Load() + 1
		s.edit(t, fmt.Sprintf("version %d %s", i, strings.Repeat("x", i)))
		eventually(t, "a rebuild", func() bool { return s.builds.Load() >= want })
	}
	stop.Store(true)
	wg.Wait()
	if v := bad.Load(); v != nil {
		t.Error(v)
	}
}

func TestStopsOnCancel(t *testing.T) {
	s := newSite(t, "un")
	addr, stop := serve(t, s)
	if r := get(t, "http://"+addr+"/"); r.status != 200 {
		t.Fatalf("GET /: %d", r.status)
	}
	stop()
	if c, err := net.Dial("tcp", addr); err == nil {
		c.Close()
		t.Error("still accepting connections after cancel")
	}
}

func TestSiteName(t *testing.T) {
	for _, tc := range []struct {
		path, name string
		dir, ok    bool
	}{
		{"/", ".", true, true},
		{"/index.html", "index.html", false, true},
		{"/events/", "events", true, true},
		{"/events/2015-11-valette.html", "events/2015-11-valette.html", false, true},
		{"/../x", "", false, false},
		{"/a/../b", "", false, false},
		{"/./a", "", false, false},
		{"//a", "", false, false},
		{"/a//b", "", false, false},
		{"/a\\..\\b", "", false, false},
		{"/a\x00.html", "", false, false},
		{"relatif", "", false, false},
	} {
		name, dir, ok := siteName(tc.path)
		if name != tc.name || dir != tc.dir || ok != tc.ok {
			t.Errorf("siteName(%q) = %q, %v, %v; want %q, %v, %v", tc.path, name, dir, ok, tc.name, tc.dir, tc.ok)
		}
	}
}

func TestWatcherSeesEdits(t *testing.T) {
	dir := t.TempDir()
	w := newWatcher([]string{dir, filepath.Join(dir, "absent")}, false, io.Discard)
	if c := w.changed(); len(c) != 0 {
		t.Fatalf("nothing changed, yet %q", c)
	}
	events := filepath.Join(dir, "events")
	name := filepath.Join(events, "a.md")
	os.MkdirAll(events, 0o755)
	os.WriteFile(name, []byte("un"), 0o644)
	if c := w.changed(); !slices.Equal(c, []string{events, name}) {
		t.Errorf("after a new folder and file: %q", c)
	}
	os.WriteFile(name, []byte("deux"), 0o644)
	if c := w.changed(); !slices.Equal(c, []string{name}) {
		t.Errorf("after an edit: %q", c)
	}
	os.Remove(name)
	if c := w.changed(); !slices.Equal(c, []string{name}) {
		t.Errorf("after a removal: %q", c)
	}
	os.MkdirAll(filepath.Join(dir, "absent"), 0o755)
	if c := w.changed(); !slices.Equal(c, []string{filepath.Join(dir, "absent")}) {
		t.Errorf("a watched folder that appears: %q", c)
	}
	// What the build does not read either: swap files, backups, hidden folders.
	os.WriteFile(filepath.Join(dir, "events", ".a.md.swp"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "events", "a.md~"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(dir, ".git", "objects"), 0o755)
	if c := w.changed(); len(c) != 0 {
		t.Errorf("an ignored file counted as a change: %q", c)
	}
}

// FuzzSiteName checks that no request path names a file outside the site.
func FuzzSiteName(f *testing.F) {
	for _, p := range []string{"/", "/index.html", "/events/", "/../x", "/a/../b", "//a", "/a\\..\\b", "/a\x00", "/%2e%2e/x", "/x/./y"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		name, dirForm, ok := siteName(p)
		if !ok {
			return
		}
		if !strings.HasPrefix(p, "/") || (dirForm != strings.HasSuffix(p, "/")) {
			t.Fatalf("siteName(%q) = %q, %v", p, name, dirForm)
		}
		if name != "." && (strings.HasPrefix(name, "/") || strings.ContainsAny(name, "\\\x00") || filepath.Clean(name) != name) {
			t.Fatalf("siteName(%q) = %q: not a clean path inside the site", p, name)
		}
		for seg := range strings.SplitSeq(name, "/") {
			if seg == ".." || seg == "" {
				t.Fatalf("siteName(%q) = %q: has a %q segment", p, name, seg)
			}
		}
	})
}

func TestLoopback(t *testing.T) {
	for _, tc := range []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:1313", true},
		{"[::1]:1313", true},
		{"127.0.0.2:80", true},
		{"[::]:1313", false},
		{"0.0.0.0:1313", false},
		{"192.168.1.10:1313", false},
		{"localhost:1313", false}, // a name, not the address it was given
	} {
		if got := loopback(tc.addr); got != tc.want {
			t.Errorf("loopback(%q) = %v, want %v", tc.addr, got, tc.want)
		}
	}
}

func TestABuildThatPanicsIsShown(t *testing.T) {
	srv := &server{dir: t.TempDir(), log: io.Discard, build: func() error { panic("index out of range [3] with length 2") }}
	srv.rebuild("rebuilt")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "the build stopped on a bug: index out of range [3] with length 2") {
		t.Errorf("after a panic: %d\n%s", rec.Code, rec.Body.String())
	}
}

// BenchmarkPicture measures one whole look at a content tree of 3,000
// event files in 25 folders, and of 11,000 in 10, as the watcher takes
// every 2 s as a backstop, or every 50 ms without notifications.
func BenchmarkPicture(b *testing.B) {
	for _, size := range []struct{ files, folders int }{{3000, 25}, {11000, 10}} {
		b.Run(fmt.Sprintf("%d-files", size.files), func(b *testing.B) {
			dir := b.TempDir()
			for i := range size.files {
				name := filepath.Join(dir, "events", fmt.Sprint(2000+i%size.folders), fmt.Sprintf("evenement-%d.md", i))
				if i < size.folders {
					os.MkdirAll(filepath.Dir(name), 0o755)
				}
				if err := os.WriteFile(name, []byte("---\ntitle: X\ndate: 2015\n---\n"), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			w := newWatcher([]string{dir}, false, io.Discard)
			b.ResetTimer()
			for b.Loop() {
				if len(w.changed()) != 0 {
					b.Fatal("a change without an edit")
				}
			}
		})
	}
}
