package frdate

import (
	"strings"

	"frise/timeline/edtf"
)

// Match is one temporal expression found in a text.
type Match struct {
	Start, End int // byte offsets in the text; text[Start:End] == Text
	Text       string
	Value      edtf.Value // normalised; Value.String() is the EDTF
	Certain    bool       // false when the reading is a guess
	// Anchored says the text counts from another event ("la veille", "le
	// lendemain", "deux jours plus tard"): Value is read from the
	// reference as if that event were on its day, and Certain is false.
	Anchored bool
}

// Find returns every temporal expression of day precision or coarser in
// text, in order, relative to ref (a reference date at any precision: the
// article's publication date). A zero ref means the reference is unknown:
// relative expressions ("hier", "mardi dernier") are then skipped, absolute
// ones are still found.
func Find(text string, ref edtf.Value) []Match {
	s := scanner{text: text, a: newAnchor(ref), guess: !ref.Certain()}
	s.guess = s.guess || s.a.after
	s.t = tokenize(text, make([]tok, 0, len(text)/5+1))
	s.run()
	return s.out
}

// findPast is Find without the dates that a sentence in the future tense
// announces ("qui entrera en vigueur le 30 avril 2022").
func findPast(text string, ref edtf.Value) []Match {
	s := scanner{text: text, a: newAnchor(ref), guess: !ref.Certain(), past: true}
	s.guess = s.guess || s.a.after
	s.t = tokenize(text, make([]tok, 0, len(text)/5+1))
	s.run()
	return s.out
}

type scanner struct {
	text string
	t    []tok
	lim  int // the end of the current line's tokens
	a    anchor
	out  []Match
	// guess says the reference itself is a guess: every reading that
	// depends on it is then one too.
	guess bool
	// inRange says a range is being read, where a day may stand alone: "du 13 au 18".
	inRange bool
	// past says to leave out the dates of sentences in the future tense.
	past bool
	// year is the last year written in full earlier in the text, not after
	// the reference's: a narrative goes on in it ("En 2024 […]. Le 26
	// février, …").
	year int
	// folds holds each word token's folded form once worked out (see folded).
	folds    []string
	foldDone []bool
}

func (s *scanner) run() {
	for start := 0; start < len(s.t); {
		end := start + 1
		for end < len(s.t) && s.t[end].gap != gapLine {
			end++
		}
		s.lim = end
		next := start // the next token that can carry a date
		for i := start; i < end; {
			t := &s.t[i]
			if t.kind == kPunct || (t.kind == kWord && t.w.id == wNone) {
				i++
				continue
			}
			// Articles and prepositions lead a date only a few words before one.
			if next < i {
				next = i
				for next < end && !s.t[next].trigger() {
					next++
				}
			}
			if next-i > 5 {
				i++
				continue
			}
			if j := s.at(i); j > i {
				i = j
			} else {
				i++
			}
		}
		start = end
	}
}

// Token tests. Each is false past the end of the line.

func (s *scanner) id(i int) uint8 {
	if i < 0 || i >= s.lim || s.t[i].kind != kWord {
		return wNone
	}
	return s.t[i].w.id
}

func (s *scanner) is(i int, id uint8) bool { return s.id(i) == id }

func (s *scanner) punct(i int, c int32) bool {
	return i >= 0 && i < s.lim && s.t[i].kind == kPunct && s.t[i].n == c
}

func (s *scanner) glued(i int) bool { return i >= 0 && i < s.lim && s.t[i].gap == gapNone }

// elided reports whether token i is the word id followed by an apostrophe (l', d', jusqu').
func (s *scanner) elided(i int, id uint8) bool { return s.is(i, id) && s.punct(i+1, '\'') }

// hyphen skips an optional hyphen.
func (s *scanner) hyphen(i int) int {
	if s.punct(i, '-') {
		return i + 1
	}
	return i
}

