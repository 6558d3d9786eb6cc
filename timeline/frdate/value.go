package frdate

import (
	"time"

	"frise/timeline/edtf"
)

// value reads one temporal value at token i, with the prepositions and
// articles that lead it ("en", "le", "au mois de", "à l'"). strong says the
// words before already make a date likely, so that a bare month or year is
// taken as one.
func (s *scanner) value(i int, strong bool) (item, bool) {
	j, mod := i, 0
	for n := 0; n < 4; n++ {
		switch {
		case s.is(j, wEn) || s.is(j, wCourant) || s.is(j, wCourse):
			strong = true
			j++
			if s.is(j-1, wCourse) && (s.is(j, wDe) || s.is(j, wDu)) {
				j++
			}
			continue
		case s.is(j, wAu) && s.is(j+1, wCours) && (s.is(j+2, wDe) || s.is(j+2, wDu) || s.elided(j+2, wD)):
			strong = true
			j += 3
			if s.elided(j-1, wD) {
				j++
			}
			continue
		case s.is(j, wAu) && s.is(j+1, wUnit) && s.t[j+1].w.v == uMonth && (s.is(j+2, wDe) || s.elided(j+2, wD)):
			strong = true
			j += 3
			if s.elided(j-1, wD) {
				j++
			}
			continue
		case (s.is(j, wLe) || s.is(j, wDu)) && s.is(j+1, wUnit) && s.t[j+1].w.v == uMonth && (s.is(j+2, wDe) || s.elided(j+2, wD)):
			strong = true
			j += 3
			if s.elided(j-1, wD) {
				j++
			}
			continue
		case s.is(j, wLe) || s.is(j, wLes) || s.is(j, wDu):
			strong = true
			j++
			continue
		case s.is(j, wLa) || s.is(j, wAu) || s.is(j, wAux):
			j++
			continue
		case s.is(j, wA):
			strong = true
			j++
			continue
		case s.elided(j, wL):
			j += 2
			continue
		case s.is(j, wDe):
			strong = true
			j++
			continue
		case s.elided(j, wD) && !s.is(j+2, wIci):
			strong = true
			j += 2
			continue
		case s.is(j, wCe) || s.is(j, wCet) || s.is(j, wCette):
			mod = 2
			j++
		}
		break
	}
	if j >= s.lim {
		return item{}, false
	}
	if s.wordAt(j) == "maintenant" && (s.is(j-1, wEntre) || s.is(j-1, wEt) && s.rangeOpen(j-1)) {
		// "entre maintenant et le 15 novembre", "entre le 22 janvier et maintenant"
		r, ok := s.a.shift(0, uDay)
		return item{r: r, start: j, end: j + 1}, ok
	}
	var it item
	var ok bool
	// "dans le courant de l'année", "au cours du mois": the period under way.
	if j > i && s.is(j, wUnit) && !s.t[j].w.pl && s.t[j].w.v != uDay && (s.is(j-1, wCourant) || s.is(j-1, wCours) ||
		s.punct(j-1, '\'') && (s.is(j-3, wCourant) || s.is(j-3, wCours) || s.is(j-4, wCourant) || s.is(j-4, wCours)) ||
		(s.is(j-1, wDe) || s.is(j-1, wDu) || s.is(j-1, wLa)) && (s.is(j-2, wCourant) || s.is(j-2, wCours) || s.is(j-3, wCourant) || s.is(j-3, wCours))) &&
		!s.isYearAt(j+1) && !s.is(j+1, wDernier) && !s.is(j+1, wProchain) && !s.is(j+1, wDe) && !s.elided(j+1, wD) {
		r, ok := s.a.period(int(s.t[j].w.v), 0)
		if !ok {
			return item{}, false
		}
		return item{r: r, start: j, end: j + 1}, true
	}
	if j > i && (s.is(j-1, wLes) || s.is(j-1, wDes) || s.is(j-1, wCes)) {
		if it, ok = s.recent(j - 1); ok {
			it.start = j - 1
			return it, true
		}
	}
	switch s.t[j].kind {
	case kNum:
		if it, ok = s.recent(j); ok {
			break
		}
		if it, ok = s.decadeS(j); ok {
			break
		}
		if it, ok = s.numeric(j); ok {
			break
		}
		if it, ok = s.spaced(j); ok {
			break
		}
		if it, ok = s.ordinalPeriod(j); ok {
			break
		}
		it, ok = s.pdate(j, strong, mod)
	case kWord:
		it, ok = s.wordValue(j, strong, mod)
	}
	if !ok {
		return item{}, false
	}
	it.start = j
	return it, true
}

func (s *scanner) wordValue(j int, strong bool, mod int) (item, bool) {
	switch s.id(j) {
	case wHier, wDemain, wAujourd, wAvant:
		return s.deictic(j)
	case wIl, wVoila, wDans:
		if it, ok := s.ago(j); ok || !s.is(j, wDans) {
			return it, ok
		}
		if y, e, ok := s.yearWordsAt(j + 1); ok {
			return item{p: partial{y: y}, isP: true, end: e}, true // "dans mille sept cent quatre-vingt-neuf"
		}
		return item{}, false
	case wCes, wLes, wDes, wNum:
		if it, ok := s.recent(j); ok || !s.is(j, wNum) {
			return it, ok
		}
	case wFin, wDebut, wMi, wMilieu:
		return s.partOf(j)
	case wUnit, wWeek:
		if it, ok := s.relPeriod(j, mod); ok {
			return it, true
		}
		if it, ok := s.decade(j); ok {
			return it, true
		}
	case wApres:
		if mod == 2 && s.is(s.hyphen(j+1), wPartOfDay) {
			r, ok := s.a.shift(0, uDay)
			return item{r: r, end: s.hyphen(j+1) + 1}, ok
		}
		return s.deictic(j)
	case wPartOfDay:
		if mod == 2 {
			r, ok := s.a.shift(0, uDay)
			return item{r: r, end: j + 1}, ok
		}
		return item{}, false
	case wOrd, wDernier, wT, wS:
		if it, ok := s.ordinalPeriod(j); ok {
			return it, true
		}
	case wRoman:
		return s.century(j)
	case wSeason:
		return s.seasonAt(j, mod)
	case wDecennie:
		if it, ok := s.decade(j); ok || !s.a.ok || s.a.prec < edtf.PrecisionYear {
			return it, ok
		}
		// "cette décennie", "la décennie prochaine"
		k, e := 0, j+1
		switch {
		case s.is(e, wDernier):
			k, e = -1, e+1
		case s.is(e, wProchain):
			k, e = 1, e+1
		case mod != 2:
			return item{}, false
		}
		return item{r: single(edtf.Date{Year: s.a.year()/10*10 + 10*k, UnspecifiedYear: 1}, true), end: e}, true
	case wHoliday:
		return s.holiday(j)
	case wProchain:
		// "prochain juin", "le prochain 14 juillet": the month or the day
		// after the word, as "juin prochain".
		if m, k, ok := s.month(j+1, false); ok && !s.t[j+1].w.abbr && !s.isYearAt(k) && !s.isDayAt(k) && s.a.ok {
			return item{p: partial{m: m, mod: 1}, isP: true, end: k}, true
		}
		if it, ok := s.pdate(j+1, true, 0); ok && s.a.ok && it.isP && it.p.d != 0 && it.p.m >= 1 && it.p.m <= 12 && it.p.y == 0 && it.p.wd == 0 {
			it.p.mod = 1
			return it, true
		}
	}
	if s.is(j, wUnit) && s.t[j].w.v == uDay && s.is(j+1, wDe) && s.elided(j+2, wL) && s.is(j+4, wUnit) && s.t[j+4].w.v == uYear && !s.t[j+4].w.pl {
		// "le jour de l'an", the coming one without a tense
		p := partial{m: 1, d: 1}
		if s.a.ok && !s.isYearAt(j+5) {
			if p.mod = s.dayMonthTense(j); p.mod == 0 {
				p.mod = modFuture
			}
		}
		return s.withYear(p, j+5)
	}
	return s.pdate(j, strong, mod)
}

