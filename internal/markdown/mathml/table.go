package mathml

import "strings"

// envSpec says how an environment is set.
type envSpec struct {
	open, close string // delimiters around the table, if any
	align       string // column alignments, repeated across the columns
	display     bool   // cells in display style
	small       bool   // cells in script size
	cols        bool   // a column spec such as {lcr} follows \begin{…}
	number      bool   // a number follows \begin{…}, as in alignedat
	starAlign   bool   // an optional [l], [c] or [r] follows, as in pmatrix*
	plain       bool   // one cell is not a table (equation)
}

// Alignments: l, c and r; L and R are the left and right halves of an
// aligned pair, set without space between them.
var envs = map[string]envSpec{
	"matrix":      {align: "c"},
	"pmatrix":     {open: "(", close: ")", align: "c"},
	"bmatrix":     {open: "[", close: "]", align: "c"},
	"Bmatrix":     {open: "{", close: "}", align: "c"},
	"vmatrix":     {open: "|", close: "|", align: "c"},
	"Vmatrix":     {open: "‖", close: "‖", align: "c"},
	"matrix*":     {align: "c", starAlign: true},
	"pmatrix*":    {open: "(", close: ")", align: "c", starAlign: true},
	"bmatrix*":    {open: "[", close: "]", align: "c", starAlign: true},
	"Bmatrix*":    {open: "{", close: "}", align: "c", starAlign: true},
	"vmatrix*":    {open: "|", close: "|", align: "c", starAlign: true},
	"Vmatrix*":    {open: "‖", close: "‖", align: "c", starAlign: true},
	"smallmatrix": {align: "c", small: true},
	"cases":       {open: "{", align: "l"},
	"dcases":      {open: "{", align: "l", display: true},
	"rcases":      {close: "}", align: "l"},
	"drcases":     {close: "}", align: "l", display: true},
	"aligned":     {align: "RL", display: true},
	"align":       {align: "RL", display: true},
	"align*":      {align: "RL", display: true},
	"split":       {align: "RL", display: true},
	"alignedat":   {align: "RL", display: true, number: true},
	"alignat":     {align: "RL", display: true, number: true},
	"alignat*":    {align: "RL", display: true, number: true},
	"eqnarray":    {align: "rcl", display: true},
	"eqnarray*":   {align: "rcl", display: true},
	"gathered":    {align: "c", display: true},
	"gather":      {align: "c", display: true},
	"gather*":     {align: "c", display: true},
	"equation":    {align: "c", display: true, plain: true},
	"equation*":   {align: "c", display: true, plain: true},
	"array":       {cols: true},
	"darray":      {cols: true, display: true},
	"subarray":    {cols: true, small: true},
}

// tableOpts says how to set a table.
type tableOpts struct {
	align   string // column alignments; repeated if cycle, else c past the end
	cycle   bool
	display bool
	small   bool
	tight   bool // no padding in cells, for \substack
}

// table returns an mtable of rows of cells.
func table(rows [][][]*node, o tableOpts) *node {
	attrs := []attr{{"displaystyle", "false"}}
	if o.display {
		attrs[0].v = "true"
	}
	if o.small {
		attrs = append(attrs, attr{"scriptlevel", "1"})
	}
	trs := make([]*node, len(rows))
	for i, cells := range rows {
		tds := make([]*node, len(cells))
		for j, cell := range cells {
			tds[j] = elem("mtd", cell, cellAttrs(o.alignAt(j), o.tight)...)
		}
		trs[i] = elem("mtr", tds)
	}
	return elem("mtable", trs, attrs...)
}

// alignAt returns the alignment of column j.
func (o tableOpts) alignAt(j int) byte {
	switch {
	case o.align == "":
		return 'c'
	case o.cycle:
		return o.align[j%len(o.align)]
	case j < len(o.align):
		return o.align[j]
	}
	return 'c'
}

// cellAttrs returns the attributes of a cell aligned a. Both columnalign
// and CSS are given: browsers differ in which they honour.
func cellAttrs(a byte, tight bool) []attr {
	switch a {
	case 'l':
		return []attr{{"columnalign", "left"}, {"style", "text-align:left"}}
	case 'r':
		return []attr{{"columnalign", "right"}, {"style", "text-align:right"}}
	case 'L':
		return []attr{{"columnalign", "left"}, {"style", "text-align:left;padding-left:0"}}
	case 'R':
		return []attr{{"columnalign", "right"}, {"style", "text-align:right;padding-right:0"}}
	}
	if tight {
		return []attr{{"style", "padding:0"}}
	}
	return nil
}

