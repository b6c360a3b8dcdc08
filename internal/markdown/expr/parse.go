package expr

import (
	"math"
	"slices"
	"strconv"
)

// opKind is the kind of a syntax tree node.
type opKind uint8

const (
	opLit      opKind = iota // val
	opIdent                  // name
	opMember                 // x.name, x["name"], x?.name
	opIndex                  // x[y], x?.[y], with y not a literal
	opCall                   // x.name(args…), name an allowed method
	opTemplate               // `parts[0]${args[0]}parts[1]…`
	opNot                    // !x
	opNeg                    // -x
	opBinary                 // x bin y
	opCond                   // x ? y : z
)

// binOp is a binary operator.
type binOp uint8

const (
	binNone binOp = iota
	binCoalesce
	binOr
	binAnd
	binStrictEq
	binStrictNe
	binEq
	binNe
	binLt
	binLe
	binGt
	binGe
	binAdd
	binSub
	binMul
	binDiv
	binMod
)

// Precedence levels, lowest first; precPostfix covers member access, calls
// and primary expressions.
const (
	precCond = iota + 1
	precCoalesce
	precOr
	precAnd
	precEquality
	precRelational
	precAdditive
	precMultiplicative
	precUnary
	precPostfix
)

var binOps = [...]struct {
	text string
	prec int
}{
	binCoalesce: {"??", precCoalesce},
	binOr:       {"||", precOr},
	binAnd:      {"&&", precAnd},
	binStrictEq: {"===", precEquality},
	binStrictNe: {"!==", precEquality},
	binEq:       {"==", precEquality},
	binNe:       {"!=", precEquality},
	binLt:       {"<", precRelational},
	binLe:       {"<=", precRelational},
	binGt:       {">", precRelational},
	binGe:       {">=", precRelational},
	binAdd:      {"+", precAdditive},
	binSub:      {"-", precAdditive},
	binMul:      {"*", precMultiplicative},
	binDiv:      {"/", precMultiplicative},
	binMod:      {"%", precMultiplicative},
}

// methods are the methods an expression may call: the string methods
// toUpperCase, toLowerCase, trim, includes, startsWith and endsWith and the
// array methods includes and join.
var methods = []string{"toUpperCase", "toLowerCase", "trim", "includes", "startsWith", "endsWith", "join"}

const methodsHint = "the methods that can be called are toUpperCase, toLowerCase, trim, includes, startsWith, endsWith (strings) and includes, join (arrays)"

// node is a node of the syntax tree.
type node struct {
	op    opKind
	bin   binOp
	opt   bool // ?. rather than .
	paren bool // written in parentheses, for the ?? mixing rule
	depth int  // 1 for a leaf
	name  string
	val   Value
	x     *node
	y     *node
	z     *node
	args  []*node
	parts []string
}

// parser is a recursive-descent parser with one token of lookahead.
type parser struct {
	lx    lexer
	tok   token
	level int // nesting of expression and unary
}

// Parse parses an expression. Errors are of type *Error and carry a byte
// offset into src. Parse accepts at most MaxLen bytes and MaxDepth levels
// of nesting.
func Parse(src string) (*Expr, error) {
	if len(src) > MaxLen {
		return nil, errorf(MaxLen, "shorten the expression", "expression is longer than %d bytes", MaxLen)
	}
	p := &parser{lx: lexer{src: src}}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tokEOF {
		return nil, errorf(0, "write a variable path such as space.vars.name", "expression is empty")
	}
	root, err := p.expression()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEOF {
		return nil, p.unexpected()
	}
	return &Expr{root: root, paths: paths(root)}, nil
}

// advance reads the next token into p.tok.
func (p *parser) advance() *Error {
	t, err := p.lx.next()
	if err != nil {
		return err
	}
	p.tok = t
	return nil
}

// is reports whether the current token is the punctuator s.
func (p *parser) is(s string) bool {
	return p.tok.kind == tokPunct && p.tok.text == s
}

// mk sets n's depth from its children's and checks it against MaxDepth;
// pos is the offset to blame.
func (p *parser) mk(n *node, pos int) (*node, *Error) {
	d := 0
	for _, c := range [...]*node{n.x, n.y, n.z} {
		if c != nil {
			d = max(d, c.depth)
		}
	}
	for _, c := range n.args {
		d = max(d, c.depth)
	}
	n.depth = d + 1
	if n.depth > MaxDepth {
		return nil, errorf(pos, "split it into simpler expressions", "expression is nested too deeply")
	}
	return n, nil
}

