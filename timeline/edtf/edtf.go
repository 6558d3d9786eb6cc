// Package edtf reads, compares and writes out imprecise dates in the
// Extended Date/Time Format (EDTF, ISO 8601-2), levels 0 and 1, at day
// precision or coarser.
//
// The accepted forms are:
//
//	2015                 a year (a leading minus for years before year 0)
//	2015-11              a month
//	2024-10-29           a day
//	2024-21 … 2024-24    a season: spring, summer, autumn, winter
//	201X, 2004-XX,       unspecified digits: the decade 2010–2019, some month
//	1985-04-XX           of 2004, some day of April 1985
//	2018~  2022-03-07?   approximate (~), uncertain (?), or both (%), after
//	2024%                any single date
//	2021/2022            an interval; each side any of the forms above
//	2024-10/..  ../2024  an interval open at one end (ongoing, or since always)
//	2024-10/  /2024      an interval with an unknown end
//
// Seasons follow the meteorological convention of the northern hemisphere,
// where the reporting comes from: spring is March to May, summer June to
// August, autumn September to November, and winter December of the year to
// February of the next.
//
// A Value covers a range of days, given by First and Last; values sort by
// their first day, a coarser value before a finer one starting on the same
// day (Compare).
package edtf

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Qualifier says how sure a date is: Uncertain (?), Approximate (~), or both (%).
type Qualifier uint8

// The qualifiers; Uncertain|Approximate is written %.
const (
	Uncertain Qualifier = 1 << iota
	Approximate
)

// Seasons, as EDTF numbers them in the month position.
const (
	Spring = 21
	Summer = 22
	Autumn = 23
	Winter = 24
)

// Precision is how finely a Date is known.
type Precision uint8

// The precisions, from coarsest to finest.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionSeason
	PrecisionMonth
	PrecisionDay
)

// Date is one EDTF date: a year, optionally a month or a season, optionally a day.
type Date struct {
	Year  int // the year; with UnspecifiedYear digits unknown, the lowest year it may be
	Month int // 1 to 12, a season 21 to 24, or 0 when only the year is known
	Day   int // 1 to 31, or 0 when unknown

	// UnspecifiedYear is how many trailing digits of the year are X (201X: 1).
	UnspecifiedYear int
	// UnspecifiedMonth and UnspecifiedDay mark XX in those places.
	UnspecifiedMonth bool
	UnspecifiedDay   bool

	Qualifier Qualifier
}

// Kind says what each end of an interval is.
type Kind uint8

// The kinds of interval end.
const (
	Known   Kind = iota // a date
	Open                // "..": without bound (still going on, or since always)
	Unknown             // empty: there is an end, but it is not known
)

// Value is an EDTF value: a single date, or an interval between two.
type Value struct {
	Start Date
	End   Date // for an interval only

	Interval bool
	// StartKind and EndKind say, for an interval, whether each end is a date.
	StartKind, EndKind Kind
}

// Year returns the Date of a whole year.
func Year(y int) Date { return Date{Year: y} }

// Month returns the Date of a month (1–12) or a season (21–24).
func Month(y, m int) Date { return Date{Year: y, Month: m} }

// Day returns the Date of a single day.
func Day(y, m, d int) Date { return Date{Year: y, Month: m, Day: d} }

// FromTime returns the day of t.
func FromTime(t time.Time) Date { return Day(t.Year(), int(t.Month()), t.Day()) }

// Single returns the Value of one date.
func Single(d Date) Value { return Value{Start: d} }

// Between returns the interval from a to b.
func Between(a, b Date) Value {
	return Value{Start: a, End: b, Interval: true}
}

// Since returns the interval that starts at d and is still going on.
func Since(d Date) Value {
	return Value{Start: d, Interval: true, EndKind: Open}
}

// Until returns the interval that ends at d and has no start.
func Until(d Date) Value {
	return Value{End: d, Interval: true, StartKind: Open}
}

// With returns d with the qualifier q added.
func (d Date) With(q Qualifier) Date {
	d.Qualifier |= q
	return d
}

