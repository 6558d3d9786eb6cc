package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"frise/timeline/synth"
)

// quickSeeds are Markdown texts quickMarkdown takes, and near misses it
// must leave to goldmark or render as goldmark does.
var quickSeeds = []string{
	"Une phrase.",
	"Deux lignes\nd'un paragraphe.\n\nUn autre « entre guillemets » : oui !\n",
	"**Contexte.** Le ministre *annonce*, dit-il, un \"accord\" > 2 ans.",
	"Avant :\n\n- Un point ;\n- Un **autre** point ;\n\nAprès.",
	"- Une liste d'abord\n\n- puis une autre",
	"- Une liste\n\nUn paragraphe\n\n- une liste",
	"Voir [l'article de\nLa Presse](https://presse.example.org/2021/a_b?c=1#d) sur la réunion.",
	"*Voir [l'article](https://a.fr/x)*, dit-il.",
	"Voir [ici](/sources/a-b.html) et [là](autre%C3%A9.html).",
	"Voir [ici](javascript:alert) et [là](mailto:a@b.fr).",
	"Un lien [vide]() et [sans fin](https://a.fr et ![une image](i.png).",
	"[Un lien](https://a.fr) au début.\n[Un autre](https://b.fr) en tête de ligne.",
	"[étiquette]: https://ref.fr\n\n[étiquette]",
	"*a **b** c* et **a *b* c** et *a **b* c**",
	"***trois*** et *un** et **deux* et * pas* et *pas *",
	"a*b*c, a**b**c, «*a*», (*a*), *«a»*, 1*2*3",
	"Un *emphase\nsur deux lignes*.",
	"Une fin de ligne  \nà deux espaces, une autre \nà une.",
	"# Titre\n\n> citation\n\n+ plus\n\n= égal\n\n1. un\n\n2) deux\n\n2015 : an",
	"Titre\n===\n\nAutre\n---\n\n* * *\n\n*** \n\n*a*",
	"Un tableau\n:-\n\nUn autre\n--:\n\nEt\n:-:",
	"   indenté\n\n\tà la tabulation\n\n    code",
	"a_b_c, `code`, <b>, &amp;, ~~barré~~, | table |, a\\*b",
	"Espace insécable\u00a0*a*\u00a0et\u202f*b*\u202f!",
	"\n\n\nLignes vides\n\n\n\nautour\n\n\n",
	"Ligne\n \nblanche",
	"\u00e9*\u00e9*\u00e9 et \u2014*a*\u2014 et ¿*a*?",
}

// checkQuick checks that when quickMarkdown takes src, it renders what
// goldmark renders, and reports whether it took it.
func checkQuick(t *testing.T, md *markdowns, src string) bool {
	t.Helper()
	var quick bufWriter
	if !quickMarkdown(&quick, src) {
		return false
	}
	var want bytes.Buffer
	if err := md.plain.Convert([]byte(src), &want); err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	if quick.String() != want.String() {
		t.Fatalf("%q:\nquickMarkdown: %q\ngoldmark:      %q", src, quick.String(), want.String())
	}
	return true
}

// bodyOf is what follows a content file's front matter.
func bodyOf(file string) string {
	if rest, ok := strings.CutPrefix(file, "---\n"); ok {
		if _, body, ok := strings.Cut(rest, "\n---\n"); ok {
			return body
		}
	}
	return file
}

// TestQuickMarkdown checks quickMarkdown against goldmark on the seeds, on
// every file of the content and the test site, and on generated bodies,
// and that it takes what it is for: bodies of paragraphs, lists, emphasis
// and links, as the generated ones are.
func TestQuickMarkdown(t *testing.T) {
	md := newMarkdown()
	took := 0
	for _, src := range quickSeeds {
		if checkQuick(t, md, src) {
			took++
		}
	}
	if took < 5 || took == len(quickSeeds) {
		t.Errorf("quickMarkdown took %d seeds of %d", took, len(quickSeeds))
	}
	for _, src := range []string{
		"Une phrase.",
		"**Contexte.** Le ministre *annonce*, dit-il, un \"accord\" > 2 ans.",
		"Avant :\n\n- Un point ;\n- Un **autre** point ;\n\nAprès.",
		"Voir [l'article de\nLa Presse](https://presse.example.org/2021/a_b?c=1#d) sur la réunion.",
	} {
		if !checkQuick(t, md, src) {
			t.Errorf("quickMarkdown did not take %q", src)
		}
	}
	for _, src := range []string{
		"- Une liste d'abord\n\n- puis une autre",
		"Voir [ici](javascript:alert) et [là](mailto:a@b.fr).",
		"***trois*** et *un** et **deux* et * pas* et *pas *",
		"Une fin de ligne  \nà deux espaces, une autre \nà une.",
		"Titre\n===\n\nAutre\n---\n\n* * *\n\n*** \n\n*a*",
		"Un tableau\n:-\n\nUn autre\n--:\n\nEt\n:-:",
	} {
		if checkQuick(t, md, src) {
			t.Errorf("quickMarkdown took %q", src)
		}
	}

	var files []string
	for _, pattern := range []string{"../../content/*/*.md", "testdata/*/*/*.md", "testdata/*/*.md"} {
		found, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, found...)
	}
	if len(files) < 20 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkQuick(t, md, string(b))
		checkQuick(t, md, bodyOf(string(b)))
	}

	events, taken := 0, 0
	err := synth.Generate(300, 1, func(name string, data []byte) error {
		body := bodyOf(string(data))
		if checkQuick(t, md, body) && strings.HasPrefix(name, "events/") {
			taken++
		}
		if strings.HasPrefix(name, "events/") {
			events++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if taken < events*9/10 {
		t.Errorf("quickMarkdown took %d generated bodies of %d", taken, events)
	}
}

// FuzzQuickMarkdown checks that what quickMarkdown renders is what
// goldmark renders: for the input as it is, and for the text its bytes
// spell as pieces of Markdown (see quickPieces), which reaches the texts
// quickMarkdown takes far sooner than changing bytes at random.
func FuzzQuickMarkdown(f *testing.F) {
	for _, s := range append(quickSeeds, linkSeeds...) {
		f.Add(s)
	}
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, src string) {
		checkQuick(t, md, src)
		var b strings.Builder
		for i := 0; i < len(src); i++ {
			b.WriteString(quickPieces[int(src[i])%len(quickPieces)])
		}
		checkQuick(t, md, b.String())
	})
}

// quickPieces are what may start, end or change a block or an inline span,
// and plain words around them.
var quickPieces = []string{
	"\n", "\n", "\n\n", " ", "  ", "mot", "Mot", "é", "«", "»", "\u00a0", "\u202f", ",", ".", ";", "!", "?", "'", "\"",
	"*", "**", "***", "_", "[", "]", "(", ")", "](", "](https://a.fr/b_c?d=1#e)", "](/x.html)", "](javascript:x)",
	"- ", "-", "+ ", "* ", "1. ", "2) ", "2015", "#", "# ", ">", "=", ":", ":-", "--:", "|", "~", "`", "<", "&", "\\",
	"\t", "    ", "%41", "www.", "@", "://", "!",
	"\u3000", "\u2028", "\u0085", "𝔸", "](a*b'c%41)", "](%4)", "[", "![", "](b)*",
}
