// Package extract finds the dated events that news articles report and
// writes them as event files an editor can correct: sources -> spans ->
// events -> files.
//
// # Sources to spans
//
// Each source of content/sources is cleaned (package article), cut into
// sentences, and its dates found, relative ones ("octobre dernier",
// "dimanche") read against the article's publication date. An article that
// gives no publication date gets one inferred from the years it names (see
// inferPublished).
//
// # Spans to events
//
// A sentence reports an event when a date governs something happening. A
// trigger is a word of something happening (visite, rencontre, sommet,
// signé, en vigueur, annoncé, décidé, rompu, rappelé, rapatrié, expulsé,
// arrestation, naufrage, séisme, crise, divisé, …: see triggers). Each
// date goes to its nearest trigger, so one sentence may report two events
// ("une équipe s'était déplacée en juin 2018 … un schéma a été signé en
// décembre 2020"); a date joined to a kept one by "et" and words of its own
// ("avec la Tunisie en juillet 2023 et avec l'Égypte en mars dernier")
// dates the same kind of event. A sentence with no trigger is still an
// event when a date to the month or the day governs it ("Le dernier
// Conseil d'association remonte à juin 2019"): news dates what happened.
//
// Not every date word is a date. Dropped: idioms ("ne date pas
// d'aujourd'hui", "à ce jour", "jusqu'à présent", "pour l'heure", "au jour
// d'aujourd'hui"); "d'hier" and "d'aujourd'hui" after a noun that is not
// an event ("l'Espagne d'aujourd'hui"); "aujourd'hui", "hier", "demain"
// inside a quotation, the speaker's day, not the article's; spans with no
// time of their own ("ces derniers mois") and deadlines ("avant la fin de
// l'année", "d'ici 2030"); the baseline of a comparison ("par rapport à",
// "la même période", "contre"). Two readings are corrected: a weekday
// followed by a counted number ("lundi douze fonctionnaires") is the
// weekday alone, the last one up to the article unless the words before it
// announce the future ("doit être signée mardi"); a day and month without
// a year that would fall more than a month after the article is the one of
// the year before. "Depuis le 1er janvier" runs to the article's date.
//
// Statistics. A date that qualifies a figure makes a statistic event when
// the figure is news of that period: a measure word (hausse, baisse,
// divisé, bondi, triplé) with a figure, or a figure within a few words of
// a date no finer than a year or a span ("78 685 tentatives avortées en
// 2024", "+60 % sur la période janvier-février 2025"). A figure on a given
// day ("Le 24 juin 2022, au moins 23 migrants sont morts") leaves the event
// its own kind. A comparison's baseline ("contre 16 milliards en 2021")
// makes nothing. Two statistics are one only when different sources give
// the same number; two figures of one article are always two.
//
// An article's own news often goes undated ("En visite éclair à Rabat, le
// ministre a rencontré …"): when no event of the lead (its first three
// sentences) is dated within the article's month, the first lead sentence
// with a strong trigger and no date is dated by the article, to the month.
//
// The actors and places of an event are those of content/actors and
// content/places named in its sentence, by title or alias. An alias that
// starts with a lower-case letter is a description ("ministre français de
// l'Intérieur", "homologue marocain") and names the actor only when the
// actor's name appears earlier in the same article. Topics come from
// content/topics.yaml, a list of {topic, words}.
//
// # Titles and summaries
//
// A title is a headline in the source's words (see headline): the noun
// phrase of an event noun near the date ("Visite du président Emmanuel
// Macron au Maroc", "Arrestation à Alger de l'écrivain …"); "Signature de
// …" or "Entrée en vigueur de …" for a thing said to be signed or to enter
// into force; otherwise the clause that holds the date and its trigger,
// without its lead-in or the date, its subject restored from the
// sentence's opening ("Le ministre de l'Intérieur s'est entretenu à Madrid
// avec son homologue espagnol"). At most 90 characters, cut at a word, no
// dangling last word, no final punctuation, a capital first. Among the
// reports of an event, the title the other reports repeat wins, then the
// most direct report's. The summary is the reporting sentence, cut at its
// last clause boundary within 300 characters.
//
// # Merging
//
// Reports of one event, in one source or several, are merged when their
// dates agree (one lies within the other; an open span "depuis …" agrees
// only with one that starts with it), their kinds agree (a visit and a
// meeting are one kind of encounter), and they share enough: actors count
// 2, places and topics 1, the kind 1, and 2 is needed. Two reports that
// each name actors, none in common, are two events. One article that gives
// two different dates tells of two events, unless both dates are written
// out and one lies within the other. Written dates are merged before dates
// guessed from the article's own, so a guess never pulls two events
// together. The event's date is the most precise date consistent with all
// its reports (2024-10 and 2024-10-29 give 2024-10-29); an interval is
// never narrowed to a point, and a guessed date never refines a written
// one. A report is compared only with events of the years its date spans,
// so time grows linearly with the sources.
//
// # Events to files
//
// Each event is a file events/DATE-words-of-title.md with status:
// extracted and a checksum: key, the first 16 hex digits of the SHA-256 of
// the file without its checksum line. A later run
//
//   - leaves alone a file whose status is not extracted: a person owns it; a
//     new source reporting its event becomes a suggestion in the report;
//   - leaves alone an extracted file whose checksum no longer matches: a
//     person has edited it since;
//   - rewrites an untouched extracted file when the extraction changed, and
//     leaves it byte for byte when it did not.
//
// An existing file holds an event when it cites the same passage of a source
// (one quote contains the other), or has the event's file name. Files are
// written through a temporary file and a rename.
//
// A source counts as extracted once an event file cites it, a draft's
// included (content.Site.Uncited).
//
// # What extract prints
//
// One line per event file: "added", "updated" (an untouched extracted file
// whose extraction changed), "left alone" with the reason (a person owns
// it, or edited it since), "suggestion" for a new source passage of an
// event a person owns; then the counts. With -json it writes nothing and
// prints one object mapping each source file to its events (date, title,
// quote, actors, places, topics).
package extract

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
)

