package frdate

// pdate reads a date as written with words: "jeudi 7 mars 2024", "le 1er
// mars", "mars 2024", "octobre dernier", "mardi", "l'an 2000", "2015".
func (s *scanner) pdate(j int, strong bool, mod int) (item, bool) {
	var p partial
	p.mod = mod
	e := j
	if s.is(e, wWeekday) {
		if w := s.wordAt(s.dayPart(e + 1)); s.is(e-1, wChaque) || s.is(s.dayPart(e+1), wAnchor) && w != "suivant" && w != "suivante" {
			return item{}, false
		}
		if k := e + 2; s.is(e+1, wDe) && (s.is(k, wHoliday) || s.is(k, wLa) && s.is(k+1, wHoliday)) {
			return item{}, false // "le lundi de Pâques" is read at the feast
		}
		p.wd = int(s.t[e].w.v)
		e++
		if s.t[e-1].w.abbr {
			// "lun.", "Dim 15 sept": an abbreviation needs its full stop or a day after it.
			if s.punct(e, '.') && s.glued(e) {
				e++
			} else if _, _, ok := s.day(e); !ok && !(s.punct(e, ',') && s.isDayAt(e+1)) {
				return item{}, false
			}
		}
		if s.punct(e, ',') {
			if _, k, ok := s.day(e + 1); ok && !s.hourWord(k) {
				e++
			}
		}
		if s.is(e, wLe) {
			if _, _, ok := s.day(e + 1); ok {
				e++
			}
		}
	}
	if _, _, isNum := s.num(e); isNum && p.wd != 0 && e > j {
		// "lundi 8/2/2016", "samedi 15/06"
		if it, ok := s.numeric(e); ok {
			if it.p.y == 0 {
				it.p.wd = p.wd
			}
			return it, true
		}
	}
	if strong && p.wd == 0 && (s.is(e, wMille) || s.is(e, wNum) && s.t[e].w.v == 2 && s.is(s.hyphen(e+1), wMille)) {
		// "en deux mille vingt"
		y, k, ok := s.yearWordsAt(e)
		if !ok {
			return item{}, false
		}
		p.y = y
		return item{p: p, isP: true, end: k}, true
	}
	if d, k, ok := s.day(e); ok {
		m, k2, ok := s.month(k, true)
		if !ok && s.punct(k, '-') && s.glued(k) && s.glued(k+1) && s.is(k+1, wMonth) && s.t[k+1].w.abbr && p.wd == 0 {
			m, k2, ok = s.month(k+1, true) // "28-nov"
		}
		if ok {
			p.d, p.m, e = d, m, k2
			// "31 octobre 74": a year in two digits, ending the clause.
			if v, nd, ok := s.num(e); ok && nd == 2 && !s.glued(e) && !s.glued(e+1) &&
				(s.clauseEnd(e+1) || s.is(e+1, wA) || s.is(e+1, wEn) || s.is(e+1, wDans)) {
				p.y, e = s.century2(v), e+1
				if !validDay(p.y, p.m, p.d) {
					return item{}, false
				}
				return item{p: p, isP: true, end: e}, true
			}
		} else if p.wd != 0 && s.t[e].kind != kNum && !s.inRange {
			// "lundi douze fonctionnaires", "mardi un discours": a number in
			// words after a weekday counts a noun, unless a month follows.
		} else if (p.wd != 0 || strong) && !(p.wd != 0 && s.hourWord(k)) {
			// "mardi 3", and "le 13" before "au 18 juillet" in a range;
			// not "mardi 14 h 30", an hour
			p.d, e = d, k
		}
	} else if m, k, ok := s.month(e, false); ok {
		if v, nd, ok := s.num(e - 1); ok && nd <= 2 && v > 31 && !s.glued(e) {
			return item{}, false // "32 août 2014" is no date, nor its "août 2014"
		}
		p.m, e = m, k
		// "fév 12, 2014": the day after the month, then the year.
		if d, k2, ok := s.day(e); ok && p.wd == 0 && s.punct(k2, ',') && s.isYearAt(k2+1) && s.yearCheck(k2+1, true, true) {
			p.d, p.y, e = d, int(s.t[k2+1].n), k2+2
			if !validDay(p.y, p.m, p.d) {
				return item{}, false
			}
			return item{p: p, isP: true, end: e}, true
		}
		// "oct-2", "oct/2": an abbreviated month glued to a day.
		if c := e; p.wd == 0 && e == j+1 && s.t[j].w.abbr && s.is(j, wMonth) && (s.punct(c, '-') || s.punct(c, '/')) && s.glued(c) && s.glued(c+1) {
			if d, k2, ok := s.day(c + 1); ok && s.t[c+1].kind == kNum && s.clauseEnd(k2) {
				p.d, e = d, k2
			}
		}
		// "Oct. 2": an abbreviated month with its full stop, then a day
		// ending the clause.
		if d, k2, ok := s.day(e); ok && p.wd == 0 && e > 1 && s.punct(e-1, '.') && s.t[e-2].w.abbr && s.t[e].kind == kNum &&
			k2 == e+1 && !s.isYearAt(e) && s.clauseEnd(k2) {
			p.d, e = d, k2
		}
	}
	switch {
	case p.m != 0:
		if p.d != 0 && s.punct(e, ',') && s.isYearAt(e+1) && s.yearCheck(e+1, true, true) && (e+2 >= s.lim || !s.is(e+2, wUnit) && s.t[e+2].kind != kNum) {
			p.y, e = int(s.t[e+1].n), e+2 // "lundi 12 janvier, 2016"
		} else if s.isYearAt(e) && s.yearCheck(e, true, true) {
			p.y, e = int(s.t[e].n), e+1
		} else if y, k, ok := s.yearWords(e); ok {
			p.y, e = y, k // "février deux mille dix-huit"
		} else if s.punct(e, ',') && s.punct(e-1, '.') && s.t[e-2].w.abbr && s.isYearAt(e+1) && s.yearCheck(e+1, true, true) && p.d == 0 {
			p.y, e = int(s.t[e+1].n), e+2 // "nov., 2016"
		} else if s.punct(e, ',') && s.is(e-1, wMonth) && p.d == 0 && s.isYearAt(e+1) && s.yearOK(e+1, true) && s.clauseEnd(e+2) {
			p.y, e = int(s.t[e+1].n), e+2 // "janvier, 2001" ending the clause
		} else if y, k, ok := s.ofYear(e); ok {
			p.y, e = y, k // "novembre de l'année dernière"
		} else if v, nd, ok := s.num(e); ok && nd == 2 && p.d == 0 && e > 0 && s.t[e].gap == gapSpace && s.clauseEnd(e+1) &&
			(v > 31 || s.is(j-1, wEn)) {
			p.y, e = s.century2(v), e+1 // "en juillet 98,"
		} else if p.d == 0 && !s.is(e, wDernier) && !s.is(e, wProchain) {
			// A month alone needs a preposition ("en mars"), unless it is
			// written in full; "Mars" (a planet) and "Mai" (a name) with a
			// capital need the preposition.
			lower := s.is(e-1, wMonth) && !s.t[e-1].w.abbr && (!s.t[e-1].up || s.t[e-1].w.v != 3 && s.t[e-1].w.v != 5)
			if s.titleCase(e-1) && (s.t[e-1].w.v == 3 || s.t[e-1].w.v == 5) || !strong && !lower && mod == 0 && !(s.punct(e, '-') && s.glued(e) && s.is(e+1, wMonth)) {
				return item{}, false
			}
		}
	case p.wd != 0 && p.d == 0:
		if mod == 0 {
			if r, k, ok := s.weekdayWeek(p.wd, e); ok {
				return item{r: r, end: s.dayPart(k)}, true
			}
		}
	case p.d != 0:
	case s.is(e, wUnit) && s.t[e].w.v == uYear && !s.t[e].w.pl && s.isYearAt(e+1):
		// "l'an 2000", "l'année 2019"
		if !s.yearCheck(e+1, true, true) {
			return item{}, false
		}
		p.y, e = int(s.t[e+1].n), e+2
		return item{p: p, isP: true, end: e}, true
	case s.is(e, wUnit) && s.t[e].w.v == uYear && !s.t[e].w.pl && s.punct(e-1, '\'') && s.oldYearAt(e+1):
		// "l'an 800", "l'année deux mille", "l'an deux cent soixante-sept"
		p.y, e = s.oldYear(e + 1)
		return item{p: p, isP: true, end: e}, true

	case s.isYearAt(e):
		if !s.yearOK(e, strong) {
			return item{}, false
		}
		p.y, e = int(s.t[e].n), e+1
		return item{p: p, isP: true, end: e}, true
	default:
		return item{}, false
	}
	if p.y == 0 {
		switch {
		case s.is(e, wDernier):
			p.mod, e = -1, e+1
		case s.is(e, wProchain):
			p.mod, e = 1, e+1
		}
	}
	if p.d != 0 && p.m == 0 && p.wd == 0 {
		// A day alone: "le 16", "du 13 au 18". Only after le, du or au,
		// and alone only at the end of a clause or before an hour.
		led := s.is(j-1, wLe) || s.is(j-1, wLes) || s.is(j-1, wDu) || s.is(j-1, wAu)
		if s.inRange && (j == 0 || s.t[j].gap == gapLine || s.t[j-1].kind == kPunct || s.is(j-1, wEt) || s.is(j-1, wWeekday)) {
			led = true
		}
		if s.inRange && s.t[j].kind == kNum && (s.punct(e, '-') || s.is(e, wAu) || s.elided(e, wJusqu) ||
			s.is(j-1, wA) && !s.hourWord(e) && !s.punct(e, ':') || s.is(e, wA) && s.dayThenMonth(e+1)) {
			led = true // "il sera à Rome 19-20 novembre": the range gives the month
		}
		if r, k, ok := s.monthAfter(e); ok && led && !s.inRange {
			// "le 20 du mois prochain", "le 20e de ce mois"
			d := r.v.Start
			if !validDay(d.Year, d.Month, p.d) {
				return item{}, false
			}
			return item{p: partial{y: d.Year, m: d.Month, d: p.d}, isP: true, end: k}, true
		}
		if !strong || !led || s.is(j+1, wSuf) && s.t[j].n != 1 && !s.inRange {
			return item{}, false
		}
		if !s.inRange && !s.clauseEnd(e) && !s.forDuration(e) {
			return item{}, false
		}
	}
	if p.wd != 0 && p.d == 0 && p.m == 0 && p.mod == 0 && s.a.ok && !s.pastTense(j) {
		p.mod = modNext
	}
	if p.wd != 0 && p.d == 0 && p.m == 0 && p.mod == 2 && s.a.ok {
		// "il arrivera ce lundi" read on a Friday is the coming Monday;
		// "ce lundi, il a annoncé" the last one.
		// Without a tense, the coming one too: "ce lundi" read on a Monday
		// is that day.
		if s.tense(j) < 0 {
			p.mod = 0
		} else {
			p.mod = modThis
		}
	}
	if p.m != 0 && p.m < 21 && p.y == 0 && (p.wd == 0 || p.d != 0) && p.mod == 0 && s.a.ok {
		p.mod = s.dayMonthTense(j)
	}
	if p.wd == 0 && p.d != 0 && p.m == 0 && p.mod == 0 && s.a.ok && !s.inRange {
		p.mod = s.dayMonthTense(j) // "le 2": the coming one unless the sentence tells the past
	}
	if p.wd != 0 && p.d != 0 && p.m == 0 && p.mod == 0 && s.a.ok {
		p.mod = s.dayMonthTense(j) // "jeudi 15": searched back in a past sentence, ahead otherwise
	}
	if p.wd != 0 || p.d != 0 {
		e = s.dayPart(e)
	}
	return item{p: p, isP: true, end: e}, true
}

