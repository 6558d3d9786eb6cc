package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestDropInvisible(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"texte ordinaire", "Sommet de La Valette", "Sommet de La Valette"},
		{"accents et apostrophes", "L’Élysée reçoit « Bourita »", "L’Élysée reçoit « Bourita »"},
		{"espace insécable gardée", "7\u00a0mars 2024", "7\u00a0mars 2024"},
		{"inversion droite à gauche", "facture\u202Efdp.exe", "facturefdp.exe"},
		{"isolats et marques", "\u2067Rabat\u2069 \u200FParis\u200E", "Rabat Paris"},
		{"espace sans chasse", "Mac\u200Bron", "Macron"},
		{"joints", "Bou\u200Cri\u200Dta\u2060", "Bourita"},
		{"BOM au milieu", "Laf\uFEFFtit", "Laftit"},
		{"lettre arabe et mongol", "a\u061Cb\u180Ec", "abc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := dropInvisible(tc.in); got != tc.want {
				t.Errorf("dropInvisible(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestLoadDropsInvisible checks the loader reads every field without them,
// and that a quote still matches a source that has them elsewhere.
func TestLoadDropsInvisible(t *testing.T) {
	fsys := fstest.MapFS{
		"_index.md":       {Data: []byte("---\ntitle: Fri\u200Bse\n---\n")},
		"sources/a.txt":   {Data: []byte("Les ministres se sont ré\u200Bunis à Ra\u202Ebat.\n")},
		"actors/bouri.md": {Data: []byte("---\ntitle: Nasser Bou\u200Drita\naliases: [Bou\u2066rita]\n---\n")},
		"events/x.md": {Data: []byte("---\ntitle: \u202Egnitéer\ndate: 2015\nnote: \"ca\\u202Echée\"\nsummary: ré\u200Bunion\nactors: [Bourita]\ntopics: [mi\u200Bgration]\n" +
			"sources:\n  - source: a\n    quote: \"se sont réunis à Rabat\"\n---\nCorps\u2067 caché\n")},
	}
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	e := s.Events[0]
	for _, got := range []string{s.Title, e.Title, e.Summary, e.Body, e.Actors[0].Title, e.Actors[0].Aliases[0], e.Topics[0].Title, e.Sources[0].Quote, s.Sources[0].Text} {
		if dropInvisible(got) != got {
			t.Errorf("%q still holds invisible characters", got)
		}
	}
	if e.Params["note"] != "cachée" {
		t.Errorf("an escaped invisible character went through: %q", e.Params["note"])
	}
	if e.Title != "gnitéer" || len(s.Actors) != 1 || e.Topics[0].Slug != "migration" {
		t.Errorf("title %q, actors %d, topic %q", e.Title, len(s.Actors), e.Topics[0].Slug)
	}
}

func FuzzHasInvisible(f *testing.F) {
	for _, s := range []string{"", "é", "a\u200bb", "\u202e", "\ufeffTitre", "\u061c", "\u180e", "\u2069", "\u2070", "\u200a", "\xe2\x80"} {
		f.Add(s)
		// Long texts are looked through otherwise.
		f.Add(strings.Repeat("l’été « x » ", 8) + s + strings.Repeat("ﬁ", 10))
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasInvisible(s), strings.IndexFunc(s, invisible) >= 0; got != want {
			t.Errorf("hasInvisible(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzHasSlug(f *testing.F) {
	for _, s := range []string{"", "—", "Nasser Bourita", "Œ", "日本", "é", "'", "2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasSlug(s), Slugify(s) != ""; got != want {
			t.Errorf("hasSlug(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzValidSlug(f *testing.F) {
	for _, s := range []string{"", "-", "a", "a-b", "a--b", "-a", "a-", "2015-11-sommet", "É", "a_b", "A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := validSlug(s), s != "" && Slugify(s) == s; got != want {
			t.Errorf("validSlug(%q) = %v, want %v", s, got, want)
		}
	})
}
