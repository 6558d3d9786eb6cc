package site

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/gohugoio/hugo/related"

	"frise/timeline/content"
	"frise/timeline/edtf"
	"frise/timeline/synth"
)

// hugoDoc is an event as Hugo's related-content index sees it.
type hugoDoc struct{ *relDoc }

func (d hugoDoc) Name() string           { return d.ev.Slug }
func (d hugoDoc) PublishDate() time.Time { return d.first }

func (d hugoDoc) RelatedKeywords(cfg related.IndexConfig) ([]related.Keyword, error) {
	for i, ix := range relatedIndices {
		if ix.name == cfg.Name {
			var names []string
			for _, k := range d.keys[i] {
				names = append(names, k.String())
			}
			return cfg.StringsToKeywords(names...), nil
		}
	}
	return nil, nil
}

// String writes k as Hugo's index would have it: "slug", "2015".
func (k relKey) String() string {
	if k.term != "" {
		return k.term
	}
	return strconv.Itoa(k.year)
}

// hugoRelated ranks the related events of every event with Hugo's
// related.InvertedIndex, configured as Frise's search ranks them.
func hugoRelated(t testing.TB, events []*content.Event) map[*content.Event][]*content.Event {
	ctx := context.Background()
	cfg := related.Config{Threshold: relatedThreshold, IncludeNewer: true}
	for _, ix := range relatedIndices {
		cfg.Add(related.IndexConfig{Name: ix.name, Type: related.TypeBasic, Weight: ix.weight})
	}
	idx := related.NewInvertedIndex(cfg)
	var docs []related.Document
	for _, d := range relatedDocs(events) {
		docs = append(docs, hugoDoc{d})
	}
	if err := idx.Add(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	if err := idx.Finalize(ctx); err != nil {
		t.Fatal(err)
	}
	out := map[*content.Event][]*content.Event{}
	for _, d := range docs {
		res, err := idx.Search(ctx, related.SearchOpts{Document: d})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res[:min(len(res), maxRelated)] {
			out[d.(hugoDoc).ev] = append(out[d.(hugoDoc).ev], r.(hugoDoc).ev)
		}
	}
	return out
}

// TestRelatedLikeHugo checks that relatedEvents ranks related events as
// Hugo's related-content index does, on a generated timeline whose terms
// all stay below the window, and on small random ones full of ties: shared
// keywords, same dates, repeated terms.
func TestRelatedLikeHugo(t *testing.T) {
	sites := map[string][]*content.Event{}
	s, err := content.Load(synth.FS(30, 7))
	if err != nil {
		t.Fatal(err)
	}
	sites["synth 30"] = s.Events
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 60; {
		// A term named twice by an event counts twice.
		if events := randomEvents(rng, 1+rng.IntN(window), true); largest(events) <= window {
			sites[fmt.Sprintf("random %d", k)] = events
			k++
		}
	}
	for name, events := range sites {
		if n := largest(events); n > window {
			t.Fatalf("%s: a keyword is had %d times, more than the window", name, n)
		}
		got := relatedEvents(events)
		want := hugoRelated(t, events)
		for _, e := range events {
			if !slices.Equal(got[e], want[e]) {
				t.Errorf("%s: related events of %s:\n got  %s\n want %s", name, e.Slug, slugsOf(got[e]), slugsOf(want[e]))
			}
		}
	}
}

// TestRelatedNeighbours checks relatedEvents against a search of every
// pair of events, on generated and random timelines whose terms and years
// go far beyond the window: an event shares such a keyword only with its
// nearest neighbours in it.
func TestRelatedNeighbours(t *testing.T) {
	sites := map[string][]*content.Event{}
	for _, n := range []int{400, 1500} {
		s, err := content.Load(synth.FS(n, 7))
		if err != nil {
			t.Fatal(err)
		}
		sites[fmt.Sprintf("synth %d", n)] = s.Events
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for k := range 40 {
		sites[fmt.Sprintf("random %d", k)] = randomEvents(rng, 1+rng.IntN(80), false)
	}
	for name, events := range sites {
		got := relatedEvents(events)
		want := pairwiseRelated(events)
		for _, e := range events {
			if !slices.Equal(got[e], want[e]) {
				t.Errorf("%s: related events of %s:\n got  %s\n want %s", name, e.Slug, slugsOf(got[e]), slugsOf(want[e]))
			}
		}
	}
	if n := largest(sites["synth 400"]); n <= window {
		t.Errorf("no keyword of synth 400 goes beyond the window: %d events at most", n)
	}
}

// pairwiseRelated ranks the related events of every event by weighing it
// against every other, as relatedEvents means to: two events share a
// keyword they both have when at most window events have it, or when at
// most window/2 events having it come between them.
func pairwiseRelated(events []*content.Event) map[*content.Event][]*content.Event {
	docs := relatedDocs(events)
	var having [nIndices]map[relKey][]int
	for ix := range having {
		having[ix] = map[relKey][]int{}
		for i, d := range docs {
			for _, k := range d.keys[ix] {
				having[ix][k] = append(having[ix][k], i)
			}
		}
	}
	out := map[*content.Event][]*content.Event{}
	for i, d := range docs {
		type match struct{ j, weight int }
		var matches []match
		for j, o := range docs {
			w, m := 0, 0
			for ix := range nIndices {
				for _, k := range d.keys[ix] {
					list := having[ix][k]
					far := slices.Index(list, i) - slices.Index(list, j)
					if slices.Contains(o.keys[ix], k) && (len(list) <= window || max(far, -far) <= window/2) {
						w += relatedIndices[ix].weight
						m++
					}
				}
			}
			if j != i && m > 0 && normWeight(w/m) >= relatedThreshold/m {
				matches = append(matches, match{j, w})
			}
		}
		slices.SortFunc(matches, func(a, b match) int {
			if ranksBefore(docs[a.j], a.weight, docs[b.j], b.weight) {
				return -1
			}
			return 1
		})
		for _, m := range matches[:min(len(matches), maxRelated)] {
			out[d.ev] = append(out[d.ev], docs[m.j].ev)
		}
	}
	return out
}

// largest returns how many times the keyword had most is had.
func largest(events []*content.Event) int {
	most := 0
	for ix := range nIndices {
		count := map[relKey]int{}
		for _, d := range relatedDocs(events) {
			for _, k := range d.keys[ix] {
				count[k]++
				most = max(most, count[k])
			}
		}
	}
	return most
}

// randomEvents makes n events drawing on few terms and few dates, so that
// weights and dates tie often; an event may name a term twice when repeats
// is set, as content.Load never gives.
func randomEvents(rng *rand.Rand, n int, repeats bool) []*content.Event {
	terms := func(kind string, k int) []*content.Term {
		ts := make([]*content.Term, k)
		for i := range ts {
			ts[i] = &content.Term{Kind: kind, Slug: fmt.Sprintf("%s-%d", kind, i)}
		}
		return ts
	}
	actors, places, topics := terms("actors", 4), terms("places", 3), terms("topics", 5)
	pick := func(ts []*content.Term) []*content.Term {
		var out []*content.Term
		for range rng.IntN(4) {
			if t := ts[rng.IntN(len(ts))]; repeats || !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
		return out
	}
	events := make([]*content.Event, n)
	for i := range events {
		y := 2000 + rng.IntN(4)
		d := edtf.Single(edtf.Year(y))
		switch rng.IntN(3) {
		case 1:
			d = edtf.Single(edtf.Month(y, 1+rng.IntN(2)))
		case 2:
			d = edtf.Between(edtf.Year(y), edtf.Year(y+rng.IntN(5)))
		}
		events[i] = &content.Event{Slug: fmt.Sprintf("e%02d", rng.IntN(1000)*100+i), Date: d,
			Actors: pick(actors), Places: pick(places), Topics: pick(topics)}
	}
	return events
}

func slugsOf(events []*content.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.Slug)
	}
	return out
}
