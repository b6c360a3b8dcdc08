package mathml

// big returns a delimiter of a fixed size, for \big( and the like.
func (p *parser) big(t token, size string) *node {
	d, ok := p.delim()
	if !ok {
		p.fail(t.pos, "missing delimiter after %q", `\`+t.name)
		return nil
	}
	if d == "" {
		return nil
	}
	n := tok("mo", d, attr{"stretchy", "true"}, attr{"minsize", size}, attr{"maxsize", size})
	switch t.name[len(t.name)-1] {
	case 'l':
		n.cls = clsOpen
	case 'r':
		n.cls = clsClose
	case 'm':
		n.cls = clsRel
	}
	return n
}

// delim reads the delimiter after \left, \right, \middle or \big. It
// returns "" for "." (no delimiter), and false, consuming nothing, when no
// delimiter comes next.
func (p *parser) delim() (string, bool) {
	t := p.peek()
	var d string
	ok := false
	switch t.kind {
	case tChar:
		d, ok = delimChars[t.r]
	case tCmd:
		d, ok = delimiters[t.name]
	}
	if ok {
		p.next()
	}
	return d, ok
}

// leftRight reads \left … \middle … \right, after \left.
func (p *parser) leftRight(t token) *node {
	open, ok := p.delim()
	if !ok {
		p.fail(t.pos, `missing delimiter after "\\left"`)
	}
	var kids []*node
	if open != "" {
		kids = append(kids, tok("mo", open, attr{"fence", "true"}, attr{"form", "prefix"}))
	}
	for {
		kids = append(kids, p.parseRow(0)...)
		c := p.peek()
		if c.isCmd("middle") {
			p.next()
			d, ok := p.delim()
			if !ok {
				p.fail(c.pos, `missing delimiter after "\\middle"`)
			}
			if d != "" {
				kids = append(kids, tok("mo", d, attr{"fence", "true"}, attr{"form", "infix"}, attr{"stretchy", "true"}))
			}
			continue
		}
		if !c.isCmd("right") {
			p.fail(t.pos, `missing "\\right"`)
			break
		}
		p.next()
		d, ok := p.delim()
		if !ok {
			p.fail(c.pos, `missing delimiter after "\\right"`)
		}
		if d != "" {
			kids = append(kids, tok("mo", d, attr{"fence", "true"}, attr{"form", "postfix"}))
		}
		break
	}
	n := elem("mrow", kids)
	n.cls = clsInner
	return n
}
