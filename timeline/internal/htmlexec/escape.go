package htmlexec

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// contentType is the kind of text a value holds, as html/template's
// typed strings say: plain text unless it is one of them.
type contentType int

const (
	plainText contentType = iota
	htmlText
	urlText
	jsText
	jsStrText
	otherText // CSS, an attribute, a srcset: no escaper here takes them
)

// content is a value made text, with its kind.
type content struct {
	s string
	t contentType
}

var (
	stringType = reflect.TypeFor[string]()
	htmlType   = reflect.TypeFor[template.HTML]()
	urlType    = reflect.TypeFor[template.URL]()
	jsType     = reflect.TypeFor[template.JS]()
	jsStrType  = reflect.TypeFor[template.JSStr]()
	otherTypes = []reflect.Type{reflect.TypeFor[template.CSS](), reflect.TypeFor[template.HTMLAttr](),
		reflect.TypeFor[template.Srcset]()}
)

// stringify makes v text, as html/template's escapers do with a single
// argument; it declines the rare values whose text takes more (nil, a
// pointer, an interface holding methods).
func stringify(v reflect.Value) content {
	switch v.Kind() {
	case reflect.Invalid:
		// text/template passes nil, which the escapers skip.
		return content{}
	case reflect.Pointer, reflect.Interface:
		giveUp("printing a %s", v.Kind())
	case reflect.String:
		switch v.Type() {
		case stringType:
			return content{v.String(), plainText}
		case htmlType:
			return content{v.String(), htmlText}
		case urlType:
			return content{v.String(), urlText}
		case jsType:
			return content{v.String(), jsText}
		case jsStrType:
			return content{v.String(), jsStrText}
		}
		for _, t := range otherTypes {
			if v.Type() == t {
				return content{v.String(), otherText}
			}
		}
	}
	return content{fmt.Sprint(v.Interface()), plainText}
}

// escaper is one of html/template's escapers: apply makes c text fit
// for where it goes; write, when set, writes that text into a page
// without making a string of it, for the last escaper of an action.
type escaper struct {
	apply func(c content) string
	write func(w *bytes.Buffer, c content)
}

// escapers are html/template's escapers this package runs; it declines
// templates whose actions end in others.
var escapers = map[string]escaper{
	"_html_template_htmlescaper": {
		apply: func(c content) string {
			if c.t == htmlText {
				return c.s
			}
			return escapeHTML(c.s)
		},
		write: func(w *bytes.Buffer, c content) {
			if c.t == htmlText {
				w.WriteString(c.s)
				return
			}
			writeHTML(w, c.s)
		},
	},
	"_html_template_attrescaper":   {apply: escapeText, write: writeText},
	"_html_template_rcdataescaper": {apply: escapeText, write: writeText},
	"_html_template_urlfilter":     {apply: filterURL},
	"_html_template_urlnormalizer": {apply: func(c content) string { return processURL(c.s, true) }},
	"_html_template_urlescaper": {apply: func(c content) string {
		return processURL(c.s, c.t == urlText)
	}},
	"_html_template_jsvalescaper": {apply: func(c content) string {
		switch c.t {
		case jsText:
			return c.s
		case jsStrText:
			return `"` + c.s + `"`
		}
		giveUp("a value other than JS in a script")
		return ""
	}},
}

// filterURL is html/template's URL filter: a URL whose scheme is not
// safe becomes "#ZgotmplZ".
func filterURL(c content) string {
	if c.t == urlText || safeURL(c.s) {
		return c.s
	}
	return "#ZgotmplZ"
}

// urlAttr stands for the three escapers html/template puts after a value
// that is an attribute's URL whole, as in href="{{.}}": the filter, the
// normalizer and the attribute's escaper. Its write normalizes and
// escapes in one pass, as most of a page's links are written.
var urlAttr = escaper{
	apply: func(c content) string { return escapeHTML(processURL(filterURL(c), true)) },
	write: writeURLAttr,
}

// urlAttrEscapers are the names of the escapers urlAttr stands for.
var urlAttrEscapers = []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"}

// writeURLAttr writes what urlAttr.apply returns. Normalizing keeps a
// byte of urlKept[1], or a valid escape, and writes any other as %XX;
// escaping for the attribute then changes only the kept bytes it
// escapes (& and +), since no % escape holds one.
func writeURLAttr(w *bytes.Buffer, c content) {
	s := filterURL(c)
	written := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch urlAttrClass[b] {
		case urlAttrKeep:
			continue
		case urlAttrPercent:
			if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue // a valid escape stays
			}
		case urlAttrEscape:
			w.WriteString(s[written:i])
			w.WriteString(replacements[b])
			written = i + 1
			continue
		}
		w.WriteString(s[written:i])
		p := percentOf(b)
		w.Write(p[:])
		written = i + 1
	}
	w.WriteString(s[written:])
}