func (s *scanner) num(i int) (n, nd int, ok bool) {
	if i < 0 || i >= s.lim || s.t[i].kind != kNum {
		return 0, 0, false
	}
	return int(s.t[i].n), int(s.t[i].nd), true
}

func (s *scanner) emit(i, j int, r res) {
	if j <= i {
		return
	}
	for _, d := range r.v.Dates() {
		if d.Year < 0 || d.Year > 9999 {
			return // out of the range EDTF writes in four digits
		}
	}
	a, b := int(s.t[i].s), int(s.t[j-1].e)
	if s.guess && r.certain && relative(s.text[a:b], r.v) {
		r.certain = false
	}
	if n := len(s.out); n > 0 && s.out[n-1].End > a {
		return
	}
	if s.past && s.tense(i) > 0 {
		return
	}
	s.out = append(s.out, Match{Start: a, End: b, Text: s.text[a:b], Value: r.v, Certain: r.certain})
	if d := r.v.Start; !r.v.Interval && d.UnspecifiedYear == 0 && containsYear(s.text[a:b], d.Year) &&
		s.a.ok && !s.a.after && d.Year <= s.a.year() {
		s.year = d.Year
	}
}

// relative reports whether v was read from the words span with the
// reference's help: absolute values have every year written in the span.
func relative(span string, v edtf.Value) bool {
	for _, d := range v.Dates() {
		if !containsYear(span, d.Year) {
			return true
		}
	}
	return false
}

// item is one value read from the text: either a written date whose
// missing parts are still to be taken from its neighbours or the
// reference, or a value already resolved.
type item struct {
	p     partial
	isP   bool
	r     res
	start int // the first token of its own words, after any preposition
	end   int
}

func (s *scanner) resolve(it item) (res, bool) {
	if !it.isP {
		return it.r, true
	}
	if p := it.p; p.y == 0 && s.year != 0 && p.m >= 1 && p.m <= 12 && p.wd == 0 && (p.mod == 0 || p.mod == modPast) {
		// A month, or a day and month, that the reference alone would put
		// after it, in a narrative set in an earlier year: that year.
		if r, ok := s.a.resolve(p); !ok || s.a.prec != edtf.PrecisionDay || !r.v.First().After(s.a.t) {
			return r, ok
		}
		p.y = s.year
		if p.d != 0 && !validDay(p.y, p.m, p.d) {
			return res{}, false
		}
		return s.a.resolve(p)
	}
	return s.a.resolve(it.p)
}

// at reads the expression that starts at token i, if any, emits it and
// returns the token after it.
func (s *scanner) at(i int) int {
	if r, j, ok := s.anchored(i); ok && j > i {
		n := len(s.out)
		r.certain = false
		s.emit(i, j, r)
		if len(s.out) > n {
			s.out[n].Anchored = true
		}
		return j
	}
	if j := s.modified(i); j > i {
		return j
	}
	if j := s.rangeAt(i); j > i {
		return j
	}
	return s.list(i)
}

// sinceCount reads "cela fait deux ans que", "ça fait trois mois qu'": a
// period under way since then, as "depuis deux ans".
func (s *scanner) sinceCount(i int) int {
	if i < 2 || s.t[i-1].e-s.t[i-1].s != 4 || s.t[i].gap != gapSpace || s.t[i-1].gap != gapSpace ||
		s.wordAt(i-1) != "fait" || s.wordAt(i-2) != "cela" && s.wordAt(i-2) != "ca" {
		return i
	}
	n, _, e, ok := s.count(i)
	if !ok || e <= i {
		return i
	}
	u := s.unitAt(e)
	if u == 0 || !(s.wordAt(e+1) == "que" || s.wordAt(e+1) == "qu" && s.punct(e+2, '\'')) {
		return i
	}
	if n := len(s.out); n > 0 && s.out[n-1].End > int(s.t[i-2].s) {
		return i
	}
	r, ok := s.a.shift(-n, u)
	if !ok {
		return i
	}
	d, _ := startOf(r.v)
	r.v = edtf.Since(d)
	s.emit(i-2, e+1, r)
	return e + 1
}

