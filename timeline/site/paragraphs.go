package site

import (
	"regexp"
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

// paraBreak is a blank line, with the white space around it.
var paraBreak = regexp.MustCompile(`[ \t\r\f\v\x{a0}]*\n[ \t\r\f\v\x{a0}]*\n\s*`)

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
		for i, t := range paraBreak.Split(s.Text, -1) {
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
