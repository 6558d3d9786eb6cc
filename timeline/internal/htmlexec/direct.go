package htmlexec

import (
	"errors"
	"fmt"
	"reflect"
)

// A Call lets a Set call the functions and methods of one type directly,
// not through reflect.Value.Call, which allocates its arguments and results
// and costs a few hundred nanoseconds a call. A method is matched by the
// type of its method expression, its receiver first: Rel on *page, a
// func(string) string, is Func2[*page, string, string](). What each
// function returns must be of a concrete type, not an interface.
type Call struct {
	typ  reflect.Type
	bind func(fn reflect.Value) direct
}

// maxDirect is the most arguments a function called directly takes, its
// receiver included.
const maxDirect = 2

// direct calls one function with its arguments, each assignable to the
// type the function takes: the fixed ones in args' first places, and for
// a variadic function the others in rest. It returns errNotDirect, having
// called nothing, when one is not of that very type (see argOf).
type direct func(args [maxDirect]reflect.Value, rest []reflect.Value) (reflect.Value, error)

// Func1 is the Call for functions of type func(A) R.
func Func1[A, R any]() Call {
	return newCall[func(A) R, R](func(f func(A) R) direct {
		return func(args [maxDirect]reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			a, ok := argOf[A](args[0])
			if !ok {
				return reflect.Value{}, errNotDirect
			}
			return reflect.ValueOf(f(a)), nil
		}
	})
}

// Func1E is the Call for functions of type func(A) (R, error).
func Func1E[A, R any]() Call {
	return newCall[func(A) (R, error), R](func(f func(A) (R, error)) direct {
		return func(args [maxDirect]reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			a, ok := argOf[A](args[0])
			if !ok {
				return reflect.Value{}, errNotDirect
			}
			r, err := f(a)
			return reflect.ValueOf(r), err
		}
	})
}

// Func2 is the Call for functions of type func(A, B) R.
func Func2[A, B, R any]() Call {
	return newCall[func(A, B) R, R](func(f func(A, B) R) direct {
		return func(args [maxDirect]reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			a, ok1 := argOf[A](args[0])
			b, ok2 := argOf[B](args[1])
			if !ok1 || !ok2 {
				return reflect.Value{}, errNotDirect
			}
			return reflect.ValueOf(f(a, b)), nil
		}
	})
}

// Func2E is the Call for functions of type func(A, B) (R, error).
func Func2E[A, B, R any]() Call {
	return newCall[func(A, B) (R, error), R](func(f func(A, B) (R, error)) direct {
		return func(args [maxDirect]reflect.Value, _ []reflect.Value) (reflect.Value, error) {
			a, ok1 := argOf[A](args[0])
			b, ok2 := argOf[B](args[1])
			if !ok1 || !ok2 {
				return reflect.Value{}, errNotDirect
			}
			r, err := f(a, b)
			return reflect.ValueOf(r), err
		}
	})
}

// VariadicE is the Call for functions of type func(...V) (R, error).
func VariadicE[V, R any]() Call {
	return newCall[func(...V) (R, error), R](func(f func(...V) (R, error)) direct {
		return func(_ [maxDirect]reflect.Value, rest []reflect.Value) (reflect.Value, error) {
			vs, ok := restOf[V](rest)
			if !ok {
				return reflect.Value{}, errNotDirect
			}
			r, err := f(vs...)
			return reflect.ValueOf(r), err
		}
	})
}

// Variadic2E is the Call for functions of type func(A, B, ...V) (R, error).
func Variadic2E[A, B, V, R any]() Call {
	return newCall[func(A, B, ...V) (R, error), R](func(f func(A, B, ...V) (R, error)) direct {
		return func(args [maxDirect]reflect.Value, rest []reflect.Value) (reflect.Value, error) {
			a, ok1 := argOf[A](args[0])
			b, ok2 := argOf[B](args[1])
			vs, ok3 := restOf[V](rest)
			if !ok1 || !ok2 || !ok3 {
				return reflect.Value{}, errNotDirect
			}
			r, err := f(a, b, vs...)
			return reflect.ValueOf(r), err
		}
	})
}

