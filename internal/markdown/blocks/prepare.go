package blocks

import (
	"bytes"
	"slices"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// Prepared is a page body made ready for goldmark: every block-level tag
// stands on a line of its own, so that the compact form
// {% tab title="A" %} text {% endtab %} parses like the long one. Offsets
// in Src map back to the body as written with Orig.
type Prepared struct {
	// Src is the body with line breaks added around block tags.
	Src []byte
	// Tags is the tag table of Src, for the parser context.
	Tags *Table
	ins  []insertion
}

// insertion is a run of n bytes added at offset at of Src.
type insertion struct{ at, n int }

// Prepare lexes and pairs the tags of src and returns it with every
// block-level tag on a line of its own. A tag is block-level when only
// indentation, blockquote markers or list markers come before it on its
// line, or only spaces after another block-level tag; the end tag of a
// block-level tag is block-level too, and so are the else and elsif clauses
// of a block-level if, so that {% if c %} a {% else %} b {% endif %} splits
// like the long form. A variable ({% vars.name %}) is text wherever it
// stands. Text around block-level tags moves to lines of their own,
// indented like the tag's line. src is not modified.
func Prepare(src []byte) *Prepared {
	tags, lexErrs := liquid.Scan(src)
	if len(tags) == 0 && len(lexErrs) == 0 {
		return &Prepared{Src: src, Tags: &Table{}}
	}
	nodes, pairErrs := liquid.Pair(tags)
	p := &Prepared{Src: src}
	if breaks := lineBreaks(src, nodes); len(breaks) > 0 {
		// Lex again rather than shift offsets: a line break can change
		// what is code (a fence that now starts its line).
		p.Src, p.ins = insertBreaks(src, breaks)
		tags, lexErrs = liquid.Scan(p.Src)
		nodes, pairErrs = liquid.Pair(tags)
	}
	p.Tags = newTable(p.Src, nodes)
	for _, e := range lexErrs {
		p.Tags.problem(e.Offset, e.Msg, e.Hint)
	}
	for _, e := range pairErrs {
		p.Tags.problem(e.Offset, e.Msg, e.Hint)
	}
	return p
}

// Orig maps an offset in Src to the offset in the body as written. An
// offset inside added bytes maps to where they were added.
func (p *Prepared) Orig(off int) int {
	shift := 0
	for _, in := range p.ins {
		if in.at > off {
			break
		}
		if off < in.at+in.n {
			return in.at - shift
		}
		shift += in.n
	}
	return off - shift
}

// lineBreak is a line break to add at offset at of the original source,
// followed by the prefix of line.
type lineBreak struct{ at, line int }

// lineBreaks finds where block-level tags share their line with text.
func lineBreaks(src []byte, nodes []*liquid.Node) []lineBreak {
	type event struct {
		start, stop int
		node        *liquid.Node
		end         bool
		parent      *liquid.Node
	}
	var evs []event
	var walk func([]*liquid.Node, *liquid.Node)
	walk = func(ns []*liquid.Node, parent *liquid.Node) {
		for _, n := range ns {
			evs = append(evs, event{n.Tag.Start, n.Tag.Stop, n, false, parent})
			walk(n.Children, n)
			if n.End != nil {
				evs = append(evs, event{n.End.Start, n.End.Stop, n, true, parent})
			}
		}
	}
	walk(nodes, nil)
	slices.SortFunc(evs, func(a, b event) int { return a.start - b.start })

	block := map[*liquid.Node]bool{}
	var breaks []lineBreak
	lastStop := -1 // Stop of the last block-level tag
	for _, ev := range evs {
		var isBlock bool
		if ev.end {
			isBlock = block[ev.node]
		} else {
			_, variable := variablePath(ev.node.Tag) // text, wherever it stands
			isBlock = !variable && (atLineStart(src, ev.start) ||
				lastStop >= 0 && onlySpaces(src[lastStop:ev.start]) ||
				ev.parent != nil && block[ev.parent] && liquid.KindOf(ev.node.Tag.Name) == liquid.Clause)
			block[ev.node] = isBlock
		}
		if !isBlock {
			continue
		}
		if !atLineStart(src, ev.start) {
			breaks = append(breaks, lineBreak{at: ev.start, line: lineStart(src, ev.start)})
		}
		lastStop = ev.stop
		// Text after the tag on its line moves to a line of its own.
		rest := ev.stop
		for rest < len(src) && (src[rest] == ' ' || src[rest] == '\t') {
			rest++
		}
		if rest < len(src) && src[rest] != '\n' && src[rest] != '\r' {
			breaks = append(breaks, lineBreak{at: rest, line: lineStart(src, ev.start)})
		}
	}
	slices.SortStableFunc(breaks, func(a, b lineBreak) int { return a.at - b.at })
	return slices.CompactFunc(breaks, func(a, b lineBreak) bool { return a.at == b.at })
}

// insertBreaks returns src with the breaks added, and where.
func insertBreaks(src []byte, breaks []lineBreak) ([]byte, []insertion) {
	out := make([]byte, 0, len(src)+len(breaks)*8)
	ins := make([]insertion, 0, len(breaks))
	prev := 0
	for _, b := range breaks {
		out = append(out, src[prev:b.at]...)
		at := len(out)
		out = append(out, '\n')
		out = appendPrefix(out, src[b.line:])
		ins = append(ins, insertion{at: at, n: len(out) - at})
		prev = b.at
	}
	return append(out, src[prev:]...), ins
}

// appendPrefix appends the container prefix of line (spaces, tabs and ">"
// markers), with list markers turned into spaces so that the new line stays
// in the same list item.
func appendPrefix(out, line []byte) []byte {
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ' || c == '\t' || c == '>':
			out = append(out, c)
			i++
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t') {
				out = append(out, ' ')
				i++
				continue
			}
			return out
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line)-1 && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				out = append(out, bytes.Repeat([]byte{' '}, j+1-i)...)
				i = j + 1
				continue
			}
			return out
		default:
			return out
		}
	}
	return out
}

// atLineStart reports whether only a container prefix comes before off on
// its line.
func atLineStart(src []byte, off int) bool {
	ls := lineStart(src, off)
	return len(appendPrefix(nil, src[ls:off])) == off-ls
}

// lineStart returns the offset of the start of the line holding off.
func lineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

// onlySpaces reports whether b holds only spaces and tabs.
func onlySpaces(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
