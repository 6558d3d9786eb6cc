package publish

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"
)

// Minifier shrinks the files of a site by their kind; it is safe for
// concurrent use.
type Minifier struct {
	m    *minify.M
	tmpl *html.Minifier // pages' options, for the text of their templates
}

// mediaTypes maps the extensions minified to their media types; other
// files are written as they are.
var mediaTypes = map[string]string{
	".html":        "text/html",
	".css":         "text/css",
	".js":          "application/javascript",
	".json":        "application/json",
	".webmanifest": "application/json",
	".svg":         "image/svg+xml",
	".xml":         "application/xml",
}

// NewMinifier returns a Minifier for HTML, CSS, JavaScript, JSON, SVG and XML.
func NewMinifier() *Minifier {
	m := minify.New()
	// Keep html, head and body and their end tags: validators and readers of
	// the raw files expect a whole document, and the cost is a few bytes.
	pages := html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true}
	m.Add("text/html", &pages)
	tmpl := pages
	tmpl.TemplateDelims = html.GoTemplateDelims
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^application/(ld\+)?json$`), json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return &Minifier{m: m, tmpl: &tmpl}
}

// Template minifies the text of a Go HTML template as Minify would the
// pages it makes, leaving its actions ({{…}}) as they are. What the
// actions write is not minified: a page made from the result is smaller
// than one made from src, but not always as small as that page minified.
func (mf *Minifier) Template(src []byte) ([]byte, error) {
	var out bytes.Buffer
	in := make([]byte, len(src), len(src)+1)
	copy(in, src)
	if err := mf.tmpl.Minify(mf.m, &out, buffer.NewReader(in), nil); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Minify returns the minified form of the file at name (a slash path),
// chosen by its extension; files of other kinds come back unchanged.
func (mf *Minifier) Minify(name string, data []byte) ([]byte, error) {
	if _, ok := mediaTypes[path.Ext(name)]; !ok {
		return data, nil
	}
	var b buffers
	out, err := mf.minify(&b, name, data)
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), out...), nil
}

// buffers are what one writer reuses from file to file, so minifying a
// site allocates per writer rather than per file.
type buffers struct {
	in  []byte // the input with room for the parser's closing NUL
	out bytes.Buffer
	old []byte // the previous site's copy of a file, to compare
}

// minify is Minify into b's buffers: the result is valid until b is used again.
func (mf *Minifier) minify(b *buffers, name string, data []byte) ([]byte, error) {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok || mt == "application/json" && compactJSON(data) && stdjson.Valid(data) {
		return data, nil
	}
	// The parser reads a slice that has room after its end for a NUL it
	// writes there; a copy into a buffer of our own keeps it off the
	// caller's bytes, which may share an array with other files.
	if cap(b.in) <= len(data) {
		b.in = make([]byte, 0, len(data)+len(data)/4+1)
	}
	b.in = append(b.in[:0], data...)
	b.out.Reset()
	b.out.Grow(len(data))
	if err := mf.m.Minify(mt, &b.out, buffer.NewReader(b.in)); err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return b.out.Bytes(), nil
}

// compactJSON reports whether the minifier would give data back unchanged:
// JSON written on one line by encoding/json, with no white space outside
// its strings and only whole numbers that the minifier would not rewrite (it
// writes 1.50 as 1.5 and 1000 as 1e3). Such JSON need not be copied and parsed again.
// It does not check that data is valid JSON.
func compactJSON(data []byte) bool {
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			return false
		case c == '-' || '0' <= c && c <= '9':
			start := i
			if c == '-' {
				i++
			}
			digits := i
			for i < len(data) && '0' <= data[i] && data[i] <= '9' {
				i++
			}
			n := data[digits:i]
			if len(n) == 0 || n[0] == '0' && (len(n) > 1 || digits > start) || len(n) > 1 && n[len(n)-1] == '0' {
				return false // "-", "007", "-0", and 1000, which the minifier writes 1e3
			}
			if i < len(data) && (data[i] == '.' || data[i] == 'e' || data[i] == 'E') {
				return false
			}
			i--
		}
	}
	return true
}
