package extract

import (
	"strings"

	"frise/timeline/edtf"
	"frise/timeline/frdate"
)

// dateMatch is a temporal expression found in a text.
type dateMatch = frdate.Match

// findDates finds the dates of text, reading relative ones against ref, and
// corrects two readings news prose trips on: a weekday followed by a number
// that counts something else ("lundi douze fonctionnaires", "ce lundi une
// visite") is the weekday alone; a day and month without a year that
// would fall well after the article ("Le 26 février" in an article of
// October 2024) is the one before it.
func findDates(text string, ref edtf.Value) []dateMatch {
	ms := frdate.Find(text, ref)
	out := ms[:0]
	for _, m := range ms {
		if m.Anchored {
			continue // "la veille", "deux jours plus tard": counted from another event
		}
		out = append(out, correct(text, m, ref))
	}
	return out
}

// numberWords are the numbers written as words that may follow a weekday.
var numberWords = map[string]bool{"un": true, "une": true, "deux": true, "trois": true, "quatre": true,
	"cinq": true, "six": true, "sept": true, "huit": true, "neuf": true, "dix": true, "onze": true,
	"douze": true, "treize": true, "quatorze": true, "quinze": true, "seize": true, "vingt": true,
	"trente": true, "cent": true, "mille": true}

var weekdays = []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}

func correct(text string, m dateMatch, ref edtf.Value) dateMatch {
	f := fold(m.Text)
	words := strings.Fields(f)
	if n := len(words); n >= 2 && numberWords[words[n-1]] && hasWeekday(words[:n-1]) {
		cut := strings.LastIndexByte(strings.TrimRight(m.Text, " "), ' ')
		if cut > 0 {
			for _, r := range frdate.Find(m.Text[:cut], ref) {
				if r.Start == 0 {
					r.Start += m.Start
					r.End += m.Start
					m, f = r, fold(r.Text)
					break
				}
			}
		}
	}
	// A weekday alone is the last one up to the article.
	if !ref.IsZero() && isBareWeekday(f) && m.Value.Precision() == edtf.PrecisionDay && m.Value.First().After(ref.Last()) &&
		!announced(text[max(0, m.Start-50):m.Start]) {
		d := m.Value.First()
		last := ref.Last()
		back := (int(last.Weekday()) - int(d.Weekday()) + 7) % 7
		t := last.AddDate(0, 0, -back)
		m.Value = edtf.Single(edtf.Day(t.Year(), int(t.Month()), t.Day()))
	}
	// A day of a month, its year not written, more than a month after the
	// article: news tells the past, so it is the year before.
	if !ref.IsZero() && m.Value.Precision() == edtf.PrecisionDay && !m.Value.Interval &&
		!hasYear(m.Text) && m.Value.First().After(ref.Last().AddDate(0, 1, 0)) {
		d := m.Value.Start
		m.Value = edtf.Single(edtf.Day(d.Year-1, d.Month, d.Day))
	}
	return m
}

// isBareWeekday reports whether a folded date expression is a weekday with
// at most a part of the day: "mardi", "mardi soir".
func isBareWeekday(f string) bool {
	w := strings.Fields(f)
	if len(w) == 0 || len(w) > 2 || !hasWeekday(w[:1]) {
		return false
	}
	return len(w) == 1 || w[1] == "matin" || w[1] == "soir" || w[1] == "apres-midi" || w[1] == "midi"
}

// futureWords announce what is yet to happen.
var futureWords = []string{"doit ", "doivent ", "devra", "devrait", "prevu", "se tiendra", "aura lieu",
	"attendu", "va ", "vont ", "ira ", "sera ", "seront ", "prochain"}

// announced reports whether the words before a date announce the future.
func announced(before string) bool {
	return futureSet.in(fold(before))
}

var futureSet = newPhraseSet(futureWords)

func hasWeekday(words []string) bool {
	for _, w := range words {
		for _, d := range weekdays {
			if w == d {
				return true
			}
		}
	}
	return false
}

// hasYear reports whether a date expression writes a year in figures.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// idioms are phrases that hold a date word but date nothing: "ne date pas
// d'aujourd'hui", "à ce jour", "jusqu'à présent", "pour l'heure". Each is
// folded; a date expression is dropped when it lies within one.
var idioms = []string{
	"date pas d'aujourd'hui", "date pas d'hier", "datent pas d'aujourd'hui", "datent pas d'hier",
	"remonte pas a hier", "date pas d'avant-hier", "au jour d'aujourd'hui", "a ce jour", "en ce jour",
	"jusqu'a ce jour", "a l'heure actuelle", "a l'heure ou", "pour l'heure", "jusqu'a present",
	"a present", "aujourd'hui encore", "encore aujourd'hui", "aujourd'hui comme hier", "hier comme aujourd'hui",
	"du jour au lendemain", "au jour le jour", "d'un jour a l'autre", "un jour ou l'autre", "de nos jours",
	"a l'avenir", "a terme", "tot ou tard",
}

// eventNouns may take "d'hier" or "d'aujourd'hui" as a date: "la réunion
// d'hier". After any other word these are adjectives: "l'Espagne
// d'aujourd'hui", "le partenariat d'hier".
var eventNouns = []string{"reunion", "rencontre", "visite", "sommet", "seance", "vote", "conference",
	"annonce", "attaque", "attentat", "decision", "audience", "manifestation", "entretien"}

var idiomSet = newPhraseSet(idioms)

// isIdiom reports whether a date expression of a sentence is an idiom or
// an adjective, or a deictic word ("aujourd'hui", "hier") inside a quotation,
// whose day is the speaker's, not the article's.
func isIdiom(text string, d dateMatch) bool {
	lo := max(0, d.Start-40)
	win := fold(text[lo:min(len(text), d.End+30)])
	f := fold(d.Text)
	if idiomSet.in(win) {
		for _, id := range idioms {
			if i := strings.Index(win, id); i >= 0 && strings.Contains(id, strings.TrimPrefix(strings.TrimPrefix(f, "d'"), "des ")) {
				return true
			}
		}
	}
	deictic := strings.Contains(f, "aujourd'hui") || strings.Contains(f, "hier") || strings.Contains(f, "demain") ||
		f == "ce jour" || strings.HasPrefix(f, "ce soir") || strings.HasPrefix(f, "ce matin")
	if !deictic {
		return false
	}
	if strings.HasPrefix(f, "d'") {
		before := strings.Fields(fold(text[max(0, d.Start-30):d.Start]))
		if len(before) == 0 {
			return true
		}
		last := strings.TrimRight(before[len(before)-1], ",;:")
		for _, n := range eventNouns {
			if strings.HasPrefix(last, n) {
				return false
			}
		}
		return true
	}
	return inQuote(text, d.Start)
}

// inQuote reports whether a byte offset of a sentence lies within «…» or
// "…".
func inQuote(text string, off int) bool {
	open := strings.Count(text[:off], "«") - strings.Count(text[:off], "»")
	if open > 0 {
		return true
	}
	return strings.Count(text[:off], "\"")%2 == 1 || (strings.Count(text[:off], "“")-strings.Count(text[:off], "”")) > 0
}
