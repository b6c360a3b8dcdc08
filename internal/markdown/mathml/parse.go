package mathml

import (
	"strings"
	"unicode"
)

// top parses the whole source. Row breaks (\\) at the top split it into
// lines, set as a one-column table; stray closing tokens are reported and
// skipped.
func (p *parser) top() []*node {
	var lines [][]*node
	var cur []*node
	for {
		cur = append(cur, p.parseRow(0)...)
		t := p.peek()
		switch {
		case t.kind == tEOF:
			if len(cur) > 0 || len(lines) == 0 {
				lines = append(lines, cur)
			}
			if len(lines) == 1 {
				return lines[0]
			}
			rows := make([][][]*node, len(lines))
			for i, l := range lines {
				rows[i] = [][]*node{l}
			}
			return []*node{table(rows, tableOpts{display: p.display})}
		case t.isRowBreak():
			p.next()
			p.rowSpacing()
			lines = append(lines, cur)
			cur = nil
		case t.isCmd("right"), t.isCmd("middle"):
			p.fail(t.pos, "unexpected %q", `\`+t.name)
			p.next()
			p.delim()
		case t.isCmd("end"):
			p.fail(t.pos, "unexpected %q", `\end`)
			p.next()
			p.rawGroup()
		default:
			p.fail(t.pos, "unexpected %q", p.src[t.pos:t.end])
			p.next()
		}
	}
}

// switcher is a command such as \color or \displaystyle met in a row: it
// wraps the rest of the row, from index at, in an mstyle.
type switcher struct {
	at    int
	attrs []attr
}

// parseRow parses atoms up to a token that ends a row (see isStop), which
// it leaves for the caller. Font and style changes made in the row end with
// it, as a TeX group does.
func (p *parser) parseRow(s stops) []*node {
	font, display, depth := p.font, p.display, p.depth
	defer func() { p.font, p.display, p.depth = font, display, depth }()
	if !p.enter() {
		return []*node{tooDeep()}
	}
	var items, numer []*node
	var sws []switcher
	var over token
	for {
		t := p.peek()
		if t.isStop(s) {
			break
		}
		if t.kind == tCmd {
			if a, ok := styleSwitches[t.name]; ok {
				p.next()
				if !p.enter() {
					return []*node{tooDeep()}
				}
				sws = append(sws, switcher{len(items), a})
				if t.name == "displaystyle" {
					p.display = true
				} else if strings.HasSuffix(t.name, "style") {
					p.display = false
				}
				continue
			}
			if f, ok := fontSwitches[t.name]; ok {
				p.next()
				p.font = f
				continue
			}
			switch t.name {
			case "color":
				p.next()
				if c, ok := p.color(t); ok {
					if !p.enter() {
						return []*node{tooDeep()}
					}
					sws = append(sws, switcher{len(items), []attr{{"mathcolor", c}}})
				}
				continue
			case "over", "choose", "atop", "brack", "brace":
				p.next()
				if over.kind == tCmd {
					p.fail(t.pos, "ambiguous %q", `\`+t.name)
					if !p.enter() {
						return []*node{tooDeep()}
					}
					items = []*node{genFrac(over.name, row(numer), row(finish(items, sws)))}
					sws = nil
				}
				numer, items, sws, over = finish(items, sws), nil, nil, t
				continue
			}
		}
		if n := p.parseAtom(); n != nil {
			items = append(items, n)
		}
	}
	items = finish(items, sws)
	if over.kind == tCmd {
		return []*node{genFrac(over.name, row(numer), row(items))}
	}
	return items
}

// finish applies the switches met in a row to the items after them, and
// puts thin spaces around function names.
func finish(items []*node, sws []switcher) []*node {
	for k := len(sws) - 1; k >= 0; k-- {
		at := sws[k].at
		wrapped := elem("mstyle", space(items[at:]), sws[k].attrs...)
		items = append(items[:at:at], wrapped)
	}
	return space(items)
}

// space inserts a thin space between a function name (class op) and an
// ordinary neighbour, as TeX does in \sin x or 2\log n. Other operators are
// spaced by the MathML operator dictionary.
func space(items []*node) []*node {
	need := false
	for i := 1; i < len(items); i++ {
		if thin(items[i-1].cls, items[i].cls) {
			need = true
			break
		}
	}
	if !need {
		return items
	}
	out := make([]*node, 0, len(items)+2)
	for i, n := range items {
		if i > 0 && thin(items[i-1].cls, n.cls) {
			out = append(out, mspace("0.1667em"))
		}
		out = append(out, n)
	}
	return out
}

// thin reports whether TeX puts a thin space between atoms of classes a and
// b, where one of them is a function name.
func thin(a, b class) bool {
	switch {
	case a == clsOp:
		return b == clsOrd || b == clsOp || b == clsInner
	case b == clsOp:
		return a == clsOrd || a == clsClose || a == clsInner
	}
	return false
}

// tooDeep is what stands for source nested too deeply.
func tooDeep() *node {
	return elem("merror", []*node{tok("mtext", "nesting too deep")})
}

// mspace returns a space of the given width.
func mspace(width string) *node {
	return &node{tag: "mspace", attrs: []attr{{"width", width}}, cls: clsSpace}
}

// emptyRow returns an empty mrow, the base of a script with nothing before
// it.
func emptyRow() *node { return elem("mrow", nil) }

// parseAtom parses one atom and the scripts after it. It may return nil
// for a command that shows nothing.
func (p *parser) parseAtom() *node {
	var base *node
	switch p.peek().kind {
	case tSup, tSub, tPrime:
	default:
		base = p.parseNucleus(false)
	}
	return p.parseScripts(base)
}

// parseScripts parses the superscripts, subscripts and primes after base
// and attaches them. A second superscript or subscript is an error; it is
// attached to what came before, a level deeper. The levels are counted
// against maxDepth and given back by the enclosing parseRow.
func (p *parser) parseScripts(base *node) *node {
	var sub, sup *node
	primes := 0
	for {
		t := p.peek()
		switch {
		case t.kind == tSup:
			p.next()
			if sup != nil {
				p.fail(t.pos, "double superscript")
				if !p.enter() {
					return tooDeep()
				}
				base, sub, sup, primes = p.attach(base, sub, sup, primes), nil, nil, 0
			}
			sup = p.script()
		case t.kind == tSub:
			p.next()
			if sub != nil {
				p.fail(t.pos, "double subscript")
				if !p.enter() {
					return tooDeep()
				}
				base, sub, sup, primes = p.attach(base, sub, sup, primes), nil, nil, 0
			}
			sub = p.script()
		case t.kind == tPrime:
			p.next()
			if sup != nil {
				p.fail(t.pos, "double superscript")
				if !p.enter() {
					return tooDeep()
				}
				base, sub, sup, primes = p.attach(base, sub, sup, primes), nil, nil, 0
			}
			primes++
		case t.isCmd("limits"), t.isCmd("nolimits"), t.isCmd("displaylimits"):
			p.next()
			if base == nil || base.cls != clsLarge && base.cls != clsOp {
				p.fail(t.pos, "%q must follow an operator", `\`+t.name)
				continue
			}
			switch t.name {
			case "limits":
				base.lim = limAlways
			case "nolimits":
				base.lim = limNone
			default:
				base.lim = limDisplay
			}
		default:
			if sub == nil && sup == nil && primes == 0 {
				return base
			}
			return p.attach(base, sub, sup, primes)
		}
	}
}

// script parses the argument of ^ or _, in a smaller style.
func (p *parser) script() *node {
	display := p.display
	p.display = false
	n := p.parseArg()
	p.display = display
	return n
}

// attach puts scripts on base: above and below where the operator's limits
// say so, beside it otherwise.
func (p *parser) attach(base, sub, sup *node, primes int) *node {
	if primes > 0 {
		pr := tok("mo", primeText(primes))
		if sup == nil {
			sup = pr
		} else {
			sup = elem("mrow", []*node{pr, sup})
		}
	}
	if base == nil {
		base = emptyRow()
	}
	if sub == nil && sup == nil {
		return base
	}
	under := base.lim == limAlways || base.lim == limDisplay && p.display
	var n *node
	switch {
	case sub != nil && sup != nil && under:
		n = elem("munderover", []*node{base, sub, sup})
	case sub != nil && sup != nil:
		n = elem("msubsup", []*node{base, sub, sup})
	case sub != nil && under:
		n = elem("munder", []*node{base, sub})
	case sub != nil:
		n = elem("msub", []*node{base, sub})
	case under:
		n = elem("mover", []*node{base, sup})
	default:
		n = elem("msup", []*node{base, sup})
	}
	n.cls = base.cls
	return n
}

// primeText returns n primes, using the Unicode double, triple and
// quadruple primes where they exist.
func primeText(n int) string {
	switch n {
	case 1:
		return "′"
	case 2:
		return "″"
	case 3:
		return "‴"
	case 4:
		return "⁗"
	}
	return strings.Repeat("′", n)
}

// parseArg parses one argument of a command or script: a braced group, a
// command with its own arguments, or a single character.
func (p *parser) parseArg() *node {
	t := p.peek()
	if t.isStop(0) || t.kind == tSup || t.kind == tSub || t.kind == tPrime {
		p.fail(t.pos, "missing argument")
		return emptyRow()
	}
	if !p.enter() {
		return tooDeep()
	}
	defer p.leave()
	n := p.parseNucleus(true)
	if n == nil {
		return emptyRow()
	}
	return n
}

// parseNucleus parses what scripts attach to: a group, a character or a
// command. In an argument (single), digits are taken one at a time, as TeX
// reads \frac12. It returns nil for a command that shows nothing.
func (p *parser) parseNucleus(single bool) *node {
	t := p.next()
	switch t.kind {
	case tOpen:
		items := p.parseRow(0)
		if c := p.peek(); c.kind == tClose {
			p.next()
		} else {
			p.fail(t.pos, `unclosed "{"`)
		}
		if len(items) == 0 {
			return emptyRow()
		}
		return row(items)
	case tTilde:
		return tok("mtext", "\u00a0")
	case tCmd:
		return p.command(t)
	case tChar:
		return p.char(t, single)
	}
	// A stop token where an argument was expected: parseArg checks first.
	p.fail(t.pos, "unexpected %q", p.src[t.pos:t.end])
	return nil
}

// char returns the atom for a character.
func (p *parser) char(t token, single bool) *node {
	r := t.r
	switch {
	case r >= '0' && r <= '9':
		end := t.end
		if !single {
			end = p.number(t.pos)
			p.pos = end
		}
		return tok("mn", mapDigits(p.font, p.src[t.pos:end]))
	case r < 0x80 && isLetter(byte(r)):
		if p.font == fontRm {
			return p.word(t)
		}
		return letter(p.font, r)
	}
	if c, ok := charAtoms[r]; ok {
		return c.node(p.font)
	}
	switch {
	case unicode.IsLetter(r):
		return letter(p.font, r)
	case unicode.Is(unicode.Sm, r):
		return tok("mo", string(r))
	}
	return tok("mi", string(r))
}

// number returns the end of the number starting at i: digits, with at most
// one "." followed by a digit.
func (p *parser) number(i int) int {
	dot := false
	for i < len(p.src) {
		c := p.src[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case c == '.' && !dot && i+1 < len(p.src) && p.src[i+1] >= '0' && p.src[i+1] <= '9':
			dot = true
			i++
		default:
			return i
		}
	}
	return i
}

// word returns upright letters as one mi, as \mathrm{max} is a word. The
// last letter stays apart when a script follows, since the script is its
// own.
func (p *parser) word(t token) *node {
	start, end := t.pos, t.end
	for {
		n := p.peek()
		if n.kind != tChar || n.r >= 0x80 || !isLetter(byte(n.r)) {
			break
		}
		p.next()
		end = n.end
	}
	if end > t.end {
		if n := p.peek(); n.kind == tSup || n.kind == tSub || n.kind == tPrime {
			// Give back the last letter.
			last := end - 1
			p.pos = last
			end = p.skipBack(start, last)
		}
	}
	return upright(stripSpaces(p.src[start:end]))
}

// skipBack returns the end of the text before offset last, leaving out the
// spaces and comments between.
func (p *parser) skipBack(start, last int) int {
	// The letters of a word may be separated by spaces; find the end of the
	// previous letter.
	for i := last - 1; i >= start; i-- {
		if isLetter(p.src[i]) {
			return i + 1
		}
	}
	return start
}

// stripSpaces returns the letters of a word without the spaces and
// comments between them.
func stripSpaces(s string) string {
	if !strings.ContainsAny(s, " \t\n\r\f\v%") {
		return s
	}
	var b strings.Builder
	comment := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			comment = false
		case c == '%':
			comment = true
		case !comment && isLetter(c):
			b.WriteByte(c)
		}
	}
	return b.String()
}

// upright returns an upright identifier: a word, or one letter marked upright.
func upright(s string) *node {
	n := tok("mi", s)
	if italicizable(s) {
		n.attrs = []attr{{"mathvariant", "normal"}}
	}
	return n
}
