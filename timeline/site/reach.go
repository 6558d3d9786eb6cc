package site

import (
	"slices"
	"text/template/parse"
)

// reach is a kind of value a template may reach and must not show all of:
// the fields that lead to such a value, those that keep to it (a field of
// it that is the same thing seen otherwise), and those of its fields that
// a page must not show (see renderer.local). Any other field leads away.
type reach struct {
	leads, keeps, hidden map[string]bool
	// handed says that handing such a value to a function, a method or
	// another template shows it, as the one given it may show anything
	// of it.
	handed bool
	// only, when set, are the fields of such a value a page may show:
	// any other is hidden but those that keep to it. Then a value handed
	// on shows it, through a pipe too, but to the functions and methods
	// named in free; of those, the functions in opaque return no such
	// value (len, eq).
	only, free, opaque map[string]bool
	// printed says that printing such a value whole shows it.
	printed bool
}

// set makes a set of names.
func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

var (
	// farNeighbours are what no digest of an event's page covers of its
	// neighbours and related events: their own neighbours and related
	// events, and their bodies (through their content, .Event).
	farNeighbours = reach{leads: set("Prev", "Next", "Related"), keeps: set("Event"),
		hidden: set("Prev", "Next", "Related", "Body", "BodyLine")}
	// siteLists are the lists of the whole site, which only the home page
	// (rendered again after every change) may show.
	siteLists = reach{leads: set("Site"), handed: true,
		hidden: set("Events", "Sources", "Actors", "Places", "Topics", "Years")}
	// otherLists are, on a term's or a year's page, the lists of events of
	// other terms and years, which its digest does not cover, and the
	// events' bodies: reached from its events, through their terms, their
	// year (on a year's page, an event's year is the page's own), their
	// neighbours and related events, and the terms the finder lists. A
	// term's page may show its own body, not its events'.
	otherListsOfTerm = reach{leads: eventLinks(true), keeps: set("Event", "Term"), hidden: set("Events", "Body", "BodyLine")}
	otherListsOfYear = reach{leads: eventLinks(false), keeps: set("Event", "Term"), hidden: set("Events", "Body", "BodyLine")}
	// otherSources are, on a source's page, other sources' marks and text,
	// which its digest does not cover: reached from the events quoting it.
	otherSources = reach{leads: set("Event", "Events", "Cites", "Sources", "Prev", "Next", "Related", "Actors", "Places", "Topics", "Year"),
		keeps: set("Source"), hidden: set("Passages", "Segments", "Paras", "Text", "Raw")}
)

// eventLinks are the fields that lead to events, from an event to its
// terms, its neighbours and related events, and with year, its year.
func eventLinks(year bool) map[string]bool {
	m := set("Events", "Actors", "Places", "Topics", "Prev", "Next", "Related", "Terms")
	if year {
		m["Year"] = true
	}
	return m
}

// shown reports whether a template's text, parsed into trees (parseTrees),
// may show a hidden field of a value that rc leads to: .Prev.Next, but also
// .Next inside {{with .Prev}} or {{range .Related}}, a variable set to a
// neighbour, or a template given one. It looks at what the text names, not
// at what the values are, so it may see such a field where there is none,
// never the other way round.
func (rc reach) shown(trees map[string]*parse.Tree) bool { return rc.shownWith(trees, nil) }

// shownWith is shown, where a template of another file is one of shared
// (the trees of the base layout and the partials, by name, every one that
// defines it: see parseAll): one given a value reached shows a hidden field of it when
// the text of any template of that name, or of one it calls, names one; a
// partial given one through partialCached too. Whichever definition runs,
// of the page's own, the base layout's and the partials', names no hidden
// field when none does.
func (rc reach) shownWith(trees map[string]*parse.Tree, shared map[string][]*parse.Tree) bool {
	f := &reachFinder{reach: rc, trees: trees, shared: shared, vars: map[string]bool{}, names: map[string]bool{}}
	// A variable may be set to a value reached after a use, in a loop: the
	// trees are walked again until no variable is found to be one anew.
	for n := -1; n != len(f.vars); {
		n = len(f.vars)
		f.read = nil // the templates called, read again with the variables found
		for _, tr := range trees {
			f.walk(tr.Root, false)
		}
	}
	return f.found
}

// shownInAny reports whether any definition of the template name among
// shared (the base layout's and the partials', see parseAll) shows a
// hidden field of what rc leads to, read as shownWith reads it.
func (rc reach) shownInAny(name string, shared map[string][]*parse.Tree) bool {
	return slices.ContainsFunc(shared[name], func(tr *parse.Tree) bool {
		return rc.shownWith(map[string]*parse.Tree{name: tr}, shared)
	})
}

