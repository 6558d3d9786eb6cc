package site

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"text/template/parse"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"frise/timeline/content"
)

// FuzzFoldSpaceFind checks that a passage found in a text is a span of it
// that folds to the quote, that any span of a text is found, and that
// foldSpace folds as the plain rune-by-rune loop below does.
func FuzzFoldSpaceFind(f *testing.F) {
	f.Add("les chefs\nd'Etat ont exploré", "chefs d'Etat")
	f.Add("  début\t\t du texte", "début du")
	f.Add("Le Maroc coopère.", "l'Algérie")
	f.Add("a\u00a0b", "a b")
	f.Add("x\u2003\u0085y\xff z\r\n", "y")
	f.Fuzz(func(t *testing.T, text, quote string) {
		fl := foldSpace(text)
		text2, orig := foldSpacePlain(text)
		if fl.text != text2 {
			t.Fatalf("foldSpace(%q) = %q, want %q", text, fl.text, text2)
		}
		for k := range fl.text {
			if got := fl.orig(k); got != int(orig[k]) {
				t.Fatalf("foldSpace(%q): byte %d of %q comes from %d, want %d (jumps %v)", text, k, fl.text, got, orig[k], fl.jumps)
			}
		}
		if got := foldSpaceOf(text, false).text; got != fl.text {
			t.Fatalf("foldSpaceOf(%q, false) = %q, foldSpace gives %q", text, got, fl.text)
		}
		if !utf8.ValidString(text) || !utf8.ValidString(quote) {
			return
		}
		a, b, ok := fl.find(quote)
		if ok {
			if a < 0 || b > len(text) || a > b {
				t.Fatalf("find(%q) in %q = %d, %d: outside the text", quote, text, a, b)
			}
			if got, want := foldSpace(text[a:b]).text, foldSpace(quote).text; got != want {
				t.Fatalf("find(%q) in %q gives %q, which folds to %q", quote, text, text[a:b], got)
			}
		}
	})
}

// foldSpacePlain is foldSpace a rune at a time, with where each byte
// comes from.
func foldSpacePlain(s string) (string, []int32) {
	var b strings.Builder
	var orig []int32
	pendingSpace := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			if pendingSpace < 0 {
				pendingSpace = i
			}
			i += size
			continue
		}
		if pendingSpace >= 0 && b.Len() > 0 {
			b.WriteByte(' ')
			orig = append(orig, int32(pendingSpace))
		}
		pendingSpace = -1
		b.WriteString(s[i : i+size])
		for k := range size {
			orig = append(orig, int32(i+k))
		}
		i += size
	}
	return b.String(), orig
}

// frenchPlain is French a rune at a time, apostrophesPlain apostrophes a
// byte at a time: what they copy whole must come out the same.
func frenchPlain(s string) string {
	s = apostrophesPlain(s)
	if !strings.ContainsAny(s, ";:!?«»") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '\u00a0':
			// A space before a high mark becomes narrow and unbreakable.
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if strings.ContainsRune(";:!?»", next) {
				b.WriteRune(nnbsp)
			} else {
				b.WriteRune(r)
			}
		case r == '«':
			b.WriteRune(r)
			j := i + size
			for j < len(s) && (s[j] == ' ' || strings.HasPrefix(s[j:], "\u00a0")) {
				_, n := utf8.DecodeRuneInString(s[j:])
				j += n
			}
			if !strings.HasPrefix(s[j:], string(nnbsp)) && j < len(s) {
				b.WriteRune(nnbsp)
			}
			i = j
			continue
		case r == '»':
			last, _ := utf8.DecodeLastRuneInString(b.String())
			if b.Len() > 0 && last != nnbsp && last != ' ' {
				b.WriteRune(nnbsp)
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

func apostrophesPlain(s string) string {
	if strings.IndexByte(s, '\'') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	word := 0 // where the current run of non-space characters starts
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || strings.HasSuffix(s[:i+1], "\u00a0") || strings.HasSuffix(s[:i+1], "\u202f") ||
			strings.HasSuffix(s[:i+1], "«") || strings.HasSuffix(s[:i+1], "»") {
			word = i + 1
		}
		if c != '\'' || i == 0 || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+1:])
		end := strings.IndexAny(s[i:], " \n\t\u00a0\u202f«»")
		if end < 0 {
			end = len(s) - i
		}
		token := s[word : i+end]
		if unicode.IsLetter(before) && unicode.IsLetter(after) &&
			!strings.Contains(token, "://") && !strings.HasPrefix(token, "www.") {
			b.WriteString("’")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// FuzzFrench checks that typography only ever changes spaces.
func FuzzFrench(f *testing.F) {
	for _, s := range []string{"d'abord l'« État » : 'x' www.l'a.fr\tl'b", "'a'b'", "»«\u00a0 ;", "www.«A'A", "a'b»://", "Rabat-Paris : vers", "« faible »", "«x»", "a ; b ! c ?", "10:30", "\u00a0»", "l'État d'https://x.org/l'a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if highMarks(s) != strings.ContainsAny(s, ";:!?«»") {
			t.Fatalf("highMarks(%q) = %v", s, highMarks(s))
		}
		if !utf8.ValidString(s) {
			return
		}
		strip := func(x string) string {
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '\u00a0' || r == nnbsp {
					return -1
				}
				if r == '’' {
					return '\''
				}
				return r
			}, x)
		}
		got := French(s)
		if want := frenchPlain(s); got != want {
			t.Fatalf("French(%q) = %q, want %q as a rune at a time", s, got, want)
		}
		if strip(got) != strip(s) {
			t.Fatalf("French(%q) = %q: more than spaces and apostrophes changed", s, got)
		}
		if French(got) != got {
			t.Fatalf("French is not stable on %q: %q, then %q", s, got, French(got))
		}
	})
}

