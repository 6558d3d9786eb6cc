package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The helpers below read the words of a text as strings.Fields does (runs
// of characters that are not white space) without building the list of
// them: titles are made for every report, and most of their texts are
// already clean.

// isSpaceAt reports whether s holds white space at byte i, and its size.
func isSpaceAt(s string, i int) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), n
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// normSpace is strings.Join(strings.Fields(s), " "): s with single spaces
// between its words and none around them. It returns s itself when s is
// already so.
func normSpace(s string) string {
	clean := true
	prevSpace := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		sp, n := isSpaceAt(s, i)
		if sp && (prevSpace || s[i] != ' ') {
			clean = false
			break
		}
		prevSpace = sp
		i += n
	}
	if clean && !prevSpace || s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // start of the current word
	for i := 0; i < len(s); {
		sp, n := isSpaceAt(s, i)
		switch {
		case sp && word >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[word:i])
			word = -1
		case !sp && word < 0:
			word = i
		}
		i += n
	}
	if word >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[word:])
	}
	return b.String()
}

// countFields is len(strings.Fields(s)).
func countFields(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		sp, k := isSpaceAt(s, i)
		if !sp && !in {
			n++
		}
		in = !sp
		i += k
	}
	return n
}

// firstField is the first word of s, or "", and the text after it.
func firstField(s string) (word, rest string) {
	start := -1
	for i := 0; i < len(s); {
		sp, n := isSpaceAt(s, i)
		if !sp && start < 0 {
			start = i
		}
		if sp && start >= 0 {
			return s[start:i], s[i:]
		}
		i += n
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// lastField is the last word of s, or "", and the text before it.
func lastField(s string) (word, before string) {
	end := -1
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		sp := unicode.IsSpace(r)
		if !sp && end < 0 {
			end = i
		}
		if sp && end >= 0 {
			return s[i:end], s[:i]
		}
		i -= n
	}
	if end < 0 {
		return "", ""
	}
	return s[:end], ""
}

// cutWords keeps the first words of a title that hold, with a space
// between each, in at most n characters.
func cutWords(t string, n int) string {
	var b strings.Builder
	runes := 0
	for rest := t; ; {
		w, after := firstField(rest)
		if w == "" {
			break
		}
		rest = after
		k := utf8.RuneCountInString(w)
		if runes+1+k > n {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
			runes++
		}
		b.WriteString(w)
		runes += k
	}
	return b.String()
}

// dropDangling drops the words a title does not end on ("de", "la",
// "l'", …) from its end, keeping at least one word. The words of what it
// returns are joined by single spaces when it drops any.
func dropDangling(t string) string {
	for {
		w, before := lastField(t)
		if strings.TrimSpace(before) == "" {
			break // fewer than two words
		}
		last := strings.ToLower(strings.Trim(w, ",;:"))
		if !dangling[last] && !strings.HasSuffix(last, "'") && !strings.HasSuffix(last, "’") {
			break
		}
		t = normSpace(before)
	}
	return t
}

// phraseSet finds whether a folded text holds any of a list of phrases, in
// one reading of the text rather than one per phrase.
type phraseSet struct {
	pairs   [1 << 16 / 64]uint64 // the phrases' first two bytes, as bits
	byFirst [256][]string
}

func newPhraseSet(lists ...[]string) *phraseSet {
	p := &phraseSet{}
	for _, l := range lists {
		for _, w := range l {
			if len(w) < 2 {
				panic("phrase too short for a phrase set: " + w)
			}
			k := uint16(w[0])<<8 | uint16(w[1])
			p.pairs[k>>6] |= 1 << (k & 63)
			p.byFirst[w[0]] = append(p.byFirst[w[0]], w)
		}
	}
	return p
}

// in reports whether s holds one of the phrases.
func (p *phraseSet) in(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if p.pairs[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for _, w := range p.byFirst[s[i]] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// pairFilter holds the first two bytes of a set of words, as bits: a word
// whose opening is not in it is in no map of the set, and is spared the
// look-up. A word of one byte is held as that byte and a zero.
type pairFilter [1 << 16 / 64]uint64

func pairKey(w string) uint16 {
	if len(w) == 1 {
		return uint16(w[0]) << 8
	}
	return uint16(w[0])<<8 | uint16(w[1])
}

func (p *pairFilter) add(w string) {
	if w == "" {
		return
	}
	k := pairKey(w)
	p[k>>6] |= 1 << (k & 63)
}

// may reports whether a non-empty word may be in the set.
func (p *pairFilter) may(w string) bool {
	k := pairKey(w)
	return p[k>>6]&(1<<(k&63)) != 0
}