// newCall makes the Call for functions of type F, which return an R.
func newCall[F, R any](wrap func(F) direct) Call {
	if reflect.TypeFor[R]().Kind() == reflect.Interface {
		// reflect.ValueOf would give the value inside, where a call
		// through reflection gives the interface.
		panic(fmt.Sprintf("htmlexec: %s returns an interface", reflect.TypeFor[F]()))
	}
	return Call{reflect.TypeFor[F](), func(fn reflect.Value) direct {
		f, ok := reflect.TypeAssert[F](fn)
		if !ok || fn.IsNil() {
			return nil
		}
		return wrap(f)
	}}
}

// argOf returns v, an argument of type A, as an A, or false when v is
// not one as such: a value of a named type assignable to A, or a nil
// interface of another type than A. Those are called through reflection.
func argOf[A any](v reflect.Value) (A, bool) {
	a, ok := reflect.TypeAssert[A](v)
	if !ok && v.Kind() == reflect.Interface && v.IsNil() && v.Type() == reflect.TypeFor[A]() {
		return a, true // nil, for an interface the assertion does not hold on
	}
	return a, ok
}

// errNotDirect says that an argument is not one of the type a direct
// call takes (see argOf).
var errNotDirect = errors.New("htmlexec: an argument to call through reflection")

// restOf returns the variadic arguments vs, each of type V, as a slice:
// empty but not nil when there are none, as reflect.Value.Call has it.
func restOf[V any](vs []reflect.Value) ([]V, bool) {
	out := make([]V, len(vs))
	for i, v := range vs {
		var ok bool
		if out[i], ok = argOf[V](v); !ok {
			return nil, false
		}
	}
	return out, true
}

// directOf returns how to call fn directly, or nil when calls says
// nothing of its type.
func directOf(calls map[reflect.Type]Call, fn reflect.Value) direct {
	if !fn.IsValid() || fn.Kind() != reflect.Func {
		return nil
	}
	c, ok := calls[fn.Type()]
	if !ok {
		return nil
	}
	return c.bind(fn)
}

// callDirect calls d, which calls fn, a function of type typ (for a
// method, its method expression), as call calls a function: recv first,
// when it is valid (a method's receiver), then args and final. An
// argument d does not take as it is goes to fn through reflection.
func (s *state) callDirect(dot reflect.Value, d direct, fn reflect.Value, recv reflect.Value, args []*term, final reflect.Value) reflect.Value {
	typ := fn.Type()
	var argv [maxDirect]reflect.Value
	n := 0
	if recv.IsValid() {
		argv[0] = recv
		n = 1
	}
	total := n + len(args)
	if !isMissing(final) {
		total++
	}
	numFixed := typ.NumIn()
	var rest []reflect.Value
	var elem reflect.Type
	if typ.IsVariadic() {
		numFixed--
		if total < numFixed {
			giveUp("too few arguments")
		}
		elem = typ.In(numFixed).Elem()
		rest = make([]reflect.Value, 0, total-numFixed)
	} else if total != numFixed {
		giveUp("wrong number of arguments")
	}
	for _, a := range args {
		if n < numFixed {
			argv[n] = s.evalArg(dot, typ.In(n), a)
		} else {
			rest = append(rest, s.evalArg(dot, elem, a))
		}
		n++
	}
	if !isMissing(final) {
		if n < numFixed {
			argv[n] = s.validateType(final, typ.In(n))
		} else {
			rest = append(rest, s.validateType(final, elem))
		}
	}
	v, err := d(argv, rest)
	if err == errNotDirect {
		all := make([]reflect.Value, 0, numFixed+len(rest))
		v, err = outcome(fn.Call(append(append(all, argv[:numFixed]...), rest...)))
	}
	return result(v, err)
}
