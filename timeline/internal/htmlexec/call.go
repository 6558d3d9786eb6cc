package htmlexec

import (
	"fmt"
	"reflect"
	"text/template/parse"
)

// access is what a field or method name stands for on receivers of one
// type (typ, once pointers are followed) that can have a pointer (addr)
// or not: a method, a struct field, or a map's entry.
type access struct {
	typ    reflect.Type
	addr   bool
	method int // index in the methods of typ's pointer when addr, of typ's else; or -1
	field  []int
	isMap  bool
	// direct calls the method, its receiver first, when the Set's
	// Calls cover its method expression, fn.
	direct direct
	fn     reflect.Value
}

// resolve works out what name stands for on ptr, whose value is r;
// calls are the Set's.
func resolve(calls map[reflect.Type]Call, name string, ptr, r reflect.Value) *access {
	a := &access{typ: r.Type(), addr: r.CanAddr(), method: -1}
	if m, ok := ptr.Type().MethodByName(name); ok {
		a.method = m.Index
		if ptr.Kind() != reflect.Interface {
			if a.direct = directOf(calls, m.Func); a.direct != nil {
				a.fn = m.Func
			}
		}
		return a
	}
	switch r.Kind() {
	case reflect.Struct:
		if f, ok := r.Type().FieldByName(name); ok && f.IsExported() {
			a.field = f.Index
		}
	case reflect.Map:
		a.isMap = reflect.TypeFor[string]().AssignableTo(r.Type().Key())
	}
	return a
}

// evalField evaluates one field or method name on receiver, a method
// with args and final.
func (s *state) evalField(dot reflect.Value, st *step, receiver reflect.Value, args []*term, final reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		// Nothing, or an error, as the set's missingkey option says.
		if s.set.missing == missingUnknown {
			giveUp("%s of nothing", st.name)
		}
		return reflect.Value{}
	}
	r, ptr, isNil := indirectPtr(receiver)
	if isNil {
		giveUp("nil pointer evaluating %s", st.name)
	}
	a := st.cache.Load()
	if a == nil || a.typ != r.Type() || a.addr != r.CanAddr() {
		a = resolve(s.set.calls, st.name, addr(r, ptr), r)
		st.cache.Store(a)
	}
	switch {
	case a.direct != nil:
		return s.callDirect(dot, a.direct, a.fn, addr(r, ptr), args, final)
	case a.method >= 0:
		return s.call(dot, nil, addr(r, ptr).Method(a.method), args, final)
	case len(args) > 0 || !isMissing(final):
		giveUp("arguments to %s, which is no method", st.name)
	case a.field != nil:
		if len(a.field) == 1 {
			return r.Field(a.field[0])
		}
		f, err := r.FieldByIndexErr(a.field)
		if err != nil {
			giveUp("%v", err)
		}
		return f
	case a.isMap:
		v := r.MapIndex(reflect.ValueOf(st.name))
		if !v.IsValid() {
			// Nothing, a zero value or an error, as the set's missingkey
			// option says.
			switch s.set.missing {
			case missingUnknown:
				giveUp("no entry for key %q", st.name)
			case missingZero:
				return reflect.Zero(r.Type().Elem())
			}
		}
		return v
	}
	giveUp("can't evaluate field %s in type %s", st.name, r.Type())
	return reflect.Value{}
}

// call calls fun with args and final, as text/template's evalCall does;
// fn says which function it is, when it is one a template names.
func (s *state) call(dot reflect.Value, fn *function, fun reflect.Value, args []*term, final reflect.Value) reflect.Value {
	if fn != nil && fn.builtin != custom {
		return s.builtin(dot, fn.builtin, args, final)
	}
	if fn != nil && fn.direct != nil {
		return s.callDirect(dot, fn.direct, fun, reflect.Value{}, args, final)
	}
	typ := fun.Type()
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			giveUp("too few arguments")
		}
	} else if numIn != typ.NumIn() {
		giveUp("wrong number of arguments")
	}
	switch {
	case typ.NumOut() == 1:
	case typ.NumOut() == 2 && typ.Out(1) == errorType:
	default:
		giveUp("a function with %d results", typ.NumOut())
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = s.evalArg(dot, typ.In(i), args[i])
	}
	if typ.IsVariadic() {
		elem := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = s.evalArg(dot, elem, args[i])
		}
	}
	if !isMissing(final) {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = s.validateType(final, t)
	}
	return result(outcome(fun.Call(argv)))
}