// modified reads a value with a word before it that changes it: depuis,
// à partir de, jusqu'à, d'ici, vers, aux alentours de, courant…
func (s *scanner) modified(i int) int {
	var kind int // 1 since, 2 until, 3 approximately
	j := i
	if j := s.sinceCount(i); j > i {
		return j
	}
	switch {
	case s.is(i, wDepuis):
		kind, j = 1, i+1
	case s.is(i, wDes) && s.text[s.t[i].s:s.t[i].e] != "des" && s.text[s.t[i].s:s.t[i].e] != "Des" && s.text[s.t[i].s:s.t[i].e] != "DES":
		// "dès 2015": from then on.
		kind, j = 1, i+1
	case s.is(i, wA) && s.wordAt(i+1) == "compter" && (s.is(i+2, wDe) || s.elided(i+2, wD) || s.is(i+2, wDu)):
		kind, j = 1, i+3
		if s.elided(i+2, wD) {
			j = i + 4
		}
		if s.is(i+2, wDu) {
			j = i + 2
		}
	case s.is(i, wA) && s.is(i+1, wPartir) && (s.is(i+2, wDe) || s.elided(i+2, wD) || s.is(i+2, wDu)):
		kind, j = 1, i+3
		if s.elided(i+2, wD) {
			j = i + 4
		}
		if s.is(i+2, wDu) {
			j = i + 2 // "à partir du 3 mars": the article goes with the date
		}
	case s.elided(i, wJusqu):
		kind, j = 2, i+2
	case s.is(i, wJusqu) && (s.is(i+1, wA) || s.is(i+1, wAu) || s.is(i+1, wEn)):
		kind, j = 2, i+1
	case s.elided(i, wD) && s.is(i+2, wIci):
		kind, j = 2, i+3
		if s.is(j, wA) {
			j++
		}
	case s.is(i, wVers):
		kind, j = 3, i+1
	case s.is(i, wAux) && (s.is(i+1, wAlentours) || s.is(i+1, wEnvirons)) && (s.is(i+2, wDe) || s.elided(i+2, wD) || s.is(i+2, wDu)):
		kind, j = 3, i+3
		if s.elided(i+2, wD) {
			j++
		} else if s.is(i+2, wDu) {
			j = i + 2
		}
	case s.is(i, wAutour) && (s.is(i+1, wDe) || s.elided(i+1, wD) || s.is(i+1, wDu)):
		kind, j = 3, i+2
		if s.elided(i+1, wD) {
			j++
		} else if s.is(i+1, wDu) {
			j = i + 1
		}
	case s.is(i, wEnviron):
		kind, j = 3, i+1
	case s.is(i, wAvant) && !s.is(s.hyphen(i+1), wHier):
		// "avant 2015": up to that date, which the open interval takes in.
		kind, j = 2, i+1
		if s.is(j, wLe) && s.is(j+1, wUnit) {
			return i // "avant le mois de…" is read by itself
		}
	case s.is(i, wApres) && !s.is(s.hyphen(i+1), wDemain) && !s.is(s.hyphen(i+1), wPartOfDay):
		// "après 2015", "après le 1er novembre": from that date on.
		kind, j = 4, i+1
	default:
		return i
	}
	if kind == 2 && s.is(j, wA) {
		j++
	}
	// "d'ici trois ans", "depuis deux mois": a count of units from the reference.
	if kind == 1 || kind == 2 && !s.is(i, wAvant) {
		if n, _, e, ok := s.count(j); ok && e > j {
			if u := s.unitAt(e); u != 0 {
				sign := -1
				if kind == 2 {
					sign = 1
				}
				r, ok := s.a.shift(sign*n, u)
				if kind == 2 {
					r, ok = s.a.move(n, u)
				}
				if !ok {
					return i
				}
				if kind == 1 {
					d, _ := startOf(r.v)
					r.v = edtf.Since(d)
				} else if now := s.a.at(edtf.PrecisionDay); now.Precision() == r.v.Start.Precision() && now != r.v.Start {
					// "d'ici deux semaines": from the reference to then.
					r.v = edtf.Between(now, r.v.Start)
				} else {
					d, _ := endOf(r.v)
					r.v = edtf.Until(d)
				}
				s.emit(i, e+1, r)
				return e + 1
			}
		}
	}
	if kind == 1 {
		// "depuis oct. 2 au novembre 22": both ends are given.
		if r, e, ok := s.monthRange(j); ok {
			s.emit(i, e, r)
			return e
		}
	}
	it, ok := s.value(j, true)
	if !ok {
		return i
	}
	end := it.end
	var r res
	if a, b, e, ok := s.rangeFrom(j, it); ok {
		r, end = res{edtf.Between(a, b), true}, e
		if kind == 1 && !s.is(it.end, wEt) && it.end < s.lim && s.t[it.end].kind == kWord {
			// "depuis le 1er janvier jusqu'au 31 mars": both ends are given.
			s.emit(i, end, r)
			return end
		}
	} else if r, ok = s.resolve(it); !ok {
		return i
	}
	switch kind {
	case 1, 4:
		d, ok := startOf(r.v)
		if !ok {
			return i
		}
		r.v = edtf.Since(d)
	case 2:
		d, ok := endOf(r.v)
		if !ok {
			return i
		}
		r.v = edtf.Until(d)
	case 3:
		r.v = approx(r.v)
	}
	if kind != 3 && s.is(end, wEnviron) {
		end++
	}
	s.emit(i, end, r)
	return end
}

