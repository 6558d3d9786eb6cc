package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"frise/timeline/edtf"
)

// trigger is a word that names something that happens.
type trigger struct {
	stem   string // folded; with a final '*' a prefix, '+' a word with an optional s, '=' the word alone, else a word with optional e/s/es
	kind   string
	strong bool // enough, without a date of its own, to make an article's lead an event
}

// triggers are the words of events. A sentence with a date and none of
// these words is no event, unless it gives a figure (a statistic).
var triggers = [...]trigger{
	{"visite", "visit", true}, {"deplacement", "visit", true}, {"deplace*", "visit", false},
	{"arrive+", "visit", false}, {"arrivee=", "visit", false}, {"arrivees=", "measure", false},
	{"tripl*", "measure", false}, {"s'est rendu", "visit", true}, {"se rendra", "visit", true},
	{"sejour", "visit", false}, {"voyage", "visit", false},
	{"rencontr*", "meeting", true}, {"entretien+", "meeting", true}, {"entretenu", "meeting", true},
	{"reunion", "meeting", true}, {"reuni", "meeting", true}, {"sommet", "meeting", true},
	{"conference", "meeting", false}, {"point de presse", "meeting", false},
	{"pourparlers", "meeting", true}, {"negociation*", "meeting", false},
	{"signe", "agreement", true}, {"signature", "agreement", true}, {"accord+", "agreement", false},
	{"convention", "agreement", false}, {"protocole", "agreement", false}, {"paraphe", "agreement", true},
	{"conclu", "agreement", true}, {"en vigueur", "agreement", true},
	{"annonce", "announcement", true}, {"devoile", "announcement", true}, {"publie", "announcement", false},
	{"decide", "decision", true}, {"decision", "decision", false}, {"adopte", "decision", true},
	{"lance", "decision", true}, {"approuve", "decision", true}, {"vote", "decision", true},
	{"promulgue", "decision", true}, {"loi", "decision", false}, {"decret", "decision", false},
	{"nomme", "decision", true}, {"elu", "decision", true}, {"reconnaissance", "decision", false},
	{"reconnu", "decision", true}, {"mis fin", "decision", true}, {"suspendu", "decision", true},
	{"suspension", "decision", false}, {"censure", "decision", true}, {"retabli", "decision", true},
	{"expuls*", "expulsion", true}, {"rapatri*", "expulsion", true}, {"renvoye", "expulsion", true},
	{"refoule", "expulsion", true}, {"extrade", "expulsion", true}, {"arrete", "expulsion", false},
	{"interpelle", "expulsion", true}, {"condamne", "expulsion", true},
	{"crise", "crisis", false}, {"conflit", "crisis", false}, {"attentat", "crisis", true},
	{"divise", "measure", true}, {"reduction", "measure", false}, {"redui*", "measure", true},
	{"augmentation", "measure", false}, {"augmente", "measure", false}, {"hausse", "measure", false},
	{"baisse", "measure", false}, {"bondi", "measure", false}, {"recul", "measure", false},
	{"double", "measure", false},
	// Visits and receptions.
	{"se rend", "visit", true}, {"rendu", "visit", false}, {"recu", "visit", true}, {"recev*", "visit", true},
	{"recoit", "visit", true}, {"accueilli", "visit", false}, {"tournee", "visit", true},
	// Meetings.
	{"tenu", "meeting", false}, {"reunira", "meeting", true}, {"reunie", "meeting", true},
	{"echange", "meeting", false}, {"telephonique", "meeting", true},
	// Announcements and statements.
	{"declare", "announcement", false}, {"lettre", "announcement", false}, {"communique", "announcement", false},
	{"publique", "announcement", false}, {"promet", "announcement", false},
	// Decisions.
	{"rompu*", "decision", true}, {"rappele", "decision", true}, {"annule", "decision", true},
	{"rejete", "decision", true}, {"deploye", "decision", true}, {"relance", "decision", false},
	{"prise de fonction*", "decision", true}, {"investi", "decision", true}, {"ferme", "decision", false},
	{"sanction*", "decision", false}, {"instaure", "decision", true},
	// Justice and police.
	{"mis en examen", "justice", true}, {"mise en examen", "justice", true}, {"arrestation", "justice", true},
	{"inculpe", "justice", true}, {"enlevement", "justice", true}, {"demantel*", "justice", true},
	{"proces", "justice", false}, {"juge", "justice", false},
	// Crises and disasters.
	{"seisme", "crisis", true}, {"naufrage", "crisis", true}, {"attaque", "crisis", true},
	{"drame", "crisis", true}, {"morts", "crisis", false}, {"revelation*", "crisis", false},
	{"scandale", "crisis", false}, {"brouille", "crisis", false}, {"tension+", "crisis", false},
	{"manifestation+", "crisis", false}, {"emeute+", "crisis", true},
}

