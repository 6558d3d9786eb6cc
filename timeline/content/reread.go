package content

import (
	"errors"
	"io/fs"
	"reflect"
	"slices"
	"sort"
)

// Reread reads again the event files named (paths within the content tree,
// such as "events/2015-11-sommet-de-la-valette.md") after an editor changed
// them, and puts what they now say in place of what s held, in the same
// *Event values: whatever refers to an event sees its new text.
//
// It does so only when the change leaves the site's shape as it was: the
// file still exists and is not a draft, it names the same actors, places
// and topics as before and cites the same sources in the same order, and
// the years the timeline lists events under stay the same. Everything
// else may change: title, summary, body, the quotes, the status, other
// keys, and the date, in which case the event moves to its new place in
// the timeline and in its terms' and sources' lists (see Edit.Moved).
// Then it returns the events it read again, with what each held before,
// and true, and s is what Load would now give. Otherwise it returns false
// and leaves s as it was: a new Load is needed, for instance for a new
// file, a deleted one, or an event moved to a year no other event is in,
// or out of a year it was the only event of.
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
	if !same || !s.sameYears(byFile, files, fresh) {
		return nil, false, nil
	}
	edits := make([]Edit, len(files))
	moved := map[*Event]bool{}
	for i, name := range files {
		old, e := byFile[name], fresh[i]
		e.Actors, e.Places, e.Topics = old.Actors, old.Places, old.Topics
		edits[i] = Edit{Event: old, Was: *old}
		*old = *e
		if edits[i].Moved() {
			moved[old] = true
		}
	}
	if len(moved) > 0 {
		s.move(moved)
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

// Moved reports whether the edit changed the event's date, and so its
// place in the timeline.
func (ed Edit) Moved() bool { return ed.Was.Date != ed.Event.Date }

// BodyOnly reports whether the edit changed nothing but the event's body,
// which only the event's own page shows.
func (ed Edit) BodyOnly() bool {
	was := ed.Was
	was.Body, was.BodyLine = ed.Event.Body, ed.Event.BodyLine
	return reflect.DeepEqual(was, *ed.Event)
}

// sameShape reports whether an event read again, e, keeps old's place in
// the site but perhaps its date: not a draft, the same terms named the
// same way and the same sources cited in the same order.
func sameShape(old, e *Event) bool {
	if e.Draft || e.Slug != old.Slug {
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

// sameYears reports whether the events named by files (their old values
// in byFile, what they now say in fresh, in the same order) leave the
// years the timeline lists events under as they were: no year gains its
// first event or loses its last, which would add or remove a year's page.
func (s *Site) sameYears(byFile map[string]*Event, files []string, fresh []*Event) bool {
	var was, now []int // the years of the events that moved, before and after
	for i, name := range files {
		if old := byFile[name]; old.Date != fresh[i].Date {
			was, now = append(was, YearOf(old.Date)), append(now, YearOf(fresh[i].Date))
		}
	}
	if slices.Equal(was, now) {
		return true // no date changed, or none changed its year
	}
	count := map[int]int{}
	for _, e := range s.Events {
		count[YearOf(e.Date)]++
	}
	before := len(count)
	for i := range was {
		count[was[i]]--
		if count[was[i]] == 0 {
			delete(count, was[i])
		}
		count[now[i]]++
	}
	return len(count) == before && !slices.ContainsFunc(was, func(y int) bool { return count[y] == 0 })
}

// move puts the events moved, whose dates changed, in their new places in
// the timeline and in the lists of their terms and sources, all in the
// timeline's order.
func (s *Site) move(moved map[*Event]bool) {
	s.Events = place(s.Events, moved)
	terms := map[*Term]bool{}
	sources := map[*Source]bool{}
	for e := range moved {
		for _, group := range [][]*Term{e.Actors, e.Places, e.Topics} {
			for _, t := range group {
				terms[t] = true
			}
		}
		for _, c := range e.Sources {
			sources[c.Source] = true
		}
	}
	for t := range terms {
		t.Events = place(t.Events, moved)
	}
	for src := range sources {
		src.Citations = place(src.Citations, moved)
	}
}

// place takes the events moved out of list, which is otherwise in the
// timeline's order, and puts each back where that order has it.
func place(list []*Event, moved map[*Event]bool) []*Event {
	var out []*Event
	list = slices.DeleteFunc(list, func(e *Event) bool {
		if moved[e] {
			out = append(out, e)
			return true
		}
		return false
	})
	for _, e := range out {
		i := sort.Search(len(list), func(i int) bool { return before(e, list[i]) })
		list = slices.Insert(list, i, e)
	}
	return list
}
