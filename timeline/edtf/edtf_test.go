package edtf

import (
	"errors"
	"fmt"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, first, last, french string
	}{
		{"année", "2015", "2015-01-01", "2015-12-31", "2015"},
		{"mois", "2015-11", "2015-11-01", "2015-11-30", "novembre 2015"},
		{"jour", "2024-10-29", "2024-10-29", "2024-10-29", "29 octobre 2024"},
		{"premier du mois", "2024-03-01", "2024-03-01", "2024-03-01", "1er mars 2024"},
		{"intervalle d'années", "2021/2022", "2021-01-01", "2022-12-31", "2021 – 2022"},
		{"intervalle de mois", "2025-01/2025-02", "2025-01-01", "2025-02-28", "janvier – février 2025"},
		{"intervalle de jours", "2024-07-13/2024-07-18", "2024-07-13", "2024-07-18", "13 – 18 juillet 2024"},
		{"intervalle à cheval", "2024-12/2025-01", "2024-12-01", "2025-01-31", "décembre 2024 – janvier 2025"},
		{"été", "2024-22", "2024-06-01", "2024-08-31", "été 2024"},
		{"printemps", "2025-21", "2025-03-01", "2025-05-31", "printemps 2025"},
		{"hiver", "2024-24", "2024-12-01", "2025-02-28", "hiver 2024"},
		{"approximatif", "2018~", "2018-01-01", "2018-12-31", "vers 2018"},
		{"incertain", "2022-03-07?", "2022-03-07", "2022-03-07", "7 mars 2022 (?)"},
		{"les deux", "2022-03%", "2022-03-01", "2022-03-31", "vers mars 2022 (?)"},
		{"ouvert", "2024-10/..", "2024-10-01", "2024-10-31", "depuis octobre 2024"},
		{"depuis toujours", "../2024", "2024-01-01", "2024-12-31", "jusqu’à 2024"},
		{"fin inconnue", "2024/", "2024-01-01", "2024-12-31", "2024 – ?"},
		{"début inconnu", "/2024-05", "2024-05-01", "2024-05-31", "? – mai 2024"},
		{"décennie", "201X", "2010-01-01", "2019-12-31", "années 2010"},
		{"mois inconnu", "2004-XX", "2004-01-01", "2004-12-31", "2004"},
		{"jour inconnu", "1985-04-XX", "1985-04-01", "1985-04-30", "avril 1985"},
		{"bissextile", "2024-02-29", "2024-02-29", "2024-02-29", "29 février 2024"},
		{"avant notre ère", "-0043", "-0043-01-01", "-0043-12-31", "44 av. J.-C."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got := v.String(); got != tt.in {
				t.Errorf("String() = %q, want %q", got, tt.in)
			}
			if got := v.First().Format("2006-01-02"); got != tt.first {
				t.Errorf("First() = %s, want %s", got, tt.first)
			}
			if got := v.Last().Format("2006-01-02"); got != tt.last {
				t.Errorf("Last() = %s, want %s", got, tt.last)
			}
			if got := v.French(); got != tt.french {
				t.Errorf("French() = %q, want %q", got, tt.french)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, msg string }{
		{"vide", "", `date "" is empty`},
		{"mois 13", "2024-13", `date "2024-13" has no month 13`},
		{"30 février", "2023-02-30", `date "2023-02-30" has no day 30: February 2023 has 28 days`},
		{"intervalle à l'envers", "2025/2021", `date "2025/2021" ends before it starts`},
		{"année courte", "24-10", `date "24-10" needs a year of four digits`},
		{"texte", "hier", `date "hier" has a year that is not a number`},
		{"jour en saison", "2024-22-01", `date "2024-22-01" has a day in a season`},
		{"deux barres", "2020/2021/2022", `date "2020/2021/2022" has more than one /`},
		{"sans fin connue", "../..", `date "../.." has no known end`},
		{"espaces", " 2024", `date " 2024" has spaces around it`},
		{"mois à un chiffre", "2024-3", `date "2024-3" needs a month of two digits`},
		{"X au milieu", "2X15", `date "2X15" has a year that is not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.in)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) = %v, want an *Error", tt.in, err)
			}
			if err.Error() != tt.msg {
				t.Errorf("error = %q, want %q", err.Error(), tt.msg)
			}
			if e.Hint == "" {
				t.Errorf("error %q has no hint", err)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	// Sorted: by first day, the coarser first on a tie.
	sorted := []string{"2015", "2015-11", "2015-11-01", "2015-11-12", "2021/2022", "2021", "2021-22", "2024-10/..", "2024-10", "2024-10-29"}
	for i := range sorted {
		for j := range sorted {
			a, b := mustParse(t, sorted[i]), mustParse(t, sorted[j])
			got := Compare(a, b)
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", sorted[i], sorted[j], got, want)
			}
		}
	}
}

func TestContainsAndPrecision(t *testing.T) {
	if !mustParse(t, "2024-10").Contains(mustParse(t, "2024-10-29")) {
		t.Error("2024-10 should contain 2024-10-29")
	}
	if mustParse(t, "2024-10-29").Contains(mustParse(t, "2024-10")) {
		t.Error("2024-10-29 should not contain 2024-10")
	}
	if got := mustParse(t, "2021/2022-03").Precision(); got != PrecisionYear {
		t.Errorf("precision = %d, want year", got)
	}
	if mustParse(t, "2024?").Certain() || !mustParse(t, "2024").Certain() {
		t.Error("Certain is wrong")
	}
}

func mustParse(t testing.TB, s string) Value {
	t.Helper()
	v, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2015", "2015-11", "2024-10-29", "2021/2022", "2024-22", "2018~", "2022-03-07?",
		"2024-10/..", "../2024", "/2024", "201X", "1985-04-XX", "-0043", "2024-13", "2023-02-30", "2025/2021"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			return
		}
		// What parses writes back to the same text, and parses again to the same value.
		out := v.String()
		if out != s {
			t.Fatalf("Parse(%q).String() = %q", s, out)
		}
		w, err := Parse(out)
		if err != nil || w != v {
			t.Fatalf("round trip of %q: %v, %v", s, w, err)
		}
		if v.Last().Before(v.First()) {
			t.Fatalf("%q: last day %v before first %v", s, v.Last(), v.First())
		}
		_ = v.French()
	})
}

// FuzzAppendYMD checks AppendYMD against fmt, which it stands for.
func FuzzAppendYMD(f *testing.F) {
	f.Add(2015, 11, 12)
	f.Add(-43, 3, 15)
	f.Add(7, 0, 0)
	f.Add(12345, 1, 0)
	f.Add(0, 24, 0)
	f.Fuzz(func(t *testing.T, y, m, d int) {
		if y < -1e9 || y > 1e9 || m < 0 || m > 99 || d < 0 || d > 99 {
			return
		}
		sign, year := "", y
		if y < 0 {
			sign, year = "-", -y
		}
		want := fmt.Sprintf("%s%04d", sign, year)
		if m != 0 {
			want += fmt.Sprintf("-%02d", m)
			if d != 0 {
				want += fmt.Sprintf("-%02d", d)
			}
		}
		if got := string(AppendYMD([]byte("x"), y, m, d)); got != "x"+want {
			t.Fatalf("AppendYMD(%d, %d, %d) = %q, want %q", y, m, d, got, "x"+want)
		}
	})
}
