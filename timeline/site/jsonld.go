package site

import (
	"encoding/json"
	"html/template"
	"unsafe"

	"frise/timeline/internal/jsonw"
)

// linkedData writes v as JSON for a <script type="application/ld+json">
// element. encoding/json writes <, > and & as \u escapes, so no text can
// close the element; the page gets the JSON as it is, without the
// template's reflection over v.
func linkedData(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		// The linked-data types hold only strings and lists of them.
		panic(err)
	}
	return jsText(b)
}

// jsText is b, a slice no one else holds, as a template's text, without a
// copy.
func jsText(b []byte) template.JS { return template.JS(unsafe.String(unsafe.SliceData(b), len(b))) }

// linkedData is linkedData(*ld), written by hand (appendJSON) as on every
// event's page, into a slice made large enough for most at once.
func (ld *ldEvent) linkedData() template.JS {
	size := 256 + len(ld.Context) + len(ld.Type) + len(ld.Name) + len(ld.Description) + len(ld.StartDate) +
		len(ld.EndDate) + len(ld.URL) + len(ld.EventStatus)
	for _, list := range [...][]ldThing{ld.Location, ld.About} {
		for _, t := range list {
			size += 32 + len(t.Type) + len(t.Name)
		}
	}
	for _, w := range ld.Citations {
		size += 96 + len(w.Type) + len(w.Name) + len(w.URL) + len(w.Publisher) + len(w.DatePublished)
	}
	return jsText(ld.appendJSON(make([]byte, 0, size+size/8)))
}

// ldEvent is a schema.org Event, for search engines and other readers of
// linked data.
type ldEvent struct {
	Context     string    `json:"@context"`
	Type        string    `json:"@type"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	StartDate   string    `json:"startDate,omitempty"`
	EndDate     string    `json:"endDate,omitempty"`
	URL         string    `json:"url,omitempty"`
	Location    []ldThing `json:"location,omitempty"`
	About       []ldThing `json:"about,omitempty"`
	Citations   []ldWork  `json:"citation,omitempty"`
	EventStatus string    `json:"eventStatus,omitempty"`
}

// appendJSON appends ld as encoding/json writes it.
func (ld *ldEvent) appendJSON(b []byte) []byte {
	b = append(b, '{')
	b = jsonw.Field(b, true, "@context", ld.Context)
	b = jsonw.Field(b, false, "@type", ld.Type)
	b = jsonw.Field(b, false, "name", ld.Name)
	for _, f := range [...]struct{ key, v string }{
		{"description", ld.Description}, {"startDate", ld.StartDate}, {"endDate", ld.EndDate}, {"url", ld.URL},
	} {
		if f.v != "" {
			b = jsonw.Field(b, false, f.key, f.v)
		}
	}
	for _, f := range [...]struct {
		key  string
		list []ldThing
	}{{"location", ld.Location}, {"about", ld.About}} {
		if len(f.list) == 0 {
			continue
		}
		b = append(jsonw.Key(b, false, f.key), '[')
		for i, t := range f.list {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			b = jsonw.Field(b, true, "@type", t.Type)
			b = jsonw.Field(b, false, "name", t.Name)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(ld.Citations) > 0 {
		b = append(jsonw.Key(b, false, "citation"), '[')
		for i := range ld.Citations {
			w := &ld.Citations[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			b = jsonw.Field(b, true, "@type", w.Type)
			b = jsonw.Field(b, false, "name", w.Name)
			for _, f := range [...]struct{ key, v string }{{"url", w.URL}, {"publisher", w.Publisher}, {"datePublished", w.DatePublished}} {
				if f.v != "" {
					b = jsonw.Field(b, false, f.key, f.v)
				}
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if ld.EventStatus != "" {
		b = jsonw.Field(b, false, "eventStatus", ld.EventStatus)
	}
	return append(b, '}')
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldWork struct {
	Type          string `json:"@type"`
	Name          string `json:"name"`
	URL           string `json:"url,omitempty"`
	Publisher     string `json:"publisher,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
}

type ldWebSite struct {
	Context     string `json:"@context"`
	Type        string `json:"@type"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	Language    string `json:"inLanguage,omitempty"`
}

// eventLD describes an event with its dates at the precision known: a
// year, a month or a day, as ISO 8601 writes them.
func (r *renderer) eventLD(ev *eventView, url string) ldEvent {
	ld := ldEvent{Context: "https://schema.org", Type: "Event", Name: ev.Event.Title,
		Description: ev.Event.Summary, URL: url,
		StartDate: ev.Date.ISO, EndDate: ev.Date.End,
		EventStatus: "https://schema.org/EventScheduled"}
	if ld.EndDate == "" && !ev.Event.Date.Interval {
		ld.EndDate = ld.StartDate
	}
	// Each list made at its size at once; an empty one is left out all
	// the same (omitempty).
	ld.Location = make([]ldThing, 0, len(ev.Places))
	ld.About = make([]ldThing, 0, len(ev.Actors)+len(ev.Topics))
	ld.Citations = make([]ldWork, 0, len(ev.Sources))
	for _, t := range ev.Places {
		ld.Location = append(ld.Location, ldThing{"Place", t.Term.Title})
	}
	for _, t := range ev.Actors {
		ld.About = append(ld.About, ldThing{"Thing", t.Term.Title})
	}
	for _, t := range ev.Topics {
		ld.About = append(ld.About, ldThing{"Thing", t.Term.Title})
	}
	for _, sv := range ev.Sources {
		w := ldWork{Type: "NewsArticle", Name: sv.Source.Title, URL: sv.Original,
			Publisher: sv.Source.Publisher, DatePublished: sv.PubISO}
		if w.Name == "" {
			w.Name = sv.ID
		}
		ld.Citations = append(ld.Citations, w)
	}
	return ld
}

// websiteLD describes the site on its home page.
func (r *renderer) websiteLD(p *page) ldWebSite {
	return ldWebSite{Context: "https://schema.org", Type: "WebSite", Name: r.view.Title,
		Description: r.site.Description, URL: p.Canonical, Language: r.view.Language}
}
