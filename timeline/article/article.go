// Package article turns a scraped news page, saved as plain text, into the
// article a reader would see: its title, its publication date and its body,
// without the navigation noise a scraper drags along.
//
// A raw source is read line by line. A line is noise, and left out of the
// body, when it is
//
//   - a headline ticker: one long line of many headlines separated by runs
//     of spaces;
//   - page furniture: "Merci d'avoir signalé!", "Cette image sera
//     automatiquement bloquée…", "Partager :", "lire aussi", "Cliquez ici
//     pour lire l'article depuis sa source", a lone counter such as "1", a
//     rule such as "---";
//   - an image file name ("5437685854_d630fceaff_b-", "photo.jpg");
//   - a byline ("Par Quid avec MAP et AFP");
//   - a dateline ("Publié dans L'opinion le 04 - 10 - 2024"), which gives the
//     publication date.
//
// The publication date comes, in this order, from a leading marker
// (" date 2025-05 " at the very start of the file), from a dateline, or is
// inferred from the dates the text gives: the year of the latest of them,
// or the year after when the text speaks of a month "dernier" that comes
// after every date it gives for that year (an article that says "octobre
// dernier" after "l'été 2024" was written in 2025). See
// [Article.PublishedHow].
//
// The title is the headline-like line (no final punctuation) that opens the
// article or stands just before its dateline. When there is none, the title
// is the article's first sentence, shortened at a word boundary.
//
// The body keeps the paragraphs of the raw text, separated by blank lines,
// and the lines of a paragraph as the raw text breaks them; subheads stay,
// as they are part of what a reader sees. Every line of the body is a line
// of the raw text, so any sentence of the body occurs verbatim in the raw
// text.
package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"frise/timeline/edtf"
	"frise/timeline/frdate"
)

// Article is a source's readable content.
type Article struct {
	Title     string
	Published edtf.Value // zero when nothing says when the article appeared
	// PublishedHow says where Published comes from: "marker" (a leading
	// " date 2025-05"), "byline" (a "Publié … le …" line), "inferred" (a
	// year guessed from the dates of the text), or "" when unknown.
	PublishedHow string
	Body         string // the article's text, paragraphs separated by blank lines
	BodyStart    int    // byte offset in the raw text of Body's first byte
	// Publisher is who published the article as its byline says ("Par
	// Quid avec MAP et AFP": Quid), or "".
	Publisher string
}

// maxTitle is the longest title made from a first sentence, in characters.
const maxTitle = 90