// oldYear reads the year after "l'an" or "l'année" at i, in digits (up to
// four) or in words, and returns it with the token after it, or 0.
func (s *scanner) oldYear(i int) (int, int) {
	if v, nd, ok := s.num(i); ok && nd <= 4 && v >= 1 && v <= 2199 && !(s.glued(i+1) && s.t[i+1].kind != kPunct) {
		if i+1 < s.lim && (s.is(i+1, wUnit) || s.t[i+1].kind == kNum) {
			return 0, 0
		}
		return v, i + 1
	}
	if y, e, ok := s.yearWords(i); ok {
		return y, e
	}
	if y, e, ok := s.hundredsWords(i); ok {
		return y, e
	}
	return 0, 0
}

// ofYear reads the year that completes a month or a season after "de": "de
// 2016", "de l'année 2016", "de l'année dernière", "de cette année". It
// returns the year and the token after it.
func (s *scanner) ofYear(e int) (int, int, bool) {
	if !s.is(e, wDe) {
		return 0, 0, false
	}
	k := e + 1
	if s.isYearAt(k) && s.yearCheck(k, true, true) {
		return int(s.t[k].n), k + 1, true
	}
	this := s.is(k, wCette)
	if this {
		k++
	} else if s.elided(k, wL) {
		k += 2
	} else {
		return 0, 0, false
	}
	if !s.is(k, wUnit) || s.t[k].w.v != uYear || s.t[k].w.pl {
		return 0, 0, false
	}
	k++
	switch {
	case this:
		if s.punct(k, '-') && s.is(k+1, wCi) {
			k += 2
		}
	case s.isYearAt(k) && s.yearCheck(k, true, true):
		return int(s.t[k].n), k + 1, true
	case s.is(k, wDernier), s.is(k, wProchain):
		if !s.a.ok {
			return 0, 0, false
		}
		if s.is(k, wDernier) {
			return s.a.year() - 1, k + 1, true
		}
		return s.a.year() + 1, k + 1, true
	default:
		return 0, 0, false
	}
	if !s.a.ok {
		return 0, 0, false
	}
	return s.a.year(), k, true
}

