package liquid

import "fmt"

// Parse lexes exactly one tag at the start of src, where src[0:2] is "{%".
// It returns the tag and the number of bytes it consumed. On an error the
// tag is zero, the error is an *Error and n is how far the lexer read: at
// least 2 when src starts with "{%" (0 otherwise), so a caller resuming at
// n always makes progress. Offsets are relative to src.
func Parse(src []byte) (Tag, int, error) {
	t, n, err := parse(src, 0, nil)
	if err != nil {
		return Tag{}, n, err
	}
	return t, n, nil
}

// parse lexes the tag at src[at:]. Offsets are offsets in src; end is the
// offset where lexing stopped, after "%}" when there is no error.
func parse(src []byte, at int, args *arena) (t Tag, end int, err *Error) {
	if !isOpen(src, at) {
		return Tag{}, at, &Error{Offset: at, Msg: `expected "{%"`}
	}
	t.Start = at
	i := at + 2
	if i < len(src) && src[i] == '-' {
		t.Trim[0] = true
		i++
	}
	i, blank := skipSpace(src, i)
	if blank || i == len(src) || isOpen(src, i) {
		return unterminated(src, at, "", i)
	}
	if !isLetter(src[i]) {
		e := &Error{Offset: i, Hint: `write a name after "{%", as in {% hint style="info" %}`}
		if c := closes(src, i); c > 0 {
			e.Msg = "missing tag name"
			return Tag{}, i + c, e
		}
		e.Msg = "expected a tag name, found " + quoteAt(src, i)
		return Tag{}, i, e
	}
	ns := i
	for i < len(src) && isNameByte(src[i]) && closes(src, i) == 0 {
		i++
	}
	name := tagName{start: ns, stop: i}
	if i-ns > 3 && string(src[ns:ns+3]) == "end" && isLetter(src[ns+3]) {
		t.End = true
		name.start += 3
	}
	var buf [4]span
	spans := buf[:0]
	if !t.End && isExpr(string(src[name.start:name.stop])) {
		s, stop, err := expr(src, at, ns, i)
		if err != nil {
			return Tag{}, stop, err
		}
		t.Stop = stop
		t.Trim[1] = src[stop-3] == '-'
		build(src, &t, name, append(spans, s), args)
		return t, stop, nil
	}
	for {
		j, blank := skipSpace(src, i)
		if blank || j == len(src) || isOpen(src, j) {
			return unterminated(src, at, string(src[ns:name.stop]), j)
		}
		if c := closes(src, j); c > 0 {
			t.Trim[1] = c == 3
			t.Stop = j + c
			build(src, &t, name, spans, args)
			return t, t.Stop, nil
		}
		if j == i {
			return Tag{}, j, unexpected(src, j, ns, name.stop)
		}
		s, err := arg(src, j, ns, name.stop)
		if err != nil {
			return Tag{}, s.stop, err
		}
		spans = append(spans, s)
		i = s.stop
	}
}

// tagName is where a tag's name is, without the "end" of an end tag.
type tagName struct{ start, stop int }

// span is a lexed argument before it becomes an Arg: its offsets, with
// keyStop == start for a positional argument, and whether its value holds
// escapes to undo.
type span struct {
	start, keyStop, stop int
	vs, ve               int
	esc                  bool
}

// build completes t, whose offsets are set, with its name and arguments.
// Their strings share one copy of the tag's text; the arguments come from
// args.
func build(src []byte, t *Tag, name tagName, spans []span, args *arena) {
	text := string(src[t.Start:t.Stop])
	at := t.Start
	t.Name = text[name.start-at : name.stop-at]
	if len(spans) == 0 {
		return
	}
	t.Args = args.alloc(len(spans))
	for k, s := range spans {
		a := Arg{Key: text[s.start-at : s.keyStop-at], Start: s.start, Stop: s.stop, ValueStart: s.vs, ValueStop: s.ve}
		if s.esc {
			a.Value = unescape(src[s.vs:s.ve])
		} else {
			a.Value = text[s.vs-at : s.ve-at]
		}
		t.Args[k] = a
	}
}

