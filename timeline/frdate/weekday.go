package frdate

import (
	"strings"

	"frise/timeline/edtf"
)

// The readings of a weekday named alone, after the words that settle it.
const (
	modNext   = 4 // the first such day after the reference: a future sentence
	modComing = 5 // the reference's day or the first such day after it
	modPast   = 6 // a day and month in a sentence about the past: not after the reference
	modFuture = 7 // a day and month in a sentence about the future: not before the reference
	modThis   = 8 // "ce lundi": the reference's day or the first such day after it, certain
)

// weekdayWeek reads what may follow a weekday without a date: "de la
// semaine prochaine", "la semaine dernière", "cette semaine", "en huit",
// "en quinze". It returns the day and the token after the words.
func (s *scanner) weekdayWeek(wd, e int) (res, int, bool) {
	k := e
	if s.is(k, wDe) {
		k++
	}
	week := 0 // weeks from the reference's
	certain := true
	next := func(i int) (bool, int) { // "suivante", "d'après": counted from another event
		switch w := s.wordAt(i); {
		case w == "suivant" || w == "suivante":
			return true, i + 1
		case s.elided(i, wD) && s.is(i+2, wApres):
			return true, i + 3
		}
		return false, i
	}
	if ok, k2 := next(e); ok {
		// "mardi suivant", "mercredi d'après": that day of the next week.
		week, k, certain = 1, k2, false
	} else if ok, k2 := next(k + 2); ok && s.is(k, wLa) && s.is(k+1, wUnit) && s.t[k+1].w.v == uWeek {
		week, k, certain = 1, k2, false // "mardi de la semaine suivante"
	}
	switch {
	case !certain:
	case s.is(k, wLa) && s.is(k+1, wUnit) && s.t[k+1].w.v == uWeek && s.is(k+2, wDernier):
		week, k = -1, k+3
	case s.is(k, wLa) && s.is(k+1, wUnit) && s.t[k+1].w.v == uWeek && s.is(k+2, wProchain):
		week, k = 1, k+3
	case s.is(k, wCette) && s.is(k+1, wUnit) && s.t[k+1].w.v == uWeek:
		k += 2
	case s.is(e, wEn) && (s.is(e+1, wNum) && s.t[e+1].w.v == 8 || s.numIs(e+1, 8)):
		return s.weekdayAfter(wd, 7, e+2)
	case s.is(e, wEn) && (s.is(e+1, wNum) && s.t[e+1].w.v == 15 || s.numIs(e+1, 15)):
		return s.weekdayAfter(wd, 14, e+2)
	default:
		return res{}, e, false
	}
	r, ok := s.a.period(uWeek, week)
	if !ok {
		return res{}, e, false
	}
	if !r.v.Interval {
		return r, k, true // a reference coarser than the day
	}
	return single(dayOf(r.v.Start.First().AddDate(0, 0, wd-1)), certain), k, true
}

func (s *scanner) numIs(i, n int) bool {
	v, _, ok := s.num(i)
	return ok && v == n && !s.glued(i+1)
}

// weekdayAfter reads "mardi en huit": the coming Tuesday (today included),
// then n days more.
func (s *scanner) weekdayAfter(wd, n, end int) (res, int, bool) {
	if !s.a.ok {
		return res{}, end, false
	}
	if s.a.prec < edtf.PrecisionDay {
		return single(s.a.at(edtf.PrecisionDay), false), end, true
	}
	r := weekdayOf(s.a.t)
	return single(dayOf(s.a.t.AddDate(0, 0, (wd-r+7)%7+n)), true), end, true
}

// pastTense reports whether the sentence around token i tells of the past:
// the nearest verb form that shows a tense is a past one ("a annoncé",
// "s'est rendu", "était") rather than a future one ("repartira", "va
// signer", "est prévu"). Without any, the sentence is taken as one about
// what is coming, as a weekday named alone in a plan or an agenda is.
func (s *scanner) pastTense(i int) bool { return s.tense(i) < 0 }