// parseTrees parses a template's text into the trees it defines, by name,
// its own under name.
func parseTrees(name, src string) (map[string]*parse.Tree, error) {
	t := parse.New(name)
	t.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	_, err := t.Parse(src, "", "", trees)
	return trees, err
}

// callsIntoPages reports whether a template may run a page's template
// with other data than the page, which that page's own reading (reach)
// did not follow: a partial or the base layout calling a template that a
// page's file defines, or any template calling the base layout or one it
// defines (which call the pages' blocks), but for the base layout's own
// text giving the page to the blocks pages fill. It reads every template's
// trees (parseTrees), by the template's name.
func callsIntoPages(parsed map[string]map[string]*parse.Tree) bool {
	const base = "_default/baseof.html"
	pages := map[string]bool{} // the templates a page's file defines
	bases := map[string]bool{base: true}
	for name, trees := range parsed {
		if name != base && !slices.Contains(kindTemplates, name) {
			continue
		}
		for n := range trees {
			switch {
			case name == base:
				bases[n] = true
			case n != name:
				pages[n] = true
			}
		}
	}
	for name, trees := range parsed {
		page := slices.Contains(kindTemplates, name)
		for n, tr := range trees {
			refused := func(target string) bool {
				return bases[target] || pages[target] && !page
			}
			if callsInto(tr.Root, refused, name == base && n == base, false) {
				return true
			}
		}
	}
	return false
}

// pageBlocks are the blocks the base layout gives the page to, which each
// kind of page fills.
var pageBlocks = set("title", "head", "main")

// callsInto reports whether n calls a template refused, but for the base
// layout's own text (base) giving the page, dot outside any with or range
// (not scoped), to one of pageBlocks.
func callsInto(n parse.Node, refused func(string) bool, base, scoped bool) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				if callsInto(c, refused, base, scoped) {
					return true
				}
			}
		}
	case *parse.IfNode:
		return callsInto(n.List, refused, base, scoped) || callsInto(n.ElseList, refused, base, scoped)
	case *parse.WithNode:
		return callsInto(n.List, refused, base, true) || callsInto(n.ElseList, refused, base, scoped)
	case *parse.RangeNode:
		return callsInto(n.List, refused, base, true) || callsInto(n.ElseList, refused, base, scoped)
	case *parse.TemplateNode:
		if !refused(n.Name) {
			return false
		}
		givesPage := n.Pipe != nil && len(n.Pipe.Decl) == 0 && len(n.Pipe.Cmds) == 1 && len(n.Pipe.Cmds[0].Args) == 1
		if givesPage {
			_, givesPage = n.Pipe.Cmds[0].Args[0].(*parse.DotNode)
		}
		return !(base && !scoped && givesPage && pageBlocks[n.Name])
	}
	return false
}

// reachFinder walks the parse trees of a template's text for reach.shown.
// A value "reached" is one that rc leads to, or a list of them.
type reachFinder struct {
	reach
	trees  map[string]*parse.Tree
	shared map[string][]*parse.Tree // the base layout's and the partials' templates, looked into when set (see shownWith)
	vars   map[string]bool          // the variables ever set to a value reached, wherever they are in scope
	names  map[string]bool          // the templates found to name a hidden field, directly or through another
	read   map[string]bool          // the templates called that were read (see called)
	found  bool
}

// walk looks through n, in which dot is a value reached when in is set.
func (f *reachFinder) walk(n parse.Node, in bool) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				f.walk(c, in)
			}
		}
	case *parse.ActionNode:
		f.pipe(n.Pipe, in, false)
		if f.printed && len(n.Pipe.Decl) == 0 && f.yields(n.Pipe, in) {
			f.found = true
		}
	case *parse.IfNode:
		f.branch(&n.BranchNode, in, in)
	case *parse.WithNode: // dot is the pipeline's value within
		f.branch(&n.BranchNode, in, f.yields(n.Pipe, in))
	case *parse.RangeNode: // dot is each of the pipeline's values within
		f.branch(&n.BranchNode, in, f.yields(n.Pipe, in))
	case *parse.TemplateNode:
		// A template of another file (a partial, the base) names none of
		// the hidden fields, and calls back into no page's (see
		// callsIntoPages): given a value reached, it shows only what
		// handing it on shows.
		f.pipe(n.Pipe, in, true)
		if n.Pipe != nil && f.yields(n.Pipe, in) && (f.handed || f.namesHidden(n.Name, map[string]bool{})) {
			f.found = true
		}
		f.called(n.Name)
	}
}

