package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"

	"frise/timeline/edtf"
)

// ParseDate reads an event's date: EDTF, or for an editor's convenience a
// full date in another common form ("7 mars 2024", "07/03/2024" read day
// first, "March 7, 2024", RFC 3339). loose reports that the value was not
// written in EDTF, so the caller can say which EDTF value it read.
func ParseDate(s string) (v edtf.Value, loose bool, err error) {
	s = strings.TrimSpace(s)
	v, err = edtf.Parse(s)
	if err == nil {
		return v, false, nil
	}
	if d, ok := frenchDay(s); ok {
		return edtf.Single(d), true, nil
	}
	if looksLikeFullDate(s) {
		if t, perr := dateparse.ParseIn(s, time.UTC, dateparse.PreferMonthFirst(false)); perr == nil {
			return edtf.Single(edtf.FromTime(t)), true, nil
		}
	}
	return edtf.Value{}, false, err
}

var frenchDayRe = regexp.MustCompile(`^(?i)(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(1er|\d{1,2})\s+([\p{L}.]+)\s+(\d{4})$`)

// frenchDay reads "7 mars 2024" and "1er octobre 2024", with or without a weekday.
func frenchDay(s string) (edtf.Date, bool) {
	m := frenchDayRe.FindStringSubmatch(s)
	if m == nil {
		return edtf.Date{}, false
	}
	day, _ := strconv.Atoi(strings.TrimSuffix(strings.ToLower(m[1]), "er"))
	month := MonthFR(m[2])
	year, _ := strconv.Atoi(m[3])
	if month == 0 || day < 1 || day > time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return edtf.Date{}, false
	}
	return edtf.Day(year, month, day), true
}

// MonthFR returns the number of a French month name, written in full or
// abbreviated, with or without accents, or 0.
func MonthFR(name string) int {
	n := strings.TrimSuffix(Fold(name), ".")
	for i, full := range edtf.MonthsFR {
		if i > 0 && Fold(full) == n {
			return i
		}
	}
	switch n {
	case "janv", "jan":
		return 1
	case "fev", "fevr":
		return 2
	case "avr":
		return 4
	case "juil":
		return 7
	case "sept", "sep":
		return 9
	case "oct":
		return 10
	case "nov":
		return 11
	case "dec":
		return 12
	}
	return 0
}

// looksLikeFullDate keeps dateparse to strings that name a day: it would
// otherwise read "2024-13" or "12" as something.
func looksLikeFullDate(s string) bool {
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 5 && len(s) <= 40
}

// dateHint is the hint for a date that does not read.
func dateHint(err error) string {
	if e, ok := err.(*edtf.Error); ok && e.Hint != "" {
		return e.Hint + "; a day may also be written 7 mars 2024"
	}
	return fmt.Sprintf("write an EDTF date such as 2024-10-29, 2024-10, 2024 or 2021/2022")
}
