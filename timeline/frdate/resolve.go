package frdate

import (
	"time"

	"frise/timeline/edtf"
)

// anchor is the reference date, at the precision it is known.
type anchor struct {
	ok   bool
	prec edtf.Precision // PrecisionYear, PrecisionMonth or PrecisionDay
	t    time.Time      // its first day
	// after says the reference is only known to come after a date (an
	// open interval "2024-22/..": an article later than what it names);
	// from is the first day after that date.
	after bool
	from  time.Time
}

func newAnchor(ref edtf.Value) anchor {
	if ref.IsZero() {
		return anchor{}
	}
	if ref.Interval && ref.StartKind == edtf.Known && ref.EndKind != edtf.Known {
		// Some time after ref.Start: other readings rest on its year.
		from := ref.Start.Last().AddDate(0, 0, 1)
		return anchor{ok: true, prec: edtf.PrecisionYear, t: day(from.Year(), 1, 1), after: true, from: from}
	}
	d := ref.Start
	if ref.Interval && ref.StartKind != edtf.Known {
		d = ref.End
	}
	a := anchor{ok: true, t: d.First()}
	switch d.Precision() {
	case edtf.PrecisionDay:
		a.prec = edtf.PrecisionDay
	case edtf.PrecisionMonth:
		a.prec = edtf.PrecisionMonth
	case edtf.PrecisionYear, edtf.PrecisionSeason:
		a.prec = edtf.PrecisionYear
	default:
		return anchor{}
	}
	return a
}

func (a anchor) year() int  { return a.t.Year() }
func (a anchor) month() int { return int(a.t.Month()) }

// at returns the reference itself at precision p or its own, whichever is coarser.
func (a anchor) at(p edtf.Precision) edtf.Date {
	return truncate(a.t, min(p, a.prec))
}

// res is a resolved value and whether the reading is sure.
type res struct {
	v       edtf.Value
	certain bool
}

func single(d edtf.Date, certain bool) res { return res{edtf.Single(d), certain} }

func dayOf(t time.Time) edtf.Date { return edtf.Day(t.Year(), int(t.Month()), t.Day()) }

func truncate(t time.Time, p edtf.Precision) edtf.Date {
	switch p {
	case edtf.PrecisionDay:
		return dayOf(t)
	case edtf.PrecisionMonth:
		return edtf.Month(t.Year(), int(t.Month()))
	}
	return edtf.Year(t.Year())
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether d/m/y is a day of the calendar.
func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= day(y, m+1, 0).Day()
}

func unitPrec(u int) edtf.Precision {
	switch u {
	case uDay, uWeek:
		return edtf.PrecisionDay
	case uMonth, uQuarter, uHalf:
		return edtf.PrecisionMonth
	}
	return edtf.PrecisionYear
}

// shift returns the reference moved by n units, at the unit's precision.
func (a anchor) shift(n, u int) (res, bool) {
	if !a.ok {
		return res{}, false
	}
	p := unitPrec(u)
	if p > a.prec {
		return single(a.at(p), false), true
	}
	return single(truncate(addUnits(a.t, n, u), p), true), true
}

// addUnits returns t moved by n units of u (days to centuries).
func addUnits(t time.Time, n, u int) time.Time {
	switch u {
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek:
		return t.AddDate(0, 0, 7*n)
	case uMonth:
		return t.AddDate(0, n, 0)
	case uQuarter:
		return t.AddDate(0, 3*n, 0)
	case uHalf:
		return t.AddDate(0, 6*n, 0)
	case uYear:
		return t.AddDate(n, 0, 0)
	case uDecade:
		return t.AddDate(10*n, 0, 0)
	case uCentury:
		return t.AddDate(100*n, 0, 0)
	}
	return t
}

// move returns the reference moved by n units at the reference's own
// precision: "il y a trois mois" from 2013-02-12 is 2012-11-12, as a
// reader counting back from the day of the article would say. Counts of
// years, decades and centuries stay at the year: "il y a deux ans" is 2011.
func (a anchor) move(n, u int) (res, bool) {
	if u >= uYear || unitPrec(u) > a.prec {
		return a.shift(n, u)
	}
	if !a.ok {
		return res{}, false
	}
	t := addUnits(a.t, n, u)
	if u > uWeek && a.prec == edtf.PrecisionDay && t.Day() != a.t.Day() {
		t = t.AddDate(0, 0, -t.Day()) // 31 March less a month is the last day of February
	}
	return single(truncate(t, a.prec), true), true
}

