package site

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// para is a paragraph of a source's text, or a sub-head: a line of its own
// without final punctuation.
type para struct {
	Head bool
	Segs []segment
}

// splitParas cuts text at each blank line, taking with it the white space
// around it: spaces, tabs, carriage returns, form feeds, vertical tabs and
// no-break spaces before the break and on the blank line, and after it
// every space, tab, carriage return, form feed and line feed. It is
// regexp.MustCompile(`[ \t\r\f\v\x{a0}]*\n[ \t\r\f\v\x{a0}]*\n\s*`).Split(text, -1),
// which the fuzz test checks, at a tenth of the cost: sources are long.
func splitParas(text string) []string {
	var out []string
	beg := 0 // where the current piece starts
	for i := beg; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		j += i
		k := skipBlank(text, j+1)
		if k == len(text) || text[k] != '\n' {
			i = k
			continue
		}
		start := j
		for start > beg {
			if c := text[start-1]; c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				start--
			} else if start-2 >= beg && text[start-2:start] == "\u00a0" {
				start -= 2
			} else {
				break
			}
		}
		end := k + 1
		for end < len(text) && strings.IndexByte(" \t\n\f\r", text[end]) >= 0 {
			end++
		}
		out = append(out, text[beg:start])
		beg, i = end, end
	}
	return append(out, text[beg:])
}

// skipBlank returns the index of the first byte at or after i that is not
// a space, a tab, a carriage return, a form feed, a vertical tab or a
// no-break space.
func skipBlank(text string, i int) int {
	for i < len(text) {
		switch c := text[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case strings.HasPrefix(text[i:], "\u00a0"):
			i += 2
		default:
			return i
		}
	}
	return i
}

// paragraphs regroups the pieces of a source's text into paragraphs, which
// blank lines separate. A quoted passage that runs over a break is marked in
// each paragraph it covers; its anchor stays on its first piece.
func paragraphs(segs []segment) []para {
	var out []para
	var cur []segment
	flush := func() {
		if p, ok := newPara(cur); ok {
			out = append(out, p)
		}
		cur = nil
	}
	for _, s := range segs {
		if s.Text == "" {
			cur = append(cur, s)
			continue
		}
		// The anchor goes on the first piece with text, or stays on its
		// own when the passage holds only a break.
		id := s.ID
		for i, t := range splitParas(s.Text) {
			if i > 0 {
				flush()
			}
			if t == "" {
				continue
			}
			cur = append(cur, segment{Text: t, Mark: s.Mark, ID: id, Event: s.Event})
			id = ""
		}
		if id != "" {
			cur = append(cur, segment{Mark: true, ID: id, Event: s.Event})
		}
	}
	flush()
	return out
}

// newPara trims a paragraph's edges and tells a sub-head from a paragraph;
// ok is false when nothing is left to show.
func newPara(segs []segment) (para, bool) {
	if len(segs) == 0 {
		return para{}, false
	}
	segs[0].Text = strings.TrimLeftFunc(segs[0].Text, unicode.IsSpace)
	last := len(segs) - 1
	segs[last].Text = strings.TrimRightFunc(segs[last].Text, unicode.IsSpace)
	keep := false
	for _, s := range segs {
		if s.Text != "" || s.ID != "" {
			keep = true
		}
	}
	if !keep {
		return para{}, false
	}
	p := para{Segs: segs}
	p.Head = len(segs) == 1 && !segs[0].Mark && isSubhead(segs[0].Text)
	return p, true
}

// isSubhead reports whether a paragraph reads as a sub-head: one short line
// of at least two words, starting with a capital and ending without
// punctuation; a byline ("Par Quid avec MAP") is not one.
func isSubhead(s string) bool {
	if strings.ContainsRune(s, '\n') || utf8.RuneCountInString(s) > 100 ||
		!strings.ContainsRune(s, ' ') || strings.HasPrefix(s, "Par ") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsUpper(first) && (unicode.IsLetter(last) || unicode.IsDigit(last))
}
