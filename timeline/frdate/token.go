package frdate

import (
	"unicode"
	"unicode/utf8"
)

// The kinds of token.
const (
	kWord  = iota + 1 // a run of letters
	kNum              // a run of ASCII digits
	kPunct            // any other single character that is not a space
)

// The gaps before a token.
const (
	gapNone  = iota // glued to the token before
	gapSpace        // spaces or tabs (any Unicode space)
	gapLine         // a line break, or the start of the text
)

// tok is one token of the text. Words carry what the vocabulary knows of
// them; numbers their value; punctuation its canonical character.
type tok struct {
	s, e int32 // byte span in the text
	n    int32 // a number's value (capped), or a punctuation character
	kind uint8
	gap  uint8
	nd   uint8 // a number's count of digits (capped at 9)
	up   bool  // a word that starts with a capital letter
	w    word  // a known word's meaning; zero for unknown words
}

// tokenize splits text into tokens, reusing ts.
func tokenize(text string, ts []tok) []tok {
	ts = ts[:0]
	gap := uint8(gapLine)
	nl := 0 // line breaks in the current gap
	var buf [32]byte
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t':
			gap = max(gap, gapSpace)
			i++
			continue
		case c == '\n' || c == '\r' || c == '\f' || c == '\v':
			gap = gapLine
			if c != '\r' || i+1 >= len(text) || text[i+1] != '\n' {
				nl++
			}
			i++
			continue
		}
		if gap == gapLine {
			// A single line break inside a sentence, as text wrapped by
			// hand: "le 3\nmars 2024" reads on.
			if nl == 1 && len(ts) > 0 && (ts[len(ts)-1].kind != kPunct || ts[len(ts)-1].n == ',' || ts[len(ts)-1].n == '\'') &&
				(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf && startsLower(text[i:])) {
				gap = gapSpace
			}
			nl = 0
		}
		switch {
		case c >= '0' && c <= '9':
			j := i
			n, nd := int32(0), 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if nd < 9 {
					n = n*10 + int32(text[j]-'0')
				}
				nd++
				j++
			}
			ts = append(ts, tok{s: int32(i), e: int32(j), n: n, kind: kNum, gap: gap, nd: uint8(min(nd, 9))})
			gap = gapNone
			i = j
			continue
		case c < utf8.RuneSelf:
			if isASCIILetter(c) {
				break
			}
			ts = append(ts, tok{s: int32(i), e: int32(i + 1), n: int32(c), kind: kPunct, gap: gap})
			gap = gapNone
			i++
			continue
		}
		// A word, or a non-ASCII space or mark.
		r, size := utf8.DecodeRuneInString(text[i:])
		if r >= utf8.RuneSelf && !isLetter(r) {
			switch {
			case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					gap = gapLine
				} else {
					gap = max(gap, gapSpace)
				}
			default:
				ts = append(ts, tok{s: int32(i), e: int32(i + size), n: canonPunct(r), kind: kPunct, gap: gap})
				gap = gapNone
			}
			i += size
			continue
		}
		j, n, long := i, 0, false
		up := false
		first := true
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if !isASCIILetter(c) {
					break
				}
				if first {
					up = c <= 'Z'
				}
				if n < len(buf) {
					buf[n] = c | 0x20
					n++
				} else {
					long = true
				}
				j++
				first = false
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isLetter(r) {
				break
			}
			if first {
				up = unicode.IsUpper(r)
			}
			f := fold(r)
			if n+len(f) <= len(buf) {
				n += copy(buf[n:], f)
			} else {
				long = true
			}
			j += size
			first = false
		}
		t := tok{s: int32(i), e: int32(j), kind: kWord, gap: gap, up: up}
		if !long && n < 32 && vocabShape[buf[0]]&(1<<n) != 0 {
			t.w = vocab[string(buf[:n])]
		}
		ts = append(ts, t)
		gap = gapNone
		i = j
	}
	return ts
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isLetter(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// canonPunct maps typographic variants to one ASCII character: apostrophes
// to ', dashes to -, and the ordinal and degree signs to °.
func canonPunct(r rune) int32 {
	switch r {
	case '\u2019', '\u2018', '\u02bc', '\u00b4', '\u2032':
		return '\''
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return '-'
	case '\u00ba':
		return '°'
	}
	return r
}

// fold lower-cases a letter and strips its French diacritics.
func fold(r rune) string {
	switch r {
	case 'à', 'â', 'ä', 'À', 'Â', 'Ä', 'á', 'Á':
		return "a"
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë', 'ᵉ':
		return "e"
	case 'î', 'ï', 'Î', 'Ï', 'í':
		return "i"
	case 'ô', 'ö', 'Ô', 'Ö', 'ó':
		return "o"
	case 'ù', 'û', 'ü', 'Ù', 'Û', 'Ü', 'ú':
		return "u"
	case 'ç', 'Ç':
		return "c"
	case 'œ', 'Œ':
		return "oe"
	case 'æ', 'Æ':
		return "ae"
	case 'ʳ':
		return "r"
	case 'ÿ', 'Ÿ':
		return "y"
	}
	// Any other letter: keep it, lower-cased, so that it does not match
	// a French word by accident.
	var b [4]byte
	n := utf8.EncodeRune(b[:], unicode.ToLower(r))
	return string(b[:n])
}

// trigger reports whether the token can carry a date by itself, rather
// than only lead one: a number, a month, a weekday, a unit, "hier"…
func (t *tok) trigger() bool {
	switch t.kind {
	case kNum:
		return true
	case kWord:
		return triggers[t.w.id]
	}
	return false
}

var triggers [256]bool

// vocabShape has, for each first byte, a bit for each length of the known
// words that start with it: most words need no look-up in the vocabulary.
var vocabShape [256]uint32

func init() {
	for _, id := range []uint8{wMonth, wWeekday, wNum, wSept, wOrd, wRoman, wApprox, wSeason, wUnit, wDernier,
		wProchain, wAnchor, wHier, wDemain, wAujourd, wHui, wAvant, wApres, wFin, wDebut, wMi, wMilieu, wCourant, wDecennie,
		wWeek, wEnd, wPartOfDay, wSiecle, wT, wS, wIl, wVoila, wDans, wDepuis, wVers, wEnviron, wJusqu, wPartir,
		wAlentours, wAutour, wEnvirons, wEntre, wCes, wIci, wCours, wHoliday, wMille} {
		triggers[id] = true
	}
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