// tense returns -1 when the nearest verb form around token i, in its
// sentence, is a past one, +1 when it is a future one, 0 without any.
func (s *scanner) tense(i int) int {
	if s.is(i-1, wDepuis) || s.is(i-2, wDepuis) {
		return -1
	}
	// A past participle just before it: "le communiqué publié mardi".
	if i > 0 && s.t[i-1].kind == kWord && s.t[i-1].w.id == wNone && s.t[i].gap == gapSpace {
		raw := s.text[s.t[i-1].s:s.t[i-1].e]
		if strings.HasSuffix(raw, "é") || strings.HasSuffix(raw, "ée") || strings.HasSuffix(raw, "és") || strings.HasSuffix(raw, "ées") {
			// After être ("pourrait être adopté mardi") the tense is the auxiliary's.
			aux := s.wordAt(i - 2)
			passive := aux == "etre" || aux == "sera" || aux == "seront" || aux == "serait" || aux == "seraient" || aux == "soit" || aux == "soient"
			if p := s.folded(i - 1); !passive && p != "prevu" && p != "prevue" && p != "programme" && p != "programmee" && p != "fixe" && p != "fixee" {
				return -1
			}
		}
	}
	for d := 1; d < 30; d++ {
		left, right := i-d, i+d
		lok := left >= 0 && s.t[left+1].gap != gapLine && !s.endsSentence(left)
		rok := right < s.lim && !s.endsSentence(right)
		if !lok && !rok {
			break
		}
		if lok {
			if c := s.tenseCue(left); c != 0 {
				return c
			}
		}
		if rok {
			if c := s.tenseCue(right); c != 0 {
				return c
			}
		}
	}
	return 0
}

func (s *scanner) endsSentence(i int) bool {
	return s.punct(i, '.') && !(i > 0 && s.t[i-1].kind == kWord && s.t[i-1].w.abbr) || s.punct(i, '!') || s.punct(i, '?') || s.punct(i, ';')
}

// tenseCue says whether token i marks the past (-1), the future (+1) or neither (0).
func (s *scanner) tenseCue(i int) int {
	t := s.t[i]
	if t.kind != kWord {
		return 0
	}
	switch t.w.id {
	case wA:
		if s.text[t.s:t.e] == "a" && !s.is(i-1, wY) && s.participle(i+1) {
			return -1 // the verb, not the preposition à: "a annoncé"
		}
		return 0
	case wHier:
		return -1
	case wDemain:
		return 1
	case wNone:
	default:
		return 0
	}
	if t.e-t.s > 24 {
		return 0
	}
	w := s.folded(i)
	switch w {
	case "avait", "avaient", "etait", "etaient", "fut", "furent", "eut", "eurent":
		return -1
	case "ont", "ai", "avons", "avez":
		if s.participle(i + 1) {
			return -1
		}
		return 0
	case "va", "vont", "vais", "vas", "allons", "allez", "doit", "doivent", "devra", "devront", "prevu", "prevue", "prevus", "prevues", "attendu",
		"attendue", "attendus", "attendues", "programme", "programmee", "convoque", "convoquee", "compte", "entend":
		return 1
	case "est", "sont":
		// "s'est rendu", "est arrivé": a past participle after it.
		if s.punct(i-1, '\'') && s.wordAt(i-2) == "s" || s.wordAt(i-1) == "se" {
			return -1
		}
		if n := i + 1; n < s.lim && s.t[n].kind == kWord {
			if plannedParticiples[s.folded(n)] {
				return 1 // "sont annoncés", "est prévu": a plan
			}
			switch s.folded(n) {
			case "parti", "partie", "partis", "parties":
				// "il est parti", the noun elsewhere; not "est partie prenante"
				if w := s.wordAt(n + 1); w != "prenante" && w != "prenantes" && w != "civile" {
					return -1
				}
			}
		}
		if s.participle(i + 1) {
			return -1
		}
		return 0
	}
	if t.up {
		return 0 // a name: Ankara, Sahara
	}
	n := len(w)
	switch {
	case n >= 5 && (strings.HasSuffix(w, "ait") || strings.HasSuffix(w, "aient")) && !notVerb[w]:
		if strings.HasSuffix(w, "rait") || strings.HasSuffix(w, "raient") {
			return 1 // the conditional: devrait, pourrait
		}
		return -1
	case n >= 5 && strings.HasSuffix(w, "rais") && !notVerb[w]:
		return 1 // the conditional: serais, pourrais
	case n >= 3 && strings.HasSuffix(w, "ra") && !notVerb[w],
		n >= 5 && (strings.HasSuffix(w, "ront") || strings.HasSuffix(w, "rons") || strings.HasSuffix(w, "rez") ||
			strings.HasSuffix(w, "rai") || strings.HasSuffix(w, "ras")) && !notVerb[w]:
		return 1
	}
	return 0
}

