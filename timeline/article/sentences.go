package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a sentence of a text, with its byte span: Text == text[Start:End].
type Sentence struct {
	Start, End int
	Text       string
}

// abbreviations end with a period that does not end a sentence, compared
// without that period and in lower case.
var abbreviations = map[string]bool{
	"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "mlles": true,
	"me": true, "mgr": true, "dr": true, "pr": true, "prof": true, "st": true, "ste": true,
	"gén": true, "gal": true, "col": true, "cdt": true, "lt": true, "cne": true,
	"n": true, "no": true, "nos": true, "art": true, "al": true, "etc": false,
	"p": true, "pp": true, "vol": true, "chap": true, "cf": true, "ex": true, "env": true,
	"av": true, "apr": true, "j.-c": true, "jc": true, "bd": true, "blvd": true,
	"janv": true, "févr": true, "fév": true, "avr": true, "juil": true, "sept": true,
	"oct": true, "nov": true, "déc": true, "tél": true, "fig": true, "hab": true,
	"min": true, "max": true, "approx": true, "mds": true, "md": true, "mrd": true,
	"mio": true, "vs": true, "resp": true, "sr": true, "jr": true,
}

// glued are words that, capitalised right after a word with no punctuation
// between them, start a new sentence: a subhead the scraper ran into the
// next paragraph ("Retour à la politique de rapatriement Après la signature").
// They are words that do not begin proper names.
var glued = map[string]bool{
	"Après": true, "Avant": true, "Depuis": true, "Selon": true, "Dans": true,
	"Pour": true, "Lors": true, "Alors": true, "Ainsi": true, "Cependant": true,
	"Pourtant": true, "Il": true, "Elle": true, "Ils": true, "Elles": true,
	"Au": true, "Aux": true, "Cette": true, "Ces": true, "Ce": true, "Mais": true,
	"Outre": true, "Face": true, "Lundi": true, "Mardi": true, "Mercredi": true,
	"Jeudi": true, "Vendredi": true, "Samedi": true, "Dimanche": true,
}

// Sentences splits a French text into sentences. A sentence ends at a
// period, "?", "!" or "…" followed by a space and a capital, a digit or an
// opening quote, unless the period closes an abbreviation ("M.", "Mme.",
// "n.") or an initial ("J. Dupont"); it also ends at the end of a line, so
// titles and subheads without final punctuation stand alone, and before a
// capitalised connective glued to the previous word. A sentence inside
// «guillemets» does not end the sentence that quotes it. Spans never
// include surrounding white space; empty sentences are left out.
func Sentences(text string) []Sentence {
	var out []Sentence
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		out = splitLine(text, off, end, out)
		off = end + 1
	}
	return out
}

// splitLine appends the sentences of text[start:end], a line without newline.
func splitLine(text string, start, end int, out []Sentence) []Sentence {
	emit := func(a, b int) {
		for a < b {
			r, n := utf8.DecodeRuneInString(text[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := utf8.DecodeLastRuneInString(text[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= n
		}
		if a < b {
			out = append(out, Sentence{Start: a, End: b, Text: text[a:b]})
		}
	}
	s := start
	depth := 0 // inside «…»
	prevWordEnd := -1
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == '«':
			depth++
		case r == '»':
			if depth > 0 {
				depth--
			}
			// « Nous partons. » Puis…: a quoted sentence ends the sentence.
			if depth == 0 && endsQuoted(text, start, i) && endsSentence(text, start, i, i+n, end, '!') {
				emit(s, i+n)
				s = i + n
			}
		case r == '.' || r == '?' || r == '!' || r == '…':
			j := i + n
			// A run of final marks and closing quotes: "?!", "...", ".»", ".)".
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if r2 == '.' || r2 == '?' || r2 == '!' || r2 == '…' || r2 == '»' || r2 == '"' || r2 == '”' || r2 == ')' || r2 == '’' {
					if r2 == '»' && depth > 0 {
						depth--
					}
					j += n2
					continue
				}
				break
			}
			if depth == 0 && endsSentence(text, start, i, j, end, r) {
				emit(s, j)
				s = j
			}
			i = j
			prevWordEnd = -1
			continue
		case unicode.IsLetter(r):
			w := i
			for i < end {
				if c := text[i]; c < utf8.RuneSelf {
					if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '\'' {
						i++
						continue
					}
					break
				}
				r2, n2 := utf8.DecodeRuneInString(text[i:end])
				if !unicode.IsLetter(r2) && r2 != '-' && r2 != '\'' && r2 != '’' {
					break
				}
				i += n2
			}
			word := text[w:i]
			// Every glued word starts with an ASCII capital: most words are
			// spared the look-up.
			if depth == 0 && prevWordEnd >= 0 && prevWordEnd > s && 'A' <= word[0] && word[0] <= 'Z' && glued[word] && onlySpaces(text[prevWordEnd:w]) {
				emit(s, prevWordEnd)
				s = w
			}
			prevWordEnd = i
			continue
		case isSpace(r):
			// A wide gap separates headlines a scraper ran together.
			j := i
			run := 0
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if !isSpace(r2) {
					break
				}
				run++
				j += n2
			}
			if run >= 3 && depth == 0 {
				emit(s, i)
				s = j
				prevWordEnd = -1
			}
			i = j
			continue
		default:
			prevWordEnd = -1
		}
		i += n
	}
	emit(s, end)
	return out
}

func onlySpaces(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// endsSentence decides whether the final mark text[i] (a run ending at j)
// closes a sentence, given the line text[lineStart:end].
func endsSentence(text string, lineStart, i, j, end int, mark rune) bool {
	// What follows: spaces, then the next sentence's first character.
	k := j
	spaces := 0
	for k < end {
		r, n := utf8.DecodeRuneInString(text[k:end])
		if !isSpace(r) {
			break
		}
		spaces++
		k += n
	}
	if k == end {
		return true
	}
	if spaces == 0 {
		return false // "1.5", "M.Laftit", "www.site.ma"
	}
	next, _ := utf8.DecodeRuneInString(text[k:end])
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '«' || next == '"' || next == '“' || next == '-' || next == '—' || next == '–') {
		return false
	}
	if mark != '.' || j-i > 1 {
		return true
	}
	// The word the period closes.
	w := i
	for w > lineStart {
		r, n := utf8.DecodeLastRuneInString(text[lineStart:w])
		if !(unicode.IsLetter(r) || r == '.' || r == '-') {
			break
		}
		w -= n
	}
	word := text[w:i]
	if word == "" {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return false // an initial: "J. Dupont", "M. Laftit"
		}
	}
	if strings.Contains(word, ".") && utf8.RuneCountInString(word) <= 6 && !strings.HasSuffix(word, "-") {
		// "U.S.", "J.-C."
		return false
	}
	return !abbreviations[strings.ToLower(word)]
}

// endsQuoted reports whether the closing quote at text[i] follows a final
// mark, possibly with spaces between.
func endsQuoted(text string, lineStart, i int) bool {
	for i > lineStart {
		r, n := utf8.DecodeLastRuneInString(text[lineStart:i])
		switch {
		case isSpace(r):
			i -= n
		case r == '.' || r == '?' || r == '!' || r == '…':
			return true
		default:
			return false
		}
	}
	return false
}
