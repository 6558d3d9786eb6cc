package extract

import (
	"regexp"
	"strings"

	"frise/timeline/edtf"
)

// dateMatch is a temporal expression found in a text.
type dateMatch struct {
	Start, End int
	Text       string
	Value      edtf.Value
	Certain    bool
}

// findDates finds the dates of text, reading relative ones against ref.
func findDates(text string, ref edtf.Value) []dateMatch {
	return interimFind(text, ref)
}

// The interim reader below covers the forms of the seed articles; it gives
// way to the French date finder once that one is complete.

const monthAlt = `janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre`

var interimRE = regexp.MustCompile(`(?i)` +
	`(?P<range>entre (?P<rm1>` + monthAlt + `) et (?P<rm2>` + monthAlt + `) derniers)` +
	`|(?P<mrange>(?P<mm1>` + monthAlt + `)-(?P<mm2>` + monthAlt + `) (?P<my>\d{4}))` +
	`|(?P<yrange>\b(?P<y1>(?:19|20)\d\d) ?[-–/] ?(?P<y2>(?:19|20)\d\d)\b)` +
	`|(?P<day>\b(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) )?(?P<dd>\d{1,2})(?:er)? (?P<dm>` + monthAlt + `)(?: (?P<dy>\d{4}))?\b)` +
	`|(?P<season>(?:l'|l’)(?P<sn>été|hiver|automne|printemps) (?P<sy>\d{4}))` +
	`|(?P<month>\b(?P<mo>` + monthAlt + `) (?:(?P<moy>\d{4})|(?P<last>dernier|dernière)))` +
	`|(?P<lastyear>l'année dernière|l’année dernière)` +
	`|(?P<endmonth>fin du mois)` +
	`|(?P<weekday>\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)` +
	`|(?P<year>\b(?:19[5-9]\d|20[0-4]\d)\b)`)

func interimFind(text string, ref edtf.Value) []dateMatch {
	var out []dateMatch
	names := interimRE.SubexpNames()
	refYear, refMonth := 0, 0
	if !ref.IsZero() && ref.Start.UnspecifiedYear == 0 {
		refYear, refMonth = ref.Start.Year, ref.Start.Month
		if refMonth > 12 {
			refMonth = 0
		}
	}
	for _, m := range interimRE.FindAllStringSubmatchIndex(text, -1) {
		g := map[string]string{}
		for i, n := range names {
			if n != "" && m[2*i] >= 0 {
				g[n] = text[m[2*i]:m[2*i+1]]
			}
		}
		var v edtf.Value
		ok := true
		switch {
		case g["range"] != "":
			y := refYear
			if y == 0 {
				ok = false
				break
			}
			a, b := monthOf(g["rm1"]), monthOf(g["rm2"])
			if refMonth != 0 && b >= refMonth {
				y--
			}
			v = edtf.Between(edtf.Month(y, a), edtf.Month(y, b))
		case g["mrange"] != "":
			y := atoi(g["my"])
			v = edtf.Between(edtf.Month(y, monthOf(g["mm1"])), edtf.Month(y, monthOf(g["mm2"])))
		case g["yrange"] != "":
			a, b := atoi(g["y1"]), atoi(g["y2"])
			if b <= a {
				ok = false
				break
			}
			v = edtf.Between(edtf.Year(a), edtf.Year(b))
		case g["day"] != "":
			y := atoi(g["dy"])
			if y == 0 {
				y = refYear
			}
			if y == 0 {
				ok = false
				break
			}
			v = edtf.Single(edtf.Day(y, monthOf(g["dm"]), atoi(g["dd"])))
		case g["season"] != "":
			s := map[string]int{"printemps": 21, "été": 22, "automne": 23, "hiver": 24}[strings.ToLower(g["sn"])]
			v = edtf.Single(edtf.Month(atoi(g["sy"]), s))
		case g["month"] != "":
			mo := monthOf(g["mo"])
			if g["moy"] != "" {
				v = edtf.Single(edtf.Month(atoi(g["moy"]), mo))
				break
			}
			if refYear == 0 {
				ok = false
				break
			}
			y := refYear
			if refMonth == 0 || mo >= refMonth {
				y--
			}
			v = edtf.Single(edtf.Month(y, mo))
		case g["lastyear"] != "":
			if refYear == 0 {
				ok = false
				break
			}
			v = edtf.Single(edtf.Year(refYear - 1))
		case g["endmonth"] != "":
			if refMonth == 0 {
				ok = false
				break
			}
			v = edtf.Single(edtf.Month(refYear, refMonth))
		case g["weekday"] != "":
			if refYear == 0 {
				ok = false
				break
			}
			v = ref
			if ref.Start.Precision() == edtf.PrecisionDay {
				// The weekday before the reference day.
				t := ref.Start.First()
				want := weekdayOf(g["weekday"])
				for i := 1; i <= 7; i++ {
					d := t.AddDate(0, 0, -i)
					if int(d.Weekday()) == want {
						v = edtf.Single(edtf.FromTime(d))
						break
					}
				}
			}
		case g["year"] != "":
			v = edtf.Single(edtf.Year(atoi(g["year"])))
		}
		if !ok || v.IsZero() {
			continue
		}
		out = append(out, dateMatch{Start: m[0], End: m[1], Text: text[m[0]:m[1]], Value: v, Certain: g["weekday"] == ""})
	}
	return out
}

func monthOf(s string) int {
	s = strings.ToLower(s)
	for i, m := range edtf.MonthsFR {
		if i > 0 && (s == m || s == strings.NewReplacer("é", "e", "û", "u").Replace(m)) {
			return i
		}
	}
	return 1
}

func weekdayOf(s string) int {
	return map[string]int{"dimanche": 0, "lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6}[strings.ToLower(s)]
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c >= '0' && c <= '9' {
			n = n*10 + int(c-'0')
		}
	}
	return n
}