func (s *scanner) oldYearAt(i int) bool {
	y, _ := s.oldYear(i)
	return y > 0
}

// titleCase reports whether the word at i starts with a capital and goes on in lower case.
func (s *scanner) titleCase(i int) bool {
	t := s.t[i]
	if !t.up || t.e-t.s < 2 {
		return false
	}
	c := s.text[t.s+1]
	return c >= 'a' && c <= 'z' || c >= 0x80
}

// day reads a day of the month: 3, 03, 1er, premier, vingt et un.
func (s *scanner) day(j int) (d, end int, ok bool) {
	if v, nd, isNum := s.num(j); isNum {
		if nd > 2 || v < 1 || v > 31 || s.glued(j) && j > 0 && s.t[j-1].kind != kPunct {
			return 0, 0, false
		}
		e := j + 1
		// "1 er mars": the superscript of "1er" set apart when the
		// text was copied, but only before a month.
		if v == 1 && e < s.lim && s.t[e].gap == gapSpace && s.is(e, wSuf) && s.folded(e) == "er" &&
			(s.is(e+1, wMonth) || s.is(e+1, wSept)) && s.t[e+1].gap == gapSpace {
			return v, e + 1, true
		}
		if s.glued(e) && e < s.lim {
			switch {
			case s.is(e, wSuf):
				e++
			case (s.is(e, wMonth) || s.is(e, wSept)) && (s.acronym(e) || !s.t[e].w.abbr && s.is(e, wMonth)):
				// "DIM 15SEPT", "le 15juin": a day glued to a month in capitals or in full
			case s.t[e].kind == kWord, s.t[e].kind == kNum:
				return 0, 0, false
			case s.punct(e, '%') || s.punct(e, ',') && s.glued(e+1) && s.t[e+1].kind == kNum:
				return 0, 0, false
			}
		}
		return v, e, true
	}
	if s.is(j, wOrd) && s.t[j].w.v == 1 {
		return 1, j + 1, true
	}
	if v, e, ok := s.wordNum(j); ok && v >= 1 && v <= 31 {
		return v, e, true
	}
	return 0, 0, false
}

