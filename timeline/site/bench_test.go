package site

import (
	"fmt"
	"testing"

	"frise/timeline/content"
	"frise/timeline/edtf"
	"frise/timeline/synth"
)

// bigSite generates a timeline of n events over 30 years, with 200 actors,
// 50 places, 40 topics and 100 sources, each event naming a few of them.
func bigSite(n int) *content.Site {
	s := &content.Site{Title: "Grande frise", Language: "fr", Intro: "Une **grande** chronologie."}
	mk := func(kind, prefix string, k int) []*content.Term {
		ts := make([]*content.Term, k)
		for i := range ts {
			ts[i] = &content.Term{Kind: kind, Slug: fmt.Sprintf("%s-%03d", prefix, i), Title: fmt.Sprintf("%s numéro %d", prefix, i)}
		}
		return ts
	}
	s.Actors, s.Places, s.Topics = mk("actors", "acteur", 200), mk("places", "lieu", 50), mk("topics", "theme", 40)
	for i := range 100 {
		text := fmt.Sprintf("Article %d. ", i)
		for j := range 40 {
			text += fmt.Sprintf("Le passage %d de l'article %d rapporte un fait daté.\n", j, i)
		}
		s.Sources = append(s.Sources, &content.Source{ID: fmt.Sprintf("%03d_source", i), Title: fmt.Sprintf("Article %d", i), Text: text})
	}
	for i := range n {
		y, m := 1995+i*30/n, 1+i%12
		var d edtf.Value
		switch i % 4 {
		case 0:
			d = edtf.Single(edtf.Month(y, m))
		case 1:
			d = edtf.Single(edtf.Day(y, m, 1+i%28))
		case 2:
			d = edtf.Between(edtf.Year(y), edtf.Year(y+1))
		default:
			d = edtf.Single(edtf.Year(y).With(edtf.Approximate))
		}
		src := s.Sources[i%100]
		e := &content.Event{Slug: fmt.Sprintf("%d-evenement-%05d", y, i), Title: fmt.Sprintf("Événement numéro %d : un fait", i),
			Date: d, Summary: "Un résumé d'une ligne, comme les éditeurs les écrivent, avec quelques mots de plus.",
			Actors: []*content.Term{s.Actors[i%200], s.Actors[(i*7)%200]}, Places: []*content.Term{s.Places[i%50]},
			Topics:  []*content.Term{s.Topics[i%40], s.Topics[(i*3)%40]},
			Sources: []content.Citation{{Source: src, Quote: fmt.Sprintf("Le passage %d de l'article %d", i%40, i%100)}}}
		s.Events = append(s.Events, e)
		for _, t := range append(append(append([]*content.Term{}, e.Actors...), e.Places...), e.Topics...) {
			t.Events = append(t.Events, e)
		}
		src.Citations = append(src.Citations, e)
	}
	return s
}

func BenchmarkRender(b *testing.B) {
	for _, n := range []int{100, 2000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			cfg := testConfig("https://frise.example.org/")
			var home int
			for b.Loop() {
				s := bigSite(n)
				out, err := Render(s, cfg)
				if err != nil {
					b.Fatal(err)
				}
				home = len(out["index.html"])
			}
			b.ReportMetric(float64(home)/float64(n), "home-bytes/event")
		})
	}
}

// BenchmarkPages renders each kind of page of a generated 1,000-event
// timeline (package synth) on one goroutine, without Markdown bodies, and
// reports the time per page: what the templates cost.
//
//	go test ./timeline/site -run '^$' -bench Pages -benchtime 5x
func BenchmarkPages(b *testing.B) {
	s, err := content.Load(synth.FS(1000, 1))
	if err != nil {
		b.Fatal(err)
	}
	r := &renderer{site: s, cfg: testConfig("https://frise.example.org/"), md: newMarkdown(), cache: newPartCache(),
		readings: &readings{}, emit: func(string, []byte) error { return nil }}
	if err := r.parseTemplates(); err != nil {
		b.Fatal(err)
	}
	if err := r.build(); err != nil {
		b.Fatal(err)
	}
	byKind := map[string][]job{}
	for _, j := range r.jobs() {
		byKind[j.p.Kind] = append(byKind[j.p.Kind], j)
	}
	for _, kind := range []string{"event", "term", "year", "source", "home"} {
		b.Run(kind, func(b *testing.B) {
			jobs := byKind[kind]
			buf := newBuffer()
			b.ReportAllocs()
			for b.Loop() {
				for _, j := range jobs {
					if _, err := r.execute(buf, j.tmpl, j.p); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(jobs)), "ns/page")
		})
	}
}

// BenchmarkParseTemplates reads the project's templates as a renderer
// does, minifying their text (see preminify) or not.
//
//	go test ./timeline/site -run '^$' -bench ParseTemplates
func BenchmarkParseTemplates(b *testing.B) {
	for _, minify := range []bool{false, true} {
		b.Run(map[bool]string{false: "as written", true: "minified"}[minify], func(b *testing.B) {
			cfg := testConfig("")
			cfg.Minify = minify
			b.ReportAllocs()
			for b.Loop() {
				r := &renderer{cfg: cfg, cache: newPartCache(), readings: &readings{}}
				if err := r.parseTemplates(); err != nil {
					b.Fatal(err)
				}
				if minify && r.minify != minifyTemplates {
					b.Fatalf("the templates are minified %v", r.minify)
				}
			}
		})
	}
}
