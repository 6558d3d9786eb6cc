package export

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// csvHeader names the columns of events.csv.
var csvHeader = []string{"slug", "date", "date_fr", "start", "end", "title", "summary",
	"actors", "places", "topics", "sources", "url"}

// csv writes events.csv: RFC 4180 (comma-separated, CRLF line ends,
// quoted where needed), UTF-8 with no byte order mark, one row per event
// after the header. Lists (actors, places, topics, sources) are joined by
// "; "; sources are given by id. A cell that a spreadsheet would read as
// a formula gets a leading apostrophe (see csvCell).
func (x *export) csv(b textWriter) error {
	// Each row is written into rows, then copied: a row is then one item,
	// as the Memo remembers it.
	var rows bytes.Buffer
	w := csv.NewWriter(&rows)
	w.UseCRLF = true
	if err := w.Write(csvHeader); err != nil {
		return err
	}
	w.Flush()
	b.Write(rows.Bytes())
	rows.Reset()
	row := make([]string, len(csvHeader))
	items := &itemWriter{format: csvFormat}
	for i := range x.entries {
		e := &x.entries[i]
		data, err := items.item(e, func(out textWriter) error {
			v := e.Event.Date
			start, end := "", ""
			if !e.OpenFrom {
				start = isoDay(v.First())
			}
			if !e.OpenTo {
				end = isoDay(v.Last())
			}
			ids := make([]string, len(e.Sources))
			for i, s := range e.Sources {
				ids[i] = s.ID
			}
			copy(row, []string{e.Slug, e.Date, e.DateFR, start, end, e.Title, e.Summary,
				joinNames(e.Actors), joinNames(e.Places), joinNames(e.Topics),
				strings.Join(ids, "; "), x.link(e.Path)})
			for i := range row {
				row[i] = csvCell(row[i])
			}
			if err := w.Write(row); err != nil {
				return err
			}
			w.Flush()
			out.Write(rows.Bytes())
			rows.Reset()
			return w.Error()
		})
		if err != nil {
			return err
		}
		b.Write(data)
	}
	return nil
}

func joinNames(ns []named) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = n.Name
	}
	return strings.Join(s, "; ")
}

// csvCell defuses formula injection: spreadsheets run a cell that starts
// with =, +, -, @, a tab or a carriage return (after any spaces) as a
// formula, so such a cell gets a leading apostrophe, which they show as
// text. A date before year 0 such as -0043 is protected the same way.
func csvCell(s string) string {
	t := strings.TrimLeft(s, " ")
	if t != "" && strings.ContainsRune("=+-@\t\r", rune(t[0])) {
		return "'" + s
	}
	return s
}
