package expr

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tokEOF      tokKind = iota
	tokIdent            // a name: text
	tokNumber           // a numeric literal: num
	tokString           // a string literal: str
	tokBacktick         // the "`" opening a template literal
	tokPunct            // an operator or punctuator: text
)

// token is one token of an expression.
type token struct {
	kind     tokKind
	pos, end int
	text     string
	str      string
	num      float64
}

// lexer reads tokens from src on demand; the parser reads template
// literals through it too.
type lexer struct {
	src string
	pos int
}

// puncts are the punctuators JavaScript has, longest first; the parser
// rejects the ones outside the subset with a hint.
var puncts = []string{
	">>>=",
	"===", "!==", "...", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
	"==", "!=", "<=", ">=", "&&", "||", "??", "?.", "=>", "**", "++", "--",
	"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>",
	".", "[", "]", "(", ")", ",", "!", "-", "+", "*", "/", "%", "<", ">",
	"?", ":", "=", "&", "|", "^", "~", "{", "}", ";", "@", "#",
}

// next reads the next token.
func (l *lexer) next() (token, *Error) {
	l.skipSpace()
	src, start := l.src, l.pos
	if start >= len(src) {
		return token{kind: tokEOF, pos: len(src), end: len(src)}, nil
	}
	c := src[start]
	switch {
	case isDigit(c) || c == '.' && start+1 < len(src) && isDigit(src[start+1]):
		return l.number()
	case c == '"' || c == '\'':
		return l.stringLit(c)
	case c == '`':
		l.pos++
		return token{kind: tokBacktick, pos: start, end: l.pos}, nil
	case c == '/' && start+1 < len(src) && (src[start+1] == '/' || src[start+1] == '*'):
		return token{}, errorf(start, "write the expression without comments", "comments are not supported")
	case c == '\\':
		return token{}, errorf(start, "", "unexpected %q", "\\")
	}
	if c < utf8.RuneSelf {
		if isIdentStart(rune(c)) {
			return l.ident(), nil
		}
		for _, p := range puncts {
			if strings.HasPrefix(src[start:], p) {
				if p == "?." && start+2 < len(src) && isDigit(src[start+2]) {
					continue // a?.5:1 is a conditional
				}
				l.pos += len(p)
				return token{kind: tokPunct, pos: start, end: l.pos, text: p}, nil
			}
		}
		return token{}, errorf(start, "", "unexpected character %q", string(c))
	}
	r, size := utf8.DecodeRuneInString(src[start:])
	switch {
	case r == utf8.RuneError && size == 1:
		return token{}, errorf(start, "", "invalid UTF-8")
	case isIdentStart(r):
		return l.ident(), nil
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»':
		return token{}, errorf(start, `use straight quotes: "…" or '…'`, "curly quote %q does not start a string", string(r))
	}
	return token{}, errorf(start, "", "unexpected character %q", string(r))
}

// skipSpace skips JavaScript white space and line terminators.
func (l *lexer) skipSpace() {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return
			}
			l.pos++
			continue
		}
		r, size := utf8.DecodeRuneInString(l.src[l.pos:])
		if !isSpace(r) {
			return
		}
		l.pos += size
	}
}

// isIdentStart reports whether r may start a name: a letter, "$" or "_".
func isIdentStart(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || r == '$' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

// isIdentPart reports whether r may continue a name.
func isIdentPart(r rune) bool {
	if r < utf8.RuneSelf {
		return isIdentStart(r) || isDigit(byte(r))
	}
	return isIdentStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue) ||
		r == 0x200C || r == 0x200D
}

// isIdentName reports whether s is a name as the lexer reads it, so that
// .s can stand for ["s"].
func isIdentName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == utf8.RuneError || (i == 0 && !isIdentStart(r)) || !isIdentPart(r) {
			return false
		}
	}
	return true
}

