package mathml

import "unicode/utf8"

// tokKind is the kind of a token of TeX math.
type tokKind uint8

const (
	tEOF   tokKind = iota
	tChar          // any other character, in r
	tCmd           // a control word or control symbol, in name without "\"
	tOpen          // {
	tClose         // }
	tSup           // ^
	tSub           // _
	tAmp           // &
	tPrime         // '
	tTilde         // ~
)

// token is one token, from byte pos up to end.
type token struct {
	kind tokKind
	r    rune
	name string
	pos  int
	end  int
}

// isSpace reports whether c is a space in TeX math, where spaces are
// ignored.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isLetter reports whether c is an ASCII letter, what control words are
// made of.
func isLetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// skip returns the offset of the first byte at or after i that is neither a
// space nor in a comment (from "%" to the end of the line).
func (p *parser) skip(i int) int {
	for i < len(p.src) {
		switch c := p.src[i]; {
		case isSpace(c):
			i++
		case c == '%':
			for i < len(p.src) && p.src[i] != '\n' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// peek returns the next token without consuming it.
func (p *parser) peek() token {
	i := p.skip(p.pos)
	t := token{pos: i, end: i + 1}
	if i >= len(p.src) {
		t.kind, t.end = tEOF, i
		return t
	}
	switch c := p.src[i]; c {
	case '{':
		t.kind = tOpen
	case '}':
		t.kind = tClose
	case '^':
		t.kind = tSup
	case '_':
		t.kind = tSub
	case '&':
		t.kind = tAmp
	case '\'':
		t.kind = tPrime
	case '~':
		t.kind = tTilde
	case '\\':
		t.kind = tCmd
		j := i + 1
		for j < len(p.src) && isLetter(p.src[j]) {
			j++
		}
		if j == i+1 && j < len(p.src) {
			_, size := utf8.DecodeRuneInString(p.src[j:])
			j += size
		}
		t.name, t.end = p.src[i+1:j], j
	default:
		r, size := utf8.DecodeRuneInString(p.src[i:])
		t.kind, t.r, t.end = tChar, r, i+size
	}
	return t
}

// next consumes the next token and returns it.
func (p *parser) next() token {
	t := p.peek()
	p.pos = t.end
	return t
}

// isCmd reports whether t is the command \name.
func (t token) isCmd(name string) bool { return t.kind == tCmd && t.name == name }

// isRowBreak reports whether t ends a row of a table.
func (t token) isRowBreak() bool {
	return t.kind == tCmd && (t.name == `\` || t.name == "cr" || t.name == "newline")
}

// stops says which tokens, besides those that always do, end a row.
type stops uint8

const (
	stopBracket stops = 1 << iota // "]" ends an optional argument
	stopDollar                    // "$" ends math inside \text
)

// isStop reports whether t ends a row: the end of the source, "}", "&", a
// row break, \right, \middle, \end, or what s adds.
func (t token) isStop(s stops) bool {
	switch t.kind {
	case tEOF, tClose, tAmp:
		return true
	case tCmd:
		switch t.name {
		case `\`, "cr", "newline", "right", "middle", "end":
			return true
		}
	case tChar:
		return t.r == ']' && s&stopBracket != 0 || t.r == '$' && s&stopDollar != 0
	}
	return false
}

// star consumes a "*" right after the command just read, and reports whether
// there was one.
func (p *parser) star() bool {
	if p.pos < len(p.src) && p.src[p.pos] == '*' {
		p.pos++
		return true
	}
	return false
}

// rawGroup reads a braced group as raw text: "{", then everything up to the
// matching "}". It reports false, consuming nothing, when no "{" comes next.
// An unclosed group runs to the end of the source, with an error.
func (p *parser) rawGroup() (string, bool) {
	i := p.skip(p.pos)
	if i >= len(p.src) || p.src[i] != '{' {
		return "", false
	}
	depth := 0
	for j := i; j < len(p.src); j++ {
		switch p.src[j] {
		case '\\':
			j++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				p.pos = j + 1
				return p.src[i+1 : j], true
			}
		}
	}
	p.fail(i, `unclosed "{"`)
	p.pos = len(p.src)
	return p.src[i+1:], true
}
