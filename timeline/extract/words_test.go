package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// foldReference is fold written plainly, one rune at a time: what fold's
// tables and runs must give.
func foldReference(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		isSpace := r == ' ' || r == '\n' || r == '\t' || r == '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r)
		if isSpace {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			continue
		}
		if r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// foldMapReference is foldMap written plainly.
func foldMapReference(s string) (string, []int) {
	var b strings.Builder
	var at []int
	for i, r := range s {
		var f string
		switch {
		case r < utf8.RuneSelf:
			f = string(unicode.ToLower(r))
		case unicode.IsSpace(r):
			f = " "
		default:
			if x, ok := foldTable[r]; ok {
				f = x
			} else {
				f = string(unicode.ToLower(r))
			}
		}
		b.WriteString(f)
		for range len(f) {
			at = append(at, i)
		}
	}
	return b.String(), append(at, len(s))
}

var foldSeeds = []string{
	"",
	"Le ministre de l’Intérieur, Abdelouafi Laftit, s'est entretenu vendredi à Madrid.",
	"  L'ŒUVRE  DE\u00a0L'ÉTÉ\u2009 2024 ",
	"Dubravka Šuica a été reçue à Rabat\n\npar Nasser Bourita",
	"e\u0301te\u0301 \u0301x",
	"a\vb\fc \xff\xfe",
	"« Nous partons. » – dit-il",
}

func FuzzFold(f *testing.F) {
	for _, s := range foldSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldReference(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
		got, gotAt := foldMap(s)
		want, wantAt := foldMapReference(s)
		if got != want || !slices.Equal(gotAt, wantAt) {
			t.Errorf("foldMap(%q) = %q %v, want %q %v", s, got, gotAt, want, wantAt)
		}
	})
}

func FuzzWords(f *testing.F) {
	for _, s := range foldSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ws := strings.Fields(s)
		if got, want := normSpace(s), strings.Join(ws, " "); got != want {
			t.Errorf("normSpace(%q) = %q, want %q", s, got, want)
		}
		if got := countFields(s); got != len(ws) {
			t.Errorf("countFields(%q) = %d, want %d", s, got, len(ws))
		}
		first, rest := firstField(s)
		last, before := lastField(s)
		if len(ws) == 0 {
			if first != "" || last != "" {
				t.Errorf("%q has no word, got %q and %q", s, first, last)
			}
			return
		}
		if first != ws[0] || normSpace(rest) != strings.Join(ws[1:], " ") {
			t.Errorf("firstField(%q) = %q, %q", s, first, rest)
		}
		if last != ws[len(ws)-1] || normSpace(before) != strings.Join(ws[:len(ws)-1], " ") {
			t.Errorf("lastField(%q) = %q, %q", s, last, before)
		}
	})
}

func TestPhraseSet(t *testing.T) {
	set := newPhraseSet([]string{"visite", "en vigueur", "a ce jour"})
	tests := []struct {
		name, text string
		want       bool
	}{
		{"un mot de la liste", "la visite du president", true},
		{"dans un mot", "les visites d'etat", true},
		{"une locution", "l'accord est entre en vigueur", true},
		{"à la fin", "rien de neuf a ce jour", true},
		{"aucun", "le ministre s'est entretenu avec son homologue", false},
		{"un début seulement", "en vigu", false},
		{"vide", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := set.in(tt.text); got != tt.want {
				t.Errorf("in(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestNormSpace(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"déjà propre", "Visite du président au Maroc", "Visite du président au Maroc"},
		{"espaces doubles", "Visite  du\u00a0président\n au Maroc ", "Visite du président au Maroc"},
		{"rien que des espaces", " \t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normSpace(tt.in); got != tt.want {
				t.Errorf("normSpace(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzFoldHead(f *testing.F) {
	for _, s := range foldSeeds {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 100 {
			return
		}
		full, head := fold(s), foldHead(s, n)
		if !strings.HasPrefix(full, head) || len(head) < min(n, len(full)) {
			t.Errorf("foldHead(%q, %d) = %q, not a beginning of %q at least %d bytes long", s, n, head, full, n)
		}
	})
}
