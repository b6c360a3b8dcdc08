package mathml

import (
	"strconv"
	"strings"
)

// command returns the node for the command t, just read, after reading its
// arguments. It returns nil for a command that shows nothing.
func (p *parser) command(t token) *node {
	name := t.name
	if s, ok := symbols[name]; ok {
		return s.node(p.font)
	}
	if f, ok := fontCommands[name]; ok {
		font := p.font
		p.font = f
		n := p.parseArg()
		p.font = font
		return n
	}
	if a, ok := accents[name]; ok {
		return p.accent(a)
	}
	if w, ok := spaces[name]; ok {
		return mspace(w)
	}
	if s, ok := arrows[name]; ok {
		return p.arrow(s)
	}
	if st, ok := textCommands[name]; ok {
		return p.text(st)
	}
	if size, ok := bigSizes[strings.TrimRight(name, "lrm")]; ok && len(name)-len(strings.TrimRight(name, "lrm")) <= 1 {
		return p.big(t, size)
	}
	switch name {
	case "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom":
		if name == "cfrac" {
			p.optional() // the alignment of the numerator
		}
		display := p.display
		p.display = false
		num := p.parseArg()
		den := p.parseArg()
		p.display = display
		return genFrac(name, num, den)
	case "sqrt":
		index, ok := p.optional()
		base := p.parseArg()
		if !ok {
			return elem("msqrt", []*node{base})
		}
		return elem("mroot", []*node{base, row(index)})
	case "left":
		return p.leftRight(t)
	case "begin":
		return p.environment(t)
	case "operatorname":
		return p.operator(p.star())
	case "mathop":
		return p.mathop()
	case "mathrel", "mathbin", "mathord", "mathopen", "mathclose", "mathpunct", "mathinner":
		return p.mathClass(name)
	case "not":
		return p.not(t)
	case " ", "space", "nobreakspace":
		return tok("mtext", "\u00a0")
	case "hspace", "kern", "mkern", "mskip", "hskip":
		braced := name == "hspace"
		if braced {
			p.star()
		}
		if w, ok := p.dimension(t, braced); ok {
			return mspace(w)
		}
		return nil
	case "phantom", "hphantom", "vphantom", "smash":
		return phantom(name, p.parseArg())
	case "overset", "underset", "stackrel":
		display := p.display
		p.display = false
		over := p.parseArg()
		p.display = display
		base := p.parseArg()
		tag := "mover"
		if name == "underset" {
			tag = "munder"
		}
		n := elem(tag, []*node{base, over})
		n.cls = base.cls
		if name == "stackrel" {
			n.cls = clsRel
		}
		return n
	case "textcolor", "color":
		c, ok := p.color(t)
		n := p.parseArg()
		if !ok {
			return n
		}
		return elem("mstyle", []*node{n}, attr{"mathcolor", c})
	case "boxed", "fbox":
		var n *node
		if name == "fbox" {
			n = p.text(textStyle(0))
		} else {
			n = p.parseArg()
		}
		box := attr{"style", "border:0.06em solid;padding:0.15em 0.3em"}
		if n.tag == "mrow" && len(n.attrs) == 0 {
			n.attrs = []attr{box}
			return n
		}
		return elem("mrow", []*node{n}, box)
	case "bmod":
		n := tok("mo", "mod")
		n.cls = clsBin
		return n
	case "pmod", "pod", "mod":
		return p.mod(name)
	case "substack":
		return p.substack(t)
	case "relax", "hline", "hdashline", "nonumber", "notag", "mathstrut", "strut",
		"limits", "nolimits", "displaylimits":
		if name == "limits" || name == "nolimits" || name == "displaylimits" {
			p.fail(t.pos, "%q must follow an operator", `\`+name)
		}
		return nil
	case "over", "choose", "atop", "brack", "brace":
		p.fail(t.pos, "misplaced %q", `\`+name)
		return nil
	}
	if _, ok := styleSwitches[name]; ok {
		return nil // a switch where an argument was expected, as in x^\displaystyle
	}
	if _, ok := fontSwitches[name]; ok {
		return nil
	}
	if name == "" {
		p.fail(t.pos, `lone "\\" at the end`)
	} else {
		p.fail(t.pos, "unknown command %q", `\`+name)
	}
	return unknown(p.src[t.pos:t.end])
}

// genFrac returns a fraction of the kind that command name makes:
// \frac, \dfrac, \tfrac, \cfrac, \binom and its kin, \over, \choose, \atop,
// \brack and \brace.
func genFrac(name string, num, den *node) *node {
	kids := []*node{num, den}
	var n *node
	switch name {
	case "binom", "dbinom", "tbinom", "choose":
		n = fenced("(", elem("mfrac", kids, attr{"linethickness", "0"}), ")")
	case "brack":
		n = fenced("[", elem("mfrac", kids, attr{"linethickness", "0"}), "]")
	case "brace":
		n = fenced("{", elem("mfrac", kids, attr{"linethickness", "0"}), "}")
	case "atop":
		n = elem("mfrac", kids, attr{"linethickness", "0"})
	default:
		n = elem("mfrac", kids)
	}
	switch name {
	case "dfrac", "cfrac", "dbinom":
		n = elem("mstyle", []*node{n}, styleSwitches["displaystyle"]...)
	case "tfrac", "tbinom":
		n = elem("mstyle", []*node{n}, styleSwitches["textstyle"]...)
	}
	return n
}

// fenced returns n between stretchy delimiters; an empty one is left out.
func fenced(open string, n *node, close string) *node {
	kids := make([]*node, 0, 3)
	if open != "" {
		kids = append(kids, tok("mo", open, attr{"fence", "true"}, attr{"form", "prefix"}))
	}
	kids = append(kids, n)
	if close != "" {
		kids = append(kids, tok("mo", close, attr{"fence", "true"}, attr{"form", "postfix"}))
	}
	r := elem("mrow", kids)
	r.cls = clsInner
	return r
}

// optional reads an optional argument in brackets, and reports whether
// there was one.
func (p *parser) optional() ([]*node, bool) {
	t := p.peek()
	if t.kind != tChar || t.r != '[' {
		return nil, false
	}
	p.next()
	display := p.display
	p.display = false
	items := p.parseRow(stopBracket)
	p.display = display
	if c := p.peek(); c.kind == tChar && c.r == ']' {
		p.next()
	} else {
		p.fail(t.pos, `unclosed "["`)
	}
	return items, true
}

// accent returns the argument with the accent a over or under it.
func (p *parser) accent(a accent) *node {
	base := p.parseArg()
	mark := tok("mo", a.text, attr{"stretchy", strconv.FormatBool(a.stretch)})
	tag, at := "mover", "accent"
	if a.under {
		tag, at = "munder", "accentunder"
	}
	if a.brace {
		n := elem(tag, []*node{base, mark})
		n.cls, n.lim = clsLarge, limAlways
		return n
	}
	n := elem(tag, []*node{base, mark}, attr{at, "true"})
	n.cls = base.cls
	return n
}

// arrow returns an extensible arrow with text over it, and under it when
// an optional argument comes first.
func (p *parser) arrow(s string) *node {
	below, hasBelow := p.optional()
	display := p.display
	p.display = false
	above := p.parseArg()
	p.display = display
	mo := tok("mo", s, attr{"stretchy", "true"})
	var n *node
	if hasBelow {
		n = elem("munderover", []*node{mo, row(below), above})
	} else {
		n = elem("mover", []*node{mo, above})
	}
	n.cls = clsRel
	return n
}

// operator reads \operatorname{…}: an upright name, spaced as an operator,
// with limits in display style when starred.
func (p *parser) operator(star bool) *node {
	font := p.font
	p.font = fontRm
	arg := p.parseArg()
	p.font = font
	n := arg
	if s, ok := flatText(arg); ok && s != "" {
		n = upright(s)
	} else if n.tag != "mrow" {
		n = elem("mrow", []*node{n})
	}
	n.cls = clsOp
	if star {
		n.lim = limDisplay
	}
	return n
}

// mathop reads \mathop{…}: its argument as it is, spaced as an operator,
// with limits in display style.
func (p *parser) mathop() *node {
	n := p.parseArg()
	n.cls, n.lim = clsOp, limDisplay
	return n
}

// flatText returns the text of n when n is an mi or mn, or an mrow of
// those: what a name such as \operatorname{arg max} is made of.
func flatText(n *node) (string, bool) {
	switch n.tag {
	case "mi", "mn":
		return n.text, true
	case "mrow":
		var b strings.Builder
		for _, k := range n.kids {
			if k.tag != "mi" && k.tag != "mn" {
				return "", false
			}
			b.WriteString(k.text)
		}
		return b.String(), true
	}
	return "", false
}

// mathClass reads \mathrel{…} and its kin: a single token becomes an
// operator of that class; anything else an mrow.
func (p *parser) mathClass(name string) *node {
	arg := p.parseArg()
	cls := map[string]class{
		"mathrel": clsRel, "mathbin": clsBin, "mathord": clsOrd, "mathopen": clsOpen,
		"mathclose": clsClose, "mathpunct": clsPunct, "mathinner": clsInner,
	}[name]
	if cls == clsOrd || cls == clsInner {
		n := elem("mrow", []*node{arg})
		n.cls = cls
		return n
	}
	var n *node
	if arg.isToken() && arg.text != "" {
		n = tok("mo", arg.text)
		if cls == clsOpen || cls == clsClose {
			n.attrs = []attr{{"stretchy", "false"}}
		}
	} else {
		n = elem("mrow", []*node{arg})
	}
	n.cls = cls
	return n
}

// not reads \not and negates the symbol after it.
func (p *parser) not(t token) *node {
	if c := p.peek(); c.isStop(0) || c.kind == tSup || c.kind == tSub || c.kind == tPrime {
		return tok("mo", "\u29f8")
	}
	if !p.enter() {
		return tooDeep()
	}
	defer p.leave()
	n := p.parseNucleus(true)
	if n == nil || !n.isToken() || n.text == "" {
		p.fail(t.pos, `nothing to negate after "\not"`)
		return n
	}
	if neg, ok := negations[n.text]; ok {
		n.text = neg
	} else {
		n.text += "\u0338"
	}
	return n
}

// mod reads \pmod{n}, \pod{n} and \mod n.
func (p *parser) mod(name string) *node {
	arg := p.parseArg()
	kids := []*node{mspace("1em")}
	if name != "mod" {
		kids = append(kids, tok("mo", "(", attr{"stretchy", "false"}))
	}
	if name != "pod" {
		kids = append(kids, tok("mi", "mod"), mspace("0.3333em"))
	}
	kids = append(kids, arg)
	if name != "mod" {
		kids = append(kids, tok("mo", ")", attr{"stretchy", "false"}))
	}
	return elem("mrow", kids)
}

// phantom returns the invisible box of \phantom and its kin, or the
// flattened box of \smash.
func phantom(name string, arg *node) *node {
	switch name {
	case "hphantom":
		return elem("mpadded", []*node{elem("mphantom", []*node{arg})}, attr{"height", "0"}, attr{"depth", "0"})
	case "vphantom":
		return elem("mpadded", []*node{elem("mphantom", []*node{arg})}, attr{"width", "0"})
	case "smash":
		return elem("mpadded", []*node{arg}, attr{"height", "0"}, attr{"depth", "0"})
	}
	return elem("mphantom", []*node{arg})
}