// triggerHit is a trigger found in a folded sentence.
type triggerHit struct {
	t   trigger
	pos int // byte offset in the folded sentence
}

// triggerForm is a trigger's stem read once: the letters to match and how
// the word may end.
type triggerForm struct {
	stem                      string
	prefix, pluralOnly, exact bool
}

// triggerForms are the forms of triggers, by index.
var triggerForms = func() []triggerForm {
	out := make([]triggerForm, len(triggers))
	for i, t := range triggers {
		var f triggerForm
		f.stem, f.prefix = strings.CutSuffix(t.stem, "*")
		f.stem, f.pluralOnly = strings.CutSuffix(f.stem, "+")
		f.stem, f.exact = strings.CutSuffix(f.stem, "=")
		out[i] = f
	}
	return out
}()

// triggerIndex maps the first three letters of every trigger to the
// triggers, so that a sentence is read once, word by word.
var triggerIndex = func() map[string][]int {
	idx := map[string][]int{}
	for i, t := range triggers {
		k := t.stem[:3]
		idx[k] = append(idx[k], i)
	}
	return idx
}()

// triggerOpenings are the first two letters of the triggers.
var triggerOpenings = func() (p pairFilter) {
	for _, t := range triggers {
		p.add(t.stem)
	}
	return p
}()

// findTriggers returns the triggers of a folded sentence, each once, in
// order of first appearance.
func findTriggers(folded string) []triggerHit {
	var out []triggerHit
	var seen [len(triggers)]bool
	for i := 0; i+3 <= len(folded); {
		c := folded[i]
		if c < utf8.RuneSelf && !isWordByte(c) {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			if r, n := utf8.DecodeRuneInString(folded[i:]); !isWordRune(r) {
				i += n
				continue
			}
		}
		var tis []int
		if triggerOpenings.may(folded[i : i+3]) {
			tis = triggerIndex[folded[i:i+3]]
		}
		for _, ti := range tis {
			if seen[ti] {
				continue
			}
			f := &triggerForms[ti]
			if !strings.HasPrefix(folded[i:], f.stem) {
				continue
			}
			if !f.prefix {
				rest := folded[i+len(f.stem):]
				if !f.pluralOnly && !f.exact {
					rest = strings.TrimPrefix(rest, "e")
				}
				if !f.exact {
					rest = strings.TrimPrefix(rest, "s")
				}
				if r, _ := utf8.DecodeRuneInString(rest); rest != "" && isWordRune(r) {
					continue
				}
			}
			seen[ti] = true
			out = append(out, triggerHit{triggers[ti], i})
		}
		// Skip to the next word.
		i = wordEnd(folded, i)
		if i < len(folded) {
			_, n := utf8.DecodeRuneInString(folded[i:])
			i += n
		}
	}
	return out
}