// plannedParticiples are the participles that, after est or sont, announce
// what is to come rather than tell what happened.
var plannedParticiples = map[string]bool{}

func init() {
	for _, p := range []string{"prevu", "attendu", "annonce", "programme", "planifie", "envisage", "convoque", "fixe"} {
		for _, end := range []string{"", "e", "s", "es"} {
			plannedParticiples[p+end] = true
		}
	}
}

// notVerb are nouns and adjectives shaped like the verb forms tenseCue reads.
var notVerb = map[string]bool{}

func init() {
	for _, w := range []string{"fait", "lait", "trait", "souhait", "portrait", "extrait", "attrait", "abstrait", "retrait",
		"parfait", "bienfait", "forfait", "distrait", "entrait", "extra", "cobra", "opera", "camera", "mantra", "tantra",
		"front", "affront", "marrons", "environs", "chez", "assez", "nez", "riz", "raz", "gaz", "era", "vrai", "minerai",
		"balai", "delai", "essai", "relai", "gras", "bras", "embarras", "tiras", "lilas", "repas", "cadenas", "fatras",
		"plateras", "ananas", "matelas", "verglas", "frais", "marais"} {
		notVerb[w] = true
	}
}

// wordAt returns the folded word at token i, or "" for anything else.
func (s *scanner) wordAt(i int) string {
	if i < 0 || i >= s.lim || s.t[i].kind != kWord {
		return ""
	}
	return s.folded(i)
}

// participle reports whether a past participle comes at token n, after
// at most two adverbs: "annoncé", "déjà reçu", "pas été", "mort".
func (s *scanner) participle(n int) bool {
	for k := 0; k < 3 && n < s.lim && s.t[n].kind == kWord; k, n = k+1, n+1 {
		p := s.folded(n)
		switch p {
		case "pas", "deja", "bien", "aussi", "egalement", "notamment", "encore", "toujours", "jamais", "ensuite",
			"enfin", "finalement", "officiellement", "longtemps", "rapidement", "plus":
			continue
		case "lieu", "milieu", "vu", "feu", "jeu", "souci", "abri", "appui", "ennui", "defi", "parti", "pari", "menu", "tissu":
			return p == "vu" // "a lieu" is the present; "a vu" the past
		case "ete", "eu", "fait", "dit", "pris", "mis", "mort", "morte", "morts", "ne", "nee", "nes", "ouvert",
			"offert", "souffert", "decouvert", "couvert", "atteint", "craint", "joint", "peint", "ecrit", "produit",
			"conduit", "construit", "detruit", "reduit", "permis", "promis", "admis", "commis", "remis", "soumis", "acquis":
			return true
		}
		raw := s.text[s.t[n].s:s.t[n].e]
		return strings.HasSuffix(raw, "é") || strings.HasSuffix(raw, "ée") || strings.HasSuffix(raw, "és") || strings.HasSuffix(raw, "ées") ||
			len(p) > 3 && !s.titleCase(n) && (strings.HasSuffix(p, "i") || strings.HasSuffix(p, "is") || strings.HasSuffix(p, "ie") ||
				strings.HasSuffix(p, "ies") || strings.HasSuffix(p, "u") || strings.HasSuffix(p, "us") || strings.HasSuffix(p, "ue") ||
				strings.HasSuffix(p, "ues"))
	}
	return false
}
