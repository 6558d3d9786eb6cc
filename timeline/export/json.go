package export

import (
	"bytes"
	"encoding/json"
	"errors"
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
	return x.writeJSONList(b, jsonFormat, doc, func(e *entry) any {
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
		return je
	})
}

// writeJSONList writes doc, whose last field is an empty list, on one line,
// with an item made by item for each event, encoded one at a time: a list
// of a hundred thousand events is never held as values and as text at
// once. format names the export for the Memo.
// <, > and & are escaped, as encoding/json does by default, so that the
// file is safe to inline in a page. There is no indentation, and no final
// newline: the files are meant for programs, and the site's writer would
// take both out again.
func (x *export) writeJSONList(b textWriter, format dataFormat, doc any, item func(e *entry) any) error {
	head, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	if !bytes.HasSuffix(head, []byte("[]}")) {
		return errors.New("the list must be the document's last field")
	}
	b.Write(head[:len(head)-2])
	var one bytes.Buffer
	enc := json.NewEncoder(&one)
	items := &itemWriter{format: format}
	for i := range x.entries {
		if i > 0 {
			b.WriteByte(',')
		}
		e := &x.entries[i]
		data, err := items.item(e, func(w textWriter) error {
			one.Reset()
			if err := enc.Encode(item(e)); err != nil {
				return err
			}
			w.Write(one.Bytes()[:one.Len()-1]) // without Encode's newline
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