// Options says where extract reads and writes.
type Options struct {
	ContentDir string // reads sources/, actors/, places/, topics.yaml; writes events/
	SourcesDir string // when set, the sources are read here instead of ContentDir/sources
	DryRun     bool   // report what would change, write nothing
}

// Entry is one event file in a report.
type Entry struct {
	File  string `json:"file"` // relative to the content directory
	Date  string `json:"date"`
	Title string `json:"title"`
	Why   string `json:"why,omitempty"` // for a file left alone: why
}

// Suggestion is a source passage that reports an event a person owns: the
// extractor does not write it into their file, it proposes it.
type Suggestion struct {
	File   string `json:"file"` // the event file the passage belongs to
	Source string `json:"source"`
	Quote  string `json:"quote"`
}

// Report is what a run of extract did, or would do on a dry run.
type Report struct {
	Added, Updated, Unchanged, Kept []Entry
	Suggestions                     []Suggestion
}

// Run extracts the events of every source and writes them into
// ContentDir/events, never touching a file a person owns or has edited.
func Run(opts Options) (Report, error) {
	var r Report
	events, _, err := extractAll(opts)
	if err != nil {
		return r, err
	}
	eventsDir := filepath.Join(opts.ContentDir, "events")
	xs, err := readExisting(eventsDir)
	if err != nil {
		return r, fmt.Errorf("read %s: %w", eventsDir, err)
	}
	names := map[string]bool{}
	for _, x := range xs {
		names[x.Name] = true
	}
	for _, e := range events {
		name := fileName(e)
		data := render(e)
		entry := Entry{Date: e.Date.String(), Title: e.Title}
		x := matchExisting(e, name, xs)
		if x == nil {
			base := name
			for i := 2; names[name]; i++ {
				name = fmt.Sprintf("%s-%d", base, i)
			}
			names[name] = true
			entry.File = "events/" + name + ".md"
			if !opts.DryRun {
				if err := writeAtomic(filepath.Join(opts.ContentDir, filepath.FromSlash(entry.File)), data, nil); err != nil {
					return r, fmt.Errorf("write %s: %w", entry.File, err)
				}
			}
			r.Added = append(r.Added, entry)
			xs = append(xs, &existing{File: entry.File, Name: name, Status: "extracted", Date: e.Date, Sources: e.Sources, taken: true})
			continue
		}
		entry.File = x.File
		switch {
		case x.Status != "extracted" || x.Edited:
			if x.Status != "extracted" {
				entry.Why = "status " + x.Status + ": a person owns it"
			} else {
				entry.Why = "edited by hand since it was extracted"
			}
			entry.Title = x.Title
			r.Kept = append(r.Kept, entry)
			for _, c := range e.Sources {
				if !cites(x, c) {
					r.Suggestions = append(r.Suggestions, Suggestion{File: x.File, Source: c.Source, Quote: c.Quote})
				}
			}
		case string(x.Raw) == string(data):
			r.Unchanged = append(r.Unchanged, entry)
		default:
			if !opts.DryRun {
				if err := writeAtomic(filepath.Join(opts.ContentDir, filepath.FromSlash(x.File)), data, x.Raw); err != nil {
					return r, fmt.Errorf("write %s: %w", x.File, err)
				}
			}
			r.Updated = append(r.Updated, entry)
		}
		x.taken = true
	}
	return r, nil
}

