package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"frise/timeline/edtf"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, raw             string
		title, published, how string
		bodyStarts, bodyLacks string
	}{
		{
			name:       "marqueur de date",
			raw:        " date 2025-05 Depuis la visite du chef de l’État français au Maroc en octobre dernier, les relations sont au beau fixe.\n\nSecond paragraphe.",
			title:      "Depuis la visite du chef de l’État français au Maroc en octobre dernier, les relations…",
			published:  "2025-05",
			how:        "marker",
			bodyStarts: "Depuis la visite",
		},
		{
			name:       "titre, image, partage et signature",
			raw:        "Rabat-Paris : vers un nouveau cadre\n\n5437685854_d630fceaff_b-\n\nLe chapeau de l'article.\n\n1\nPartager :\n\nPar Quid avec MAP et AFP\n\nEn visite éclair à Rabat, le ministre a parlé.\n\n---\n\nlire aussi",
			title:      "Rabat-Paris : vers un nouveau cadre",
			bodyStarts: "Le chapeau de l'article.\n\nEn visite éclair",
			bodyLacks:  "Partager",
		},
		{
			name:       "bandeau de titres puis ligne de publication",
			raw:        "Un titre    Un autre titre de la une    Encore un titre du bandeau    Et un dernier pour la route    Fin du bandeau défilant ici\n\nMerci d'avoir signalé!\nCette image sera automatiquement bloquée après qu'elle soit signalée par plusieurs personnes.\n\nExécution des OQTF : relance des discussions\nPublié dans L'opinion le 04 - 10 - 2024\n\nSelon des sources bien informées, le ministre a parlé.\n\nCliquez ici pour lire l'article depuis sa source.",
			title:      "Exécution des OQTF : relance des discussions",
			published:  "2024-10-04",
			how:        "byline",
			bodyStarts: "Selon des sources bien informées, le ministre a parlé.",
			bodyLacks:  "Cliquez",
		},
		{
			name:       "date de publication en toutes lettres",
			raw:        "Le titre de l'article du jour\nPublié le 14 avril 2025 à 10h\n\nLe texte.",
			title:      "Le titre de l'article du jour",
			published:  "2025-04-14",
			how:        "byline",
			bodyStarts: "Le texte.",
		},
		{
			name:       "menu, titre, signature et date courte",
			raw:        "TelQuel   Politique   Économie   Société\n\nRAN Maroc-Espagne : vingt accords signés\n\nPar Yassine Benargane\nLe 02/02/2023 à 18h12\n\nFacebook   Twitter   WhatsApp\n\nLa réunion s'est tenue jeudi.",
			title:      "RAN Maroc-Espagne : vingt accords signés",
			published:  "2023-02-02",
			how:        "byline",
			bodyStarts: "La réunion s'est tenue jeudi.",
		},
		{
			name:       "chapeau entre le titre et la date",
			raw:        "Jeune Afrique\nAccueil › Maroc\n\nMacron au Maroc : trois ans de montagnes russes\n\nEmmanuel Macron entame ce lundi une visite d'État.\n\nPar Jeune Afrique\nMis à jour le 28 octobre 2024 à 08:30\n\nTemps de lecture : 5 minutes\n\nLe texte.",
			title:      "Macron au Maroc : trois ans de montagnes russes",
			published:  "2024-10-28",
			how:        "byline",
			bodyStarts: "Emmanuel Macron entame ce lundi une visite d'État.\n\nLe texte.",
		},
		{
			name:       "dépêche d'agence",
			raw:        "Canaries : Sánchez en tournée\n\nMADRID, 27 août 2024 (AFP) - Le chef du gouvernement est arrivé mardi.\n\nmar/ib/cn\n© Agence France-Presse",
			title:      "Canaries : Sánchez en tournée",
			published:  "2024-08-27",
			how:        "byline",
			bodyStarts: "MADRID, 27 août 2024 (AFP) - Le chef",
			bodyLacks:  "mar/ib",
		},
		{
			name:       "une phrase qui commence par une date n'est pas une ligne de publication",
			raw:        "Le 7 avril 2022, le roi a reçu le président du gouvernement espagnol.",
			title:      "Le 7 avril 2022, le roi a reçu le président du gouvernement espagnol",
			how:        "inferred",
			published:  "2022",
			bodyStarts: "Le 7 avril 2022, le roi",
		},
		{
			name:       "partager en début de phrase reste",
			raw:        "Partager le pouvoir n'est pas simple, dit-il.",
			title:      "Partager le pouvoir n'est pas simple, dit-il",
			bodyStarts: "Partager le pouvoir",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Parse(tt.raw)
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if got := a.Published.String(); tt.published != "" && got != tt.published || tt.published == "" && !a.Published.IsZero() {
				t.Errorf("published = %s, want %q", got, tt.published)
			}
			if a.PublishedHow != tt.how {
				t.Errorf("how = %q, want %q", a.PublishedHow, tt.how)
			}
			if !strings.HasPrefix(a.Body, tt.bodyStarts) {
				t.Errorf("body = %q, want it to start with %q", a.Body, tt.bodyStarts)
			}
			if tt.bodyLacks != "" && strings.Contains(a.Body, tt.bodyLacks) {
				t.Errorf("body = %q, should not contain %q", a.Body, tt.bodyLacks)
			}
			first, _, _ := strings.Cut(a.Body, "\n")
			if !strings.HasPrefix(tt.raw[a.BodyStart:], first) {
				t.Errorf("BodyStart %d does not point at %q", a.BodyStart, first)
			}
		})
	}
}

