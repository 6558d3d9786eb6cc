package site

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// quickMarkdown writes into w the HTML that markdowns.plain renders for
// src, without building a syntax tree, when src keeps to the Markdown that
// most bodies are written in, and reports whether it did:
//
//   - paragraphs, of lines that start with none of what may open another
//     block (a space, "#", ">", "-", "+", "=", ":", "1." or "1)", a "*"
//     before a space), and that end with no space;
//   - lists of one-line items marked "- ", between blank lines, never two
//     in a row (goldmark would make them one loose list);
//   - in either, emphasis and strong emphasis with "*" and "**", each
//     delimiter run able to open or to close but not both, closed in order;
//   - links [label](address), not after "!" (an image), whose label holds
//     no "[", "*" or "_", and whose address is an http or https one, or
//     holds no ":", of characters goldmark's URLEscape keeps ("%" followed
//     by two hex digits too).
//
// Any text with a tab or another control character, a backslash, a
// backtick, "<", "&", "~", "|", a "_" outside an address, or a "[" or "]"
// other than a link's, is not: quickMarkdown returns false, and what it
// wrote into w is to be thrown away. FuzzQuickMarkdown checks that what it
// renders is what goldmark renders.
func quickMarkdown(w *bufWriter, src string) bool {
	for i := 0; i < len(src); i++ {
		if quickStop[src[i]] {
			return false
		}
	}
	if !utf8.ValidString(src) {
		return false
	}
	afterList := false // the block before is a list
	for src != "" {
		if src[0] == '\n' {
			src = src[1:]
			continue
		}
		var block string
		if end := strings.Index(src, "\n\n"); end >= 0 {
			block, src = src[:end], src[end+1:]
		} else {
			block, src = strings.TrimSuffix(src, "\n"), ""
		}
		if strings.HasPrefix(block, "- ") {
			if afterList {
				return false
			}
			afterList = true
			w.WriteString("<ul>\n")
			for item := range strings.SplitSeq(block, "\n") {
				text, ok := strings.CutPrefix(item, "- ")
				if !ok || !quickLine(text) {
					return false
				}
				w.WriteString("<li>")
				if !quickInline(w, text) {
					return false
				}
				w.WriteString("</li>\n")
			}
			w.WriteString("</ul>\n")
			continue
		}
		afterList = false
		for line := range strings.SplitSeq(block, "\n") {
			if !quickLine(line) {
				return false
			}
		}
		w.WriteString("<p>")
		if !quickInline(w, block) {
			return false
		}
		w.WriteString("</p>\n")
	}
	return true
}

// quickStop are the bytes that send a text to goldmark wherever they are:
// "_" is let through, for addresses, and turned down in text by
// quickInline.
var quickStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\n'
	}
	for _, c := range "\\`<&~|\x7f" {
		t[c] = true
	}
	return t
}()

// quickLine reports whether line, a line of a paragraph or a list item's
// text, starts nothing but a paragraph's text and ends with no space:
// goldmark trims a line's spaces, and two make a line break.
func quickLine(line string) bool {
	if line == "" || line[len(line)-1] == ' ' {
		return false
	}
	switch c := line[0]; {
	case strings.IndexByte(" #>-+=:", c) >= 0:
		// ":" and "-" start a table's delimiter row, even without "|".
		return false
	case c == '*':
		// "* " opens a list item, "***" alone a thematic break.
		rest := strings.TrimLeft(line, "*")
		return rest != "" && rest[0] != ' '
	case '0' <= c && c <= '9':
		// "1." or "1)" opens an ordered list item.
		rest := strings.TrimLeft(line, "0123456789")
		return rest == "" || rest[0] != '.' && rest[0] != ')'
	}
	return true
}

