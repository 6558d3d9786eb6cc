package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Titles. An editor's headline says who did what in a few words. The
// extractor builds it from the source's own words, in this order:
//
//  1. a noun of an event that the sentence writes ("la visite du président
//     Emmanuel Macron au Maroc", "l'arrestation de l'écrivain …") gives the
//     headline "Visite du président Emmanuel Macron au Maroc": the noun
//     phrase up to the end of its clause;
//  2. a thing the sentence says was signed, or entered into force ("un
//     schéma de procédure … a été signé", "l'accord …, qui entrera en
//     vigueur le 30 avril 2022") gives "Signature d'un schéma de procédure
//     …", "Entrée en vigueur de l'accord …";
//  3. otherwise the clause that holds the date and its trigger, without
//     a lead-in, the date itself, or appositions, its pronoun subject ("Il
//     a annoncé") replaced by the actor the sentence names.
//
// A title never ends on a dangling word, has no final punctuation, starts
// with a capital, and holds at most maxTitle characters.

// eventNounTitles are nouns of events that make a headline of the noun
// phrase they open, folded.
var eventNounTitles = []string{"visite", "deplacement", "rencontre", "reunion", "sommet", "entretiens",
	"entretien", "signature", "arrestation", "naufrage", "seisme", "attentat", "tournee", "reconnaissance",
	"rapatriement", "expulsion", "adoption", "annonce", "prise de fonctions", "demantelement", "enlevement",
	"mise en examen", "drame", "conference", "revelations", "reduction", "suspension", "entree en vigueur"}

// nounStops end an event noun's phrase.
var nounStops = []string{", ", " ; ", " : ", " (", " pour ", " afin ", " alors ", " qui ", " dont ", " lorsque ",
	" lors ", " où ", " et a ", " et ont ", " a ", " ont ", " avait ", " avaient ", " s'", " s’", " fait ", " « "}

// headline makes the title of a report.
func headline(c *candidate) string {
	if !mayName(c.src.Folded[c.sent]) {
		t := makeTitle(c.quote, c.match, c.trigs)
		return finishTitle(restoreSubject(resolvePronoun(dropDate(t, c.match.Text), c), c))
	}
	if t := signedTitle(c); t != "" {
		return t
	}
	if t := nounTitle(c); t != "" {
		return t
	}
	t := makeTitle(c.quote, c.match, c.trigs)
	t = dropDate(t, c.match.Text)
	t = resolvePronoun(t, c)
	t = restoreSubject(t, c)
	return finishTitle(t)
}

// verbStarts are words a clause without its subject starts with.
var verbStarts = map[string]bool{"a": true, "ont": true, "est": true, "sont": true, "avait": true, "avaient": true,
	"s'est": true, "s’est": true, "s'etait": true, "s’était": true, "s'était": true, "qui": true, "sera": true,
	"doit": true, "va": true, "confiait": true, "annoncait": true, "annonçait": true, "recevait": true,
	"entame": true, "lorsque": true, "puis": true}

// restoreSubject gives back its subject to a clause that lost it: "S'est
// entretenu à Madrid avec …" is "Abdelouafi Laftit s'est entretenu à
// Madrid avec …" when the sentence names the actor.
func restoreSubject(t string, c *candidate) string {
	w0, rest := firstField(t)
	if w0 == "" {
		return t
	}
	w := strings.ToLower(w0)
	if !verbStarts[w] {
		return t
	}
	if w == "qui" || w == "lorsque" || w == "puis" {
		t = normSpace(rest)
	}
	// The subject: the sentence's opening up to its first comma ("Le
	// ministre de l'Intérieur, Abdelouafi Laftit, s'est entretenu …"),
	// unless it is a date, a lead-in or a preposition.
	q := normSpace(c.quote)
	comma := strings.Index(q, ", ")
	if comma < 0 || comma > 70 {
		return t
	}
	subj := q[:comma]
	fs := fold(subj)
	if c.match.Text != "" && strings.Contains(subj, c.match.Text) || strings.Contains(fold(t), fs) {
		return t
	}
	first, _ := firstField(fs)
	switch first {
	case "le", "la", "les", "l'", "un", "une":
	default:
		if !strings.HasPrefix(fs, "l'") && !unicode.IsUpper([]rune(subj)[0]) || leadWord[first] {
			return t
		}
	}
	return subj + " " + lowerFirst(t)
}

// leadWord are openings that are not subjects.
var leadWord = map[string]bool{"selon": true, "pour": true, "en": true, "face": true, "dans": true, "apres": true,
	"avant": true, "depuis": true, "lors": true, "puis": true, "mais": true, "ainsi": true, "alors": true,
	"si": true, "des": true, "au": true, "aux": true, "a": true, "sur": true, "par": true, "outre": true}