// holiday reads "Noël", "la Toussaint", "le nouvel an", "la fête du
// travail", "la Saint-Sylvestre", "Noël 2015": a day and month.
func (s *scanner) holiday(j int) (item, bool) {
	h := holidays[s.t[j].w.v]
	e := j + 1
	if h.m == 0 || h.d < 0 {
		return s.movable(j, h.m, h.d, h.after)
	}
	switch {
	case h.saint:
		if !(s.punct(j-1, '-') && s.wordAt(j-2) == "saint") {
			return item{}, false
		}
	case h.after == "an":
		if !(s.is(e, wUnit) && s.t[e].w.v == uYear && !s.t[e].w.pl) {
			return item{}, false
		}
		e++
	case h.after != "":
		if !(s.is(e, wDu) && s.wordAt(e+1) == h.after) {
			return item{}, false
		}
		e += 2
	}
	if e < s.lim && s.t[e].kind == kWord && s.t[e].up && s.t[j].up && !s.isYearAt(e) {
		return item{}, false // Noël Mamère: a first name
	}
	if s.is(j-1, wLes) || s.is(j-1, wDes) {
		return item{}, false // "les fêtes", "des Noëls"
	}
	p := partial{m: h.m, d: h.d}
	// "la veille de Noël", "le réveillon du nouvel an": the day before, a fixed day too.
	if k := j - 1; s.is(k, wDe) || s.is(k, wDu) {
		if w := s.wordAt(k - 1); (w == "veille" || w == "reveillon") && (h.m == 12 && h.d == 25 || h.m == 1 && h.d == 1) {
			p.d--
			if p.d == 0 {
				p.m, p.d = 12, 31
			}
		}
	}
	if s.a.ok && !s.isYearAt(e) {
		// A feast named without a tense is the coming one: "le nouvel an" read
		// in February is the next.
		if p.mod = s.dayMonthTense(j); p.mod == 0 {
			p.mod = modFuture
		}
	}
	return s.withYear(p, e)
}

// movable reads a feast whose day changes with the year: Thanksgiving (the
// fourth Thursday of November), la fête des pères (the third Sunday of
// June), Pâques, la Pentecôte, l'Ascension (counted from Easter Sunday).
// m and d are as in holidays; after is a word that must come next.
func (s *scanner) movable(j, m, d int, after string) (item, bool) {
	e := j + 1
	switch {
	case after == "giving":
		if s.wordAt(e) != "giving" {
			return item{}, false
		}
		e++
	case after == "grace":
		if !(s.is(e, wDe) && s.wordAt(e+1) == "grace") || !s.elided(j-2, wL) {
			return item{}, false
		}
		e += 2
	case m == 6:
		if !(s.is(j-1, wDes) && s.wordAt(j-2) == "fete") {
			return item{}, false // "les pères"
		}
	case m == 0 && d == 0:
		if s.t[j].gap == gapNone && s.punct(j-1, '-') {
			return item{}, false // "l'île-de-Pâques"
		}
		if s.is(j-1, wDe) && easterThings[s.wordAt(j-2)] {
			return item{}, false // "les œufs de Pâques", "les vacances de Pâques"
		}
	}
	if m == 0 && !s.t[j].up && s.wordAt(j) != "paques" {
		return item{}, false // "l'ascension du mont Blanc"
	}
	if k := j - 1; m == 0 && d != 39 {
		// "le lundi de Pâques", "le lundi de la Pentecôte"
		if s.is(k, wLa) {
			k--
		}
		if s.is(k, wDe) && s.is(k-1, wWeekday) && s.t[k-1].w.v == 1 {
			d++
		}
	}
	at := func(y int) time.Time {
		switch {
		case m == 0:
			return easter(y).AddDate(0, 0, d)
		case d <= -10:
			return nthWeekday(y, m, 4, -10-d)
		default:
			return nthWeekday(y, m, 7, -d)
		}
	}
	var y int
	switch {
	case s.isYearAt(e) && s.yearCheck(e, true, true):
		y, e = int(s.t[e].n), e+1
	case s.is(e, wDe) && s.isYearAt(e+1) && s.yearCheck(e+1, true, true):
		y, e = int(s.t[e+1].n), e+2
	default:
		if !s.a.ok {
			return item{}, false
		}
		t := at(s.a.year())
		p := partial{m: int(t.Month()), d: t.Day(), mod: s.dayMonthTense(j)}
		if p.mod == 0 {
			p.mod = modFuture // the coming one without a tense, as a feast on a fixed day
		}
		if s.is(e, wDernier) {
			p.mod, e = -1, e+1
		} else if s.is(e, wProchain) {
			p.mod, e = 1, e+1
		}
		r, ok := s.a.resolve(p)
		if !ok || r.v.Interval || r.v.Precision() != edtf.PrecisionDay {
			return item{r: r, end: e}, ok
		}
		y = r.v.Start.Year
	}
	return item{r: single(dayOf(at(y)), true), end: e}, true
}

// easterThings are the nouns that "de Pâques" names a thing or a season
// after, not the feast's day.
var easterThings = map[string]bool{"oeuf": true, "oeufs": true, "lapin": true, "lapins": true, "cloche": true,
	"cloches": true, "chocolat": true, "chocolats": true, "agneau": true, "ile": true, "vacances": true,
	"conges": true, "chasse": true, "poule": true, "poules": true, "brioche": true, "marche": true}

// nthWeekday returns the nth weekday wd (Monday = 1) of month m in year y.
func nthWeekday(y, m, wd, n int) time.Time {
	t := day(y, m, 1)
	t = t.AddDate(0, 0, (wd-weekdayOf(t)+7)%7)
	return t.AddDate(0, 0, 7*(n-1))
}

// easter returns Easter Sunday of year y (the Gregorian computus).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	return day(y, month, (h+l-7*m+114)%31+1)
}

// withYear completes a day and month with a year written after it.
func (s *scanner) withYear(p partial, e int) (item, bool) {
	if s.isYearAt(e) && s.yearCheck(e, true, true) {
		p.y, e = int(s.t[e].n), e+1
	} else if s.is(e, wDernier) {
		p.mod, e = -1, e+1
	} else if s.is(e, wProchain) {
		p.mod, e = 1, e+1
	}
	return item{p: p, isP: true, end: e}, true
}

// deictic reads hier, avant-hier, aujourd'hui, demain, après-demain, with
// an optional part of the day (hier soir).
func (s *scanner) deictic(j int) (item, bool) {
	var n, e int
	switch {
	case s.is(j, wHier):
		n, e = -1, j+1
	case s.is(j, wDemain):
		n, e = 1, j+1
	case s.elided(j, wAujourd) && s.is(j+2, wHui):
		n, e = 0, j+3
	case s.is(j, wAvant) && s.is(s.hyphen(j+1), wHier):
		n, e = -2, s.hyphen(j+1)+1
	case s.is(j, wApres) && s.is(s.hyphen(j+1), wDemain):
		n, e = 2, s.hyphen(j+1)+1
	default:
		return item{}, false
	}
	if n <= 0 && s.notSince(j) {
		return item{}, false
	}
	r, ok := s.a.shift(n, uDay)
	return item{r: r, end: s.dayPart(e)}, ok
}

// dayPart skips a part of the day after a day: soir, matin, après-midi, au matin.
func (s *scanner) dayPart(e int) int {
	switch {
	case s.is(e, wPartOfDay):
		return e + 1
	case s.is(e, wApres) && s.is(s.hyphen(e+1), wPartOfDay):
		return s.hyphen(e+1) + 1
	case s.is(e, wAu) && s.is(e+1, wPartOfDay):
		return e + 2
	}
	return e
}