// period returns the calendar period of unit u that holds the reference,
// moved by k periods: "la semaine dernière" is period(uWeek, -1).
func (a anchor) period(u, k int) (res, bool) {
	if !a.ok {
		return res{}, false
	}
	p := unitPrec(u)
	if p > a.prec {
		return single(a.at(p), false), true
	}
	t := a.t
	switch u {
	case uDay:
		return single(dayOf(t.AddDate(0, 0, k)), true), true
	case uWeek:
		mon := t.AddDate(0, 0, -((int(t.Weekday())+6)%7)+7*k)
		return res{edtf.Between(dayOf(mon), dayOf(mon.AddDate(0, 0, 6))), true}, true
	case uMonth:
		t = t.AddDate(0, k, 0)
		return single(edtf.Month(t.Year(), int(t.Month())), true), true
	case uQuarter, uHalf:
		n := 3
		if u == uHalf {
			n = 6
		}
		first := day(t.Year(), (int(t.Month())-1)/n*n+1, 1).AddDate(0, n*k, 0)
		last := first.AddDate(0, n-1, 0)
		return res{edtf.Between(edtf.Month(first.Year(), int(first.Month())), edtf.Month(last.Year(), int(last.Month()))), true}, true
	case uYear:
		return single(edtf.Year(t.Year()+k), true), true
	}
	return res{}, false
}

// weekend returns Saturday and Sunday of the reference's week, moved by k weeks.
func (a anchor) weekend(k int) (res, bool) {
	if !a.ok {
		return res{}, false
	}
	if a.prec < edtf.PrecisionDay {
		return single(a.at(edtf.PrecisionDay), false), true
	}
	mon := a.t.AddDate(0, 0, -((int(a.t.Weekday())+6)%7)+7*k)
	return res{edtf.Between(dayOf(mon.AddDate(0, 0, 5)), dayOf(mon.AddDate(0, 0, 6))), true}, true
}

// weekday resolves a weekday (Monday = 1) named alone: mod 0 is the last such
// day up to the reference, -1 ("dernier") strictly before it, +1
// ("prochain") strictly after it, 2 ("ce") the one of the reference's week.
func (a anchor) weekday(wd, mod int) (res, bool) {
	if !a.ok {
		return res{}, false
	}
	if a.prec < edtf.PrecisionDay {
		return single(a.at(edtf.PrecisionDay), false), true
	}
	r := (int(a.t.Weekday())+6)%7 + 1
	var delta int
	switch mod {
	case 0:
		delta = -((r - wd + 7) % 7)
	case -1:
		delta = -((r - wd + 7) % 7)
		if delta == 0 {
			delta = -7
		}
	case 1, modNext:
		delta = (wd - r + 7) % 7
		if delta == 0 {
			delta = 7
		}
	case modComing, modThis:
		delta = (wd - r + 7) % 7
	default:
		delta = wd - r
	}
	return single(dayOf(a.t.AddDate(0, 0, delta)), mod != 0 && mod != modNext && mod != modComing), true
}

// season resolves a season without a year: mod 0 and 2 are the one of the
// reference's year (the current one if it is under way), -1 the last one
// over before the reference's season, +1 the next one to start after it.
func (a anchor) season(s, mod int) (res, bool) {
	if !a.ok {
		return res{}, false
	}
	if a.prec < edtf.PrecisionMonth {
		if mod == modPast || mod == modFuture {
			mod = 0
		}
		y := a.year()
		switch mod {
		case -1:
			y--
		case 1:
			y++
		}
		return single(edtf.Month(y, s), mod == 0 || mod == 2), true
	}
	// The season under way at the reference.
	m := a.month()
	cy, cs := a.year(), 21+((m+9)%12)/3
	if m <= 2 {
		cy--
	}
	idx := func(y, s int) int { return 4*y + s - 21 }
	cur := idx(cy, cs)
	switch mod {
	case modPast, modFuture:
		// A season alone in a sentence about the past: the last one begun
		// by the reference; about the future: the one under way or the next.
		for y := cy - 1; y <= cy+1; y++ {
			if k := idx(y, s); (mod == modPast && k <= cur && k > cur-4) || (mod == modFuture && k >= cur && k < cur+4) {
				return single(edtf.Month(y, s), true), true
			}
		}
	case -1, 1:
		for y := cy - 1; y <= cy+1; y++ {
			if k := idx(y, s); (mod < 0 && k < cur && k >= cur-4) || (mod > 0 && k > cur && k <= cur+4) {
				return single(edtf.Month(y, s), true), true
			}
		}
	}
	if s == cs && cy != a.year() {
		return single(edtf.Month(cy, s), true), true
	}
	return single(edtf.Month(a.year(), s), true), true
}

