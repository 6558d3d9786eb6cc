package site

import "testing"

func TestSourceLabel(t *testing.T) {
	tests := []struct {
		name string
		sv   sourceView
		want string
	}{
		{"éditeur et date", sourceView{Publisher: "Quid", Published: "2025"}, "Quid, 2025"},
		{"éditeur seul", sourceView{Publisher: "L’Opinion"}, "L’Opinion"},
		{"titre court", sourceView{Title: "Exécution des OQTF", Published: "octobre 2024"}, "Exécution des OQTF (octobre 2024)"},
		{"titre coupé", sourceView{Title: "Suite à la forte augmentation des arrivées des migrants via la route", Published: "2022"},
			"Suite à la forte augmentation des… (2022)"},
		{"apostrophe", sourceView{Title: "L'enjeu des réadmissions"}, "L’enjeu des réadmissions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sourceLabel(&tt.sv); got != tt.want {
				t.Errorf("sourceLabel() = %q, want %q", got, tt.want)
			}
		})
	}
}