// count reads a number of units: "trois", "12", "une dizaine d'", "près de deux".
func (s *scanner) count(j int) (n int, approximate bool, end int, ok bool) {
	for range 3 {
		switch {
		case (s.is(j, wPres) || s.is(j, wPlus) || s.is(j, wMoins)) && (s.is(j+1, wDe) || s.elided(j+1, wD)):
			approximate = true
			j += 2
			if s.elided(j-1, wD) {
				j++
			}
			continue
		case s.is(j, wEnviron) || s.is(j, wPresque):
			approximate = true
			j++
			continue
		}
		break
	}
	if s.is(j, wNum) && s.t[j].w.v == 1 && s.is(j+1, wApprox) && (s.is(j+2, wDe) || s.elided(j+2, wD)) {
		e := j + 3
		if s.elided(j+2, wD) {
			e++
		}
		return int(s.t[j+1].w.v), true, e, true
	}
	if v, nd, isNum := s.num(j); isNum {
		if nd > 3 || s.glued(j+1) && s.t[j+1].kind != kPunct || s.glued(j) && j > 0 && s.t[j-1].kind != kPunct {
			return 0, false, 0, false
		}
		return v, approximate, j + 1, true
	}
	if v, e, isNum := s.wordNum(j); isNum {
		return v, approximate, e, true
	}
	return 0, false, 0, false
}

// unitAt returns the unit named at token e, or 0.
func (s *scanner) unitAt(e int) int {
	switch s.id(e) {
	case wUnit, wDecennie, wSiecle:
		return int(s.t[e].w.v)
	}
	return 0
}

// ago reads "il y a trois ans", "voilà deux mois", "dans trois jours".
func (s *scanner) ago(j int) (item, bool) {
	sign, k := -1, j
	switch {
	case s.is(j, wIl) && s.is(j+1, wY) && s.is(j+2, wA):
		k = j + 3
	case s.is(j, wVoila):
		k = j + 1
	case s.is(j, wDans):
		sign, k = 1, j+1
		if it, ok := s.recent(k); ok {
			return it, true
		}
		// "dans la semaine", "dans la journée", "dans l'année": the period under way.
		u := k + 1
		if s.elided(k, wL) {
			u = k + 2
		}
		if (s.is(k, wLa) || s.is(k, wLe) || s.elided(k, wL)) && s.is(u, wUnit) && !s.t[u].w.pl && s.t[u].w.v != uHalf &&
			s.t[u].w.v != uQuarter && !s.isYearAt(u+1) && !s.is(u+1, wDernier) && !s.is(u+1, wProchain) &&
			!s.is(u+1, wDe) && !s.is(u+1, wDu) && !s.elided(u+1, wD) && !s.is(u+1, wAnchor) && !(s.t[u].w.v == uYear && s.wordAt(u) == "an") {
			r, ok := s.a.period(int(s.t[u].w.v), 0)
			return item{r: r, end: u + 1}, ok
		}
		// "dans quelques mois": some time after the reference, its end unknown.
		if s.is(k, wQuelque) && s.unitAt(k+1) >= uDay && s.unitAt(k+1) <= uYear && s.a.ok {
			now := s.a.at(edtf.PrecisionDay)
			return item{r: res{edtf.Value{Start: now, Interval: true, EndKind: edtf.Unknown}, false}, end: k + 2}, true
		}
		// "dans les quinze jours": from the reference to then.
		if s.is(k, wLes) {
			if n, approximate, e, ok := s.count(k + 1); ok && !approximate && s.unitAt(e) >= uDay && s.unitAt(e) <= uYear {
				r, ok := s.a.move(n, s.unitAt(e))
				now := s.a.at(edtf.PrecisionDay)
				if !ok || now.Precision() != r.v.Start.Precision() {
					return item{}, false
				}
				return item{r: res{edtf.Between(now, r.v.Start), r.certain}, end: e + 1}, true
			}
		}
	default:
		return item{}, false
	}
	n, approximate, e, ok := s.count(k)
	if !ok {
		return item{}, false
	}
	u := s.unitAt(e)
	if u == 0 || u == uQuarter || u == uHalf {
		return item{}, false
	}
	r, ok := s.a.move(sign*n, u)
	if !ok {
		return item{}, false
	}
	// "il y a deux ans et trois mois": the parts add up, read at the finest unit.
	if n2, approx2, e2, ok2 := s.count(e + 2); ok2 && s.is(e+1, wEt) && !approx2 && u >= uMonth && u <= uYear {
		if u2 := s.unitAt(e2); u2 != 0 && u2 < u && u2 != uQuarter && u2 != uHalf && s.a.ok {
			a := s.a
			t := a.t
			switch u {
			case uYear:
				t = t.AddDate(sign*n, 0, 0)
			case uMonth:
				t = t.AddDate(0, sign*n, 0)
			}
			a.t = t
			if r2, ok := a.move(sign*n2, u2); ok {
				r, e = r2, e2
			}
		}
	}
	if approximate {
		r.v = approx(r.v)
	}
	// "dans deux jours à partir d'aujourd'hui", "à compter d'aujourd'hui"
	if k := e + 1; sign > 0 && s.is(k, wA) && (s.is(k+1, wPartir) || s.wordAt(k+1) == "compter") && s.elided(k+2, wD) &&
		s.elided(k+4, wAujourd) && s.is(k+6, wHui) {
		e = k + 6
	}
	return item{r: r, end: e + 1}, true
}

// recent reads "ces derniers mois", "les trois dernières années", "les
// prochains jours", "les 30 jours précédents": an interval before or after
// the reference. j is the article (les, ces, des) or, without one, the count.
func (s *scanner) recent(j int) (item, bool) {
	k := j
	if s.is(j, wLes) || s.is(j, wCes) || s.is(j, wDes) {
		k++
	}
	n, _, e, hasCount := s.count(k)
	if hasCount {
		k = e
	} else if k == j {
		return item{}, false
	}
	dir, u, end := 0, 0, 0
	switch {
	case s.is(k, wDernier):
		dir, u, end = -1, s.unitAt(k+1), k+2
	case s.is(k, wProchain):
		dir, u, end = 1, s.unitAt(k+1), k+2
	case hasCount && s.unitAt(k) != 0:
		// "les 30 jours précédents", "2 semaines passées", "les trois mois à venir"
		u, end = s.unitAt(k), k+2
		switch w := s.wordAt(k + 1); {
		case s.is(k+1, wDernier) || w == "precedents" || w == "precedentes":
			dir = -1
		case s.is(k+1, wProchain) || w == "suivants" || w == "suivantes" || w == "suivant":
			dir = 1
		case s.is(k+1, wA) && s.wordAt(k+2) == "venir":
			dir, end = 1, k+3
		}
	}
	if dir == 0 || u == 0 || u > uYear || !s.t[end-1].w.pl && !s.t[k+1].w.pl && u != uMonth && !hasCount {
		return item{}, false
	}
	if hasCount && n < 1 {
		return item{}, false
	}
	if !s.a.ok {
		return item{}, false
	}
	if !hasCount {
		now := s.a.at(unitPrec(u))
		if dir < 0 {
			return item{r: res{edtf.Value{End: now, Interval: true, StartKind: edtf.Unknown}, false}, end: end}, true
		}
		return item{r: res{edtf.Value{Start: now, Interval: true, EndKind: edtf.Unknown}, false}, end: end}, true
	}
	// The n whole periods before or after the reference's own.
	lo, hi := -n, -1
	if dir > 0 {
		lo, hi = 1, n
	}
	first, ok1 := s.a.period(u, lo)
	last, ok2 := s.a.period(u, hi)
	if !ok1 || !ok2 {
		return item{}, false
	}
	a, _ := startOf(first.v)
	b, _ := endOf(last.v)
	if a == b {
		return item{r: res{edtf.Single(a), false}, end: end}, true
	}
	return item{r: res{edtf.Between(a, b), first.certain}, end: end}, true
}

