package browse

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The checkers come from npm, pinned in .ci/package.json and installed by
// .ci/run (npm ci --ignore-scripts --prefix .ci); FRISE_VNU_JAR and
// FRISE_AXE_JS point elsewhere.

// checker returns the path of a file installed under .ci/node_modules, or
// the one the environment variable env names.
func checker(t *testing.T, env, rel string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		p = filepath.Join(repoRoot, ".ci", "node_modules", filepath.FromSlash(rel))
	}
	if _, err := os.Stat(p); err != nil {
		missing(t, "%s is missing: run npm ci --ignore-scripts --prefix .ci (or set %s)", p, env)
	}
	return p
}

// Every page of the site is valid HTML for the W3C Nu checker.
func TestPagesAreValidHTML(t *testing.T) {
	t.Parallel() // the checker is its own process: let it run beside the browser
	for _, e := range htmlErrors(t, siteDir) {
		t.Error(e)
	}
	t.Logf("vnu checked %d pages", len(pages(t)))
}

// The checker sees a planted mistake, so a silent run means a valid site.
func TestHTMLCheckerSeesMistakes(t *testing.T) {
	t.Parallel()
	errs := strings.Join(htmlErrors(t, filepath.Join("testdata", "broken")), "\n")
	for _, want := range []string{"index.html:11:", "alt", "index.html:12:"} {
		if !strings.Contains(errs, want) {
			t.Errorf("the checker's report lacks %q:\n%s", want, errs)
		}
	}
}

// htmlErrors returns the Nu checker's errors for the pages in dir as
// "page:line: message" followed by the extract. The checker runs once,
// over the site and the planted mistakes together, from TestMain on, so
// that its slow start overlaps the browser tests.
func htmlErrors(t *testing.T, dir string) []string {
	t.Helper()
	java, jar, err := vnuPaths()
	if err != nil {
		missing(t, "%v", err)
	}
	startVNU(java, jar)
	<-vnuDone
	if vnuErr != nil {
		t.Fatal(vnuErr)
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, m := range vnuMessages {
		u, err := url.Parse(m.URL)
		if err != nil || u.Scheme != "file" {
			errs = append(errs, fmt.Sprintf("%s: %s", m.URL, m.Message)) // not about one page: say it everywhere
			continue
		}
		rel, err := filepath.Rel(dir, u.Path)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		errs = append(errs, fmt.Sprintf("%s:%d: %s\n\t%s", filepath.ToSlash(rel), m.LastLine, m.Message, short(m.Extract)))
	}
	return errs
}

// vnuPaths finds java and the checker's jar.
func vnuPaths() (java, jar string, err error) {
	jar = os.Getenv("FRISE_VNU_JAR")
	if jar == "" {
		jar = filepath.Join(repoRoot, ".ci", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	}
	if _, err := os.Stat(jar); err != nil {
		return "", "", fmt.Errorf("%s is missing: run npm ci --ignore-scripts --prefix .ci (or set FRISE_VNU_JAR)", jar)
	}
	java, err = exec.LookPath("java")
	if err != nil {
		return "", "", fmt.Errorf("the HTML checker needs java: apt-get install default-jre-headless")
	}
	return java, jar, nil
}

// startVNU starts the checker, once; vnuDone closes when it is done.
func startVNU(java, jar string) {
	vnuOnce.Do(func() {
		go func() {
			vnuMessages, vnuErr = runVNU(java, jar)
			close(vnuDone)
		}()
	})
}

type vnuMessage struct {
	Type, URL, Message, Extract string
	LastLine                    int
}

var (
	vnuOnce     sync.Once
	vnuDone     = make(chan struct{})
	vnuMessages []vnuMessage
	vnuErr      error
)

// runVNU checks the built site and testdata/broken, and returns the errors.
func runVNU(java, jar string) ([]vnuMessage, error) {
	broken, err := filepath.Abs(filepath.Join("testdata", "broken"))
	if err != nil {
		return nil, err
	}
	var out, stderr bytes.Buffer
	cmd := exec.Command(java, "-Xss2m", "-jar", jar, "--format", "json", "--stdout", "--errors-only",
		"--exit-zero-always", "--skip-non-html", siteDir, broken)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("vnu: %v\n%s", err, stderr.String())
	}
	var report struct{ Messages []vnuMessage }
	if err := json.Unmarshal(out.Bytes(), &report); err != nil {
		return nil, fmt.Errorf("vnu printed no report: %v\n%s%s", err, out.String(), stderr.String())
	}
	var errs []vnuMessage
	for _, m := range report.Messages {
		if m.Type == "error" || m.Type == "non-document-error" {
			errs = append(errs, m)
		}
	}
	return errs, nil
}

// axeViolation is what the tests keep of an axe-core violation.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// Every page passes axe-core's rules (WCAG 2.0, 2.1 and 2.2 A and AA, best
// practices and target-size) at a desktop and a phone width, raises no
// error in the console and fits the phone's width. Two tabs share the
// pages; each page loads once and is checked at both widths.
func TestPagesAreAccessible(t *testing.T) {
	axePath := checker(t, "FRISE_AXE_JS", "axe-core/axe.min.js")
	axeJS, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	all := pages(t)
	const tabs = 2
	for i := range tabs {
		t.Run(fmt.Sprintf("onglet %d", i+1), func(t *testing.T) {
			t.Parallel()
			ctx, rec := tab(t)
			// Given once, axe is put in every page the tab opens; the
			// browser compiles it once.
			do(t, ctx, "load axe", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: string(axeJS)})
				return err
			}))
			for j := i; j < len(all); j += tabs {
				p := all[j]
				viewport(t, ctx, 1280)
				open(t, ctx, serverURL+p)
				for _, width := range []int64{1280, 390} {
					if width != 1280 {
						viewport(t, ctx, width)
					}
					for _, v := range axeViolations(t, ctx) {
						t.Errorf("%s at %d px: %s", p, width, v)
					}
				}
				if wide := overflow(t, ctx); wide != "" {
					t.Errorf("%s at 390 px scrolls sideways: %s", p, wide)
				}
				rec.check(t, p)
			}
		})
	}
}

// axe-core sees planted mistakes, so a silent run means an accessible site.
func TestAxeSeesMistakes(t *testing.T) {
	axeJS, err := os.ReadFile(checker(t, "FRISE_AXE_JS", "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, rec := tab(t)
	viewport(t, ctx, 390)
	abs, err := filepath.Abs(filepath.Join("testdata", "broken", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	open(t, ctx, (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String())
	eval[bool](t, ctx, string(axeJS)+";true")
	found := strings.Join(axeViolations(t, ctx), "\n")
	for _, want := range []string{"image-alt", "color-contrast"} {
		if !strings.Contains(found, want) {
			t.Errorf("axe did not report %s; it reported:\n%s", want, found)
		}
	}
	if overflow(t, ctx) == "" {
		t.Error("a page wider than the phone was not seen")
	}
	rec.check(t, "testdata/broken/index.html")
}

// axeViolations runs axe in the tab's page, which must have loaded axe,
// and returns one line per failing element: rule (impact): help, element.
func axeViolations(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var out []string
	for _, v := range evalAwait[[]axeViolation](t, ctx, axeRun) {
		for _, n := range v.Nodes {
			out = append(out, fmt.Sprintf("%s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, n))
		}
	}
	return out
}

// axeRun runs axe-core's default rules plus target-size (WCAG 2.2 AA, which
// Lighthouse checks too) and returns the violations, one line per element.
const axeRun = `axe.run(document, {
	rules: {'target-size': {enabled: true}},
	resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || '', help: v.help,
	nodes: v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : '')),
})))`
