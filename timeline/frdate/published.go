package frdate

import (
	"strings"

	"frise/timeline/edtf"
)

// Published finds a source's own publication date. In order it looks for
// a leading " date 2025-05" marker ("marker"); a byline such as "Publié
// dans L'opinion le 04 - 10 - 2024", "Publié le 11 juillet 2016" or "Mis à
// jour le 3 mars 2024" ("byline"; a publication date wins over an update);
// failing those it infers that the text was written some time after the
// latest absolute date it mentions ("inferred"), as the open interval
// from that date: "2024-22/.." for a text whose latest date is the summer
// of 2024. An article is rarely older than what it reports. Find, given
// such a reference, reads a month or weekday without a year as the first
// one after that date, and marks every relative reading not certain. ok is
// false when the text holds no date at all.
func Published(text string) (v edtf.Value, how string, ok bool) {
	if v, ok := marker(text); ok {
		return v, "marker", true
	}
	ms := Find(text, edtf.Value{})
	var updated *Match
	for k := range ms {
		m := &ms[k]
		if m.Value.Interval || m.Value.Precision() < edtf.PrecisionMonth {
			continue
		}
		switch byline(text[:m.Start]) {
		case 1:
			return m.Value, "byline", true
		case 2:
			if updated == nil {
				updated = m
			}
		}
	}
	if updated != nil {
		return updated.Value, "byline", true
	}
	var latest edtf.Value
	past := findPast(text, edtf.Value{})
	if len(past) == 0 {
		past = ms
	}
	for _, m := range past {
		if latest.IsZero() || m.Value.Last().After(latest.Last()) {
			latest = m.Value
		}
	}
	if latest.IsZero() {
		return edtf.Value{}, "", false
	}
	d, _ := endOf(latest)
	if latest.Interval && latest.EndKind != edtf.Known {
		d, _ = startOf(latest)
	}
	d.Qualifier = 0
	return edtf.Since(d), "inferred", true
}

// marker reads a leading " date 2025-05" line.
func marker(text string) (edtf.Value, bool) {
	s := strings.TrimLeft(text, " \t\r\n\ufeff")
	rest, ok := strings.CutPrefix(s, "date ")
	if !ok {
		rest, ok = strings.CutPrefix(s, "date:")
	}
	if !ok {
		return edtf.Value{}, false
	}
	rest = strings.TrimLeft(rest, " \t")
	end := strings.IndexAny(rest, " \t\r\n")
	if end < 0 {
		end = len(rest)
	}
	v, err := edtf.Parse(rest[:end])
	return v, err == nil
}

// byline says whether the words just before a date, on its line, introduce
// the publication (1) or an update (2) of the article.
func byline(before string) int {
	if k := strings.LastIndexByte(before, '\n'); k >= 0 {
		before = before[k+1:]
	}
	if len(before) > 120 {
		return 0
	}
	b := strings.ToLower(before)
	switch {
	case strings.Contains(b, "mis à jour") || strings.Contains(b, "mise à jour") || strings.Contains(b, "mis a jour") ||
		strings.Contains(b, "actualisé") || strings.Contains(b, "modifié"):
		return 2
	case strings.Contains(b, "publié") || strings.Contains(b, "publie") || strings.Contains(b, "paru") ||
		strings.Contains(b, "publication"):
		return 1
	}
	return 0
}
