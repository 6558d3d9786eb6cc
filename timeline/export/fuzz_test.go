package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileSeeds are the strings every fuzz target starts from.
var hostileSeeds = []string{
	"Sommet de La Valette, novembre 2015; déclaration",
	hostileScript, hostileAttr, hostileURL, hostileTmpl, hostileRTL, hostileZW, hostileCSV, hostileCtl,
	"C:\\dossier\\n", "\r\n\r\n", "é", strings.Repeat("🇲🇦", 40), "caf\xe9", "\"\"\"", " =1", "-", "@",
}

// unescapeICS undoes icsText.
func unescapeICS(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == 'n' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// FuzzICSText checks that any text, escaped and folded, gives lines of at
// most 75 octets of valid UTF-8 that unfold and unescape to the text
// itself, less what TEXT cannot hold.
func FuzzICSText(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		esc := icsText(s)
		var b bytes.Buffer
		icsLine(&b, "DESCRIPTION", esc)
		out := b.String()
		if !strings.HasSuffix(out, "\r\n") {
			t.Fatalf("no CRLF at the end: %q", out)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
		for i, l := range lines {
			if len(l) > 75 || !utf8.ValidString(l) || strings.ContainsAny(l, "\r\n") {
				t.Fatalf("bad line %d: %q", i, l)
			}
			if i > 0 && !strings.HasPrefix(l, " ") {
				t.Fatalf("continuation line %d without a space: %q", i, l)
			}
		}
		value, ok := strings.CutPrefix(strings.ReplaceAll(strings.TrimSuffix(out, "\r\n"), "\r\n ", ""), "DESCRIPTION:")
		if !ok || value != esc {
			t.Fatalf("unfolds to %q, want %q", value, esc)
		}
		// Unescaped, the value is the text with its line ends made \n
		// and the control characters TEXT may not hold left out.
		want := strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
		want = strings.ReplaceAll(want, "\r", "\n")
		want = strings.Map(func(r rune) rune {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f {
				return -1
			}
			return r
		}, want)
		if got := unescapeICS(esc); got != want {
			t.Fatalf("icsText(%q) unescapes to %q, want %q", s, got, want)
		}
		if icsText(s) != esc {
			t.Fatal("icsText gives two results")
		}
	})
}

// FuzzCSVCell checks that any text written as a cell reads back as
// itself, with an apostrophe before it when a spreadsheet would take it
// for a formula, and never starts with a formula's first character.
func FuzzCSVCell(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = clean(s)
		cell := csvCell(s)
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.UseCRLF = true
		if err := w.Write([]string{cell, "fin"}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatalf("%q does not read back: %v", b.String(), err)
		}
		if len(rows) != 1 || len(rows[0]) != 2 || rows[0][1] != "fin" {
			t.Fatalf("%q reads back as %q", cell, rows)
		}
		got := rows[0][0]
		// encoding/csv reads a quoted CRLF back as LF.
		if want := strings.ReplaceAll(cell, "\r\n", "\n"); got != want {
			t.Fatalf("cell %q reads back as %q", want, got)
		}
		if c := strings.TrimLeft(got, " "); c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			t.Fatalf("cell %q would run as a formula", got)
		}
		if cell != s && cell != "'"+s {
			t.Fatalf("csvCell(%q) = %q", s, cell)
		}
	})
}

// FuzzClean checks clean, which returns a clean text as it is, against
// making every text over.
func FuzzClean(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	for _, s := range []string{" a", "a\u00a0", "\u2028", "a\u0085b", "\ufffd", "a\xffb", "\u202eb", "x\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
		want = strings.TrimSpace(strings.Map(cleanRune, want))
		if got := clean(s); got != want {
			t.Fatalf("clean(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzOneLine checks oneLine, which returns a text already on one line as
// it is, against folding every text's white space.
func FuzzOneLine(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	for _, s := range []string{"a b", "a  b", " a", "a ", "a\u00a0b", "a\u0085b", "a\vb", "", " ", "a\u3000b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := oneLine(s), strings.Join(strings.Fields(clean(s)), " "); got != want {
			t.Fatalf("oneLine(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkICSText escapes an event's title and description as the
// iCalendar export writes them.
//
//	go test ./timeline/export -run '^$' -bench ICSText
func BenchmarkICSText(b *testing.B) {
	title := "Visite d’État d’Emmanuel Macron au Maroc"
	desc := "Le comité bilatéral signe le texte de loi au nom de la solidarité régionale, dans un climat tendu ; selon l’opposition, « rien n’est réglé ».\n\nSources : Le Monde, 29 octobre 2024."
	b.SetBytes(int64(len(title) + len(desc)))
	for b.Loop() {
		icsText(title)
		icsText(desc)
	}
}