// month reads a month's name, full or abbreviated (janv., sept.). An
// abbreviation, or "sept", is a month only after a day, before a year or
// with its full stop.
func (s *scanner) month(j int, afterDay bool) (m, end int, ok bool) {
	w := s.id(j)
	if w != wMonth && w != wSept {
		return 0, 0, false
	}
	t := s.t[j]
	// A day and month joined by a hyphen name an event or a street: "le
	// 11-Septembre", "la rue du 8-Mai-1945", "le 1er-Mai".
	// An abbreviation is a date written short: "28-nov", "1-Jan".
	if t.gap == gapNone && s.punct(j-1, '-') && s.glued(j-1) && (s.t[j-2].kind == kNum || s.is(j-2, wSuf)) && !(t.w.abbr && w == wMonth) {
		return 0, 0, false
	}
	m = int(t.w.v)
	if w == wSept {
		m = 9
	}
	e := j + 1
	if t.w.abbr || w == wSept {
		dot := s.punct(e, '.') && s.glued(e)
		if dot {
			e++
		}
		if _, nd, ok := s.num(e); !dot && !afterDay && !s.isYearAt(e) && !(ok && nd <= 2 && s.punct(e+1, ',') && s.isYearAt(e+2)) &&
			!(w == wMonth && (s.punct(e, '-') || s.punct(e, '/')) && s.glued(e) && s.glued(e+1) && s.t[e+1].kind == kNum && s.t[e+1].nd <= 2) {
			return 0, 0, false
		}
	}
	return m, e, true
}

// yearOK reports whether the four digits at i, already in the range of
// years, are a year and not a quantity, a code or a part of a number.
func (s *scanner) yearOK(i int, strong bool) bool { return s.yearCheck(i, strong, false) }

// yearCheck is yearOK; bound says the year completes a month or a season, so
// that the word after it does not matter.
func (s *scanner) yearCheck(i int, strong, bound bool) bool {
	t := s.t[i]
	// Glued to what comes before: A2015, #2015, n°2015, 12.2015, -2015.
	if t.gap == gapNone && i > 0 {
		p := s.t[i-1]
		joined := s.joinedYear(i) || p.n == '-' && s.is(i-2, wMi)
		if p.kind != kPunct || p.n != '(' && p.n != '"' && p.n != '«' && p.n != '[' && p.n != '\'' && !joined {
			return false
		}
	}
	if i > 0 && s.t[i-1].kind == kNum && s.t[i-1].gap != gapLine && t.gap == gapSpace {
		return false // "1 2015" is a number with a thin space
	}
	// A reference: n° 2015, loi 2015, article 2015.
	if s.is(i-1, wNumero) || s.punct(i-1, '°') || s.punct(i-1, '#') || s.is(i-1, wN) {
		return false
	}
	// Quantities: plus de 2000, environ 1500.
	if s.is(i-1, wEnviron) || (s.is(i-1, wDe) || s.elided(i-2, wD)) && (s.is(i-2, wPlus) || s.is(i-2, wMoins) || s.is(i-2, wPres)) {
		return false
	}
	// Glued to what follows: 2015e, 2015%, 2015,5, 2015-1109.
	if n := i + 1; n < s.lim && s.t[n].gap == gapNone {
		switch {
		case s.t[n].kind != kPunct:
			return false
		case s.t[n].n == '%' || s.t[n].n == '_' || s.t[n].n == '€' || s.t[n].n == '$' || s.t[n].n == '°':
			return false
		case (s.t[n].n == '-' || s.t[n].n == '/') && s.glued(n+1) && s.t[n+1].kind == kNum:
			if !s.yearRange(i) {
				return false
			}
		case (s.t[n].n == ',' || s.t[n].n == '.' || s.t[n].n == ':') && s.glued(n+1) && s.t[n+1].kind == kNum:
			return false
		}
	}
	// A number after an acronym that no recent year could be: a flight, a
	// train or a road ("le vol AF 1234", "le TGV 8421").
	if !bound && i > 0 && t.gap == gapSpace && s.acronym(i-1) && (t.n < 1900 || t.n > 2100) {
		return false
	}
	// A model named by a number: "la Peugeot 2008", "Windows 2000".
	if !bound && i > 0 && t.gap == gapSpace && s.t[i-1].kind == kWord && modelNames[s.folded(i-1)] {
		return false
	}
	n := i + 1
	if n >= s.lim || bound || s.joinedYear(i) {
		return true
	}
	// A noun that names a yearly thing, or an acronym, before it: "le
	// budget 2024", "la loi de finances 2025", "les JO 2024".
	if i > 0 && s.t[i-1].kind == kWord && s.t[i-1].gap != gapLine && t.gap == gapSpace &&
		(yearNouns[s.folded(i-1)] || s.acronym(i-1)) {
		return true
	}
	nt := s.t[n]
	switch nt.kind {
	case kNum:
		return nt.gap == gapLine || nt.nd != 3
	case kPunct:
		return nt.n != '%' && nt.n != '€' && nt.n != '$'
	}
	// A word after the number: a unit or a noun makes it a quantity.
	switch nt.w.id {
	case wUnit, wDecennie, wSiecle, wApprox:
		return false
	case wNone:
		return nt.up || followsYear[s.folded(n)]
	case wA, wEt, wOu:
		// "de 1500 à 3000 personnes": a range of quantities.
		if v, nd, ok := s.num(n + 1); ok && (s.is(i-1, wDe) || s.is(i-1, wEntre) || s.is(i-1, wDu)) {
			if nd != 4 || v < 1000 || v > 2199 {
				return false
			}
			return s.yearOK(n+1, true)
		}
	}
	return true
}