// relPeriod reads "la semaine dernière", "le mois prochain", "cette année",
// "l'an passé", "ce week-end", "le trimestre dernier", "ce mois-ci".
func (s *scanner) relPeriod(j, mod int) (item, bool) {
	var u int
	e := j + 1
	weekend := false
	switch {
	case s.is(j, wUnit):
		u = int(s.t[j].w.v)
		if s.t[j].w.pl {
			return item{}, false
		}
		if _, _, _, days := s.weekdaysIn(e); u == uWeek && s.is(e, wDu) && !days {
			// "la semaine du 7 octobre": Monday to Sunday around that day.
			inner, ok := s.value(e, true)
			if !ok {
				return item{}, false
			}
			r, ok := s.resolve(inner)
			if !ok || r.v.Interval || r.v.Precision() != edtf.PrecisionDay {
				return item{}, false
			}
			t := r.v.Start.First()
			mon := t.AddDate(0, 0, 1-weekdayOf(t))
			if weekdayOf(t) == 7 {
				mon = t.AddDate(0, 0, 1) // "la semaine du dimanche 6 octobre" begins the next day
			}
			return item{r: res{edtf.Between(dayOf(mon), dayOf(mon.AddDate(0, 0, 6))), r.certain}, end: inner.end}, true
		}
	case s.is(j, wWeek):
		weekend = true
		if s.is(s.hyphen(j+1), wEnd) {
			e = s.hyphen(j+1) + 1
		}
	default:
		return item{}, false
	}
	if v, nd, ok := s.num(e); !weekend && u == uWeek && ok && nd <= 2 && v >= 1 && v <= 53 && (s.is(j-1, wLa) || s.is(j-1, wDe)) &&
		!(s.glued(e+1) && s.t[e+1].kind != kPunct) && s.clauseEnd(e+1) && s.a.ok {
		// "la semaine 31": the ISO week of the reference's year
		y := s.a.year()
		jan4 := day(y, 1, 4)
		mon := jan4.AddDate(0, 0, 1-weekdayOf(jan4)+7*(v-1))
		if mon.Year() > y {
			return item{}, false
		}
		return item{r: res{edtf.Between(dayOf(mon), dayOf(mon.AddDate(0, 0, 6))), true}, end: e + 1}, true
	}
	if !weekend && u >= uWeek && s.restOf(j) && !s.is(e, wDernier) && !s.is(e, wProchain) && !s.is(e, wAnchor) {
		// "le reste de la semaine", "le reste du mois": from the reference to the period's end.
		r, ok := s.a.period(u, 0)
		d, ok2 := endOf(r.v)
		if !ok || !ok2 || s.a.prec != edtf.PrecisionDay {
			return item{}, false
		}
		if s.punct(e, '-') && s.is(e+1, wCi) {
			e += 2
		} else if s.is(e, wEn) && s.is(e+1, wCours) {
			e += 2
		}
		return item{r: res{edtf.Between(dayOf(s.a.t), dayOf(d.Last())), true}, end: e}, true
	}
	k := 0
	switch {
	case s.is(e, wDernier):
		k, e = -1, e+1
	case s.is(e, wProchain):
		k, e = 1, e+1
	case s.is(e, wApres) && (s.is(e+1, wLe) || s.is(e+1, wLa)) && s.is(e+2, wProchain) && !s.is(j-1, wCe) && !s.is(j-1, wCet) && !s.is(j-1, wCette):
		k, e = 2, e+3 // "le mois après le prochain"
	case s.is(e, wA) && s.wordAt(e+1) == "venir" && !s.is(j-1, wLes) && !s.is(j-1, wDes) && !s.is(j-1, wCes):
		k, e = 1, e+2 // "le mois à venir"
	case mod == 2:
		if s.punct(e, '-') && s.is(e+1, wCi) {
			e += 2
		} else if s.punct(e, '-') && s.is(e+1, wLa) {
			return item{}, false // "cette année-là" depends on another event
		}
	case s.is(e, wEn) && s.is(e+1, wCours):
		e += 2
	case weekend && s.is(j-1, wLe) && !(s.is(e, wDe) || s.is(e, wDu) || s.elided(e, wD) || s.is(e, wDes)) &&
		(s.tense(j) != 0 || s.alone(j-1, e)):
		// "le week-end": the coming one, or the last one in a sentence about
		// the past; in the present it is a habit ("il travaille le week-end"),
		// but alone, as a heading, the coming one.
		if wd := weekdayOf(s.a.t); s.a.ok && wd < 6 && s.tense(j) < 0 {
			k = -1
		}
	default:
		return item{}, false
	}
	var r res
	var ok bool
	if weekend {
		r, ok = s.a.weekend(k)
	} else {
		r, ok = s.a.period(u, k)
	}
	if ok && u == uWeek && r.v.Interval && r.v.Precision() == edtf.PrecisionDay {
		// "la semaine prochaine entre mercredi et vendredi", "cette semaine du mardi au jeudi"
		if a, b, e2, ok2 := s.weekdaysIn(e); ok2 {
			mon := r.v.Start.First()
			r.v = edtf.Between(dayOf(mon.AddDate(0, 0, a-1)), dayOf(mon.AddDate(0, 0, b-1)))
			e = e2
		}
	}
	return item{r: r, end: e}, ok
}

// weekdaysIn reads a span of weekdays inside a week named before it:
// "entre mercredi et vendredi", "du mardi au jeudi", "de lundi à mercredi".
func (s *scanner) weekdaysIn(e int) (a, b, end int, ok bool) {
	var sep uint8
	switch {
	case s.is(e, wEntre):
		sep = wEt
	case s.is(e, wDu):
		sep = wAu
	case s.is(e, wDe):
		sep = wA
	default:
		return 0, 0, 0, false
	}
	k := e + 1
	if sep == wEt && s.is(k, wLe) {
		k++
	}
	if !s.is(k, wWeekday) || s.t[k].w.abbr || !s.is(k+1, sep) {
		return 0, 0, 0, false
	}
	a, k = int(s.t[k].w.v), k+2
	if sep == wEt && s.is(k, wLe) {
		k++
	}
	if !s.is(k, wWeekday) || s.t[k].w.abbr || int(s.t[k].w.v) <= a {
		return 0, 0, 0, false
	}
	return a, int(s.t[k].w.v), k + 1, true
}

// rangeOpen reports whether "entre" comes a few words before token k: the
// "et" at k closes a range.
func (s *scanner) rangeOpen(k int) bool {
	for i := k - 1; i >= 0 && i >= k-6; i-- {
		if s.is(i, wEntre) {
			return true
		}
	}
	return false
}

// restOf reports whether the unit at j follows "le reste de la", "le reste
// du", "le reste de l'", "le reste de cette".
func (s *scanner) restOf(j int) bool {
	k := j - 1
	switch {
	case s.is(k, wDu):
		k--
	case s.is(k, wLa) || s.is(k, wCette) || s.wordAt(k) == "ma" || s.wordAt(k) == "mon":
		k -= 2
		if !s.is(k+1, wDe) {
			return false
		}
	case s.punct(k, '\'') && s.is(k-1, wL):
		k -= 3
		if !s.is(k+1, wDe) {
			return false
		}
	case s.is(k, wDe):
		k--
	default:
		return false
	}
	return s.wordAt(k) == "reste"
}

