package site

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/gohugoio/hugo/related"

	"frise/timeline/content"
)

// maxRelated is how many related events an event page lists.
const maxRelated = 4

// window is how many events may share a keyword of the related-events
// index. A term (or a year) with more events than that does not make all of
// them alike: its events are cut, in the timeline's order, into runs of
// window events, and into runs shifted by half a window, and each event's
// keywords are the two runs it falls in. Events then share a term's keyword
// only with their nearest neighbours in that term, so the work of finding
// the related events of every event grows linearly with their number,
// while a small timeline, where no term reaches the window, keeps the plain
// keywords.
const window = 8

// relatedIndices weigh what two events share: actors most, then topics,
// places, and last the years they cover.
var relatedIndices = []struct {
	name   string
	weight int
}{{"actors", 100}, {"topics", 80}, {"places", 60}, {"years", 40}}

func relatedConfig() related.Config {
	cfg := related.Config{Threshold: 50, IncludeNewer: true}
	for _, ix := range relatedIndices {
		cfg.Add(related.IndexConfig{Name: ix.name, Type: related.TypeBasic, Weight: ix.weight})
	}
	return cfg
}

// relDoc is an event as the related-content index sees it. Its date and its
// keywords are worked out once: the index asks for the date at every
// comparison.
type relDoc struct {
	ev    *content.Event
	first time.Time
	keys  [4][]related.Keyword // by index, in the order of relatedIndices
}

func (d *relDoc) Name() string           { return d.ev.Slug }
func (d *relDoc) PublishDate() time.Time { return d.first }

// RelatedKeywords returns the event's keywords for one index.
func (d *relDoc) RelatedKeywords(cfg related.IndexConfig) ([]related.Keyword, error) {
	for i, ix := range relatedIndices {
		if ix.name == cfg.Name {
			return d.keys[i], nil
		}
	}
	return nil, nil
}

// rawKeys are an event's terms for each index, or the years it covers.
func rawKeys(e *content.Event) [4][]string {
	var ks [4][]string
	for i, ts := range [][]*content.Term{e.Actors, e.Topics, e.Places} {
		for _, t := range ts {
			ks[i] = append(ks[i], t.Slug)
		}
	}
	first, last := e.Date.First().Year(), e.Date.Last().Year()
	// A long span is near everything in it; three years of it are enough.
	for y := first; y <= last && y < first+3; y++ {
		ks[3] = append(ks[3], strconv.Itoa(y))
	}
	return ks
}

// relatedDocs makes the index's documents: each event with its keywords,
// cut into windows where a keyword has too many events (see window).
func relatedDocs(events []*content.Event) []*relDoc {
	type at struct {
		key string
		pos int // the event's place among the key's events
	}
	raw := make([][4][]at, len(events))
	var count [4]map[string]int
	for i := range count {
		count[i] = make(map[string]int)
	}
	for i, e := range events {
		ks := rawKeys(e)
		for ix, keys := range ks {
			for _, k := range keys {
				raw[i][ix] = append(raw[i][ix], at{k, count[ix][k]})
				count[ix][k]++
			}
		}
	}
	docs := make([]*relDoc, len(events))
	for i, e := range events {
		d := &relDoc{ev: e, first: e.Date.First()}
		for ix, keys := range raw[i] {
			for _, k := range keys {
				if count[ix][k.key] <= window {
					d.keys[ix] = append(d.keys[ix], related.StringKeyword(k.key))
					continue
				}
				d.keys[ix] = append(d.keys[ix],
					related.StringKeyword(k.key+"#"+strconv.Itoa(k.pos/window)),
					related.StringKeyword(k.key+"~"+strconv.Itoa((k.pos+window/2)/window)))
			}
		}
		docs[i] = d
	}
	return docs
}

// relatedEvents returns, for each event, the events most like it, best
// first. The index is built once; the searches, which only read it, run on
// every core.
func relatedEvents(events []*content.Event) (map[*content.Event][]*content.Event, error) {
	ctx := context.Background()
	idx := related.NewInvertedIndex(relatedConfig())
	rd := relatedDocs(events)
	docs := make([]related.Document, len(rd))
	for i, d := range rd {
		docs[i] = d
	}
	if err := idx.Add(ctx, docs...); err != nil {
		return nil, fmt.Errorf("related events: %w", err)
	}
	if err := idx.Finalize(ctx); err != nil {
		return nil, fmt.Errorf("related events: %w", err)
	}
	found := make([][]*content.Event, len(events))
	errs := make([]error, len(events))
	forEach(len(events), func() struct{} { return struct{}{} }, func(_ struct{}, i int) {
		res, err := idx.Search(ctx, related.SearchOpts{Document: docs[i]})
		if err != nil {
			errs[i] = fmt.Errorf("related events of %s: %w", events[i].Slug, err)
			return
		}
		res = res[:min(len(res), maxRelated)]
		evs := make([]*content.Event, len(res))
		for k, f := range res {
			evs[k] = f.(*relDoc).ev
		}
		found[i] = evs
	})
	out := make(map[*content.Event][]*content.Event, len(events))
	for i, e := range events {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if len(found[i]) > 0 {
			out[e] = found[i]
		}
	}
	return out, nil
}