// Parse reads a raw scraped source.
func Parse(raw string) Article {
	a := Article{Publisher: Publisher(raw)}
	start := 0
	if v, n, ok := marker(raw); ok {
		a.Published, a.PublishedHow = v, "marker"
		start = n
	}

	type line struct {
		text  string // trimmed
		off   int    // byte offset of text in raw
		blank bool
		keep  bool
		head  bool // headline-like: no final punctuation
	}
	var lines []line
	for off := start; off < len(raw); {
		end := strings.IndexByte(raw[off:], '\n')
		if end < 0 {
			end = len(raw)
		} else {
			end += off
		}
		s := raw[off:end]
		lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
		t := strings.TrimSpace(s)
		lines = append(lines, line{text: t, off: off + lead, blank: t == ""})
		off = end + 1
	}

	dateline := -1
	for i := range lines {
		l := &lines[i]
		if l.blank {
			continue
		}
		if dateline < 0 {
			if v, ok := datelineDate(l.text); ok {
				dateline = i
				if a.Published.IsZero() {
					a.Published, a.PublishedHow = v, "byline"
				}
				continue
			}
			// A wire dispatch opens its first paragraph with its dateline
			// ("MADRID, 27 août 2024 (AFP) - Le chef …"): the line is text.
			if v, ok := wireDate(l.text); ok && a.Published.IsZero() {
				a.Published, a.PublishedHow = v, "byline"
			}
		}
		if isNoise(l.text) {
			continue
		}
		l.keep = true
		l.head = isHeadline(l.text)
	}

	// The title: the headline just before the dateline (a byline and a
	// standfirst of a few lines may stand between them), or the first kept
	// line when it is a headline followed by more text.
	title := -1
	if dateline > 0 {
		text := 0 // kept lines of text passed over: a standfirst
		for i := dateline - 1; i >= 0 && text <= 2; i-- {
			if lines[i].blank || !lines[i].keep {
				continue
			}
			if lines[i].head {
				title = i
				break
			}
			text++
		}
		// What precedes the title (or the dateline) is page furniture, not
		// the article; a standfirst between the title and the dateline is.
		first := dateline
		if title >= 0 {
			first = title
		}
		for i := 0; i < first; i++ {
			lines[i].keep = false
		}
	}
	if title < 0 {
		for i := range lines {
			if !lines[i].keep {
				continue
			}
			if lines[i].head && hasKeptAfter(len(lines), i, func(j int) bool { return lines[j].keep }) {
				title = i
			}
			break
		}
	}
	if title >= 0 {
		a.Title = lines[title].text
		lines[title].keep = false
	}

	var b strings.Builder
	pendingBreak := false
	prevKept := -1
	for i, l := range lines {
		if l.blank {
			if prevKept >= 0 {
				pendingBreak = true
			}
			continue
		}
		if !l.keep {
			continue
		}
		if prevKept < 0 {
			a.BodyStart = l.off
		} else if pendingBreak || prevKept != i-1 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
		prevKept, pendingBreak = i, false
	}
	a.Body = b.String()
	if prevKept < 0 {
		a.BodyStart = len(raw)
	}

	if a.Published.IsZero() {
		if v := inferPublished(a.Body); !v.IsZero() {
			a.Published, a.PublishedHow = v, "inferred"
		}
	}
	if a.Title == "" {
		// Sentences end at the end of a line: the first one is in the
		// first line.
		first := a.Body
		if i := strings.IndexByte(first, '\n'); i >= 0 {
			first = first[:i]
		}
		if ss := Sentences(first); len(ss) > 0 {
			a.Title = shorten(ss[0].Text, maxTitle)
		}
	}
	return a
}

func hasKeptAfter(n, i int, kept func(int) bool) bool {
	for j := i + 1; j < n; j++ {
		if kept(j) {
			return true
		}
	}
	return false
}

// markerRE is a leading publication marker: " date 2025-05 ".
var markerRE = regexp.MustCompile(`^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:\s+|$)`)

func marker(raw string) (edtf.Value, int, bool) {
	m := markerRE.FindStringSubmatchIndex(raw)
	if m == nil {
		return edtf.Value{}, 0, false
	}
	v, err := edtf.Parse(raw[m[2]:m[3]])
	if err != nil {
		return edtf.Value{}, 0, false
	}
	return v, m[1], true
}

var (
	datelineRE = regexp.MustCompile(`(?i)^(?:(?:publié|publiée|mis à jour|mise à jour|posté|modifié|paru)(?:\s[^\n]{0,80}?)?\s(?:le|du)|le)\s*:?\s+(.+)$`)
	// timeRE is what may follow the date of a short dateline: "à 18h12",
	// "- 11h20", ", 09:15".
	timeRE     = regexp.MustCompile(`^\s*(?:[-–,|]\s*)?(?:à\s*)?(?:\d{1,2}\s*[h:]\s*\d{0,2}\s*(?:min)?)?\s*$`)
	wireRE     = regexp.MustCompile(`^\p{Lu}[\p{Lu}' -]+(?:\s*\([^)]{1,30}\))?,\s+(\d{1,2}(?:er)?\s+\pL+\s+\d{4})\s+\((?:AFP|Reuters|AP|MAP|EFE|APS|ANSA|Belga)\)\s*[-–—]`)
	numDateRE  = regexp.MustCompile(`^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})\b`)
	wordDateRE = regexp.MustCompile(`(?i)^(?:[a-zé]+\s+)?(\d{1,2})(?:er)?\s+([a-zéû]+)\s+(\d{4})\b`)
)