// rangeAt reads "entre A et B", "de A à B", "du 13 au 18 juillet".
func (s *scanner) rangeAt(i int) int {
	var j int
	switch {
	case s.is(i, wEntre):
		j = i + 1
	case s.is(i, wDe) || s.is(i, wDu):
		j = i + 1
		if s.is(i, wDu) {
			j = i // "du" stands for "le" in "du 13 au 18"
		}
	case s.elided(i, wD):
		j = i + 2
	default:
		return i
	}
	s.inRange = true
	it, ok := s.value(j, true)
	var a, b edtf.Date
	var end int
	if ok {
		a, b, end, ok = s.rangeFrom(j, it)
	}
	s.inRange = false
	if !ok {
		return i
	}
	if s.is(i, wEntre) != s.is(it.end, wEt) {
		return i
	}
	s.emit(i, end, res{edtf.Between(a, b), true})
	return end
}

// rangeFrom reads the second half of a range after its first value:
// "… à mars 2025", "… et 2018", "-2022". It returns both ends.
func (s *scanner) rangeFrom(j int, first item) (a, b edtf.Date, end int, ok bool) {
	k := first.end
	switch {
	case s.is(k, wEt) || s.is(k, wAu) || s.is(k, wA):
		k++
	case s.elided(k, wJusqu) && (s.is(k+2, wA) || s.is(k+2, wAu) || s.is(k+2, wEn)):
		k += 2
	case s.punct(k, '-') || s.punct(k, '/') || s.punct(k, '~') && first.isP && first.p.m == 0 && s.glued(k) && s.glued(k+1):
		// "2021-2022", "janvier-février 2025", "13-14 juillet", "2014~2018"
		k++
		if s.t[k-1].n == '/' && !(first.isP && first.p.finest() == 1 && first.p.d == 0) {
			return
		}
	default:
		return
	}
	// "2021-22", "1914-18": the second year in two digits.
	if first.isP && first.p.y != 0 && first.p.m == 0 && s.punct(k-1, '-') {
		if n, nd, ok2 := s.num(k); ok2 && nd == 2 && s.glued(k) && !(s.glued(k+1) && s.t[k+1].kind != kPunct) {
			y := first.p.y/100*100 + n
			if y > first.p.y {
				return edtf.Year(first.p.y), edtf.Year(y), k + 1, true
			}
			return a, b, 0, false
		}
	}
	var second item
	if d, e, isDay := s.day(k); isDay && first.isP && first.p.d != 0 && first.p.m == 0 && s.t[k].kind == kNum {
		if _, _, ok := s.monthAfter(e); ok {
			second = item{p: partial{d: d}, isP: true, start: k, end: e} // not "23 mois prochain", a count
		}
	}
	if !second.isP {
		if second, ok = s.value(k, true); !ok {
			return a, b, 0, false
		}
	}
	if first.isP && second.isP && first.p.y == 0 && second.p.y == 0 && second.p.d != 0 && second.p.m != 0 &&
		s.punct(second.end, ',') && s.isYearAt(second.end+1) && s.yearCheck(second.end+1, true, true) && s.clauseEnd(second.end+2) {
		// "du 01/05 au 07/05, 2020": the year after the range.
		second.p.y, second.p.mod = int(s.t[second.end+1].n), 0
		second.end += 2
	}
	if first.isP && second.isP && first.p.d != 0 && first.p.m == 0 && second.p.d != 0 && second.p.m == 0 && second.p.wd == 0 {
		// "du 4 au 22 ce mois-ci", "4-23 le mois prochain": the month after the days.
		if r, e, ok := s.monthAfter(second.end); ok {
			d := r.v.Start
			first.p.y, first.p.m, second.p.y, second.p.m = d.Year, d.Month, d.Year, d.Month
			first.p.mod, second.p.mod = 0, 0
			second.end = e
		} else if rb, ok := s.a.resolve(second.p); ok && !rb.v.Interval && rb.v.Precision() == edtf.PrecisionDay {
			// "du 4 au 22" read on the 7th: both days in the month of the second.
			first.p.y, first.p.m = rb.v.Start.Year, rb.v.Start.Month
		}
	}
	// With the same kinds on both sides, the first takes from the second
	// what it leaves out.
	var ra, rb res
	if first.isP && second.isP {
		p, q := first.p, second.p
		if q.finest() == 0 || p.finest() == 0 {
			if !(p.wd != 0 && q.wd != 0) {
				return a, b, 0, false
			}
		}
		if p.d != 0 && p.m == 0 && q.d == 0 {
			return a, b, 0, false // "2 au octobre": a day alone needs a day at the other end
		}
		p = p.fill(q)
		if p.y == 0 && q.y != 0 && p.m != 0 && q.m != 0 {
			p.y = q.y
		}
		if p.d != 0 && p.m != 0 && q.d != 0 && q.m != 0 {
			// "du samedi 13 au dimanche 15 juillet": the weekdays of a
			// range of dates do not move its year.
			p.wd, q.wd = 0, 0
		}
		var ok1, ok2 bool
		rb, ok2 = s.a.resolve(q)
		if !ok2 {
			return a, b, 0, false
		}
		if p.wd != 0 && p.d == 0 && p.m == 0 && q.wd != 0 && q.d == 0 {
			// "de vendredi à dimanche": the first day, then the next such day.
			if p.mod == modNext {
				p.mod = modComing
			}
			ra, ok1 = s.a.resolve(p)
			if ok1 && ra.v.Start.Precision() == edtf.PrecisionDay {
				t := ra.v.Start.First()
				for t.Before(ra.v.Start.First().AddDate(0, 0, 7)) {
					if weekdayOf(t) == q.wd && t.After(ra.v.Start.First()) {
						break
					}
					t = t.AddDate(0, 0, 1)
				}
				rb = single(dayOf(t), ra.certain)
			}
		} else if p.y == 0 && p.m != 0 && q.y != 0 && q.m != 0 {
			p.y = q.y
			ra, ok1 = s.a.resolve(p)
		} else if p.y == 0 && p.m >= 1 && p.m <= 12 && q.m >= 1 && q.m <= 12 && p.wd == 0 && !rb.v.Interval &&
			rb.v.Precision() >= edtf.PrecisionMonth && s.a.prec == edtf.PrecisionDay {
			// Both ends without a year: the first takes the second's, so that
			// the tense or the distance to the reference cannot split them.
			p.y, p.mod = rb.v.Start.Year, 0
			if p.d != 0 && !validDay(p.y, p.m, p.d) {
				return a, b, 0, false
			}
			ra, ok1 = s.a.resolve(p)
			ra.certain = ra.certain && rb.certain
		} else {
			ra, ok1 = s.a.resolve(p)
		}
		if !ok1 {
			return a, b, 0, false
		}
		// "de novembre à février": the first falls in the year before.
		if first.p.y == 0 && ra.v.First().After(rb.v.First()) && p.m != 0 && p.m < 13 {
			p.y = ra.v.Start.Year - 1
			if ra, ok1 = s.a.resolve(p); !ok1 {
				return a, b, 0, false
			}
		}
	} else {
		var ok1, ok2 bool
		if ra, ok1 = s.resolve(first); !ok1 {
			return a, b, 0, false
		}
		if rb, ok2 = s.resolve(second); !ok2 {
			return a, b, 0, false
		}
	}
	a, ok1 := startOf(ra.v)
	b, ok2 := endOf(rb.v)
	if !ok1 || !ok2 || b.Last().Before(a.First()) || !b.Last().After(a.First()) && a == b {
		return a, b, 0, false
	}
	return a, b, second.end, true
}

