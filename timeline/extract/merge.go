package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"frise/timeline/edtf"
)

// Event is one extracted event, with every source that reports it.
type Event struct {
	Title   string
	Date    edtf.Value
	Summary string
	Actors  []string
	Places  []string
	Topics  []string
	Sources []Citation
	Kind    string // visit, meeting, agreement, announcement, decision, expulsion, crisis, measure, statistic

	members []*candidate
}

// Citation is the passage of a source that supports an event.
type Citation struct {
	Source string `json:"source"` // the source's id
	Quote  string `json:"quote"`
}

// compatible reports whether two dates may be those of one event: one
// lies within the other.
func compatible(a, b edtf.Value) bool {
	// "Depuis l'été 2023" holds every later day, but reports no later
	// event: an open span agrees only with a span that starts with it.
	if open(a) || open(b) {
		return a.Start == b.Start
	}
	return a.Contains(b) || b.Contains(a)
}

func open(v edtf.Value) bool {
	return v.Interval && (v.EndKind != edtf.Known || v.StartKind != edtf.Known)
}

// sameFigure reports whether two reports give a number in common: two
// figures are one statistic only when they are the same figure.
func sameFigure(a, b string) bool {
	na := numbers(a)
	for _, n := range numbers(b) {
		for _, m := range na {
			if n == m {
				return true
			}
		}
	}
	return false
}

