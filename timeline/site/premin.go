package site

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"frise/timeline/publish"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// Pages are minified once, in their templates: the text of each template
// is minified when it is read, around its actions, so that executing it
// writes a minified page and the pages need not be parsed again to be
// minified (at 10,000 events, 175 MB of HTML, a fifth of a build's
// processor time). What the actions write is left as html/template
// escapes it, and Markdown bodies as goldmark writes them, so the pages
// come out a few bytes in a thousand heavier than the same pages minified
// whole, and the same documents.
//
// The minifier cannot see what an action writes, so a template is
// minified that way only when that is known to keep the documents its
// pages are:
//   - the minifier reads each action where text/template does (it knows
//     strings, not comments or raw strings: a quote in either would have
//     it read on past the action's end, into the page's markup), and the
//     actions come out byte for byte as they went in, in the same order;
//   - an element whose text is kept as written (script, style, pre,
//     textarea…) and holds an action is left as it is: the minifier would
//     collapse the spaces in it around the action. A pre or a textarea may
//     hold no action, and a script or a style no action that may write a
//     part (a template, a partial: minified as text, its spaces would
//     differ), nor a variable; no action may hand what writes a part on,
//     to a variable, as dot or as an argument (see rawSafe and binds);
//   - no part is written into an attribute, whose spaces the minifier
//     keeps in a page but collapses in a template's text;
//   - the ends of the text are minified as the text beside an action is,
//     not as the ends of a page: a partial may be written into the middle
//     of a line;
//   - the spaces trim markers take out are taken out first, and none is
//     left beside a trim marker once minified (the minifier makes some,
//     from &#32;, a form feed, or around a comment it drops);
//   - no entity is left cut short just before an action ("&amp;" becomes
//     "&" where the minifier sees no entity name follow, and an action may
//     write one);
//   - the markup holds nothing the minifier reads otherwise than a page's
//     minifier or html/template: attributes it writes by others' values
//     holding an action (an input's type and value, an a's id and name, a
//     meta's content), unquoted values holding an action, attributes run
//     together or run on from an action, an end tag holding an action
//     (the minifier lowers the case of what follows it, which may be
//     text), bogus comments (<?…>, <!…>), a "<" that starts no tag,
//     run-on names of the elements kept as written (see plainMarkup and
//     strayLess);
//   - html/template finds nothing wrong in the templates, as written or
//     minified (see renderer.escapeErr): the minifier would mend some
//     faults, such as an attribute left open at the end of a partial, and
//     could make others;
//   - each action starts on the line and at the column it had, so that an
//     error names the line and column of the template as written: the
//     room minifying made is taken up by newlines and spaces inside the
//     action, after its opening delimiter, where they write nothing.
//
// When any template cannot be minified so, none is, and each page is
// minified whole once rendered, as before. FuzzPreminifyDocuments checks
// the documents are the same.

// minifyMode says how the pages a renderer hands over are minified.
type minifyMode int

const (
	minifyNone      minifyMode = iota // handed over as the templates make them
	minifyTemplates                   // the templates' text minified once (see preminify)
	minifyPages                       // each page minified once rendered
)

// action is the place of one {{…}} in a template's text.
type action struct {
	start, body, end int  // the opening delimiter, what follows it and its trim marker, and past the closing one
	comment          bool // {{/* … */}}, which may not start with spaces
}

// actions finds the actions of a template's text as text/template reads
// them: from "{{" to the next "}}" outside a string, a raw string or a
// character constant, and from "{{/*" to "*/}}". It reports false for a
// text text/template would not parse, such as an action left open.
func actions(src string) ([]action, bool) {
	var as []action
	for i := 0; ; {
		j := strings.Index(src[i:], "{{")
		if j < 0 {
			return as, true
		}
		a := action{start: i + j, body: i + j + 2}
		if len(src) > a.body+1 && src[a.body] == '-' && isSpace(src[a.body+1]) {
			a.body += 2
		}
		k := a.body
		if strings.HasPrefix(src[k:], "/*") {
			e := strings.Index(src[k+2:], "*/")
			if e < 0 {
				return nil, false
			}
			k += 2 + e + 2
			a.comment = true
		}
		end := closing(src, k)
		if end < 0 {
			return nil, false
		}
		a.end = end
		as = append(as, a)
		i = end
	}
}

