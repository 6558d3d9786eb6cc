package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/adrg/frontmatter"
)

// doc is a file split into its front matter and its body.
type doc struct {
	file    string
	format  string         // "yaml", "toml", "json", or "" when the file has no front matter
	meta    map[string]any // the decoded front matter, with string keys all the way down
	fmLines []string       // the front matter's lines, delimiters included
	fmStart int            // the file's line of the opening delimiter (1-based)
	body    string
	bodyAt  int // the file's line on which the body starts
}

// delimiters maps an opening line to its format, as adrg/frontmatter reads them.
var delimiters = map[string]string{
	"---": "yaml", "---yaml": "yaml", "+++": "toml", "---toml": "toml",
	";;;": "json", "---json": "json", "{": "json",
}

// splitDoc decodes the front matter of text, which has been checked to be
// UTF-8 and has LF line ends. A file without front matter is a doc with no
// format; a front matter that does not decode is a Problem at its line.
func splitDoc(file, text string) (*doc, *Problem) {
	return splitDocWith(file, text, true)
}

// splitDocWith is splitDoc, trying the hand decoder of fastyaml.go first
// when fast is set; the tests compare both ways.
func splitDocWith(file, text string, fast bool) (*doc, *Problem) {
	if fast {
		if d, ok := splitFast(file, text); ok {
			return d, nil
		}
	}
	d := &doc{file: file, body: text, bodyAt: 1}
	lines := strings.SplitAfter(text, "\n")
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	if first == len(lines) {
		return d, nil
	}
	format, ok := delimiters[strings.TrimSpace(lines[first])]
	if !ok {
		return d, nil
	}
	d.format, d.fmStart = format, first+1
	meta := map[string]any{}
	rest, err := frontmatter.Parse(strings.NewReader(text), &meta)
	if err != nil {
		line, msg := decodeErrorLine(format, err, lines, first)
		return nil, &Problem{File: file, Line: line, Msg: "front matter: " + msg,
			Hint: "check the " + strings.ToUpper(format) + " syntax on that line: indentation, colons, quotes around text containing : or #"}
	}
	if len(rest) == len(text) {
		return nil, &Problem{File: file, Line: d.fmStart, Msg: "front matter is not closed",
			Hint: fmt.Sprintf("end the front matter with a line %q before the body", closing(lines[first]))}
	}
	bodyStart := len(text) - len(rest)
	d.bodyAt = strings.Count(text[:bodyStart], "\n") + 1
	d.fmLines = lines[first : d.bodyAt-1]
	d.body = string(rest)
	d.meta = dropInvisibleAll(stringKeys(meta)).(map[string]any)
	if format == "yaml" {
		if p := d.duplicateKey(); p != nil {
			return nil, p
		}
	}
	return d, nil
}

// splitFast is splitDoc for a file whose front matter is YAML in the
// subset fastYAML reads; ok is false for any other file. It finds the
// delimiters as adrg/frontmatter does (the first line that is not blank
// opens, the next line that is "---" once trimmed closes) and splits only
// the front matter into lines, not the body.
func splitFast(file, text string) (d *doc, ok bool) {
	open, line := 0, 0 // the opening line's offset and index
	for {
		end := lineEnd(text, open)
		if t := strings.TrimSpace(text[open:end]); t != "" {
			if t != "---" && t != "---yaml" {
				return nil, false
			}
			break
		}
		if end == len(text) {
			return nil, false
		}
		open, line = end, line+1
	}
	start := lineEnd(text, open)
	for end := start; end < len(text); {
		next := lineEnd(text, end)
		if strings.TrimSpace(text[end:next]) != "---" {
			end = next
			continue
		}
		m, ok := fastYAMLStrings(text[start:end])
		if !ok {
			return nil, false
		}
		// As in splitDocWith, the front matter's lines end with the last
		// line break before the body: a closing delimiter that ends the
		// file without one is not among them.
		fmLines := strings.SplitAfter(text[open:next], "\n")
		fmLines = fmLines[:len(fmLines)-1]
		// fastYAML declines a key written twice, so duplicateKey has
		// nothing to find here; its keys are words, so stringKeys
		// would only have made the maps again.
		// Its strings are pieces of the front matter's text, or come from
		// escapes: without either an escape or an invisible character in
		// that text, they have none to drop.
		if fm := text[start:end]; strings.IndexByte(fm, '\\') >= 0 || hasInvisible(fm) {
			m = dropInvisibleAll(m).(map[string]any)
		}
		return &doc{file: file, format: "yaml", fmStart: line + 1, meta: m,
			fmLines: fmLines, body: text[next:], bodyAt: line + len(fmLines) + 1}, true
	}
	return nil, false
}

// lineEnd returns the offset just after the line break that ends the line
// starting at i, or the end of text.
func lineEnd(text string, i int) int {
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(text)
}

func closing(open string) string {
	switch s := strings.TrimSpace(open); s {
	case "{":
		return "}"
	case "---yaml", "---toml", "---json":
		return "---"
	default:
		return s
	}
}

