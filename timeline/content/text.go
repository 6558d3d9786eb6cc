package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased, without accents, with typographic apostrophes
// as ASCII ones and runs of spaces as one: the form in which names and
// search terms are compared.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	decomposed := s
	if !isASCII(s) {
		// Plain ASCII has nothing to decompose; most page names are.
		decomposed = norm.NFD.String(s)
	}
	for _, r := range decomposed {
		r = unicode.ToLower(r)
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '’' || r == 'ʼ' || r == '‘':
			r = '\''
		case r == 'œ':
			b.WriteString(spaceBefore(&space) + "oe")
			continue
		case r == 'æ':
			b.WriteString(spaceBefore(&space) + "ae")
			continue
		}
		b.WriteString(spaceBefore(&space))
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func spaceBefore(pending *bool) string {
	if *pending {
		*pending = false
		return " "
	}
	return ""
}

// FoldSpace replaces every run of white space in s (line ends and
// no-break spaces included) by a single space and trims the ends: the form
// in which quotes are found in their sources.
func FoldSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !asciiSpaces[c] {
			// A run of ASCII that is not white space, most of any text,
			// is copied whole.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpaces[s[j]] {
				j++
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:j])
			i = j
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
		b.WriteRune(r) // a byte that is not UTF-8 becomes U+FFFD
	}
	return b.String()
}

// asciiSpaces are the ASCII characters unicode.IsSpace reports.
var asciiSpaces = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Slugify makes a page name of a title: lower-case ASCII letters and digits
// joined by single dashes ("Nasser Bourita" -> "nasser-bourita").
func Slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// hasSlug reports whether Slugify(s) is not empty, without making it when
// s has an ASCII letter or digit, which folding keeps.
func hasSlug(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return true
		}
	}
	return Slugify(s) != ""
}

// validSlug reports whether s is a page name as Slugify makes them: lower
// case ASCII letters and digits, single dashes between them. It is
// s != "" && Slugify(s) == s, without making the slug: every event file's
// name is checked.
func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// ValidSourceID reports whether s can be a source's id: ASCII letters, digits,
// underscores and dashes, as scraped article names are ("000_a5a4beaffec547ff").
func ValidSourceID(s string) bool {
	if s == "" || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// SourceID makes a valid source id of a file name, for a hint.
func SourceID(s string) string {
	if id := Slugify(s); id != "" {
		return id
	}
	return "source"
}
