package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// hostileContent is a content tree whose every field tries to run something
// in a reader's browser, a feed reader, a calendar or a spreadsheet. The
// YAML escapes \u202e and \u200b are decoded by the loader; the body holds
// the characters themselves.
var hostileContent = map[string]string{
	"_index.md": `---
title: "Frise <script>alert(1)</script>"
description: "\"><img src=x onerror=alert(1)>"
---
Introduction <script>alert(1)</script> [clic](javascript:alert(1)) {{ template "x" }}
`,
	"sources/hostile.md": `---
title: "<script>alert(1)</script> Titre"
publisher: "\"><img src=x onerror=alert(1)>"
url: "https://exemple.org/article?x='onmouseover=alert(1)//&y=javascript:alert(1)"
published: 2024-10
---
Le ministre a dit : <script>alert(1)</script> puis "><img src=x onerror=alert(1)> et javascript:alert(1), {{ template "x" }} et =cmd|' /C calc'!A0 fin.
`,
	"sources/propre.txt": "En novembre 2015, les chefs d'Etat se sont réunis à La Valette.\n",
	// Source file names that are not ids ("javascript:alert(1).txt") are
	// refused by the loader: see testdata/load/dup-key.txtar in timeline/content.
	"actors/hostile.md": `---
title: "<script>alert(1)</script>"
aliases: ["\"><img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0"]
role: "javascript:alert(1)"
country: "{{ template \"x\" }}"
---
Bio <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![y](javascript:alert(1)) <a href="javascript:alert(1)">z</a>
`,
	"places/rabat.md": "---\ntitle: \"Ra\\u202Etab\\u200B\"\naliases: [\"Ra\u202Ebat\"]\n---\nLa capitale\u202E du Maroc\u200B.\n",
	"events/2024-10-hostile.md": `---
title: "<script>alert(1)</script> \"><img src=x onerror=alert(1)> javascript:alert(1) {{ template \"x\" }} \u202Eetalp\u200B"
date: 2024-10
summary: "=cmd|' /C calc'!A0 <script>alert(1)</script>; avec, virgules"
actors: ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)"]
places: ["{{ template \"x\" }}", "Ra\u202Etab"]
topics: ["=cmd|' /C calc'!A0", "<b>gras</b>", "+SUM(1;2)", "@import"]
sources:
  - source: hostile
    quote: "<script>alert(1)</script> puis \"><img src=x onerror=alert(1)>"
---
Corps <script>alert(1)</script>

<img src=x onerror=alert(1)>

[lien](javascript:alert(1)) [autre](JaVaScRiPt:alert(1)) ![image](javascript:alert(1)) <javascript:alert(1)>

{{ template "x" }} et du texte​ invisible‮ inversé.
END:VEVENT
BEGIN:VEVENT
SUMMARY:injecté
`,
	"events/2015-11-valette.md": `---
title: Sommet de La Valette
date: 2015-11
summary: "-2+3 ; @SUM(A1) , \tcellule"
sources:
  - source: propre
    quote: se sont réunis à La Valette
---
`,
}

