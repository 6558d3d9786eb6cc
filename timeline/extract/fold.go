package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldTable maps the accented letters of French (and Spanish names) to
// their plain lower-case letters.
var foldTable = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ã': "a", 'À': "a", 'Â': "a", 'Ä': "a", 'Á': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'É': "e", 'È': "e", 'Ê': "e", 'Ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'Î': "i", 'Ï': "i", 'Í': "i",
	'ô': "o", 'ö': "o", 'ó': "o", 'Ô': "o", 'Ö': "o", 'Ó': "o",
	'ù': "u", 'û': "u", 'ü': "u", 'ú': "u", 'Ù': "u", 'Û': "u", 'Ü': "u", 'Ú': "u",
	'ç': "c", 'Ç': "c", 'ñ': "n", 'Ñ': "n", 'ÿ': "y", 'Ÿ': "y",
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae",
	'’': "'", 'ʼ': "'", '‘': "'", '–': "-", '‑': "-",
}

// fold returns s lower-cased, without accents, with typographic
// apostrophes as ASCII ones and every run of white space as one space: the
// form in which names, topics and triggers are compared. It is
// content.Fold's rule, specialised to the letters of French news for speed.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
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
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