// candidate is one event as one sentence of one source reports it.
type candidate struct {
	src      *source
	sent     int
	kind     string
	date     edtf.Value
	certain  bool // the date is written out, not guessed from the article's own date
	quote    string
	match    dateMatch    // the date as the sentence writes it
	trigs    []triggerHit // the sentence's triggers
	actors   []*entry
	places   []*entry
	topics   []*entry
	distance int  // between the date and its trigger: how directly the sentence dates the event
	lede     bool // the article's own news, dated by the article

	first, last time.Time // the date's first and last days
	open        bool      // the date is an open span
}

// comparisons are the words that make the date after them a baseline, not
// the time of an event: "en comparaison à la même période en 2024".
var comparisons = []string{"par rapport a", "comparaison", "compare", "meme periode", "contre "}

var comparisonSet = newPhraseSet(comparisons)

// ledeWindow is how many sentences an article's lead spans.
const ledeWindow = 3

// candidates finds the events of one source.
func (lx *lexicon) candidates(s *source) []*candidate {
	var out []*candidate
	seenActors := map[*entry]bool{}
	lede := false
	for i, st := range s.Sents {
		f := s.Folded[i]
		actors, places, topics := lx.mentions(st.Text, f, seenActors)
		for _, a := range actors {
			seenActors[a] = true
		}
		trigs := findTriggers(f)
		dates := usableDates(st.Text, s.Dates[i], s.Ref)

		mk := func(kind string, d dateMatch, dist int) *candidate {
			return &candidate{src: s, sent: i, kind: kind, date: d.Value, certain: d.Certain,
				quote: st.Text, match: d, trigs: trigs, actors: actors, places: places,
				topics: topics, distance: dist, first: d.Value.First(), last: d.Value.Last(), open: open(d.Value)}
		}

		if len(dates) == 0 {
			// The article's own news: a lead sentence that reports an event
			// without dating it happened when the article says.
			if !lede && !nearRef(out, s.Ref) && i < ledeWindow && !s.Ref.IsZero() && !isHeadlineSentence(st.Text) {
				for _, h := range trigs {
					if h.t.strong {
						lede = true
						ref := s.Ref
						if ref.Precision() == edtf.PrecisionDay {
							ref = edtf.Single(edtf.Month(ref.Start.Year, ref.Start.Month))
						}
						c := mk(h.t.kind, dateMatch{Value: ref}, 1000)
						c.lede = true
						out = append(out, c)
						break
					}
				}
			}
			continue
		}
		if len(trigs) == 0 {
			switch {
			case hasFigure(st.Text, dates):
				out = append(out, mk("statistic", dates[0], 0))
			case !isHeadlineSentence(st.Text):
				// No word of the lists, but a date to the month or the day
				// governs the sentence: news dates what happened.
				if d, ok := preciseDate(dates); ok {
					out = append(out, mk("event", d, 0))
				}
			}
			continue
		}
		// Each date goes to its nearest trigger; each trigger keeps its
		// nearest date: one event per trigger that has a date.
		best := map[int]int{} // trigger index -> date index
		dist := map[int]int{}
		for di, d := range dates {
			dp := foldedPos(st.Text, f, d.Start)
			ti, td := -1, 0
			for k, h := range trigs {
				x := h.pos - dp
				if x < 0 {
					x = -x
				}
				if ti < 0 || x < td {
					ti, td = k, x
				}
			}
			if prev, ok := dist[ti]; !ok || td < prev {
				best[ti], dist[ti] = di, td
			}
		}
		used := map[string]bool{}
		keys := make([]string, len(dates)) // each date as EDTF, written once
		for di, d := range dates {
			keys[di] = d.Value.String()
		}
		for k := range trigs {
			di, ok := best[k]
			if !ok {
				continue
			}
			key := keys[di]
			if used[key] {
				continue
			}
			used[key] = true
			out = append(out, mk(figureKind(trigs[k].t, st.Text, dates, dates[di]), dates[di], dist[k]))
		}
		// A date no trigger kept is coordinated with one that was ("avec
		// la Tunisie en juillet 2023 et avec l'Égypte en mars dernier"): it
		// dates the same kind of event. Or a figure stands by it: a
		// statistic.
		for di, d := range dates {
			if used[keys[di]] {
				continue
			}
			// In trigger order, not the map's, so two triggers that could
			// both claim the date always give the same event.
			for k := range trigs {
				bdi, ok := best[k]
				if !ok {
					continue
				}
				if coordinated(st.Text, dates[bdi], d) {
					used[keys[di]] = true
					out = append(out, mk(figureKind(trigs[k].t, st.Text, dates, d), d, dist[k]))
					break
				}
			}
			if !used[keys[di]] && d.Value.Precision() <= edtf.PrecisionYear && figureNear(st.Text, dates, d) && !d.Value.Interval {
				used[keys[di]] = true
				out = append(out, mk("statistic", dates[di], 0))
			}
		}
	}
	return out
}