// joinedYear reports whether the year at i ends a range of years: the 2022 of 2021-2022.
func (s *scanner) joinedYear(i int) bool {
	if i < 2 || s.t[i].gap != gapNone || s.t[i-1].gap != gapNone || !(s.punct(i-1, '-') || s.punct(i-1, '/') || s.punct(i-1, '~')) {
		return false
	}
	return s.t[i-2].kind == kNum && s.t[i-2].nd == 4 && s.yearRange(i-2)
}

// yearRange reports whether the year at i starts a range of years: 2021-2022, 2021-22, 2021/2022.
func (s *scanner) yearRange(i int) bool {
	y := int(s.t[i].n)
	b, nb, ok := s.num(i + 2)
	if !ok || s.glued(i+3) && s.t[i+3].kind != kPunct {
		return false
	}
	switch nb {
	case 4:
		return b > y && b-y <= 100
	case 2:
		return s.punct(i+1, '-') && b > y%100
	}
	return false
}

// folded returns the lower-case, unaccented form of word token i. The
// readings ask for the same words many times over: each is folded once.
func (s *scanner) folded(i int) string {
	if s.folds == nil {
		s.folds = make([]string, len(s.t))
		s.foldDone = make([]bool, len(s.t))
	}
	if !s.foldDone[i] {
		s.folds[i], s.foldDone[i] = s.fold(i), true
	}
	return s.folds[i]
}

func (s *scanner) fold(i int) string {
	t := s.t[i]
	if t.e-t.s > 24 {
		return ""
	}
	var buf [48]byte
	n := 0
	for _, r := range s.text[t.s:t.e] {
		if r < 0x80 {
			buf[n] = byte(r) | 0x20
			n++
			continue
		}
		n += copy(buf[n:], fold(r))
	}
	return string(buf[:n])
}

// followsYear are the unknown words that may follow a year in a sentence.
var followsYear = map[string]bool{}

func init() {
	for _, w := range []string{"est", "etait", "sera", "serait", "fut", "ont", "avait", "avaient", "sont", "etaient",
		"seront", "se", "s", "qui", "que", "qu", "par", "pour", "sur", "avec", "sans", "puis", "alors", "lorsque",
		"quand", "elle", "ils", "elles", "on", "c", "selon", "deja", "encore", "aussi", "mais", "donc", "car", "ni",
		"comme", "contre", "soit", "marque", "reste", "restera", "voit", "verra", "vit", "ne", "n", "j", "je", "nous",
		"vous", "notamment", "seulement", "inclus", "compris", "included", "jusqu", "lors", "pendant", "durant",
		"sous", "chez", "via", "ainsi", "hors", "vs", "afin", "parce", "tandis", "lequel", "laquelle", "dont", "ou",
		"au", "aux", "un", "une", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "tout", "toute", "tous",
		"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "pres", "plus", "moins", "apres",
		"avant", "depuis", "entre", "vers", "dans", "en", "et", "le", "la", "les", "l", "de", "du", "des", "d", "a",
		"y", "il", "ce", "sur", "deja", "ont", "aura", "auront", "devrait", "devraient", "pourrait", "doit", "peut",
		"semble", "va", "vont", "s", "grace", "face", "suite", "malgre", "outre", "parmi", "selon", "vers"} {
		followsYear[w] = true
	}
}

