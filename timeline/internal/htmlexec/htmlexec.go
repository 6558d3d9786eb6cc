// Package htmlexec executes html/template's templates once html/template
// has escaped them, without text/template's reflection on every action.
//
// html/template works in two steps. It escapes a template once, before it
// first executes it: it reads the HTML around each action and appends to
// the action's pipeline the escapers its context needs
// (_html_template_htmlescaper in text, _html_template_attrescaper in an
// attribute, a URL filter and normalizer in an href, ...). Then
// text/template executes the escaped tree: it looks up every field and
// method by name through reflect, and calls every escaper and function
// through reflect.Value.Call, a microsecond or so an action.
//
// A Set keeps the first step and replaces the second. It reads the trees
// html/template escaped, once, into programs whose fields and methods are
// looked up once per type, whose escapers write straight into the page,
// and whose built-in functions are called directly. The contextual
// escaping is html/template's own: a Set does not parse HTML, it only
// runs the escapers html/template chose, with the same results.
//
// A Set runs only what it knows to run exactly as text/template does, and
// declines the rest: a template it cannot read (an escaper, a function or
// a node it does not know) when it reads it, and, as it runs, any value,
// error or panic outside the ordinary (a nil pointer, a map to range
// over, a key a map lacks when the set's missingkey option makes it an
// error, an error from a function, HTML in an attribute, ...). Execute
// then reports false and leaves the buffer as it found it, and the caller
// executes the template with html/template, which gives the page, or the
// error, as always. Functions may thus be called twice for a page that
// declines; they must not have side effects that matter.
//
// New has html/template escape the templates it is told Execute starts
// from before it reads them: it then reads the trees html/template runs.
package htmlexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strings"
	"sync/atomic"
	texttemplate "text/template"
	"text/template/parse"
	"unsafe"
)

// Set runs the escaped templates of one html/template set.
type Set struct {
	// progs holds every template of the set's name space, by name,
	// those html/template derived for other contexts included; nil
	// for those a Set cannot run.
	progs map[string]*program
	// entries are the templates Execute may start from: html/template
	// escaped them, and so every template they call.
	entries  map[string]bool
	calls    map[reflect.Type]Call
	missing  missingKey
	declined atomic.Int64
}

// missingKey is what the set's missingkey option has a key a map lacks
// give.
type missingKey int

const (
	missingUnknown missingKey = iota // an error, or not known: decline
	missingNothing                   // no value: the default
	missingZero                      // the zero value of the map's elements
)

// program is one template, as a Set runs it.
type program struct {
	list []op
}

// New reads the templates of t that entries name, and those they call,
// once html/template has escaped them; funcs are the functions t was
// given (Funcs), which the templates may call, and calls the types of
// functions and methods the Set calls directly (see Call).
//
// New has html/template escape each entry, by executing it on no data;
// an entry html/template cannot escape is left to it. Functions the
// templates call are thus called with nil arguments.
func New(t *template.Template, funcs template.FuncMap, calls []Call, entries ...string) *Set {
	s := &Set{progs: map[string]*program{}, entries: map[string]bool{}, calls: map[reflect.Type]Call{}}
	for _, c := range calls {
		s.calls[c.typ] = c
	}
	for _, name := range entries {
		var escErr *template.Error
		if err := t.ExecuteTemplate(io.Discard, name, nil); !errors.As(err, &escErr) && t.Lookup(name) != nil {
			s.entries[name] = true
		}
	}
	c := &compiler{funcs: map[string]reflect.Value{}, calls: s.calls}
	for name, f := range funcs {
		c.funcs[name] = reflect.ValueOf(f)
	}
	text := textOf(t)
	s.missing = missingKeyOf(text)
	for name, tree := range trees(t, text) {
		if list, err := c.list(tree.Root); err == nil {
			s.progs[name] = &program{list: list}
		} else {
			s.progs[name] = nil
		}
	}
	return s
}

// textOf returns the text/template underneath t, which html/template
// does not export, or nil when it is not where it is expected.
func textOf(t *template.Template) *texttemplate.Template {
	f := reflect.ValueOf(t).Elem().FieldByName("text")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*texttemplate.Template]() || f.IsNil() {
		return nil
	}
	return (*texttemplate.Template)(unsafe.Pointer(f.Pointer()))
}

// missingKeyOf finds out what text's missingkey option has a missing key
// give, by executing a template of its own in a copy of text's name space.
func missingKeyOf(text *texttemplate.Template) missingKey {
	if text == nil {
		return missingUnknown
	}
	probe, err := text.Clone()
	if err != nil {
		return missingUnknown
	}
	if probe, err = probe.New("htmlexec missingkey probe").Parse(`{{.k}}`); err != nil {
		return missingUnknown // other delimiters
	}
	var b strings.Builder
	if probe.Execute(&b, map[string]int{}) != nil {
		return missingUnknown
	}
	switch b.String() {
	case "<no value>":
		return missingNothing
	case "0":
		return missingZero
	}
	return missingUnknown
}

// trees returns the trees of every template of t's name space, by name.
// html/template keeps the templates it derives for other contexts than
// text (a block in <title>, a partial in an attribute) only in text, the
// text/template underneath: trees reads them there when it has it, and
// makes do with the html/template ones otherwise, whose calls to derived
// templates then decline.
func trees(t *template.Template, text *texttemplate.Template) map[string]*parse.Tree {
	m := map[string]*parse.Tree{}
	if text != nil {
		for _, tt := range text.Templates() {
			if tt.Tree != nil && tt.Tree.Root != nil {
				m[tt.Name()] = tt.Tree
			}
		}
		return m
	}
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			m[tt.Name()] = tt.Tree
		}
	}
	return m
}

// Declined returns how many executions declined so far.
func (s *Set) Declined() int64 { return s.declined.Load() }

// decline is what the runner panics with to give the page up.
type decline struct{ why string }

func (d decline) String() string { return "htmlexec: declined: " + d.why }

// giveUp declines the page, saying why for tests and debugging.
func giveUp(format string, args ...any) {
	panic(decline{fmt.Sprintf(format, args...)})
}

// Execute writes the template name, applied to data, at the end of buf,
// and reports true; or reports false, with buf as it was, when it
// declines (see the package comment).
func (s *Set) Execute(buf *bytes.Buffer, name string, data any) (ok bool) {
	_, ok = s.execute(buf, name, data)
	return ok
}

// execute is Execute, saying why it declined.
func (s *Set) execute(buf *bytes.Buffer, name string, data any) (why string, ok bool) {
	p := s.progs[name]
	if p == nil || !s.entries[name] {
		s.declined.Add(1)
		return "template " + name + " is not run here", false
	}
	start := buf.Len()
	defer func() {
		if e := recover(); e != nil {
			buf.Truncate(start)
			s.declined.Add(1)
			why, ok = fmt.Sprint(e), false
		}
	}()
	// As text/template does, a reflect.Value stands for the value it holds.
	dot, isValue := data.(reflect.Value)
	if !isValue {
		dot = reflect.ValueOf(data)
	}
	st := &state{set: s, w: buf, vars: []variable{{"$", dot}}}
	st.walk(dot, p.list)
	return "", true
}
