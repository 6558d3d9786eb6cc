package content

import (
	"errors"
	"io/fs"
	"reflect"
	"slices"
)

// Reread reads again the event files named (paths within the content tree,
// such as "events/2015-11-sommet-de-la-valette.md") after an editor changed
// them, and puts what they now say in place of what s held, in the same
// *Event values: whatever refers to an event sees its new text.
//
// It does so only when the change leaves the site's shape as it was: the
// file still exists and is not a draft, its date is the same, it names the
// same actors, places and topics as before and cites the same sources in
// the same order. Everything else may change: title, summary, body, the
// quotes, the status, other keys. Then it returns the events it read
// again, with what each held before, and true, and s is what Load would now give. Otherwise it returns false
// and leaves s as it was: a new Load is needed, for instance for a new
// file, a deleted one, or an event moved to another date.
//
// A file with problems gives Problems, as Load would report them for that
// file, and leaves s as it was.
func (s *Site) Reread(fsys fs.FS, files []string) ([]Edit, bool, error) {
	files = slices.Compact(slices.Sorted(slices.Values(files)))
	byFile := make(map[string]*Event, len(files))
	for _, f := range files {
		byFile[f] = nil
	}
	for _, e := range s.Events {
		if _, ok := byFile[e.File]; ok {
			byFile[e.File] = e
		}
	}
	byID := make(map[string]*Source, len(s.Sources))
	for _, src := range s.Sources {
		byID[src.ID] = src
	}
	if s.folded == nil {
		s.folded = foldSources(s.Sources)
	}
	var (
		problems, warnings []Problem
		fresh              = make([]*Event, len(files))
		same               = true
	)
	for i, name := range files {
		old := byFile[name]
		if old == nil {
			return nil, false, nil // not an event of the site: a new file, a draft, or not an event at all
		}
		if _, err := fs.Stat(fsys, name); errors.Is(err, fs.ErrNotExist) {
			return nil, false, nil
		}
		var f eventFile
		f.sub.fsys = fsys
		f.sub.parseEvent(&f, name, byID, s.folded)
		problems = append(problems, f.sub.problems...)
		warnings = append(warnings, f.sub.warnings...)
		if f.e == nil || len(f.sub.problems) > 0 {
			continue
		}
		f.e.names = f.names
		same = same && sameShape(old, f.e)
		fresh[i] = f.e
	}
	if len(problems) > 0 {
		sortProblems(problems)
		return nil, false, Problems(problems)
	}
	if !same {
		return nil, false, nil
	}
	edits := make([]Edit, len(files))
	for i, name := range files {
		old, e := byFile[name], fresh[i]
		e.Actors, e.Places, e.Topics = old.Actors, old.Places, old.Topics
		edits[i] = Edit{Event: old, Was: *old}
		*old = *e
	}
	kept := s.Warnings[:0:0]
	for _, w := range s.Warnings {
		if _, reread := byFile[w.File]; !reread {
			kept = append(kept, w)
		}
	}
	s.Warnings = append(kept, warnings...)
	sortProblems(s.Warnings)
	return edits, true, nil
}

// An Edit is an event that Reread changed in place, with a copy of what
// it held before.
type Edit struct {
	Event *Event
	Was   Event
}

// BodyOnly reports whether the edit changed nothing but the event's body,
// which only the event's own page shows.
func (ed Edit) BodyOnly() bool {
	was := ed.Was
	was.Body, was.BodyLine = ed.Event.Body, ed.Event.BodyLine
	return reflect.DeepEqual(was, *ed.Event)
}

// sameShape reports whether an event read again, e, sits where old did in
// the site: same date, not a draft, the same terms named the same way and
// the same sources cited in the same order.
func sameShape(old, e *Event) bool {
	if e.Draft || e.Date != old.Date || e.Slug != old.Slug {
		return false
	}
	for k := range e.names {
		if !slices.Equal(e.names[k], old.names[k]) {
			return false
		}
	}
	if len(e.Sources) != len(old.Sources) {
		return false
	}
	for i, c := range e.Sources {
		if c.Source != old.Sources[i].Source {
			return false
		}
	}
	return true
}
