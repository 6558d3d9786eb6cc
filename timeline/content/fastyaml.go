package content

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Front matter is almost always written in a small part of YAML: "key: value"
// lines, flow lists such as [a, "b c"], block lists of scalars or of small
// mappings, blank lines and comments. fastYAML decodes that part by hand,
// which is several times cheaper than the general decoder, and gives back
// exactly what gopkg.in/yaml.v2 gives for the same text: map[string]any at
// the top, map[any]any below it, []any for lists, and the scalars that the
// library's own resolution rules produce (a date such as 2015-11-09 stays a
// string, as it does when the library decodes into an interface).
//
// It declines (ok false) on anything else, and on anything it is not sure
// of: anchors, aliases, tags, block and multi-line scalars, flow mappings,
// nested flow lists, escapes other than \" \\ \n \t \r \x \u \U, tabs,
// duplicate keys, keys that are not plain words, unusual characters. The
// caller then decodes with the library, whose error messages and line
// numbers stay the ones editors see.
func fastYAML(src string) (map[string]any, bool) {
	return decodeFast(src, false)
}

// fastYAMLStrings is fastYAML giving every mapping as a map[string]any,
// as stringKeys turns what the library gives: the value splitDoc keeps,
// without a second pass to make it.
func fastYAMLStrings(src string) (map[string]any, bool) {
	return decodeFast(src, true)
}

// decodeFast is fastYAML, with the mappings inside the document string
// keyed when strings is set.
func decodeFast(src string, stringKeyed bool) (map[string]any, bool) {
	if !yamlPlainText(src) {
		return nil, false
	}
	d := fyDecoder{lines: make([]fyLine, 0, strings.Count(src, "\n")+1), stringKeyed: stringKeyed}
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		text := strings.TrimLeft(line, " ")
		if text == "" || text[0] == '#' {
			continue
		}
		d.lines = append(d.lines, fyLine{indent: len(line) - len(text), text: strings.TrimRight(text, " ")})
	}
	top := make(map[string]any, len(d.lines))
	if _, ok := d.mapping(0, top); !ok || d.i != len(d.lines) {
		return nil, false
	}
	return top, true
}

// yamlPlainText reports whether src holds only characters the fast path
// reads the same way as the library: printable ASCII, line feeds, and
// printable non-ASCII runes that YAML does not count as line breaks.
func yamlPlainText(src string) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == utf8.RuneError && size == 1,
			r < 0xa0, r == 0x2028, r == 0x2029, r == 0xfeff,
			r >= 0xd800 && r < 0xe000, r == 0xfffe, r == 0xffff:
			return false
		}
		i += size
	}
	return true
}

// fyLine is a line that is neither blank nor a comment, without its
// indentation and trailing spaces.
type fyLine struct {
	indent int
	text   string
}

type fyDecoder struct {
	lines       []fyLine
	i           int  // the next line to read
	stringKeyed bool // mappings inside the document are map[string]any
}

// mapping reads the keys written at indent. With top set it fills top, the
// document's own mapping; otherwise it returns a new map[any]any, as the
// library does for mappings inside the document, or a new map[string]any
// when d.stringKeyed is set.
func (d *fyDecoder) mapping(indent int, top map[string]any) (any, bool) {
	var inner map[any]any
	named := top // the mapping filled, when string keyed
	switch {
	case top == nil && d.stringKeyed:
		named = make(map[string]any, 2)
	case top == nil:
		inner = make(map[any]any, 2)
	}
	for d.i < len(d.lines) {
		l := d.lines[d.i]
		if l.indent < indent {
			break
		}
		if l.indent > indent {
			return nil, false
		}
		key, rest, ok := splitKey(l.text)
		if !ok {
			return nil, false
		}
		d.i++
		var v any
		if rest == "" || rest[0] == '#' {
			v, ok = d.block(indent)
		} else {
			v, ok = inline(rest)
		}
		if !ok {
			return nil, false
		}
		if named != nil {
			if _, dup := named[key]; dup {
				return nil, false
			}
			named[key] = v
		} else {
			if _, dup := inner[key]; dup {
				return nil, false
			}
			inner[key] = v
		}
	}
	if named != nil {
		return named, true
	}
	return inner, true
}

