package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// TestHostile feeds every format text that tries to break out of it:
// markup, attribute injection, javascript: links, template actions,
// bidirectional overrides, invisible characters, spreadsheet formulas and
// control characters.
func TestHostile(t *testing.T) {
	for _, base := range []string{testBase, ""} {
		fs := files(t, hostileSite(), base)
		for name, b := range fs {
			for _, bad := range []string{"\u202E", "\u2066", "\u2069", "\u200B", "\u2060", "\uFEFF", "\x00", "\x1b", "\u2028", "javascript:"} {
				if bytes.Contains(b, []byte(bad)) {
					t.Errorf("%s holds %q", name, bad)
				}
			}
			if name != "events.csv" && name != "events.ics" && name != "robots.txt" && bytes.Contains(b, []byte("<script")) {
				t.Errorf("%s holds an unescaped <script", name)
			}
		}

		t.Run("atom", func(t *testing.T) {
			f := parseAtom(t, fs["atom.xml"])
			if f.Lang != `fr"><x` || f.Title != hostileScript+"facturegnp.exe cachée" {
				t.Errorf("lang %q, title %q", f.Lang, f.Title)
			}
			e := f.Entries[0]
			if !strings.HasPrefix(e.Title, hostileCSV+" "+hostileScript) {
				t.Errorf("title %q", e.Title)
			}
			// The content is HTML: once the XML is decoded, markup from
			// the content must still be escaped.
			body := e.Content.Body
			for _, bad := range []string{"<script", "<img", "onerror=alert(1)>"} {
				if strings.Contains(body, bad) {
					t.Errorf("entry HTML holds %q: %s", bad, body)
				}
			}
			if !strings.Contains(body, "&lt;script&gt;") || !strings.Contains(body, "{{ template") {
				t.Errorf("entry HTML lost the text: %s", body)
			}
		})

		t.Run("json", func(t *testing.T) {
			var doc jsonSite
			if err := json.Unmarshal(fs["events.json"], &doc); err != nil {
				t.Fatal(err)
			}
			e := doc.Events[0]
			if e.Sources[0].URL != "" || e.Sources[1].URL != "https://example.org/a?b=1&c=%3C2%3E" {
				t.Errorf("source urls %q, %q", e.Sources[0].URL, e.Sources[1].URL)
			}
			if !strings.Contains(e.Summary, hostileTmpl) || !strings.Contains(e.Title, hostileScript) {
				t.Errorf("text not kept as it is: %q / %q", e.Title, e.Summary)
			}
			if bytes.ContainsAny(fs["events.json"], "<>") {
				t.Error("events.json holds a raw < or >, unsafe to inline in a page")
			}
		})

		t.Run("timelinejs", func(t *testing.T) {
			var doc tlDoc
			if err := json.Unmarshal(fs["timelinejs.json"], &doc); err != nil {
				t.Fatal(err)
			}
			s := doc.Events[0]
			for _, field := range []string{doc.Title.Text.Headline, doc.Title.Text.Text, s.Text.Headline, s.Text.Text, s.Group, s.DisplayDate} {
				if strings.Contains(field, "<script") || strings.Contains(field, "<img") || strings.Contains(field, `"><`) {
					t.Errorf("unescaped HTML in %q", field)
				}
			}
		})

		t.Run("ics", func(t *testing.T) {
			lines := unfold(t, fs["events.ics"])
			evs := vevents(lines)
			if len(evs) != 1 {
				t.Fatalf("%d VEVENTs, want 1", len(evs))
			}
			for _, l := range lines {
				name, _, ok := strings.Cut(l, ":")
				if !ok || name == "" || strings.ToUpper(name) != name {
					t.Errorf("not a content line: %q", l)
				}
			}
			sum := evs[0]["SUMMARY"]
			if sum != `=cmd|' /C calc'!A0 <script>alert("x")</script>` {
				t.Errorf("SUMMARY %q", sum)
			}
			desc := evs[0]["DESCRIPTION"]
			if !strings.Contains(desc, `ligne\nsuivante[31m\;virgule\,antislash\\`) {
				t.Errorf("DESCRIPTION badly escaped: %q", desc)
			}
		})

		t.Run("csv", func(t *testing.T) {
			r := csv.NewReader(bytes.NewReader(fs["events.csv"]))
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 2 {
				t.Fatalf("%d rows, want 2", len(rows))
			}
			for i, cell := range rows[1] {
				if c := strings.TrimLeft(cell, " "); c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
					t.Errorf("cell %s = %q would run as a formula", csvHeader[i], cell)
				}
			}
			if rows[1][5] != "'"+hostileCSV+" "+hostileScript {
				t.Errorf("title cell %q", rows[1][5])
			}
		})
	}
}