// FuzzFrenchHTML checks frenchHTML, which writes each text between tags
// into the page as it turns it, against French applied to each text on
// its own and then written, through the same walk over the tags.
func FuzzFrenchHTML(f *testing.F) {
	for _, s := range []string{"<p>l'« État »</p>", "<em>x</em>» ; <code>a ; b</code> l'a", "»<b>»</b> »", "<a href=\"l'a\">d'abord :</a>", "<pre><code>'a'b'</code></pre>'c'd", "a<b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if !utf8.ValidString(h) {
			return
		}
		if got, want := frenchHTML(h), frenchHTMLPlain(h); got != want {
			t.Fatalf("frenchHTML(%q) = %q, want %q", h, got, want)
		}
	})
}

func frenchHTMLPlain(h string) string {
	var b strings.Builder
	eachHTMLText(&b, h, func(b *strings.Builder, s string) { b.WriteString(frenchPlain(s)) })
	return b.String()
}

// FuzzFold checks Fold against the plain loop below, which decomposes the
// whole text and folds it a character at a time: the script of the pages
// folds a reader's words so, and the two must agree.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Société Générale", "ŒUVRE d'Æsop, Straße", "e\u0301te\u0301", "A\u030a\u0323 1970s", "Ｆｕｌｌ-width\xff\xfe", "  l'État —  ", "İstanbul ǅ", "ά\u0301Ё\u0345ﬁ", "\u0301é\u0327«»\u00a0\u2019"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldPlain(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// foldPlain is Fold without its shortcut for ASCII.
func foldPlain(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// FuzzSearchWords checks searchWords against the plain way to write it:
// fold each text, cut it into words, keep each word once.
func FuzzSearchWords(f *testing.F) {
	f.Add("Société civile", "la société", "")
	f.Add("  L'Élysée\t", "l elysee", "x\xffy ÉLYSÉE")
	f.Add("a\u00a0b\u2003c", "ﬁ fi", "\u0301e")
	// More words than the list's first table holds, some twice.
	var many, again strings.Builder
	for i := range 300 {
		fmt.Fprintf(&many, "mot%d ", i)
		fmt.Fprintf(&again, "mot%d ", i*7%400)
	}
	f.Add(many.String(), again.String(), "mot1")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		if got, want := searchWords(a, b, c), searchWordsPlain(a, b, c); got != want {
			t.Fatalf("searchWords(%q, %q, %q) = %q, want %q", a, b, c, got, want)
		}
	})
}