// partial is a date as written, with the parts the text gives.
type partial struct {
	y, m, d, wd int // m is 1 to 12 or a season 21 to 24
	mod         int // 0; -1 dernier; +1 prochain; 2 ce, cette
}

func (p partial) finest() int {
	switch {
	case p.d != 0:
		return 3
	case p.m != 0:
		return 2
	case p.y != 0:
		return 1
	}
	return 0
}

// fill completes p with the parts that q gives and p leaves out, when q is
// written to the same precision: "les 3 et 4 mars", "de janvier à mars 2025".
func (p partial) fill(q partial) partial {
	if p.finest() != q.finest() && !(p.d != 0 && p.m == 0 && q.d != 0) {
		return p
	}
	if p.d != 0 && p.m == 0 {
		p.m = q.m
	}
	if p.y == 0 && p.m != 0 {
		p.y = q.y
	}
	if p.mod == 0 && p.y == 0 {
		p.mod = q.mod
	}
	return p
}

// resolve turns p into a value, taking from the reference what the text leaves out.
func (a anchor) resolve(p partial) (res, bool) {
	if a.after && p.y == 0 && p.m < 21 && (p.m != 0 || p.wd != 0) {
		return a.firstAfter(p)
	}
	switch {
	case p.y != 0 && p.d != 0:
		if !validDay(p.y, p.m, p.d) {
			return res{}, false
		}
		return single(edtf.Day(p.y, p.m, p.d), true), true
	case p.y != 0 && p.m != 0:
		return single(edtf.Month(p.y, p.m), true), true
	case p.y != 0:
		return single(edtf.Year(p.y), true), true
	case p.m >= 21:
		return a.season(p.m, p.mod)
	case p.d != 0 && p.m != 0:
		return a.dayMonth(p)
	case p.m != 0:
		if !a.ok {
			return res{}, false
		}
		y, certain := a.year(), true
		if a.prec < edtf.PrecisionMonth && (p.mod == -1 || p.mod == 1) {
			certain = false
		}
		switch {
		case p.mod == -1 && p.m >= a.month():
			y--
		case p.mod == 1 && p.m <= a.month():
			y++
		case p.mod == modPast && p.m > a.month() && a.prec >= edtf.PrecisionMonth:
			y-- // "en novembre, il a plu", read in October
		case p.mod == modFuture && p.m < a.month() && a.prec >= edtf.PrecisionMonth:
			y++ // "il reviendra en juillet", read in November
		}
		return single(edtf.Month(y, p.m), certain), true
	case p.wd != 0 && p.d != 0:
		return a.weekdayDay(p)
	case p.d != 0:
		// "le 16": that day of the reference's month.
		if !a.ok || a.prec < edtf.PrecisionMonth || !validDay(a.year(), a.month(), p.d) {
			return res{}, false
		}
		if a.prec < edtf.PrecisionDay {
			return single(edtf.Month(a.year(), a.month()), false), true
		}
		if p.mod != modPast && a.prec == edtf.PrecisionDay && p.d < a.t.Day() {
			// "le 2" read on the 12th: the coming one.
			t := day(a.year(), a.month(), 1).AddDate(0, 1, 0)
			if validDay(t.Year(), int(t.Month()), p.d) {
				return single(edtf.Day(t.Year(), int(t.Month()), p.d), false), true
			}
		}
		return single(edtf.Day(a.year(), a.month(), p.d), false), true
	case p.wd != 0:
		return a.weekday(p.wd, p.mod)
	}
	return res{}, false
}

