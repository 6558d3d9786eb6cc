package site

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"
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

// FuzzParagraphs checks that cutting a text into paragraphs keeps every
// anchor and every non-space character, in order.
func FuzzParagraphs(f *testing.F) {
	f.Add("Un.\n\nDeux.", 0, 3)
	f.Add("Une visite sous le signe du renouveau\n\nArrivé dimanche.\n \n", 5, 30)
	f.Add("\n\n\n", 1, 2)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		// Passages start and end between characters, as find returns them.
		if a < 0 || b < a || b > len(text) || !utf8.ValidString(text) ||
			(a < len(text) && !utf8.RuneStart(text[a])) || (b < len(text) && !utf8.RuneStart(text[b])) {
			return
		}
		segs := segments(text, []passage{{Start: a, End: b, ID: "q-x-1", Event: &eventView{}}})
		var got, want []rune
		for _, r := range text {
			if !unicode.IsSpace(r) {
				want = append(want, r)
			}
		}
		ids := 0
		for _, p := range paragraphs(segs) {
			for _, s := range p.Segs {
				if s.ID != "" {
					ids++
				}
				for _, r := range s.Text {
					if !unicode.IsSpace(r) {
						got = append(got, r)
					}
				}
			}
		}
		if string(got) != string(want) {
			t.Errorf("the paragraphs hold %q, want %q", string(got), string(want))
		}
		if ids != 1 {
			t.Errorf("%d anchors, want 1", ids)
		}
	})
}

// paraBreak is what splitParas does, as a regular expression.
var paraBreak = regexp.MustCompile(`[ \t\r\f\v\x{a0}]*\n[ \t\r\f\v\x{a0}]*\n\s*`)

func FuzzSplitParas(f *testing.F) {
	for _, s := range []string{"", "a", "a\n\nb", "a \u00a0\n\u00a0 \n\n\t b\n", "\n\n", "x\n \n", "é\u00a0\n\v\n\u00a0y",
		"Un.\r\n\r\nDeux.\n\n\n\nTrois", "\u00a0\u00a0\n\n", "a\n\u00a0\n\u00a0\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := splitParas(s), paraBreak.Split(s, -1)
		if !slices.Equal(got, want) {
			t.Errorf("splitParas(%q) = %q, want %q", s, got, want)
		}
	})
}