// closing returns the offset past the "}}" that ends the action whose
// text goes on at src[i:], or -1.
func closing(src string, i int) int {
	for i < len(src) {
		switch c := src[i]; c {
		case '}':
			if strings.HasPrefix(src[i:], "}}") {
				return i + 2
			}
			i++
		case '`':
			e := strings.IndexByte(src[i+1:], '`')
			if e < 0 {
				return -1
			}
			i += 1 + e + 1
		case '"', '\'':
			i++
			for i < len(src) && src[i] != c {
				if src[i] == '\\' {
					i++
				} else if src[i] == '\n' {
					return -1
				}
				i++
			}
			if i >= len(src) {
				return -1
			}
			i++
		default:
			i++
		}
	}
	return -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// rawOpen finds where an element whose text is kept as written starts; an
// action may follow its name.
var rawOpen = regexp.MustCompile(`(?i)<(script|style|pre|textarea|xmp|listing|plaintext)[\s/>{]`)

// writesParts finds, in an action, what may write a part minified as its
// template's text was: a template called, a partial, or a method of a page
// rendering one. Strings and comments are not told apart: a name in them
// is taken for one.
var writesParts = regexp.MustCompile(`\b(template|block|partial|partialCached|TermLink|EventLine|EventItem|EventRef)\b`)

// variable finds a variable other than $ in an action.
var variable = regexp.MustCompile(`\$[\pL_0-9]`)

// rawSafe reports whether the action a, in the text of the element name,
// kept as written, writes there what it would in a page minified whole. In
// pre, textarea and the like, spaces show: what a partial minified writes
// there would differ, and a value's own spaces are kept, but any action
// is refused, the element being rare in a timeline's templates. In a
// script or a style, a value is escaped as a string in that language: an
// action is refused when it may write a part minified (a template called
// there is even escaped as script), or a variable, which may hold one.
func rawSafe(name, a string) bool {
	if name != "script" && name != "style" {
		return false
	}
	return !writesParts.MatchString(a) && !variable.MatchString(a)
}

// binds reports whether the action a may hand what writes a part on, to
// a variable or as dot (with, range, if, an assignment), or to another
// template or function as an argument, where rawSafe and plainMarkup could
// not tell it from a value.
func binds(a string) bool {
	switch n := len(writesParts.FindAllStringIndex(a, 2)); {
	case n == 0:
		return false
	case n > 1:
		return true // a part handed to another, as its argument
	}
	body := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(a, "{{"), "-"), " \t\r\n")
	for _, kw := range []string{"with", "range", "if", "else"} {
		if strings.HasPrefix(body, kw) && (len(body) == len(kw) || !isAlnum(body[len(kw)])) {
			return true
		}
	}
	return strings.Contains(a, "=")
}

// minifierEnd returns the offset past the "}}" that ends the action at
// start as the minifier reads it: up to the first "}}" outside a string
// in double or single quotes, or the end of src.
func minifierEnd(src string, start int) int {
	for i := start + 2; i < len(src); {
		switch c := src[i]; {
		case strings.HasPrefix(src[i:], "}}"):
			return i + 2
		case c == '"' || c == '\'':
			i++
			for escape := false; i < len(src); i++ {
				if !escape && src[i] == c {
					break
				}
				escape = !escape && src[i] == '\\'
			}
			i++
		default:
			i++
		}
	}
	return len(src)
}