// enter counts one more level of nesting.
func (p *parser) enter() *Error {
	p.level++
	if p.level > MaxDepth {
		return errorf(p.tok.pos, "remove parentheses or split the expression", "expression is nested too deeply")
	}
	return nil
}

// expression parses a whole expression: a conditional.
func (p *parser) expression() (*node, *Error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.level-- }()
	test, err := p.coalesce()
	if err != nil || !p.is("?") {
		return test, err
	}
	pos := p.tok.pos
	if err := p.advance(); err != nil {
		return nil, err
	}
	a, err := p.expression()
	if err != nil {
		return nil, err
	}
	if !p.is(":") {
		return nil, errorf(p.tok.pos, "write condition ? value : other value", `missing ":" in conditional expression`)
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	b, err := p.expression()
	if err != nil {
		return nil, err
	}
	return p.mk(&node{op: opCond, x: test, y: a, z: b}, pos)
}

// coalesce parses a ?? b ?? c; JavaScript forbids mixing ?? with || and &&
// unless parentheses say which comes first.
func (p *parser) coalesce() (*node, *Error) {
	left, err := p.binary(precOr)
	if err != nil {
		return nil, err
	}
	for p.is("??") {
		pos := p.tok.pos
		if err := p.advance(); err != nil {
			return nil, err
		}
		right, err := p.binary(precOr)
		if err != nil {
			return nil, err
		}
		if isLogical(left) || isLogical(right) {
			return nil, errorf(pos, "add parentheses, as in (a || b) ?? c", "?? cannot be mixed with || or && without parentheses")
		}
		if left, err = p.mk(&node{op: opBinary, bin: binCoalesce, x: left, y: right}, pos); err != nil {
			return nil, err
		}
	}
	return left, nil
}

// isLogical reports whether n is an unparenthesized || or &&.
func isLogical(n *node) bool {
	return n.op == opBinary && (n.bin == binOr || n.bin == binAnd) && !n.paren
}

// binaryOp returns the binary operator (other than ??) of the current token.
func (p *parser) binaryOp() binOp {
	if p.tok.kind != tokPunct {
		return binNone
	}
	for op := binOr; op < binOp(len(binOps)); op++ {
		if binOps[op].text == p.tok.text {
			return op
		}
	}
	return binNone
}

// binary parses binary operators of precedence minPrec and above, left
// associative, by precedence climbing.
func (p *parser) binary(minPrec int) (*node, *Error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		op := p.binaryOp()
		if op == binNone || binOps[op].prec < minPrec {
			return left, nil
		}
		pos := p.tok.pos
		if err := p.advance(); err != nil {
			return nil, err
		}
		right, err := p.binary(binOps[op].prec + 1)
		if err != nil {
			return nil, err
		}
		if left, err = p.mk(&node{op: opBinary, bin: op, x: left, y: right}, pos); err != nil {
			return nil, err
		}
	}
}

// unary parses !x, -x and what binds tighter.
func (p *parser) unary() (*node, *Error) {
	if !p.is("!") && !p.is("-") {
		return p.postfix()
	}
	op, pos := opNot, p.tok.pos
	if p.tok.text == "-" {
		op = opNeg
	}
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.level-- }()
	if err := p.advance(); err != nil {
		return nil, err
	}
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	return p.mk(&node{op: op, x: x}, pos)
}

