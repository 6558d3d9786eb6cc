package export

import (
	"fmt"
	"testing"

	"frise/timeline/content"
	"frise/timeline/edtf"
)

// bigSite generates a site of n events over 2000–2025, with the mix of
// precisions, actors, places, topics and sources a real one has.
func bigSite(n int) *content.Site {
	s := &content.Site{Title: "Frise", Description: "Une chronologie générée.", Language: "fr"}
	for i := range 200 {
		s.Actors = append(s.Actors, &content.Term{Kind: "actors", Slug: fmt.Sprintf("acteur-%03d", i), Title: fmt.Sprintf("Acteur n° %d", i)})
		s.Places = append(s.Places, &content.Term{Kind: "places", Slug: fmt.Sprintf("lieu-%03d", i), Title: fmt.Sprintf("Lieu n° %d", i)})
	}
	for i := range 30 {
		s.Topics = append(s.Topics, &content.Term{Kind: "topics", Slug: fmt.Sprintf("sujet-%02d", i), Title: fmt.Sprintf("sujet %d", i)})
	}
	for i := range n / 5 {
		s.Sources = append(s.Sources, &content.Source{ID: fmt.Sprintf("%05d_source", i), Title: fmt.Sprintf("Article n° %d, sur la coopération migratoire", i),
			URL: fmt.Sprintf("https://example.org/articles/%d", i), Published: edtf.Single(edtf.Month(2000+i%26, 1+i%12))})
	}
	for i := range n {
		y, m, d := 2000+i*26/n, 1+i%12, 1+i%28
		var v edtf.Value
		switch i % 5 {
		case 0:
			v = edtf.Single(edtf.Day(y, m, d))
		case 1:
			v = edtf.Single(edtf.Month(y, m))
		case 2:
			v = edtf.Single(edtf.Year(y).With(edtf.Approximate))
		case 3:
			v = edtf.Between(edtf.Month(y, m), edtf.Month(y+1, m))
		case 4:
			v = edtf.Single(edtf.Month(y, edtf.Spring+i%4))
		}
		src := s.Sources[i%len(s.Sources)]
		s.Events = append(s.Events, &content.Event{
			Slug:    fmt.Sprintf("%d-evenement-%05d", y, i),
			Title:   fmt.Sprintf("Réunion n° %d des ministres de l’Intérieur, à Rabat", i),
			Date:    v,
			Summary: "Les ministres s’accordent sur les réadmissions, les visas et la lutte contre les réseaux de passeurs ; un communiqué commun suit.",
			Actors:  []*content.Term{s.Actors[i%200], s.Actors[(i*7)%200]},
			Places:  []*content.Term{s.Places[i%200]},
			Topics:  []*content.Term{s.Topics[i%30], s.Topics[(i+3)%30]},
			Sources: []content.Citation{{Source: src, Quote: "les ministres de l’Intérieur se sont rencontrés à Rabat pour relancer la coopération"}},
			Status:  "extracted",
		})
	}
	return s
}

func BenchmarkFiles(b *testing.B) {
	s := bigSite(10000)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		fs, err := Files(s, Config{BaseURL: testBase})
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, f := range fs {
			size += len(f)
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB/op")
}