// tagEnd returns the offset past the ">" that ends the tag whose name ends
// at i, skipping quoted values and actions, or -1.
func tagEnd(src string, as []action, i int) int {
	var quote byte
	for i < len(src) {
		if k := actionAt(as, i); k >= 0 {
			i = as[k].end
			continue
		}
		switch c := src[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
		i++
	}
	return -1
}

// actionAt returns the index of the action of as that starts at i, or -1.
func actionAt(as []action, i int) int {
	for k, a := range as {
		if a.start == i {
			return k
		}
	}
	return -1
}

// closingTag returns the offsets of the end tag of the element name
// whose text starts at from, "</name" followed by a space, "/" or ">",
// outside any action, and past it; -1, -1 when there is none.
func closingTag(lower string, as []action, name string, from int) (int, int) {
	for {
		k := strings.Index(lower[from:], "</"+name)
		if k < 0 {
			return -1, -1
		}
		at, after := from+k, from+k+2+len(name)
		if after < len(lower) && strings.IndexByte(" \t\r\n\f/>", lower[after]) >= 0 && !inAction(as, at) {
			if gt := strings.IndexByte(lower[after:], '>'); gt >= 0 {
				return at, after + gt + 1
			}
			return -1, -1
		}
		from = at + 2
	}
}

// asciiLower returns s with its ASCII capitals in lower case, and every
// other byte as it is.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// inAction reports whether offset i lies inside one of as.
func inAction(as []action, i int) bool {
	for _, a := range as {
		if a.start <= i && i < a.end {
			return true
		}
	}
	return false
}

// textStart and textEnd mark the ends of a template's text while it is
// minified.
const textStart, textEnd = "{{/*frise:start*/}}", "{{/*frise:end*/}}"

// preminify returns the text of a template minified by mf as explained
// above, or false when it cannot be.
func preminify(mf *publish.Minifier, src string) (string, bool) {
	as, ok := actions(src)
	if !ok {
		return "", false
	}
	for _, a := range as {
		if minifierEnd(src, a.start) != a.end || binds(src[a.start:a.end]) {
			return "", false
		}
	}
	if !plainMarkup(src) || strayLess(src, as) {
		return "", false
	}
	// Set the elements kept as written aside, each behind a comment the
	// minifier leaves alone.
	var kept []string
	var b strings.Builder
	last, seen := 0, 0       // src[:last] is written; src[:seen] was read for elements
	lower := asciiLower(src) // tags' names are ASCII, and offsets stay
	for _, m := range rawOpen.FindAllStringSubmatchIndex(src, -1) {
		if m[0] < seen || inAction(as, m[0]) || inComment(src, m[0]) {
			continue
		}
		name := lower[m[2]:m[3]]
		open := tagEnd(src, as, m[3])
		if open < 0 {
			return "", false
		}
		close, end := closingTag(lower, as, name, open)
		if end < 0 {
			return "", false // left open: let the page's minifier make sense of it
		}
		seen = end
		holds := false
		for _, a := range as {
			if m[0] <= a.start && a.start < end {
				holds = true
				if open <= a.start && a.start < close && !rawSafe(name, src[a.start:a.end]) {
					return "", false
				}
			}
		}
		if !holds {
			continue
		}
		b.WriteString(src[last:m[0]])
		fmt.Fprintf(&b, "{{/*frise:%d*/}}", len(kept))
		kept = append(kept, src[m[0]:end])
		last = end
	}
	b.WriteString(src[last:])
	// The text may be written anywhere in a page, as a partial is: between
	// two comments, which the minifier reads as actions writing it knows
	// not what, its ends are minified as an action's surroundings are,
	// not as a page's ends. The spaces trim markers take out go first.
	small, err := mf.Template([]byte(textStart + trimmed(b.String()) + textEnd))
	if err != nil {
		return "", false
	}
	out, ok := strings.CutPrefix(string(small), textStart)
	if !ok {
		return "", false
	}
	if out, ok = strings.CutSuffix(out, textEnd); !ok || cutEntity(out, len(out)) {
		return "", false
	}
	for i, k := range kept {
		mark := fmt.Sprintf("{{/*frise:%d*/}}", i)
		if strings.Count(out, mark) != 1 {
			return "", false
		}
		out = strings.Replace(out, mark, k, 1)
	}
	got, ok := actions(out)
	if !ok || len(got) != len(as) {
		return "", false
	}
	for i, a := range as {
		if out[got[i].start:got[i].end] != src[a.start:a.end] || cutEntity(out, got[i].start) || spaceTrimmed(out, got[i]) {
			return "", false
		}
	}
	return placed(src, as, out, got)
}

// trimmed returns s without the spaces the trim markers of its actions
// take out ("{{- " and " -}}"), as text/template takes them out.
func trimmed(s string) string {
	as, ok := actions(s)
	if !ok {
		return s
	}
	var b strings.Builder
	last := 0
	for i, a := range as {
		text := s[last:a.start]
		if leftTrim(a) {
			text = strings.TrimRight(text, " \t\r\n")
		}
		if i > 0 && rightTrim(s, as[i-1]) {
			text = strings.TrimLeft(text, " \t\r\n")
		}
		b.WriteString(text)
		b.WriteString(s[a.start:a.end])
		last = a.end
	}
	text := s[last:]
	if len(as) > 0 && rightTrim(s, as[len(as)-1]) {
		text = strings.TrimLeft(text, " \t\r\n")
	}
	b.WriteString(text)
	return b.String()
}

// leftTrim and rightTrim report whether a trims the spaces before it and
// after it.
func leftTrim(a action) bool { return a.body-a.start == 4 }
func rightTrim(s string, a action) bool {
	return a.end-a.start >= 6 && s[a.end-3] == '-' && isSpace(s[a.end-4])
}

// spaceTrimmed reports whether a trim marker of a, in out, would take out
// spaces the minifier made (from an entity, a form feed, or around markup
// it dropped): the text as written had none there once trimmed.
func spaceTrimmed(out string, a action) bool {
	return leftTrim(a) && a.start > 0 && isSpace(out[a.start-1]) ||
		rightTrim(out, a) && a.end < len(out) && isSpace(out[a.end])
}

// inComment reports whether offset i of src lies inside an HTML comment.
func inComment(src string, i int) bool {
	open := strings.LastIndex(src[:i], "<!--")
	return open >= 0 && !strings.Contains(src[open:i], "-->")
}

// cutEntity reports whether the text before offset i ends in an "&"
// followed by letters, digits or "#": what an action writes there could
// end an entity.
func cutEntity(s string, i int) bool {
	j := i
	for j > 0 && (isAlnum(s[j-1]) || s[j-1] == '#') {
		j--
	}
	return j > 0 && s[j-1] == '&'
}

// tagStart reports whether what follows a "<" makes it start a tag, an
// end tag, a comment, a doctype or a CDATA section; anything else (a
// bogus comment, <?…> or <!…>, among them) html/template writes as text
// and the minifier may drop or read otherwise.
func tagStart(s string) bool {
	switch {
	case len(s) > 0 && isLetter(s[0]):
		return true
	case len(s) > 1 && s[0] == '/' && isLetter(s[1]):
		return true
	}
	for _, p := range []string{"!--", "!doctype", "![CDATA["} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// plainMarkup reports whether the markup of src, read as the minifier
// reads it, holds nothing that minifying the template would change
// otherwise than minifying its pages: an action in attributes the
// minifier writes by the value of others (plainAttrs); an unquoted
// attribute value holding an action; an attribute holding an action
// with no space before it, or a name run on from an action; an action
// writing attributes into a tag whose attributes the minifier reads
// together (crossAttrs); a part written into an attribute, whose spaces
// the minifier would have collapsed as text; an end tag holding an
// action, which the minifier reads as part of the tag's name, lowering
// the case of what follows it; and markup that html/template
// writes out as text but the minifier drops or reads otherwise (a bogus
// comment: <?…>, <!…> other than a comment or a doctype; a "<" that
// starts no tag).
func plainMarkup(src string) bool {
	if oddRawTag.MatchString(src) {
		return false
	}
	l := html.NewTemplateLexer(parse.NewInputString(src), [2]string{"{{", "}}"})
	tag, afterAction := "", false // afterAction: the last attribute read ends in an action
	var attrs []attr              // those of the tag being read
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return true
		case html.StartTagToken:
			tag, attrs, afterAction = strings.ToLower(string(l.Text())), attrs[:0], false
		case html.StartTagCloseToken, html.StartTagVoidToken:
			if !plainAttrs(tag, attrs) {
				return false
			}
		case html.AttributeToken:
			key, val := l.AttrKey(), l.AttrVal()
			held := l.HasTemplate() || bytes.Contains(data, []byte("{{")) // (the lexer sees no action after the start of an unquoted value)
			attrs = append(attrs, attr{strings.ToLower(string(key)), string(bytes.Trim(val, "\"' \t\r\n\f")), held})
			runOn := afterAction && len(data) > 0 && !isSpace(data[0]) && data[0] != '\f' && !bytes.HasPrefix(data, []byte("{{"))
			afterAction = bytes.HasSuffix(data, []byte("}}"))
			if runOn {
				return false // a name run on from an action, which the minifier would part from it
			}
			if !held {
				continue
			}
			switch {
			case len(val) > 0 && (val[0] != '"' && val[0] != '\'' || len(val) < 2 || val[len(val)-1] != val[0]):
				return false // unquoted, or run on past its quote: the minifier quotes it, html/template escapes it otherwise
			case bytes.Contains(key, []byte("{{")) && crossAttrs[tag]:
				return false
			case len(data) > 0 && !isSpace(data[0]) && data[0] != '\f' && !bytes.HasPrefix(data, []byte("{{")):
				return false // no space before it (a name starting with "{" but no action included), which the minifier would not write either
			case bytes.Contains(key, []byte("}}")) && !bytes.HasSuffix(key, []byte("}}")):
				return false // a name run on from an action, which the minifier would part from it
			case writesParts.Match(data):
				return false // a part minified as text, written into an attribute
			}
		case html.EndTagToken:
			if bytes.Contains(data, []byte("{{")) {
				return false // the minifier reads the action as part of the name, and lowers the case of what follows, which may be text
			}
		case html.CommentToken:
			if !bytes.HasPrefix(data, []byte("<!--")) {
				return false
			}
		}
	}
}