// partOf reads début 2024, fin octobre, mi-mars, fin de l'année, au milieu
// des années 1990, fin du mois: the first, middle or last third of a period.
func (s *scanner) partOf(j int) (item, bool) {
	k := 0
	switch s.id(j) {
	case wMilieu, wMi:
		k = 1
	case wFin:
		k = 2
	}
	e := j + 1
	if s.is(e, wEn) || s.is(e, wA) || s.is(e, wAu) {
		return item{}, false // "prendre fin en 2150": the verb, not the end of the year
	}
	if s.is(j, wMi) {
		e = s.hyphen(e)
	} else {
		switch {
		case s.is(e, wDe) || s.is(e, wDu) || s.is(e, wDes):
			e++
		case s.elided(e, wD):
			e += 2
		}
	}
	var inner item
	var ok bool
	// A bare unit: "fin de l'année", "fin d'année", "début du mois", "fin du mois prochain".
	u := e
	if s.elided(u, wL) {
		u += 2
	} else if s.is(u, wLa) || s.is(u, wCette) || s.is(u, wCe) || s.is(u, wCet) {
		u++
	}
	monthNamed := s.is(u, wUnit) && s.t[u].w.v == uMonth && (s.is(u+1, wDe) && s.is(u+2, wMonth) || s.elided(u+1, wD) && s.is(u+3, wMonth))
	if s.is(u, wUnit) && !s.t[u].w.pl && !s.isYearAt(u+1) && !monthNamed {
		mod := 0
		if s.is(u-1, wCette) || s.is(u-1, wCe) || s.is(u-1, wCet) {
			mod = 2
		}
		if inner, ok = s.relPeriod(u, mod); !ok {
			unit := int(s.t[u].w.v)
			if unit == uDay {
				return item{}, false
			}
			var r res
			next := 0
			if unit == uMonth && k == 0 && s.a.ok && s.a.prec == edtf.PrecisionDay && s.a.t.Day() > 10 && s.tense(j) >= 0 {
				next = 1 // "au début du mois" read on the 12th: the next one's
			}
			r, ok = s.a.period(unit, next)
			inner = item{r: r, end: u + 1}
			if s.is(u+1, wEn) && s.is(u+2, wCours) {
				inner.end = u + 3
			}
		}
		if !ok {
			return item{}, false
		}
	} else {
		if monthNamed {
			e = u + 1 // "fin du mois de mars": the month itself
		}
		inner, ok = s.value(e, true)
		if !ok {
			return item{}, false
		}
	}
	r, ok := s.resolve(inner)
	if !ok {
		return item{}, false
	}
	v, ok := part(r.v, k)
	if !ok {
		return item{}, false
	}
	if d := r.v.Start; k == 0 && !r.v.Interval && d.Day == 0 && d.Month >= 1 && d.Month <= 12 && d.UnspecifiedYear == 0 && !s.is(u, wUnit) ||
		k == 0 && monthNamed {
		// "début avril": its first five days; "au début du mois" is its first ten.
		v = edtf.Between(edtf.Day(d.Year, d.Month, 1), edtf.Day(d.Year, d.Month, 5))
	}
	return item{r: res{v, r.certain}, end: inner.end}, true
}

func (s *scanner) isYearAt(i int) bool {
	n, nd, ok := s.num(i)
	return ok && nd == 4 && n >= 1000 && n <= 2199
}

// ordinal reads 1er, 2e, 3ème, premier, second, troisième.
func (s *scanner) ordinal(j int) (n, end int, ok bool) {
	if v, nd, isNum := s.num(j); isNum && nd <= 2 && s.is(j+1, wSuf) && s.glued(j+1) {
		return v, j + 2, true
	}
	if s.is(j, wOrd) {
		return int(s.t[j].w.v), j + 1, true
	}
	return 0, 0, false
}

// ordinalPeriod reads "au premier trimestre 2023", "le second semestre",
// "le dernier trimestre de l'année", "T1 2023", "le 21e siècle".
func (s *scanner) ordinalPeriod(j int) (item, bool) {
	var n, e, u int
	if (s.is(j, wT) || s.is(j, wS)) && s.glued(j+1) {
		if (s.wordAt(j) == "q" || s.wordAt(j) == "h") && !s.t[j].up {
			return item{}, false // Q1 and H1 in capitals only: "h" is an hour
		}
		v, nd, ok := s.num(j + 1)
		if !ok || nd != 1 || s.glued(j+2) && s.t[j+2].kind != kPunct {
			return item{}, false
		}
		n, e, u = v, j+2, uQuarter
		if s.is(j, wS) {
			u = uHalf
		}
		if !s.isYearAt(e) {
			return item{}, false
		}
	} else if s.isYearAt(j) {
		// "2016 Q3", "2016H2", "2019-H2", "2017-trimestre1"
		k := j + 1
		if s.punct(k, '-') && s.glued(k) && s.glued(k+1) {
			k++
		}
		named := s.is(k, wUnit) && !s.t[k].w.pl && (s.t[k].w.v == uQuarter || s.t[k].w.v == uHalf)
		if !(s.is(k, wT) || s.is(k, wS)) && !named || !named && !s.t[k].up || !s.glued(k+1) || s.t[k].gap == gapLine {
			return item{}, false
		}
		v, nd, ok := s.num(k + 1)
		if !ok || nd != 1 || s.glued(k+2) && s.t[k+2].kind != kPunct {
			return item{}, false
		}
		n, u, e = v, uQuarter, k+2
		if s.is(k, wS) || named && s.t[k].w.v == uHalf {
			u = uHalf
		}
		size := 3
		if u == uHalf {
			size = 6
		}
		if n < 1 || n > 12/size {
			return item{}, false
		}
		y, first := int(s.t[j].n), size*(n-1)+1
		return item{r: res{edtf.Between(edtf.Month(y, first), edtf.Month(y, first+size-1)), true}, end: e}, true
	} else {
		var ok bool
		if s.is(j, wDernier) {
			n, e, ok = -1, j+1, true
		} else {
			n, e, ok = s.ordinal(j)
		}
		if !ok {
			return item{}, false
		}
		if s.is(e, wSiecle) && n > 0 {
			return item{r: single(edtf.Date{Year: (n - 1) * 100, UnspecifiedYear: 2}, true), end: e + 1}, true
		}
		if it, ok := s.ofMonth(n, e); ok {
			return it, true
		}
		if it, ok := s.weekOfYear(n, e); ok {
			return it, true
		}
		if s.wordAt(e) == "quart" && (s.is(e+1, wDe) || s.elided(e+1, wD)) && n <= 4 {
			u = uQuarter // "le troisième quart de 2016"
		} else if !s.is(e, wUnit) || (s.t[e].w.v != uQuarter && s.t[e].w.v != uHalf) || s.t[e].w.pl {
			return item{}, false
		} else {
			u = int(s.t[e].w.v)
		}
		e++
	}
	size := 3
	if u == uHalf {
		size = 6
	}
	if n == -1 {
		n = 12 / size
	}
	if n < 1 || n > 12/size {
		return item{}, false
	}
	// The year: "2023", "de 2023", "de l'année 2023", "de l'année", "de cette année", "de l'année dernière".
	y, certain := 0, true
	k := e
	if s.is(k, wDe) {
		k++
	}
	if s.elided(k, wL) || s.elided(k, wD) {
		k += 2
	} else if s.is(k, wCette) {
		k++
	}
	switch {
	case s.isYearAt(e):
		y, e = int(s.t[e].n), e+1
	case s.isYearAt(k):
		y, e = int(s.t[k].n), k+1
	case k > e && (s.is(k, wMille) || s.is(k, wNum) && s.is(s.hyphen(k+1), wMille)) && s.yearWordsOK(k):
		y, e, _ = s.yearWords(k)
	case s.is(k, wUnit) && s.t[k].w.v == uYear && s.isYearAt(k+1):
		y, e = int(s.t[k+1].n), k+2
	case s.is(k, wUnit) && s.t[k].w.v == uYear && k > e:
		off := 0
		e = k + 1
		switch {
		case s.is(e, wDernier):
			off, e = -1, e+1
		case s.is(e, wProchain):
			off, e = 1, e+1
		}
		if !s.a.ok {
			return item{}, false
		}
		y = s.a.year() + off
	default:
		if !s.a.ok {
			return item{}, false
		}
		if n == 12/size && s.is(j, wDernier) {
			// "le dernier trimestre" alone: the last one over.
			r, ok := s.a.period(u, -1)
			return item{r: r, end: e}, ok
		}
		y = s.a.year()
		// "il reviendra au troisième trimestre" read in November: the next
		// year's; "il a chuté au quatrième trimestre" read in March: the last.
		if s.a.prec >= edtf.PrecisionMonth {
			switch m := s.a.month(); s.tense(j) {
			case 1:
				if size*n < m {
					y++
				}
			case -1:
				if size*(n-1)+1 > m {
					y--
				}
			}
		}
	}
	first := size*(n-1) + 1
	return item{r: res{edtf.Between(edtf.Month(y, first), edtf.Month(y, first+size-1)), certain}, end: e}, true
}