// Precision says how finely d is known; unspecified digits count as unknown.
func (d Date) Precision() Precision {
	switch {
	case d.Day != 0 && !d.UnspecifiedDay:
		return PrecisionDay
	case d.Month >= 21 && !d.UnspecifiedMonth:
		return PrecisionSeason
	case d.Month != 0 && !d.UnspecifiedMonth:
		return PrecisionMonth
	case d.UnspecifiedYear == 0:
		return PrecisionYear
	}
	return PrecisionNone
}

// IsSeason reports whether d is a season of a year.
func (d Date) IsSeason() bool { return d.Month >= Spring && d.Month <= Winter }

// First returns the first day d may be.
func (d Date) First() time.Time {
	y := d.Year
	switch {
	case d.UnspecifiedMonth || d.Month == 0:
		return date(y, 1, 1)
	case d.IsSeason():
		return date(y, 3*(d.Month-Spring)+3, 1)
	case d.UnspecifiedDay || d.Day == 0:
		return date(y, d.Month, 1)
	}
	return date(y, d.Month, d.Day)
}

// Last returns the last day d may be.
func (d Date) Last() time.Time {
	y := d.Year
	switch {
	case d.UnspecifiedYear > 0:
		return date(y+pow10(d.UnspecifiedYear), 1, 0)
	case d.UnspecifiedMonth || d.Month == 0:
		return date(y, 12, 31)
	case d.IsSeason():
		return date(y, 3*(d.Month-Spring)+6, 0)
	case d.UnspecifiedDay || d.Day == 0:
		return date(y, d.Month+1, 0)
	}
	return date(y, d.Month, d.Day)
}

