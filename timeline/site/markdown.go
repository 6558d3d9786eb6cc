package site

import (
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns the renderer for bodies and descriptions: CommonMark
// with tables, strikethrough and autolinks, raw HTML left out (goldmark
// writes "<!-- raw HTML omitted -->" instead), dangerous link schemes
// dropped.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))
}

// markdown renders src to HTML with French typography in its text. It is
// not minified with the templates (see preminify): a body's spaces and
// entities are as goldmark writes them whether a template prints it in a
// paragraph or in a pre, where the minifier would keep them, and
// minifying it would spare little.
func markdown(md goldmark.Markdown, src string) (template.HTML, error) {
	if src == "" {
		return "", nil
	}
	var buf bufWriter
	buf.Grow(len(src) + len(src)/4)
	if err := md.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	// goldmark escapes the text and drops raw HTML, so what it returns is
	// safe to put in a page as it is.
	return template.HTML(frenchHTML(buf.String())), nil
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
