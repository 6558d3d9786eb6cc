package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// linkSeeds are Markdown texts around what Linkify links and what it
// passes over: bare addresses and emails, in and out of links, code,
// emphasis and raw HTML, and near misses.
var linkSeeds = []string{
	"Voir https://exemple.fr/a?b=1 et www.exemple.fr.",
	"Écrire à presse@exemple.fr, ou (www.exemple.org/x).",
	"Voir [l'article](https://presse.example.org/2021/a) sur la réunion.",
	"[https://a.fr](https://b.fr) et ![www.c.fr](https://d.fr/i.png)",
	"`http://code.fr` et <http://auto.fr> et <a href=\"http://raw.fr\">x</a>",
	"*http://em.fr* _www.em.fr_ ~~ftp://s.fr~~ **a@b.fr**",
	"http:*//*x.fr www*.*x.fr a*@*b.fr HTTP://MAJ.FR WWW.MAJ.FR",
	"http\\://x.fr &#64; a&#64;b.fr www&#46;x.fr",
	"| a | http://t.fr |\n|---|---|\n| www.t.fr | c@d.fr |",
	"> citation www.q.fr\n\n- liste http://l.fr\n\n    code www.c.fr",
	"Texte sans adresse : 10:30, l'État, 50 %, « guillemets ».",
	"[lien sans fin](https://x.fr\n\n[étiquette]: https://ref.fr\n\n[étiquette]",
}

// checkMayLink renders src without Linkify and, when mayLink says Linkify
// would find nothing, checks that rendering with it gives the same HTML.
func checkMayLink(t *testing.T, md *markdowns, src string) {
	t.Helper()
	var plain, linked bytes.Buffer
	if md.plain.Convert([]byte(src), &plain) != nil || md.linked.Convert([]byte(src), &linked) != nil {
		return
	}
	if !mayLink(plain.String()) && plain.String() != linked.String() {
		t.Fatalf("%q: mayLink says nothing to link, but\nwithout Linkify: %q\nwith Linkify:    %q", src, plain.String(), linked.String())
	}
}

// TestMayLink checks mayLink's shortcut on the seeds and on every body of
// the content and the test site, and that bare addresses are still linked.
func TestMayLink(t *testing.T) {
	md := newMarkdown()
	srcs := append([]string(nil), linkSeeds...)
	for _, pattern := range []string{"../../content/*/*.md", "testdata/*/*/*.md", "testdata/*/*.md"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, string(b))
		}
	}
	if len(srcs) < len(linkSeeds)+20 {
		t.Fatalf("only %d texts", len(srcs))
	}
	skipped := 0
	for _, src := range srcs {
		checkMayLink(t, md, src)
		var plain bytes.Buffer
		if md.plain.Convert([]byte(src), &plain) == nil && !mayLink(plain.String()) {
			skipped++
		}
	}
	if skipped == 0 {
		t.Error("every text was rendered twice")
	}
	for src, want := range map[string]string{
		"Voir https://exemple.fr/a.":  `<a href="https://exemple.fr/a">https://exemple.fr/a</a>`,
		"Voir www.exemple.fr !":       `<a href="http://www.exemple.fr">www.exemple.fr</a>`,
		"Écrire à presse@exemple.fr.": `<a href="mailto:presse@exemple.fr">presse@exemple.fr</a>`,
	} {
		got, err := markdown(md, src)
		if err != nil || !strings.Contains(string(got), want) {
			t.Errorf("%q: got %q, want it to hold %q (%v)", src, got, want, err)
		}
	}
}

// FuzzMayLink checks that a text mayLink finds nothing to link in renders
// the same with Linkify and without.
func FuzzMayLink(f *testing.F) {
	for _, s := range linkSeeds {
		f.Add(s)
	}
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, src string) {
		checkMayLink(t, md, src)
	})
}