// outcome splits what reflect.Value.Call returns into a value and an
// error.
func outcome(out []reflect.Value) (reflect.Value, error) {
	if len(out) == 2 && !out[1].IsNil() {
		return out[0], out[1].Interface().(error)
	}
	return out[0], nil
}

// result is what a call that returned v and err gives a template: v, or
// the value v holds when it is a reflect.Value; its error declines.
func result(v reflect.Value, err error) reflect.Value {
	if err != nil {
		giveUp("error calling a function: %v", err)
	}
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

// plain evaluates an argument of a built-in function, which text/template
// passes as a reflect.Value: as it is, constants as their ideal values.
func (s *state) plain(dot reflect.Value, t *term) reflect.Value {
	switch t.kind {
	case tConst:
		return t.val
	case tNil:
		return reflect.Value{}
	case tFunc:
		return s.call(dot, t.fn, t.fn.val, nil, missing)
	}
	return s.evalCommand(dot, t, missing)
}

// builtinArgs evaluates the arguments of a built-in function, final last.
func (s *state) builtinArgs(dot reflect.Value, args []*term, final reflect.Value) []reflect.Value {
	vs := make([]reflect.Value, 0, len(args)+1)
	for _, a := range args {
		vs = append(vs, s.plain(dot, a))
	}
	if !isMissing(final) {
		vs = append(vs, final)
	}
	return vs
}

func (s *state) builtin(dot reflect.Value, b builtin, args []*term, final reflect.Value) reflect.Value {
	switch b {
	case bAnd, bOr:
		// Short-circuit: the first argument that decides, or the last.
		var v reflect.Value
		if len(args) == 0 && isMissing(final) {
			giveUp("and/or with no arguments")
		}
		for _, a := range args {
			v = s.plain(dot, a)
			if truth(v) == (b == bOr) {
				return v
			}
		}
		if !isMissing(final) {
			v = final
		}
		return v
	}
	vs := s.builtinArgs(dot, args, final)
	switch b {
	case bNot:
		if len(vs) != 1 {
			giveUp("not takes one argument")
		}
		return reflect.ValueOf(!truth(vs[0]))
	case bLen:
		if len(vs) != 1 {
			giveUp("len takes one argument")
		}
		item, isNil := indirect(vs[0])
		if isNil {
			giveUp("len of nil")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
			return reflect.ValueOf(item.Len())
		}
		giveUp("len of %s", item.Kind())
	case bEq:
		if len(vs) < 2 {
			giveUp("eq takes two arguments or more")
		}
		for _, v := range vs[1:] {
			if _, equal := compare(vs[0], v); equal {
				return reflect.ValueOf(true)
			}
		}
		return reflect.ValueOf(false)
	case bNe, bLt, bLe, bGt, bGe:
		if len(vs) != 2 {
			giveUp("a comparison takes two arguments")
		}
		less, equal := compare(vs[0], vs[1])
		if b != bNe && b != bEq && !ordered(vs[0]) {
			giveUp("no order on %s", vs[0].Kind())
		}
		var r bool
		switch b {
		case bNe:
			r = !equal
		case bLt:
			r = less
		case bLe:
			r = less || equal
		case bGt:
			r = !less && !equal
		case bGe:
			r = !less
		}
		return reflect.ValueOf(r)
	case bSlice:
		return slice(vs)
	case bIndex:
		return index(vs)
	case bPrint, bPrintln, bPrintf:
		return s.printf(b, dot, args, final)
	}
	giveUp("built-in function %d", b)
	return reflect.Value{}
}

// printf runs print, println and printf, whose arguments are text/template's
// empty interfaces rather than reflect.Values.
func (s *state) printf(b builtin, dot reflect.Value, args []*term, final reflect.Value) reflect.Value {
	var format string
	if b == bPrintf {
		if len(args) == 0 {
			giveUp("printf with no format")
		}
		format = s.evalArg(dot, reflect.TypeFor[string](), args[0]).String()
		args = args[1:]
	}
	as := make([]any, 0, len(args)+1)
	for _, a := range args {
		as = append(as, s.evalArg(dot, emptyInterface, a).Interface())
	}
	if !isMissing(final) {
		as = append(as, s.validateType(final, emptyInterface).Interface())
	}
	switch b {
	case bPrintf:
		return reflect.ValueOf(fmt.Sprintf(format, as...))
	case bPrintln:
		return reflect.ValueOf(fmt.Sprintln(as...))
	}
	return reflect.ValueOf(fmt.Sprint(as...))
}

// truth is text/template's truth of a built-in function's argument.
func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

// kind sorts values as text/template's comparisons do.
type kind int

const (
	noKind kind = iota
	boolKind
	intKind
	uintKind
	floatKind
	stringKind
)

func basicKind(v reflect.Value) kind {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.Float32, reflect.Float64:
		return floatKind
	case reflect.String:
		return stringKind
	}
	return noKind
}

