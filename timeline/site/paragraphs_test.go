package site

import (
	"reflect"
	"testing"
)

func TestParagraphs(t *testing.T) {
	ev := &eventView{}
	tests := []struct {
		name string
		segs []segment
		want []para
	}{
		{"deux paragraphes", []segment{{Text: "Premier paragraphe.\n\nSecond paragraphe."}},
			[]para{{Segs: []segment{{Text: "Premier paragraphe."}}}, {Segs: []segment{{Text: "Second paragraphe."}}}}},
		{"intertitre", []segment{{Text: "Une visite sous le signe du renouveau\n\nArrivé dimanche soir à Rabat."}},
			[]para{{Head: true, Segs: []segment{{Text: "Une visite sous le signe du renouveau"}}}, {Segs: []segment{{Text: "Arrivé dimanche soir à Rabat."}}}}},
		{"signature", []segment{{Text: "Par Quid avec MAP et AFP\n\nTexte."}},
			[]para{{Segs: []segment{{Text: "Par Quid avec MAP et AFP"}}}, {Segs: []segment{{Text: "Texte."}}}}},
		{"citation à cheval", []segment{{Text: "Il dit "}, {Text: "ceci.\n \nEt cela", Mark: true, ID: "q-a-1", Event: ev}, {Text: " encore."}},
			[]para{{Segs: []segment{{Text: "Il dit "}, {Text: "ceci.", Mark: true, ID: "q-a-1", Event: ev}}},
				{Segs: []segment{{Text: "Et cela", Mark: true, Event: ev}, {Text: " encore."}}}}},
		{"ancre seule", []segment{{Text: "Fin.\n\n"}, {Mark: true, ID: "q-b-1", Event: ev}},
			[]para{{Segs: []segment{{Text: "Fin."}}}, {Segs: []segment{{Mark: true, ID: "q-b-1", Event: ev}}}}},
		{"lignes blanches en trop", []segment{{Text: "\n\n\nUn.\n\n\n\n\nDeux.\n\n"}},
			[]para{{Segs: []segment{{Text: "Un."}}}, {Segs: []segment{{Text: "Deux."}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paragraphs(tt.segs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs() =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestPublisherIn(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"par … avec", "Titre\n\nPar Quid avec MAP et AFP\n\nTexte.", "Quid"},
		{"publié dans", "Titre\nPublié dans L'opinion le 04 - 10 - 2024\n", "L'opinion"},
		{"aucun", "Le ministre a parlé par téléphone.", ""},
		{"par en minuscule", "Par ailleurs, le ministre a parlé.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := publisherIn(tt.text); got != tt.want {
				t.Errorf("publisherIn() = %q, want %q", got, tt.want)
			}
		})
	}
}
