package export

import (
	"strings"
	"unicode/utf8"
)

// ics writes events.ics: an iCalendar object (RFC 5545) with an all-day
// VEVENT per event, spanning every day its date covers: a month is a span
// of the month's days, a year of the year's. An interval open at one end
// covers its known end only. Events outside the years 1 to 9999, which
// iCalendar cannot write, are left out.
//
// UIDs are name-based UUIDs (as RFC 7986 advises) derived from the site's
// address and the event's slug; DTSTAMP is derived from the content.
func (x *export) ics(b textWriter) error {
	line := func(name, value string) { icsLine(b, name, value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//Frise//Frise//FR")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("NAME", icsText(x.title))
	line("X-WR-CALNAME", icsText(x.title))
	if x.desc != "" {
		line("DESCRIPTION", icsText(x.desc))
	}
	items := &itemWriter{format: icsFormat}
	for i := range x.entries {
		e := &x.entries[i]
		data, err := items.item(e, func(w textWriter) error {
			x.icsEvent(w, e)
			return nil
		})
		if err != nil {
			return err
		}
		b.Write(data)
	}
	line("END", "VCALENDAR")
	return nil
}

// description is an event in plain text: its date in French, its summary,
// its sources and the address of its page.
func (x *export) description(e *entry) string {
	page := x.link(e.Path)
	size := len(e.DateFR) + len(e.Summary) + len(page) + 16
	for _, s := range e.Sources {
		size += len(s.Title) + len(s.Quote) + len(s.URL) + 24
	}
	var b strings.Builder
	b.Grow(size)
	b.WriteString(e.DateFR)
	if e.Summary != "" {
		b.WriteString("\n\n")
		b.WriteString(e.Summary)
	}
	if len(e.Sources) > 0 {
		b.WriteString("\n\nSources :")
		for _, s := range e.Sources {
			b.WriteString("\n- ")
			if s.Title != "" {
				b.WriteString(s.Title)
				b.WriteString(" : ")
			}
			b.WriteString("« ")
			b.WriteString(s.Quote)
			b.WriteString(" »")
			if s.URL != "" {
				b.WriteByte(' ')
				b.WriteString(s.URL)
			}
		}
	}
	b.WriteString("\n\n")
	b.WriteString(page)
	return b.String()
}

// icsText escapes s as an iCalendar TEXT value (RFC 5545, 3.3.11):
// backslash, semicolon and comma are escaped, a line break becomes \n,
// and other control characters, which TEXT may not hold, are dropped.
func icsText(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	// ValidString reads ASCII eight bytes at a time, where ToValidUTF8
	// decodes every rune to find that it has nothing to replace.
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	// Every byte to change is ASCII: the runs between them are copied as
	// they are, and s itself is returned when there are none.
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if icsPlain[c] {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		switch {
		case c == '\\' || c == ';' || c == ',':
			b.WriteByte('\\')
			written = i // the byte itself follows
		case c == '\n' || c == '\r':
			b.WriteString(`\n`)
			written = i + 1
		default:
			// not allowed in TEXT
			written = i + 1
		}
	}
	if written == 0 && b.Len() == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// icsPlain marks the bytes icsText copies as they are: every byte but
// backslash, semicolon, comma and the control characters, tab aside.
var icsPlain = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= 0x20 && c != 0x7f && c != '\\' && c != ';' && c != ',' || c == '\t'
	}
	return t
}()

// icsLine writes a content line, folded so that no line is longer than 75
// octets, never inside a UTF-8 sequence, and ended by CRLF.
func icsLine(b textWriter, name, value string) {
	// The name and its colon, ASCII and short, start the first line.
	b.WriteString(name)
	b.WriteByte(':')
	s := value
	limit := 75 - len(name) - 1
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}

// icsEvent writes e as a VEVENT.
func (x *export) icsEvent(b textWriter, e *entry) {
	line := func(name, value string) { icsLine(b, name, value) }
	first, last := e.Event.Date.First(), e.Event.Date.Last()
	if first.Year() < 1 || last.Year() > 9998 {
		return // outside what iCalendar can write
	}
	end := last.AddDate(0, 0, 1) // DTEND is exclusive
	line("BEGIN", "VEVENT")
	line("UID", x.eventUUID(e))
	line("DTSTAMP", clampYear(e.Updated).Format("20060102T150405Z"))
	line("DTSTART;VALUE=DATE", first.Format("20060102"))
	if !end.Equal(first.AddDate(0, 0, 1)) { // more than one day
		line("DTEND;VALUE=DATE", end.Format("20060102"))
	}
	line("SUMMARY", icsText(e.Title))
	line("DESCRIPTION", icsText(x.description(e)))
	if x.base != "" {
		line("URL;VALUE=URI", x.link(e.Path))
	}
	if len(e.Topics) > 0 {
		cats := make([]string, len(e.Topics))
		for i, t := range e.Topics {
			cats[i] = icsText(t.Name)
		}
		line("CATEGORIES", strings.Join(cats, ","))
	}
	if e.Certain {
		line("STATUS", "CONFIRMED")
	} else {
		line("STATUS", "TENTATIVE")
	}
	line("TRANSP", "TRANSPARENT")
	line("END", "VEVENT")
}
