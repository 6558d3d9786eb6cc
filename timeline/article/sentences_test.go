package article

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"deux phrases", "Il est arrivé. Il est reparti.", []string{"Il est arrivé.", "Il est reparti."}},
		{"monsieur", "M. Laftit a mis en avant l’approche marocaine. Il a souligné le reste.", []string{"M. Laftit a mis en avant l’approche marocaine.", "Il a souligné le reste."}},
		{"madame", "Mme. Dupont et Mme Durand sont là. Elles parlent.", []string{"Mme. Dupont et Mme Durand sont là.", "Elles parlent."}},
		{"initiale", "Selon J. Dupont, rien ne change. Fin.", []string{"Selon J. Dupont, rien ne change.", "Fin."}},
		{"numéro", "Le décret n° 2-24-921 est paru. Il entre en vigueur.", []string{"Le décret n° 2-24-921 est paru.", "Il entre en vigueur."}},
		{"guillemets", "Il a dit : « Nous avons fini. Nous partons. » Puis il est sorti.", []string{"Il a dit : « Nous avons fini. Nous partons. »", "Puis il est sorti."}},
		{"citation suivie d'une incise", "« Sans nos amis, la France serait en danger », a-t-il déclaré. Fin.", []string{"« Sans nos amis, la France serait en danger », a-t-il déclaré.", "Fin."}},
		{"point d'interrogation français", "Comment combattre la traite ? Mieux, le point suscite débat.", []string{"Comment combattre la traite ?", "Mieux, le point suscite débat."}},
		{"titre sans ponctuation", "Une visite sous le signe du renouveau\nArrivé dimanche soir à Rabat, il est reparti.", []string{"Une visite sous le signe du renouveau", "Arrivé dimanche soir à Rabat, il est reparti."}},
		{"intertitre collé", "Retour à la politique de rapatriement Après la signature des accords, rien.", []string{"Retour à la politique de rapatriement", "Après la signature des accords, rien."}},
		{"nom de lieu gardé", "Le sommet s'est tenu à La Valette en novembre.", []string{"Le sommet s'est tenu à La Valette en novembre."}},
		{"nombre décimal", "La croissance baisse de 0,7 % soit 1.5 point. Voilà.", []string{"La croissance baisse de 0,7 % soit 1.5 point.", "Voilà."}},
		{"minuscule après point", "Il cite etc. et continue. Fin.", []string{"Il cite etc. et continue.", "Fin."}},
		{"bandeau", "Premier titre    Second titre", []string{"Premier titre", "Second titre"}},
		{"vide", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.text) {
				got = append(got, s.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func BenchmarkSentences(b *testing.B) {
	text := strings.Repeat("M. Laftit a souligné, mardi à Rabat, le socle solide de la coopération. « Nous avons convenu de consolider la coopération », a-t-il dit. Le décret n° 2 est paru en décembre 2020.\n\n", 2000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text)
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"M. Laftit. Il part.", "« Oui. Non. » Fin.", "Titre\nTexte.", "a    b", "…?!» x. Y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := -1
		for _, s := range Sentences(text) {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End || s.Start < prev {
				t.Fatalf("bad span %d:%d (prev end %d)", s.Start, s.End, prev)
			}
			if text[s.Start:s.End] != s.Text {
				t.Fatal("text does not match span")
			}
			if utf8.ValidString(text) && strings.TrimSpace(s.Text) != s.Text {
				t.Fatalf("untrimmed %q", s.Text)
			}
			prev = s.End
		}
	})
}

// splitLine looks a word up in glued only when it starts with an ASCII
// capital.
func TestGluedWordsStartWithASCIICapital(t *testing.T) {
	for w := range glued {
		if w[0] < 'A' || w[0] > 'Z' {
			t.Errorf("glued word %q does not start with an ASCII capital: splitLine would never find it", w)
		}
	}
}
