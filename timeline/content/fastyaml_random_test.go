package content

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// yamlPiece lists the fragments of one kind that TestFastYAMLRandom
// assembles: shapes front matter takes (good) and near misses (bad).
type yamlPiece struct{ good, bad []string }

var (
	yamlKeys = yamlPiece{
		good: []string{"title", "date", "sources", "source", "quote", "rôle", "a-b", "_x", "é", "t2"},
		bad:  []string{"yes", "n", "2015", "\"t\"", "a b", "<<", "-x", "? x"},
	}
	yamlWordsPiece = yamlPiece{
		good: []string{"Rabat", "La Valette", "2015", "2015-11", "2015-11-09", "-3", "+3", "0x1F", "1_0", "1.5", "1e3", ".5", "~", "null", "true", "no", "On", "3 000 migrants", "C#", "a #b", "x:y", "-a", "l'UE", "UE-Maroc", "14:30", "a]", ".inf", "0b11", "-0b1", "007", "0o7", "18446744073709551615", "9223372036854775808", "1e999", "2024-10-29T10:30:00Z", "2024-10-29 10:30:00", "1_", "0x_1", "+.5", "-.5e-3", "2015-13-45", "y", "N", "Off"},
		bad:  []string{"a: b", "a:", "-", "- a", "?", "[", "]", "{a}", "&x", "*x", "!x", "|", ">", "%", "@", "`", ".nan", "a\tb", "a\u2028b", "a\x85"},
	}
	yamlQuoted = yamlPiece{
		good: []string{`"Rabat"`, `"l'accord"`, `'l''accord'`, `"a \"b\""`, `"\u00e9"`, `"\x41"`, `"\U0001F600"`, `""`, `''`, `"a" #c`, `"\\"`, `"\t"`, `"\n"`, `'a\n'`, `"a  "`, `" a"`, `'#'`, `"a: b"`, `"\u00a0"`},
		bad:  []string{`"\e"`, `"\/"`, `"\ud800"`, `"a`, `'a`, `"a"b`, `"a"#c`, `'a' b`, `"\"`, `"\u12"`},
	}
	yamlSeps = yamlPiece{
		good: []string{", ", ",", " , ", ",  "},
		bad:  []string{",,", ", ]", " ", "\n"},
	}
	yamlComments = yamlPiece{
		good: []string{"", "", "# note", "  # note", "#", "   "},
		bad:  []string{"\t# note"},
	}
)

// randomYAML builds a front matter from the pieces above, with a near miss
// one time in bad.
func randomYAML(r *rand.Rand, bad int) string {
	pick := func(p yamlPiece) string {
		if len(p.bad) > 0 && r.IntN(bad) == 0 {
			return p.bad[r.IntN(len(p.bad))]
		}
		return p.good[r.IntN(len(p.good))]
	}
	one := func(l ...string) string { return l[r.IntN(len(l))] }
	key := func() string {
		k := pick(yamlKeys)
		if r.IntN(2) == 0 {
			k += string(rune('a' + r.IntN(26)))
		}
		return k
	}
	scalar := func() string {
		if r.IntN(3) == 0 {
			return pick(yamlQuoted)
		}
		return pick(yamlWordsPiece)
	}
	value := func() string {
		if r.IntN(4) != 0 {
			return scalar()
		}
		var b strings.Builder
		b.WriteString(one("[", "[", "[ "))
		for i, n := 0, r.IntN(4); i < n; i++ {
			if i > 0 {
				b.WriteString(pick(yamlSeps))
			}
			b.WriteString(scalar())
		}
		if r.IntN(bad) != 0 {
			b.WriteString(one("]", " ]", "]"))
		}
		return b.String()
	}
	var b strings.Builder
	for i, n := 0, 1+r.IntN(6); i < n; i++ {
		indent := ""
		if r.IntN(bad) == 0 {
			indent = one(" ", "  ")
		}
		b.WriteString(indent + key() + ":")
		switch r.IntN(3) {
		case 0: // a block below the key
			b.WriteString(pick(yamlComments) + "\n")
			step := one("", "  ", "    ")
			dash := one("- ", "- ", "-   ")
			if r.IntN(bad) == 0 {
				dash = one("-", "- - ", "-\t")
			}
			nested := r.IntN(4) == 0
			for j, m := 0, r.IntN(4); j < m; j++ {
				switch {
				case nested:
					b.WriteString(indent + step + "  " + key() + ": " + value() + "\n")
				case r.IntN(2) == 0:
					b.WriteString(indent + step + dash + value() + "\n")
				default:
					b.WriteString(indent + step + dash + key() + ": " + value() + "\n")
					pad := strings.Repeat(" ", len(dash))
					if r.IntN(bad) == 0 {
						pad = one(" ", "   ", "")
					}
					for k, o := 0, r.IntN(3); k < o; k++ {
						b.WriteString(indent + step + pad + key() + ":")
						if r.IntN(4) == 0 {
							b.WriteString("\n" + indent + step + pad + one("", "  ") + "- " + value() + "\n")
						} else {
							b.WriteString(" " + value() + "\n")
						}
					}
				}
				if r.IntN(6) == 0 {
					b.WriteString(pick(yamlComments) + "\n")
				}
			}
		default:
			tail := ""
			if r.IntN(bad) == 0 {
				tail = one("\n  suite", " x", "\t")
			}
			b.WriteString(one(" ", " ", "  ") + value() + one("", "", " # fin", " ") + tail + "\n")
		}
		if r.IntN(5) == 0 {
			b.WriteString(pick(yamlComments) + "\n")
		}
	}
	return b.String()
}

// TestFastYAMLRandom compares the fast path with the library on front
// matters assembled from the shapes it reads and the ones it must refuse,
// which reach corners that byte-level fuzzing finds slowly. The generator
// is seeded, so a failure repeats.
func TestFastYAMLRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	accepted := 0
	for i := range n {
		src := randomYAML(r, 4+i%40)
		ok, err := FastYAMLAgrees(src)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			accepted++
		}
	}
	// Enough must be accepted for the comparison to mean something.
	if accepted < n/5 {
		t.Errorf("the fast path accepts %d of %d front matters, too few to compare", accepted, n)
	}
	t.Logf("accepted %d of %d", accepted, n)
}
