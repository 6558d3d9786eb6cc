package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"frise/timeline/content"
)

// FuzzEvents checks, on any text, that every event quotes its source
// verbatim, keeps its title short, and gets a valid file name.
func FuzzEvents(f *testing.F) {
	for _, s := range []string{
		" date 2025-05 Depuis la visite du chef de l’État français au Maroc en octobre dernier, les relations sont bonnes.",
		"Titre\nPublié le 14 avril 2025\n\nArrivé dimanche soir à Rabat, Bruno Retailleau a rencontré Abdelouafi Laftit.",
		"En novembre 2015, les chefs d'Etat ont adopté une déclaration lors du sommet de La Valette.",
		"Le chiffre a bondi de 93 % entre janvier et février 2025, contre 10 % en 2024.",
	} {
		f.Add(s)
	}
	lx, err := loadLexicon("../../content")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if !utf8.ValidString(raw) {
			return
		}
		s := newSource("x", "x.txt", raw)
		body := content.FoldSpace(s.Art.Body)
		for _, e := range lx.events([]*source{s}) {
			for _, c := range e.Sources {
				if !strings.Contains(body, content.FoldSpace(c.Quote)) {
					t.Fatalf("quote %q not in the body", c.Quote)
				}
			}
			if n := utf8.RuneCountInString(e.Title); n > maxTitle {
				t.Fatalf("title of %d characters: %q", n, e.Title)
			}
			if name := fileName(e); content.Slugify(name) != name {
				t.Fatalf("file name %q", name)
			}
			if e.Date.IsZero() {
				t.Fatal("event without a date")
			}
		}
	})
}