// postfix parses a primary expression followed by member accesses and
// method calls.
func (p *parser) postfix() (*node, *Error) {
	x, err := p.primary()
	if err != nil {
		return nil, err
	}
	for {
		pos := p.tok.pos
		switch {
		case p.is(".") || p.is("?."):
			opt := p.tok.text == "?."
			if err := p.advance(); err != nil {
				return nil, err
			}
			switch {
			case p.tok.kind == tokIdent:
				name, namePos := p.tok.text, p.tok.pos
				if err := p.advance(); err != nil {
					return nil, err
				}
				if p.is("(") {
					x, err = p.call(x, name, namePos, opt)
				} else {
					x, err = p.mk(&node{op: opMember, x: x, name: name, opt: opt}, pos)
				}
			case opt && p.is("["):
				x, err = p.index(x, true)
			case opt && p.is("("):
				return nil, errorf(p.tok.pos, methodsHint, "optional calls are not supported")
			default:
				dot := "."
				if opt {
					dot = "?."
				}
				return nil, errorf(p.tok.pos, "write a name after the dot, as in space.vars.name", "missing property name after %q", dot)
			}
		case p.is("["):
			x, err = p.index(x, false)
		case p.is("("):
			return nil, errorf(pos, methodsHint, "only methods can be called")
		case p.tok.kind == tokBacktick:
			return nil, errorf(pos, "", "tagged templates are not supported")
		default:
			return x, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// index parses [key] after x; a literal key becomes a plain member access,
// as x["name"] and x.name are the same in JavaScript.
func (p *parser) index(x *node, opt bool) (*node, *Error) {
	pos := p.tok.pos
	if err := p.advance(); err != nil {
		return nil, err
	}
	k, err := p.expression()
	if err != nil {
		return nil, err
	}
	if !p.is("]") {
		return nil, errorf(p.tok.pos, "close the brackets with ]", `missing "]"`)
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.is("(") {
		return nil, errorf(p.tok.pos, methodsHint+", written after a dot", "only methods can be called")
	}
	if k.op == opLit {
		return p.mk(&node{op: opMember, x: x, name: toString(k.val), opt: opt}, pos)
	}
	return p.mk(&node{op: opIndex, x: x, y: k, opt: opt}, pos)
}

// call parses the arguments of x.name(…); the current token is "(".
func (p *parser) call(x *node, name string, namePos int, opt bool) (*node, *Error) {
	if !slices.Contains(methods, name) {
		return nil, errorf(namePos, methodsHint, "method %q is not supported", name)
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	var args []*node
	for !p.is(")") {
		a, err := p.expression()
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if p.is(",") {
			if err := p.advance(); err != nil {
				return nil, err
			}
			continue
		}
		if !p.is(")") {
			return nil, errorf(p.tok.pos, "separate arguments with commas and close them with )", `missing ")" after arguments`)
		}
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	return p.mk(&node{op: opCall, x: x, name: name, opt: opt, args: args}, namePos)
}

// literals are the names that are values, not variables.
var literals = map[string]Value{
	"true":      boolValue(true),
	"false":     boolValue(false),
	"null":      null,
	"undefined": undefined,
	"NaN":       numValue(math.NaN()),
	"Infinity":  numValue(math.Inf(1)),
}

// primary parses a name, a literal, a template literal or a parenthesized
// expression.
func (p *parser) primary() (*node, *Error) {
	t := p.tok
	switch t.kind {
	case tokIdent:
		if err := reserved(t); err != nil {
			return nil, err
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		if v, ok := literals[t.text]; ok {
			return &node{op: opLit, val: v, depth: 1}, nil
		}
		return &node{op: opIdent, name: t.text, depth: 1}, nil
	case tokNumber:
		if err := p.advance(); err != nil {
			return nil, err
		}
		return &node{op: opLit, val: numValue(t.num), depth: 1}, nil
	case tokString:
		if err := p.advance(); err != nil {
			return nil, err
		}
		return &node{op: opLit, val: stringValue(t.str), depth: 1}, nil
	case tokBacktick:
		return p.template()
	case tokPunct:
		switch t.text {
		case "(":
			if err := p.advance(); err != nil {
				return nil, err
			}
			x, err := p.expression()
			if err != nil {
				return nil, err
			}
			if !p.is(")") {
				return nil, errorf(p.tok.pos, "close the parenthesis opened at offset "+strconv.Itoa(t.pos), `missing ")"`)
			}
			x.paren = true
			return x, p.advance()
		case "[":
			return nil, errorf(t.pos, "compare one by one, as in a === \"x\" || a === \"y\"", "array literals are not supported")
		case "{":
			return nil, errorf(t.pos, "", "object literals and blocks are not supported")
		case "/":
			return nil, errorf(t.pos, methodsHint, "regular expressions are not supported")
		}
	}
	return nil, p.unexpected()
}

// template parses a template literal; the current token is its "`".
func (p *parser) template() (*node, *Error) {
	start := p.tok.pos
	n := &node{op: opTemplate}
	for {
		text, sub, err := p.lx.templateChunk(start)
		if err != nil {
			return nil, err
		}
		n.parts = append(n.parts, text)
		if !sub {
			break
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		x, err := p.expression()
		if err != nil {
			return nil, err
		}
		if !p.is("}") {
			return nil, errorf(p.tok.pos, "close the substitution with }", `missing "}" in template literal`)
		}
		n.args = append(n.args, x)
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	return p.mk(n, start)
}