// nearRef reports whether an event found so far is dated within the month
// of the article: the article's own news is already told.
func nearRef(cs []*candidate, ref edtf.Value) bool {
	if ref.IsZero() {
		return false
	}
	m := edtf.Single(edtf.Month(ref.Start.Year, ref.Start.Month))
	for _, c := range cs {
		if m.Contains(c.date) {
			return true
		}
	}
	return false
}

// usableDates drops the dates a sentence gives only as a baseline for a
// comparison, vague spans with an unknown end ("ces derniers mois", "dans
// les prochaines semaines"), and guesses that land after the article's own
// date: a reading of "jeudi 7 mars" in a later year than the article is
// more likely wrong than right.
func usableDates(text string, ds []dateMatch, ref edtf.Value) []dateMatch {
	var out []dateMatch
	for _, d := range ds {
		// "ces derniers mois", "dans les prochaines semaines": no time of
		// its own; "avant la fin de l'année", "d'ici 2030": a deadline.
		if d.Value.Interval && (d.Value.StartKind != edtf.Known || d.Value.EndKind == edtf.Unknown) {
			continue
		}
		if !d.Certain && !ref.IsZero() && d.Value.First().After(ref.Last()) {
			continue
		}
		if isIdiom(text, d) {
			continue
		}
		// "Depuis le 1er janvier, 22 300 arrivées": the period runs to the
		// article's own date.
		if d.Value.Interval && d.Value.StartKind == edtf.Known && d.Value.EndKind == edtf.Open && !ref.IsZero() &&
			ref.Start.First().After(d.Value.Start.Last()) {
			d.Value = edtf.Between(d.Value.Start, ref.Start)
		}
		if !comparisonSet.in(fold(text[max(0, d.Start-40):d.Start])) {
			out = append(out, d)
		}
	}
	return out
}

// figureKind is the kind of event a trigger makes with a date, or
// "statistic" when the event is a figure for a period: a measure word with
// a figure, or a figure by a date no finer than a year ("78 685 tentatives
// avortées en 2024").
func figureKind(t trigger, text string, dates []dateMatch, d dateMatch) string {
	if !hasFigure(text, dates) {
		return t.kind
	}
	if t.kind == "measure" {
		return "statistic"
	}
	if figureNear(text, dates, d) && (d.Value.Interval || d.Value.Precision() <= edtf.PrecisionYear) {
		return "statistic"
	}
	return t.kind
}

// coordinated reports whether two dates of a sentence are joined by "et"
// with little between them.
func coordinated(text string, a, b dateMatch) bool {
	lo, hi := a.End, b.Start
	if b.Start < a.Start {
		lo, hi = b.End, a.Start
	}
	if hi < lo || hi-lo > 60 {
		return false
	}
	between := " " + text[lo:hi] + " "
	if !strings.Contains(between, " et ") || strings.ContainsAny(between, ".;:") {
		return false
	}
	// "en 2015 et 2018", "mercredi et jeudi": one span of time, told twice;
	// "avec la Tunisie en juillet 2023 et avec l'Égypte en mars": two.
	for _, w := range strings.Fields(between) {
		switch strings.ToLower(w) {
		case "et", "en", "puis", "le", "les", "au", "a", "à", "de", "du":
		default:
			return true
		}
	}
	return false
}