// FuzzSearch checks an event's search words against the plain way to make
// them: its title, summary and date, and each of its terms' words, every
// one folded again, each word kept once.
func FuzzSearch(f *testing.F) {
	f.Add("Visite d'État", "Le roi reçoit", "ẞtraße Œuvre", "ß", "")
	f.Add("a", "", "Nasser Bourita", "ministre", "Bourita")
	f.Add("", "x\xffy", "ﬁ", "İstanbul", "\u0301e")
	f.Fuzz(func(t *testing.T, title, summary, name, alias, outside string) {
		ev := &eventView{Event: &content.Event{Title: title, Summary: summary}, Date: dateView{French: "mai 2024"}}
		listed := &termView{Term: &content.Term{Title: name, Aliases: []string{alias}}}
		listed.search = searchWords(append([]string{name}, alias)...)
		ev.Actors = []*termView{listed}
		ev.Topics = []*termView{{Term: &content.Term{Title: outside, Aliases: []string{alias}}}}
		want := searchWordsPlain(title, summary, "mai 2024", listed.search, outside, alias)
		if got := ev.Search(); got != want {
			t.Fatalf("Search() = %q, want %q", got, want)
		}
	})
}

func searchWordsPlain(texts ...string) string {
	seen := make(map[string]bool)
	var words []string
	for _, t := range texts {
		for _, w := range strings.Fields(Fold(t)) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	return strings.Join(words, " ")
}

// FuzzReach checks that any template text, parsed or not, is looked
// through for each kind of reach without a panic, and
// that a neighbour's neighbour written as one chain in an action is always
// found.
func FuzzReach(f *testing.F) {
	f.Add(`{{with .Event}}{{with .Prev}}{{with .Prev}}{{.Title}}{{end}}{{end}}{{end}}`)
	f.Add(`{{range $i, $e := .Event.Related}}{{$e.Next.Title}}{{else}}{{end}}`)
	f.Add(`{{define "v"}}{{template "v" .Prev}}{{end}}{{template "v" .Event.Next}}`)
	f.Add(`{{(index .Event.Related 0).Prev}}{{if .X}}{{break}}{{end}}{{template "x"}}`)
	f.Add(`{{with .Event}`)
	f.Add(`.Event.Prev.Next.Title`)
	f.Add(`.Related`)
	f.Add(`{{with .Site}}{{range $s := .Sources}}{{partialCached "x" $s "k"}}{{end}}{{end}}`)
	f.Fuzz(func(t *testing.T, src string) {
		if trees, err := parseTrees("events/single.html", src); err == nil {
			for _, rc := range []reach{farNeighbours, siteLists, otherListsOfTerm, otherListsOfYear, otherSources} {
				rc.shown(trees)
			}
			callsIntoPages(map[string]map[string]*parse.Tree{"years/single.html": trees, "partials/x.html": trees, "_default/baseof.html": trees})
		}
		chain := "{{" + src + "}}"
		// A field's name ends before a character no identifier holds:
		// \b knows only ASCII, and .Nextʌ is another field than .Next.
		if regexp.MustCompile(`\.(Prev|Next|Related)\.(Prev|Next|Related)([^\pL\pN_]|$)`).MatchString(chain) && !strings.ContainsAny(src, "{}\"`'()|$:=") &&
			strings.HasPrefix(src, ".") && !strings.ContainsAny(src, " \t\r\n") {
			if trees, err := parseTrees("events/single.html", chain); err == nil && !farNeighbours.shown(trees) {
				t.Fatalf("%s: a neighbour's neighbour not found", chain)
			}
		}
	})
}

// FuzzWordSpaces checks the byte scans for the spaces between words
// against strings.IndexAny and LastIndexAny, on any bytes.
func FuzzWordSpaces(f *testing.F) {
	for _, s := range []string{"l'« État »", "a\u00a0b\u202fc", "\xe2\xc2\xa0", "\xc2\xe2\x80\xaf", "\xe2\x80", "x\xc2", "\xaf\xa0\xbb", "d'abord\tl'a\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := firstWordSpace(s), strings.IndexAny(s, wordSpaces); got != want {
			t.Fatalf("firstWordSpace(%q) = %d, want %d", s, got, want)
		}
		if got, want := lastWordSpace(s), strings.LastIndexAny(s, wordSpaces); got != want {
			t.Fatalf("lastWordSpace(%q) = %d, want %d", s, got, want)
		}
	})
}