// ident reads a name; l.pos is at its first character.
func (l *lexer) ident() token {
	start := l.pos
	for l.pos < len(l.src) {
		r, size := rune(l.src[l.pos]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(l.src[l.pos:])
		}
		if r == utf8.RuneError && size == 1 || !isIdentPart(r) {
			break
		}
		l.pos += size
	}
	return token{kind: tokIdent, pos: start, end: l.pos, text: l.src[start:l.pos]}
}

// number reads a numeric literal: decimal with an optional fraction and
// exponent, or a 0x, 0o or 0b integer.
func (l *lexer) number() (token, *Error) {
	start := l.pos
	s := l.src[start:]
	var f float64
	n := 0
	if len(s) >= 2 && s[0] == '0' && radix(s[1]) != 0 {
		base := radix(s[1])
		n = 2
		for n < len(s) && digitVal(s[n]) < base {
			n++
		}
		if n == 2 {
			return token{}, errorf(start, "", "missing digits after %q", s[:2])
		}
		f, _ = parseRadix(s[2:n], base)
	} else {
		if len(s) >= 2 && s[0] == '0' && isDigit(s[1]) {
			return token{}, errorf(start, "write the number without leading zeros (0o17 for octal)", "number starts with 0")
		}
		n = decimalLen(s)
		f, _ = strconv.ParseFloat(s[:n], 64) // out of range gives ±Inf or 0, as in JavaScript
	}
	if n < len(s) {
		r, _ := utf8.DecodeRuneInString(s[n:])
		if isIdentStart(r) || r == '\\' || (r < utf8.RuneSelf && isDigit(byte(r))) {
			return token{}, errorf(start+n, "put an operator or a space after the number", "name or digit directly after number")
		}
	}
	l.pos += n
	return token{kind: tokNumber, pos: start, end: l.pos, num: f}, nil
}