// TestSeeds checks the seed sources: the hard case first (a long ticker
// before the article), and that every line of every body is a raw line.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../content/sources/*.txt")
	if len(files) == 0 {
		t.Skip("no seed sources")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		raw := string(b)
		a := Parse(raw)
		for _, l := range strings.Split(a.Body, "\n") {
			if !strings.Contains(raw, l) {
				t.Errorf("%s: body line %q is not in the raw text", filepath.Base(f), l)
			}
		}
		if strings.Contains(filepath.Base(f), "004_") {
			if a.Title != "Exécution des OQTF : relance des discussions franco-marocaines" {
				t.Errorf("004 title = %q", a.Title)
			}
			if !strings.HasPrefix(a.Body, "Selon des sources bien informées") || strings.Contains(a.Body, "Botola") || strings.Contains(a.Body, "Cliquez") {
				t.Errorf("004 body starts %q", a.Body[:80])
			}
			if a.Published.String() != "2024-10-04" {
				t.Errorf("004 published = %s", a.Published)
			}
		}
	}
}

func BenchmarkParse(b *testing.B) {
	raw, err := os.ReadFile("../../content/sources/004_7c9aa38188346b54.txt")
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		a := Parse(string(raw))
		Sentences(a.Body)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(" date 2025-05 Texte.\n\nPartager :\nPar Quid avec MAP et AFP\n")
	f.Add("Titre\nPublié dans L'opinion le 04 - 10 - 2024\n\nCorps.")
	f.Add("a    b    c    d    e    f    g    h    i    j    k    l    m    n    o    p    q    r    s    t    u    v    w")
	f.Fuzz(func(t *testing.T, raw string) {
		a := Parse(raw)
		if a.BodyStart < 0 || a.BodyStart > len(raw) {
			t.Fatalf("BodyStart %d out of range", a.BodyStart)
		}
		if a.Body != Parse(raw).Body {
			t.Fatal("not deterministic")
		}
		for _, l := range strings.Split(a.Body, "\n") {
			if !strings.Contains(raw, l) {
				t.Fatalf("body line %q not in input", l)
			}
		}
		// A date found is one EDTF can write and read back (year 1 is
		// one: its first day is Go's zero time, which tells nothing).
		if !a.Published.IsZero() {
			back, err := edtf.Parse(a.Published.String())
			if err != nil || back != a.Published {
				t.Fatalf("published %q, which reads back as %v (%v)", a.Published.String(), back, err)
			}
		}
	})
}

// isNoise reads a whole line only when its first two bytes may open
// furniture: each entry must have two.
func TestFurnitureHasTwoBytes(t *testing.T) {
	for _, f := range furniture {
		if len(f) < 2 || f != strings.ToLower(f) {
			t.Errorf("furniture %q: want at least two bytes, in lower case", f)
		}
	}
}
