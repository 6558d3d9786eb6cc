package content

import (
	"strings"
	"testing"
	"unicode"
)

func TestFoldAndSlugify(t *testing.T) {
	tests := []struct{ name, in, fold, slug string }{
		{"accents", "Société Générale", "societe generale", "societe-generale"},
		{"apostrophe typographique", "L’Intérieur", "l'interieur", "l-interieur"},
		{"ligature", "Cœur", "coeur", "coeur"},
		{"ligature capitale", "Œuvre ÆSOP", "oeuvre aesop", "oeuvre-aesop"},
		{"espaces", "  La   Valette\u00a0", "la valette", "la-valette"},
		{"espagnol", "Pedro Sánchez", "pedro sanchez", "pedro-sanchez"},
		{"ponctuation", "Maroc–France : 2024 !", "maroc–france : 2024 !", "maroc-france-2024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.fold {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.fold)
			}
			if got := Slugify(tt.in); got != tt.slug {
				t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.slug)
			}
		})
	}
}

func TestMonthFR(t *testing.T) {
	for in, want := range map[string]int{"janvier": 1, "Févr.": 2, "fevrier": 2, "août": 8, "aout": 8, "sept.": 9, "Décembre": 12, "lundi": 0} {
		if got := MonthFR(in); got != want {
			t.Errorf("MonthFR(%q) = %d, want %d", in, got, want)
		}
	}
}

func FuzzSplitDoc(f *testing.F) {
	for _, s := range []string{"---\ntitle: X\ndate: 2015\n---\nbody\n", "+++\ntitle = \"x\"\n+++\n", "{\n\"title\": \"x\"\n}\n",
		"---\ntitle: [\n---\n", "\n\n---\na: b\n", "no front matter", "---\n---\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, p := splitDoc("x.md", s)
		if p != nil {
			if p.Line < 0 || p.Line > len(s)+2 {
				t.Fatalf("problem line %d outside the file", p.Line)
			}
			return
		}
		if d.bodyAt < 1 || !stringsHasSuffix(s, d.body) {
			t.Fatalf("body %q is not the end of the file (line %d)", d.body, d.bodyAt)
		}
		for k := range d.meta {
			d.line(k)
			d.raw(k)
		}
	})
}

func stringsHasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// FuzzFoldSpace checks FoldSpace, which copies runs of ASCII whole,
// against the same folding done a character at a time.
func FuzzFoldSpace(f *testing.F) {
	for _, s := range []string{"", " ", "  La   Valette\u00a0", "a\u0085b\u2028c\u3000d", "\tx\r\ny\v\fz ", "é \xff\xfe à", "ab\xc3", "\u00a0\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldSpace(s), foldSpacePlain(s); got != want {
			t.Fatalf("FoldSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func foldSpacePlain(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
