package frdate

// word is what the vocabulary knows of a word: its class and a value
// (a month, a weekday from Monday = 1, a number, a season, a unit).
type word struct {
	id   uint8
	v    int8
	abbr bool // an abbreviation, which may be followed by a full stop
	pl   bool // a plural
}

// The classes of known words.
const (
	wNone uint8 = iota
	wMonth
	wWeekday
	wNum     // a cardinal in words; v is its value
	wSept    // "sept": seven, or September abbreviated
	wOrd     // an ordinal in words: premier, deuxième…; v is its value
	wSuf     // an ordinal suffix glued to digits: 1er, 2e, 3ème
	wRoman   // a Roman ordinal: XXe, XIXe; v is its value
	wApprox  // dizaine, quinzaine…; v is the value
	wSeason  // v is 21 to 24
	wUnit    // jour, semaine, mois, an, année…; v is a unit
	wDernier // dernier, passé, écoulé
	wProchain
	wLe
	wLa
	wL // l' and the other elided articles are told apart by the apostrophe
	wLes
	wEn
	wAu
	wAux
	wA
	wDu
	wDe
	wD
	wDes
	wDans
	wDepuis
	wIl
	wY
	wHier
	wDemain
	wAujourd
	wHui
	wAvant
	wApres
	wCe
	wCet
	wCette
	wCes
	wFin
	wDebut
	wMi
	wMilieu
	wCourant
	wCours
	wVers
	wAlentours
	wAutour
	wEnvirons
	wEnviron
	wIci
	wJusqu
	wPartir
	wEntre
	wEt
	wOu
	wPartOfDay // soir, matin, midi, nuit, soirée, matinée
	wSiecle
	wDecennie
	wWeek
	wEnd
	wPres
	wPlus
	wMoins
	wPresque
	wVoila
	wCi
	wN // n, as in n°
	wNumero
	wT // T1 for the first quarter
	wS // S2 for the second half
	wCourse
	wQuelque
	wAnchor // suivant, précédent, même: a date that depends on another event
	wChaque
	wHoliday // a feast on a fixed day: v is an index in holidays
	wMille   // mille, mil: a year in words
)

// holidays are the feasts on a fixed day that the news names without a
// date: Noël, la Toussaint, le nouvel an, le jour de l'an, la fête du
// travail, la Saint-Sylvestre, la Saint-Valentin, l'Assomption.
var holidays = []struct {
	word  string // the folded word that names it
	after string // a word that must follow it, or ""
	saint bool   // "Saint-" must come before it
	m, d  int
}{
	{"noel", "", false, 12, 25},
	{"toussaint", "", false, 11, 1},
	{"nouvel", "an", false, 1, 1},
	{"fete", "travail", false, 5, 1},
	{"sylvestre", "", true, 12, 31},
	{"valentin", "", true, 2, 14},
	{"assomption", "", false, 8, 15},
	// Movable feasts: m is the month and d is -n for the nth Sunday (-1
	// to -5), or -10-n for the nth Thursday; Easter's are marked with m = 0
	// and d the days after Easter Sunday.
	{"thanksgiving", "", false, 11, -14},
	{"thanks", "giving", false, 11, -14},
	{"action", "grace", false, 11, -14},
	{"peres", "", false, 6, -3},
	{"paques", "", false, 0, 0},
	{"pentecote", "", false, 0, 49},
	{"ascension", "", false, 0, 39},
}

// The units of a duration.
const (
	uDay = iota + 1
	uWeek
	uMonth
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
)

var vocab = map[string]word{}

func add(id uint8, v int8, words ...string) {
	for _, w := range words {
		vocab[w] = word{id: id, v: v}
	}
}

