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

// foldSpace marks, in the tables below, a rune that folds to white space.
const foldSpace = "\x00"

// The folded form of the runes French text is made of, worked out once:
// Latin-1 and Latin Extended-A, and the general punctuation block
// (apostrophes, dashes, thin spaces). "" is a rune that folding drops.
var (
	foldLatin [0x180]string
	foldPunct [0x70]string // U+2000 to U+206F
)

func init() {
	for r := rune(0x80); r < 0x180; r++ {
		foldLatin[r] = foldRuneSlow(r)
	}
	for r := rune(0x2000); r < 0x2070; r++ {
		foldPunct[r-0x2000] = foldRuneSlow(r)
	}
}

// foldRuneSlow is the folded form of a rune that is not ASCII: foldSpace
// for white space, "" for a combining mark.
func foldRuneSlow(r rune) string {
	if unicode.IsSpace(r) {
		return foldSpace
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	if unicode.Is(unicode.Mn, r) {
		return ""
	}
	return string(unicode.ToLower(r))
}

// foldRune is foldRuneSlow read from the tables when it can be.
func foldRune(r rune) string {
	switch {
	case r < 0x180:
		return foldLatin[r]
	case 0x2000 <= r && r < 0x2070:
		return foldPunct[r-0x2000]
	}
	return foldRuneSlow(r)
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
		// A run of bytes that fold to themselves, single spaces between
		// them included, is copied at once.
		j := i
		for j < len(s) {
			if c := s[j]; foldsToItself[c] {
				j++
			} else if c == ' ' && j > i && j+1 < len(s) && foldsToItself[s[j+1]] {
				j += 2
			} else {
				break
			}
		}
		if j > i {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
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
		f := foldRune(r)
		if f == foldSpace {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteString(f)
	}
	return b.String()
}

// foldsToItself marks the ASCII bytes fold leaves as they are: all but
// capitals and white space.
var foldsToItself = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = !('A' <= c && c <= 'Z') && c != ' ' && c != '\n' && c != '\t' && c != '\r'
	}
	return t
}()

// foldHead is the beginning of fold(s), at least n bytes of it when fold(s)
// has that many: enough to tell whether fold(s) starts with a phrase of n
// bytes or fewer, without folding all of a long text.
func foldHead(s string, n int) string {
	k := 2*n + 8
	if k >= len(s) {
		return fold(s)
	}
	for k < len(s) && !utf8.RuneStart(s[k]) {
		k++
	}
	// Folding is done rune by rune and only ever appends, so the fold of
	// a beginning of s is a beginning of fold(s).
	if f := fold(s[:k]); len(f) >= n {
		return f
	}
	return fold(s)
}