func TestHostileContentStaysText(t *testing.T) {
	work := t.TempDir()
	contentDir, out := filepath.Join(work, "content"), filepath.Join(work, "public")
	for name, text := range hostileContent {
		p := filepath.Join(contentDir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-content", contentDir, "-out", out, "-base-url", "https://frise.example.org/",
		"-templates", "templates", "-static", "static"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("build failed (%d):\n%s", code, stderr.String())
	}

	seen := map[string]bool{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		name := filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			for _, f := range checkOutput(name, b) {
				t.Error(f)
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"index.html", "events/2024-10-hostile.html", "actors/hostile.html",
		"sources/hostile.html", "atom.xml", "events.json", "timelinejs.json", "events.ics", "events.csv", "sitemap.xml"} {
		if !seen[want] {
			t.Errorf("the build wrote no %s", want)
		}
	}
	// The hostile text is still there, as text.
	page, _ := os.ReadFile(filepath.Join(out, "events", "2024-10-hostile.html"))
	for _, want := range []string{"&lt;script", "{{ template", "javascript:alert(1)", "etalp"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the event page lost the text %q", want)
		}
	}
}

// checkOutput returns what in a file of the site could run as script,
// by the file's kind.
func checkOutput(name string, b []byte) (bad findings) {
	if i := bytes.IndexFunc(b, invisibleRune); i >= 0 {
		bad.add("holds an invisible character at byte %d: %q", i, around(b, i))
	}
	switch ext := path.Ext(name); {
	case ext == ".html":
		bad = append(bad, checkHTML(b)...)
	case name == "atom.xml":
		bad = append(bad, checkAtom(b)...)
	case name == "sitemap.xml":
		bad = append(bad, checkSitemap(b)...)
	case name == "timelinejs.json":
		bad = append(bad, checkTimelineJS(b)...)
	case ext == ".json":
		if !json.Valid(b) {
			bad.add("is not valid JSON")
		}
	case ext == ".ics":
		bad = append(bad, checkICS(b)...)
	case ext == ".csv":
		bad = append(bad, checkCSV(b)...)
	}
	return bad
}

// findings are what a check found wrong in a file.
type findings []string

func (f *findings) add(format string, a ...any) { *f = append(*f, fmt.Sprintf(format, a...)) }

// TestHostileChecksCatchInjections feeds the checks outputs that do what
// the site must not, so a check that finds nothing is known to look.
func TestHostileChecksCatchInjections(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"page.html", `<p>a</p><script>alert(1)</script>`},
		{"page.html", `<p title=""><img src=x onerror=alert(1)>`},
		{"page.html", `<a href="java&#09;script:alert(1)">x</a>`},
		{"page.html", `<a href=" JavaScript:alert(1)">x</a>`},
		{"page.html", `<script src="https://ailleurs.example/x.js"></script>`},
		{"page.html", `<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>`},
		{"page.html", `<iframe src="a.html"></iframe>`},
		{"page.html", "<p>Ra\u202Ebat</p>"},
		{"atom.xml", `<feed><entry><content type="html">&lt;script&gt;alert(1)&lt;/script&gt;</content></entry></feed>`},
		{"atom.xml", `<feed><entry><link href="javascript:alert(1)"/></entry></feed>`},
		{"atom.xml", `<feed><entry>`},
		{"sitemap.xml", `<urlset><url><loc>javascript:alert(1)</loc></url></urlset>`},
		{"timelinejs.json", `{"events":[{"text":{"headline":"<img src=x onerror=alert(1)>"}}]}`},
		{"timelinejs.json", `{"events":[{"media":{"url":"javascript:alert(1)"}}]}`},
		{"events.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injecté\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"},
		{"events.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a; b\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"},
		{"events.csv", "title\n=cmd|' /C calc'!A0\n"},
		{"events.csv", "title\n\"@SUM(A1)\"\n"},
	} {
		if len(checkOutput(tc.name, []byte(tc.data))) == 0 {
			t.Errorf("%s: nothing found in %q", tc.name, tc.data)
		}
	}
}

// invisibleRune reports the characters the loader drops (see content.invisible).
func invisibleRune(r rune) bool {
	return r >= 0x200B && r <= 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0xFEFF
}

func around(b []byte, i int) string {
	return string(b[max(0, i-40):min(len(b), i+40)])
}

// dangerousURL reports whether a link would run script when followed.
func dangerousURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, strings.ToLower(html.UnescapeString(u)))
	return strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:") || strings.HasPrefix(u, "data:text")
}

var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true, "xlink:href": true, "srcset": true, "background": true, "cite": true, "data": true}

// checkHTML parses a page and fails on anything in it that runs script: a
// script that is not the site's own file, an event handler attribute, a
// javascript: link, an embedded frame or object, a refresh.
func checkHTML(b []byte) (bad findings) {
	z := html.NewTokenizer(bytes.NewReader(b))
	inScript, dataBlock := false, false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				bad.add("cannot be parsed: %v", z.Err())
			}
			return bad
		case html.TextToken:
			text := string(z.Text())
			switch {
			case dataBlock:
				// JSON-LD is data, not script, as long as it cannot end its element early.
				if !json.Valid([]byte(text)) || strings.Contains(text, "<") {
					bad.add("has a data block that is not clean JSON: %q", text)
				}
			case inScript && strings.TrimSpace(text) != "":
				bad.add("has an inline script: %q", text)
			}
		case html.EndTagToken:
			inScript, dataBlock = false, false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "iframe", "object", "embed", "base", "frame", "applet":
				bad.add("has a <%s> element: %s", tok.Data, tok)
			case "script":
				src, typ := "", ""
				for _, a := range tok.Attr {
					switch a.Key {
					case "src":
						src = a.Val
					case "type":
						typ = a.Val
					}
				}
				if typ == "application/ld+json" && src == "" {
					dataBlock = tt == html.StartTagToken
					break
				}
				inScript = tt == html.StartTagToken
				if src == "" || strings.Contains(src, ":") || strings.HasPrefix(src, "//") {
					bad.add("has a script that is not one of the site's files: %s", tok)
				}
			case "meta":
				for _, a := range tok.Attr {
					if a.Key == "http-equiv" && strings.EqualFold(a.Val, "refresh") {
						bad.add("has a refresh: %s", tok)
					}
				}
			case "img":
				for _, a := range tok.Attr {
					if a.Key == "src" && a.Val == "x" {
						bad.add("has the injected image: %s", tok)
					}
				}
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") {
					bad.add("has an event handler attribute: %s", tok)
				}
				if urlAttrs[a.Key] && dangerousURL(a.Val) {
					bad.add("has a script link: %s", tok)
				}
			}
		}
	}
}