// numbers returns the numbers of a text of two digits or more, spaces
// within them removed ("9 500" is 9500).
func numbers(s string) []string {
	var out []string
	var cur []byte
	flush := func() {
		// A year is a date, not a figure.
		if len(cur) == 4 && (cur[0] == '1' && cur[1] == '9' || cur[0] == '2' && cur[1] == '0') {
			cur = cur[:0]
		}
		if len(cur) >= 2 {
			out = append(out, string(cur))
		}
		cur = cur[:0]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			cur = append(cur, c)
		case (c == ' ' || c == ',' || c == '.') && len(cur) > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			if c != ' ' {
				cur = append(cur, c)
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// similarity scores how much two reports of events share: actors count
// twice, topics and the kind of event once, places half; reports of
// different kinds of event (a visit, a figure) are never one event.
func similarity(a *Event, c *candidate) float64 {
	score := 0.0
	has := func(list []string, e *entry) bool {
		for _, x := range list {
			if x == e.title {
				return true
			}
		}
		return false
	}
	for _, e := range c.actors {
		if has(a.Actors, e) {
			score += 2
		}
	}
	for _, e := range c.topics {
		if has(a.Topics, e) {
			score++
		}
	}
	for _, e := range c.places {
		if has(a.Places, e) {
			score++
		}
	}
	if !kindsMatch(a.Kind, c.kind) {
		return 0
	}
	// Two reports that each name who acted, and name no one in common,
	// are of two events.
	if len(c.actors) > 0 && len(a.Actors) > 0 {
		shared := false
		for _, e := range c.actors {
			shared = shared || has(a.Actors, e)
		}
		if !shared {
			return 0
		}
	}
	return score + 1
}

func kindsMatch(a, b string) bool {
	group := func(k string) string {
		switch k {
		case "visit", "meeting":
			return "encounter"
		case "measure", "statistic":
			return "figure"
		}
		return k
	}
	return group(a) == group(b)
}

// mergeThreshold is the similarity at which two reports are one event.
const mergeThreshold = 2

// merge groups candidates into events: a report joins the most similar
// event whose dates it agrees with, or starts a new one. The event's date is
// the most precise date consistent with all its reports: a single date is
// refined by a finer one within it (2024-10 and 2024-10-29 give
// 2024-10-29), but an interval is never narrowed to one of its points (a
// measure of 2021-2022 stays 2021/2022 when another report says it began in
// 2021), and a date guessed from an article's own date never refines one
// written out.
func merge(cands []*candidate) []*Event {
	// Reports with a written date first: a date guessed from the article's
	// own joins an event only once the written ones have settled.
	cands = append([]*candidate{}, cands...)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].certain && !cands[j].certain })
	var events []*Event
	// Events by the years their first report spans, so that a report is
	// compared only with events whose dates may agree with its own: time
	// stays linear in the number of reports.
	byYear := map[int][]*Event{}
	var wide []*Event
	for _, c := range cands {
		var best *Event
		bestScore := 0.0
		lo, hi, ok := yearSpan(c.date)
		var near []*Event
		if !ok {
			near = events
		} else {
			near = wide
			for y := lo; y <= hi; y++ {
				near = append(near, byYear[y]...)
			}
		}
		for _, e := range near {
			ok := true
			for _, m := range e.members {
				if !m.agrees(c) || !sameSourceAgrees(m, c) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			// A lead dated by its article's own date joins no event another
			// report dates in writing: the guess cannot tell "récemment" from
			// "lors de la visite d'octobre".
			if c.lede && e.anyCertain() {
				continue
			}
			// Two figures of one article are two figures; two articles give
			// one figure when they give the same number.
			if c.kind == "statistic" && e.Kind == "statistic" && (e.hasSource(c.src.ID) || !sameFigure(e.members[0].quote, c.quote)) {
				continue
			}
			if s := similarity(e, c); s >= mergeThreshold && s > bestScore {
				best, bestScore = e, s
			}
		}
		if best == nil {
			best = &Event{Kind: c.kind}
			events = append(events, best)
			if lo, hi, ok := yearSpan(c.date); ok {
				for y := lo; y <= hi; y++ {
					byYear[y] = append(byYear[y], best)
				}
			} else {
				wide = append(wide, best)
			}
		}
		best.add(c)
	}
	events = joinSameReports(events)
	for _, e := range events {
		e.finish()
	}
	sort.SliceStable(events, func(i, j int) bool {
		if c := edtf.Compare(events[i].Date, events[j].Date); c != 0 {
			return c < 0
		}
		return events[i].Title < events[j].Title
	})
	return events
}

// agrees is compatible for two reports, on their days computed once.
func (a *candidate) agrees(b *candidate) bool {
	if a.open || b.open {
		return a.date.Start == b.date.Start
	}
	return !b.first.Before(a.first) && !b.last.After(a.last) || !a.first.Before(b.first) && !a.last.After(b.last)
}

// maxSpan is the widest span of years a date is indexed under; a wider one
// is compared with every event.
const maxSpan = 12

// yearSpan returns the first and last years of a date, and false when it is
// open or wider than maxSpan years.
func yearSpan(v edtf.Value) (lo, hi int, ok bool) {
	if open(v) {
		return 0, 0, false
	}
	lo, hi = v.First().Year(), v.Last().Year()
	return lo, hi, hi-lo <= maxSpan
}

// sameSourceAgrees reports whether two reports may be one event as far as
// their source goes: an article that gives two different dates speaks of
// two events, unless both are written out and one lies within the other
// ("en octobre", "le 29 octobre, lors de sa visite").
func sameSourceAgrees(a, b *candidate) bool {
	if a.src != b.src || a.date == b.date {
		return true
	}
	return a.certain && b.certain && compatible(a.date, b.date)
}

func (e *Event) anyCertain() bool {
	for _, m := range e.members {
		if m.certain {
			return true
		}
	}
	return false
}

func (e *Event) hasSource(id string) bool {
	for _, m := range e.members {
		if m.src.ID == id {
			return true
		}
	}
	return false
}

func (e *Event) add(c *candidate) {
	e.members = append(e.members, c)
	e.Actors = union(e.Actors, titles(c.actors))
	e.Places = union(e.Places, titles(c.places))
	e.Topics = union(e.Topics, titles(c.topics))
}

func union(a, b []string) []string {
	for _, x := range b {
		found := false
		for _, y := range a {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			a = append(a, x)
		}
	}
	return a
}

// finish settles an event's date, title, summary and citations.
func (e *Event) finish() {
	// The date.
	var date edtf.Value
	for _, m := range e.members {
		switch {
		case date.IsZero():
			date = m.date
		case m.date.Interval || date.Interval:
			// An interval stands; a point within it does not narrow it.
			if m.date.Interval && !date.Interval && m.date.Contains(date) {
				date = m.date
			}
		case m.certain:
			if date.Contains(m.date) && m.date.Precision() > date.Precision() {
				date = m.date
			}
		}
	}
	e.Date = date

	// One citation per source, the most direct report first; the title and
	// summary come from the most direct report of all.
	// The title comes from the report the others repeat most (an article
	// that recalls an event twice, and another that says it the same way),
	// then from the most direct one.
	titles := make([]string, len(e.members))
	quotes := make([]string, len(e.members))
	for i, m := range e.members {
		titles[i] = headline(m)
		quotes[i] = m.src.Folded[m.sent] // the quote is the sentence
	}
	echoes := func(i int) int {
		t, n := fold(titles[i]), 0
		for j, q := range quotes {
			if j != i && strings.Contains(q, t) {
				n++
			}
		}
		return n
	}
	besti, bestEcho := 0, echoes(0)
	for i := 1; i < len(e.members); i++ {
		n := echoes(i)
		if n > bestEcho || n == bestEcho && better(e.members[i], e.members[besti]) {
			besti, bestEcho = i, n
		}
	}
	best := e.members[besti]
	bySource := map[string]*candidate{}
	var order []string
	for _, m := range e.members {
		prev, ok := bySource[m.src.ID]
		if !ok {
			order = append(order, m.src.ID)
		}
		if !ok || better(m, prev) {
			bySource[m.src.ID] = m
		}
	}
	sort.Strings(order)
	for _, id := range order {
		e.Sources = append(e.Sources, Citation{Source: id, Quote: bySource[id].quote})
	}
	e.Title = titles[besti]
	e.Summary = summary(best.quote)
	e.Kind = best.kind
}

// better reports whether report a dates its event more directly than b: a
// written date over a guessed one, then a date closer to its trigger.
func better(a, b *candidate) bool {
	if a.certain != b.certain {
		return a.certain
	}
	if a.lede != b.lede {
		return a.lede // among guessed dates, the article's lead tells its news best
	}
	if a.date.Precision() != b.date.Precision() {
		return a.date.Precision() > b.date.Precision()
	}
	return len(a.quote) < len(b.quote) && a.distance <= b.distance
}

// maxSummary is the longest summary, in characters: a longer sentence is
// cut at its last clause boundary that fits, never within a word.
const maxSummary = 300

// summary is the reporting sentence, as the source writes it, cut at a
// clause boundary when it is long.
func summary(quote string) string {
	s := normSpace(quote)
	if utf8.RuneCountInString(s) <= maxSummary {
		return s
	}
	lim, n := 0, 0
	for i := range s {
		if n >= maxSummary {
			break
		}
		lim = i
		n++
	}
	cut := -1
	for _, b := range []string{" ; ", ", ", " : ", " – "} {
		if i := strings.LastIndex(s[:lim], b); i > cut {
			cut = i
		}
	}
	if cut < 80 {
		cut = strings.LastIndex(s[:lim], " ")
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// joinSameReports merges events that one source dates identically as the
// same kind of encounter, decision or agreement: an article that speaks of
// "la visite … en octobre dernier" and then of "ce déplacement en octobre
// 2024" speaks of one visit. Figures stay apart.
func joinSameReports(events []*Event) []*Event {
	for changed := true; changed; {
		changed = false
		// Only events that share a source may be joined.
		bySource := map[*source][]int{}
		for i, e := range events {
			seen := map[*source]bool{}
			for _, m := range e.members {
				if !seen[m.src] {
					seen[m.src] = true
					bySource[m.src] = append(bySource[m.src], i)
				}
			}
		}
	outer:
		for i, a := range events {
			var others []int
			for _, m := range a.members {
				for _, j := range bySource[m.src] {
					if j > i {
						others = append(others, j)
					}
				}
			}
			sort.Ints(others)
			for _, j := range others {
				b := events[j]
				if a.Kind == "statistic" || b.Kind == "statistic" || !kindsMatch(a.Kind, b.Kind) {
					continue
				}
				if !sameSourceSameDate(a, b) || !allCompatible(a, b) {
					continue
				}
				for _, m := range b.members {
					a.add(m)
				}
				events = append(events[:j], events[j+1:]...)
				changed = true
				break outer
			}
		}
	}
	return events
}

func sameSourceSameDate(a, b *Event) bool {
	for _, x := range a.members {
		for _, y := range b.members {
			if x.src == y.src && x.date == y.date && x.certain && y.certain {
				return true
			}
		}
	}
	return false
}

func allCompatible(a, b *Event) bool {
	for _, x := range a.members {
		for _, y := range b.members {
			if !compatible(x.date, y.date) || !sameSourceAgrees(x, y) {
				return false
			}
		}
	}
	return true
}

// reports returns every passage that reports the event, cited or not.
func (e *Event) reports() []Citation {
	out := append([]Citation{}, e.Sources...)
	for _, m := range e.members {
		out = append(out, Citation{Source: m.src.ID, Quote: m.quote})
	}
	return out
}