// cites reports whether an existing file already cites a source: another
// passage of a source it cites is no news to its editor.
func cites(x *existing, c Citation) bool {
	for _, xc := range x.Sources {
		if xc.Source == c.Source {
			return true
		}
	}
	return false
}

// extractAll reads the sources and lexicon and returns the merged events.
func extractAll(opts Options) ([]*Event, []*source, error) {
	lx, err := loadLexicon(opts.ContentDir)
	if err != nil {
		return nil, nil, err
	}
	dir := opts.SourcesDir
	if dir == "" {
		dir = filepath.Join(opts.ContentDir, "sources")
	}
	srcs, err := readSources(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("read sources: %w", err)
	}
	return lx.events(srcs), srcs, nil
}

// events finds and merges the events of every source.
func (lx *lexicon) events(srcs []*source) []*Event {
	var cands []*candidate
	for _, s := range srcs {
		cands = append(cands, lx.candidates(s)...)
	}
	return merge(cands)
}

// Print writes the report for a person: what was added, updated, left
// alone and why, and the suggestions.
func (r Report) Print(w io.Writer) {
	for _, e := range r.Added {
		fmt.Fprintf(w, "added      %s (%s) %s\n", e.File, e.Date, e.Title)
	}
	for _, e := range r.Updated {
		fmt.Fprintf(w, "updated    %s (%s) %s\n", e.File, e.Date, e.Title)
	}
	for _, e := range r.Kept {
		fmt.Fprintf(w, "left alone %s: %s\n", e.File, e.Why)
	}
	for _, s := range r.Suggestions {
		fmt.Fprintf(w, "suggestion %s: source %s also reports it: %q\n", s.File, s.Source, s.Quote)
	}
	fmt.Fprintf(w, "%d added, %d updated, %d unchanged, %d left alone, %d suggestions\n",
		len(r.Added), len(r.Updated), len(r.Unchanged), len(r.Kept), len(r.Suggestions))
}

// jsonEvent is an event as JSON reports it for one source.
type jsonEvent struct {
	Date   string   `json:"date"`
	Title  string   `json:"title"`
	Quote  string   `json:"quote"`
	Actors []string `json:"actors"`
	Places []string `json:"places"`
	Topics []string `json:"topics"`
}

// JSON writes, without writing any file, one JSON object that maps each
// source's file name to the events found in it, in date order.
func JSON(opts Options, w io.Writer) error {
	events, srcs, err := extractAll(opts)
	if err != nil {
		return err
	}
	out := map[string][]jsonEvent{}
	files := map[string]string{}
	for _, s := range srcs {
		out[s.File] = []jsonEvent{}
		files[s.ID] = s.File
	}
	for _, e := range events {
		for _, c := range e.Sources {
			f := files[c.Source]
			out[f] = append(out[f], jsonEvent{Date: e.Date.String(), Title: e.Title, Quote: c.Quote,
				Actors: nonNil(e.Actors), Places: nonNil(e.Places), Topics: nonNil(e.Topics)})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