func ordered(v reflect.Value) bool {
	k := basicKind(indirectInterface(v))
	return k != boolKind && k != noKind
}

// compare compares two values of basic kinds as text/template's eq and lt
// do, and declines any others.
func compare(a, b reflect.Value) (less, equal bool) {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	if ka == noKind || kb == noKind {
		giveUp("comparing %s and %s", a.Kind(), b.Kind())
	}
	if ka != kb {
		switch {
		case ka == intKind && kb == uintKind:
			x, y := a.Int(), b.Uint()
			return x < 0 || uint64(x) < y, x >= 0 && uint64(x) == y
		case ka == uintKind && kb == intKind:
			x, y := a.Uint(), b.Int()
			return y >= 0 && x < uint64(y), y >= 0 && x == uint64(y)
		}
		giveUp("comparing %s and %s", a.Kind(), b.Kind())
	}
	switch ka {
	case boolKind:
		return false, a.Bool() == b.Bool()
	case intKind:
		return a.Int() < b.Int(), a.Int() == b.Int()
	case uintKind:
		return a.Uint() < b.Uint(), a.Uint() == b.Uint()
	case floatKind:
		return a.Float() < b.Float(), a.Float() == b.Float()
	}
	return a.String() < b.String(), a.String() == b.String()
}

// slice is text/template's slice, for strings and slices and up to two
// indexes.
func slice(vs []reflect.Value) reflect.Value {
	if len(vs) == 0 || len(vs) > 3 {
		giveUp("slice with %d arguments", len(vs))
	}
	item := indirectInterface(vs[0])
	var capacity int
	switch item.Kind() {
	case reflect.String:
		capacity = item.Len()
	case reflect.Slice:
		capacity = item.Cap()
	default:
		giveUp("slice of %s", item.Kind())
	}
	idx := [2]int{0, item.Len()}
	for i, v := range vs[1:] {
		x := intArg(v)
		if x > int64(capacity) {
			giveUp("slice index out of range")
		}
		idx[i] = int(x)
	}
	if idx[0] > idx[1] {
		giveUp("slice indexes out of order")
	}
	return item.Slice(idx[0], idx[1])
}

// index is text/template's index, for slices, arrays, strings and maps
// whose keys are given in their own type.
func index(vs []reflect.Value) reflect.Value {
	if len(vs) == 0 {
		giveUp("index with no arguments")
	}
	item := indirectInterface(vs[0])
	if !item.IsValid() {
		giveUp("index of nothing")
	}
	for _, i := range vs[1:] {
		i = indirectInterface(i)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			giveUp("index of a nil pointer")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			x := intArg(i)
			if x >= int64(item.Len()) {
				giveUp("index out of range")
			}
			item = item.Index(int(x))
		case reflect.Map:
			if !i.IsValid() || !i.Type().AssignableTo(item.Type().Key()) {
				giveUp("a map's key of another type")
			}
			if x := item.MapIndex(i); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			giveUp("index of %s", item.Kind())
		}
	}
	return item
}

// intArg returns an index given to slice or index: a signed integer,
// not negative, or a decline.
func intArg(v reflect.Value) int64 {
	if basicKind(v) != intKind || v.Int() < 0 || int64(int(v.Int())) != v.Int() {
		giveUp("an index of kind %s, or out of range", v.Kind())
	}
	return v.Int()
}

// number returns the number a constant term was written as.
func number(t *term) (*parse.NumberNode, bool) {
	n, ok := t.node.(*parse.NumberNode)
	return n, ok
}