// preciseDate returns the first date of a sentence precise to the month or
// the day (a season counts as a month).
func preciseDate(ds []dateMatch) (dateMatch, bool) {
	for _, d := range ds {
		if d.Value.Interval {
			continue
		}
		if p := d.Value.Precision(); p >= edtf.PrecisionMonth {
			return d, true
		}
	}
	return dateMatch{}, false
}

// figureNear reports whether a figure stands within a few words of a date:
// "46 843 migrants … en 2024".
func figureNear(text string, dates []dateMatch, d dateMatch) bool {
	lo, hi := max(0, d.Start-80), min(len(text), d.End+80)
next:
	for i := lo; i < hi; i++ {
		if c := text[i]; c < '0' || c > '9' {
			continue
		}
		for _, o := range dates {
			if i >= o.Start && i < o.End {
				continue next
			}
		}
		return true
	}
	return false
}

// hasFigure reports whether a sentence gives a number other than its dates.
func hasFigure(text string, ds []dateMatch) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < '0' || c > '9' {
			continue
		}
		inDate := false
		for _, d := range ds {
			if i >= d.Start && i < d.End {
				inDate = true
			}
		}
		if !inDate {
			return true
		}
	}
	return strings.Contains(text, "%")
}

// foldedPos maps a byte offset of a sentence to its folded form, roughly:
// folding keeps the order of words, so the proportion is close enough to
// find the nearest trigger.
func foldedPos(raw, folded string, off int) int {
	if len(raw) == 0 {
		return 0
	}
	return off * len(folded) / len(raw)
}

// isHeadlineSentence reports whether a sentence is a title or subhead.
func isHeadlineSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?…»\"", r)
}

// leadIns are openings a title leaves out.
var leadIns = []string{"pour rappel, ", "selon la map, ", "selon des sources bien informees, ", "a ce titre, ", "par ailleurs, ", "en outre, ", "de plus, ", "ainsi, ", "mieux, "}

// maxLeadIn is the length of the longest lead-in, in bytes.
var maxLeadIn = func() int {
	n := 0
	for _, l := range leadIns {
		n = max(n, len(l))
	}
	return n
}()

// dangling are words a title does not end on.
var dangling = map[string]bool{"de": true, "la": true, "le": true, "les": true, "des": true, "du": true,
	"a": true, "à": true, "et": true, "en": true, "pour": true, "l'": true, "d'": true, "au": true, "aux": true,
	"sur": true, "par": true, "avec": true, "un": true, "une": true, "ou": true, "que": true, "qui": true,
	"dans": true, "son": true, "sa": true, "ses": true, "leur": true, "leurs": true, "ce": true, "cette": true,
	"alors": true, "lors": true, "dont": true, "afin": true, "entre": true, "vers": true}

// maxTitle is the longest title, in characters.
const maxTitle = 90

