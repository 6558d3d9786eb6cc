package site

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s as the search box compares it: lower case, without accents
// (é → e, œ → oe), punctuation turned into spaces, spaces folded. The script
// of the home page folds what a reader types the same way, so "societe"
// finds "Société".
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	space := true
	var scratch []byte // a run decomposed
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if f := asciiFolds[c]; f != 0 {
				b = append(b, f)
				space = false
			} else if !space {
				b = append(b, ' ')
				space = true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return foldInvalid(s)
		}
		// A character of two bytes (Latin, Greek, Cyrillic…) is folded
		// as its decomposition would be, from a table.
		if n == 2 {
			switch f := &twoByteFolds[r-0x80]; f.kind {
			case kindMark:
				i += n
				continue
			case kindSpace:
				if !space {
					b = append(b, ' ')
				}
				space = true
				i += n
				continue
			case kindLetters:
				b = append(b, f.text...)
				space = false
				i += n
				continue
			}
		}
		// Other runs are decomposed (é → e + ´) and folded a character
		// at a time. ASCII, which decomposition leaves alone, is folded
		// a byte at a time.
		j := i + 1
		for j < len(s) && s[j] >= utf8.RuneSelf {
			j++
		}
		if !utf8.ValidString(s[i:j]) {
			return foldInvalid(s)
		}
		scratch = norm.NFD.AppendString(scratch[:0], s[i:j])
		b, space = foldRunes(b, scratch, space)
		i = j
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// foldInvalid is Fold for a text with bytes that are not UTF-8, which
// decomposition reads in the context of the whole text: it folds it whole.
func foldInvalid(s string) string {
	b, _ := foldRunes(make([]byte, 0, len(s)), norm.NFD.Bytes([]byte(s)), true)
	return strings.TrimRight(string(b), " ")
}

// asciiFolds is how Fold folds each ASCII byte: letters lower case, digits
// as they are, anything else 0, a space.
var asciiFolds = func() (t [utf8.RuneSelf]byte) {
	for c := byte('a'); c <= 'z'; c++ {
		t[c] = c
		t[c-'a'+'A'] = c
	}
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	return t
}()

// twoByteFolds are how Fold folds each character of two bytes in UTF-8,
// U+0080 to U+07FF, worked out by decomposing it: é, whose decomposition
// is e and a mark, gives "e".
var twoByteFolds = func() (t [0x800 - 0x80]twoByteFold) {
	for r := rune(0x80); r < 0x800; r++ {
		b, space := foldRunes(nil, norm.NFD.AppendString(nil, string(r)), false)
		switch out := string(b); {
		case out == "" && !space:
			t[r-0x80].kind = kindMark
		case out == " " && space:
			t[r-0x80].kind = kindSpace
		case out != "" && !space && !strings.Contains(out, " "):
			t[r-0x80] = twoByteFold{kindLetters, out}
		}
	}
	return t
}()

// twoByteFold is how Fold folds one character; the zero value leaves it
// to decomposition.
type twoByteFold struct {
	kind twoByteKind
	text string
}

type twoByteKind uint8

const (
	kindDecompose twoByteKind = iota // decompose it with what follows
	kindMark                         // a mark, left out
	kindSpace                        // punctuation or a space: a space
	kindLetters                      // letters, text
)

// foldRunes appends to b the decomposed text s folded as Fold does, after
// a space when space is true; it returns b and whether it ended with a
// space.
func foldRunes(b, s []byte, space bool) ([]byte, bool) {
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		s = s[n:]
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'œ' || r == 'Œ':
			b = append(b, "oe"...)
		case r == 'æ' || r == 'Æ':
			b = append(b, "ae"...)
		case r == 'ß':
			b = append(b, "ss"...)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b = utf8.AppendRune(b, unicode.ToLower(r))
		default:
			if !space {
				b = append(b, ' ')
			}
			space = true
			continue
		}
		space = false
	}
	return b, space
}

// searchWords folds every text given and keeps each word once, in the order
// first seen: what the script matches a reader's words against.
func searchWords(texts ...string) string {
	size := 0
	for _, t := range texts {
		size += len(t) + 1
	}
	w := newWordList(size)
	for _, t := range texts {
		w.add(Fold(t))
	}
	return w.done()
}

// wordList is a list of words, each kept once, in the order first given.
type wordList struct {
	b    strings.Builder
	seen map[string]bool
}

func newWordList(size int) *wordList {
	w := &wordList{seen: seenWords.Get().(map[string]bool)}
	w.b.Grow(size)
	return w
}

// add adds the words of folded, a text Fold gave.
func (w *wordList) add(folded string) {
	for word := range strings.FieldsSeq(folded) {
		if !w.seen[word] {
			w.seen[word] = true
			if w.b.Len() > 0 {
				w.b.WriteByte(' ')
			}
			w.b.WriteString(word)
		}
	}
}

// addFolded adds the words of words, a list searchWords gave: as they are
// when they are ASCII, which folding leaves alone; else folded again, as
// a folded letter may fold further (ß, folded from ẞ, gives ss).
func (w *wordList) addFolded(words string) {
	for i := 0; i < len(words); i++ {
		if words[i] >= utf8.RuneSelf {
			w.add(Fold(words))
			return
		}
	}
	w.add(words)
}

// done returns the words, space-separated, and lets the list go.
func (w *wordList) done() string {
	if len(w.seen) <= 1024 { // keep no map grown for an odd event
		clear(w.seen)
		seenWords.Put(w.seen)
	}
	w.seen = nil
	return w.b.String()
}

// seenWords are the sets wordList keeps its words in: every event listed
// asks for one.
var seenWords = sync.Pool{New: func() any { return make(map[string]bool, 64) }}
