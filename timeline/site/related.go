package site

import (
	"math"
	"time"

	"frise/timeline/content"
	"frise/timeline/internal/parallel"
)

// maxRelated is how many related events an event page lists.
const maxRelated = 4

// window is how many events may share a keyword of the related-events
// index. A term (or a year) with more events than that does not make all of
// them alike: each of its events shares it only with the window events
// nearest to it in the term, in the timeline's order, half before and half
// after (fewer at either end). The work of finding the related events of
// every event then grows linearly with their number, while a small
// timeline, where no term reaches the window, shares keywords whole. An
// event added, moved or taken out changes only its neighbours' neighbours
// in each of its terms, not every event after it.
const window = 8

// nIndices is how many kinds of keyword events share.
const nIndices = 4

// relatedIndices weigh what two events share: actors most, then topics,
// places, and last the years they cover.
var relatedIndices = [nIndices]struct {
	name   string
	weight int
}{{"actors", 100}, {"topics", 80}, {"places", 60}, {"years", 40}}

// relDoc is an event as the related-events search sees it: its first day
// and its keywords, worked out once.
type relDoc struct {
	ev    *content.Event
	first time.Time
	keys  [nIndices][]relKey // by index, in the order of relatedIndices
}

// relKey is a keyword events share: a term (by slug) or a year.
type relKey struct {
	term string // the term's slug; "" for a year
	year int
}

// appendKeys appends an event's terms for each index, or the years it
// covers, and notes in ends where each index's keywords end.
func appendKeys(keys []relKey, ends *[nIndices]int, e *content.Event) []relKey {
	for i, ts := range [][]*content.Term{e.Actors, e.Topics, e.Places} {
		for _, t := range ts {
			keys = append(keys, relKey{term: t.Slug})
		}
		ends[i] = len(keys)
	}
	first, last := e.Date.First().Year(), e.Date.Last().Year()
	// A long span is near everything in it; three years of it are enough.
	for y := first; y <= last && y < first+3; y++ {
		keys = append(keys, relKey{year: y})
	}
	ends[3] = len(keys)
	return keys
}

// relatedDocs makes the index's documents: each event with its keywords,
// all cut out of one array.
func relatedDocs(events []*content.Event) []*relDoc {
	keys := make([]relKey, 0, 8*len(events))
	ends := make([][nIndices]int, len(events))
	for i, e := range events {
		keys = appendKeys(keys, &ends[i], e)
	}
	store := make([]relDoc, len(events))
	docs := make([]*relDoc, len(events))
	from := 0
	for i, e := range events {
		d := &store[i]
		d.ev, d.first = e, e.Date.First()
		for ix := range nIndices {
			d.keys[ix] = keys[from:ends[i][ix]:ends[i][ix]]
			from = ends[i][ix]
		}
		docs[i] = d
	}
	return docs
}

// relatedEvents returns, for each event, the events most like it, best
// first, as Hugo's related-content index ranks them (see relScratch.rank),
// among the events that share a keyword with it (see window); the
// searches, which only read the index, run on every core.
func relatedEvents(events []*content.Event) map[*content.Event][]*content.Event {
	docs := relatedDocs(events)
	// Each keyword of each index gets a number; postings lists, by that
	// number, the events that have the keyword, in the timeline's order;
	// ids each event's keywords, and at where the event is in their
	// postings. All are cut out of one array each: the keywords are
	// numbered and counted first, then the lists filled.
	n := 0
	for _, d := range docs {
		for _, keys := range d.keys {
			n += len(keys)
		}
	}
	allIDs := make([]int32, 0, n)
	allAt := make([]int32, 0, n)
	ids := make([][nIndices][]int32, len(docs))
	at := make([][nIndices][]int32, len(docs))
	var size []int32 // how many events have each keyword
	for ix := range nIndices {
		number := make(map[relKey]int32)
		for i, d := range docs {
			from := len(allIDs)
			for _, k := range d.keys[ix] {
				id, ok := number[k]
				if !ok {
					id = int32(len(size))
					number[k] = id
					size = append(size, 0)
				}
				allAt = append(allAt, size[id])
				size[id]++
				allIDs = append(allIDs, id)
			}
			ids[i][ix] = allIDs[from:len(allIDs):len(allIDs)]
			at[i][ix] = allAt[from:len(allAt):len(allAt)]
		}
	}
	flat := make([]int32, n)
	postings := make([][]int32, len(size))
	next := 0
	for id, m := range size {
		postings[id] = flat[next : next : next+int(m)]
		next += int(m)
	}
	for ix := range nIndices {
		for i := range docs {
			for _, id := range ids[i][ix] {
				postings[id] = append(postings[id], int32(i))
			}
		}
	}
	found := make([][]*content.Event, len(events))
	newScratch := func() *relScratch {
		return &relScratch{weight: make([]int32, len(docs)), matches: make([]int32, len(docs))}
	}
	parallel.Each(len(docs), newScratch, func(sc *relScratch, i int) {
		best := sc.rank(docs, postings, &ids[i], &at[i], i)
		if len(best) == 0 {
			return
		}
		evs := make([]*content.Event, len(best))
		for k, j := range best {
			evs[k] = docs[j].ev
		}
		found[i] = evs
	})
	out := make(map[*content.Event][]*content.Event, len(events))
	for i, e := range events {
		if len(found[i]) > 0 {
			out[e] = found[i]
		}
	}
	return out
}

