package site

import (
	"context"
	"fmt"
	"time"

	"github.com/gohugoio/hugo/related"

	"frise/timeline/content"
)

// maxRelated is how many related events an event page lists.
const maxRelated = 4

// maxShared is about how many events may share a keyword that still counts.
const maxShared = 200

// relatedConfig weighs what two events share: actors most, then topics,
// places, and last the years they cover.
func relatedConfig(n int) related.Config {
	cfg := related.Config{Threshold: 50, IncludeNewer: true}
	// On a large timeline a keyword that many events share says little and
	// costs a scan of all of them for every event: leave out the keywords of
	// more than about maxShared events, so that finding the related events of
	// all of them stays linear in their number.
	card := 0
	if n > maxShared {
		card = max(1, 100*maxShared/n)
	}
	for _, ix := range []struct {
		name   string
		weight int
	}{{"actors", 100}, {"topics", 80}, {"places", 60}, {"years", 40}} {
		cfg.Add(related.IndexConfig{Name: ix.name, Type: related.TypeBasic, Weight: ix.weight, CardinalityThreshold: card})
	}
	return cfg
}

// relDoc is an event as the related-content index sees it.
// Its date is worked out once: the index asks for it at every comparison.
type relDoc struct {
	ev    *content.Event
	first time.Time
}

func (d *relDoc) Name() string           { return d.ev.Slug }
func (d *relDoc) PublishDate() time.Time { return d.first }

// RelatedKeywords returns the event's terms for one index, or the years it covers.
func (d *relDoc) RelatedKeywords(cfg related.IndexConfig) ([]related.Keyword, error) {
	var ks []related.Keyword
	terms := func(ts []*content.Term) {
		for _, t := range ts {
			ks = append(ks, related.StringKeyword(t.Slug))
		}
	}
	switch cfg.Name {
	case "actors":
		terms(d.ev.Actors)
	case "topics":
		terms(d.ev.Topics)
	case "places":
		terms(d.ev.Places)
	case "years":
		first, last := d.ev.Date.First().Year(), d.ev.Date.Last().Year()
		// A long span is near everything in it; three years of it are enough.
		for y := first; y <= last && y < first+3; y++ {
			ks = append(ks, related.StringKeyword(fmt.Sprint(y)))
		}
	}
	return ks, nil
}

// relatedEvents returns, for each event, the events most like it, best first.
func relatedEvents(events []*content.Event) (map[*content.Event][]*content.Event, error) {
	ctx := context.Background()
	idx := related.NewInvertedIndex(relatedConfig(len(events)))
	docs := make([]related.Document, len(events))
	for i, e := range events {
		docs[i] = &relDoc{ev: e, first: e.Date.First()}
	}
	if err := idx.Add(ctx, docs...); err != nil {
		return nil, fmt.Errorf("related events: %w", err)
	}
	if err := idx.Finalize(ctx); err != nil {
		return nil, fmt.Errorf("related events: %w", err)
	}
	out := make(map[*content.Event][]*content.Event, len(events))
	for i, e := range events {
		found, err := idx.Search(ctx, related.SearchOpts{Document: docs[i]})
		if err != nil {
			return nil, fmt.Errorf("related events of %s: %w", e.Slug, err)
		}
		for _, f := range found {
			if len(out[e]) == maxRelated {
				break
			}
			out[e] = append(out[e], f.(*relDoc).ev)
		}
	}
	return out, nil
}
