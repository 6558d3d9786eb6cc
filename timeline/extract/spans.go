package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"frise/timeline/article"
	"frise/timeline/content"
	"frise/timeline/edtf"
)

// source is an article read for extraction.
type source struct {
	ID, File string // id: the file name without extension; File: the file name
	Art      article.Article
	Ref      edtf.Value // the date relative expressions are read against
	Sents    []article.Sentence
	Folded   []string      // content.Fold of each sentence
	Dates    [][]dateMatch // the dates of each sentence, offsets within the sentence
}

// readSources reads every .txt and .md file of dir, sorted by name.
func readSources(dir string) ([]*source, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []*source
	for _, e := range ents {
		n := e.Name()
		ext := filepath.Ext(n)
		if e.IsDir() || (ext != ".txt" && ext != ".md") || strings.HasPrefix(n, ".") {
			continue
		}
		id := strings.TrimSuffix(n, ext)
		if !content.ValidSourceID(id) {
			// The build refuses it, so events citing it could never be published.
			return nil, fmt.Errorf("%s: file name %q is not a source id: rename it %s%s (letters, digits, _ and - only)",
				filepath.Join(dir, n), id, content.SourceID(id), ext)
		}
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		out = append(out, newSource(id, n, string(b)))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, nil
}

// newSource cleans a raw text and finds its sentences and dates.
func newSource(id, file, raw string) *source {
	s := &source{ID: id, File: file}
	if strings.HasSuffix(file, ".md") {
		s.Art = markdownArticle(raw)
	} else {
		s.Art = article.Parse(raw)
	}
	s.Ref = s.Art.Published
	s.Sents = article.Sentences(s.Art.Body)
	all := findDates(s.Art.Body, s.Ref)
	s.Folded = make([]string, len(s.Sents))
	s.Dates = make([][]dateMatch, len(s.Sents))
	k := 0
	for i, st := range s.Sents {
		s.Folded[i] = fold(st.Text)
		for k < len(all) && all[k].Start < st.Start {
			k++
		}
		for j := k; j < len(all) && all[j].End <= st.End; j++ {
			m := all[j]
			m.Start -= st.Start
			m.End -= st.Start
			s.Dates[i] = append(s.Dates[i], m)
		}
	}
	return s
}

// markdownArticle reads a Markdown source: front matter, then the text.
func markdownArticle(raw string) article.Article {
	var a article.Article
	body := raw
	if strings.HasPrefix(raw, "---") {
		rest := raw[3:]
		if i := strings.Index(rest, "\n---"); i >= 0 {
			fm := rest[:i]
			body = strings.TrimLeft(rest[i+4:], "\r\n")
			for _, line := range strings.Split(fm, "\n") {
				k, v, ok := strings.Cut(line, ":")
				if !ok {
					continue
				}
				v = strings.Trim(strings.TrimSpace(v), `"'`)
				switch strings.TrimSpace(k) {
				case "title":
					a.Title = v
				case "published":
					if d, err := edtf.Parse(v); err == nil {
						a.Published, a.PublishedHow = d, "front matter"
					}
				}
			}
		}
	}
	a.Body = strings.TrimSpace(body)
	a.BodyStart = strings.Index(raw, a.Body)
	return a
}
