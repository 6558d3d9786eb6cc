package export

import (
	"bytes"
	"encoding/json"
	"errors"

	"frise/timeline/internal/jsonw"
)

// SchemaVersion is the version of the events.json schema (SCHEMA.md). It
// changes only when a field changes meaning or goes away.
const SchemaVersion = 1

type jsonSite struct {
	Version     int         `json:"version"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Language    string      `json:"language"`
	BaseURL     string      `json:"base_url"`
	Events      []jsonEvent `json:"events"`
}

type jsonEvent struct {
	Slug      string  `json:"slug"`
	URL       string  `json:"url"`
	Title     string  `json:"title"`
	Date      string  `json:"date"`
	DateFR    string  `json:"date_fr"`
	Start     *string `json:"start"`
	End       *string `json:"end"`
	Precision string  `json:"precision"`
	Certain   bool    `json:"certain"`
	Summary   string  `json:"summary"`
	Actors    []named `json:"actors"`
	Places    []named `json:"places"`
	Topics    []named `json:"topics"`
	Sources   []cited `json:"sources"`
	Status    string  `json:"status"`
}

// eventsJSON writes events.json, in the schema SCHEMA.md describes.
func (x *export) eventsJSON(b textWriter) error {
	doc := jsonSite{
		Version:     SchemaVersion,
		Title:       x.title,
		Description: x.desc,
		Language:    x.lang,
		BaseURL:     x.base,
		Events:      []jsonEvent{},
	}
	return x.writeJSONList(b, jsonFormat, doc, func(e *entry, buf []byte) []byte {
		je := jsonEvent{
			Slug:      e.Slug,
			URL:       e.Path,
			Title:     e.Title,
			Date:      e.Date,
			DateFR:    e.DateFR,
			Precision: e.Precise,
			Certain:   e.Certain,
			Summary:   e.Summary,
			Actors:    e.Actors,
			Places:    e.Places,
			Topics:    e.Topics,
			Sources:   e.Sources,
			Status:    e.Status,
		}
		if !e.OpenFrom {
			s := isoDay(e.Event.Date.First())
			je.Start = &s
		}
		if !e.OpenTo {
			s := isoDay(e.Event.Date.Last())
			je.End = &s
		}
		return je.appendJSON(buf)
	})
}

// appendJSON appends je as encoding/json writes it.
func (je *jsonEvent) appendJSON(b []byte) []byte {
	b = append(b, '{')
	b = jsonw.Field(b, true, "slug", je.Slug)
	b = jsonw.Field(b, false, "url", je.URL)
	b = jsonw.Field(b, false, "title", je.Title)
	b = jsonw.Field(b, false, "date", je.Date)
	b = jsonw.Field(b, false, "date_fr", je.DateFR)
	b = appendOptional(jsonw.Key(b, false, "start"), je.Start)
	b = appendOptional(jsonw.Key(b, false, "end"), je.End)
	b = jsonw.Field(b, false, "precision", je.Precision)
	b = jsonw.Bool(jsonw.Key(b, false, "certain"), je.Certain)
	b = jsonw.Field(b, false, "summary", je.Summary)
	b = appendNamed(jsonw.Key(b, false, "actors"), je.Actors)
	b = appendNamed(jsonw.Key(b, false, "places"), je.Places)
	b = appendNamed(jsonw.Key(b, false, "topics"), je.Topics)
	b = jsonw.Key(b, false, "sources")
	if je.Sources == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range je.Sources {
			c := &je.Sources[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			b = jsonw.Field(b, true, "id", c.ID)
			b = jsonw.Field(b, false, "title", c.Title)
			b = jsonw.Field(b, false, "url", c.URL)
			b = jsonw.Field(b, false, "quote", c.Quote)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = jsonw.Field(b, false, "status", je.Status)
	return append(b, '}')
}

// appendOptional appends the string s points to, or null.
func appendOptional(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return jsonw.String(b, *s)
}

// appendNamed appends a list of terms, or null for none at all.
func appendNamed(b []byte, list []named) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		b = jsonw.Field(b, true, "name", list[i].Name)
		b = jsonw.Field(b, false, "slug", list[i].Slug)
		b = append(b, '}')
	}
	return append(b, ']')
}

// writeJSONList writes doc, whose last field is an empty list, on one line,
// with an item appended by item for each event, one at a time: a list of a
// hundred thousand events is never held as values and as text at once.
// format names the export for the Memo. item writes what encoding/json
// would (see the tests), without its reflection over every event.
// <, > and & are escaped, as encoding/json does by default, so that the
// file is safe to inline in a page. There is no indentation, and no final
// newline: the files are meant for programs, and the site's writer would
// take both out again.
func (x *export) writeJSONList(b textWriter, format dataFormat, doc any, item func(e *entry, buf []byte) []byte) error {
	head, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	if !bytes.HasSuffix(head, []byte("[]}")) {
		return errors.New("the list must be the document's last field")
	}
	b.Write(head[:len(head)-2])
	var one []byte
	items := &itemWriter{format: format}
	for i := range x.entries {
		if i > 0 {
			b.WriteByte(',')
		}
		e := &x.entries[i]
		data, err := items.item(e, func(w textWriter) error {
			one = item(e, one[:0])
			w.Write(one)
			return nil
		})
		if err != nil {
			return err
		}
		b.Write(data)
	}
	b.WriteString("]}")
	return nil
}