// called reads, where only some fields may be shown (reach.only), the
// template name that a template calls with a value that is not one
// reached (one that is, it shows): every definition of it, the page's
// own and those of the base layout and partials. Its data may still hold
// one, under a field that leads to it (the dict of a partial, a quoted
// passage).
func (f *reachFinder) called(name string) {
	if f.only == nil || f.read[name] {
		return
	}
	if f.read == nil {
		f.read = map[string]bool{}
	}
	f.read[name] = true
	if tr := f.trees[name]; tr != nil {
		f.walk(tr.Root, false)
	}
	for _, tr := range f.shared[name] {
		f.walk(tr.Root, false)
	}
}

// branch looks through an if, with or range: its pipeline and its else
// branch where dot is a value reached when in is set, its body where it
// is one when within is.
func (f *reachFinder) branch(b *parse.BranchNode, in, within bool) {
	f.pipe(b.Pipe, in, false)
	f.walk(b.List, within)
	f.walk(b.ElseList, in)
}

// pipe looks through a pipeline's commands, and notes the variables it
// sets to a value reached. Its value is handed to a template of another
// file when out is set.
func (f *reachFinder) pipe(p *parse.PipeNode, in, out bool) {
	if p == nil {
		return
	}
	if f.yields(p, in) {
		for _, v := range p.Decl {
			f.vars[v.Ident[0]] = true
		}
	}
	for ci, c := range p.Cmds {
		// A map made of values reached hides them under keys, which no
		// field name tells apart, unless it goes straight to a template
		// of another file, as partialCached's data or a template's.
		fn, _ := c.Args[0].(*parse.IdentifierNode)
		bag := fn != nil && fn.Ident == "dict" && !out
		// What the commands before pipe in, its last argument.
		piped := ci > 0 && f.yields(&parse.PipeNode{Cmds: p.Cmds[:ci]}, in)
		if fn != nil && fn.Ident == "partialCached" && f.shared != nil {
			// A partial given a value reached, as its data or, without
			// one, the value piped into it: one whose name is not
			// written out may be any.
			given := len(c.Args) > 2 && f.value(c.Args[2], in) || len(c.Args) <= 2 && piped
			var name *parse.StringNode
			if len(c.Args) > 1 {
				name, _ = c.Args[1].(*parse.StringNode)
			}
			if given {
				f.found = f.found || name == nil || f.namesHidden(name.Text, map[string]bool{})
			}
			if f.only != nil {
				// A partial named otherwise than by its name may be any.
				if f.found = f.found || name == nil; name != nil {
					f.called(name.Text)
				}
			}
		}
		// A value reached piped into a command is handed to it as the
		// other arguments are (below), or put in a map.
		if piped && (f.handed && !f.frees(c) || bag) {
			f.found = true
		}
		for i, arg := range c.Args {
			if sub, ok := arg.(*parse.PipeNode); ok {
				// (dict …) as partialCached's data, or alone as a template's.
				f.pipe(sub, in, fn != nil && fn.Ident == "partialCached" && i == 2 || out && len(c.Args) == 1)
			} else {
				f.arg(arg, in)
			}
			// The arguments after the first are handed to a function
			// or a method.
			if i > 0 && (f.handed && !f.frees(c) || bag) && f.value(arg, in) {
				f.found = true
			}
		}
	}
}

// arg looks through one argument of a command.
func (f *reachFinder) arg(n parse.Node, in bool) {
	var shows bool
	switch n := n.(type) {
	case *parse.FieldNode:
		_, shows = f.follow(n.Ident, in)
	case *parse.VariableNode:
		_, shows = f.follow(n.Ident[1:], f.vars[n.Ident[0]])
	case *parse.ChainNode:
		f.arg(n.Node, in)
		_, shows = f.follow(n.Field, f.value(n.Node, in))
	case *parse.PipeNode:
		f.pipe(n, in, false)
	}
	f.found = f.found || shows
}

// follow takes a chain of fields from a value, reached when in is set: it
// reports whether the chain ends on a value reached, and whether it takes
// a hidden field of one on the way.
func (f *reachFinder) follow(idents []string, in bool) (reached, shows bool) {
	for _, id := range idents {
		shows = shows || in && f.hides(id)
		in = f.leads[id] || in && f.keeps[id]
	}
	return in, shows
}

// hides reports whether a field of a value reached is one a page must not
// show.
func (f *reachFinder) hides(id string) bool {
	return f.hidden[id] || f.only != nil && !f.only[id] && !f.keeps[id]
}