// environment reads \begin{name} … \end{name}, after \begin.
func (p *parser) environment(t token) *node {
	name, ok := p.rawGroup()
	if !ok {
		p.fail(t.pos, `missing environment name after "\\begin"`)
		return nil
	}
	name = strings.TrimSpace(name)
	spec, known := envs[name]
	if !known {
		p.fail(t.pos, "unknown environment %q", name)
		spec = envs["matrix"]
	}
	o := tableOpts{align: spec.align, cycle: true, display: spec.display, small: spec.small}
	switch {
	case spec.cols:
		s, ok := p.rawGroup()
		if !ok {
			p.fail(t.pos, "missing column spec for %q", name)
		}
		o.align, o.cycle = columns(s), false
		if strings.Trim(s, "lcr|: \t\n") != "" {
			p.fail(t.pos, "invalid column spec %q", s)
		}
	case spec.number:
		p.rawGroup()
	case spec.starAlign:
		if i := p.skip(p.pos); i+2 < len(p.src) && p.src[i] == '[' && p.src[i+2] == ']' && strings.IndexByte("lcr", p.src[i+1]) >= 0 {
			o.align = p.src[i+1 : i+2]
			p.pos = i + 3
		}
	}
	if !p.enter() {
		return tooDeep()
	}
	defer p.leave()
	display := p.display
	p.display = spec.display
	rows := p.rows(t, name)
	p.display = display
	if spec.plain && len(rows) == 1 && len(rows[0]) == 1 {
		return row(orEmpty(rows[0][0]))
	}
	n := table(rows, o)
	if spec.open != "" || spec.close != "" {
		n = fenced(spec.open, n, spec.close)
	}
	return n
}

// columns returns the alignments in an array's column spec, leaving out
// rules.
func columns(spec string) string {
	var b strings.Builder
	for i := 0; i < len(spec); i++ {
		if c := spec[i]; c == 'l' || c == 'c' || c == 'r' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// rows reads the rows of an environment up to \end{name}. A row break at
// the very end adds no empty row.
func (p *parser) rows(begin token, name string) [][][]*node {
	var rows [][][]*node
	var cur [][]*node
	for {
		cur = append(cur, p.parseRow(0))
		t := p.peek()
		switch {
		case t.kind == tAmp:
			p.next()
			continue
		case t.isRowBreak():
			p.next()
			p.rowSpacing()
			rows = append(rows, cur)
			cur = nil
			continue
		case t.isCmd("end"):
			p.next()
			end, _ := p.rawGroup()
			if end = strings.TrimSpace(end); end != name {
				p.fail(t.pos, "%q ended by %q", `\begin{`+name+`}`, `\end{`+end+`}`)
			}
		default:
			p.fail(begin.pos, "missing %q", `\end{`+name+`}`)
		}
		break
	}
	if len(cur) > 1 || len(cur[0]) > 0 || len(rows) == 0 {
		rows = append(rows, cur)
	}
	return rows
}

// rowSpacing skips the optional spacing after a row break, as in \\[2pt].
// Only a bracket right after the break counts, so that a row may start with
// an interval such as [0, 1].
func (p *parser) rowSpacing() {
	if p.pos >= len(p.src) || p.src[p.pos] != '[' {
		return
	}
	rest := p.src[p.pos:min(len(p.src), p.pos+32)]
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return
	}
	if _, ok := cssLength(p.src[p.pos+1 : p.pos+end]); ok {
		p.pos += end + 1
	}
}

// substack reads the braced argument of \substack: lines split by \\, set
// in a tight one-column table.
func (p *parser) substack(t token) *node {
	if p.peek().kind != tOpen {
		p.fail(t.pos, "missing argument")
		return emptyRow()
	}
	open := p.next()
	if !p.enter() {
		return tooDeep()
	}
	defer p.leave()
	var rows [][][]*node
	var cur [][]*node
	for {
		cur = append(cur, p.parseRow(0))
		c := p.peek()
		switch {
		case c.kind == tAmp:
			p.next()
			continue
		case c.isRowBreak():
			p.next()
			rows = append(rows, cur)
			cur = nil
			continue
		case c.kind == tClose:
			p.next()
		default:
			p.fail(open.pos, `unclosed "{"`)
		}
		break
	}
	if len(cur) > 1 || len(cur[0]) > 0 || len(rows) == 0 {
		rows = append(rows, cur)
	}
	return table(rows, tableOpts{tight: true})
}
