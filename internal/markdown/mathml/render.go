package mathml

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxDepth is how deeply groups, arguments and environments may nest.
const maxDepth = 100

// Error is a problem in TeX source: an unknown command, an unbalanced brace
// or environment, a missing argument. Render reports the first one.
type Error struct {
	// Offset is the byte offset in the TeX source where the problem is.
	Offset int
	// Msg is a lowercase message without final punctuation.
	Msg string
}

// Error returns the message.
func (e *Error) Error() string { return e.Msg }

// Render returns MathML for the TeX source tex: <math display="block"> when
// display, inline otherwise.
//
// The MathML is always complete and well formed, even when the error is not
// nil: what could not be understood is shown in <merror> elements, and the
// error (an *Error) says what went wrong first.
func Render(tex string, display bool) (string, error) {
	p := &parser{src: tex, display: display}
	kids := p.top()
	var b strings.Builder
	b.Grow(len(tex)*8 + 32)
	if display {
		b.WriteString(`<math display="block">`)
	} else {
		b.WriteString("<math>")
	}
	for _, n := range kids {
		n.write(&b)
	}
	b.WriteString("</math>")
	if p.err != nil {
		return b.String(), p.err
	}
	return b.String(), nil
}

// parser turns TeX into a tree of MathML nodes. It reads the source on
// demand through peek and next, and keeps the first error.
type parser struct {
	src     string
	pos     int
	depth   int
	font    font
	display bool // the current style is display style (limits go above and below)
	err     *Error
}

// fail records an error at offset off, unless one was recorded before.
func (p *parser) fail(off int, format string, args ...any) {
	if p.err == nil {
		p.err = &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
	}
}

// enter counts one more level of nesting. Past maxDepth it records an error,
// skips the rest of the source so that every caller unwinds, and returns
// false.
func (p *parser) enter() bool {
	p.depth++
	if p.depth <= maxDepth {
		return true
	}
	p.fail(p.pos, "nesting deeper than %d levels", maxDepth)
	p.pos = len(p.src)
	return false
}

// leave undoes enter.
func (p *parser) leave() { p.depth-- }

// class is the TeX atom class of a node, as far as spacing needs it.
type class uint8

const (
	clsOrd   class = iota
	clsOp          // a function name such as \sin: thin spaces around it
	clsLarge       // a large operator such as \sum
	clsBin
	clsRel
	clsOpen
	clsClose
	clsPunct
	clsInner // \left … \right
	clsSpace
)

// limits says where scripts go on an operator.
type limits uint8

const (
	limNone    limits = iota // beside: msub, msup, msubsup
	limDisplay               // above and below in display style only
	limAlways                // always above and below
)

// attr is one attribute; attributes are written in the order given.
type attr struct{ k, v string }

// node is a MathML element: a token element (mi, mn, mo, mtext) with text,
// or a layout element with children.
type node struct {
	tag   string
	text  string
	attrs []attr
	kids  []*node
	cls   class
	lim   limits
}

// tok returns a token element.
func tok(tag, text string, attrs ...attr) *node {
	return &node{tag: tag, text: text, attrs: attrs}
}

// elem returns a layout element.
func elem(tag string, kids []*node, attrs ...attr) *node {
	return &node{tag: tag, kids: kids, attrs: attrs}
}

// row returns the single node in kids, or an mrow holding them.
func row(kids []*node) *node {
	if len(kids) == 1 {
		return kids[0]
	}
	return elem("mrow", kids)
}

// isToken reports whether n is a token element: mi, mn, mo or mtext.
func (n *node) isToken() bool {
	switch n.tag {
	case "mi", "mn", "mo", "mtext":
		return true
	}
	return false
}

// unknown returns what an unknown command shows.
func unknown(src string) *node {
	return elem("merror", []*node{tok("mtext", src)})
}

// write writes n as MathML.
func (n *node) write(b *strings.Builder) {
	b.WriteByte('<')
	b.WriteString(n.tag)
	for _, a := range n.attrs {
		b.WriteByte(' ')
		b.WriteString(a.k)
		b.WriteString(`="`)
		escape(b, a.v)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	if n.text != "" {
		escape(b, n.text)
	}
	for _, k := range n.kids {
		k.write(b)
	}
	b.WriteString("</")
	b.WriteString(n.tag)
	b.WriteByte('>')
}

// escape writes s as XML text or attribute value: it escapes &, <, > and ",
// and replaces invalid UTF-8 and characters XML forbids with U+FFFD.
func escape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var rep string
		switch {
		case r == '&':
			rep = "&amp;"
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '"':
			rep = "&quot;"
		case r == utf8.RuneError && size == 1, !xmlChar(r):
			rep = "\uFFFD"
		default:
			i += size
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		i += size
		last = i
	}
	b.WriteString(s[last:])
}

// xmlChar reports whether r may appear in an XML document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
