package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"frise/timeline/edtf"
)

// TestHeadline makes titles of real sentences of the seeds and of other
// French news.
func TestHeadline(t *testing.T) {
	ref := edtf.Single(edtf.Day(2025, 1, 13))
	tests := []struct {
		name, sentence, want string
	}{
		{"entrée en vigueur d'un accord, par sa relative",
			"Après la signature des accords entre Rabat et Madrid, il a été publié dans le Journal officiel espagnol du jeudi 7 mars, les modalités de l'accord portant sur la coopération en termes de sécurité et de lutte contre la criminalité, qui entrera en vigueur le 30 avril 2022 pour une durée indéterminée.",
			"Entrée en vigueur de l'accord portant sur la coopération en termes de sécurité et de lutte"},
		{"signature au passif",
			"Rappelant qu’une équipe multidisciplinaire s’était déplacée, en juin 2018 en France, pour assister les autorités françaises et qu’un schéma de procédure pour le retour concerté des MNA a été signé, en décembre 2020, entre les ministères de la Justice des deux pays.",
			"Signature d'un schéma de procédure pour le retour concerté des MNA"},
		{"le nom de l'événement",
			"En novembre 2015, les chefs d'Etat et de gouvernement africains et européens ont exploré les possibilités d'une coopération plus étroite lors du sommet sur la migration à La Valette et ont discuté des défis actuels.",
			"Sommet sur la migration à La Valette"},
		{"une visite annoncée",
			"Ce sujet devrait être au cœur des discussions, lors de la prochaine visite du président Emmanuel Macron au Maroc, prévue à la fin du mois.",
			"Visite du président Emmanuel Macron au Maroc"},
		{"une arrestation, pas la date",
			"Elle s'est aggravée mi-novembre 2024 avec l'arrestation à Alger de l'écrivain franco-algérien Boualem Sansal, condamné le 27 mars à cinq ans de prison ferme.",
			"Arrestation à Alger de l'écrivain franco-algérien Boualem Sansal"},
		{"le sujet rendu à son verbe, sans le jour",
			"Le ministre de l'Intérieur, Abdelouafi Laftit, s'est entretenu vendredi à Madrid avec son homologue espagnol, Fernando Grande-Marlaska, pour faire le point.",
			"Le ministre de l'Intérieur s'est entretenu à Madrid avec son homologue espagnol"},
		{"un naufrage",
			"Il y a deux semaines, le naufrage d'une embarcation partie de Mauritanie a fait une cinquantaine de morts au large du Maroc.",
			"Naufrage d'une embarcation partie de Mauritanie"},
		{"un verbe qui ressemble à un nom reste un verbe",
			"Paris a annoncé mardi l'expulsion de douze agents du réseau consulaire algérien en France.",
			"Paris a annoncé l'expulsion de douze agents du réseau consulaire algérien en France"},
	}
	lx, err := loadLexicon("../../content")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSource("t", "t.md", "---\npublished: "+ref.String()+"\n---\n"+tt.sentence)
			cs := lx.candidates(s)
			if len(cs) == 0 {
				t.Fatalf("no event in %q", tt.sentence)
			}
			var got []string
			for _, c := range cs {
				h := headline(c)
				if h == tt.want {
					return
				}
				if n := utf8.RuneCountInString(h); n > maxTitle {
					t.Errorf("title of %d characters: %q", n, h)
				}
				got = append(got, h)
			}
			t.Errorf("titles %q, want %q", strings.Join(got, " | "), tt.want)
		})
	}
}