// numeric reads dates in digits, day first: 07/03/2024, 7.3.2024,
// 04 - 10 - 2024, 2024-03-07, 03/2024, 15/06/18.
func (s *scanner) numeric(j int) (item, bool) {
	a, na, _ := s.num(j)
	if j > 0 && s.t[j].gap == gapNone && s.t[j-1].kind != kPunct && !s.is(j-1, wWeekday) {
		return item{}, false
	}
	if j > 1 && s.t[j].gap == gapNone && s.t[j-1].kind == kPunct && s.t[j-2].kind == kNum && s.t[j-1].gap == gapNone {
		c := s.t[j-1].n
		// "28/2-1/3": the second day and month of a range may follow the
		// hyphen.
		if c == '-' && s.inRange && s.punct(j-3, '/') && s.glued(j-3) && s.dayMonthAt(j) {
			c = 0
		}
		if c == '/' || c == '.' || c == '-' || c == ',' || c == ':' {
			return item{}, false
		}
	}
	sep1 := j + 1
	if sep1 >= s.lim || s.t[sep1].kind != kPunct {
		return item{}, false
	}
	c := s.t[sep1].n
	if c != '/' && c != '.' && c != '-' {
		return item{}, false
	}
	spaced := s.t[sep1].gap != gapNone
	b, nb, ok := s.num(sep1 + 1)
	if ok && c == '/' && !spaced && na <= 2 && nb == 4 && s.t[sep1+1].gap == gapSpace && a >= 1 && a <= 12 && b >= 1000 && b <= 2199 &&
		!(s.glued(sep1+2) && s.t[sep1+2].kind != kPunct) && !s.is(j-1, wNumero) && !s.punct(j-1, '°') && !s.is(j-1, wN) {
		return item{p: partial{y: b, m: a}, isP: true, end: sep1 + 2}, true // "11/ 2016", a space slipped in
	}
	if !ok || (s.t[sep1+1].gap != gapNone) != spaced || (c == '.' && spaced) {
		return item{}, false
	}
	sep2 := sep1 + 2
	// After the last number, nothing that continues it: 1.2.3.4, 2-24-921-5.
	ends := func(k int) bool {
		if k >= s.lim || s.t[k].gap != gapNone {
			return true
		}
		if s.t[k].kind != kPunct {
			return false
		}
		x := s.t[k].n
		return !((x == c || x == '/' || x == '.' || x == '-' || x == ',') && s.glued(k+1) && s.t[k+1].kind == kNum)
	}
	if s.punct(sep2, c) && (s.t[sep2].gap != gapNone) == spaced {
		if s.is(j-1, wNumero) || s.punct(j-1, '°') || s.is(j-1, wN) || s.wordAt(j-1) == "reference" {
			return item{}, false // "le numéro 2019-07-12" is a code
		}
		y, ny, ok := s.num(sep2 + 1)
		if !ok || (s.t[sep2+1].gap != gapNone) != spaced || !ends(sep2+2) && !(c == '/' && s.dayMonthRange(sep2+2)) {
			return item{}, false
		}
		var p partial
		switch {
		case na == 4 && nb <= 2 && ny <= 2 && !spaced:
			p = partial{y: a, m: b, d: y} // 2024-03-07, 2015/08/12, 2015.5.13
		case na <= 2 && nb <= 2 && ny == 4 && b > 12 && a <= 12 && c == '/':
			p = partial{y: y, m: a, d: b} // 02/22/2016: no month 22, so month first
		case na <= 2 && nb <= 2 && ny == 4:
			p = partial{y: y, m: b, d: a}
		case na <= 2 && nb <= 2 && ny == 2 && c == '-' && b > 12 && a <= 12 && na == 2 && nb == 2:
			p = partial{y: s.century2(y), m: a, d: b} // 12-30-16: no month 30, so month first
		case na <= 2 && nb <= 2 && ny == 2 && (c != '-' || na == 2 && nb == 2 || s.is(j-1, wLe) || s.is(j-1, wWeekday) || y < 10):
			// 30-12-16 in two-digit groups, or after "le" or a weekday, or
			// with a year written with its zero: 3-7-07
			p = partial{y: s.century2(y), m: b, d: a}
		default:
			return item{}, false
		}
		if p.y < 1000 || p.y > 2199 || !validDay(p.y, p.m, p.d) {
			return item{}, false
		}
		return item{p: p, isP: true, end: sep2 + 2}, true
	}
	if k := sep1 + 2; c == '/' && na <= 2 && nb <= 2 && s.punct(k, ',') && s.glued(k) && s.glued(k+1) && ends(k+2) {
		// "12/08,2015", "12/08,15": the year after a comma.
		if y, ny, ok := s.num(k + 1); ok && (ny == 4 || ny == 2 && na == 2 && nb == 2) {
			if ny == 2 {
				y = s.century2(y)
			}
			if y >= 1000 && y <= 2199 && validDay(y, b, a) {
				return item{p: partial{y: y, m: b, d: a}, isP: true, end: k + 2}, true
			}
		}
	}
	if c == '/' && na <= 2 && nb <= 2 && s.dayMonthRange(sep1+2) && validDay(2000, b, a) &&
		(na == 2 || a > 12 || s.punct(sep1+6, '/')) {
		// "28/2-1/3", "10/1-11/2/2017": the range makes them days and
		// months; "1/4-1/2" may be fractions.
		p := partial{m: b, d: a}
		if s.a.ok {
			p.mod = s.dayMonthTense(j)
		}
		return item{p: p, isP: true, end: sep1 + 2}, true
	}
	if !ends(sep1 + 2) {
		return item{}, false
	}
	// Month and year: 03/2024, 2024-03, 11-2016, 2016/11, 2015.3.
	ref := s.is(j-1, wNumero) || s.punct(j-1, '°') || s.is(j-1, wN) || s.wordAt(j-1) == "version"
	if k := sep1 + 2; na+nb >= 5 && k < s.lim && s.t[k].kind == kWord && s.t[k].w.id == wNone && !followsYear[s.folded(k)] {
		ref = true // "3-2016 voix": a count
	}
	switch {
	case c == '/' && na <= 2 && nb == 4 && a >= 1 && a <= 12 && b >= 1000 && b <= 2199:
		return item{p: partial{y: b, m: a}, isP: true, end: sep1 + 2}, true
	case c == '-' && !spaced && na == 4 && nb <= 2 && b >= 1 && b <= 12 && a >= 1000 && a <= 2199 && !ref:
		return item{p: partial{y: a, m: b}, isP: true, end: sep1 + 2}, true
	case c == '-' && !spaced && na <= 2 && nb == 4 && a >= 1 && a <= 12 && b >= 1900 && b <= 2100 && !ref:
		return item{p: partial{y: b, m: a}, isP: true, end: sep1 + 2}, true
	case (c == '/' || c == '.') && na == 4 && nb <= 2 && b >= 1 && b <= 12 && a >= 1900 && a <= 2100 && !ref:
		return item{p: partial{y: a, m: b}, isP: true, end: sep1 + 2}, true
	}
	// Day and month after "le", or both in two digits: le 15/06, 31/10.
	if c == '/' && na <= 2 && nb <= 2 && (s.is(j-1, wLe) || s.is(j-1, wWeekday) || na == 2 && (nb == 2 || a > 12) ||
		s.inRange && (s.punct(j-1, '-') || s.is(j-1, wAu)) && s.punct(j-3, '/') && s.t[j-2].kind == kNum) && validDay(2000, b, a) {
		p := partial{m: b, d: a}
		if s.a.ok {
			p.mod = s.dayMonthTense(j)
		}
		return item{p: p, isP: true, end: sep1 + 2}, true
	}
	return item{}, false
}

