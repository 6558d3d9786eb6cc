package site

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// folded is a text with its runs of white space folded into one space and
// trimmed, and where each byte of it comes from in the original.
type folded struct {
	text string
	// jumps are where the folded text stops following the original one
	// byte for one: after a run of white space that was not one byte, and
	// at the first byte. The byte at k comes from the original's byte at
	// to+k-at, with the last jump at or before k.
	jumps []jump
	made  bool // with jumps: the zero folded has not been made yet
}

type jump struct{ at, to int32 }

// orig returns where the byte at k of f.text comes from in the original.
func (f *folded) orig(k int) int {
	i := sort.Search(len(f.jumps), func(i int) bool { return int(f.jumps[i].at) > k }) - 1
	return int(f.jumps[i].to) + k - int(f.jumps[i].at)
}

// foldSpace folds the white space of s, remembering where each byte came
// from.
func foldSpace(s string) folded { return foldSpaceOf(s, true) }

// foldSpaceOf folds the white space of s, and, when offsets is true,
// remembers where each byte came from (a quote looked for needs only its
// text). Runs of ASCII that is not white space, most of any text, are
// copied whole.
func foldSpaceOf(s string, offsets bool) folded {
	b := make([]byte, 0, len(s))
	var jumps []jump
	shift := -1        // where the original is ahead of the folded text, as of the last jump
	pendingSpace := -1 // where the current run of white space started
	for i := 0; i < len(s); {
		size, space := 1, false
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if pendingSpace < 0 {
				pendingSpace = i
			}
			i += size
			continue
		}
		if pendingSpace >= 0 && len(b) > 0 {
			// Where the run starts follows the byte before it.
			b = append(b, ' ')
		}
		pendingSpace = -1
		// The character, and the ASCII that is not space after it.
		j := i + size
		for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace[s[j]] {
			j++
		}
		if offsets && i-len(b) != shift {
			shift = i - len(b)
			jumps = append(jumps, jump{int32(len(b)), int32(i)})
		}
		b = append(b, s[i:j]...)
		i = j
	}
	return folded{text: string(b), jumps: jumps, made: offsets}
}

// asciiSpace marks the ASCII characters unicode.IsSpace calls white space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// find returns where quote occurs in the original text, matching after white
// space is folded on both sides; ok is false when it does not occur.
func (f folded) find(quote string) (start, end int, ok bool) {
	q := foldSpaceOf(quote, false).text
	if q == "" {
		return 0, 0, false
	}
	i := strings.Index(f.text, q)
	if i < 0 {
		return 0, 0, false
	}
	j := i + len(q)
	// The match ends after the last byte of its last character.
	return f.orig(i), f.orig(j-1) + 1, true
}

// passage is a quoted span of a source's text: the event it supports and the
// anchor it gets on the source page.
type passage struct {
	Start, End int
	ID         string // the anchor: "q-" + event slug + "-" + citation number
	Event      *eventView
}

// segment is a piece of a source's text: plain, or part of a quoted passage.
type segment struct {
	Text  string
	Mark  bool
	ID    string // set on the first piece of each passage
	Event *eventView
}

// segments cuts text into plain and quoted pieces. Passages may overlap
// (two events quoting the same words): the overlap goes to the passage that
// starts first, and every passage keeps its own anchor on its first piece.
func segments(text string, ps []passage) []segment {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Start != ps[j].Start {
			return ps[i].Start < ps[j].Start
		}
		return ps[i].ID < ps[j].ID
	})
	cuts := []int{0, len(text)}
	for _, p := range ps {
		cuts = append(cuts, p.Start, p.End)
	}
	sort.Ints(cuts)
	var segs []segment
	anchored := make(map[string]bool)
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if a == b {
			continue
		}
		seg := segment{Text: text[a:b]}
		for _, p := range ps {
			if p.Start <= a && b <= p.End {
				if !seg.Mark {
					seg.Mark, seg.Event = true, p.Event
				}
				if !anchored[p.ID] && seg.ID == "" {
					anchored[p.ID] = true
					seg.ID = p.ID
				}
			}
		}
		segs = append(segs, seg)
	}
	// A passage whose first piece already carries another anchor gets an
	// empty piece of its own, so every anchor exists.
	for _, p := range ps {
		if !anchored[p.ID] {
			anchored[p.ID] = true
			segs = insertAnchor(segs, p)
		}
	}
	return segs
}

// insertAnchor splits segs at p.Start so that an empty marked piece carries
// p's anchor there.
func insertAnchor(segs []segment, p passage) []segment {
	off := 0
	for i, s := range segs {
		if off+len(s.Text) > p.Start || i == len(segs)-1 {
			anchor := segment{Mark: true, ID: p.ID, Event: p.Event}
			out := append([]segment{}, segs[:i]...)
			out = append(out, anchor)
			return append(out, segs[i:]...)
		}
		off += len(s.Text)
	}
	return append(segs, segment{Mark: true, ID: p.ID, Event: p.Event})
}