// date is time.Date at midnight UTC; day 0 is the last day of the month before.
func date(y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// IsZero reports whether v is the zero Value, which is not a valid date.
func (v Value) IsZero() bool { return v == Value{} }

// Dates returns the known dates of v: one for a single date, up to two for an interval.
func (v Value) Dates() []Date {
	if !v.Interval {
		return []Date{v.Start}
	}
	var ds []Date
	if v.StartKind == Known {
		ds = append(ds, v.Start)
	}
	if v.EndKind == Known {
		ds = append(ds, v.End)
	}
	return ds
}

// First returns the first day v covers. An interval with no known start
// begins on its end's first day.
func (v Value) First() time.Time {
	if v.Interval && v.StartKind != Known {
		return v.End.First()
	}
	return v.Start.First()
}

// Last returns the last day v covers. An interval with no known end
// finishes on its start's last day.
func (v Value) Last() time.Time {
	switch {
	case !v.Interval:
		return v.Start.Last()
	case v.EndKind != Known:
		return v.Start.Last()
	}
	return v.End.Last()
}

// Precision is the precision of v's coarsest known date.
func (v Value) Precision() Precision {
	p := PrecisionDay
	for _, d := range v.Dates() {
		p = min(p, d.Precision())
	}
	return p
}

// Certain reports whether no date of v is uncertain or approximate.
func (v Value) Certain() bool {
	for _, d := range v.Dates() {
		if d.Qualifier != 0 {
			return false
		}
	}
	return true
}

// Contains reports whether every day of w lies within v.
func (v Value) Contains(w Value) bool {
	if v.Interval && v.EndKind == Open {
		return !w.First().Before(v.First())
	}
	return !w.First().Before(v.First()) && !w.Last().After(v.Last())
}

// Compare orders values by their first day; on the same first day a
// coarser value (one that lasts longer) comes first; then by their text.
func Compare(a, b Value) int {
	if a == b { // most ties in a timeline: the same day, written alike
		return 0
	}
	if c := a.First().Compare(b.First()); c != 0 {
		return c
	}
	if c := openLast(b).Compare(openLast(a)); c != 0 {
		return c
	}
	return strings.Compare(a.String(), b.String())
}

// openLast is Last, with an interval still going on lasting for ever.
func openLast(v Value) time.Time {
	if v.Interval && v.EndKind == Open {
		return date(1<<20, 1, 1)
	}
	return v.Last()
}

// String returns v in EDTF.
func (v Value) String() string {
	if !v.Interval {
		return v.Start.String()
	}
	return v.end(v.StartKind, v.Start) + "/" + v.end(v.EndKind, v.End)
}

func (v Value) end(k Kind, d Date) string {
	switch k {
	case Open:
		return ".."
	case Unknown:
		return ""
	}
	return d.String()
}

// String returns d in EDTF.
func (d Date) String() string {
	var b strings.Builder
	b.Grow(12)
	b.WriteString(d.yearString())
	if d.Month != 0 || d.UnspecifiedMonth {
		var digits [3]byte
		if d.UnspecifiedMonth {
			b.WriteString("-XX")
		} else {
			b.Write(appendPadded(append(digits[:0], '-'), d.Month, 2))
		}
		if d.Day != 0 || d.UnspecifiedDay {
			if d.UnspecifiedDay {
				b.WriteString("-XX")
			} else {
				b.Write(appendPadded(append(digits[:0], '-'), d.Day, 2))
			}
		}
	}
	switch d.Qualifier {
	case Uncertain:
		b.WriteByte('?')
	case Approximate:
		b.WriteByte('~')
	case Uncertain | Approximate:
		b.WriteByte('%')
	}
	return b.String()
}

// yearString writes d's year in EDTF, with its unspecified digits.
func (d Date) yearString() string {
	y, sign := d.Year, ""
	if y < 0 {
		y, sign = -y, "-"
	}
	var digits [20]byte
	ys := string(appendPadded(digits[:0], y, 4))
	if n := d.UnspecifiedYear; n > 0 && n <= len(ys) {
		ys = ys[:len(ys)-n] + strings.Repeat("X", n)
	}
	return sign + ys
}

// AppendYMD appends the calendar date y-m-d as ISO 8601 writes it: the
// year in four digits at least, after a minus sign when it is negative,
// then the month and the day in two digits each, the day left out when d
// is 0, and both when m is 0. It is what fmt's "%04d-%02d-%02d" writes,
// without fmt.
func AppendYMD(b []byte, y, m, d int) []byte {
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	b = appendPadded(b, y, 4)
	if m == 0 {
		return b
	}
	b = appendPadded(append(b, '-'), m, 2)
	if d == 0 {
		return b
	}
	return appendPadded(append(b, '-'), d, 2)
}

// appendPadded appends n, not negative, in at least width digits.
func appendPadded(b []byte, n, width int) []byte {
	var digits [20]byte
	i := len(digits)
	for n >= 10 || width > 1 {
		i--
		digits[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	i--
	digits[i] = byte('0' + n)
	return append(b, digits[i:]...)
}

// MarshalText writes v in EDTF.
func (v Value) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText reads v from EDTF.
func (v *Value) UnmarshalText(b []byte) error {
	w, err := Parse(string(b))
	if err != nil {
		return err
	}
	*v = w
	return nil
}

// Error is a value that is not EDTF: what is wrong, and an example of how to write it.
type Error struct {
	Input string
	Msg   string // what is wrong, in lower case, without the input
	Hint  string // how to write it instead
}

func (e *Error) Error() string {
	return fmt.Sprintf("date %q %s", e.Input, e.Msg)
}

// Parse reads an EDTF value (see the package comment for the forms).
func Parse(s string) (Value, error) {
	fail := func(msg, hint string) (Value, error) {
		return Value{}, &Error{Input: s, Msg: msg, Hint: hint}
	}
	if s == "" {
		return fail("is empty", "write a year, a month or a day, e.g. 2024, 2024-10 or 2024-10-29")
	}
	if s != strings.TrimSpace(s) {
		return fail("has spaces around it", "remove them, e.g. 2024-10")
	}
	a, b, isInterval := strings.Cut(s, "/")
	if !isInterval {
		d, err := parseDate(a)
		if err != nil {
			err.Input = s
			return Value{}, err
		}
		return Value{Start: d}, nil
	}
	if strings.Contains(b, "/") {
		return fail("has more than one /", "an interval has two ends, e.g. 2021/2022")
	}
	v := Value{Interval: true}
	for _, side := range []struct {
		text string
		kind *Kind
		date *Date
	}{{a, &v.StartKind, &v.Start}, {b, &v.EndKind, &v.End}} {
		switch side.text {
		case "..":
			*side.kind = Open
		case "":
			*side.kind = Unknown
		default:
			d, err := parseDate(side.text)
			if err != nil {
				err.Input = s
				return Value{}, err
			}
			*side.date = d
		}
	}
	if v.StartKind != Known && v.EndKind != Known {
		return fail("has no known end", "give at least one date, e.g. 2024-10/..")
	}
	if v.StartKind == Known && v.EndKind == Known && v.End.Last().Before(v.Start.First()) {
		return fail("ends before it starts", "put the earlier date first, e.g. "+v.End.String()+"/"+v.Start.String())
	}
	return v, nil
}

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// parseDate reads one date of an interval, with its qualifier.
func parseDate(s string) (Date, *Error) {
	fail := func(msg, hint string) (Date, *Error) {
		return Date{}, &Error{Msg: msg, Hint: hint}
	}
	var d Date
	switch {
	case strings.HasSuffix(s, "?"):
		d.Qualifier = Uncertain
	case strings.HasSuffix(s, "~"):
		d.Qualifier = Approximate
	case strings.HasSuffix(s, "%"):
		d.Qualifier = Uncertain | Approximate
	}
	if d.Qualifier != 0 {
		s = s[:len(s)-1]
	}
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return fail("has too many parts", "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-10-29")
	}
	ys := parts[0]
	if len(ys) != 4 {
		return fail("needs a year of four digits", "write the year in full, e.g. 2024 or 0987")
	}
	for i := len(ys) - 1; i >= 0 && ys[i] == 'X'; i-- {
		d.UnspecifiedYear++
	}
	y, ok := digits(strings.ReplaceAll(ys, "X", "0"))
	if !ok || strings.Contains(ys[:4-d.UnspecifiedYear], "X") {
		return fail("has a year that is not a number", "write the year in four digits, e.g. 2024, or 201X for the 2010s")
	}
	if neg {
		if d.UnspecifiedYear > 0 {
			return fail("has unknown digits in a year before 0", "give the year in full, e.g. -0043")
		}
		if y == 0 {
			return fail("has a year minus zero", "write the year 0 as 0000")
		}
		y = -y
	}
	d.Year = y
	if len(parts) >= 2 {
		if d.UnspecifiedYear > 0 {
			return fail("has a month in a year that is not known", "give only the year, e.g. 201X")
		}
		ms := parts[1]
		if len(ms) != 2 {
			return fail("needs a month of two digits", "write the month as 01 to 12, e.g. 2024-03")
		}
		if ms == "XX" {
			d.UnspecifiedMonth = true
		} else {
			m, ok := digits(ms)
			if !ok {
				return fail("has a month that is not a number", "write the month as 01 to 12, e.g. 2024-03")
			}
			if (m < 1 || m > 12) && (m < Spring || m > Winter) {
				return fail(fmt.Sprintf("has no month %s", ms),
					"write the month as 01 to 12, or a season as 21 (spring) to 24 (winter), e.g. 2024-10")
			}
			d.Month = m
		}
	}
	if len(parts) == 3 {
		ds := parts[2]
		if d.IsSeason() {
			return fail("has a day in a season", "give the season alone, e.g. 2024-22, or the month and day, e.g. 2024-07-14")
		}
		if len(ds) != 2 {
			return fail("needs a day of two digits", "write the day as 01 to 31, e.g. 2024-03-07")
		}
		if ds == "XX" {
			d.UnspecifiedDay = true
		} else {
			if d.UnspecifiedMonth {
				return fail("has a day in a month that is not known", "write 2004-XX-XX, or give the month")
			}
			day, ok := digits(ds)
			if !ok {
				return fail("has a day that is not a number", "write the day as 01 to 31, e.g. 2024-03-07")
			}
			if last := date(y, d.Month+1, 0).Day(); day < 1 || day > last {
				return fail(fmt.Sprintf("has no day %s: %s %d has %d days", ds, monthNames[d.Month], y, last),
					fmt.Sprintf("write a day from 01 to %d, e.g. %04d-%02d-%02d", last, y, d.Month, last))
			}
			d.Day = day
		}
	}
	return d, nil
}

// digits reads a string of ASCII digits.
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}
