// Package check reads a built site from disk as a reader's browser would
// open it, straight from the files: every link between pages must point at
// a file that exists (never at a folder, which only a server resolves),
// every #anchor at an element with that id, and every page must be
// reachable from the home page.
package check

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"frise/timeline/internal/parallel"
)

// Problem is a broken link or an unreachable page.
type Problem struct {
	Page string // the page's slash path in the site
	Msg  string
}

func (p Problem) String() string { return p.Page + ": " + p.Msg }

// page is what check needs of one HTML file.
type page struct {
	ids   map[string]bool
	links []string // as written in href and src
}

// Site checks the site in fsys (its root is the output directory).
// Pages in exempt (such as "404.html") are shown by the server at any
// address: they need not be reachable, and may link from the server's root.
func Site(fsys fs.FS, exempt ...string) ([]Problem, error) {
	files := map[string]bool{}
	var htmls []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		files[p] = true
		if path.Ext(p) == ".html" {
			htmls = append(htmls, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the site: %w", err)
	}
	// Reading and parsing the pages is most of the work: do it on every core.
	parsed := make([]*page, len(htmls))
	errs := make([]error, len(htmls))
	parallel.For(len(htmls), func(i int) {
		b, err := fs.ReadFile(fsys, htmls[i])
		if err != nil {
			errs[i] = err
			return
		}
		parsed[i] = parse(b)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("read the site: %w", err)
	}
	pages := make(map[string]*page, len(htmls))
	for i, p := range htmls {
		pages[p] = parsed[i]
	}
	if !files["index.html"] {
		return []Problem{{Page: "index.html", Msg: "is missing: the site has no home page"}}, nil
	}
	var probs []Problem
	names := make([]string, 0, len(pages))
	for p := range pages {
		names = append(names, p)
	}
	sort.Strings(names)
	reached := map[string]bool{}
	links := map[string][]string{}
	for _, name := range names {
		served := contains(exempt, name)
		for _, raw := range pages[name].links {
			if served && strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, "//") {
				// A page the server shows at any address (404.html) links from the root.
				raw = path.Join(strings.Repeat("../", strings.Count(name, "/")), "."+raw)
			}
			target, frag, ok, msg := resolve(name, raw)
			if msg != "" {
				probs = append(probs, Problem{name, msg})
				continue
			}
			if !ok {
				continue
			}
			if target == "" {
				target = name
			}
			if !files[target] {
				probs = append(probs, Problem{name, fmt.Sprintf("link %q points at %s, which does not exist", raw, target)})
				continue
			}
			if tp, isPage := pages[target]; isPage {
				links[name] = append(links[name], target)
				if frag != "" && !tp.ids[frag] {
					probs = append(probs, Problem{name, fmt.Sprintf("link %q points at #%s, which %s does not have", raw, frag, target)})
				}
			}
		}
	}
	// Every page must be reachable from the home page.
	queue := []string{"index.html"}
	reached["index.html"] = true
	for k := 0; k < len(queue); k++ {
		for _, t := range links[queue[k]] {
			if !reached[t] {
				reached[t] = true
				queue = append(queue, t)
			}
		}
	}
	for _, name := range names {
		if !reached[name] && !contains(exempt, name) {
			probs = append(probs, Problem{name, "cannot be reached by following links from index.html"})
		}
	}
	return probs, nil
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// resolve turns a link written in the page at from into a site path and a
// fragment. ok is false for links that leave the site (other schemes,
// absolute URLs); msg says why a link cannot work from disk.
func resolve(from, raw string) (target, frag string, ok bool, msg string) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", "", false, fmt.Sprintf("link %q is not a valid address", raw)
	}
	if u.Scheme != "" || u.Host != "" {
		return "", "", false, ""
	}
	if strings.HasPrefix(u.Path, "/") {
		return "", "", false, fmt.Sprintf("link %q starts at the server's root, so it breaks when the site is opened from disk", raw)
	}
	frag = u.Fragment
	if u.Path == "" {
		return "", frag, true, ""
	}
	if strings.HasSuffix(u.Path, "/") {
		return "", "", false, fmt.Sprintf("link %q points at a folder, which only a server turns into a page", raw)
	}
	target = path.Join(path.Dir(from), u.Path)
	if target == ".." || strings.HasPrefix(target, "../") {
		return "", "", false, fmt.Sprintf("link %q leaves the site", raw)
	}
	return target, frag, true, ""
}

// parse collects a page's ids and links.
func parse(b []byte) *page {
	p := &page{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return p
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		tag := atom.Lookup(name)
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch string(k) {
			case "id":
				p.ids[string(v)] = true
			case "name":
				if tag == atom.A {
					p.ids[string(v)] = true
				}
			case "href":
				if tag == atom.A || tag == atom.Link || tag == atom.Area || string(name) == "a" {
					p.links = append(p.links, string(v))
				}
			case "src":
				if tag == atom.Img || tag == atom.Script || tag == atom.Source || tag == atom.Iframe {
					p.links = append(p.links, string(v))
				}
			}
		}
	}
}
