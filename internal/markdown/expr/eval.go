package expr

import (
	"math"
	"strings"
)

// Eval evaluates the expression against scope, whose top-level keys are the
// variables (space, page, visitor). Values in scope are what a YAML or JSON
// decoder gives (see ValueOf). Eval never fails: a variable or property
// that does not exist is undefined, and so is every property of undefined
// and null, so space.vars.a.b.c is undefined when a is missing, as if every
// access were written ?. (GitBook shows such expressions as empty). A method
// called on a value that lacks it is undefined too.
func (e *Expr) Eval(scope map[string]any) Value {
	if e == nil || e.root == nil {
		return undefined
	}
	return eval(e.root, scope)
}

// eval evaluates n.
func eval(n *node, scope map[string]any) Value {
	switch n.op {
	case opLit:
		return n.val
	case opIdent:
		x, ok := scope[n.name]
		if !ok {
			return undefined
		}
		return ValueOf(x)
	case opMember:
		return eval(n.x, scope).get(n.name)
	case opIndex:
		o := eval(n.x, scope)
		return o.index(eval(n.y, scope))
	case opCall:
		return call(n, scope)
	case opTemplate:
		var b strings.Builder
		for i, part := range n.parts {
			b.WriteString(part)
			if i < len(n.args) {
				b.WriteString(toString(eval(n.args[i], scope)))
			}
			if b.Len() > maxString {
				return undefined
			}
		}
		return stringValue(b.String())
	case opNot:
		return boolValue(!eval(n.x, scope).Truthy())
	case opNeg:
		return numValue(-toNumber(eval(n.x, scope)))
	case opCond:
		if eval(n.x, scope).Truthy() {
			return eval(n.y, scope)
		}
		return eval(n.z, scope)
	case opBinary:
		x := eval(n.x, scope)
		switch n.bin {
		case binAnd:
			if !x.Truthy() {
				return x
			}
			return eval(n.y, scope)
		case binOr:
			if x.Truthy() {
				return x
			}
			return eval(n.y, scope)
		case binCoalesce:
			if !x.isNullish() {
				return x
			}
			return eval(n.y, scope)
		}
		return binary(n.bin, x, eval(n.y, scope))
	}
	return undefined
}

// binary applies an operator other than &&, || and ??.
func binary(op binOp, x, y Value) Value {
	switch op {
	case binStrictEq:
		return boolValue(strictEqual(x, y))
	case binStrictNe:
		return boolValue(!strictEqual(x, y))
	case binEq:
		return boolValue(looseEqual(x, y))
	case binNe:
		return boolValue(!looseEqual(x, y))
	case binLt:
		return boolValue(less(x, y, false))
	case binGt:
		return boolValue(less(y, x, false))
	case binLe:
		return boolValue(less(x, y, true))
	case binGe:
		return boolValue(less(y, x, true))
	case binAdd:
		return add(x, y)
	case binSub:
		return numValue(toNumber(x) - toNumber(y))
	case binMul:
		return numValue(toNumber(x) * toNumber(y))
	case binDiv:
		return numValue(toNumber(x) / toNumber(y))
	case binMod:
		return numValue(math.Mod(toNumber(x), toNumber(y)))
	}
	return undefined
}

// add is JavaScript's +: string concatenation when either side is a string
// (objects and arrays count as their strings), numeric addition otherwise.
func add(x, y Value) Value {
	x, y = toPrimitive(x), toPrimitive(y)
	if x.kind != String && y.kind != String {
		return numValue(toNumber(x) + toNumber(y))
	}
	a, b := toString(x), toString(y)
	if len(a)+len(b) > maxString {
		return undefined
	}
	return stringValue(a + b)
}

// less is JavaScript's Abstract Relational Comparison: x < y, or x <= y
// with orEqual. Strings compare by UTF-16 code units, anything else as
// numbers, and NaN (as from undefined) compares false either way.
func less(x, y Value, orEqual bool) bool {
	x, y = toPrimitive(x), toPrimitive(y)
	if x.kind == String && y.kind == String {
		c := compareStrings(x.s, y.s)
		if orEqual {
			return c <= 0
		}
		return c < 0
	}
	a, b := toNumber(x), toNumber(y)
	if a != a || b != b {
		return false
	}
	if orEqual {
		return a <= b
	}
	return a < b
}