// dayMonthAt reports whether a day and month in digits start at token i:
// "1/3", with nothing glued after them but a year ("1/3/2020").
func (s *scanner) dayMonthAt(i int) bool {
	a, na, ok1 := s.num(i)
	b, nb, ok2 := s.num(i + 2)
	if !ok1 || !ok2 || na > 2 || nb > 2 || !s.punct(i+1, '/') || !s.glued(i+1) || !s.glued(i+2) || !validDay(2000, b, a) {
		return false
	}
	k := i + 3
	if s.punct(k, '/') && s.glued(k) && s.glued(k+1) {
		if _, ny, ok := s.num(k + 1); ok && (ny == 4 || ny == 2) {
			k += 2
		}
	}
	return !s.glued(k) || s.t[k].kind == kPunct && s.t[k].n != '/' && s.t[k].n != '-' && !(s.glued(k+1) && s.t[k+1].kind == kNum)
}

// dayMonthRange reports whether a hyphen at token k joins what comes
// before to a day and month in digits: the "-1/3" of "28/2-1/3".
func (s *scanner) dayMonthRange(k int) bool {
	return s.punct(k, '-') && s.glued(k) && s.glued(k+1) && s.dayMonthAt(k+1)
}

// spaced reads a date in digits set apart by single spaces, day first:
// "18 08 1978", "2 4 2009", "18 8 78". Nothing may continue the numbers on
// either side, and a year in two digits must end the clause.
func (s *scanner) spaced(j int) (item, bool) {
	a, na, _ := s.num(j)
	b, nb, ok1 := s.num(j + 1)
	y, ny, ok2 := s.num(j + 2)
	if !ok1 || na > 2 || nb > 2 || s.t[j+1].gap != gapSpace {
		return item{}, false
	}
	if j > 0 && s.t[j].gap != gapLine && (s.t[j-1].kind == kNum || s.t[j].gap == gapNone) {
		return item{}, false
	}
	if !ok2 && (s.is(j-1, wLe) || na == 2 && nb == 2 || a > 12 && s.alone(j, j+2)) && s.clauseEnd(j+2) && validDay(2000, b, a) {
		// "le 17 02", "31 10": a day and month, after "le" or both in two
		// digits; "17 2" alone on its line, as in a form.
		p := partial{m: b, d: a}
		if s.a.ok {
			p.mod = s.dayMonthTense(j)
		}
		return item{p: p, isP: true, end: j + 2}, true
	}
	if !ok2 || (ny != 4 && ny != 2) || s.t[j+2].gap != gapSpace {
		return item{}, false
	}
	if e := j + 3; e < s.lim && (s.t[e].kind == kNum || s.t[e].gap == gapNone && s.t[e].kind != kPunct) {
		return item{}, false
	}
	if ny == 2 && !s.clauseEnd(j+3) && !(s.is(j+3, wA) && j+4 < s.lim && s.t[j+4].kind == kWord) {
		return item{}, false // but "18 08 78 à la maison"
	}
	p := partial{y: y, m: b, d: a}
	if ny == 2 {
		p.y = s.century2(y)
	}
	if p.y < 1000 || p.y > 2199 || !validDay(p.y, p.m, p.d) {
		return item{}, false
	}
	return item{p: p, isP: true, end: j + 3}, true
}

