package article

import "testing"

func TestPublisher(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"par … avec", "Titre\n\nPar Quid avec MAP et AFP\n\nTexte.", "Quid"},
		{"publié dans", "Titre\nPublié dans L'opinion le 04 - 10 - 2024\n", "L'opinion"},
		{"nom en deux mots", "Titre\nPar Le Monde avec AFP\n", "Le Monde"},
		{"aucun", "Le ministre a parlé par téléphone.", ""},
		{"par en minuscule", "Par ailleurs, le ministre a parlé.", ""},
		{"trop bas dans la page", "Titre\n" + string(make([]byte, 16001)) + "\nPar Quid avec MAP\n", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Publisher(tt.text); got != tt.want {
				t.Errorf("Publisher() = %q, want %q", got, tt.want)
			}
			if got := Parse(tt.text).Publisher; got != tt.want {
				t.Errorf("Parse().Publisher = %q, want %q", got, tt.want)
			}
		})
	}
}