// mayName reports, cheaply, whether a folded sentence may hold an event
// noun or a signature: most do not, and are spared the search.
func mayName(f string) bool {
	return nameWords.in(f)
}

var nameWords = newPhraseSet(eventNounTitles, []string{"signe", "vigueur"})

// nounTitle is the noun phrase an event noun opens, when it names the
// event's kind and has a complement: "Visite de Bruno Retailleau à Rabat".
func nounTitle(c *candidate) string {
	f, at := foldMap(c.quote)
	// The event noun nearest the date, after a determiner: a noun, not the
	// verb it looks like ("l'annonce", not "a annoncé").
	best, bestN, bestD := -1, "", 0
	for _, n := range eventNounTitles {
		if !nounKindAgrees(n, c.kind) {
			continue
		}
		for off := 0; ; {
			i := wordAt(f[off:], n)
			if i < 0 {
				break
			}
			i += off
			off = i + len(n)
			if !afterDeterminer(f[:i]) {
				continue
			}
			d := at[i] - c.match.Start
			if d < 0 {
				d = -d
			}
			if best < 0 || d < bestD {
				best, bestN, bestD = i, n, d
			}
		}
	}
	for _, n := range []string{bestN} {
		if best < 0 {
			break
		}
		i := best
		rest := c.quote[at[i]:]
		n = c.quote[at[i] : at[i+len(n)-1]+1]
		end := len(rest)
		for _, s := range nounStops {
			if j := strings.Index(rest[len(n):], s); j >= 0 && len(n)+j < end {
				end = len(n) + j
			}
		}
		np := strings.TrimSpace(rest[:end])
		np = dropDate(np, c.match.Text)
		np = strings.TrimRight(np, " ,;:")
		if countFields(np) < countFields(n)+3 || utf8.RuneCountInString(np) < 20 {
			continue
		}
		return finishTitle(np)
	}
	return ""
}

// foldMap folds s as fold does, one rune at a time, and maps each byte of
// the folded text to the offset in s of the rune it comes from.
func foldMap(s string) (string, []int) {
	b := make([]byte, 0, len(s)+8)
	at := make([]int, 0, len(s)+9)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			at = append(at, i)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		f := foldMapRune(r)
		b = append(b, f...)
		for range len(f) {
			at = append(at, i)
		}
		i += n
	}
	at = append(at, len(s))
	return string(b), at
}

// foldMapRune is how foldMap writes a rune that is not ASCII: white space
// as one space, a combining mark kept, lower-cased.
func foldMapRune(r rune) string {
	f := foldRune(r)
	switch {
	case f == foldSpace:
		return " "
	case f == "":
		return string(unicode.ToLower(r))
	}
	return f
}

// determiners open a noun phrase.
var determiners = map[string]bool{"la": true, "le": true, "les": true, "l'": true, "une": true, "un": true,
	"sa": true, "son": true, "ses": true, "leur": true, "du": true, "de": true, "d'": true, "des": true,
	"cette": true, "ce": true, "au": true, "aux": true, "premiere": true, "derniere": true, "nouvelle": true,
	"prochaine": true, "deuxieme": true}

// afterDeterminer reports whether a folded text ends with a determiner.
func afterDeterminer(before string) bool {
	before = strings.TrimRight(before, " ")
	if strings.HasSuffix(before, "l'") || strings.HasSuffix(before, "d'") {
		return true
	}
	last, _ := lastField(before)
	return last != "" && determiners[last]
}

// nounKindAgrees reports whether an event noun may title an event of a kind.
func nounKindAgrees(n, kind string) bool {
	switch n {
	case "visite", "deplacement", "tournee":
		return kind == "visit" || kind == "meeting"
	case "rencontre", "reunion", "sommet", "entretiens", "entretien", "conference":
		return kind == "meeting" || kind == "visit"
	case "signature", "entree en vigueur":
		return kind == "agreement"
	case "arrestation", "mise en examen", "demantelement", "enlevement":
		return kind == "justice"
	case "naufrage", "seisme", "attentat", "drame", "revelations":
		return kind == "crisis" || kind == "event"
	case "reduction", "suspension":
		return kind == "measure" || kind == "decision"
	case "rapatriement", "expulsion":
		return kind == "expulsion"
	}
	return kind == "decision" || kind == "announcement"
}

