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

// String writes k as Hugo's index would have it: "slug", "2015",
// "slug#3", "slug~4".
func (k relKey) String() string {
	name := k.term
	if name == "" {
		name = strconv.Itoa(k.year)
	}
	switch {
	case k.run > 0:
		return name + "#" + strconv.Itoa(k.run-1)
	case k.run < 0:
		return name + "~" + strconv.Itoa(-k.run-1)
	}
	return name
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
// Hugo's related-content index does, on generated timelines of every
// size class (terms below and above the window) and on small random ones
// full of ties: shared keywords, same dates, repeated terms.
func TestRelatedLikeHugo(t *testing.T) {
	sites := map[string][]*content.Event{}
	for _, n := range []int{30, 400, 3000} {
		s, err := content.Load(synth.FS(n, 7))
		if err != nil {
			t.Fatal(err)
		}
		sites[fmt.Sprintf("synth %d", n)] = s.Events
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for k := range 40 {
		sites[fmt.Sprintf("random %d", k)] = randomEvents(rng, 1+rng.IntN(60))
	}
	for name, events := range sites {
		got := relatedEvents(events)
		want := hugoRelated(t, events)
		for _, e := range events {
			if !slices.Equal(got[e], want[e]) {
				t.Errorf("%s: related events of %s:\n got  %s\n want %s", name, e.Slug, slugsOf(got[e]), slugsOf(want[e]))
			}
		}
	}
}

// randomEvents makes n events drawing on few terms and few dates, so that
// weights and dates tie often.
func randomEvents(rng *rand.Rand, n int) []*content.Event {
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
			out = append(out, ts[rng.IntN(len(ts))]) // repeats too
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
