package export

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// FeedEntries is how many events the Atom feed carries: the latest. A feed
// reader wants what is new, and a feed of every event of a large timeline
// would weigh megabytes; the complete data is in events.json and the others.
const FeedEntries = 200

// atom writes atom.xml: an Atom 1.0 feed (RFC 4287) with an entry per
// event for the latest FeedEntries events, the latest date first.
//
// An entry's id is its page's absolute URL when the base URL is known, and
// otherwise a name-based UUID URN, since Atom ids must be absolute. Its
// updated stamp comes from the content (see the package comment); the
// feed's is the latest of its entries', or 1970-01-01 for an empty feed.
func (x *export) atom(b *bytes.Buffer) error {
	latest := x.entries[max(0, len(x.entries)-FeedEntries):]
	updated := time.Unix(0, 0).UTC()
	for _, e := range latest {
		if e.Updated.After(updated) {
			updated = e.Updated
		}
	}
	w := xmlWriter{b}
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="`)
	w.esc(x.lang)
	b.WriteString("\">\n")
	feedID := x.base
	if feedID == "" {
		feedID = "urn:uuid:" + nameUUID(x.siteKey())
	}
	w.elem("  ", "id", feedID)
	w.elem("  ", "title", x.title)
	if x.desc != "" {
		w.elem("  ", "subtitle", x.desc)
	}
	w.elem("  ", "updated", stamp(updated))
	w.link("  ", "alternate", "text/html", x.home())
	if x.base != "" {
		w.link("  ", "self", "application/atom+xml", x.link("atom.xml"))
	}
	b.WriteString("  <author>\n")
	w.elem("    ", "name", x.title)
	b.WriteString("  </author>\n")
	w.elem("  ", "generator", "Frise")

	for _, e := range slices.Backward(latest) {
		b.WriteString("  <entry>\n")
		id := x.link(e.Path)
		if x.base == "" {
			id = "urn:uuid:" + x.eventUUID(&e)
		}
		w.elem("    ", "id", id)
		w.elem("    ", "title", e.Title)
		w.elem("    ", "updated", stamp(e.Updated))
		w.link("    ", "alternate", "text/html", x.link(e.Path))
		for _, t := range e.Topics {
			b.WriteString(`    <category term="`)
			w.esc(t.Slug)
			b.WriteString(`" label="`)
			w.esc(t.Name)
			b.WriteString("\"/>\n")
		}
		summary := e.DateFR
		if e.Summary != "" {
			summary += " : " + e.Summary
		}
		w.elem("    ", "summary", summary)
		b.WriteString(`    <content type="html">`)
		w.esc(x.entryHTML(&e))
		b.WriteString("</content>\n")
		b.WriteString("  </entry>\n")
	}
	b.WriteString("</feed>\n")
	return nil
}

// entryHTML is the body of an Atom entry: the date, the summary and the
// quoted sources, each linking to its page on the site.
func (x *export) entryHTML(e *entry) string {
	var b strings.Builder
	b.WriteString("<p>" + html.EscapeString(e.DateFR) + "</p>")
	if e.Summary != "" {
		b.WriteString("<p>" + html.EscapeString(e.Summary) + "</p>")
	}
	if len(e.Sources) > 0 {
		b.WriteString("<ul>")
		for _, s := range e.Sources {
			title := s.Title
			if title == "" {
				title = s.ID
			}
			b.WriteString(`<li><a href="` + html.EscapeString(x.link(page("sources", s.ID))) + `">` +
				html.EscapeString(title) + "</a> : « " + html.EscapeString(s.Quote) + " »</li>")
		}
		b.WriteString("</ul>")
	}
	return b.String()
}

// stamp writes t as an RFC 3339 time stamp in UTC.
func stamp(t time.Time) string { return clampYear(t).UTC().Format("2006-01-02T15:04:05Z") }

// xmlWriter writes XML by hand, escaping every text and attribute.
type xmlWriter struct{ b *bytes.Buffer }

// esc writes s escaped for XML text or a quoted attribute; characters
// that XML 1.0 cannot hold become U+FFFD.
func (w xmlWriter) esc(s string) {
	last := 0
	for i, r := range s {
		var rep string
		switch {
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '&':
			rep = "&amp;"
		case r == '"':
			rep = "&#34;"
		case r == '\'':
			rep = "&#39;"
		case r == '\n':
			rep = "&#xA;"
		case r == '\r':
			rep = "&#xD;"
		case r == '\t':
			rep = "&#x9;"
		case r < 0x20, r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"),
			r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			rep = "\uFFFD"
		default:
			continue
		}
		w.b.WriteString(s[last:i])
		w.b.WriteString(rep)
		_, size := utf8.DecodeRuneInString(s[i:])
		last = i + size
	}
	w.b.WriteString(s[last:])
}

func (w xmlWriter) elem(indent, name, text string) {
	w.b.WriteString(indent + "<" + name + ">")
	w.esc(text)
	w.b.WriteString("</" + name + ">\n")
}

func (w xmlWriter) link(indent, rel, typ, href string) {
	w.b.WriteString(indent + `<link rel="` + rel + `" type="` + typ + `" href="`)
	w.esc(href)
	w.b.WriteString("\"/>\n")
}