// list reads one value or a list of them: "en 2015 et 2018", "les 3 et 4
// mars", "en mars et avril 2024". Each value is its own match.
func (s *scanner) list(i int) int {
	if j := s.monthFirst(i); j > i {
		return j
	}
	first, ok := s.value(i, false)
	if !ok {
		// "13 au 15 juillet", "14 - 20 sept. 2014": a day that a range completes.
		if s.t[i].kind == kNum || s.is(i, wOrd) || s.is(i, wNum) {
			s.inRange = true
			if f, ok := s.value(i, true); ok && f.isP && f.p.d != 0 && f.p.m == 0 {
				if a, b, end, ok := s.rangeFrom(f.start, f); ok && s.hasMonth(i, end) {
					s.inRange = false
					s.emit(i, end, res{edtf.Between(a, b), true})
					return end
				}
			}
			s.inRange = false
		}
		// "32 août 2014": no date, and neither its month nor its year.
		if v, nd, ok := s.num(i); ok && nd <= 2 && v > 31 {
			if _, e, ok := s.month(i+1, true); ok {
				if s.isYearAt(e) {
					e++
				}
				return e
			}
		}
		return i
	}
	if s.punct(first.end, '-') || s.punct(first.end, '/') || s.punct(first.end, '~') || first.isP && first.p.d != 0 &&
		(s.is(first.end, wAu) || s.is(first.end, wA) || s.elided(first.end, wJusqu)) {
		s.inRange = true
		a, b, end, ok := s.rangeFrom(first.start, first)
		s.inRange = false
		if ok {
			s.emit(i, end, res{edtf.Between(a, b), true})
			return end
		}
	}
	var itemsBuf [8]item
	var startsBuf [8]int
	items := append(itemsBuf[:0], first)
	starts := append(startsBuf[:0], i)
	for {
		last := items[len(items)-1]
		k := last.end
		if !(s.punct(k, ',') || s.is(k, wEt) || s.is(k, wOu)) {
			break
		}
		k++
		if s.is(k, wEt) || s.is(k, wOu) {
			k++
		}
		// "les 3, 10 et 17 mars": after a day alone, another may follow.
		dayList := last.isP && last.p.d != 0 && last.p.m == 0 && last.p.wd == 0 && !s.is(k, wLe) && !s.is(k, wLes)
		s.inRange = dayList
		next, ok := s.value(k, true)
		s.inRange = false
		if ok && dayList && next.isP && next.p.m == 0 && !(s.punct(next.end, ',') || s.is(next.end, wEt) || s.is(next.end, wOu) || s.clauseEnd(next.end)) {
			ok = false // "les 3, 4 buts"
		}
		if ok && !last.isP && last.r.v.Start.UnspecifiedYear == 1 && !last.r.v.Interval && next.isP && next.p.y%10 == 0 &&
			next.p.m == 0 && next.p.d == 0 {
			// "les années 1980 et 1990": the second is a decade too.
			next = item{r: single(edtf.Date{Year: next.p.y, UnspecifiedYear: 1}, true), start: next.start, end: next.end}
		}
		if !ok || len(items) == cap(items) || next.isP != last.isP || (next.isP && !compatible(last.p, next.p)) {
			break
		}
		items = append(items, next)
		starts = append(starts, k)
	}
	// Fill from the right.
	for n := len(items) - 2; n >= 0; n-- {
		if items[n].isP && items[n+1].isP {
			items[n].p = items[n].p.fill(items[n+1].p)
		}
	}
	if len(items) == 2 && items[0].isP && items[1].isP && s.is(items[0].end, wEt) {
		// "les 24 et 25 mai": two days in a row are one period.
		p, q := items[0].p, items[1].p
		if p.d != 0 && q.d == p.d+1 && p.m == q.m && p.y == q.y && p.wd == 0 && q.wd == 0 && p.m >= 1 && p.m <= 12 {
			ra, ok1 := s.resolve(items[0])
			rb, ok2 := s.resolve(items[1])
			if ok1 && ok2 && !ra.v.Interval && !rb.v.Interval {
				s.emit(i, items[1].end, res{edtf.Between(ra.v.Start, rb.v.Start), ra.certain && rb.certain})
				return items[1].end
			}
		}
	}
	end := i
	for n, it := range items {
		r, ok := s.resolve(it)
		if !ok {
			if n == 0 && it.isP && it.p.d != 0 && it.p.m != 0 {
				return it.end // "le 29 février 2023" is no date, nor is its "février 2023"
			}
			if n == 0 {
				return i
			}
			break
		}
		end = it.end
		if len(items) == 1 && s.is(end, wEnviron) {
			r.v = approx(r.v)
			end++
		}
		s.emit(starts[n], end, r)
	}
	return end
}