// datelineDate reads a line such as "Publié dans L'opinion le 04 - 10 - 2024"
// or "Publié le 14 avril 2025 à 10h".
func datelineDate(s string) (edtf.Value, bool) {
	if len(s) > 160 {
		return edtf.Value{}, false
	}
	m := datelineRE.FindStringSubmatch(s)
	if m == nil {
		return edtf.Value{}, false
	}
	rest := strings.TrimSpace(m[1])
	var y, mo, d int
	var after string
	if n := numDateRE.FindStringSubmatch(rest); n != nil {
		d, mo, y = atoi(n[1]), atoi(n[2]), atoi(n[3])
		after = rest[len(n[0]):]
	} else if n := wordDateRE.FindStringSubmatch(rest); n != nil {
		d, y = atoi(n[1]), atoi(n[3])
		mo = monthNumber(n[2])
		after = rest[len(n[0]):]
	}
	// "Le 02/02/2023 à 18h12" is a dateline; "Le 7 avril 2022, le roi …"
	// is a sentence.
	if !isPublishWord(s) && (len(s) > 60 || !timeRE.MatchString(after)) {
		return edtf.Value{}, false
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1000 {
		return edtf.Value{}, false
	}
	v := edtf.Single(edtf.Day(y, mo, d))
	if v.Start.First().Day() != d { // 31 avril
		return edtf.Value{}, false
	}
	return v, true
}

// isPublishWord reports whether a line starts with a word of publishing:
// "Publié", "Mis à jour"….
func isPublishWord(s string) bool {
	l := strings.ToLower(s)
	return !strings.HasPrefix(l, "le ") && !strings.HasPrefix(l, "le:")
}

// wireDate reads the dateline that opens a wire dispatch: "MADRID, 27 août
// 2024 (AFP) -".
func wireDate(s string) (edtf.Value, bool) {
	m := wireRE.FindStringSubmatch(s)
	if m == nil {
		return edtf.Value{}, false
	}
	n := wordDateRE.FindStringSubmatch(m[1])
	if n == nil {
		return edtf.Value{}, false
	}
	d, mo, y := atoi(n[1]), monthNumber(n[2]), atoi(n[3])
	if mo < 1 || d < 1 || d > 31 || y < 1000 {
		return edtf.Value{}, false
	}
	v := edtf.Single(edtf.Day(y, mo, d))
	if v.Start.First().Day() != d {
		return edtf.Value{}, false
	}
	return v, true
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func monthNumber(s string) int {
	s = strings.ToLower(s)
	for i, m := range edtf.MonthsFR {
		if i > 0 && (s == m || s == strings.ReplaceAll(strings.ReplaceAll(m, "é", "e"), "û", "u")) {
			return i
		}
	}
	return 0
}

// furniture are the starts of lines that belong to the page, not the article,
// lower case with a plain apostrophe.
var furniture = []string{
	"merci d'avoir signalé",
	"cette image sera automatiquement bloquée",
	"cliquez ici pour lire",
	"cliquez ici",
	"partager",
	"partagez",
	"lire aussi",
	"à lire aussi",
	"a lire aussi",
	"lire la suite",
	"voir aussi",
	"sur le même sujet",
	"abonnez-vous",
	"suivez-nous",
	"inscrivez-vous à notre newsletter",
	"publicité",
	"tous droits réservés",
	"crédit photo",
	"crédits photo",
	"©",
	"signaler",
	"imprimer",
	"commentaires",
	"ajouter un commentaire",
	"tweet",
	"facebook",
	"whatsapp",
	"linkedin",
	"articles similaires",
	"articles liés",
	"à la une",
	"dernières infos",
	"les plus lus",
	"temps de lecture",
	"article réservé aux abonnés",
	"cet article est réservé aux abonnés",
	"réservé aux abonnés",
	"déjà abonné",
	"copier le lien",
	"tags :",
	"tags:",
	"mots-clés",
	"mots clés",
	"envoyer par e-mail",
	"accueil >",
	"accueil ›",
	"accueil »",
}

// furnitureOpenings are the first two bytes of the lines of furniture.
var furnitureOpenings = func() map[[2]byte]bool {
	m := map[[2]byte]bool{}
	for _, f := range furniture {
		m[[2]byte{f[0], f[1]}] = true
	}
	return m
}()

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isNoise reports whether a trimmed, non-empty line is page furniture.
func isNoise(s string) bool {
	if isTicker(s) || isMenu(s) || isImageID(s) || isByline(s) || isBreadcrumb(s) || isSignOff(s) {
		return true
	}
	if strings.Trim(s, "-_=*•·.…|~ ") == "" { // rules and ellipses
		return true
	}
	if isAllDigits(s) && len(s) <= 4 { // share counters, page numbers
		return true
	}
	// Furniture is told by how a line starts: look at its first bytes only,
	// and at all of them only when the first two may open furniture.
	if len(s) >= 2 && s[0] < utf8.RuneSelf && s[1] < utf8.RuneSelf && !furnitureOpenings[[2]byte{lowerASCII(s[0]), lowerASCII(s[1])}] {
		return false
	}
	head := s
	if len(head) > 80 {
		head = head[:80]
	}
	l := strings.ToLower(strings.ReplaceAll(head, "’", "'"))
	for _, f := range furniture {
		if strings.HasPrefix(l, f) {
			rest := strings.TrimSpace(l[len(f):])
			// "Partager : Facebook Twitter" is furniture; "Partager le
			// pouvoir est difficile." is not.
			if rest == "" && len(s) == len(head) || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "!") ||
				strings.HasPrefix(rest, ".") || (len(s) < 200 && strings.Contains(f, " ")) {
				return true
			}
		}
	}
	return false
}

// isTicker reports whether s is a run of headlines separated by wide gaps
// of spaces, tabs or no-break spaces.
func isTicker(s string) bool {
	if len(s) < 120 {
		return false
	}
	// A gap is two spaces side by side at least: most lines have none.
	if !strings.Contains(s, "  ") && strings.IndexByte(s, '\t') < 0 && !strings.Contains(s, "\u00a0") &&
		!strings.Contains(s, "\u202f") && !strings.Contains(s, "\u2009") && !strings.Contains(s, "\u2007") {
		return false
	}
	gaps, run := 0, 0
	for i := 0; i < len(s); {
		sp := false
		if c := s[i]; c < utf8.RuneSelf {
			sp = c == ' ' || c == '\t'
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			sp = isSpace(r)
			i += n
		}
		if sp {
			run++
			continue
		}
		if run >= 3 {
			gaps++
		}
		run = 0
	}
	return gaps >= 3
}

// isMenu reports whether s is a row of short items separated by wide gaps:
// a navigation menu ("Politique   Économie   Société"), share buttons
// ("Facebook   Twitter   WhatsApp"), a ranked headline ("1   Titre").
func isMenu(s string) bool {
	if len(s) > 400 || !strings.Contains(s, "   ") && !strings.Contains(s, "\t") && !strings.ContainsRune(s, 0xa0) {
		return false
	}
	items := splitGaps(s)
	if len(items) < 2 {
		return false
	}
	if len(items) == 2 && isAllDigits(items[0]) {
		return true
	}
	for _, it := range items {
		if len(strings.Fields(it)) > 4 {
			return false
		}
	}
	return len(items) >= 3 || len(s) < 60
}

// splitGaps cuts s at runs of three spaces or more.
func splitGaps(s string) []string {
	var out []string
	start, run := 0, 0
	for i, r := range s {
		if isSpace(r) {
			run++
			continue
		}
		if run >= 3 {
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i
		}
		run = 0
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// isBreadcrumb reports whether s is a trail of sections: "Accueil > Monde",
// "Maghreb & Moyen-Orient › Maroc".
func isBreadcrumb(s string) bool {
	if len(s) > 100 || !(strings.Contains(s, " › ") || strings.Contains(s, " > ") || strings.Contains(s, " » ")) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?", last)
}

// isSignOff reports whether s is a wire service's initials ("mar/ib/cn")
// or a credit such as "Le Monde avec AFP".
func isSignOff(s string) bool {
	if len(s) < 30 && strings.Count(s, "/") >= 1 && !strings.ContainsAny(s, " .") {
		for _, r := range s {
			if r != '/' && !unicode.IsLower(r) {
				return false
			}
		}
		return true
	}
	if len(s) < 50 && strings.Contains(s, " avec ") && creditRE.MatchString(s) {
		return true
	}
	return false
}

var creditRE = regexp.MustCompile(`^[\pL0-9' .-]{2,30} avec (?:AFP|MAP|Reuters|AP|EFE|agences?)(?: et (?:AFP|MAP|Reuters|AP|EFE))?$`)

// isSpace reports whether r is a space within a line.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == 0xa0 || r == 0x202f || r == 0x2009 || r == 0x2007
}

// isImageID reports whether s is one token that names a picture:
// "5437685854_d630fceaff_b-", "IMG_2044.jpg".
func isImageID(s string) bool {
	if strings.ContainsAny(s, " \t") || len(s) < 6 {
		return false
	}
	ls := strings.ToLower(s)
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"} {
		if strings.HasSuffix(ls, ext) {
			return true
		}
	}
	digits, under := 0, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '_':
			under = true
		case r == '-' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'):
		default:
			return false
		}
	}
	return under && digits >= 3
}

