package site

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s as the search box compares it: lower case, without accents
// (é → e, œ → oe), punctuation turned into spaces, spaces folded. The script
// of the home page folds what a reader types the same way, so "societe"
// finds "Société".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// searchWords folds every text given and keeps each word once, in the order
// first seen: what the script matches a reader's words against.
func searchWords(texts ...string) string {
	seen := make(map[string]bool)
	var words []string
	for _, t := range texts {
		for _, w := range strings.Fields(Fold(t)) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	return strings.Join(words, " ")
}