// wordAt is the byte offset of w as a whole word in a folded text, or -1.
func wordAt(f, w string) int {
	off := 0
	for {
		i := strings.Index(f[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		j := i + len(w)
		b, _ := utf8.DecodeLastRuneInString(f[:i])
		a, _ := utf8.DecodeRuneInString(f[j:])
		if (i == 0 || !isWordRune(b)) && (j == len(f) || !isWordRune(a)) {
			return i
		}
		off = i + 1
	}
}

// signedTitle turns "X a été signé" and "X, qui entrera en vigueur" into
// "Signature de X" and "Entrée en vigueur de X".
func signedTitle(c *candidate) string {
	if c.kind != "agreement" {
		return ""
	}
	q := normSpace(c.quote)
	f, at := foldMap(q)
	for _, p := range []struct{ marker, head string }{
		{" a ete signe", "Signature"}, {" ont ete signes", "Signature"}, {" a ete signee", "Signature"},
		{" ont ete signees", "Signature"}, {", qui entrera en vigueur", "Entrée en vigueur"},
		{" qui entrera en vigueur", "Entrée en vigueur"}, {" est entre en vigueur", "Entrée en vigueur"},
		{" est entree en vigueur", "Entrée en vigueur"}, {" entrera en vigueur", "Entrée en vigueur"},
	} {
		fi := strings.Index(f, p.marker)
		if fi < 0 {
			continue
		}
		i := at[fi]
		// The thing: the words before the marker, back to a clause break.
		start := 0
		for _, b := range []string{", ", "; ", " qu'", " qu’", " que ", "« ", "«"} {
			if k := strings.LastIndex(q[:i], b); k >= 0 && k+len(b) > start {
				start = k + len(b)
			}
		}
		np := strings.TrimSpace(q[start:i])
		// "les modalités de l'accord …" is the accord.
		for _, lead := range []string{"les modalites de ", "le texte de ", "les termes de "} {
			if strings.HasPrefix(fold(np), lead) {
				np = np[len(lead):]
			}
		}
		if countFields(np) < 2 {
			continue
		}
		return finishTitle(p.head + " " + de(np))
	}
	return ""
}

// de joins "de" to a noun phrase: "de l'accord", "du schéma", "des MNA",
// "d'un schéma".
func de(np string) string {
	f := fold(np)
	switch {
	case strings.HasPrefix(f, "le "):
		return "du " + np[3:]
	case strings.HasPrefix(f, "les "):
		return "des " + np[4:]
	case strings.HasPrefix(f, "la "), strings.HasPrefix(f, "l'"):
		return "de " + lowerFirst(np)
	case startsVowel(f):
		return "d'" + lowerFirst(np)
	}
	return "de " + np
}

func startsVowel(f string) bool {
	return f != "" && strings.ContainsRune("aeiouy", rune(f[0]))
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if strings.HasPrefix(s, "L'") || strings.HasPrefix(s, "L’") || unicode.IsUpper(r) && n < len(s) && !unicode.IsUpper(rune(s[n])) {
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}

// dropDate removes a date expression from a title: "s'est entretenu
// vendredi à Madrid" is "s'est entretenu à Madrid".
func dropDate(t, date string) string {
	if date == "" {
		return t
	}
	i := strings.Index(t, date)
	if i < 0 {
		return t
	}
	before := strings.TrimRight(t[:i], " ")
	after := strings.TrimLeft(t[i+len(date):], " ")
	// "en décembre 2020", "le 30 avril 2022", "à l'été 2024": the
	// preposition goes with the date.
	lowerBefore, lowerDate := strings.ToLower(before), strings.ToLower(date[:min(len(date), 3)])
	for _, p := range []string{" en", " le", " la", " à l'", " à", " au", " depuis", " dès", " du", " de", ","} {
		if strings.HasSuffix(lowerBefore, p) && !strings.Contains(lowerDate, strings.TrimSpace(p)) {
			before = strings.TrimRight(before[:len(before)-len(p)], " ")
			break
		}
	}
	after = strings.TrimLeft(after, ", ")
	switch {
	case before == "":
		return after
	case after == "":
		return before
	}
	return before + " " + after
}

// pronouns are subjects a headline replaces with the actor they stand for.
var pronouns = []string{"Il ", "Elle ", "Ils ", "Elles "}

// resolvePronoun replaces a pronoun subject with the first actor the
// sentence names, when it names exactly one person.
func resolvePronoun(t string, c *candidate) string {
	for _, p := range pronouns {
		if strings.HasPrefix(t, p) && len(c.actors) == 1 {
			return c.actors[0].title + " " + t[len(p):]
		}
	}
	return t
}

// finishTitle cuts a title to maxTitle characters at a word, drops
// dangling words and final punctuation, and capitalises it.
func finishTitle(t string) string {
	t = normSpace(t)
	t = strings.TrimRight(t, ".!?…;:, ")
	if utf8.RuneCountInString(t) > maxTitle {
		t = cutWords(t, maxTitle)
	}
	t = dropDangling(t)
	t = strings.TrimRight(t, " ,;:-–«")
	if strings.Count(t, "«") > strings.Count(t, "»") {
		t += " »"
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}
