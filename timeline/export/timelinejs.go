package export

import (
	"html"
	"strconv"
	"strings"
	"time"

	"frise/timeline/edtf"
	"frise/timeline/internal/jsonw"
)

// TimelineJS3 reads a JSON object with a title slide and a list of event
// slides (https://timeline.knightlab.com/docs/json-format.html). Its
// headlines and texts are HTML, so every text is HTML-escaped before it is
// JSON-encoded, and autolinking is off so that no text turns into a link.

type tlDoc struct {
	Title  tlSlide   `json:"title"`
	Events []tlSlide `json:"events"`
}

type tlSlide struct {
	StartDate   *tlDate `json:"start_date,omitempty"`
	EndDate     *tlDate `json:"end_date,omitempty"`
	DisplayDate string  `json:"display_date,omitempty"`
	Text        tlText  `json:"text"`
	Group       string  `json:"group,omitempty"`
	UniqueID    string  `json:"unique_id,omitempty"`
	Autolink    *bool   `json:"autolink,omitempty"`
}

// tlDate holds only the parts of a date that are known: a month only at
// month precision or finer, a day only at day precision.
type tlDate struct {
	Year  string `json:"year"`
	Month string `json:"month,omitempty"`
	Day   string `json:"day,omitempty"`
}

type tlText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// timelineJS writes timelinejs.json.
func (x *export) timelineJS(b textWriter) error {
	no := false
	doc := tlDoc{
		Title:  tlSlide{Text: tlText{Headline: html.EscapeString(x.title), Text: html.EscapeString(x.desc)}},
		Events: []tlSlide{},
	}
	return x.writeJSONList(b, timelineJSFormat, doc, func(e *entry, buf []byte) []byte {
		start, end := tlSpan(e.Event.Date)
		s := tlSlide{
			StartDate:   &start,
			EndDate:     end,
			DisplayDate: html.EscapeString(e.DateFR),
			Text:        tlText{Headline: html.EscapeString(e.Title), Text: x.slideHTML(e)},
			UniqueID:    e.Slug,
			Autolink:    &no,
		}
		if len(e.Topics) > 0 {
			s.Group = html.EscapeString(e.Topics[0].Name)
		}
		return s.appendJSON(buf)
	})
}

// appendJSON appends s as encoding/json writes it.
func (s *tlSlide) appendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	if s.StartDate != nil {
		b = s.StartDate.appendJSON(jsonw.Key(b, first, "start_date"))
		first = false
	}
	if s.EndDate != nil {
		b = s.EndDate.appendJSON(jsonw.Key(b, first, "end_date"))
		first = false
	}
	if s.DisplayDate != "" {
		b = jsonw.Field(b, first, "display_date", s.DisplayDate)
		first = false
	}
	b = append(jsonw.Key(b, first, "text"), '{')
	b = jsonw.Field(b, true, "headline", s.Text.Headline)
	b = jsonw.Field(b, false, "text", s.Text.Text)
	b = append(b, '}')
	if s.Group != "" {
		b = jsonw.Field(b, false, "group", s.Group)
	}
	if s.UniqueID != "" {
		b = jsonw.Field(b, false, "unique_id", s.UniqueID)
	}
	if s.Autolink != nil {
		b = jsonw.Bool(jsonw.Key(b, false, "autolink"), *s.Autolink)
	}
	return append(b, '}')
}

// appendJSON appends d as encoding/json writes it.
func (d *tlDate) appendJSON(b []byte) []byte {
	b = append(b, '{')
	b = jsonw.Field(b, true, "year", d.Year)
	if d.Month != "" {
		b = jsonw.Field(b, false, "month", d.Month)
	}
	if d.Day != "" {
		b = jsonw.Field(b, false, "day", d.Day)
	}
	return append(b, '}')
}

// slideHTML is a slide's text: the summary and a link to the event's page.
func (x *export) slideHTML(e *entry) string {
	var b strings.Builder
	if e.Summary != "" {
		b.WriteString("<p>" + html.EscapeString(e.Summary) + "</p>")
	}
	b.WriteString(`<p><a href="` + html.EscapeString(x.link(e.Path)) + `">Sources et détails</a></p>`)
	return b.String()
}

// tlSpan returns the start and, when it differs, the end of v at the
// precision each is known. TimelineJS has no seasons, so a season spans
// its months, and a decade such as 201X its years.
func tlSpan(v edtf.Value) (tlDate, *tlDate) {
	var from, to edtf.Date
	switch {
	case !v.Interval:
		from, to = v.Start, v.Start
	case v.StartKind != edtf.Known:
		from, to = v.End, v.End
	case v.EndKind != edtf.Known:
		from, to = v.Start, v.Start
	default:
		from, to = v.Start, v.End
	}
	start := tlFirst(from)
	end := tlLast(to)
	if end == start {
		return start, nil
	}
	return start, &end
}

// tlFirst is the first day of d, written at d's precision.
func tlFirst(d edtf.Date) tlDate { return tlAt(d.First(), d.Precision()) }

// tlLast is the last day of d, written at d's precision.
func tlLast(d edtf.Date) tlDate { return tlAt(d.Last(), d.Precision()) }

func tlAt(t time.Time, p edtf.Precision) tlDate {
	d := tlDate{Year: strconv.Itoa(t.Year())}
	if p >= edtf.PrecisionSeason {
		d.Month = strconv.Itoa(int(t.Month()))
	}
	if p == edtf.PrecisionDay {
		d.Day = strconv.Itoa(t.Day())
	}
	return d
}
