package browse

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"frise/timeline"
	"frise/timeline/content"
	"frise/timeline/publish"
)

// The site every test reads: the repository's own content, templates and
// static files, rendered and written once for the whole package.
var (
	repoRoot  string        // the folder holding go.mod
	siteDir   string        // the built site
	model     *content.Site // the content it was built from
	rules     []Rule        // the headers of netlify.toml
	serverURL string        // the site served on 127.0.0.1, ending in "/"
)

func TestMain(m *testing.M) { os.Exit(runTests(m)) }

func runTests(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "frise-browse-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "browse:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	// The site is built for the address it is served at, as on the host.
	srv := httptest.NewUnstartedServer(nil)
	serverURL = "http://" + srv.Listener.Addr().String() + "/"
	if err := buildSite(tmp, serverURL); err != nil {
		fmt.Fprintln(os.Stderr, "browse: cannot build the site under test:", err)
		return 1
	}
	if java, jar, err := vnuPaths(); err == nil {
		startVNU(java, jar)
	}
	srv.Config.Handler = Handler(siteDir, rules)
	srv.Start()
	defer srv.Close()
	code := m.Run()
	stopBrowser()
	return code
}

// buildSite renders the repository's content as `frise build` does, into
// tmp/public, for a site published at baseURL.
func buildSite(tmp, baseURL string) error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	for repoRoot = wd; ; repoRoot = filepath.Dir(repoRoot) {
		if _, err := os.Stat(filepath.Join(repoRoot, "go.mod")); err == nil {
			break
		}
		if filepath.Dir(repoRoot) == repoRoot {
			return errors.New("no go.mod above " + wd)
		}
	}
	model, err = content.Load(os.DirFS(filepath.Join(repoRoot, "content")))
	if err != nil {
		return fmt.Errorf("load content: %w", err)
	}
	files, err := timeline.Render(model, timeline.Config{
		BaseURL:   baseURL,
		Templates: os.DirFS(filepath.Join(repoRoot, "templates")),
		Static:    os.DirFS(filepath.Join(repoRoot, "static")),
	})
	if err != nil {
		return err
	}
	siteDir = filepath.Join(tmp, "public")
	if err := publish.Write(siteDir, files); err != nil {
		return err
	}
	toml, err := os.ReadFile(filepath.Join(repoRoot, "netlify.toml"))
	if err != nil {
		return err
	}
	rules, err = ParseHeaders(toml)
	return err
}

// fileURL is the file:// address of a page of the built site.
func fileURL(page string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(siteDir, page))}).String()
}

// sites are the two ways a reader opens the site: from disk and from a server.
var sites = []struct {
	name string
	url  func(page string) string
}{
	{"disque", fileURL},
	{"serveur", func(page string) string { return serverURL + page }},
}

// pages lists the site's HTML pages, as slash paths, sorted.
func pages(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(siteDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(siteDir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// inCI reports whether the tests run in CI, where a missing tool is a failure.
func inCI() bool { return os.Getenv("CI") == "true" }

// missing fails the test in CI and skips it elsewhere.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if inCI() {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// The browser, started once for the package and shared by every test, one tab each.
var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserStop   context.CancelFunc
	browserErr    error
	browserBinary string
)

// chromiumPath is Debian's chromium, or the one $FRISE_CHROMIUM names.
func chromiumPath() string {
	if p := os.Getenv("FRISE_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func startBrowser() {
	browserBinary = chromiumPath()
	if browserBinary == "" {
		browserErr = errors.New("no chromium found: install it (apt-get install chromium) or set FRISE_CHROMIUM")
		return
	}
	profile, err := os.MkdirTemp("", "frise-chromium-")
	if err != nil {
		browserErr = err
		return
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browserBinary),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 800),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("lang", "fr-FR"),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	// The first call starts the browser and binds its life to ctx.
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
		browserErr = fmt.Errorf("start %s: %w", browserBinary, err)
		return
	}
	browserCtx = ctx
	browserStop = func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}
}

func stopBrowser() {
	if browserStop != nil {
		browserStop()
	}
}

// tab opens a new tab of the shared browser, recording what a reader's
// browser would complain about. The tab closes when the test ends.
func tab(t *testing.T) (context.Context, *recorder) {
	t.Helper()
	browserOnce.Do(startBrowser)
	if browserErr != nil {
		missing(t, "browser tests need chromium: %v", browserErr)
	}
	rec := &recorder{}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithListener(rec.listen))
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return ctx, rec
}

// recorder keeps what the browser reports that a reader would suffer from:
// console errors, uncaught exceptions, failed requests, HTTP errors and
// Content-Security-Policy violations.
type recorder struct {
	mu       sync.Mutex
	problems []string
	warnings []string
	requests map[network.RequestID]string // the address of each request, for failures
	expected []string                     // problems that mention one of these are ignored
}

func (r *recorder) add(list *[]string, format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	*list = append(*list, fmt.Sprintf(format, args...))
}

func (r *recorder) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		var args []string
		for _, a := range ev.Args {
			if a.Value != nil {
				args = append(args, string(a.Value))
			} else {
				args = append(args, a.Description)
			}
		}
		switch ev.Type {
		case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeAssert:
			r.add(&r.problems, "console.%s: %s", ev.Type, strings.Join(args, " "))
		case runtime.ConsoleAPICalledTypeWarning:
			r.add(&r.warnings, "console.warn: %s", strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		r.add(&r.problems, "uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		e := ev.Entry
		switch e.Level {
		case log.EntryLevelError:
			r.add(&r.problems, "browser log (%s): %s %s", e.Source, e.Text, e.URL)
		case log.EntryLevelWarning:
			r.add(&r.warnings, "browser log (%s): %s %s", e.Source, e.Text, e.URL)
		}
	case *network.EventRequestWillBeSent:
		r.mu.Lock()
		if r.requests == nil {
			r.requests = make(map[network.RequestID]string)
		}
		r.requests[ev.RequestID] = ev.Request.URL
		r.mu.Unlock()
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			r.mu.Lock()
			u := r.requests[ev.RequestID]
			r.mu.Unlock()
			r.add(&r.problems, "request for %s failed (%s): %s", u, ev.Type, ev.ErrorText)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			r.add(&r.problems, "HTTP %d for %s", ev.Response.Status, ev.Response.URL)
		}
	}
}

// expect makes check ignore the problems that mention s: they were expected.
func (r *recorder) expect(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.expected = append(r.expected, s)
}

// check fails the test for every problem recorded so far, and logs the warnings.
func (r *recorder) check(t *testing.T, where string) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, w := range r.warnings {
		t.Logf("%s: %s", where, w)
	}
	for _, p := range r.problems {
		if !slices.ContainsFunc(r.expected, func(e string) bool { return strings.Contains(p, e) }) {
			t.Errorf("%s: %s", where, p)
		}
	}
	r.problems, r.warnings = nil, nil
}

// eval runs a JavaScript expression in the tab and returns its value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", short(js), err)
	}
	return v
}

// evalAwait is eval for an expression whose value is a promise: it
// returns what the promise resolves to.
func evalAwait[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", short(js), err)
	}
	return v
}

// do runs browser actions, failing the test on the first error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}
