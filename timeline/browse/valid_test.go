package browse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
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
	jar := checker(t, "FRISE_VNU_JAR", "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "the HTML checker needs java: apt-get install default-jre-headless")
	}
	var out, stderr bytes.Buffer
	cmd := exec.Command(java, "-Xss2m", "-jar", jar, "--format", "json", "--stdout", "--errors-only",
		"--exit-zero-always", "--skip-non-html", siteDir)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("vnu: %v\n%s", err, stderr.String())
	}
	var report struct {
		Messages []struct {
			Type, SubType, URL, Message, Extract string
			LastLine                             int
		}
	}
	if err := json.Unmarshal(out.Bytes(), &report); err != nil {
		t.Fatalf("vnu printed no report: %v\n%s%s", err, out.String(), stderr.String())
	}
	for _, m := range report.Messages {
		if m.Type != "error" && !(m.Type == "non-document-error") {
			continue
		}
		page := m.URL
		if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
			if rel, err := filepath.Rel(siteDir, u.Path); err == nil {
				page = filepath.ToSlash(rel)
			}
		}
		t.Errorf("%s:%d: %s\n\t%s", page, m.LastLine, m.Message, short(m.Extract))
	}
	t.Logf("vnu checked %d pages", len(pages(t)))
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
			for j := i; j < len(all); j += tabs {
				p := all[j]
				viewport(t, ctx, 1280)
				open(t, ctx, serverURL+p)
				eval[bool](t, ctx, string(axeJS)+";true")
				for _, width := range []int64{1280, 390} {
					if width != 1280 {
						viewport(t, ctx, width)
					}
					for _, v := range evalAwait[[]axeViolation](t, ctx, axeRun) {
						for _, n := range v.Nodes {
							t.Errorf("%s at %d px: %s (%s): %s\n\t%s", p, width, v.ID, v.Impact, v.Help, n)
						}
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

// axeRun runs axe-core's default rules plus target-size (WCAG 2.2 AA, which
// Lighthouse checks too) and returns the violations, one line per element.
const axeRun = `axe.run(document, {
	rules: {'target-size': {enabled: true}},
	resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || '', help: v.help,
	nodes: v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : '')),
})))`