// makeTitle makes a headline of a sentence in its own words: the clauses
// that hold the date and its trigger, without a lead-in, cut after the
// trigger's clause, at most maxTitle characters.
func makeTitle(sent string, d dateMatch, trigs []triggerHit) string {
	t := normSpace(sent)
	t = strings.TrimRight(t, ".!?… ")
	if d.Text != "" {
		t = clauses(t, d, trigs, sent)
	} else {
		t = dropAsides(t)
	}
	// Leave out the lead-in and a leading date: "En novembre 2015, …".
	for changed := true; changed; {
		changed = false
		f := foldHead(t, maxLeadIn)
		for _, l := range leadIns {
			if strings.HasPrefix(f, l) {
				t = cutRunes(t, utf8.RuneCountInString(l))
				changed = true
			}
		}
		if c := strings.Index(t, ", "); c > 0 && c < 45 && d.Text != "" && strings.Contains(t[:c], d.Text) && len(t)-c > 30 {
			t = t[c+2:]
			changed = true
		}
	}
	// Cut at a clause boundary once the title says enough.
	for _, sep := range []string{", ", " pour ", " afin ", " alors que ", " : ", " ; ", " (", " dont ", " qui "} {
		if i := strings.Index(t, sep); i >= 35 && (sep != " qui " || utf8.RuneCountInString(t) > maxTitle) {
			if d.Text == "" || !strings.Contains(t[i:], d.Text) || i > maxTitle {
				t = t[:i]
			}
		}
	}
	if utf8.RuneCountInString(t) > maxTitle {
		t = cutWords(t, maxTitle)
	}
	t = dropDangling(t)
	t = strings.TrimRight(t, " ,;:-–")
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// dropAsides removes the short asides between commas of a clause: a name
// in apposition or an adverb ("le ministre, Bruno Retailleau, s'est
// entretenu, récemment, avec …" is "le ministre s'est entretenu avec …").
func dropAsides(t string) string {
	for i := 0; ; {
		a := strings.Index(t[i:], ", ")
		if a < 0 {
			return t
		}
		a += i
		b := strings.Index(t[a+2:], ", ")
		if b < 0 {
			return t
		}
		b += a + 2
		if n := len(strings.Fields(t[a+2 : b])); n >= 1 && n <= 3 && a > 0 {
			t = t[:a] + " " + t[b+2:]
			continue
		}
		i = a + 2
	}
}

func cutRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[i:]
		}
		n--
	}
	return ""
}

// clauseBreaks separate the clauses of a sentence.
var clauseBreaks = []string{", ", "; ", " « ", "«", " » ", "»", " et qu", " qu’", " qu'", " que "}

// clauses returns the run of clauses of t from the one holding the date's
// trigger to the one holding the date (or the other way round).
func clauses(t string, d dateMatch, trigs []triggerHit, sent string) string {
	dp := strings.Index(t, d.Text)
	if dp < 0 {
		return t
	}
	// The trigger nearest the date, as a position in t.
	f := fold(t)
	tp := -1
	best := 0
	for _, h := range trigs {
		i := strings.Index(f, strings.TrimRight(h.t.stem, "*+="))
		if i < 0 {
			continue
		}
		p := i * len(t) / max(1, len(f))
		x := p - dp
		if x < 0 {
			x = -x
		}
		if tp < 0 || x < best {
			tp, best = p, x
		}
	}
	lo, hi := dp, dp+len(d.Text)
	if tp >= 0 {
		lo, hi = min(lo, tp), max(hi, tp)
	}
	start, end := 0, len(t)
	for _, b := range clauseBreaks {
		if i := strings.LastIndex(t[:lo], b); i >= 0 && i+len(b) > start {
			start = i + len(b)
		}
		if i := strings.Index(t[hi:], b); i >= 0 && hi+i < end {
			end = hi + i
		}
	}
	// A short opening is the subject of the clause: "La loi immigration,
	// promulguée le 26 janvier 2024".
	if start > 0 && start <= 45 && !strings.Contains(t[:start], d.Text) {
		start = 0
	}
	// A clause that is little more than its date says nothing: take the
	// next one too ("Depuis la reconnaissance, à l’été 2024, par la France
	// de la souveraineté marocaine sur le Sahara").
	for end < len(t) && utf8.RuneCountInString(t[start:end])-utf8.RuneCountInString(d.Text) < 30 {
		next := len(t)
		for _, b := range clauseBreaks {
			if i := strings.Index(t[end+1:], b); i >= 0 && end+1+i < next {
				next = end + 1 + i
			}
		}
		end = next
	}
	out := strings.TrimSpace(t[start:end])
	if utf8.RuneCountInString(out) < 25 {
		return t
	}
	return out
}