// dayMonth resolves a day and month without a year. A weekday, when given,
// chooses between the year read without it and the reference's own; when
// it fits neither, a sentence about the past goes back to the last year
// where it fits, and any other takes the weekday for a slip.
func (a anchor) dayMonth(p partial) (res, bool) {
	if !a.ok || !validDay(2000, p.m, p.d) {
		return res{}, false
	}
	y := a.year()
	if a.prec == edtf.PrecisionDay {
		switch {
		case p.mod == -1 && !day(y, p.m, p.d).Before(a.t):
			y--
		case p.mod == 1 && !day(y, p.m, p.d).After(a.t):
			y++
		}
	} else if p.mod == -1 && a.prec == edtf.PrecisionMonth && p.m > a.month() {
		y--
	} else if p.mod == 1 && a.prec == edtf.PrecisionMonth && p.m < a.month() {
		y++
	}
	// "le 8 février" read in August: more than six months back, the text
	// means the coming one.
	if p.mod == 0 && a.prec >= edtf.PrecisionMonth && validDay(y, p.m, p.d) && day(y, p.m, p.d).Before(a.t.AddDate(0, -6, 0)) {
		y++
	}
	// The tense of the sentence: "le 25 décembre, il avait neigé" read in
	// October is the last one; "elles défileront le 1er mai", the next.
	if a.prec == edtf.PrecisionDay {
		switch {
		case p.mod == modPast && validDay(y, p.m, p.d) && day(y, p.m, p.d).After(a.t):
			y--
		case p.mod == modFuture && (!validDay(y, p.m, p.d) || day(y, p.m, p.d).Before(a.t)):
			y++
		}
	} else if a.prec == edtf.PrecisionMonth {
		switch {
		case p.mod == modPast && p.m > a.month():
			y--
		case p.mod == modFuture && p.m < a.month():
			y++
		}
	}
	if p.wd == 0 || (validDay(y, p.m, p.d) && weekdayOf(day(y, p.m, p.d)) == p.wd) {
		if !validDay(y, p.m, p.d) {
			return res{}, false
		}
		return single(edtf.Day(y, p.m, p.d), true), true
	}
	if y0 := a.year(); y0 != y && p.mod != modFuture && validDay(y0, p.m, p.d) && weekdayOf(day(y0, p.m, p.d)) == p.wd {
		// "jeudi 7 mars" read in October 2024: the weekday confirms the
		// reference's own year.
		return single(edtf.Day(y0, p.m, p.d), true), true
	}
	if p.mod == modPast {
		// A sentence about the past: the last year, up to seven back, where
		// that day falls on that weekday ("le mardi 3 mars, le Parlement a
		// voté" read in 2024 is 2020), marked uncertain.
		for yy := y - 1; yy >= y-7; yy-- {
			if validDay(yy, p.m, p.d) && weekdayOf(day(yy, p.m, p.d)) == p.wd {
				return single(edtf.Day(yy, p.m, p.d).With(edtf.Uncertain), false), true
			}
		}
	}
	// Otherwise the weekday is taken for a slip: the day and month as
	// they would be read without it, not certain.
	if !validDay(y, p.m, p.d) {
		return res{}, false
	}
	return single(edtf.Day(y, p.m, p.d), false), true
}

// weekdayDay resolves "mardi 3": the first month from the reference's on
// where the 3rd is a Tuesday, searched back instead in a sentence about
// the past.
func (a anchor) weekdayDay(p partial) (res, bool) {
	if !a.ok {
		return res{}, false
	}
	base := day(a.year(), a.month(), 1)
	order := []int{0, -1, 1, -2, 2, -3, 3}
	switch p.mod {
	case modPast:
		order = []int{0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11}
	case modFuture, 0:
		order = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	}
	for _, k := range order {
		t := base.AddDate(0, k, 0)
		if validDay(t.Year(), int(t.Month()), p.d) && weekdayOf(day(t.Year(), int(t.Month()), p.d)) == p.wd {
			return single(edtf.Day(t.Year(), int(t.Month()), p.d), k == 0 && a.prec >= edtf.PrecisionMonth), true
		}
	}
	return res{}, false
}

func weekdayOf(t time.Time) int { return (int(t.Weekday())+6)%7 + 1 }

