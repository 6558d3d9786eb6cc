package site

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nnbsp is the narrow no-break space French typography puts before « ; : ! ? »
// and inside « ».
const nnbsp = '\u202f'

// French applies French typography to plain text: a straight apostrophe
// between two letters becomes ’ (not in a web address); a narrow no-break
// space replaces an ordinary or no-break space before ; : ! ? and », and
// after «; guillemets written tight get one. A colon or mark without a space
// before it is left alone, as in times and web addresses.
func French(s string) string {
	if !highMarks(s) && strings.IndexByte(s, '\'') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	frenchTo(&b, s)
	return b.String()
}

// frenchTo writes French(s) to b, in one pass: the apostrophes and the
// spaces are turned as they are copied.
func frenchTo(b *strings.Builder, s string) {
	if !highMarks(s) {
		apostrophesIn(b, s, 0, len(s))
		return
	}
	start := b.Len() // what b held before s, which » must not look at
	for i := 0; i < len(s); {
		// Up to the next character that may change (a space, a no-break
		// space, « or »), the text is copied as it is, but for its
		// apostrophes.
		j := i
		for j < len(s) && s[j] != ' ' && s[j] < utf8.RuneSelf {
			j++
		}
		apostrophesIn(b, s, i, j)
		if i = j; i == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '\u00a0':
			// A space before a high mark becomes narrow and unbreakable.
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if strings.ContainsRune(";:!?»", next) {
				b.WriteRune(nnbsp)
			} else {
				b.WriteRune(r)
			}
		case r == '«':
			b.WriteRune(r)
			j := i + size
			for j < len(s) && (s[j] == ' ' || strings.HasPrefix(s[j:], "\u00a0")) {
				_, n := utf8.DecodeRuneInString(s[j:])
				j += n
			}
			if !strings.HasPrefix(s[j:], string(nnbsp)) && j < len(s) {
				b.WriteRune(nnbsp)
			}
			i = j
			continue
		case r == '»':
			last, _ := utf8.DecodeLastRuneInString(b.String()[start:])
			if b.Len() > start && last != nnbsp && last != ' ' {
				b.WriteRune(nnbsp)
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
}

// highMarks reports whether s holds any of ; : ! ? « », which French may
// space. It reads bytes: strings.ContainsAny, given « and », decodes and
// looks up every rune of s, ten times slower on a page's text.
func highMarks(s string) bool {
	if len(s) >= 64 {
		// Each byte looked for in turn, many bytes at a time, is faster
		// on a body than one pass a byte at a time.
		if strings.IndexByte(s, ':') >= 0 || strings.IndexByte(s, '?') >= 0 ||
			strings.IndexByte(s, ';') >= 0 || strings.IndexByte(s, '!') >= 0 {
			return true
		}
		for i := strings.IndexByte(s, 0xC2); i >= 0; {
			if i+1 < len(s) && (s[i+1] == 0xAB || s[i+1] == 0xBB) {
				return true
			}
			j := strings.IndexByte(s[i+1:], 0xC2)
			if j < 0 {
				break
			}
			i += 1 + j
		}
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ';', ':', '!', '?':
			return true
		case 0xC2: // « is C2 AB, » C2 BB
			if i+1 < len(s) && (s[i+1] == 0xAB || s[i+1] == 0xBB) {
				return true
			}
		}
	}
	return false
}

// frenchHTML applies French to the text of an HTML fragment made by the
// Markdown renderer, leaving tags, and code, as they are.
func frenchHTML(h string) string {
	if !highMarks(h) && strings.IndexByte(h, '\'') < 0 {
		return h
	}
	var b strings.Builder
	b.Grow(len(h) + 16)
	eachHTMLText(&b, h, frenchTo)
	return b.String()
}

// eachHTMLText writes the HTML fragment h to b: its tags, and what is
// inside <code> and <pre>, as they are, and each text between tags through
// text.
func eachHTMLText(b *strings.Builder, h string, text func(b *strings.Builder, s string)) {
	inCode := 0
	for len(h) > 0 {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			lt = len(h)
		}
		if inCode > 0 {
			b.WriteString(h[:lt])
		} else {
			text(b, h[:lt])
		}
		h = h[lt:]
		if h == "" {
			break
		}
		gt := strings.IndexByte(h, '>')
		if gt < 0 {
			b.WriteString(h)
			break
		}
		tag := h[:gt+1]
		switch {
		case strings.HasPrefix(tag, "<code"), strings.HasPrefix(tag, "<pre"):
			inCode++
		case strings.HasPrefix(tag, "</code"), strings.HasPrefix(tag, "</pre"):
			inCode = max(0, inCode-1)
		}
		b.WriteString(tag)
		h = h[gt+1:]
	}
}

// apostrophes turns each straight apostrophe between two letters into ’,
// except within a word holding "://" or starting with "www.", which is an
// address. Words are separated by wordSpaces.
func apostrophes(s string) string {
	if strings.IndexByte(s, '\'') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	apostrophesIn(&b, s, 0, len(s))
	return b.String()
}

// apostrophesIn writes s[from:to] to b as apostrophes turns it, looking at
// the whole of s for the words around each apostrophe.
func apostrophesIn(b *strings.Builder, s string, from, to int) {
	i := strings.IndexByte(s[from:to], '\'')
	if i < 0 {
		b.WriteString(s[from:to])
		return
	}
	i += from
	done := from // s[from:done] is written
	for {
		if i > 0 && i+1 < len(s) {
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+1:])
			if unicode.IsLetter(before) && unicode.IsLetter(after) {
				word := 0
				if k := lastWordSpace(s[:i]); k >= 0 {
					_, n := utf8.DecodeRuneInString(s[k:])
					word = k + n
				}
				end := firstWordSpace(s[i:])
				if end < 0 {
					end = len(s) - i
				}
				if token := s[word : i+end]; !strings.Contains(token, "://") && !strings.HasPrefix(token, "www.") {
					b.WriteString(s[done:i])
					b.WriteString("’")
					done = i + 1
				}
			}
		}
		next := strings.IndexByte(s[i+1:to], '\'')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	b.WriteString(s[done:to])
}

// wordSpaces are what separates words for apostrophes: spaces, the
// no-break ones French puts around guillemets included, and the
// guillemets, so that French does not read a word again differently once
// it has put a space beside them.
const wordSpaces = " \n\t\u00a0\u202f«»"

// firstWordSpace is strings.IndexAny(s, wordSpaces), reading bytes: given
// characters beyond ASCII, IndexAny decodes every rune of s and looks it
// up. U+00A0, « and » are C2 A0, C2 AB and C2 BB in UTF-8, U+202F is
// E2 80 AF; neither C2 nor E2 ends a character, so a match read from any
// byte is one IndexAny finds.
func firstWordSpace(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', '\t':
			return i
		case 0xC2:
			if i+1 < len(s) && (s[i+1] == 0xA0 || s[i+1] == 0xAB || s[i+1] == 0xBB) {
				return i
			}
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0xAF {
				return i
			}
		}
	}
	return -1
}

// lastWordSpace is strings.LastIndexAny(s, wordSpaces), reading bytes.
func lastWordSpace(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ' ', '\n', '\t':
			return i
		case 0xA0, 0xAB, 0xBB:
			if i >= 1 && s[i-1] == 0xC2 {
				return i - 1
			}
		case 0xAF:
			if i >= 2 && s[i-2] == 0xE2 && s[i-1] == 0x80 {
				return i - 2
			}
		}
	}
	return -1
}