// strictEqual is JavaScript's ===: same type and value; NaN differs from
// itself, 0 and -0 are equal, objects are equal only to themselves.
func strictEqual(x, y Value) bool {
	if x.kind != y.kind {
		return false
	}
	switch x.kind {
	case Undefined, Null:
		return true
	case Bool:
		return x.b == y.b
	case Number:
		return x.n == y.n
	case String:
		return x.s == y.s
	}
	return sameObject(x, y)
}

// looseEqual is JavaScript's ==: undefined and null equal each other only,
// numbers compare with strings and booleans as numbers, and objects compare
// with primitives as their strings.
func looseEqual(x, y Value) bool {
	for range 4 { // each step converts a boolean or an object; three always end it
		switch {
		case x.kind == y.kind:
			return strictEqual(x, y)
		case x.isNullish() || y.isNullish():
			return x.isNullish() && y.isNullish()
		case x.isObjectish() && y.isObjectish():
			return false
		case x.kind == Bool:
			x = numValue(toNumber(x))
		case y.kind == Bool:
			y = numValue(toNumber(y))
		case x.isObjectish():
			x = toPrimitive(x)
		case y.isObjectish():
			y = toPrimitive(y)
		default: // a number and a string
			return toNumber(x) == toNumber(y)
		}
	}
	return false
}

// sameValueZero is === except that NaN equals NaN, as includes compares.
func sameValueZero(x, y Value) bool {
	if x.kind == Number && y.kind == Number && x.n != x.n && y.n != y.n {
		return true
	}
	return strictEqual(x, y)
}

// call evaluates a method call.
func call(n *node, scope map[string]any) Value {
	recv := eval(n.x, scope)
	var buf [2]Value // the methods read at most two arguments; others have no effect
	args := buf[:min(len(n.args), len(buf))]
	for i := range args {
		args[i] = eval(n.args[i], scope)
	}
	var arg0, arg1 Value
	if len(args) > 0 {
		arg0 = args[0]
	}
	if len(args) > 1 {
		arg1 = args[1]
	}
	switch recv.kind {
	case String:
		return stringMethod(recv.s, n.name, arg0, arg1)
	case Array:
		return arrayMethod(recv.ref, n.name, arg0, arg1)
	}
	return undefined
}

// stringMethod calls a method of String.prototype.
func stringMethod(s, name string, arg0, arg1 Value) Value {
	switch name {
	case "toUpperCase":
		return stringValue(strings.ToUpper(s))
	case "toLowerCase":
		return stringValue(strings.ToLower(s))
	case "trim":
		return stringValue(strings.TrimFunc(s, isSpace))
	case "includes":
		off, _ := utf16Offset(s, clamp(toInteger(arg1, 0), utf16Len(s)))
		return boolValue(strings.Contains(s[off:], toString(arg0)))
	case "startsWith":
		search := toString(arg0)
		off, whole := utf16Offset(s, clamp(toInteger(arg1, 0), utf16Len(s)))
		return boolValue(search == "" || whole && strings.HasPrefix(s[off:], search))
	case "endsWith":
		search := toString(arg0)
		n := utf16Len(s)
		off, whole := utf16Offset(s, clamp(toInteger(arg1, float64(n)), n))
		return boolValue(search == "" || whole && strings.HasSuffix(s[:off], search))
	}
	return undefined
}

// arrayMethod calls a method of Array.prototype.
func arrayMethod(ref any, name string, arg0, arg1 Value) Value {
	switch name {
	case "includes":
		n := arrayLen(ref)
		from := toInteger(arg1, 0)
		if from < 0 {
			from += float64(n)
		}
		for i := clamp(from, n); i < n; i++ {
			if sameValueZero(arrayAt(ref, i), arg0) {
				return boolValue(true)
			}
		}
		return boolValue(false)
	case "join":
		sep := ","
		if arg0.kind != Undefined {
			sep = toString(arg0)
		}
		s, ok := join(ref, sep)
		if !ok {
			return undefined
		}
		return stringValue(s)
	}
	return undefined
}

// clamp returns f clamped to 0…n.
func clamp(f float64, n int) int {
	switch {
	case f <= 0:
		return 0
	case f >= float64(n):
		return n
	}
	return int(f)
}