// sharing returns the events of a keyword's postings that share it with
// the event at position at in them: all of them, or, beyond window, the
// nearest window of them and the event itself.
func sharing(postings []int32, at int32) []int32 {
	if len(postings) <= window {
		return postings
	}
	lo, hi := max(0, int(at)-window/2), min(len(postings), int(at)+window/2+1)
	return postings[lo:hi]
}

// relScratch is a worker's tally of what each event shares with the one
// whose related events it looks for; touched lists the events with a
// score, so that clearing it costs what the search found.
type relScratch struct {
	weight, matches []int32
	touched         []int32
	best            [maxRelated]int32
	bestWeight      [maxRelated]int
}

// relatedThreshold is the lowest normalized weight an event related by one
// keyword must reach; an event sharing m keywords needs a m-th of it.
const relatedThreshold = 50

// rank returns the positions of the maxRelated events most like event i,
// best first, ranked as Hugo's related.InvertedIndex ranks a document's
// matches: each keyword shared (see sharing) adds its index's weight and
// counts one match; an event is kept when its average weight per match,
// on a scale of 0 to 100 between the lowest and highest weights, reaches
// the threshold divided by its number of matches; the heaviest come first,
// then the latest, then by slug. TestRelatedLikeHugo checks the two agree
// where no keyword reaches the window, TestRelatedNeighbours beyond.
func (sc *relScratch) rank(docs []*relDoc, postings [][]int32, ids, at *[nIndices][]int32, i int) []int32 {
	for ix, keys := range ids {
		w := int32(relatedIndices[ix].weight)
		for n, k := range keys {
			for _, j := range sharing(postings[k], at[ix][n]) {
				if j == int32(i) {
					continue
				}
				if sc.matches[j] == 0 {
					sc.touched = append(sc.touched, j)
				}
				sc.weight[j] += w
				sc.matches[j]++
			}
		}
	}
	n := 0
	for _, j := range sc.touched {
		w, m := int(sc.weight[j]), int(sc.matches[j])
		sc.weight[j], sc.matches[j] = 0, 0
		if normWeights[w/m-lowWeight] < relatedThreshold/m {
			continue
		}
		// Insert j among the best so far, which stay in order.
		at := n
		for at > 0 && ranksBefore(docs[j], w, docs[sc.best[at-1]], sc.bestWeight[at-1]) {
			at--
		}
		if at == maxRelated {
			continue
		}
		n = min(n+1, maxRelated)
		copy(sc.best[at+1:n], sc.best[at:n-1])
		copy(sc.bestWeight[at+1:n], sc.bestWeight[at:n-1])
		sc.best[at], sc.bestWeight[at] = j, w
	}
	sc.touched = sc.touched[:0]
	return sc.best[:n]
}

// ranksBefore tells whether a, of weight wa, ranks before b, of weight wb.
func ranksBefore(a *relDoc, wa int, b *relDoc, wb int) bool {
	if wa != wb {
		return wa > wb
	}
	if !a.first.Equal(b.first) {
		return a.first.After(b.first)
	}
	return a.ev.Slug < b.ev.Slug
}

// normWeight puts a weight on a scale of 0 to 100 between the lowest
// weight of the indices (or 0) and the highest, rounded to the nearest.
func normWeight(w int) int {
	return int(math.Floor(float64(w-lowWeight)/float64(highWeight-lowWeight)*100 + 0.5))
}

// lowWeight and highWeight are the lowest weight of the indices (or 0) and
// the highest.
var lowWeight, highWeight = func() (lo, hi int) {
	for _, ix := range relatedIndices {
		lo, hi = min(lo, ix.weight), max(hi, ix.weight)
	}
	return lo, hi
}()

// normWeights are normWeight's values for every average weight, from
// lowWeight up.
var normWeights = func() []int {
	t := make([]int, highWeight-lowWeight+1)
	for i := range t {
		t[i] = normWeight(lowWeight + i)
	}
	return t
}()
