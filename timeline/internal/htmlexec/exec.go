package htmlexec

import (
	"bytes"
	"cmp"
	"reflect"
	"slices"
	"strings"
	"unsafe"
)

// maxDepth bounds how deep templates call templates, well below
// text/template's own bound, which a page that deep then reaches.
const maxDepth = 1000

type variable struct {
	name string
	val  reflect.Value
}

// state is one execution.
type state struct {
	set   *Set
	w     *bytes.Buffer
	vars  []variable
	depth int
}

// control says how a list ended: through, or at a {{break}} or a
// {{continue}}.
type control int

const (
	through control = iota
	breaking
	continuing
)

var (
	reflectValueType = reflect.TypeFor[reflect.Value]()
	errorType        = reflect.TypeFor[error]()
	emptyInterface   = reflect.TypeFor[any]()
)

func (s *state) push(name string, v reflect.Value) { s.vars = append(s.vars, variable{name, v}) }

func (s *state) mark() int { return len(s.vars) }

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

// setVar sets the innermost variable named name.
func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].val = v
			return
		}
	}
	giveUp("undefined variable %s", name)
}

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].val
		}
	}
	giveUp("undefined variable %s", name)
	return reflect.Value{}
}

func (s *state) walk(dot reflect.Value, list []op) control {
	for _, o := range list {
		switch o := o.(type) {
		case textOp:
			s.w.Write(o.text)
		case printOp:
			v := s.evalPipeline(dot, o.pipe)
			s.print(v, o.esc)
		case declOp:
			s.evalPipeline(dot, o.pipe)
		case ifOp:
			if c := s.walkIf(dot, o); c != through {
				return c
			}
		case rangeOp:
			s.walkRange(dot, o)
		case templateOp:
			s.walkTemplate(dot, o)
		case breakOp:
			return breaking
		case continueOp:
			return continuing
		}
	}
	return through
}

func (s *state) walkIf(dot reflect.Value, o ifOp) control {
	defer s.pop(s.mark())
	v := s.evalPipeline(dot, o.pipe)
	truth, ok := isTrue(indirectInterface(v))
	if !ok {
		giveUp("if/with can't use %v", v)
	}
	if truth {
		if o.with {
			return s.walk(v, o.list)
		}
		return s.walk(dot, o.list)
	}
	return s.walk(dot, o.elseList)
}

func (s *state) walkRange(dot reflect.Value, o rangeOp) {
	defer s.pop(s.mark())
	val, _ := indirect(s.evalPipeline(dot, o.pipe))
	mark := s.mark()
	iteration := func(index, elem reflect.Value) control {
		if len(o.pipe.decl) > 0 {
			s.vars[mark-1].val = elem
		}
		if len(o.pipe.decl) > 1 {
			s.vars[mark-2].val = index
		}
		c := s.walk(elem, o.list)
		s.pop(mark)
		return c
	}
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() == 0 {
			break
		}
		for i := range val.Len() {
			if iteration(reflect.ValueOf(i), val.Index(i)) == breaking {
				break
			}
		}
		return
	case reflect.Map:
		if val.Len() == 0 {
			break
		}
		for _, k := range sortedKeys(val) {
			if iteration(k, val.MapIndex(k)) == breaking {
				break
			}
		}
		return
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if len(o.pipe.decl) > 1 {
			giveUp("two variables ranging over an integer")
		}
		var n int64
		if basicKind(val) == intKind {
			n = val.Int()
		} else if n = int64(val.Uint()); n < 0 {
			giveUp("ranging over %d", val.Uint())
		}
		if n <= 0 {
			break
		}
		for i := range n {
			// Each value of the integer's own type, as reflect's Seq gives.
			if iteration(reflect.Value{}, reflect.ValueOf(i).Convert(val.Type())) == breaking {
				break
			}
		}
		return
	case reflect.Invalid:
		// A nil map or slice behind an interface, say: the else branch.
	default:
		giveUp("range over %s", val.Kind())
	}
	if s.walk(dot, o.elseList) != through {
		// text/template ends a range's else at a break, and takes a
		// continue to the range around it.
		giveUp("a break or a continue in a range's else")
	}
}

func (s *state) walkTemplate(dot reflect.Value, o templateOp) {
	p, known := s.set.progs[o.name]
	if p == nil {
		if known {
			giveUp("template %s is not run here", o.name)
		}
		giveUp("template %s is not in the set", o.name)
	}
	if s.depth >= maxDepth {
		giveUp("templates called %d deep", s.depth)
	}
	dot = s.evalPipeline(dot, o.pipe)
	inner := state{set: s.set, w: s.w, vars: []variable{{"$", dot}}, depth: s.depth + 1}
	inner.walk(dot, p.list)
}

func (s *state) evalPipeline(dot reflect.Value, p *pipeline) reflect.Value {
	if p == nil {
		return reflect.Value{}
	}
	var v reflect.Value
	final := missing
	for _, cmd := range p.cmds {
		v = s.evalCommand(dot, cmd, final)
		// text/template looks into an empty interface at once.
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = reflect.ValueOf(v.Interface())
		}
		final = v
	}
	for _, name := range p.decl {
		if p.assign {
			s.setVar(name, v)
		} else {
			s.push(name, v)
		}
	}
	return v
}

// missing stands for no final argument: text/template's missingVal. It
// points to missingBox, which no template's value can: telling it apart
// needs no comparison of types.
var missing = reflect.ValueOf(&missingBox)

var missingBox byte