// century2 reads a two-digit year as the nearest to the reference.
func (s *scanner) century2(y int) int {
	now := 2000
	if s.a.ok {
		now = s.a.year()
	}
	c := now/100*100 + y
	if c > now+20 {
		c -= 100
	}
	return c
}

// clauseEnd reports whether a date may end before token e: the end of the
// line, a punctuation mark that closes a clause, or an hour ("à 18h").
func (s *scanner) clauseEnd(e int) bool {
	if e >= s.lim {
		return true
	}
	switch {
	case s.t[e].kind == kPunct && s.glued(e+1) && s.t[e+1].kind != kPunct:
		return false // 06.12.34, 3,5
	case s.punct(e, ',') || s.punct(e, '.') || s.punct(e, ';') || s.punct(e, ')') || s.punct(e, ':') || s.punct(e, '!') || s.punct(e, '?'):
		return true
	case s.is(e, wEt):
		return true // "les 3 et 4 mars": the list gives the month
	case s.is(e, wA) && s.is(e+1, wPartir), s.elided(e, wJusqu):
		return true
	case s.is(e, wA) || s.is(e, wVers):
		_, nd, ok := s.num(e + 1)
		return ok && nd <= 2 && s.glued(e+2) && s.wordAt(e+2) == "h"
	}
	return false
}

// dayThenMonth reports whether a day in digits at token i is followed by
// its month: "22 juillet", "22 ce mois", "23 le mois prochain". It lets
// "à" join two days ("du 4 à 22 ce mois") but not two quantities ("de 4
// à 22 personnes", "de 4 à 23 mois").
func (s *scanner) dayThenMonth(i int) bool {
	d, e, ok := s.day(i)
	if !ok || d == 0 || s.t[i].kind != kNum {
		return false
	}
	if _, _, ok := s.month(e, true); ok {
		return true
	}
	_, _, ok = s.monthAfter(e)
	return ok
}

// forDuration reports whether a duration begins at token e: "pour trois
// heures", "pour deux jours", as in "je pars le 17 pour trois jours".
func (s *scanner) forDuration(e int) bool {
	if s.wordAt(e) != "pour" {
		return false
	}
	_, _, k, ok := s.count(e + 1)
	return ok && k > e+1 && (s.unitAt(k) != 0 || s.hourWord(k) && s.t[k].e-s.t[k].s > 1)
}

// hourWord reports whether token i is the unit of an hour set apart: the
// "h" of "14 h 30", "heures".
func (s *scanner) hourWord(i int) bool {
	w := s.wordAt(i)
	return w == "h" || w == "heure" || w == "heures"
}

// acronym reports whether word i is written in two to six capitals: JO, COP, PLF.
func (s *scanner) acronym(i int) bool {
	t := s.t[i]
	if t.e-t.s < 2 || t.e-t.s > 6 {
		return false
	}
	for _, c := range []byte(s.text[t.s:t.e]) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// modelNames are the makers and products whose models carry a number that
// looks like a year.
var modelNames = map[string]bool{"peugeot": true, "windows": true}

// yearNouns are the nouns a year often follows without a preposition.
var yearNouns = map[string]bool{}

func init() {
	for _, w := range []string{"budget", "budgets", "finances", "exercice", "plan", "saison", "edition", "promotion",
		"cuvee", "millesime", "recolte", "campagne", "rentree", "election", "elections", "presidentielle",
		"presidentielles", "legislatives", "municipales", "europeennes", "regionales", "mondial", "euro", "jeux",
		"horizon", "vision", "agenda", "strategie", "objectif", "objectifs", "recensement", "rapport", "bilan",
		"classement", "calendrier", "programme", "projet", "salon", "festival", "sommet", "coupe", "championnat",
		"olympiques", "paralympiques", "expo", "exposition", "millesime", "cru", "version", "modele", "annee",
		"trimestre", "semestre", "comptes", "resultats", "chiffres", "statistiques", "previsions", "loi"} {
		yearNouns[w] = true
	}
}

// dayMonthTense returns the reading of a day and month without a year that
// the tense of its sentence calls for: modPast, modFuture, or 0.
func (s *scanner) dayMonthTense(j int) int {
	switch s.tense(j) {
	case -1:
		return modPast
	case 1:
		return modFuture
	}
	return 0
}

func (s *scanner) isDayAt(i int) bool {
	_, _, ok := s.day(i)
	return ok
}