// weekOfYear reads the week of a year after its ordinal n (-1 for
// "dernière"): "la troisième semaine de 2027", "la première semaine de
// cette année", "la dernière semaine de l'année prochaine". Weeks are the
// ISO ones: the first holds the 4th of January.
func (s *scanner) weekOfYear(n, e int) (item, bool) {
	if !s.is(e, wUnit) || s.t[e].w.v != uWeek || s.t[e].w.pl || n == 0 || n > 53 {
		return item{}, false
	}
	k := e + 1
	y, end := 0, 0
	switch {
	case s.is(k, wDe) && s.isYearAt(k+1) && s.yearCheck(k+1, true, true):
		y, end = int(s.t[k+1].n), k+2
	case s.is(k, wDe) && s.is(k+1, wMille) || s.is(k, wDe) && s.is(k+1, wNum) && s.is(s.hyphen(k+2), wMille):
		var ok bool
		if y, end, ok = s.yearWords(k + 1); !ok {
			return item{}, false
		}
	case s.elided(k, wL) && s.is(k+2, wUnit) && s.t[k+2].w.v == uYear && (s.is(k+3, wDernier) || s.is(k+3, wProchain)):
		// "la troisième semaine l'année prochaine"
		if !s.a.ok {
			return item{}, false
		}
		y, end = s.a.year()+1, k+4
		if s.is(k+3, wDernier) {
			y = s.a.year() - 1
		}
	default:
		var ok bool
		if y, end, ok = s.ofYear(k); !ok {
			return item{}, false
		}
	}
	jan4 := day(y, 1, 4)
	mon := jan4.AddDate(0, 0, 1-weekdayOf(jan4))
	if n == -1 {
		dec28 := day(y, 12, 28)
		mon = dec28.AddDate(0, 0, 1-weekdayOf(dec28))
	} else {
		mon = mon.AddDate(0, 0, 7*(n-1))
		if mon.Year() > y {
			return item{}, false
		}
	}
	return item{r: res{edtf.Between(dayOf(mon), dayOf(mon.AddDate(0, 0, 6))), true}, end: end}, true
}

// century reads "le XXe siècle".
func (s *scanner) century(j int) (item, bool) {
	if !s.is(j+1, wSiecle) {
		return item{}, false
	}
	n := int(s.t[j].w.v)
	return item{r: single(edtf.Date{Year: (n - 1) * 100, UnspecifiedYear: 2}, true), end: j + 2}, true
}

// decade reads "les années 1990", "années 90", "les années quatre-vingt", "la décennie 2010".
func (s *scanner) decade(j int) (item, bool) {
	if !(s.is(j, wDecennie) || s.is(j, wUnit) && s.t[j].w.v == uYear && s.t[j].w.pl) {
		return item{}, false
	}
	e := j + 1
	y := 0
	if v, nd, ok := s.num(e); ok {
		switch {
		case nd == 4 && v%10 == 0 && v >= 1000 && v <= 2190:
			y = v
		case nd == 2 && v%10 == 0:
			y = 1900 + v
		default:
			return item{}, false
		}
		if s.glued(e+1) && s.t[e+1].kind == kWord {
			if s.wordAt(e+1) != "s" || s.glued(e+2) && s.t[e+2].kind == kWord {
				return item{}, false
			}
			e++ // "les années 70s"
		}
		e++
	} else if v, k, ok := s.yearWords(e); ok && v%10 == 0 {
		y, e = v, k // "les années deux mille"
	} else if v, k, ok := s.wordNum(e); ok && v%10 == 0 && v >= 20 && v < 100 {
		y, e = 1900+v, k
	} else {
		return item{}, false
	}
	// "les années 1990-2000": from the first decade to the end of the second.
	if s.punct(e, '-') || s.is(e, wA) || s.is(e, wAu) {
		if v, nd, ok := s.num(e + 1); ok && v%10 == 0 && (nd == 4 && v > y && v-y <= 100 || nd == 2 && 1900+v > y) &&
			!(s.glued(e+2) && s.t[e+2].kind == kWord) {
			if nd == 2 {
				v += 1900
			}
			return item{r: res{edtf.Between(edtf.Year(y), edtf.Year(v+9)), true}, end: e + 2}, true
		}
	}
	return item{r: single(edtf.Date{Year: y, UnspecifiedYear: 1}, true), end: e}, true
}

// alone reports whether tokens i to e-1 make a sentence or a line by
// themselves: a heading, an agenda's entry.
func (s *scanner) alone(i, e int) bool {
	before := i == 0 || s.t[i].gap == gapLine || s.endsSentence(i-1)
	return before && (e >= s.lim || s.endsSentence(e) || s.punct(e, ':'))
}

// decadeS reads a decade written in the English way, after "en", "les",
// "des" or "aux": "en 90s", "dans les 1970s", "les 80's".
func (s *scanner) decadeS(j int) (item, bool) {
	v, nd, _ := s.num(j)
	if v%10 != 0 || !(s.is(j-1, wEn) || s.is(j-1, wLes) || s.is(j-1, wDes) || s.is(j-1, wAux)) || s.t[j].gap != gapSpace {
		return item{}, false
	}
	e := j + 1
	if s.punct(e, '\'') && s.glued(e) {
		e++
	}
	if !s.glued(e) || s.t[e].kind != kWord || s.wordAt(e) != "s" || s.glued(e+1) && s.t[e+1].kind != kPunct {
		return item{}, false
	}
	var y int
	switch {
	case nd == 4 && v >= 1000 && v <= 2190:
		y = v
	case nd == 2 && (!s.is(j-1, wEn) || s.clauseEnd(e+1)):
		y = 1900 + v // not "en 10s chrono", ten seconds
	default:
		return item{}, false
	}
	return item{r: single(edtf.Date{Year: y, UnspecifiedYear: 1}, true), end: e + 1}, true
}

