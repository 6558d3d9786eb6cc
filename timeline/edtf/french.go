package edtf

import (
	"strconv"
	"strings"
)

// MonthsFR are the French month names, lower case, indexed from 1.
var MonthsFR = [...]string{"", "janvier", "février", "mars", "avril", "mai", "juin",
	"juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// SeasonsFR are the French season names, indexed from Spring (21).
var SeasonsFR = map[int]string{Spring: "printemps", Summer: "été", Autumn: "automne", Winter: "hiver"}

// French writes v in French at exactly the precision it is known:
// "2015", "novembre 2015", "29 octobre 2024", "2021 – 2022",
// "janvier – février 2025", "été 2024", "vers 2018", "7 mars 2022 (?)",
// "depuis octobre 2024".
func (v Value) French() string {
	if !v.Interval {
		return v.Start.french(true)
	}
	switch {
	case v.StartKind == Open:
		return "jusqu’à " + v.End.french(true)
	case v.EndKind == Open:
		return "depuis " + v.Start.french(true)
	case v.StartKind == Unknown:
		return "? – " + v.End.french(true)
	case v.EndKind == Unknown:
		return v.Start.french(true) + " – ?"
	}
	a, b := v.Start, v.End
	// Leave out of the start what the end repeats: "13 – 18 juillet 2024".
	sameYear := a.Year == b.Year && a.UnspecifiedYear == 0 && b.UnspecifiedYear == 0 && a.Qualifier == 0
	plainMonths := a.Month >= 1 && a.Month <= 12 && b.Month >= 1 && b.Month <= 12 && !a.UnspecifiedMonth && !b.UnspecifiedMonth
	switch {
	case sameYear && plainMonths && a.Month == b.Month && a.Day != 0 && b.Day != 0 && !a.UnspecifiedDay && !b.UnspecifiedDay:
		return dayFR(a.Day) + " – " + b.french(true)
	case sameYear && a.Precision() == b.Precision() && a.Precision() >= PrecisionSeason:
		return a.french(false) + " – " + b.french(true)
	}
	return a.french(true) + " – " + b.french(true)
}

// French writes d in French, as Value.French does.
func (d Date) French() string { return d.french(true) }

func (d Date) french(withYear bool) string {
	var parts []string
	if !d.UnspecifiedDay && d.Day != 0 {
		parts = append(parts, dayFR(d.Day))
	}
	switch {
	case d.UnspecifiedMonth || d.Month == 0:
	case d.IsSeason():
		parts = append(parts, SeasonsFR[d.Month])
	default:
		parts = append(parts, MonthsFR[d.Month])
	}
	if withYear {
		parts = append(parts, yearFR(d))
	}
	s := strings.Join(parts, " ")
	if d.Qualifier&Approximate != 0 {
		s = "vers " + s
	}
	if d.Qualifier&Uncertain != 0 {
		s += " (?)"
	}
	return s
}

func dayFR(d int) string {
	if d == 1 {
		return "1er"
	}
	return strconv.Itoa(d)
}

func yearFR(d Date) string {
	y := d.Year
	switch {
	case d.UnspecifiedYear == 1:
		return "années " + strconv.Itoa(y)
	case d.UnspecifiedYear > 1:
		return d.yearString()
	case y <= 0:
		// EDTF counts a year 0; French prose counts 1 av. J.-C. as the year before 1.
		return strconv.Itoa(1-y) + " av. J.-C."
	}
	return strconv.Itoa(y)
}
