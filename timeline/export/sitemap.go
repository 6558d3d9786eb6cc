package export

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"text/template"
)

// maxSitemapURLs is the most URLs one sitemap file may list (sitemaps.org).
const maxSitemapURLs = 50000

// sitemaps returns sitemap.xml, listing the absolute URL of every page
// (Pages), the home page as the base URL itself. A site of more than
// 50,000 pages gets sitemap-1.xml, sitemap-2.xml … and a sitemap.xml that
// is an index of them.
func (x *export) sitemaps() map[string][]byte {
	var urls []string
	for _, p := range Pages(x.site) {
		if p == "index.html" {
			urls = append(urls, x.home())
			continue
		}
		urls = append(urls, x.link(p))
	}
	out := map[string][]byte{}
	if len(urls) <= maxSitemapURLs {
		out["sitemap.xml"] = urlset(urls)
		return out
	}
	var parts []string
	for i := 0; len(urls) > 0; i++ {
		n := min(len(urls), maxSitemapURLs)
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		out[name] = urlset(urls[:n])
		parts = append(parts, x.link(name))
		urls = urls[n:]
	}
	var b bytes.Buffer
	w := xmlWriter{&b}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range parts {
		b.WriteString("  <sitemap>\n")
		w.elem("    ", "loc", u)
		b.WriteString("  </sitemap>\n")
	}
	b.WriteString("</sitemapindex>\n")
	out["sitemap.xml"] = b.Bytes()
	return out
}

func urlset(urls []string) []byte {
	var b bytes.Buffer
	w := xmlWriter{&b}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("  <url>\n")
		w.elem("    ", "loc", u)
		b.WriteString("  </url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// defaultRobots lets every crawler in and names the sitemap when there is one.
const defaultRobots = `User-agent: *
Disallow:
{{- with .Sitemap}}

Sitemap: {{.}}
{{- end}}
`

// RobotsData is what a robots.txt template is executed with.
type RobotsData struct {
	BaseURL string // the site's address ending in "/", or ""
	Sitemap string // the sitemap's absolute URL, or "" when there is none
	Title   string // the site's title
}

// robots writes robots.txt from templates/robots.txt if there is one (a
// text/template executed with RobotsData), or from defaultRobots.
func (x *export) robots(templates fs.FS) ([]byte, error) {
	text := defaultRobots
	name := "robots.txt"
	if templates != nil {
		b, err := fs.ReadFile(templates, name)
		switch {
		case err == nil:
			text = string(b)
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("templates/%s: %w", name, err)
		}
	}
	t, err := template.New(name).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, templateError(err)
	}
	data := RobotsData{BaseURL: x.base, Title: x.title}
	if x.base != "" {
		data.Sitemap = x.link("sitemap.xml")
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return nil, templateError(err)
	}
	return b.Bytes(), nil
}

// templateError turns text/template's "template: robots.txt:3: …" into
// "templates/robots.txt:3: …", the file's path in the site's tree.
func templateError(err error) error {
	return errors.New("templates/" + strings.TrimPrefix(err.Error(), "template: "))
}
