package content

import "strings"

// readArticle fills a raw source's title and text from the file as it is.
func readArticle(src *Source) {
	src.Text = strings.TrimSpace(src.Raw)
	src.Title = firstLine(src.Text)
}