// quickInline writes the HTML of the inline text s, a paragraph's lines or
// a list item's text, as goldmark's inline parser and renderer would, and
// reports whether s keeps to what quickMarkdown takes.
func quickInline(w *bufWriter, s string) bool {
	var open [8]int // the length of each delimiter run open, innermost last
	depth := 0
	done := 0 // s[:done] is written
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '>':
			w.WriteString(s[done:i])
			w.WriteString(quickEntity(s[i]))
			done = i + 1
		case '_', ']':
			return false
		case '[':
			label, dest, n := quickLink(s[i:])
			if n == 0 || i > 0 && s[i-1] == '!' {
				return false
			}
			w.WriteString(s[done:i])
			w.WriteString(`<a href="`)
			w.WriteString(dest)
			w.WriteString(`">`)
			quickText(w, label)
			w.WriteString("</a>")
			i += n - 1
			done = i + 1
		case '*':
			n := 1
			for i+n < len(s) && s[i+n] == '*' {
				n++
			}
			if n > 2 {
				return false
			}
			// The flanking rules of CommonMark, as goldmark's
			// ScanDelimiter applies them.
			before, after := '\n', ' '
			if i > 0 {
				before, _ = utf8.DecodeLastRuneInString(s[:i])
			}
			if i+n < len(s) {
				after, _ = utf8.DecodeRuneInString(s[i+n:])
			}
			beforeSpace, beforePunct := util.IsSpaceRune(before), util.IsPunctRune(before)
			afterSpace, afterPunct := util.IsSpaceRune(after), util.IsPunctRune(after)
			canOpen := !afterSpace && (!afterPunct || beforeSpace || beforePunct)
			canClose := !beforeSpace && (!beforePunct || afterSpace || afterPunct)
			w.WriteString(s[done:i])
			switch {
			case canOpen && !canClose && depth < len(open):
				open[depth] = n
				depth++
				w.WriteString(quickTags[n-1][0])
			case canClose && !canOpen && depth > 0 && open[depth-1] == n:
				depth--
				w.WriteString(quickTags[n-1][1])
			default:
				return false
			}
			i += n - 1
			done = i + 1
		}
	}
	w.WriteString(s[done:])
	return depth == 0
}

// quickEntity is what goldmark writes for a quote or a ">" in text.
func quickEntity(c byte) string {
	if c == '"' {
		return "&quot;"
	}
	return "&gt;"
}

// quickTags are what goldmark writes for a run of one "*" and of two.
var quickTags = [2][2]string{{"<em>", "</em>"}, {"<strong>", "</strong>"}}

// quickText writes a link's label, which holds no delimiter.
func quickText(w *bufWriter, s string) {
	for {
		i := strings.IndexAny(s, `">`)
		if i < 0 {
			w.WriteString(s)
			return
		}
		w.WriteString(s[:i])
		w.WriteString(quickEntity(s[i]))
		s = s[i+1:]
	}
}

// quickLink reads the link s starts with, "[label](address)", and returns
// its label, its address and its length, or a length of 0 when s starts
// with none that quickMarkdown takes.
func quickLink(s string) (label, dest string, n int) {
	end := strings.IndexByte(s, ']')
	if end < 2 || end+1 >= len(s) || s[end+1] != '(' {
		return "", "", 0
	}
	label = s[1:end]
	if strings.ContainsAny(label, "[*_") {
		return "", "", 0
	}
	close := strings.IndexByte(s[end+2:], ')')
	if close <= 0 {
		return "", "", 0
	}
	dest = s[end+2 : end+2+close]
	if strings.IndexByte(dest, ':') >= 0 && !strings.HasPrefix(dest, "https://") && !strings.HasPrefix(dest, "http://") {
		return "", "", 0
	}
	for i := 0; i < len(dest); i++ {
		switch c := dest[i]; {
		case c == '%':
			if i+2 >= len(dest) || !util.IsHexDecimal(dest[i+1]) || !util.IsHexDecimal(dest[i+2]) {
				return "", "", 0
			}
		case !quickURL[c]:
			return "", "", 0
		}
	}
	return label, dest, end + 3 + close
}

// quickURL are the bytes an address keeps as they are, in goldmark's
// URLEscape and then in an attribute: letters, digits and the marks below.
var quickURL = func() (t [256]bool) {
	for c := '0'; c <= 'z'; c++ {
		t[c] = 'a' <= c || 'A' <= c && c <= 'Z' || c <= '9'
	}
	for _, c := range "-._~:/?#@!$'*+,;=" {
		t[c] = true
	}
	return t
}()
