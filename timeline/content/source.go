package content

import "frise/timeline/article"

// readArticle fills a raw source's title, text and publication date from
// the scraped page: the article found among its navigation noise.
func readArticle(src *Source) {
	a := article.Parse(src.Raw)
	src.Title, src.Text, src.Publisher = a.Title, a.Body, a.Publisher
	if !a.Published.IsZero() {
		src.Published, src.PublishedHow = a.Published, a.PublishedHow
	}
	if src.Title == "" {
		src.Title = src.ID
	}
}