// compatible reports whether two written dates can be items of one list.
func compatible(p, q partial) bool {
	if p.d != 0 && p.m == 0 {
		return q.d != 0
	}
	return p.finest() == q.finest() || (p.y == 0 && q.y == 0)
}

// containsYear reports whether the digits of year y occur in text.
func containsYear(text string, y int) bool {
	if y < 0 {
		return false
	}
	var b [8]byte
	n := len(b)
	for {
		n--
		b[n] = byte('0' + y%10)
		y /= 10
		if y == 0 {
			break
		}
	}
	return len(text) > 0 && strings.Index(text, string(b[n:])) >= 0
}

// monthAfter reads a month named by its place after a day or a range of
// days: "ce mois-ci", "de ce mois", "le mois prochain", "du mois dernier",
// "du mois de novembre". It returns the month and the token after it.
func (s *scanner) monthAfter(e int) (res, int, bool) {
	if s.is(e, wDe) || s.is(e, wDu) {
		e++
	}
	mod := 0
	switch {
	case s.is(e, wCe) || s.is(e, wCette):
		mod = 2
		e++
	case s.is(e, wLe):
		e++
	}
	if !s.is(e, wUnit) || s.t[e].w.v != uMonth {
		return res{}, 0, false
	}
	if mod == 0 && (s.is(e+1, wDe) || s.elided(e+1, wD)) {
		// "du mois de novembre"
		it, ok := s.value(e+1, true)
		if !ok || !it.isP || it.p.m < 1 || it.p.m > 12 || it.p.d != 0 {
			return res{}, 0, false
		}
		r, ok := s.resolve(it)
		if !ok || r.v.Interval {
			return res{}, 0, false
		}
		return r, it.end, true
	}
	it, ok := s.relPeriod(e, mod)
	if !ok || it.r.v.Interval || it.r.v.Precision() != edtf.PrecisionMonth {
		return res{}, 0, false
	}
	return it.r, it.end, true
}

