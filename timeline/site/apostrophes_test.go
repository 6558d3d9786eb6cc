package site

import "testing"

func TestApostrophes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"élision", "l'Intérieur et d'État", "l’Intérieur et d’État"},
		{"déjà courbe", "l’UE", "l’UE"},
		{"aujourd'hui", "aujourd'hui", "aujourd’hui"},
		{"guillemet simple seul", "le mot 'retour'", "le mot 'retour'"},
		{"adresse", "voir https://example.org/l'avis, puis l'article", "voir https://example.org/l'avis, puis l’article"},
		{"www", "www.l'opinion.ma et l'opinion", "www.l'opinion.ma et l’opinion"},
		{"en fin de texte", "'", "'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := apostrophes(tt.in); got != tt.want {
				t.Errorf("apostrophes(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := French(tt.in); got != tt.want {
				t.Errorf("French(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFrenchHTMLApostrophes(t *testing.T) {
	in := `<p>L'accord <a href="https://x.org/l'a" title="l'a">l'accord</a> <code>l'a</code> https://x.org/l'b</p>`
	want := `<p>L’accord <a href="https://x.org/l'a" title="l'a">l’accord</a> <code>l'a</code> https://x.org/l'b</p>`
	if got := frenchHTML(in); got != want {
		t.Errorf("frenchHTML:\n got %q\nwant %q", got, want)
	}
}
