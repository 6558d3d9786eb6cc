package htmlexec

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// op is one step of a program.
type op interface{}

type (
	// textOp writes text as it is.
	textOp struct{ text []byte }
	// printOp evaluates pipe and writes it through its escapers.
	printOp struct {
		pipe *pipeline
		esc  []escaper
	}
	// declOp evaluates a pipeline that declares or assigns variables and
	// writes nothing.
	declOp struct{ pipe *pipeline }
	// ifOp is {{if}} or, with with set, {{with}}.
	ifOp struct {
		with           bool
		pipe           *pipeline
		list, elseList []op
	}
	rangeOp struct {
		pipe           *pipeline
		list, elseList []op
	}
	templateOp struct {
		name string
		pipe *pipeline
	}
	breakOp    struct{}
	continueOp struct{}
)

// pipeline is a parse.PipeNode: its commands, and the variables it
// declares (or, with assign, sets).
type pipeline struct {
	decl   []string
	assign bool
	cmds   []*term
}

// termKind says what a term is.
type termKind int

const (
	tDot   termKind = iota
	tConst          // a number, a string or a boolean written in the template
	tNil
	tField // .A.B on dot
	tChain // (pipe).A.B
	tVar   // $x.A.B
	tFunc  // a function, with its arguments
	tPipe  // (pipe)
)

// term is a command of a pipeline, or an argument of one.
type term struct {
	kind   termKind
	node   parse.Node // the constant, for arguments given a type
	val    reflect.Value
	name   string // the variable's
	base   *term  // tChain's
	fields []*step
	fn     *function
	args   []*term // passed to the last field, a method, or to fn
	pipe   *pipeline
}

// step is one field or method name of a chain, with what the last
// receiver's type resolved it to.
type step struct {
	name  string
	cache atomic.Pointer[access]
}

// function is a function a template calls: one of the built-in ones
// this package runs itself, or one of the set's.
type function struct {
	builtin builtin
	val     reflect.Value
	direct  direct // calls val directly, when the Set's Calls cover it
}

// builtin names text/template's built-in functions that a Set runs.
type builtin int

const (
	custom builtin = iota
	bAnd
	bOr
	bNot
	bLen
	bEq
	bNe
	bLt
	bLe
	bGt
	bGe
	bSlice
	bIndex
	bPrint
	bPrintf
	bPrintln
)

var builtins = map[string]builtin{
	"and": bAnd, "or": bOr, "not": bNot, "len": bLen,
	"eq": bEq, "ne": bNe, "lt": bLt, "le": bLe, "gt": bGt, "ge": bGe,
	"slice": bSlice, "index": bIndex, "print": bPrint, "printf": bPrintf, "println": bPrintln,
}

// compiler reads escaped trees into programs.
type compiler struct {
	funcs map[string]reflect.Value
	calls map[reflect.Type]Call
}

// errUnknown says a tree holds what a Set does not run.
type errUnknown struct{ what string }

func (e errUnknown) Error() string { return "htmlexec: cannot run " + e.what }

func unknown(format string, args ...any) error {
	return errUnknown{fmt.Sprintf(format, args...)}
}

func (c *compiler) list(l *parse.ListNode) ([]op, error) {
	if l == nil {
		return nil, nil
	}
	ops := make([]op, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		o, err := c.op(n)
		if err != nil {
			return nil, err
		}
		if o == nil {
			continue
		}
		// Adjacent text, as trim markers and comments leave it, is one write.
		if t, ok := o.(textOp); ok && len(ops) > 0 {
			if prev, ok := ops[len(ops)-1].(textOp); ok {
				ops[len(ops)-1] = textOp{append(prev.text[:len(prev.text):len(prev.text)], t.text...)}
				continue
			}
		}
		ops = append(ops, o)
	}
	return ops, nil
}

func (c *compiler) op(n parse.Node) (op, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		if len(n.Text) == 0 {
			return nil, nil
		}
		return textOp{n.Text}, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		if len(n.Pipe.Decl) > 0 {
			p, err := c.pipeline(n.Pipe)
			if err != nil {
				return nil, err
			}
			return declOp{p}, nil
		}
		return c.print(n.Pipe)
	case *parse.IfNode:
		p, list, elseList, err := c.branch(&n.BranchNode)
		return ifOp{false, p, list, elseList}, err
	case *parse.WithNode:
		p, list, elseList, err := c.branch(&n.BranchNode)
		return ifOp{true, p, list, elseList}, err
	case *parse.RangeNode:
		if n.Pipe.IsAssign {
			return nil, unknown("range assigning variables")
		}
		p, list, elseList, err := c.branch(&n.BranchNode)
		return rangeOp{p, list, elseList}, err
	case *parse.TemplateNode:
		p, err := c.pipeline(n.Pipe)
		if err != nil {
			return nil, err
		}
		return templateOp{n.Name, p}, nil
	case *parse.BreakNode:
		return breakOp{}, nil
	case *parse.ContinueNode:
		return continueOp{}, nil
	}
	return nil, unknown("node %T", n)
}

// branch reads the pipeline and the lists of an if, a with or a range.
func (c *compiler) branch(b *parse.BranchNode) (p *pipeline, list, elseList []op, err error) {
	if p, err = c.pipeline(b.Pipe); err != nil {
		return nil, nil, nil, err
	}
	if list, err = c.list(b.List); err != nil {
		return nil, nil, nil, err
	}
	elseList, err = c.list(b.ElseList)
	return p, list, elseList, err
}

