package content

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// Reread reads again the event files named (paths within the content tree,
// such as "events/2015-11-sommet-de-la-valette.md") after an editor changed
// them, and puts what they now say in place of what s held, in the same
// *Event values: whatever refers to an event sees its new text.
//
// Everything an event file says may change: title, summary, body, status,
// other keys, the sources cited and their quotes; the date, in which case
// the event moves to its new place in the timeline and in its terms' and
// sources' lists (see Edit.Moved); the actors, places and topics named, in
// one of the files at most, terms being made or forgotten as Load would
// find them. A file alone may also be new (Edit.New) or gone (Edit.Gone),
// become a draft (Gone) or cease to be one (New), or be a draft.
// Years, actors, places and topics may gain their first event or lose
// their last. Then it returns the events it read again, with what each
// held before, and true, and s is what Load would now give.
//
// A term no file describes is titled as the first event file naming it
// spells it, in the order Load reads them. With retitle, an edit may give
// such a term another title: the file naming it first spells it otherwise,
// a file read earlier names it spelt otherwise, or it stops naming it and
// the next file naming it spells it otherwise. The edit lists the term in
// Retitled; the term's page name stays the same.
//
// It declines, returning false and leaving s as it was, when a new Load is
// needed: a file read under two names (a link, or a file a link leads
// to: see readTwice), a new file that is not an event (see isEventFile) or takes
// another file's page name, several files of which one is new, gone, or a
// draft, or several naming other terms, a term whose title would change
// without retitle, or by a draft made, edited or dropped, or a file that
// is neither an event of s nor new.
//
// A file with problems gives Problems, as Load would report them for that
// file, and leaves s as it was.
func (s *Site) Reread(fsys fs.FS, files []string, retitle bool) ([]Edit, bool, error) {
	files = slices.Compact(slices.Sorted(slices.Values(files)))
	if slices.ContainsFunc(files, func(f string) bool { return s.readTwice(fsys, f) }) {
		return nil, false, nil
	}
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
	// A file that becomes an event, a draft, or nothing, comes alone.
	if len(files) == 1 {
		if edits, fits, err, done := s.swap(fsys, files[0], byFile[files[0]], byID, retitle); done {
			return edits, fits, err
		}
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
		if fi, err := lstat(fsys, name); errors.Is(err, fs.ErrNotExist) || err == nil && fi.IsDir() {
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
	// An event may name other terms, one file at a time, as long as
	// every term keeps its title.
	groups := make([][3][]*Term, len(files))
	var renamed *Event // the event whose terms change, if any
	var plan naming
	for i, name := range files {
		old, e := byFile[name], fresh[i]
		groups[i] = [3][]*Term{old.Actors, old.Places, old.Topics}
		if sameNames(e.names, old.names) {
			continue
		}
		if renamed != nil {
			return nil, false, nil
		}
		renamed = old
		var ok bool
		if plan, ok = s.nameTerms(old, e.names, retitle); !ok {
			return nil, false, nil
		}
		groups[i] = plan.groups
	}
	edits := make([]Edit, len(files))
	moved := map[*Event]bool{}
	touched := map[*Term]bool{}     // the terms whose lists of events change
	cited := map[*Source][]*Event{} // the sources that events now cite, and did not
	recited := false
	for i, name := range files {
		old, e := byFile[name], fresh[i]
		e.Actors, e.Places, e.Topics = groups[i][0], groups[i][1], groups[i][2]
		edits[i] = Edit{Event: old, Was: *old}
		*old = *e
		if edits[i].Moved() {
			moved[old] = true
		}
		if was, now := edits[i].Was.sources(), old.sources(); !maps.Equal(was, now) {
			recited = true
			for src := range was {
				if !now[src] {
					src.Citations = drop(src.Citations, old)
				}
			}
			for src := range now {
				if !was[src] {
					cited[src] = append(cited[src], old)
				}
			}
		}
		if old != renamed {
			continue
		}
		edits[i].Retitled = plan.retitled()
		was, now := edits[i].Was.terms(), old.terms()
		for t := range was {
			if !now[t] {
				t.Events = drop(t.Events, old)
				touched[t] = true
			}
		}
		for t := range now {
			if !was[t] {
				t.Events = append(t.Events, old) // put in its place below
				touched[t] = true
			}
		}
	}
	s.apply(plan)
	s.reorder(moved, renamed, touched)
	if renamed != nil {
		s.relist(touched)
	}
	for src, evs := range cited {
		src.Citations = place(append(src.Citations, evs...), setOf(evs))
	}
	if recited {
		s.findUncited()
	}
	s.warn(byFile, warnings)
	return edits, true, nil
}

// warn puts warnings in place of the warnings of the files in byFile.
func (s *Site) warn(byFile map[string]*Event, warnings []Problem) {
	var kept []Problem // nil when none, as Load leaves it
	for _, w := range s.Warnings {
		if _, reread := byFile[w.File]; !reread {
			kept = append(kept, w)
		}
	}
	s.Warnings = append(kept, warnings...)
	sortProblems(s.Warnings)
}

// RereadTerm reads again the file of an actor or a place, name (a path
// within the content tree, such as "actors/bruno-retailleau.md"), after an
// editor changed it, and puts what it now says in place of what s held, in
// the same *Term: its role, its country and its text, and with rename its
// title and aliases. It returns the term and a copy of what it held
// before, and true; s is then what Load would now give.
//
// Events name a term by its title or one of its aliases. With rename, the
// title and aliases may change as long as every event and draft still
// names the terms it named (see rename): an event naming the term by a
// name it loses still finds it when that name gives the term's file
// name, as an actor's title usually does.
//
// rename is for a caller whose pages can show a term's new names where
// they show the term (site.Renderer.Retitles): the site is changed before
// the pages are.
//
// With rename, name may also be a new file (see newTerm): the term it
// describes takes the place of the one no file described that its events
// named, whose page has the same name; or a file deleted (see dropTerm):
// a term no file describes, of the same page, takes its place.
//
// It declines, returning false and leaving s as it was, when a new Load is
// needed: the file is not the file of one of s's terms (a folder, a new
// file without rename or one newTerm does not take), it is gone without
// rename or in a way dropTerm does not take, it is read under two names
// (see readTwice), or its names change in a way rename does not take, or
// at all without rename.
//
// A file with problems gives Problems, as Load would report them for that
// file, and leaves s as it was.
func (s *Site) RereadTerm(fsys fs.FS, name string, rename bool) (*Term, Term, bool, error) {
	var old *Term
	for _, ts := range s.terms[:2] {
		if ts == nil {
			continue
		}
		for _, t := range ts.list {
			if t.File == name {
				old = t
			}
		}
	}
	if old == nil && rename {
		return s.newTerm(fsys, name)
	}
	if old == nil || !s.plainFile(fsys, name) {
		if old != nil && rename && !s.linked(name) {
			if _, err := lstat(fsys, name); errors.Is(err, fs.ErrNotExist) {
				return s.dropTerm(old)
			}
		}
		return nil, Term{}, false, nil
	}
	sub := &loader{fsys: fsys}
	t, _ := sub.parseTerm(old.Kind, name)
	if len(sub.problems) > 0 {
		sortProblems(sub.problems)
		return nil, Term{}, false, Problems(sub.problems)
	}
	if t == nil {
		return nil, Term{}, false, nil
	}
	if (t.Title != old.Title || !slices.Equal(t.Aliases, old.Aliases)) && (!rename || !s.rename(old, t.Title, t.Aliases)) {
		return nil, Term{}, false, nil
	}
	was := *old
	// The list, as Load gives it: an empty one is not nil.
	old.Title, old.Aliases, old.Role, old.Country, old.Body = t.Title, t.Aliases, t.Role, t.Country, t.Body
	s.warn(map[string]*Event{name: nil}, sub.warnings)
	return old, was, true, nil
}

// newTerm takes in name, a new file of an actor or a place (see
// RereadTerm). The term it describes takes the place of the one its
// events named before, which no file described and whose page has the
// same name (was holds what that term held), or is a term no event names
// yet. It declines when a name an event or a draft gives would find
// another term than it found, or the file is not one Load reads as a
// term, or would report as taking another file's names.
func (s *Site) newTerm(fsys fs.FS, name string) (*Term, Term, bool, error) {
	kind, _, _ := strings.Cut(name, "/")
	k := slices.Index(termKeys[:2], kind)
	if k < 0 || s.terms[k] == nil || !Reads(name) || !s.plainFile(fsys, name) || !inFolders(fsys, name, kind) {
		return nil, Term{}, false, nil
	}
	ts := s.terms[k]
	sub := &loader{fsys: fsys}
	t, _ := sub.parseTerm(kind, name)
	if len(sub.problems) > 0 {
		sortProblems(sub.problems)
		return nil, Term{}, false, Problems(sub.problems)
	}
	if t == nil {
		return nil, Term{}, false, nil
	}
	keys := nameKeys(t.Title, t.Aliases)
	for key := range keys {
		if other := ts.byName[key]; other != nil && other.File != "" {
			return nil, Term{}, false, nil // Load reports a name of two files
		}
	}
	// The term no file described until now whose page t takes.
	made := ts.bySlug[t.Slug]
	if made != nil && made.File != "" {
		return nil, Term{}, false, nil // Load reports two files of one name
	}
	// Every name that found made must find t, by a name it goes by or by
	// its page's name, as Load would have it (terms.resolve); any other
	// must not be one of t's.
	moves := s.anyName(k, func(n string) bool {
		key := Fold(n)
		if found := ts.find(n); found == made && made != nil {
			return !keys[key] && Slugify(n) != t.Slug
		}
		return keys[key]
	})
	if moves {
		return nil, Term{}, false, nil
	}
	var was Term
	if made != nil {
		was = *made
		s.putInPlace(k, made, t)
		ts.replace(made, t)
	} else {
		ts.list = append(ts.list, t)
	}
	ts.bySlug[t.Slug] = t
	for key := range keys {
		ts.byName[key] = t
	}
	// Spellings found before and no event gives now may have found
	// another term by a name t goes by.
	maps.DeleteFunc(ts.byRaw, func(n string, x *Term) bool { return x != t && keys[Fold(n)] })
	s.warn(map[string]*Event{name: nil}, sub.warnings)
	return t, was, true, nil
}

// anyName reports whether f reports true for a name of a term of kind k
// (0 actors, 1 places) that an event or a draft gives, each name once.
func (s *Site) anyName(k int, f func(n string) bool) bool {
	seen := map[string]bool{} // events name the same few terms over and over
	names := func(e *Event) bool {
		for _, n := range e.names[k] {
			if !seen[n] {
				seen[n] = true
				if f(n) {
					return true
				}
			}
		}
		return false
	}
	if slices.ContainsFunc(s.Events, names) {
		return true
	}
	for _, e := range s.drafts {
		if names(e) {
			return true
		}
	}
	return false
}

// dropTerm takes t, whose file is gone, out of s (see RereadTerm). The
// events and drafts naming it then name, as Load would have them, a term
// no file describes, of the same page, titled as the first of them in the
// order Load reads them spells it (was holds what t held); none, when no
// event or draft names it. It declines when a name that found t would
// find another term, or make one of another page.
func (s *Site) dropTerm(t *Term) (*Term, Term, bool, error) {
	k := slices.Index(termKeys[:2], t.Kind)
	if k < 0 || s.terms[k] == nil {
		return nil, Term{}, false, nil
	}
	ts := s.terms[k]
	var found []string // the names that found t
	moves := s.anyName(k, func(n string) bool {
		if ts.find(n) != t {
			return false
		}
		found = append(found, n)
		return Slugify(n) != t.Slug
	})
	if moves {
		return nil, Term{}, false, nil
	}
	was := *t
	file, spelt := s.nextNaming(t, k, "")
	ts.forget(t)
	s.warn(map[string]*Event{t.File: nil}, nil)
	if file == "" {
		return t, was, true, nil // no event or draft names it: no page shows it
	}
	made := &Term{Kind: t.Kind, Slug: t.Slug, Title: strings.TrimSpace(spelt), first: file}
	s.putInPlace(k, t, made)
	ts.list = append(ts.list, made)
	ts.bySlug[made.Slug] = made
	for _, n := range found {
		ts.byName[Fold(n)] = made
	}
	return made, was, true, nil
}

// nameKeys returns the names a term of title and aliases goes by, folded
// as Load compares them; a name that folds to nothing names no term.
func nameKeys(title string, aliases []string) map[string]bool {
	m := map[string]bool{Fold(title): true}
	for _, a := range aliases {
		m[Fold(a)] = true
	}
	delete(m, "")
	return m
}

// putInPlace puts t, a term of kind k (0 actors, 1 places), in the place
// of was among the terms of was's events and of the drafts, and in s's
// list of that kind; t takes was's events.
func (s *Site) putInPlace(k int, was, t *Term) {
	t.Events = was.Events
	swap := func(e *Event) {
		group := [...]*[]*Term{&e.Actors, &e.Places}[k]
		if i := slices.Index(*group, was); i >= 0 {
			(*group)[i] = t
		}
	}
	for _, e := range was.Events {
		swap(e)
	}
	for _, e := range s.drafts {
		swap(e)
	}
	list := [...]*[]*Term{&s.Actors, &s.Places}[k]
	if i := slices.Index(*list, was); i >= 0 {
		(*list)[i] = t
	}
}

// rename makes the names title and aliases, to be put in place of those
// of t (an actor or a place described by a file), find t, and the names t
// loses find what Load would have them find. It reports true when every
// name an event or a draft gives still finds the term it found: a name t
// gains or loses (case and accents aside, as Load compares them) found t
// and still does, by the name of its file if not by one it goes by (see
// terms.resolve), and no other term goes by a name t gains. Else it
// changes nothing and reports false. The caller puts title and aliases
// in t. It goes through the names of every event once.
func (s *Site) rename(t *Term, title string, aliases []string) bool {
	k := slices.Index(termKeys[:], t.Kind)
	if k < 0 || k > 1 || s.terms[k] == nil {
		return false
	}
	ts := s.terms[k]
	was, now := nameKeys(t.Title, t.Aliases), nameKeys(title, aliases)
	changed := map[string]bool{} // folded, the names gained or lost
	for key := range was {
		if !now[key] {
			changed[key] = true
		}
	}
	for key := range now {
		if was[key] {
			continue
		}
		if other, ok := ts.byName[key]; ok && other != t {
			return false // a name of another term, or one an event gave: a new Load tells which
		}
		changed[key] = true
	}
	moves := len(changed) > 0 && s.anyName(k, func(n string) bool {
		key := Fold(n)
		if !changed[key] {
			return false
		}
		// What n finds now, and would find: t by a name it goes by, or
		// else the term of the page n would be named.
		found, finds := ts.find(n), t
		if !now[key] {
			finds = ts.bySlug[Slugify(n)]
		}
		return found != t || finds != t
	})
	if moves {
		return false
	}
	for key := range changed {
		if now[key] {
			ts.byName[key] = t
		} else if ts.byName[key] == t {
			delete(ts.byName, key)
		}
	}
	// Spellings found before and no event gives now may have found t by a
	// name it lost.
	maps.DeleteFunc(ts.byRaw, func(n string, _ *Term) bool { return changed[Fold(n)] })
	return true
}

// RereadSource reads again the file of a source, name (a path within the
// content tree, such as "sources/lemonde-2024-10-28.md"), after an editor
// changed it, and puts what it now says in place of what s held, in the
// same *Source: its title, publisher, address, language and date, as its
// front matter says them or as its lines give them, and its text, as long
// as every passage the events and drafts citing it quote is still found in
// it. It returns the source, an Edit for each event citing it when what
// the event's pages show of the source changed (see Edit.Cited), and true;
// s is then what Load would now give.
//
// It declines, returning false and leaving s as it was, when a new Load is
// needed: the file is not the file of one of s's sources (a new file, a
// folder), it is gone, it is read under two names (see readTwice), or a
// quoted passage is no longer in its text (Load reports it, in the file
// quoting it).
//
// A file with problems gives Problems, as Load would report them for that
// file, and leaves s as it was.
func (s *Site) RereadSource(fsys fs.FS, name string) (*Source, []Edit, bool, error) {
	i := slices.IndexFunc(s.Sources, func(src *Source) bool { return src.File == name })
	if i < 0 {
		return nil, nil, false, nil
	}
	old := s.Sources[i]
	if !s.plainFile(fsys, name) {
		return nil, nil, false, nil
	}
	sub := &loader{fsys: fsys}
	var src *Source
	if text, ok := sub.read(name); ok {
		src = sub.parseSource(name, text)
	}
	if len(sub.problems) > 0 {
		sortProblems(sub.problems)
		return nil, nil, false, Problems(sub.problems)
	}
	if src == nil {
		return nil, nil, false, nil
	}
	var folded string
	if src.Text != old.Text {
		folded = FoldSpace(src.Text)
		if !s.quotedIn(old, folded) {
			return nil, nil, false, nil
		}
	}
	shown := src.Title != old.Title || src.Publisher != old.Publisher || src.URL != old.URL ||
		src.Language != old.Language || src.Published != old.Published
	src.Citations = old.Citations
	if src.Text != old.Text && s.folded != nil {
		s.folded[old] = folded
	}
	*old = *src
	s.warn(map[string]*Event{name: nil}, sub.warnings)
	var edits []Edit
	if shown {
		edits = make([]Edit, len(old.Citations))
		for i, e := range old.Citations {
			edits[i] = Edit{Event: e, Was: *e, Cited: true}
		}
	}
	return old, edits, true, nil
}

// quotedIn reports whether every passage of src that an event or a draft
// quotes is in folded, a new text of src with its white space folded.
func (s *Site) quotedIn(src *Source, folded string) bool {
	citing := slices.Clone(src.Citations)
	for _, d := range s.drafts {
		citing = append(citing, d)
	}
	for _, e := range citing {
		for _, c := range e.Sources {
			if c.Source == src && c.Quote != "" && !strings.Contains(folded, FoldSpace(c.Quote)) {
				return false
			}
		}
	}
	return true
}

// swap takes in a file, name, that was an event (old), a draft or
// nothing, and is now an event, a draft or nothing, unless it was and
// stays an event, which it leaves to Reread (done is then false). A new
// file must be one Load reads as an event (see isEventFile), with a page
// name of its own; no term's title may change (see nameTerms). An event
// that comes is New, one that goes (deleted, or now a draft) Gone; a draft
// that comes, changes or goes makes no Edit, as no page shows it, but the
// sources drafts cite and the terms they name are kept up to date. A file
// with problems gives them.
func (s *Site) swap(fsys fs.FS, name string, old *Event, byID map[string]*Source, retitle bool) (edits []Edit, fits bool, err error, done bool) {
	draft := s.drafts[name]
	fi, err := lstat(fsys, name) // a link leading nowhere is still a file Load reads
	exists := err == nil
	if !exists && (!errors.Is(err, fs.ErrNotExist) || old == nil && draft == nil) || exists && fi.IsDir() {
		return nil, false, nil, true // a folder now holds what it holds: Load finds out
	}
	slug := idOf(name)
	var now *Event // what the file now holds, nil when it is gone
	var f eventFile
	if exists {
		if old == nil && draft == nil {
			if s.slugTaken(slug) || !validSlug(slug) || !isEventFile(fsys, name) {
				return nil, false, nil, true
			}
		}
		f.sub.fsys = fsys
		f.sub.parseEvent(&f, name, byID, s.folded)
		if len(f.sub.problems) > 0 {
			sortProblems(f.sub.problems)
			return nil, false, Problems(f.sub.problems), true
		}
		if now = f.e; now == nil {
			return nil, false, nil, true
		}
		if old != nil && !now.Draft {
			return nil, false, nil, false
		}
		now.names = f.names
	}
	was := &Event{File: name} // what the file named
	if old != nil {
		was.names = old.names
	} else if draft != nil {
		was.names = draft.names
	}
	var names [3][]string
	if now != nil {
		names = now.names
	}
	plan, ok := s.nameTerms(was, names, retitle)
	retitled := plan.retitled()
	// A draft that comes, changes or goes makes no edit to list a term
	// retitled in.
	if !ok || len(retitled) > 0 && old == nil && (now == nil || now.Draft) {
		return nil, false, nil, true
	}
	s.apply(plan)
	touched := map[*Term]bool{}
	if old != nil {
		s.Events = slices.DeleteFunc(s.Events, func(x *Event) bool { return x == old })
		for t := range old.terms() {
			t.Events = drop(t.Events, old)
			touched[t] = true
		}
		for src := range old.sources() {
			src.Citations = drop(src.Citations, old)
		}
		edits = append(edits, Edit{Event: old, Was: *old, Gone: true, Retitled: retitled})
	}
	if draft != nil {
		if delete(s.drafts, name); len(s.drafts) == 0 {
			s.drafts = nil // as Load leaves a site without drafts
		}
	}
	if now != nil {
		now.Actors, now.Places, now.Topics = plan.groups[0], plan.groups[1], plan.groups[2]
		if now.Draft {
			if s.drafts == nil {
				s.drafts = map[string]*Event{}
			}
			s.drafts[name] = now
		} else {
			just := map[*Event]bool{now: true}
			s.Events = place(append(s.Events, now), just)
			for t := range now.terms() {
				t.Events = place(append(t.Events, now), just)
				touched[t] = true
			}
			for src := range now.sources() {
				src.Citations = place(append(src.Citations, now), just)
			}
			edits = append(edits, Edit{Event: now, New: true})
			if old == nil {
				edits[len(edits)-1].Retitled = retitled
			}
		}
	}
	s.relist(touched)
	s.findUncited()
	s.warn(map[string]*Event{name: nil}, f.sub.warnings)
	return edits, true, nil, true
}

// isEventFile reports whether name is a file Load reads as an event: a
// Markdown file below events/, in folders (not links to folders) whose
// names do not start with a dot, and not itself a link, nor named as
// editors' hidden and backup files are.
func isEventFile(fsys fs.FS, name string) bool {
	dir, base := path.Split(name)
	if !strings.HasPrefix(dir, "events/") || path.Ext(base) != ".md" || strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	return inFolders(fsys, name, "events")
}

// inFolders reports whether name is a plain file below top that a load's
// walk of top reaches: each folder on its way is one, not hidden, not a
// link to one.
func inFolders(fsys fs.FS, name, top string) bool {
	for p := name; p != top; p = path.Dir(p) {
		if p == "." || p == "/" {
			return false
		}
		if p != name && strings.HasPrefix(path.Base(p), ".") {
			return false
		}
		fi, err := lstat(fsys, p)
		if err != nil || p == name && !fi.Mode().IsRegular() || p != name && !fi.IsDir() {
			return false
		}
	}
	return true
}

// lstat is fs.Lstat where fsys can tell a link from what it leads to, and
// fs.Stat elsewhere.
func lstat(fsys fs.FS, name string) (fs.FileInfo, error) {
	if rl, ok := fsys.(fs.ReadLinkFS); ok {
		return rl.Lstat(name)
	}
	return fs.Stat(fsys, name)
}

// An Edit is an event that Reread changed in place, with a copy of what
// it held before; or one it took in from a new file, or took out as its
// file is gone; or one citing a source that RereadSource changed.
type Edit struct {
	Event *Event
	Was   Event // zero for a new event
	New   bool  // the event's file is new: Event is the event it holds
	Gone  bool  // the event's file is gone: Event is no longer in the site
	// Cited says that the event is as it was, but a source it cites is
	// not (see Site.RereadSource): what it shows of the source changed.
	Cited bool
	// Retitled are the terms no file describes that the edit gave another
	// title (see Site.Reread); their page names stay the same.
	Retitled []*Term
}

// Moved reports whether the edit changed the event's date, and so its
// place in the timeline.
func (ed Edit) Moved() bool { return !ed.New && !ed.Gone && ed.Was.Date != ed.Event.Date }

// BodyOnly reports whether the edit changed nothing but the event's body,
// which only the event's own page shows.
func (ed Edit) BodyOnly() bool { return ed.sameBut(false) }

// Respelt reports whether the edit changed nothing but the event's body
// and how its file spells the actors, places and topics it names, which
// stay the same: the pages show what they did but for its body, and the
// titles of the terms the edit gave another (Retitled).
func (ed Edit) Respelt() bool { return ed.sameBut(true) }

// sameBut reports whether the event is what it was but for its body and,
// with names, how its file spells the terms it names.
func (ed Edit) sameBut(names bool) bool {
	if ed.New || ed.Gone || ed.Cited {
		return false
	}
	was := ed.Was
	was.Body, was.BodyLine = ed.Event.Body, ed.Event.BodyLine
	if names {
		was.names = ed.Event.names
	}
	return reflect.DeepEqual(was, *ed.Event)
}

// sameShape reports whether an event read again, e, keeps old's place in
// the site but perhaps its date, terms and sources: it is not a draft.
func sameShape(old, e *Event) bool {
	return !e.Draft && e.Slug == old.Slug
}

// sources returns the set of the sources e cites.
func (e *Event) sources() map[*Source]bool {
	set := make(map[*Source]bool, len(e.Sources))
	for _, c := range e.Sources {
		set[c.Source] = true
	}
	return set
}

// reorder puts the events moved, whose dates changed, in their new places
// in the timeline and in the lists of their terms and sources, and
// renamed, if not nil, in the lists of the terms touched, which it joined,
// all in the timeline's order.
func (s *Site) reorder(moved map[*Event]bool, renamed *Event, touched map[*Term]bool) {
	if len(moved) > 0 {
		s.Events = place(s.Events, moved)
	}
	placed := maps.Clone(moved)
	if renamed != nil {
		placed[renamed] = true
	}
	sources := map[*Source]bool{}
	for e := range moved {
		for t := range e.terms() {
			touched[t] = true
		}
		for _, c := range e.Sources {
			sources[c.Source] = true
		}
	}
	for t := range touched {
		t.Events = place(t.Events, placed)
	}
	for src := range sources {
		src.Citations = place(src.Citations, moved)
	}
}

// terms returns the set of the actors, places and topics e names.
func (e *Event) terms() map[*Term]bool {
	set := map[*Term]bool{}
	for _, group := range [][]*Term{e.Actors, e.Places, e.Topics} {
		for _, t := range group {
			set[t] = true
		}
	}
	return set
}

// sameNames reports whether two events name the same terms, spelt alike.
func sameNames(a, b [3][]string) bool {
	for k := range a {
		if !slices.Equal(a[k], b[k]) {
			return false
		}
	}
	return true
}

// A naming is what an event's file names, as Load would find it (see
// nameTerms).
type naming struct {
	groups [3][]*Term       // the actors, places and topics named, in order
	firsts map[*Term]string // the terms no file describes that another file now names first, with that file
	titles map[*Term]string // the terms no file describes that take another title, with it
	fresh  [3][]freshTerm   // the terms no file or event described until now, by kind
	gone   [3][]*Term       // the terms no file describes that no file will name any more, by kind
}

// retitle notes that t is now named first by file, which spells it so,
// and reports whether it may be: its title may change with retitle. Its
// page name does not: every name found to refer to a term no file
// describes has the page name of its first (see terms.resolveFolded).
func (plan *naming) retitle(t *Term, file, spelt string, retitle bool) bool {
	title := strings.TrimSpace(spelt)
	if title != t.Title {
		if !retitle {
			return false
		}
		if plan.titles == nil {
			plan.titles = map[*Term]string{}
		}
		plan.titles[t] = title
	}
	if file != t.first {
		if plan.firsts == nil {
			plan.firsts = map[*Term]string{}
		}
		plan.firsts[t] = file
	}
	return true
}

// retitled lists the terms whose title the plan changes, in no order.
func (plan *naming) retitled() []*Term {
	var ts []*Term
	for t := range plan.titles {
		ts = append(ts, t)
	}
	return ts
}

// freshTerm is a term an event names for the first time, with the name it
// was first found by.
type freshTerm struct {
	t    *Term
	name string
}

// nameTerms finds the terms that names, what e's file now names, refer to,
// as Load would, and reports whether e may name them in place: no term's
// title changes. A term no file describes takes the spelling of the first
// event file naming it as its title: e may not spell such a term
// otherwise if it names it first, now or from now on, nor stop naming it
// if it named it first, unless no other file names it. A term no file or
// event described until now is made, to be kept by apply; one no file
// will name any more is forgotten by apply.
func (s *Site) nameTerms(e *Event, names [3][]string, retitle bool) (plan naming, ok bool) {
	for k, ts := range s.terms {
		if ts == nil {
			return plan, false
		}
		made := map[string]*Term{} // the terms made here, by slug
		was, now := spellings(ts, e.names[k]), map[*Term]string{}
		for _, n := range names[k] {
			t := ts.find(n)
			if t == nil {
				slug := Slugify(n)
				if t = made[slug]; t == nil {
					t = &Term{Kind: ts.kind, Slug: slug, Title: strings.TrimSpace(n), first: e.File}
					made[slug] = t
					plan.fresh[k] = append(plan.fresh[k], freshTerm{t, n})
				}
			}
			if _, ok := now[t]; !ok {
				now[t] = n
			}
			plan.groups[k] = appendTerm(plan.groups[k], t)
		}
		for t, spelt := range now {
			if t.File != "" || made[t.Slug] == t {
				continue
			}
			if (e.File == t.first || walkBefore(e.File, t.first)) && !plan.retitle(t, e.File, spelt, retitle) {
				return plan, false // the title changes
			}
		}
		for t := range was {
			if _, named := now[t]; named || t.File != "" || e.File != t.first {
				continue
			}
			if file, spelt := s.nextNaming(t, k, e.File); file != "" {
				// Its title is now the next file's spelling.
				if !plan.retitle(t, file, spelt, retitle) {
					return plan, false
				}
				continue
			}
			plan.gone[k] = append(plan.gone[k], t)
		}
	}
	return plan, true
}

// apply keeps what nameTerms found: the terms an event now names first,
// and the terms it made, found by name from now on; and forgets those no
// file names any more.
func (s *Site) apply(plan naming) {
	for t, first := range plan.firsts {
		t.first = first
	}
	for t, title := range plan.titles {
		t.Title = title
	}
	for k, gone := range plan.gone {
		for _, t := range gone {
			s.terms[k].forget(t)
		}
	}
	for k, fresh := range plan.fresh {
		ts := s.terms[k]
		for _, f := range fresh {
			ts.byName[Fold(f.name)], ts.bySlug[f.t.Slug] = f.t, f.t
			ts.list = append(ts.list, f.t)
		}
	}
}

// relist lists again, among the site's actors, places and topics, the
// terms touched, whose events changed: a term with events is listed, in
// the order of slugs, and one with none is not.
func (s *Site) relist(touched map[*Term]bool) {
	for k, list := range []*[]*Term{&s.Actors, &s.Places, &s.Topics} {
		kind := termKeys[k]
		changed := false
		for t := range touched {
			if t.Kind == kind && slices.Contains(*list, t) != (len(t.Events) > 0) {
				changed = true
			}
		}
		if !changed {
			continue
		}
		kept := slices.DeleteFunc(slices.Clone(*list), func(t *Term) bool { return len(t.Events) == 0 })
		for t := range touched {
			if t.Kind == kind && len(t.Events) > 0 && !slices.Contains(kept, t) {
				kept = append(kept, t)
			}
		}
		slices.SortFunc(kept, func(a, b *Term) int { return strings.Compare(a.Slug, b.Slug) })
		*list = kept
	}
}

// nextNaming returns the first file but file, in the order Load reads
// them, that names t, a term of kind k (0 for actors, 1 places, 2 topics),
// an event's or a draft's, with how it first spells it; "" when none does.
func (s *Site) nextNaming(t *Term, k int, file string) (next, spelt string) {
	var by *Event
	for _, e := range t.Events {
		if e.File != file && (by == nil || walkBefore(e.File, by.File)) {
			by = e
		}
	}
	for f, d := range s.drafts {
		if f != file && d.terms()[t] && (by == nil || walkBefore(f, by.File)) {
			by = d
		}
	}
	if by == nil {
		return "", ""
	}
	return by.File, spellings(s.terms[k], by.names[k])[t]
}

// spellings returns the terms of ts that names refer to, each with the
// first name that refers to it; names that refer to no term are left out.
func spellings(ts *terms, names []string) map[*Term]string {
	out := map[*Term]string{}
	for _, n := range names {
		if t := ts.find(n); t != nil {
			if _, ok := out[t]; !ok {
				out[t] = n
			}
		}
	}
	return out
}

// drop takes e out of list, a term's events or a source's citations; an
// empty list is nil, as Load leaves a term no event names or a source no
// event cites.
func drop(list []*Event, e *Event) []*Event {
	if list = slices.DeleteFunc(list, func(x *Event) bool { return x == e }); len(list) == 0 {
		return nil
	}
	return list
}

// slugTaken reports whether an event or a draft has the page name slug.
func (s *Site) slugTaken(slug string) bool {
	if slices.ContainsFunc(s.Events, func(e *Event) bool { return e.Slug == slug }) {
		return true
	}
	for file := range s.drafts {
		if idOf(file) == slug {
			return true
		}
	}
	return false
}

func setOf[T comparable](xs []T) map[T]bool {
	set := make(map[T]bool, len(xs))
	for _, x := range xs {
		set[x] = true
	}
	return set
}

// readTwice reports whether the file name may be read under another name
// too, so that what it says shows elsewhere than where Reread would put
// it: it is or was a link, a file a link leads to, a file with other names
// on its disk (hard links), or in a sources or events folder that is a
// link.
func (s *Site) readTwice(fsys fs.FS, name string) bool {
	if s.linked(name) {
		return true
	}
	fi, err := lstat(fsys, name)
	return err == nil && (fi.Mode()&fs.ModeSymlink != 0 || hardLinked(fi))
}

// plainFile reports whether the file name is a file, read under that name
// only (see readTwice): not gone, not a folder, not a link.
func (s *Site) plainFile(fsys fs.FS, name string) bool {
	if s.linked(name) {
		return false
	}
	fi, err := lstat(fsys, name)
	return err == nil && fi.Mode().IsRegular() && !hardLinked(fi)
}

// linked reports whether the last load read name through a link, or the
// file a link leads to, or in a linked folder.
func (s *Site) linked(name string) bool {
	return s.linkedTo[name] || s.linkedDirs && (strings.HasPrefix(name, "sources/") || strings.HasPrefix(name, "events/"))
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

// walkBefore reports whether the file at path a comes before the one at b
// in the order fs.WalkDir visits them, which the loader reads them in: name
// by name along their paths, each folder's entries sorted by name.
func walkBefore(a, b string) bool {
	for {
		an, arest, adeeper := strings.Cut(a, "/")
		bn, brest, bdeeper := strings.Cut(b, "/")
		if an != bn {
			return an < bn
		}
		if !adeeper || !bdeeper {
			return false // the same path, or one a folder of the other
		}
		a, b = arest, brest
	}
}

// replace has every name and spelling that found was find t, and t
// listed last in was's stead.
func (ts *terms) replace(was, t *Term) {
	for _, m := range [...]map[string]*Term{ts.byName, ts.byRaw} {
		for key, x := range m {
			if x == was {
				m[key] = t
			}
		}
	}
	ts.list = append(slices.DeleteFunc(ts.list, func(x *Term) bool { return x == was }), t)
}

// forget takes t out of ts: no file names it any more.
func (ts *terms) forget(t *Term) {
	maps.DeleteFunc(ts.byName, func(_ string, x *Term) bool { return x == t })
	maps.DeleteFunc(ts.byRaw, func(_ string, x *Term) bool { return x == t })
	maps.DeleteFunc(ts.bySlug, func(_ string, x *Term) bool { return x == t })
	ts.list = slices.DeleteFunc(ts.list, func(x *Term) bool { return x == t })
}