var bylineRE = regexp.MustCompile(`^(?:Par|PAR|De notre (?:correspondante?|envoyée? spéciale?)|Propos recueillis par|Avec)\s+\p{Lu}`)

// isByline reports whether s credits the article: "Par Quid avec MAP et AFP".
func isByline(s string) bool {
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && len(s) < 40 {
		in := strings.ToLower(s)
		return strings.Contains(in, "afp") || strings.Contains(in, "map") || strings.Contains(in, "reuters") || strings.Contains(in, "avec ")
	}
	// Every byline opens with P, D or A: most lines are spared the pattern.
	if s == "" || s[0] != 'P' && s[0] != 'D' && s[0] != 'A' {
		return false
	}
	if !bylineRE.MatchString(s) || len(s) > 80 || strings.ContainsAny(s, ",;") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?:", last)
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isHeadline reports whether s reads as a title or a subhead: a few words,
// no final punctuation.
func isHeadline(s string) bool {
	if len(s) > 200 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?…;,", last) {
		return false
	}
	return len(strings.Fields(s)) >= 2
}

// shorten cuts s to at most n characters at a word boundary, marking the cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return strings.TrimRight(s, ".")
	}
	cut := 0
	for i := range s {
		if utf8.RuneCountInString(s[:i]) > n-1 {
			break
		}
		if s[i] == ' ' {
			cut = i
		}
	}
	if cut == 0 {
		return string([]rune(s)[:n-1]) + "…"
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// inferPublished guesses the year an undated article appeared, or returns
// zero when the text names no year.
func inferPublished(body string) edtf.Value {
	var latest edtf.Value
	for _, m := range frdate.Find(body, edtf.Value{}) {
		if m.Certain && (latest.IsZero() || m.Value.Last().After(latest.Last())) {
			latest = m.Value
		}
	}
	if latest.IsZero() {
		return latest
	}
	last := latest.Last()
	y := last.Year()
	lower := strings.ToLower(body)
	for mo := int(last.Month()) + 1; mo <= 12; mo++ {
		name := edtf.MonthsFR[mo]
		if strings.Contains(lower, name+" dernier") || strings.Contains(lower, name+" dernière") {
			y++
			break
		}
	}
	return edtf.Single(edtf.Year(y))
}