// part returns the first (k = 0), middle (1) or last (2) third of v:
// months of a year, days of a month, the months of a season, years of a
// decade or century.
func part(v edtf.Value, k int) (edtf.Value, bool) {
	if v.Interval && v.StartKind == edtf.Known && v.EndKind == edtf.Known && v.Start.Precision() == edtf.PrecisionDay &&
		v.End.Precision() == edtf.PrecisionDay && v.End.First().Sub(v.Start.First()).Hours() == 6*24 {
		// A week: Monday and Tuesday, Wednesday and Thursday, Thursday to Sunday.
		lo := []int{0, 2, 3}[k]
		hi := []int{1, 3, 6}[k]
		mon := v.Start.First()
		return edtf.Between(dayOf(mon.AddDate(0, 0, lo)), dayOf(mon.AddDate(0, 0, hi))), true
	}
	if v.Interval {
		return edtf.Value{}, false
	}
	d := v.Start
	switch {
	case d.UnspecifiedYear == 1:
		lo := []int{0, 4, 7}[k]
		hi := []int{3, 6, 9}[k]
		return edtf.Between(edtf.Year(d.Year+lo), edtf.Year(d.Year+hi)), true
	case d.UnspecifiedYear == 2:
		lo := []int{0, 34, 67}[k]
		hi := []int{33, 66, 99}[k]
		return edtf.Between(edtf.Year(d.Year+lo), edtf.Year(d.Year+hi)), true
	case d.UnspecifiedYear > 0 || d.UnspecifiedMonth:
		return edtf.Value{}, false
	case d.Day != 0:
		return edtf.Value{}, false
	case d.IsSeason():
		t := d.First().AddDate(0, k, 0)
		return edtf.Single(edtf.Month(t.Year(), int(t.Month()))), true
	case d.Month != 0:
		last := day(d.Year, d.Month+1, 0).Day()
		lo := []int{1, 10, 21}[k]
		hi := []int{10, 19, last}[k]
		return edtf.Between(edtf.Day(d.Year, d.Month, lo), edtf.Day(d.Year, d.Month, hi)), true
	}
	// A year: its first two months, June and July, its last two months.
	lo := []int{1, 6, 11}[k]
	return edtf.Between(edtf.Month(d.Year, lo), edtf.Month(d.Year, lo+1)), true
}

// startOf and endOf are the first and last known dates of v.
func startOf(v edtf.Value) (edtf.Date, bool) {
	if !v.Interval {
		return v.Start, true
	}
	return v.Start, v.StartKind == edtf.Known
}

func endOf(v edtf.Value) (edtf.Date, bool) {
	if !v.Interval {
		return v.Start, true
	}
	return v.End, v.EndKind == edtf.Known
}

// approx marks every known date of v approximate.
func approx(v edtf.Value) edtf.Value {
	v.Start = v.Start.With(edtf.Approximate)
	if v.Interval {
		v.End = v.End.With(edtf.Approximate)
	}
	return v
}

// firstAfter resolves a month, or a day and month, without a year against
// a reference known only to come after a.from: "octobre dernier" in an
// article later than the summer of 2024 is the first October from
// September 2024 on. A weekday is only known to come after a.from
// ("2024-09/.."). Such a reading is never certain.
func (a anchor) firstAfter(p partial) (res, bool) {
	t := a.from
	switch {
	case p.m != 0 && p.d != 0:
		if !validDay(2000, p.m, p.d) {
			return res{}, false
		}
		for y := t.Year(); y <= t.Year()+4; y++ {
			if validDay(y, p.m, p.d) && !day(y, p.m, p.d).Before(t) && (p.wd == 0 || weekdayOf(day(y, p.m, p.d)) == p.wd) {
				return single(edtf.Day(y, p.m, p.d), false), true
			}
		}
		return res{}, false
	case p.m != 0:
		y := t.Year()
		if p.m < int(t.Month()) {
			y++
		}
		return single(edtf.Month(y, p.m), false), true
	case p.d != 0:
		return res{}, false
	}
	// A weekday says nothing of the week: some day from then on, not an invented one.
	return res{edtf.Since(edtf.Month(t.Year(), int(t.Month()))), false}, true
}