// attr is an attribute of a tag as the minifier reads it.
type attr struct {
	key, val string
	held     bool // an action is in it
}

// plainAttrs reports whether the attributes of a tag hold no action where
// the minifier writes some of them by the value of others: an input's type
// and value (an empty value is dropped but for a radio button, and a text
// type always), an a's id and name (the name is dropped when they are the
// same), and a meta's content when its name or http-equiv asks for it to
// be rewritten, or they themselves.
func plainAttrs(tag string, attrs []attr) bool {
	find := func(key string) *attr {
		for i := range attrs {
			if attrs[i].key == key {
				return &attrs[i]
			}
		}
		return nil
	}
	held := func(keys ...string) bool {
		for _, k := range keys {
			if a := find(k); a != nil && a.held {
				return true
			}
		}
		return false
	}
	switch tag {
	case "input":
		return !held("type", "value")
	case "a":
		return find("id") == nil || find("name") == nil || !held("id", "name")
	case "meta":
		if held("name", "http-equiv", "charset") {
			return false
		}
		name := find("name")
		rewritten := find("http-equiv") != nil ||
			name != nil && (strings.EqualFold(name.val, "keywords") || strings.EqualFold(name.val, "viewport"))
		return !rewritten || !held("content")
	}
	return true
}

// oddRawTag finds what the minifier and a browser may read otherwise in
// or around an element whose text is kept as written: its name run on
// ("<textarea!>"), or the start of its end tag run on ("</textarea1").
var oddRawTag = regexp.MustCompile(`(?i)<(script|style|textarea|title|xmp|pre|listing|plaintext|iframe|noembed|noframes|noscript)[^\s/>{a-z0-9-]|</(script|style|textarea|title|xmp|pre|listing|plaintext|iframe|noembed|noframes|noscript)[^\s/>]`)

