package site

import (
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdowns renders bodies and descriptions: CommonMark with tables,
// strikethrough and autolinks, raw HTML left out (goldmark writes "<!-- raw
// HTML omitted -->" instead), dangerous link schemes dropped. Looking for
// bare addresses to link (Linkify) at every space takes a third of the
// time a body takes to render, and few bodies have any: a text is rendered
// without it first, and again with it only when the text might have one
// (see mayLink).
type markdowns struct{ plain, linked goldmark.Markdown }

// newMarkdown returns the renderers of bodies. quickMarkdown writes what
// plain writes for most bodies, without it: an extension or an option
// added to plain must be taken into account there too, or the text it
// changes left to goldmark (FuzzQuickMarkdown compares the two).
func newMarkdown() *markdowns {
	return &markdowns{
		plain: goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough),
			goldmark.WithParserOptions(parser.WithInlineParsers(util.Prioritized(noLinks{}, 999)))),
		linked: goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify)),
	}
}

// noLinks stands in for Linkify's inline parser where it finds nothing:
// called on the same characters, with the same priority, it returns
// nothing, as Linkify does when it finds nothing, leaving the text read
// as it was. Without it, the text would be cut at other places, and the
// spaces that end a line dropped otherwise ("a\t \nb" loses its tab).
type noLinks struct{}

func (noLinks) Trigger() []byte { return []byte{' ', '*', '_', '~', '('} }

func (noLinks) Parse(ast.Node, text.Reader, parser.Context) ast.Node { return nil }

// markdown renders src to HTML with French typography in its text. It is
// not minified with the templates (see preminify): a body's spaces and
// entities are as goldmark writes them whether a template prints it in a
// paragraph or in a pre, where the minifier would keep them, and
// minifying it would spare little.
func markdown(md *markdowns, src string) (template.HTML, error) {
	if src == "" {
		return "", nil
	}
	var buf bufWriter
	buf.Grow(len(src) + len(src)/4)
	if !quickMarkdown(&buf, src) {
		buf.Reset()
		buf.Grow(len(src) + len(src)/4)
		if err := md.plain.Convert([]byte(src), &buf); err != nil {
			return "", err
		}
	}
	if mayLink(buf.String()) {
		buf.Reset()
		if err := md.linked.Convert([]byte(src), &buf); err != nil {
			return "", err
		}
	}
	// goldmark escapes the text and drops raw HTML, so what it returns is
	// safe to put in a page as it is.
	return template.HTML(frenchHTML(buf.String())), nil
}

// mayLink reports whether Linkify might have linked something in the
// text h renders, rendered without it. Linkify links a run of text that
// starts with http://, https://, ftp:// or www., or holds an @: such a
// run is text in the page without Linkify too, not markup, since none of
// ":/.@w" starts or ends any. So when no text between h's tags holds
// "://", "www." or "@", Linkify would have found nothing, and h is what
// it would have rendered. A text in a link's label or an image's, which
// Linkify passes over, may make it answer true for nothing.
func mayLink(h string) bool {
	if !strings.Contains(h, "://") && !strings.Contains(h, "www.") && strings.IndexByte(h, '@') < 0 {
		return false
	}
	for {
		text, rest, tag := strings.Cut(h, "<")
		if strings.Contains(text, "://") || strings.Contains(text, "www.") || strings.IndexByte(text, '@') >= 0 {
			return true
		}
		if !tag {
			return false
		}
		_, h, tag = strings.Cut(rest, ">")
		if !tag {
			return true // not HTML as goldmark writes it
		}
	}
}

// bufWriter is a strings.Builder goldmark writes into directly: without
// the methods it adds, goldmark would put a 4 KB bufio.Writer of its own in
// front of it for every body it renders. A builder, unlike a bytes.Buffer,
// hands over what it holds without a copy.
type bufWriter struct{ strings.Builder }

var _ util.BufWriter = (*bufWriter)(nil)

// Available is the room left before the builder grows.
func (w *bufWriter) Available() int { return w.Cap() - w.Len() }

// Buffered says that nothing waits to be written: all of it is in the builder.
func (*bufWriter) Buffered() int { return 0 }

// Flush has nothing to do.
func (*bufWriter) Flush() error { return nil }