// urlAttrClass says what writeURLAttr does with each byte.
var urlAttrClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c == '%':
			t[c] = urlAttrPercent
		case urlKept[1][c] && escaped[c]:
			t[c] = urlAttrEscape
		case urlKept[1][c]:
			t[c] = urlAttrKeep
		default:
			t[c] = urlAttrEncode
		}
	}
	return t
}()

const (
	urlAttrEncode  = iota // written as %XX
	urlAttrKeep           // written as it is
	urlAttrEscape         // escaped for HTML
	urlAttrPercent        // kept when it starts a valid escape, else encoded
)

// escapeText escapes text in an attribute or in RCDATA (a title, a
// textarea): html/template strips or normalizes HTML there, which this
// package does not do.
func escapeText(c content) string {
	if c.t == htmlText {
		giveUp("HTML in an attribute or RCDATA")
	}
	return escapeHTML(c.s)
}

// writeText is escapeText, writing into w.
func writeText(w *bytes.Buffer, c content) {
	if c.t == htmlText {
		giveUp("HTML in an attribute or RCDATA")
	}
	writeHTML(w, c.s)
}

// print writes v through the escapers esc.
func (s *state) print(v reflect.Value, esc []escaper) {
	c := stringify(v)
	last := len(esc) - 1
	for _, e := range esc[:last] {
		c = content{e.apply(c), plainText}
	}
	if esc[last].write != nil {
		esc[last].write(s.w, c)
		return
	}
	s.w.WriteString(esc[last].apply(c))
}

// replacements are the characters html/template escapes in text and in
// quoted attributes, and what it writes for them; escaped says which
// bytes those are. Every one is ASCII, so both read bytes: a byte of a
// longer UTF-8 sequence, or of an invalid one, is never one of them, and
// html/template leaves invalid sequences as they are.
var (
	replacements = [...]string{
		0:    "\uFFFD",
		'"':  "&#34;",
		'&':  "&amp;",
		'\'': "&#39;",
		'+':  "&#43;",
		'<':  "&lt;",
		'>':  "&gt;",
	}
	escaped = func() (e [256]bool) {
		for c, r := range replacements {
			e[c] = r != ""
		}
		return e
	}()
)

// escapeHTML escapes s for HTML text or a quoted attribute.
func escapeHTML(s string) string {
	i := 0
	for i < len(s) && !escaped[s[i]] {
		i++
	}
	if i == len(s) {
		return s
	}
	var b bytes.Buffer
	b.Grow(len(s) + 16)
	writeHTML(&b, s)
	return b.String()
}

// writeHTML writes s into w, escaped for HTML text or a quoted attribute.
func writeHTML(w *bytes.Buffer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		if !escaped[s[i]] {
			continue
		}
		w.WriteString(s[written:i])
		w.WriteString(replacements[s[i]])
		written = i + 1
	}
	w.WriteString(s[written:])
}

// safeURL reports whether s is relative, or its scheme is http, https or
// mailto: html/template writes "#ZgotmplZ" for any other.
func safeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	for _, safe := range []string{"http", "https", "mailto"} {
		if strings.EqualFold(scheme, safe) {
			return true
		}
	}
	return false
}

// processURL percent-encodes the bytes of s that may not stand as they
// are in a URL (RFC 3986's unreserved characters). With norm, it also
// keeps the reserved ones and valid escapes, only normalizing a URL;
// without, it escapes a URL's part for a query.
func processURL(s string, norm bool) string {
	keep := &urlKept[0]
	if norm {
		keep = &urlKept[1]
	}
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		// A valid escape stays when normalizing.
		if keep[c] || c == '%' && norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			continue
		}
		if written == 0 && b.Len() == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		p := percentOf(c)
		b.Write(p[:])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// percentOf is c escaped in a URL: %XX.
func percentOf(c byte) [3]byte {
	const hex = "0123456789abcdef"
	return [3]byte{'%', hex[c>>4], hex[c&15]}
}

// urlKept are the bytes processURL keeps as they are: RFC 3986's
// unreserved characters when escaping for a query (urlKept[0]), the
// reserved ones too when normalizing (urlKept[1]).
var urlKept = func() (t [2][256]bool) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", byte(c)) >= 0:
			t[0][c], t[1][c] = true, true
		case strings.IndexByte("!#$&*+,/:;=?@[]", byte(c)) >= 0:
			t[1][c] = true
		}
	}
	return t
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