// block reads the value of a key written alone on its line at indent: a
// list below it (or at its own indent, which YAML allows), a mapping
// indented below it, or nothing at all.
func (d *fyDecoder) block(indent int) (any, bool) {
	if d.i == len(d.lines) {
		return nil, true
	}
	l := d.lines[d.i]
	switch {
	case isItem(l.text) && l.indent >= indent:
		return d.sequence(l.indent)
	case l.indent > indent:
		return d.mapping(l.indent, nil)
	}
	return nil, true
}

func isItem(text string) bool {
	return text == "-" || strings.HasPrefix(text, "- ")
}

// sequence reads the items written "- …" at indent: scalars, flow lists, or
// mappings whose first key shares the dash's line.
func (d *fyDecoder) sequence(indent int) (any, bool) {
	out := make([]any, 0, 2)
	for d.i < len(d.lines) {
		l := d.lines[d.i]
		if l.indent < indent || (l.indent == indent && !isItem(l.text)) {
			break
		}
		if l.indent > indent || len(l.text) < 3 {
			return nil, false
		}
		item := strings.TrimLeft(l.text[2:], " ")
		if item[0] == '#' || isItem(item) {
			return nil, false
		}
		var v any
		var ok bool
		if _, _, isKey := splitKey(item); isKey {
			// The mapping's keys line up with the first one, after the dash.
			col := l.indent + len(l.text) - len(item)
			d.lines[d.i] = fyLine{indent: col, text: item}
			v, ok = d.mapping(col, nil)
		} else {
			v, ok = inline(item)
			d.i++
		}
		if !ok {
			return nil, false
		}
		out = append(out, v)
	}
	return out, true
}

// splitKey splits "key: rest" where key is a plain word that YAML reads as
// a string (not yes, no, null, …). Letters may be accented: fastYAML has
// already checked that every non-ASCII rune is printable.
func splitKey(text string) (key, rest string, ok bool) {
	i := 0
	for ; i < len(text); i++ {
		c := text[i]
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf || i > 0 && (c == '-' || c >= '0' && c <= '9') {
			continue
		}
		break
	}
	// The library refuses a key of 1024 characters or more.
	if i == 0 || i > 1000 || i == len(text) || text[i] != ':' || (i+1 < len(text) && text[i+1] != ' ') {
		return "", "", false
	}
	key = text[:i]
	if _, special := yamlWords[key]; special {
		return "", "", false
	}
	return key, strings.TrimLeft(text[i+1:], " "), true
}

// inline decodes a value written on its key's or dash's line: s has no
// leading or trailing spaces and is not empty.
func inline(s string) (any, bool) {
	switch s[0] {
	case '"', '\'':
		v, rest, ok := quoted(s)
		if !ok || !tail(rest) {
			return nil, false
		}
		return v, true
	case '[':
		return flowList(s)
	case '?', ':', ',', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		return nil, false
	case '-':
		if len(s) == 1 || s[1] == ' ' {
			return nil, false
		}
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimRight(s[:i], " ")
	}
	if strings.Contains(s, ": ") || s[len(s)-1] == ':' {
		return nil, false
	}
	return resolvePlain(s)
}

// tail reports whether what follows a closed value is only a comment.
func tail(rest string) bool {
	t := strings.TrimLeft(rest, " ")
	return t == "" || (t[0] == '#' && len(t) < len(rest))
}

// flowList decodes a list written [a, "b c", 'd'] on one line.
func flowList(s string) (any, bool) {
	out := make([]any, 0, 4)
	i := 1
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			return nil, false
		}
		if s[i] == ']' && len(out) == 0 {
			break
		}
		var v any
		switch s[i] {
		case '"', '\'':
			q, rest, ok := quoted(s[i:])
			if !ok {
				return nil, false
			}
			v, i = q, len(s)-len(rest)
		default:
			j := i
			for j < len(s) && s[j] != ',' && s[j] != ']' {
				j++
			}
			text := strings.TrimRight(s[i:j], " ")
			if text == "" || strings.ContainsAny(text, ":#?[]{}") || strings.IndexByte("-,&*!|>'\"%@`", text[0]) >= 0 {
				return nil, false
			}
			var ok bool
			if v, ok = resolvePlain(text); !ok {
				return nil, false
			}
			i = j
		}
		out = append(out, v)
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			return nil, false
		}
		if s[i] == ']' {
			break
		}
		if s[i] != ',' {
			return nil, false
		}
		i++
		// A comma before the closing bracket is valid YAML, but rare
		// enough to leave to the library.
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i < len(s) && s[i] == ']' {
			return nil, false
		}
	}
	if !tail(s[i+1:]) {
		return nil, false
	}
	return out, true
}