// seasonAt reads "l'été 2024", "au printemps dernier", "cet hiver", "en automne".
func (s *scanner) seasonAt(j, mod int) (item, bool) {
	p := partial{m: int(s.t[j].w.v), mod: mod}
	e := j + 1
	switch {
	case s.isYearAt(e) && s.yearCheck(e, true, true):
		p.y, e = int(s.t[e].n), e+1
	case s.is(e, wDernier):
		p.mod, e = -1, e+1
	case s.is(e, wProchain):
		p.mod, e = 1, e+1
	default:
		// A season alone needs l', au, en, cet, mi-: "été" is also the
		// participle of être, and "les printemps arabes" no date.
		if !(s.punct(j-1, '\'') && s.is(j-2, wL) || s.is(j-1, wCet) || s.is(j-1, wCe) || s.is(j-1, wCette) || s.is(j-1, wEn) ||
			s.is(j-1, wAu) || s.is(j-1, wDu) || s.punct(j-1, '-') && s.is(j-2, wMi) || s.is(j-1, wMi)) {
			return item{}, false
		}
	}
	if y, k, ok := s.ofYear(e); ok && p.y == 0 {
		p.y, e, p.mod = y, k, 0 // "au printemps de 1978", "l'été de l'année dernière"
	}
	if p.y == 0 && p.mod == 0 && s.a.ok {
		p.mod = s.dayMonthTense(j) // "au printemps, les travaux reprendront"
	}
	return item{p: p, isP: true, end: e}, true
}

// wordNum reads a number in words up to 100: "trois", "vingt et un",
// "vingt-deux", "soixante-dix", "quatre-vingt-dix-neuf".
func (s *scanner) wordNum(j int) (n, end int, ok bool) {
	small := func(j int) (int, int, bool) {
		v, ok := s.numWord(j)
		if !ok || v >= 20 {
			return 0, 0, false
		}
		if v == 10 && s.punct(j+1, '-') {
			if w, ok := s.numWord(j + 2); ok && w >= 7 && w <= 9 {
				return 10 + w, j + 3, true
			}
		}
		return v, j + 1, true
	}
	v, ok := s.numWord(j)
	if !ok {
		return 0, 0, false
	}
	e := j + 1
	if v == 4 && s.is(s.hyphen(e), wNum) && s.t[s.hyphen(e)].w.v == 20 {
		v, e = 80, s.hyphen(e)+1
		if s.punct(e, '-') {
			if w, k, ok := small(e + 1); ok && w >= 1 {
				return 80 + w, k, true
			}
		}
		return 80, e, true
	}
	if v >= 20 && v <= 60 && v%10 == 0 {
		switch {
		case s.is(e, wEt) || s.punct(e, '-') && s.is(e+1, wEt) && s.punct(e+2, '-'):
			k := e + 1
			if !s.is(e, wEt) {
				k = e + 3
			}
			if w, ok := s.numWord(k); ok && (w == 1 || v == 60 && w == 11) {
				return v + w, k + 1, true
			}
		case s.punct(e, '-'):
			if w, k, ok := small(e + 1); ok && w >= 2 && (w < 10 || v == 60) {
				return v + w, k, true
			}
		}
		return v, e, true
	}
	if v < 20 {
		return small(j)
	}
	return v, e, true
}

// yearWords reads a year written in words: "deux mille vingt-quatre",
// "deux mille vingt sept", "mille neuf cent quatre-vingt-neuf", "deux mil
// un". It returns the year and the token after it.
func (s *scanner) yearWords(j int) (y, end int, ok bool) {
	e := j
	base := 1000
	if v, ok := s.numWord(e); ok && v == 2 && s.is(s.hyphen(e+1), wMille) {
		base, e = 2000, s.hyphen(e+1)
	}
	if !s.is(e, wMille) {
		return 0, 0, false
	}
	y, e = base, e+1
	// The hundreds: "neuf cent quatre-vingt-neuf", "cent".
	if h, k, ok := s.hundredsWords(s.hyphen(e)); ok && base == 1000 {
		return y + h, k, true
	}
	// The rest, up to 99: "vingt-quatre", "vingt sept", "un".
	if k := s.hyphen(e); k < s.lim {
		if v, k2, ok := s.wordNum(k); ok && v >= 1 && v <= 99 && v != 100 {
			if v >= 20 && v%10 == 0 && v < 80 {
				if w, ok := s.numWord(k2); ok && w >= 1 && w <= 9 && s.t[k2].gap == gapSpace {
					v, k2 = v+w, k2+1 // "vingt sept"
				}
			}
			y, e = y+v, k2
		}
	}
	if y < 1000 || y > 2199 {
		return 0, 0, false
	}
	return y, e, true
}

func (s *scanner) yearWordsOK(j int) bool {
	_, _, ok := s.yearWords(j)
	return ok
}

// hundredsWords reads a year under a thousand in words after "l'an" or
// "l'année": "deux cent soixante-sept".
func (s *scanner) hundredsWords(j int) (y, end int, ok bool) {
	e := j
	if v, ok := s.numWord(e); ok && v >= 2 && v <= 9 && s.is(s.hyphen(e+1), wNum) && s.t[s.hyphen(e+1)].w.v == 100 {
		y, e = 100*v, s.hyphen(e+1)+1
	} else if ok && v == 100 {
		y, e = 100, e+1
	} else {
		return 0, 0, false
	}
	if v, k, ok := s.wordNum(s.hyphen(e)); ok && v >= 1 && v <= 99 && y > 0 {
		y, e = y+v, k
	}
	return y, e, true
}

// yearWordsAt reads a year in words standing alone, where a quantity could
// stand too ("deux mille manifestants"): only before the end of a clause,
// a preposition or a verb.
func (s *scanner) yearWordsAt(j int) (y, end int, ok bool) {
	y, e, ok := s.yearWords(j)
	if !ok || y == 1000 {
		return 0, 0, false // "mille mercis", "le mil"
	}
	if e < s.lim && s.t[e].kind == kWord && !followsYear[s.folded(e)] && !s.is(e, wA) && !s.is(e, wEt) && !s.is(e, wAu) {
		return 0, 0, false
	}
	return y, e, true
}

func (s *scanner) numWord(j int) (int, bool) {
	if s.is(j, wNum) || s.is(j, wSept) {
		return int(s.t[j].w.v), true
	}
	return 0, false
}

