package site

import (
	"net/url"
	"strings"
)

// Rel returns the link from the page at path from to the output path to,
// both slash-separated and relative to the site's root ("index.html",
// "events/x.html", "index.html#y2015"). The result is relative, so the site
// works from any folder and from disk: "../actors/y.html" from an event
// page, "#y2015" for an anchor of the same page.
func Rel(from, to string) string {
	target, frag, _ := strings.Cut(to, "#")
	if target == from && frag != "" {
		return "#" + frag
	}
	prefix := strings.Repeat("../", strings.Count(from, "/"))
	return prefix + to
}

// rootPrefix is what leads from the page at path back to the site's root.
func rootPrefix(path string) string {
	return strings.Repeat("../", strings.Count(path, "/"))
}

// safeURL returns u when it is an absolute http or https URL, and "" for
// anything else (javascript:, data:, relative or malformed links), so an
// article's address can never run code in a reader's browser.
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.String()
	}
	return ""
}

// absURL joins the site's base URL and an output path; "" when there is no base.
func absURL(base, path string) string {
	if base == "" {
		return ""
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	if path == "index.html" {
		return base
	}
	return base + path
}

// Output paths of each kind of page, relative to the site's root.
func eventPath(slug string) string      { return "events/" + slug + ".html" }
func termPath(kind, slug string) string { return kind + "/" + slug + ".html" }
func sourcePath(id string) string       { return "sources/" + id + ".html" }
