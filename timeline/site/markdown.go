package site

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// newMarkdown returns the renderer for bodies and descriptions: CommonMark
// with tables, strikethrough and autolinks, raw HTML left out (goldmark
// writes "<!-- raw HTML omitted -->" instead), dangerous link schemes
// dropped.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))
}

// markdown renders src to HTML with French typography in its text.
func markdown(md goldmark.Markdown, src string) (template.HTML, error) {
	if src == "" {
		return "", nil
	}
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	// goldmark escapes the text and drops raw HTML, so what it returns is
	// safe to put in a page as it is.
	return template.HTML(frenchHTML(buf.String())), nil
}