// quoted decodes the single- or double-quoted scalar that starts s and
// returns what follows its closing quote.
func quoted(s string) (string, string, bool) {
	q := s[0]
	var b []byte // only built when the text differs from what is written
	start := 1
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			b = append(b, s[start:i+1]...)
			i++
			start = i + 1
		case c == q:
			if b == nil {
				return s[1:i], s[i+1:], true
			}
			b = append(b, s[start:i]...)
			return string(b), s[i+1:], true
		case c == '\\' && q == '"':
			if i+1 == len(s) {
				return "", "", false
			}
			b = append(b, s[start:i]...)
			n := 0
			switch s[i+1] {
			case '"', '\\':
				b = append(b, s[i+1])
			case 'n':
				b = append(b, '\n')
			case 't':
				b = append(b, '\t')
			case 'r':
				b = append(b, '\r')
			case 'x':
				n = 2
			case 'u':
				n = 4
			case 'U':
				n = 8
			default:
				return "", "", false
			}
			i++
			if n > 0 {
				if i+n >= len(s) {
					return "", "", false
				}
				r, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
				if err != nil || r >= 0xd800 && r <= 0xdfff || r > 0x10ffff {
					return "", "", false
				}
				b = utf8.AppendRune(b, rune(r))
				i += n
			}
			start = i + 1
		}
	}
	return "", "", false
}

// yamlWords are the plain scalars yaml.v2 reads as something other than
// text, with what it reads; math.NaN stands for the not-a-number words,
// which the fast path leaves to the library since NaN equals nothing.
var yamlWords = map[string]any{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true,
	"true": true, "True": true, "TRUE": true,
	"on": true, "On": true, "ON": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false,
	"false": false, "False": false, "FALSE": false,
	"off": false, "Off": false, "OFF": false,
	"~": nil, "null": nil, "Null": nil, "NULL": nil,
	".nan": math.NaN(), ".NaN": math.NaN(), ".NAN": math.NaN(),
	".inf": math.Inf(1), ".Inf": math.Inf(1), ".INF": math.Inf(1),
	"+.inf": math.Inf(1), "+.Inf": math.Inf(1), "+.INF": math.Inf(1),
	"-.inf": math.Inf(-1), "-.Inf": math.Inf(-1), "-.INF": math.Inf(-1),
}

// yamlFloat is the library's pattern for a float written in decimal.
var yamlFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// resolvePlain gives the value yaml.v2 gives a plain (unquoted) scalar
// decoded into an interface, following the library's rules step by step:
// its special words, then for text starting with a digit or a sign an
// integer in any base Go reads (underscores dropped), an unsigned integer,
// a decimal float, a 0b binary integer; anything else, dates included, is
// the text itself.
func resolvePlain(s string) (any, bool) {
	c := s[0]
	switch {
	case c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9' || strings.IndexByte("yYnNtTfFoO~", c) >= 0:
	default:
		return s, true
	}
	if v, ok := yamlWords[s]; ok {
		if f, isFloat := v.(float64); isFloat && math.IsNaN(f) {
			return nil, false
		}
		return v, true
	}
	switch {
	case c == '.':
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f, true
		}
		return s, true
	case c != '+' && c != '-' && (c < '0' || c > '9'):
		return s, true
	}
	plain := s
	if strings.IndexByte(s, '_') >= 0 {
		plain = strings.ReplaceAll(s, "_", "")
	}
	if n, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return int(n), true
	}
	if n, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return n, true
	}
	if strings.Trim(plain, "0123456789.eE+-") == "" && yamlFloat.MatchString(plain) {
		if f, err := strconv.ParseFloat(plain, 64); err == nil {
			return f, true
		}
	}
	if strings.HasPrefix(plain, "0b") {
		if n, err := strconv.ParseInt(plain[2:], 2, 64); err == nil {
			return int(n), true
		}
		if n, err := strconv.ParseUint(plain[2:], 2, 64); err == nil {
			return n, true
		}
	} else if strings.HasPrefix(plain, "-0b") {
		if n, err := strconv.ParseInt("-"+plain[3:], 2, 64); err == nil {
			return int(n), true
		}
	}
	return s, true
}
