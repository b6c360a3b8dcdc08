package expr

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Expr is a parsed expression. It is immutable and safe for concurrent use.
type Expr struct {
	root  *node
	paths []string
}

// Paths returns every variable path the expression reads, such as
// "visitor.claims.plan", once each in order of first appearance. A path
// runs from a variable through its member accesses with fixed names, and
// stops before a computed key (x[y] reads the path of x and that of y), a
// method call and a length property. Keys that are not names are written
// in brackets: space.vars["release-date"], a.list[0].
func (e *Expr) Paths() []string {
	if e == nil {
		return nil
	}
	return slices.Clone(e.paths)
}

// String returns the expression in canonical form: double-quoted strings,
// numbers as JavaScript prints them, one space around binary operators,
// x.name for x["name"], and only the parentheses the meaning needs. Parse
// reads it back to the same expression.
func (e *Expr) String() string {
	if e == nil || e.root == nil {
		return ""
	}
	var b strings.Builder
	write(&b, e.root)
	return b.String()
}

// prec returns the precedence of n's top operator.
func prec(n *node) int {
	switch n.op {
	case opCond:
		return precCond
	case opBinary:
		return binOps[n.bin].prec
	case opNot, opNeg:
		return precUnary
	}
	return precPostfix
}

// write writes n in canonical form.
func write(b *strings.Builder, n *node) {
	switch n.op {
	case opLit:
		writeLit(b, n.val)
	case opIdent:
		b.WriteString(n.name)
	case opMember:
		writeObject(b, n.x)
		if n.opt {
			b.WriteString("?.")
		} else if isIdentName(n.name) {
			b.WriteByte('.')
		}
		writeKey(b, n.name)
	case opIndex:
		writeObject(b, n.x)
		if n.opt {
			b.WriteString("?.")
		}
		b.WriteByte('[')
		write(b, n.y)
		b.WriteByte(']')
	case opCall:
		writeObject(b, n.x)
		if n.opt {
			b.WriteString("?.")
		} else {
			b.WriteByte('.')
		}
		b.WriteString(n.name)
		b.WriteByte('(')
		for i, a := range n.args {
			if i > 0 {
				b.WriteString(", ")
			}
			write(b, a)
		}
		b.WriteByte(')')
	case opTemplate:
		b.WriteByte('`')
		for i, part := range n.parts {
			writeText(b, part, '`')
			if i < len(n.args) {
				b.WriteString("${")
				write(b, n.args[i])
				b.WriteByte('}')
			}
		}
		b.WriteByte('`')
	case opNot, opNeg:
		if n.op == opNot {
			b.WriteByte('!')
		} else {
			b.WriteByte('-')
			if n.x.op == opNeg {
				b.WriteByte(' ') // - -x, not the decrement --x
			}
		}
		writeParen(b, n.x, prec(n.x) < precUnary)
	case opBinary:
		p := binOps[n.bin].prec
		mixed := func(c *node) bool { // ?? next to || or && needs parentheses
			return n.bin == binCoalesce && c.op == opBinary && (c.bin == binOr || c.bin == binAnd)
		}
		writeParen(b, n.x, prec(n.x) < p || mixed(n.x))
		b.WriteByte(' ')
		b.WriteString(binOps[n.bin].text)
		b.WriteByte(' ')
		writeParen(b, n.y, prec(n.y) <= p || mixed(n.y))
	case opCond:
		writeParen(b, n.x, prec(n.x) <= precCond)
		b.WriteString(" ? ")
		write(b, n.y)
		b.WriteString(" : ")
		write(b, n.z)
	}
}

// writeParen writes n, in parentheses if paren.
func writeParen(b *strings.Builder, n *node, paren bool) {
	if paren {
		b.WriteByte('(')
	}
	write(b, n)
	if paren {
		b.WriteByte(')')
	}
}

// writeObject writes the object of a member access or call. A number is
// followed by a space, as 1.length would read as "1." and a name; 1 .length
// is JavaScript too, and unlike (1).length adds no level of nesting.
func writeObject(b *strings.Builder, n *node) {
	writeParen(b, n, prec(n) < precPostfix)
	if n.op == opLit && n.val.kind == Number {
		b.WriteByte(' ')
	}
}

// writeKey writes the key of a member access: the name itself, an array
// index in brackets, or a quoted string in brackets.
func writeKey(b *strings.Builder, key string) {
	if isIdentName(key) {
		b.WriteString(key)
		return
	}
	b.WriteByte('[')
	if _, ok := arrayIndex(key); ok {
		b.WriteString(key)
	} else {
		writeQuoted(b, key)
	}
	b.WriteByte(']')
}

// writeLit writes a literal value.
func writeLit(b *strings.Builder, v Value) {
	if v.kind == String {
		writeQuoted(b, v.s)
		return
	}
	b.WriteString(toString(v)) // undefined, null, true, false, numbers (never negative)
}

// writeQuoted writes s as a double-quoted string literal.
func writeQuoted(b *strings.Builder, s string) {
	b.WriteByte('"')
	writeText(b, s, '"')
	b.WriteByte('"')
}

// writeText writes the characters of a string or template literal quoted
// with q, escaping q, backslashes, "${" in templates and every character
// that is not printable.
func writeText(b *strings.Builder, s string, q byte) {
	for i, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case q == '`' && r == '$' && i+1 < len(s) && s[i+1] == '{':
			b.WriteString(`\$`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < utf8.RuneSelf && !unicode.IsPrint(r) || 0x80 <= r && r < 0x100 && !unicode.IsPrint(r):
			b.WriteString(`\x`)
			if r < 0x10 {
				b.WriteByte('0')
			}
			b.WriteString(strconv.FormatInt(int64(r), 16))
		case r == utf8.RuneError || unicode.IsPrint(r):
			b.WriteRune(r)
		default:
			b.WriteString(`\u{`)
			b.WriteString(strconv.FormatInt(int64(r), 16))
			b.WriteByte('}')
		}
	}
}

// paths returns the variable paths n reads.
func paths(n *node) []string {
	var out []string
	var walk func(n *node)
	walk = func(n *node) {
		switch n.op {
		case opIdent, opMember:
			if p, ok := path(n); ok {
				if !slices.Contains(out, p) {
					out = append(out, p)
				}
				return
			}
		}
		for _, c := range [...]*node{n.x, n.y, n.z} {
			if c != nil {
				walk(c)
			}
		}
		for _, a := range n.args {
			walk(a)
		}
	}
	walk(n)
	return out
}

// path returns the variable path of a name and its member accesses, and
// false for anything else, a length property included.
func path(n *node) (string, bool) {
	switch n.op {
	case opIdent:
		return n.name, true
	case opMember:
		if n.name == "length" {
			return "", false
		}
		p, ok := path(n.x)
		if !ok {
			return "", false
		}
		var b strings.Builder
		b.WriteString(p)
		if isIdentName(n.name) {
			b.WriteByte('.')
		}
		writeKey(&b, n.name)
		return b.String(), true
	}
	return "", false
}