// stringLit reads a string literal quoted with q.
func (l *lexer) stringLit(q byte) (token, *Error) {
	start := l.pos
	i := start + 1
	var b []byte
	plain := true // no escapes so far: the value is src[start+1:i]
	for {
		if i >= len(l.src) {
			return token{}, errorf(start, "close the string with "+string(q), "unterminated string")
		}
		c := l.src[i]
		switch {
		case c == q:
			l.pos = i + 1
			s := l.src[start+1 : i]
			if !plain {
				s = string(b)
			}
			return token{kind: tokString, pos: start, end: l.pos, str: s}, nil
		case c == '\n' || c == '\r':
			return token{}, errorf(start, `close the string on its line; write \n for a line break`, "unterminated string")
		case c == '\\':
			if plain {
				b = append(b, l.src[start+1:i]...)
				plain = false
			}
			var err *Error
			if i, err = l.escape(&b, i, start); err != nil {
				return token{}, err
			}
		case c < utf8.RuneSelf:
			if !plain {
				b = append(b, c)
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(l.src[i:])
			if r == utf8.RuneError && size == 1 {
				return token{}, errorf(i, "", "invalid UTF-8")
			}
			if !plain {
				b = append(b, l.src[i:i+size]...)
			}
			i += size
		}
	}
}

// templateChunk reads the text of a template literal from l.pos, just after
// its opening "`" or after the "}" ending a substitution, up to the next
// "${" or the closing "`", and leaves l.pos after them. It reports whether a
// substitution follows. Line breaks are kept, CR LF and CR read as LF. start
// is the offset of the opening "`", for errors.
func (l *lexer) templateChunk(start int) (string, bool, *Error) {
	var b []byte
	i := l.pos
	for {
		if i >= len(l.src) {
			return "", false, errorf(start, "close the template literal with `", "unterminated template literal")
		}
		c := l.src[i]
		switch {
		case c == '`':
			l.pos = i + 1
			return string(b), false, nil
		case c == '$' && i+1 < len(l.src) && l.src[i+1] == '{':
			l.pos = i + 2
			return string(b), true, nil
		case c == '\\':
			var err *Error
			if i, err = l.escape(&b, i, start); err != nil {
				return "", false, err
			}
		case c == '\r':
			b = append(b, '\n')
			i++
			if i < len(l.src) && l.src[i] == '\n' {
				i++
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(l.src[i:])
			if r == utf8.RuneError && size == 1 {
				return "", false, errorf(i, "", "invalid UTF-8")
			}
			b = append(b, l.src[i:i+size]...)
			i += size
		}
	}
}

// escape decodes the escape sequence at src[i], a backslash, appends its
// value to b and returns the offset after it. start is the offset of the
// literal's opening quote, for an escape cut short by the end of input.
func (l *lexer) escape(b *[]byte, i, start int) (int, *Error) {
	src := l.src
	if i+1 >= len(src) {
		return 0, errorf(start, "close the literal with its quote", "unterminated literal")
	}
	c := src[i+1]
	switch c {
	case 'n':
		*b = append(*b, '\n')
	case 't':
		*b = append(*b, '\t')
	case 'r':
		*b = append(*b, '\r')
	case 'b':
		*b = append(*b, '\b')
	case 'f':
		*b = append(*b, '\f')
	case 'v':
		*b = append(*b, '\v')
	case '0':
		if i+2 < len(src) && isDigit(src[i+2]) {
			return 0, errorf(i, `write \x00 or \u0000`, "octal escape sequences are not allowed")
		}
		*b = append(*b, 0)
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return 0, errorf(i, `write \x.. or \u....`, "octal escape sequences are not allowed")
	case 'x':
		v, ok := hexDigits(src, i+2, 2)
		if !ok {
			return 0, errorf(i, `write \x and two hexadecimal digits`, "invalid escape sequence")
		}
		*b = utf8.AppendRune(*b, rune(v))
		return i + 4, nil
	case 'u':
		r, n, ok := unicodeEscape(src, i)
		if !ok {
			return 0, errorf(i, `write \u and four hexadecimal digits, or \u{…}`, "invalid escape sequence")
		}
		if 0xD800 <= r && r < 0xDC00 {
			if r2, n2, ok := unicodeEscape(src, i+n); ok && 0xDC00 <= r2 && r2 < 0xE000 {
				r = 0x10000 + (r-0xD800)<<10 + (r2 - 0xDC00)
				n += n2
			}
		}
		*b = utf8.AppendRune(*b, r) // a lone surrogate becomes U+FFFD
		return i + n, nil
	case '\r':
		if i+2 < len(src) && src[i+2] == '\n' {
			return i + 3, nil
		}
	case '\n':
	default:
		if c < utf8.RuneSelf {
			*b = append(*b, c)
			break
		}
		r, size := utf8.DecodeRuneInString(src[i+1:])
		if r == utf8.RuneError && size == 1 {
			return 0, errorf(i+1, "", "invalid UTF-8")
		}
		if r != 0x2028 && r != 0x2029 { // a line continuation
			*b = append(*b, src[i+1:i+1+size]...)
		}
		return i + 1 + size, nil
	}
	return i + 2, nil
}

// unicodeEscape reads \uXXXX or \u{X…} at src[i] and returns the code
// point and the escape's length.
func unicodeEscape(src string, i int) (rune, int, bool) {
	if i+1 >= len(src) || src[i] != '\\' || src[i+1] != 'u' {
		return 0, 0, false
	}
	if i+2 < len(src) && src[i+2] == '{' {
		j := i + 3
		v := 0
		for j < len(src) && digitVal(src[j]) < 16 {
			v = v*16 + digitVal(src[j])
			if v > unicode.MaxRune {
				return 0, 0, false
			}
			j++
		}
		if j == i+3 || j >= len(src) || src[j] != '}' {
			return 0, 0, false
		}
		return rune(v), j + 1 - i, true
	}
	v, ok := hexDigits(src, i+2, 4)
	return rune(v), 6, ok
}

// hexDigits reads n hexadecimal digits at src[i].
func hexDigits(src string, i, n int) (int, bool) {
	if i+n > len(src) {
		return 0, false
	}
	v := 0
	for j := i; j < i+n; j++ {
		d := digitVal(src[j])
		if d >= 16 {
			return 0, false
		}
		v = v*16 + d
	}
	return v, true
}
