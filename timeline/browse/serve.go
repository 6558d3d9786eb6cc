// Package browse serves a built site on a local address the way its host
// serves it: the same response headers (read from netlify.toml, among them
// the Content-Security-Policy), index.html for a folder, and 404.html with
// status 404 for an address that has no file.
//
// The tests beside it build the repository's content and open the site in
// Debian's chromium, through this server and from disk, as readers do:
// they filter, search, go back, follow links, turn JavaScript off, run
// axe-core on every page at 1280 and 390 px and the W3C Nu checker over
// the whole site, and hold the script, stylesheet and home page to their
// budgets. They read these variables:
//
//	CI=true            a missing browser or checker fails the tests instead of skipping them
//	FRISE_CHROMIUM     the browser (default /usr/bin/chromium)
//	FRISE_SCREENSHOTS  where the screenshots go (default a temporary folder, named in the log)
//	FRISE_VNU_JAR      the Nu checker (default .ci/node_modules/vnu-jar/build/dist/vnu.jar)
//	FRISE_AXE_JS       axe-core (default .ci/node_modules/axe-core/axe.min.js)
//
// .ci/run installs the checkers with npm ci --ignore-scripts --prefix .ci.
package browse

import (
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// Rule is one [[headers]] table of netlify.toml: the headers sent with
// every response whose path matches For.
type Rule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
}

// ParseHeaders reads the [[headers]] tables of a netlify.toml file.
func ParseHeaders(data []byte) ([]Rule, error) {
	var doc struct {
		Headers []Rule `toml:"headers"`
	}
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return nil, fmt.Errorf("netlify.toml: %w", err)
	}
	for i, r := range doc.Headers {
		if !strings.HasPrefix(r.For, "/") {
			return nil, fmt.Errorf("netlify.toml: headers table %d: for = %q does not start with /", i+1, r.For)
		}
	}
	return doc.Headers, nil
}

// Header returns the value a response for urlPath gets for the header key,
// and whether any rule sets it. As on Netlify, a later matching rule
// overrides an earlier one.
func Header(rules []Rule, urlPath, key string) (string, bool) {
	var v string
	var ok bool
	for _, r := range rules {
		if !match(r.For, urlPath) {
			continue
		}
		for k, val := range r.Values {
			if strings.EqualFold(k, key) {
				v, ok = val, true
			}
		}
	}
	return v, ok
}

// match reports whether urlPath matches a Netlify path pattern, in which
// "*" stands for any run of characters, slashes included.
func match(pattern, urlPath string) bool {
	parts := strings.Split(pattern, "*")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	re, err := regexp.Compile("^" + strings.Join(parts, ".*") + "$")
	return err == nil && re.MatchString(urlPath)
}

// Handler serves the site in dir with the headers of rules.
func Handler(dir string, rules []Rule) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			p = path.Join(p, "index.html")
		}
		status := http.StatusOK
		file := filepath.Join(dir, filepath.FromSlash(p))
		if fi, err := os.Stat(file); err != nil || fi.IsDir() {
			status = http.StatusNotFound
			p = "/404.html"
			file = filepath.Join(dir, "404.html")
		}
		data, err := os.ReadFile(file)
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		for _, rule := range rules {
			if match(rule.For, p) {
				for k, v := range rule.Values {
					w.Header().Set(k, v)
				}
			}
		}
		if w.Header().Get("Content-Type") == "" {
			ct := mime.TypeByExtension(path.Ext(p))
			if ct == "" {
				ct = http.DetectContentType(data)
			}
			w.Header().Set("Content-Type", ct)
		}
		w.WriteHeader(status)
		if r.Method == http.MethodGet {
			w.Write(data)
		}
	})
}