func init() {
	months := [][]string{
		1:  {"janvier", "janv", "jan"},
		2:  {"fevrier", "fevr", "fev", "fevrie"},
		3:  {"mars"},
		4:  {"avril", "avr"},
		5:  {"mai"},
		6:  {"juin"},
		7:  {"juillet", "juil", "juill"},
		8:  {"aout"},
		9:  {"septembre", "sep", "sept"},
		10: {"octobre", "oct"},
		11: {"novembre", "nov"},
		12: {"decembre", "dec"},
	}
	for m, names := range months {
		for k, n := range names {
			vocab[n] = word{id: wMonth, v: int8(m), abbr: k > 0}
		}
	}
	vocab["sept"] = word{id: wSept, v: 7}
	for d, n := range []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"} {
		add(wWeekday, int8(d+1), n)
	}
	for d, n := range []string{"lun", "mar", "mer", "jeu", "ven", "sam", "dim"} {
		vocab[n] = word{id: wWeekday, v: int8(d + 1), abbr: true}
	}
	add(wNum, 1, "un", "une")
	for n, w := range []string{2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 8: "huit", 9: "neuf",
		10: "dix", 11: "onze", 12: "douze", 13: "treize", 14: "quatorze", 15: "quinze", 16: "seize",
		20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante", 100: "cent"} {
		if w != "" {
			add(wNum, int8(n), w)
		}
	}
	add(wNum, 20, "vingts")
	add(wNum, 100, "cents")
	add(wOrd, 1, "premier", "premiere")
	add(wOrd, 2, "deuxieme", "second", "seconde")
	add(wOrd, 3, "troisieme")
	add(wOrd, 4, "quatrieme")
	for n, w := range []string{5: "cinquieme", 6: "sixieme", 7: "septieme", 8: "huitieme", 9: "neuvieme", 10: "dixieme",
		11: "onzieme", 12: "douzieme"} {
		if w != "" {
			add(wOrd, int8(n), w)
		}
	}
	add(wSuf, 0, "er", "re", "ere", "e", "eme", "ieme", "em", "nd", "nde")
	romans := []string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
		"xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii"}
	for n, r := range romans {
		if n > 0 {
			add(wRoman, int8(n), r+"e", r+"eme", r+"ieme")
		}
	}
	add(wApprox, 8, "huitaine")
	add(wApprox, 10, "dizaine", "dizaines")
	add(wApprox, 12, "douzaine")
	add(wApprox, 15, "quinzaine")
	add(wApprox, 20, "vingtaine")
	add(wApprox, 30, "trentaine")
	add(wApprox, 40, "quarantaine")
	add(wApprox, 50, "cinquantaine")
	add(wApprox, 100, "centaine", "centaines")
	add(wSeason, 21, "printemps")
	add(wSeason, 22, "ete")
	add(wSeason, 23, "automne")
	add(wSeason, 24, "hiver")
	add(wUnit, uDay, "jour", "jours", "journee", "journees")
	add(wUnit, uWeek, "semaine", "semaines")
	add(wUnit, uMonth, "mois")
	add(wUnit, uQuarter, "trimestre", "trimestres")
	add(wUnit, uHalf, "semestre", "semestres")
	add(wUnit, uYear, "an", "ans", "annee", "annees")
	add(wDecennie, uDecade, "decennie", "decennies")
	add(wSiecle, uCentury, "siecle", "siecles")
	for _, p := range []string{"ans", "annees", "jours", "semaines", "trimestres", "semestres", "journees"} {
		w := vocab[p]
		w.pl = true
		vocab[p] = w
	}
	add(wDernier, 0, "dernier", "derniere", "derniers", "dernieres", "passe", "passee", "passes", "passees",
		"ecoule", "ecoulee", "ecoules", "ecoulees")
	add(wProchain, 0, "prochain", "prochaine", "prochains", "prochaines")
	add(wLe, 0, "le")
	add(wLa, 0, "la")
	add(wL, 0, "l")
	add(wLes, 0, "les")
	add(wEn, 0, "en")
	add(wAu, 0, "au")
	add(wAux, 0, "aux")
	add(wA, 0, "a")
	add(wDu, 0, "du")
	add(wDe, 0, "de")
	add(wD, 0, "d")
	add(wDes, 0, "des")
	add(wDans, 0, "dans")
	add(wDepuis, 0, "depuis")
	add(wIl, 0, "il")
	add(wY, 0, "y")
	add(wHier, 0, "hier")
	add(wDemain, 0, "demain")
	add(wAujourd, 0, "aujourd")
	add(wHui, 0, "hui")
	add(wAvant, 0, "avant")
	add(wApres, 0, "apres")
	add(wCe, 0, "ce")
	add(wCet, 0, "cet")
	add(wCette, 0, "cette")
	add(wCes, 0, "ces")
	add(wFin, 0, "fin")
	add(wDebut, 0, "debut")
	add(wMi, 0, "mi")
	add(wMilieu, 0, "milieu")
	add(wCourant, 0, "courant")
	add(wCours, 0, "cours")
	add(wVers, 0, "vers")
	add(wAlentours, 0, "alentours")
	add(wAutour, 0, "autour")
	add(wEnvirons, 0, "environs")
	add(wEnviron, 0, "environ")
	add(wIci, 0, "ici")
	add(wJusqu, 0, "jusqu", "jusque")
	add(wPartir, 0, "partir")
	add(wEntre, 0, "entre")
	add(wEt, 0, "et")
	add(wOu, 0, "ou")
	add(wPartOfDay, 0, "soir", "matin", "midi", "nuit", "soiree", "matinee", "aube", "aprem")
	add(wWeek, 0, "week", "weekend", "weekends")
	add(wEnd, 0, "end", "ends")
	add(wPres, 0, "pres")
	add(wPlus, 0, "plus")
	add(wMoins, 0, "moins")
	add(wPresque, 0, "presque", "quasiment")
	add(wVoila, 0, "voila", "voici")
	add(wCi, 0, "ci")
	add(wN, 0, "n", "no")
	add(wNumero, 0, "numero", "num", "art", "article", "loi", "decret", "dahir", "circulaire", "arrete", "ligne", "route", "rn", "page", "p", "pp", "tome", "chapitre", "code", "ref")
	add(wT, 0, "t", "q")
	add(wS, 0, "s", "h")
	add(wCourse, 0, "durant", "pendant", "lors")
	add(wQuelque, 0, "quelques")
	add(wAnchor, 0, "suivant", "suivante", "suivants", "suivantes", "precedent", "precedente", "precedents",
		"precedentes", "meme", "lendemain", "veille")
	add(wChaque, 0, "chaque", "tous", "toutes")
	add(wMille, 0, "mille", "milles", "mil")
	for k, h := range holidays {
		add(wHoliday, int8(k), h.word)
	}
	for w := range vocab {
		if len(w) < 32 {
			vocabShape[w[0]] |= 1 << len(w)
		}
	}
}