func isMissing(v reflect.Value) bool {
	return v.Kind() == reflect.Pointer && v.UnsafePointer() == unsafe.Pointer(&missingBox)
}

// evalCommand evaluates the first word of a command, called with its
// arguments and final, the value of the command before it.
func (s *state) evalCommand(dot reflect.Value, t *term, final reflect.Value) reflect.Value {
	switch t.kind {
	case tField:
		return s.evalChain(dot, dot, t, final)
	case tChain:
		return s.evalChain(dot, s.evalCommand(dot, t.base, missing), t, final)
	case tVar:
		v := s.varValue(t.name)
		if len(t.fields) == 0 {
			s.notAFunction(t, final)
			return v
		}
		return s.evalChain(dot, v, t, final)
	case tFunc:
		return s.call(dot, t.fn, t.fn.val, t.args, final)
	}
	s.notAFunction(t, final)
	switch t.kind {
	case tDot:
		return dot
	case tConst:
		return t.val
	case tPipe:
		return s.evalPipeline(dot, t.pipe)
	}
	giveUp("nil is not a command")
	return reflect.Value{}
}

func (s *state) notAFunction(t *term, final reflect.Value) {
	if len(t.args) > 0 || !isMissing(final) {
		giveUp("arguments to what is not a function")
	}
}

// evalChain evaluates t's fields on receiver, the last one with t's
// arguments and final.
func (s *state) evalChain(dot, receiver reflect.Value, t *term, final reflect.Value) reflect.Value {
	n := len(t.fields)
	for i := range n - 1 {
		receiver = s.evalField(dot, t.fields[i], receiver, nil, missing)
	}
	return s.evalField(dot, t.fields[n-1], receiver, t.args, final)
}

// evalArg evaluates an argument for a parameter of type typ, as
// text/template's evalArg does.
func (s *state) evalArg(dot reflect.Value, typ reflect.Type, t *term) reflect.Value {
	switch t.kind {
	case tDot:
		return s.validateType(dot, typ)
	case tNil:
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		giveUp("cannot assign nil to %s", typ)
	case tField, tVar, tPipe, tChain:
		return s.validateType(s.evalCommand(dot, t, missing), typ)
	case tFunc:
		return s.validateType(s.call(dot, t.fn, t.fn.val, nil, missing), typ)
	}
	// A constant.
	if typ == reflectValueType || typ == emptyInterface {
		v := t.val
		if typ == reflectValueType {
			return reflect.ValueOf(v)
		}
		return v
	}
	v := reflect.New(typ).Elem()
	switch typ.Kind() {
	case reflect.String:
		if t.val.Kind() == reflect.String {
			v.SetString(t.val.String())
			return v
		}
	case reflect.Bool:
		if t.val.Kind() == reflect.Bool {
			v.SetBool(t.val.Bool())
			return v
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, ok := number(t); ok && n.IsInt {
			v.SetInt(n.Int64)
			return v
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if n, ok := number(t); ok && n.IsUint {
			v.SetUint(n.Uint64)
			return v
		}
	case reflect.Float32, reflect.Float64:
		if n, ok := number(t); ok && n.IsFloat {
			v.SetFloat(n.Float64)
			return v
		}
	}
	giveUp("constant for a parameter of type %s", typ)
	return reflect.Value{}
}

// validateType is text/template's: v as a value of type typ, or a decline.
func (s *state) validateType(v reflect.Value, typ reflect.Type) reflect.Value {
	if !v.IsValid() {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		giveUp("invalid value for %s", typ)
	}
	if typ == reflectValueType && v.Type() != typ {
		return reflect.ValueOf(v)
	}
	if v.Type().AssignableTo(typ) {
		return v
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		if e := v.Elem(); e.Type().AssignableTo(typ) {
			return e
		}
	}
	if v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ) && !v.IsNil() {
		return v.Elem()
	}
	giveUp("a %s for a parameter of type %s", v.Type(), typ)
	return reflect.Value{}
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

// indirect goes through pointers and interfaces to a value, stopping at
// a nil one and reporting it.
func indirect(v reflect.Value) (reflect.Value, bool) {
	v, _, isNil := indirectPtr(v)
	return v, isNil
}

// indirectPtr is indirect, which also returns the last pointer it
// followed, whose element v is, or nothing when it followed none.
func indirectPtr(v reflect.Value) (_, ptr reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, ptr, true
		}
		if v.Kind() == reflect.Pointer {
			ptr = v
		} else {
			ptr = reflect.Value{}
		}
	}
	return v, ptr, false
}

// addr is r's pointer when r has one, r else; ptr is r's pointer as
// indirectPtr found it, if it did: taking it is cheaper than r.Addr().
func addr(r, ptr reflect.Value) reflect.Value {
	switch {
	case ptr.IsValid():
		return ptr
	case r.CanAddr():
		return r.Addr()
	}
	return r
}

// indirectInterface goes into an interface, if v is one and not nil.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface || v.IsNil() {
		return v
	}
	return v.Elem()
}

// sortedKeys returns the keys of a map in text/template's order, for
// keys that are strings or integers; it declines maps of other keys,
// whose order takes more.
func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	switch basicKind(reflect.Zero(m.Type().Key())) {
	case stringKind:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	case intKind:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) })
	case uintKind:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Uint(), b.Uint()) })
	default:
		giveUp("range over a map of %s keys", m.Type().Key().Kind())
	}
	return keys
}

// isTrue is text/template's truth: false for the zero value of its type.
func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}