// arena hands out the Args of the tags of one Scan from shared blocks, to
// save an allocation per tag. A nil arena allocates each time.
type arena struct{ free []Arg }

// alloc returns n zero Args whose capacity is n, so appending to them never
// writes into another tag's.
func (a *arena) alloc(n int) []Arg {
	if a == nil {
		return make([]Arg, n)
	}
	if n > cap(a.free)-len(a.free) {
		a.free = make([]Arg, 0, max(n, 64))
	}
	k := len(a.free)
	a.free = a.free[:k+n]
	return a.free[k : k+n : k+n]
}

// arg lexes the argument at src[j:], which is neither a space nor the end of
// the tag, of the tag whose name is src[ns:ne]. On an error the span's stop
// is where lexing stopped.
func arg(src []byte, j, ns, ne int) (span, *Error) {
	switch c := src[j]; {
	case c == '"' || c == '\'':
		return quoted(src, j, j, ns, ne)
	case c == '=':
		return span{stop: j + 1}, &Error{
			Offset: j,
			Msg:    fmt.Sprintf(`missing attribute name before "=" in %q tag`, src[ns:ne]),
			Hint:   `write attributes as key="value"`,
		}
	case isLetter(c) || c == '_':
		k := j
		for k < len(src) && isKeyByte(src[k]) && closes(src, k) == 0 {
			k++
		}
		m, blank := skipSpace(src, k)
		if blank || m == len(src) || src[m] != '=' {
			break
		}
		v, blank := skipSpace(src, m+1)
		if blank || v == len(src) || closes(src, v) > 0 || isOpen(src, v) {
			return span{stop: v}, &Error{
				Offset: m,
				Msg:    fmt.Sprintf("missing value after %q in %q tag", string(src[j:k])+"=", src[ns:ne]),
				Hint:   `write attributes as key="value"`,
			}
		}
		if src[v] == '"' || src[v] == '\'' {
			s, err := quoted(src, j, v, ns, ne)
			s.keyStop = k
			return s, err
		}
		end := bare(src, v)
		return span{start: j, keyStop: k, stop: end, vs: v, ve: end}, nil
	}
	end := bare(src, j)
	return span{start: j, keyStop: j, stop: end, vs: j, ve: end}, nil
}

// expr lexes the rest of an "if" or "elsif" tag starting at at, from i just
// after its name src[ns:i]: the condition, kept raw as one positional
// argument, up to "%}", whose end it returns. Quoted strings in it may hold
// "%}".
func expr(src []byte, at, ns, i int) (span, int, *Error) {
	j, blank := skipSpace(src, i)
	if j == i && !blank && j < len(src) && !isOpen(src, j) && closes(src, j) == 0 {
		return span{}, j, unexpected(src, j, ns, i)
	}
	for p := j; ; {
		if blank || p == len(src) || isOpen(src, p) {
			_, end, err := unterminated(src, at, string(src[ns:i]), p)
			return span{}, end, err
		}
		switch c := src[p]; {
		case closes(src, p) > 0:
			stop := p + closes(src, p)
			for p > j && isSpace(src[p-1]) {
				p--
			}
			if p == j {
				return span{}, stop, &Error{
					Offset: j,
					Msg:    fmt.Sprintf("missing condition in %q tag", src[ns:i]),
					Hint:   "write a condition, as in {% if visitor.claims.unsigned.beta %}",
				}
			}
			return span{start: j, keyStop: j, stop: p, vs: j, ve: p}, stop, nil
		case c == '"' || c == '\'':
			s, err := quoted(src, p, p, ns, i)
			if err != nil {
				return span{}, s.stop, err
			}
			p = s.stop
		case c == '\n':
			p, blank = skipSpace(src, p)
		default:
			p++
		}
	}
}

// unexpected reports the byte at src[j], which is not separated by a space
// from what comes before it in the tag whose name is src[ns:ne].
func unexpected(src []byte, j, ns, ne int) *Error {
	return &Error{
		Offset: j,
		Msg:    fmt.Sprintf("unexpected %s in %q tag", quoteAt(src, j), src[ns:ne]),
		Hint:   "separate the name and each argument with a space",
	}
}