// strayLess reports whether src holds, outside its actions, a "<" that
// starts no tag, comment or doctype: html/template writes it as text, and
// the minifier may read it otherwise.
func strayLess(src string, as []action) bool {
	last := 0
	for _, a := range append(as, action{start: len(src), end: len(src)}) {
		for text := src[last:a.start]; ; {
			k := strings.IndexByte(text, '<')
			if k < 0 {
				break
			}
			if !tagStart(text[k+1:]) {
				return true // (a "<" just before an action starts no tag either)
			}
			text = text[k+1:]
		}
		last = a.end
	}
	return false
}

// crossAttrs are the tags some of whose attributes the minifier writes
// by the value of others.
var crossAttrs = map[string]bool{"input": true, "a": true, "meta": true, "script": true}

// placed returns out with each of its actions, got, moved to the line and
// column its counterpart in src, as, starts at, by newlines and spaces
// after the opening delimiter; false when an action would have to move
// back, or is a comment not where it was (a comment cannot start with
// spaces; it writes nothing and fails nothing, but the actions after it
// must still find their places).
func placed(src string, as []action, out string, got []action) (string, bool) {
	var b strings.Builder
	b.Grow(len(src))
	line, col := 1, 0 // where b's end is
	write := func(s string) {
		b.WriteString(s)
		if n := strings.Count(s, "\n"); n > 0 {
			line += n
			col = len(s) - strings.LastIndexByte(s, '\n') - 1
		} else {
			col += len(s)
		}
	}
	wantLine, from := 1, 0 // src's line at offset from
	last := 0
	for i, a := range got {
		o := as[i]
		wantLine += strings.Count(src[from:o.body], "\n")
		from = o.body
		wantCol := o.body - strings.LastIndexByte(src[:o.body], '\n') - 1
		write(out[last:a.body])
		switch {
		case line == wantLine && col == wantCol:
		case a.comment:
			// Left where it lands; what follows finds its place anyway.
		case line < wantLine:
			write(strings.Repeat("\n", wantLine-line) + strings.Repeat(" ", wantCol))
		case line == wantLine && col < wantCol:
			write(strings.Repeat(" ", wantCol-col))
		default:
			return "", false
		}
		write(out[a.body:a.end])
		last = a.end
	}
	write(out[last:])
	return b.String(), true
}