// print reads an action that writes: its pipeline ends in the escapers
// html/template appended, and has no others.
func (c *compiler) print(pn *parse.PipeNode) (op, error) {
	cmds := pn.Cmds
	n := len(cmds)
	for n > 0 && escaperName(cmds[n-1]) != "" {
		n--
	}
	if n == len(cmds) || n == 0 {
		return nil, unknown("an action that html/template did not escape")
	}
	var esc []escaper
	var names []string
	for _, cmd := range cmds[n:] {
		name := escaperName(cmd)
		e, ok := escapers[name]
		if !ok {
			return nil, unknown("escaper %s", name)
		}
		esc = append(esc, e)
		names = append(names, name)
	}
	if slices.Equal(names, urlAttrEscapers) {
		esc = []escaper{urlAttr}
	}
	p, err := c.pipeline(&parse.PipeNode{Cmds: cmds[:n]})
	if err != nil {
		return nil, err
	}
	return printOp{p, esc}, nil
}

// escaperName returns the name of the html/template escaper cmd calls
// with the pipeline's value alone, or "".
func escaperName(cmd *parse.CommandNode) string {
	if len(cmd.Args) != 1 {
		return ""
	}
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok || !strings.HasPrefix(id.Ident, "_html_template_") {
		return ""
	}
	return id.Ident
}

func (c *compiler) pipeline(pn *parse.PipeNode) (*pipeline, error) {
	if pn == nil {
		return nil, nil
	}
	p := &pipeline{assign: pn.IsAssign}
	for _, v := range pn.Decl {
		if len(v.Ident) != 1 {
			return nil, unknown("variable %s", v)
		}
		p.decl = append(p.decl, v.Ident[0])
	}
	for _, cmd := range pn.Cmds {
		if escaperName(cmd) != "" {
			return nil, unknown("an escaper inside a pipeline")
		}
		t, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		p.cmds = append(p.cmds, t)
	}
	return p, nil
}

// command reads a command: its first word, and the arguments it is
// called with.
func (c *compiler) command(cmd *parse.CommandNode) (*term, error) {
	t, err := c.term(cmd.Args[0])
	if err != nil {
		return nil, err
	}
	rest := cmd.Args[1:]
	switch t.kind {
	case tField, tChain, tVar, tFunc:
	default:
		if len(rest) > 0 {
			return nil, unknown("arguments to %s, which is not a function", cmd.Args[0])
		}
		return t, nil
	}
	if t.kind == tVar && len(t.fields) == 0 && len(rest) > 0 {
		return nil, unknown("arguments to a variable")
	}
	for _, a := range rest {
		at, err := c.term(a)
		if err != nil {
			return nil, err
		}
		t.args = append(t.args, at)
	}
	return t, nil
}

func (c *compiler) term(n parse.Node) (*term, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return &term{kind: tDot}, nil
	case *parse.NilNode:
		return &term{kind: tNil}, nil
	case *parse.BoolNode:
		return &term{kind: tConst, node: n, val: reflect.ValueOf(n.True)}, nil
	case *parse.StringNode:
		return &term{kind: tConst, node: n, val: reflect.ValueOf(n.Text)}, nil
	case *parse.NumberNode:
		v, err := idealConstant(n)
		if err != nil {
			return nil, err
		}
		return &term{kind: tConst, node: n, val: v}, nil
	case *parse.FieldNode:
		return &term{kind: tField, fields: steps(n.Ident)}, nil
	case *parse.VariableNode:
		return &term{kind: tVar, name: n.Ident[0], fields: steps(n.Ident[1:])}, nil
	case *parse.ChainNode:
		if _, ok := n.Node.(*parse.PipeNode); !ok {
			// Fields of a field or of a variable are parsed into the
			// field's or variable's own node; of a constant they cannot be.
			return nil, unknown("fields of %s", n.Node)
		}
		base, err := c.term(n.Node)
		if err != nil {
			return nil, err
		}
		return &term{kind: tChain, base: base, fields: steps(n.Field)}, nil
	case *parse.PipeNode:
		if len(n.Decl) > 0 {
			return nil, unknown("a variable declared in parentheses")
		}
		p, err := c.pipeline(n)
		if err != nil {
			return nil, err
		}
		return &term{kind: tPipe, pipe: p}, nil
	case *parse.IdentifierNode:
		if f, ok := c.funcs[n.Ident]; ok {
			if f.Kind() != reflect.Func {
				return nil, unknown("function %s that is not one", n.Ident)
			}
			return &term{kind: tFunc, fn: &function{val: f, direct: directOf(c.calls, f)}}, nil
		}
		if b, ok := builtins[n.Ident]; ok {
			return &term{kind: tFunc, fn: &function{builtin: b}}, nil
		}
		return nil, unknown("function %s", n.Ident)
	}
	return nil, unknown("node %T", n)
}

func steps(names []string) []*step {
	s := make([]*step, len(names))
	for i, n := range names {
		s[i] = &step{name: n}
	}
	return s
}

// idealConstant is the value text/template gives a number written in a
// template where no type is asked for: an int, or a float64 when it is
// written as one.
func idealConstant(n *parse.NumberNode) (reflect.Value, error) {
	switch {
	case n.IsComplex:
		return reflect.Value{}, unknown("complex constant %s", n.Text)
	case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64), nil
	case n.IsInt:
		i := int(n.Int64)
		if int64(i) != n.Int64 {
			return reflect.Value{}, unknown("constant %s overflowing int", n.Text)
		}
		return reflect.ValueOf(i), nil
	}
	return reflect.Value{}, unknown("constant %s", n.Text)
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}