// ofMonth reads the day, week, weekend or fortnight of a month after its
// ordinal n (-1 for "dernier"), at token e: "le 3e jour d'octobre", "la
// première semaine d'octobre 2014", "le dernier week-end de septembre",
// "la seconde quinzaine d'avril". Weeks and weekends are the whole ones
// inside the month; fortnights are the 1st to the 14th and the 15th to the end (two weeks, then the rest).
func (s *scanner) ofMonth(n, e int) (item, bool) {
	kind := 0
	k := e + 1
	switch {
	case s.is(e, wUnit) && !s.t[e].w.pl && (s.t[e].w.v == uDay || s.t[e].w.v == uWeek):
		kind = int(s.t[e].w.v)
	case s.is(e, wWeek):
		kind = -1
		if s.is(s.hyphen(k), wEnd) {
			k = s.hyphen(k) + 1
		}
	case s.is(e, wApprox) && s.t[e].w.v == 15:
		kind = -2
	case s.is(e, wWeekday) && !s.t[e].w.abbr && n != 0:
		kind = -3 - int(s.t[e].w.v) // "le premier vendredi de juillet"
	default:
		return item{}, false
	}
	var inner item
	var ok bool
	switch {
	case s.is(k, wDe) && s.is(k+1, wMonth) && s.t[k+1].w.abbr && s.clauseEnd(k+2):
		// "le premier samedi de déc": an abbreviation, alone at the end
		p := partial{m: int(s.t[k+1].w.v)}
		if s.a.ok {
			p.mod = s.dayMonthTense(k)
		}
		inner, ok = item{p: p, isP: true, end: k + 2}, true
	case s.is(k, wDe) && (s.is(k+1, wMonth) || s.is(k+1, wSept)) || s.elided(k, wD) && s.is(k+2, wMonth):
		inner, ok = s.value(k, true)
	case s.is(k, wDe) && (s.is(k+1, wCe) || s.is(k+1, wCet)) && s.is(k+2, wUnit) && s.t[k+2].w.v == uMonth:
		inner, ok = s.relPeriod(k+2, 2) // "de ce mois"
	case (s.is(k, wCe) || s.is(k, wCette)) && s.is(k+1, wUnit) && s.t[k+1].w.v == uMonth:
		inner, ok = s.relPeriod(k+1, 2) // "le premier vendredi ce mois-ci"
	case (s.is(k, wDu) || s.is(k, wDe)) && s.is(k+1, wUnit) && s.t[k+1].w.v == uMonth && (s.is(k+2, wDernier) || s.is(k+2, wProchain)):
		inner, ok = s.relPeriod(k+1, 0) // "du mois prochain"
	}
	if !ok {
		return item{}, false
	}
	r, ok := s.resolve(inner)
	if !ok || r.v.Interval || r.v.Precision() != edtf.PrecisionMonth || r.v.Start.IsSeason() {
		return item{}, false
	}
	first := r.v.Start.First()
	last := first.AddDate(0, 1, -1)
	var v edtf.Value
	switch kind {
	case uDay:
		d := first.AddDate(0, 0, n-1)
		if n == -1 {
			d = last
		}
		if n < -1 || n == 0 || d.Month() != first.Month() {
			return item{}, false
		}
		v = edtf.Single(dayOf(d))
	case -4, -5, -6, -7, -8, -9, -10:
		// The nth such weekday of the month, or its last.
		wd := -3 - kind
		var days []time.Time
		for d := first; d.Month() == first.Month(); d = d.AddDate(0, 0, 1) {
			if weekdayOf(d) == wd {
				days = append(days, d)
			}
		}
		idx := n - 1
		if n == -1 {
			idx = len(days) - 1
		}
		if idx < 0 || idx >= len(days) {
			return item{}, false
		}
		v = edtf.Single(dayOf(days[idx]))
	case -2:
		switch n {
		case 1:
			v = edtf.Between(dayOf(first), dayOf(first.AddDate(0, 0, 13)))
		case 2, -1:
			v = edtf.Between(dayOf(first.AddDate(0, 0, 14)), dayOf(last))
		default:
			return item{}, false
		}
	default:
		// The whole weeks (Monday to Sunday) or weekends (Saturday and Sunday) inside the month.
		startDay, length := 1, 7
		if kind == -1 {
			startDay, length = 6, 2
		}
		var starts []int
		for d := first; d.Month() == first.Month(); d = d.AddDate(0, 0, 1) {
			if weekdayOf(d) == startDay && d.AddDate(0, 0, length-1).Month() == first.Month() {
				starts = append(starts, d.Day())
			}
		}
		idx := n - 1
		if n == -1 {
			idx = len(starts) - 1
		}
		if idx < 0 || idx >= len(starts) {
			return item{}, false
		}
		d := first.AddDate(0, 0, starts[idx]-1)
		v = edtf.Between(dayOf(d), dayOf(d.AddDate(0, 0, length-1)))
	}
	return item{r: res{v, r.certain}, end: inner.end}, true
}

// notSince reports whether the day word at j ends "ne date pas
// d'aujourd'hui", "ne remonte pas à hier": an idiom for "it is old", no date.
func (s *scanner) notSince(j int) bool {
	k := j - 1
	switch {
	case s.elided(j-2, wD):
		k = j - 3
	case s.is(j-1, wA):
		k = j - 2
	default:
		return false
	}
	if s.wordAt(k) != "pas" {
		return false
	}
	switch s.wordAt(k - 1) {
	case "date", "datent", "datait", "dataient", "remonte", "remontent", "remontait":
		return true
	}
	return false
}

// anchored reads the expressions that count from another event: "la
// veille", "le lendemain", "le jour d'avant", "le jour suivant", "la
// semaine qui suit", "deux jours plus tard", "trois jours après". They
// are read from the reference, as if the event were the article's own
// day, and reported as anchored and not certain: in news they often hang
// on an event the text has just told.
func (s *scanner) anchored(i int) (res, int, bool) {
	j := i
	if s.is(j, wLa) || s.is(j, wLe) {
		j++
	} else if s.elided(j, wL) && s.is(j+2, wUnit) {
		j += 2 // "l'année suivante"
	}
	free := func(e int) bool { // nothing names the event: "la veille du sommet" does
		return !(s.is(e, wDe) || s.is(e, wDu) || s.is(e, wDes) || s.elided(e, wD) || s.is(e, wAu) || s.is(e, wA))
	}
	switch w := s.wordAt(j); {
	case (w == "veille" || w == "lendemain") && j > i:
		n := -1
		if w == "lendemain" {
			n = 1
		}
		if s.is(j+1, wDu) && !s.is(i-1, wAu) && !s.is(i-1, wDu) {
			// "le lendemain du 13 février": the day after a date, itself a date.
			if it, ok := s.value(j+1, true); ok && it.isP && it.p.d != 0 && it.p.m != 0 {
				if r, ok := s.resolve(it); ok && !r.v.Interval && r.v.Precision() == edtf.PrecisionDay {
					t := r.v.Start.First().AddDate(0, 0, n)
					return single(dayOf(t), r.certain), it.end, true
				}
			}
		}
		if !free(j+1) || s.is(i-1, wAu) || s.is(i-1, wDu) {
			return res{}, i, false // "du jour au lendemain", "à la veille de"
		}
		r, ok := s.a.shift(n, uDay)
		return r, s.dayPart(j + 1), ok
	case s.is(j, wUnit) && !s.t[j].w.pl && (s.t[j].w.v == uDay || s.t[j].w.v == uWeek || s.t[j].w.v == uMonth || s.t[j].w.v == uYear) &&
		(j > i || s.t[j].w.v == uDay && s.wordAt(j+1) == "suivant"):
		u := int(s.t[j].w.v)
		k, n := j+1, 0
		switch {
		case s.elided(k, wD) && s.is(k+2, wAvant), s.wordAt(k) == "precedent" || s.wordAt(k) == "precedente":
			n = -1
		case s.elided(k, wD) && s.is(k+2, wApres), s.wordAt(k) == "suivant" || s.wordAt(k) == "suivante",
			s.wordAt(k) == "qui" && (s.wordAt(k+1) == "suit" || s.wordAt(k+1) == "suivait"):
			n = 1
		default:
			return res{}, i, false
		}
		e := k + 1
		if s.elided(k, wD) || s.wordAt(k) == "qui" {
			e = k + 3
			if s.wordAt(k) == "qui" {
				e = k + 2
			}
		}
		if u == uDay {
			r, ok := s.a.shift(n, uDay)
			return r, e, ok
		}
		r, ok := s.a.period(u, n)
		return r, e, ok
	}
	if s.is(j, wWeekday) && !s.t[j].w.abbr {
		// "mardi suivant", "le mercredi d'après", "mardi de la semaine suivante"
		if r, k, ok := s.weekdayWeek(int(s.t[j].w.v), j+1); ok && !r.certain && r.v.Precision() == edtf.PrecisionDay {
			return r, k, true
		}
	}
	// "deux jours plus tard", "trois semaines après", "un mois plus tôt"
	n, approximate, e, ok := s.count(j)
	if !ok || approximate || j != i {
		return res{}, i, false
	}
	u := s.unitAt(e)
	if u != uDay && u != uWeek && u != uMonth && u != uYear {
		return res{}, i, false
	}
	k, sign := e+1, 0
	switch {
	case s.is(k, wPlus) && s.wordAt(k+1) == "tard":
		sign, k = 1, k+2
	case s.is(k, wPlus) && s.wordAt(k+1) == "tot":
		sign, k = -1, k+2
	case s.is(k, wApres) && s.clauseEnd(k+1):
		sign, k = 1, k+1
	case (s.is(k, wAvant) || s.wordAt(k) == "auparavant") && s.clauseEnd(k+1):
		sign, k = -1, k+1
	default:
		return res{}, i, false
	}
	r, ok := s.a.move(sign*n, u)
	return r, k, ok
}