// frees reports whether a command is a call of a function or a method
// that may be given a value reached (see reach.free).
func (f *reachFinder) frees(c *parse.CommandNode) bool {
	var idents []string
	switch n := c.Args[0].(type) {
	case *parse.IdentifierNode:
		return f.free[n.Ident]
	case *parse.FieldNode:
		idents = n.Ident
	case *parse.VariableNode:
		idents = n.Ident[1:]
	case *parse.ChainNode:
		idents = n.Field
	}
	return len(idents) > 0 && f.free[idents[len(idents)-1]]
}

// yields reports whether a pipeline's value may be a value reached.
func (f *reachFinder) yields(p *parse.PipeNode, in bool) bool {
	if f.opaque != nil {
		// A pipeline's value is its last command's, which an opaque
		// function's is not.
		reached := false
		for _, c := range p.Cmds {
			if fn, ok := c.Args[0].(*parse.IdentifierNode); ok && f.opaque[fn.Ident] {
				reached = false
				continue
			}
			reached = reached || slices.ContainsFunc(c.Args, func(a parse.Node) bool { return f.value(a, in) })
		}
		return reached
	}
	for _, c := range p.Cmds {
		for _, arg := range c.Args {
			if f.value(arg, in) {
				return true
			}
		}
	}
	return false
}

// value reports whether an argument's value may be a value reached.
func (f *reachFinder) value(n parse.Node, in bool) bool {
	switch n := n.(type) {
	case *parse.DotNode:
		return in
	case *parse.FieldNode:
		reached, _ := f.follow(n.Ident, in)
		return reached
	case *parse.VariableNode:
		reached, _ := f.follow(n.Ident[1:], f.vars[n.Ident[0]])
		return reached
	case *parse.ChainNode:
		reached, _ := f.follow(n.Field, f.value(n.Node, in))
		return reached
	case *parse.PipeNode:
		return f.yields(n, in)
	}
	return false
}

// namesHidden reports whether the template name, if the text defines it
// (or, with shared, the base layout or a partial), or one it calls names a
// hidden field.
func (f *reachFinder) namesHidden(name string, seen map[string]bool) bool {
	var trees []*parse.Tree
	if tr := f.trees[name]; tr != nil {
		trees = append(trees, tr)
	}
	trees = append(trees, f.shared[name]...)
	if f.names[name] || len(trees) == 0 || seen[name] {
		return f.names[name]
	}
	seen[name] = true
	for _, tr := range trees {
		f.walkNames(name, tr, seen)
	}
	return f.names[name]
}

// walkNames notes in f.names whether the tree of the template name, or a
// template it calls, names a hidden field.
func (f *reachFinder) walkNames(name string, tr *parse.Tree, seen map[string]bool) {
	visit(tr.Root, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.FieldNode:
			f.names[name] = f.names[name] || f.takes(n.Ident, f.hidden)
		case *parse.VariableNode:
			f.names[name] = f.names[name] || f.takes(n.Ident[1:], f.hidden)
		case *parse.ChainNode:
			f.names[name] = f.names[name] || f.takes(n.Field, f.hidden)
		case *parse.TemplateNode:
			f.names[name] = f.names[name] || f.namesHidden(n.Name, seen)
		case *parse.CommandNode:
			if fn, ok := n.Args[0].(*parse.IdentifierNode); ok && fn.Ident == "partialCached" && f.shared != nil {
				var partial *parse.StringNode
				if len(n.Args) > 1 {
					partial, _ = n.Args[1].(*parse.StringNode)
				}
				f.names[name] = f.names[name] || partial == nil || f.namesHidden(partial.Text, seen)
			}
		}
	})
}

// takes reports whether a chain of fields takes one of those in set.
func (f *reachFinder) takes(idents []string, set map[string]bool) bool {
	return slices.ContainsFunc(idents, func(id string) bool { return set[id] })
}

// visit calls fn for n and every node below it.
func visit(n parse.Node, fn func(parse.Node)) {
	if isNil(n) {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			visit(c, fn)
		}
	case *parse.ActionNode:
		visit(n.Pipe, fn)
	case *parse.IfNode:
		visitBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		visitBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		visitBranch(&n.BranchNode, fn)
	case *parse.TemplateNode:
		visit(n.Pipe, fn)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			visit(c, fn)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			visit(a, fn)
		}
	case *parse.ChainNode:
		visit(n.Node, fn)
	}
}

func visitBranch(b *parse.BranchNode, fn func(parse.Node)) {
	visit(b.Pipe, fn)
	visit(b.List, fn)
	visit(b.ElseList, fn)
}

// isNil reports whether n is nil, or one of the nodes a tree may hold as
// a nil pointer: an absent else branch, a template called without data.
func isNil(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		return n == nil
	case *parse.PipeNode:
		return n == nil
	}
	return n == nil
}