// hasMonth reports whether a month is named between tokens i and j.
func (s *scanner) hasMonth(i, j int) bool {
	for k := i; k < j; k++ {
		if s.is(k, wMonth) || s.is(k, wSept) || s.is(k, wUnit) && s.t[k].w.v == uMonth {
			return true
		}
	}
	return false
}

// monthFirst reads a range of days written after their month, as in an
// agenda, and emits it: "novembre 19-20", "novembre 19 au 20", "novembre
// entre 19 et 20", "nov. 19-20, 2016", "oct. 2 au novembre 22".
func (s *scanner) monthFirst(i int) int {
	if w := s.id(i); w != wMonth && w != wSept {
		return i
	}
	r, e, ok := s.monthRange(i)
	if !ok {
		return i
	}
	s.emit(i, e, r)
	return e
}

// monthRange reads the range monthFirst emits. The days are in digits and
// the range ends the clause, so that "en novembre 19 personnes" stays a
// month.
func (s *scanner) monthRange(i int) (res, int, bool) {
	if i >= s.lim || s.t[i].kind != kWord || s.is(i-1, wSuf) || i > 0 && s.t[i-1].kind == kNum && s.t[i].gap != gapLine {
		return res{}, 0, false
	}
	m, k, ok := s.month(i, false)
	if !ok {
		return res{}, 0, false
	}
	between := s.is(k, wEntre)
	if between {
		k++
	}
	if _, _, isNum := s.num(k); !isNum {
		return res{}, 0, false
	}
	d1, k1, ok := s.day(k)
	if !ok || k1 != k+1 {
		return res{}, 0, false
	}
	switch {
	case between:
		ok = s.is(k1, wEt)
	case s.elided(k1, wJusqu) && (s.is(k1+2, wAu) || s.is(k1+2, wA)):
		k1 += 2 // "novembre 15 jusqu'au 19"
	default:
		ok = s.punct(k1, '-') || s.is(k1, wAu) || s.is(k1, wA)
	}
	n, m2 := k1+1, m
	if mm, k2, isMonth := s.month(n, false); isMonth && !between {
		n, m2 = k2, mm // "oct. 2 au novembre 22"
	}
	if _, _, isNum := s.num(n); !ok || !isNum {
		return res{}, 0, false
	}
	d2, e, ok := s.day(n)
	if !ok || e != n+1 || m2 == m && d2 <= d1 {
		return res{}, 0, false
	}
	var y int
	switch {
	case s.isYearAt(e) && s.yearCheck(e, true, true):
		y, e = int(s.t[e].n), e+1
	case s.punct(e, ',') && s.isYearAt(e+1) && s.yearCheck(e+1, true, true):
		y, e = int(s.t[e+1].n), e+2
	}
	if !s.clauseEnd(e) || s.punct(e, ':') {
		return res{}, 0, false
	}
	q := partial{y: y, m: m2, d: d2}
	if y == 0 && s.a.ok {
		q.mod = s.dayMonthTense(i)
	}
	rb, ok := s.resolve(item{p: q, isP: true})
	if !ok || rb.v.Interval || rb.v.Precision() != edtf.PrecisionDay {
		return res{}, 0, false
	}
	b := rb.v.Start
	ya := b.Year
	if m > m2 {
		ya-- // "déc. 28 au janvier 3"
	}
	if !validDay(ya, m, d1) {
		return res{}, 0, false
	}
	return res{edtf.Between(edtf.Day(ya, m, d1), b), rb.certain}, e, true
}