var (
	yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	tomlLineRe = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "[^"]*"\))?: (.*)$`)
)

// decodeErrorLine turns a decoder's error into the file's line and a message
// without the decoder's own line numbering.
func decodeErrorLine(format string, err error, lines []string, first int) (int, string) {
	msg := err.Error()
	// The YAML and TOML decoders count from the line after the delimiter.
	shift := first + 1
	switch format {
	case "yaml":
		if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n + shift, m[2]
		}
		// Without a line, the decoder stopped on the front matter's first line.
		return shift + 1, strings.TrimPrefix(msg, "yaml: ")
	case "toml":
		if m := tomlLineRe.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n + shift, m[2]
		}
		return shift, strings.TrimPrefix(msg, "toml: ")
	case "json":
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// Offsets count from the opening brace for "{", or from the line after the delimiter.
			base := first
			if strings.TrimSpace(lines[first]) != "{" {
				base = first + 1
			}
			off := int(se.Offset)
			for i := base; i < len(lines); i++ {
				if off <= len(lines[i]) {
					return i + 1, msg
				}
				off -= len(lines[i])
			}
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return shift, fmt.Sprintf("%s should not be a %s", te.Field, te.Value)
		}
	}
	return shift, msg
}

// line returns the file's line and column at which key's value is written
// in the front matter, or the front matter's first line when it is not found.
func (d *doc) line(key string) (int, int) {
	for i, l := range d.fmLines {
		trimmed := strings.TrimLeft(l, " \t")
		indent := len(l) - len(trimmed)
		for _, pre := range []string{key, `"` + key + `"`} {
			if !strings.HasPrefix(trimmed, pre) {
				continue
			}
			after := strings.TrimLeft(trimmed[len(pre):], " \t")
			if after == "" || (after[0] != ':' && after[0] != '=') {
				continue
			}
			col := len(l) - len(strings.TrimLeft(after[1:], " \t")) + 1
			if strings.TrimSpace(after[1:]) == "" {
				col = indent + 1
			}
			return d.fmStart + i, col
		}
	}
	return d.fmStart, 0
}

var topKeyRe = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)\s*:`)

// duplicateKey finds a top-level YAML key written twice: the decoder keeps
// the last value without a word, and an editor would not know which counts.
func (d *doc) duplicateKey() *Problem {
	seen := map[string]int{}
	for i, l := range d.fmLines {
		m := topKeyRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		line := d.fmStart + i
		if first, dup := seen[m[1]]; dup {
			return &Problem{File: d.file, Line: line, Col: 1, Msg: fmt.Sprintf("key %q is given twice (first on line %d)", m[1], first),
				Hint: "keep one of them"}
		}
		seen[m[1]] = line
	}
	return nil
}

// raw returns the text written after key on its line, without quotes or a
// trailing comment.
func (d *doc) raw(key string) string {
	line, col := d.line(key)
	if col == 0 {
		return ""
	}
	v := strings.TrimSpace(d.fmLines[line-d.fmStart][col-1:])
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	v = strings.TrimSuffix(v, ",")
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return v
}

// problem is a Problem at key's line.
func (d *doc) problem(key, msg, hint string) Problem {
	line, col := d.line(key)
	return Problem{File: d.file, Line: line, Col: col, Msg: msg, Hint: hint}
}

// stringKeys turns the map[any]any that YAML decodes into map[string]any,
// and TOML's local dates into strings, so templates and checks see one shape.
func stringKeys(v any) any {
	switch v := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			s, ok := k.(string)
			if !ok {
				s = fmt.Sprint(k)
			}
			m[s] = stringKeys(e)
		}
		return m
	case map[string]any:
		for k, e := range v {
			switch e.(type) {
			case string, int, float64, bool, nil:
			default:
				v[k] = stringKeys(e)
			}
		}
		return v
	case []any:
		for i, e := range v {
			v[i] = stringKeys(e)
		}
		return v
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = stringKeys(e)
		}
		return out
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 && v.Nanosecond() == 0 {
			return v.Format("2006-01-02")
		}
		return v.Format(time.RFC3339)
	case fmt.Stringer:
		// TOML's LocalDate and LocalDateTime.
		return v.String()
	}
	return v
}

// scalar returns a front-matter value as text: strings as they are, numbers
// and booleans as written.
func scalar(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(v), true
	}
	return "", false
}

// stringList reads a list of names, accepting one name alone.
func stringList(v any) ([]string, bool) {
	switch v := v.(type) {
	case nil:
		return nil, true
	case string:
		if strings.TrimSpace(v) == "" {
			return nil, true
		}
		return []string{v}, true
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			s, ok := scalar(e)
			if !ok {
				return nil, false
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, true
	}
	return nil, false
}

// utf8BOM is stripped from the start of every file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// normalize strips a BOM and turns CRLF and lone CR line ends into LF, which
// keeps line numbers as an editor counts them.
func normalize(b []byte) []byte {
	b = bytes.TrimPrefix(b, utf8BOM)
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}