// quoted lexes the quoted value at src[q:] of the argument starting at j,
// in the tag whose name is src[ns:ne]. A value ends at the end of its line.
// On an error the span's stop is where lexing stopped.
func quoted(src []byte, j, q, ns, ne int) (span, *Error) {
	quote := src[q]
	esc := false
	p := q + 1
	for p < len(src) {
		c := src[p]
		if c == quote {
			return span{start: j, keyStop: j, stop: p + 1, vs: q + 1, ve: p, esc: esc}, nil
		}
		if c == '\n' {
			break
		}
		if c == '\\' && p+1 < len(src) && isEscapable(src[p+1]) {
			esc = true
			p++
		}
		p++
	}
	return span{stop: p}, &Error{
		Offset: q,
		Msg:    fmt.Sprintf("unclosed quote in %q tag", src[ns:ne]),
		Hint:   fmt.Sprintf("end the value with %c on the same line", quote),
	}
}

// unescape undoes \", \' and \\ in v.
func unescape(v []byte) string {
	b := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) && isEscapable(v[i+1]) {
			i++
		}
		b = append(b, v[i])
	}
	return string(b)
}

// bare returns the end of the unquoted word at src[p:]: it runs to a space,
// a quote, "%}", "-%}" or "{%".
func bare(src []byte, p int) int {
	for p < len(src) {
		c := src[p]
		if isSpace(c) || c == '"' || c == '\'' || closes(src, p) > 0 || isOpen(src, p) {
			break
		}
		p++
	}
	return p
}

// unterminated reports the tag starting at start, written as name ("" when
// the name is not read yet), whose lexing stopped at i, at the end of src,
// a blank line or another "{%", before its "%}".
func unterminated(src []byte, start int, name string, i int) (Tag, int, *Error) {
	what := "tag"
	if name != "" {
		what = fmt.Sprintf("%q tag", name)
	}
	e := &Error{Offset: start}
	switch {
	case i >= len(src):
		e.Msg = "unterminated " + what + `: no "%}" before the end of the file`
		e.Hint = `end the tag with "%}"`
	case src[i] == '\n':
		e.Msg = "unterminated " + what + `: no "%}" before the blank line`
		e.Hint = `end the tag with "%}"; a tag cannot span a blank line`
	default:
		e.Msg = "unterminated " + what + `: another "{%" comes before its "%}"`
		e.Hint = `end the tag with "%}" before the next tag starts`
	}
	return Tag{}, i, e
}

// skipSpace skips spaces, tabs and line breaks from i. It stops early, with
// blank set, at the line break that ends a blank line.
func skipSpace(src []byte, i int) (int, bool) {
	nl := false
	for ; i < len(src); i++ {
		switch src[i] {
		case '\n':
			if nl {
				return i, true
			}
			nl = true
		case ' ', '\t', '\r', '\f', '\v':
		default:
			return i, false
		}
	}
	return i, false
}

// closes returns the length of the "%}" or "-%}" at src[i:], or 0.
func closes(src []byte, i int) int {
	switch {
	case i+1 < len(src) && src[i] == '%' && src[i+1] == '}':
		return 2
	case i+2 < len(src) && src[i] == '-' && src[i+1] == '%' && src[i+2] == '}':
		return 3
	}
	return 0
}

// isOpen reports whether src[i:] starts with "{%".
func isOpen(src []byte, i int) bool {
	return i+1 < len(src) && src[i] == '{' && src[i+1] == '%'
}

// isExpr reports whether the tag named name holds a raw condition rather
// than arguments.
func isExpr(name string) bool { return name == "if" || name == "elsif" }

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isNameByte(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '.'
}

func isKeyByte(c byte) bool { return isNameByte(c) || c == ':' }

func isEscapable(c byte) bool { return c == '"' || c == '\'' || c == '\\' }

// quoteAt quotes the character at src[i] for a message.
func quoteAt(src []byte, i int) string {
	n := 1
	for n < 4 && i+n < len(src) && src[i+n]&0xC0 == 0x80 {
		n++
	}
	return fmt.Sprintf("%q", src[i:i+n])
}
