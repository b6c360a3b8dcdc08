package blocks

import (
	"bytes"
	"slices"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// DegradeEnv is what the plain-Markdown form of a page needs from the
// caller: links to pages and files, variables and included content.
type DegradeEnv interface {
	// Page resolves a link to a page of the book; ok is false when dest is
	// not one.
	Page(dest string) (ref PageRef, ok bool)
	// File resolves a link to an uploaded file.
	File(dest string) (ref FileRef, ok bool)
	// ReadFile returns the content of the repository file dest names, as
	// Env.ReadFile does; ok is false when it cannot be read.
	ReadFile(dest string) (data []byte, ok bool)
	// Specs returns the OpenAPI specs parsed so far, as Env.Specs does.
	Specs() *Specs
	// Link resolves any other link; it returns dest when it cannot.
	Link(dest string) string
	// Scope returns the variables, as Env.Scope does.
	Scope() map[string]any
	// Include returns the plain-Markdown form of the file the include tag
	// at offset off names, or ok false when it cannot be included.
	Include(off int) (md []byte, ok bool)
}

// Replacement replaces Src[Start:Stop] by Text in the plain-Markdown form:
// package markdown computes them for raw HTML (buttons, icons, marks,
// expressions, cards) from the parsed document.
type Replacement struct {
	Start, Stop int
	Text        []byte
}

// Degrader writes the plain-Markdown form of a prepared page: the Markdown
// between tags as written, and each block as its Def degrades it. Defs
// write through its methods.
type Degrader struct {
	src    []byte
	tab    *Table
	defs   map[string]Def
	env    DegradeEnv
	repl   []Replacement
	out    bytes.Buffer
	indent []byte
	after  bool // the last thing written was a block
}

// Degrade returns the plain-Markdown form of the prepared page p, using the
// block definitions defs and the replacements repl (sorted, not
// overlapping).
func Degrade(p *Prepared, defs map[string]Def, env DegradeEnv, repl []Replacement) []byte {
	d := &Degrader{src: p.Src, tab: p.Tags, defs: defs, env: env, repl: repl}
	var roots []*liquid.Node
	for _, n := range p.Tags.starts {
		roots = append(roots, n)
	}
	// The table holds every node; the roots are those no other holds.
	inner := map[*liquid.Node]bool{}
	for _, n := range roots {
		for _, c := range n.Children {
			inner[c] = true
		}
	}
	roots = slices.DeleteFunc(roots, func(n *liquid.Node) bool { return inner[n] })
	slices.SortFunc(roots, func(a, b *liquid.Node) int { return a.Tag.Start - b.Tag.Start })
	d.region(0, len(p.Src), roots)
	out := bytes.Trim(d.out.Bytes(), "\n")
	if len(out) == 0 {
		return nil
	}
	return append(out, '\n')
}

// Env returns the caller's environment.
func (d *Degrader) Env() DegradeEnv { return d.env }

// Indent returns the indentation of the current block's tag line: every
// line a Def writes starts with it.
func (d *Degrader) Indent() []byte { return d.indent }

// Line writes one line, indented.
func (d *Degrader) Line(s string) {
	d.out.Write(d.indent)
	d.out.WriteString(s)
	d.out.WriteByte('\n')
}

// Blank writes an empty line, unless the output already ends with one.
func (d *Degrader) Blank() {
	b := d.out.Bytes()
	if len(b) == 0 || bytes.HasSuffix(b, []byte("\n\n")) {
		return
	}
	if b[len(b)-1] != '\n' {
		d.out.WriteByte('\n')
	}
	d.out.WriteByte('\n')
}

// Write writes content that already carries its indentation, such as the
// inner content of the block.
func (d *Degrader) Write(b []byte) {
	d.out.Write(b)
	if len(b) > 0 && b[len(b)-1] != '\n' {
		d.out.WriteByte('\n')
	}
}

// Quote writes content with prefix (such as "> ") after the indentation
// of each line; blank lines get the prefix trimmed of spaces.
func (d *Degrader) Quote(prefix string, content []byte) {
	for line := range bytes.Lines(content) {
		line = bytes.TrimRight(line, "\r\n")
		rest, _ := bytes.CutPrefix(line, d.indent)
		d.out.Write(d.indent)
		if len(bytes.TrimSpace(rest)) == 0 {
			d.out.WriteString(string(bytes.TrimRight([]byte(prefix), " ")))
		} else {
			d.out.WriteString(prefix)
			d.out.Write(rest)
		}
		d.out.WriteByte('\n')
	}
}

// Dedent returns content with the current indentation removed from each
// line, for a Def that rebuilds it (a table cell, a heading).
func (d *Degrader) Dedent(content []byte) []byte {
	var out []byte
	for line := range bytes.Lines(content) {
		rest, _ := bytes.CutPrefix(line, d.indent)
		out = append(out, rest...)
	}
	return out
}

// Literal writes the tags of n as written, around inner: the form of an
// unknown block.
func (d *Degrader) Literal(n *liquid.Node, inner []byte) {
	d.Line(string(d.src[n.Tag.Start:n.Tag.Stop]))
	d.Write(inner)
	if n.End != nil {
		d.Line(string(d.src[n.End.Start:n.End.Stop]))
	}
}

// region writes src[a:b], which holds the block nodes ns.
func (d *Degrader) region(a, b int, ns []*liquid.Node) {
	for _, n := range ns {
		if _, variable := variablePath(n.Tag); variable || n.Tag.Start < a || n.Tag.Start >= b || !atLineStart(d.src, n.Tag.Start) {
			continue // inline: copied with the text
		}
		ls := lineStart(d.src, n.Tag.Start)
		d.copy(a, ls)
		innerStart, stop := lineAfter(d.src, n.Tag.Stop), lineAfter(d.src, n.Tag.Stop)
		innerStop := innerStart
		if n.End == nil && liquid.KindOf(n.Tag.Name) == liquid.Paired {
			innerStop, stop = b, b // unclosed: it holds the rest (reported)
		}
		if n.End != nil {
			innerStop = max(innerStart, lineStart(d.src, n.End.Start))
			stop = lineAfter(d.src, n.End.Stop)
		}
		saved := d.out
		d.out = bytes.Buffer{}
		d.region(innerStart, innerStop, n.Children)
		inner := d.out.Bytes()
		d.out = saved

		outer := d.indent
		d.indent = d.src[ls:n.Tag.Start]
		if def, ok := d.defs[n.Tag.Name]; ok {
			def.Degrade(d, n, inner)
		} else {
			d.Literal(n, inner)
		}
		d.indent = outer
		d.after = true
		a = max(a, stop)
	}
	d.copy(a, b)
}

// copy writes src[a:b] with the replacements that fall in it.
func (d *Degrader) copy(a, b int) {
	if d.after && bytes.HasSuffix(d.out.Bytes(), []byte("\n\n")) {
		for a < b {
			e := lineAfter(d.src, a)
			if len(bytes.TrimSpace(d.src[a:min(e, b)])) > 0 {
				break
			}
			a = e
		}
	}
	d.after = false
	if a >= b {
		return
	}
	i, _ := slices.BinarySearchFunc(d.repl, a, func(r Replacement, off int) int { return r.Start - off })
	for ; i < len(d.repl) && d.repl[i].Stop <= b; i++ {
		r := d.repl[i]
		d.out.Write(d.src[a:r.Start])
		d.out.Write(r.Text)
		a = r.Stop
	}
	d.out.Write(d.src[a:b])
}

// lineAfter returns the offset of the line after the one holding off.
func lineAfter(src []byte, off int) int {
	if i := bytes.IndexByte(src[min(off, len(src)):], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}
