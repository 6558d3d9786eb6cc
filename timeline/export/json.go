package export

import (
	"bytes"
	"encoding/json"
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
func (x *export) eventsJSON(b *bytes.Buffer) error {
	doc := jsonSite{
		Version:     SchemaVersion,
		Title:       x.title,
		Description: x.desc,
		Language:    x.lang,
		BaseURL:     x.base,
		Events:      []jsonEvent{},
	}
	for _, e := range x.entries {
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
		doc.Events = append(doc.Events, je)
	}
	return writeJSON(b, doc)
}

// writeJSON writes v on one line, with <, > and & escaped as encoding/json
// does by default, so that the file is safe to inline in a page. It is not
// indented: the files are meant for programs, and the site's writer would
// take the indentation out again.
func writeJSON(b *bytes.Buffer, v any) error {
	// Encode ends the value with a newline, as a text file should.
	return json.NewEncoder(b).Encode(v)
}