// checkAtom checks the feed is well-formed XML, and that the HTML it
// carries (type="html"), once a feed reader unescapes it, is safe too.
func checkAtom(b []byte) (bad findings) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var htmlText *strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			bad.add("is not well-formed XML: %v", err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			htmlText = nil
			for _, a := range tok.Attr {
				if a.Name.Local == "type" && a.Value == "html" {
					htmlText = &strings.Builder{}
				}
				if a.Name.Local == "href" && dangerousURL(a.Value) {
					bad.add("has a script link: %v", tok)
				}
			}
		case xml.CharData:
			if htmlText != nil {
				htmlText.Write(tok)
			}
		case xml.EndElement:
			if htmlText != nil {
				for _, f := range checkHTML([]byte(htmlText.String())) {
					bad.add("%s: %s", tok.Name.Local, f)
				}
				htmlText = nil
			}
		}
	}
	return bad
}

func checkSitemap(b []byte) (bad findings) {
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(b, &sm); err != nil {
		bad.add("is not well-formed XML: %v", err)
		return
	}
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, "https://frise.example.org/") || strings.ContainsAny(u.Loc, "<>\"' ") {
			bad.add("lists %q", u.Loc)
		}
	}
	return bad
}

// checkTimelineJS checks the strings TimelineJS shows as HTML (headlines,
// texts, captions, credits) are safe HTML, and its links are web addresses.
func checkTimelineJS(b []byte) (bad findings) {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		bad.add("is not valid JSON: %v", err)
		return
	}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				walk(k, e)
			}
		case []any:
			for _, e := range v {
				walk(key, e)
			}
		case string:
			switch key {
			case "headline", "text", "caption", "credit":
				for _, f := range checkHTML([]byte(v)) {
					bad.add("%s: %s", key, f)
				}
			case "url", "link", "thumbnail":
				if dangerousURL(v) {
					bad.add("%s is a script link: %q", key, v)
				}
			}
		}
	}
	walk("", v)
	return bad
}

// checkICS unfolds the calendar and checks that no text value could start
// a property or an event of its own, and that its special characters are
// escaped as RFC 5545 says.
func checkICS(b []byte) (bad findings) {
	s := string(b)
	for i, line := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if len(line) > 75 {
			bad.add("line %d is %d octets, over 75: %q", i+1, len(line), line)
		}
		if strings.ContainsAny(line, "\r\n") {
			bad.add("line %d has a bare line end: %q", i+1, line)
		}
	}
	unfolded := strings.ReplaceAll(s, "\r\n ", "")
	lines := strings.Split(unfolded, "\r\n")
	count := func(prefix string) int {
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				n++
			}
		}
		return n
	}
	if n := count("BEGIN:VEVENT"); n != 2 {
		bad.add("has %d events, want 2", n)
	}
	if n := count("SUMMARY:"); n != 2 {
		bad.add("has %d summaries, want 2", n)
	}
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		switch prop, _, _ := strings.Cut(name, ";"); prop {
		case "SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES", "COMMENT":
			for i := 0; i < len(value); i++ {
				switch value[i] {
				case '\\':
					i++ // an escape and what it escapes
				case ';':
					bad.add("%s has an unescaped %q: %q", prop, value[i], value)
				case ',':
					if prop != "CATEGORIES" {
						bad.add("%s has an unescaped %q: %q", prop, value[i], value)
					}
				}
			}
		}
	}
	return bad
}

// checkCSV checks no cell would be read by a spreadsheet as a formula.
func checkCSV(b []byte) (bad findings) {
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		bad.add("is not valid CSV: %v", err)
		return
	}
	found := false
	for i, rec := range recs {
		for j, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				bad.add("row %d, column %d is a formula: %q", i+1, j+1, cell)
			}
			if strings.Contains(cell, "=cmd|") {
				found = true
			}
		}
	}
	if !found {
		bad.add("lost the text %q", "=cmd|")
	}
	return bad
}
