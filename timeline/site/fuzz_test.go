package site

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFoldSpaceFind checks that a passage found in a text is a span of it
// that folds to the quote, and that any span of a text is found.
func FuzzFoldSpaceFind(f *testing.F) {
	f.Add("les chefs\nd'Etat ont exploré", "chefs d'Etat")
	f.Add("  début\t\t du texte", "début du")
	f.Add("Le Maroc coopère.", "l'Algérie")
	f.Add("a\u00a0b", "a b")
	f.Fuzz(func(t *testing.T, text, quote string) {
		if !utf8.ValidString(text) || !utf8.ValidString(quote) {
			return
		}
		fl := foldSpace(text)
		a, b, ok := fl.find(quote)
		if ok {
			if a < 0 || b > len(text) || a > b {
				t.Fatalf("find(%q) in %q = %d, %d: outside the text", quote, text, a, b)
			}
			if got, want := foldSpace(text[a:b]).text, foldSpace(quote).text; got != want {
				t.Fatalf("find(%q) in %q gives %q, which folds to %q", quote, text, text[a:b], got)
			}
		}
		if len(fl.orig) != len(fl.text)+1 {
			t.Fatalf("foldSpace(%q): %d offsets for %d bytes", text, len(fl.orig), len(fl.text))
		}
	})
}

// FuzzFrench checks that typography only ever changes spaces.
func FuzzFrench(f *testing.F) {
	for _, s := range []string{"Rabat-Paris : vers", "« faible »", "«x»", "a ; b ! c ?", "10:30", "\u00a0»", "l'État d'https://x.org/l'a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		strip := func(x string) string {
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '\u00a0' || r == nnbsp {
					return -1
				}
				if r == '’' {
					return '\''
				}
				return r
			}, x)
		}
		got := French(s)
		if strip(got) != strip(s) {
			t.Fatalf("French(%q) = %q: more than spaces and apostrophes changed", s, got)
		}
		if French(got) != got {
			t.Fatalf("French is not stable on %q: %q, then %q", s, got, French(got))
		}
	})
}
