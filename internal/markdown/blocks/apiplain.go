package blocks

import (
	"bytes"
	"slices"
	"strings"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// The plain-Markdown form of an API operation: a "### GET /v1/items"
// heading, the summary and description, a table of the parameters and
// each response as "**200: OK** — description" followed by its example.

// plainOperation is an operation as its plain form needs it.
type plainOperation struct {
	Method, Base, Path string
	Summary            string
	Description        []byte
	Extra              []byte
	Params             []plainParam
	Responses          []plainResponse
}

type plainParam struct {
	In          string // the group: path, query… or other
	Where       string // the location as written, when not a known one
	Name, Type  string
	Required    bool
	Description []byte
}

type plainResponse struct {
	Status, Text string
	Description  []byte
	Body         []byte
}

// writeOperation writes the plain form of op.
func writeOperation(d *Degrader, op plainOperation) {
	d.Blank()
	d.Line("### " + opHeading(op))
	d.Blank()
	if op.Summary != "" && op.Summary != op.Path {
		d.Line(op.Summary)
		d.Blank()
	}
	if op.Base != "" && op.Path != "" {
		d.Line(codeSpan(strings.TrimSpace(strings.ToUpper(op.Method) + " " + op.Base + op.Path)))
		d.Blank()
	}
	writeLines(d, op.Description)
	writeLines(d, op.Extra)
	writeParams(d, op.Params)
	for _, r := range op.Responses {
		writeResponse(d, r)
	}
	d.Blank()
}

// opHeading is the heading of an operation: method and path, or what it
// has of them.
func opHeading(op plainOperation) string {
	h := op.Path
	if h == "" {
		h = op.Base
	}
	h = strings.TrimSpace(strings.ToUpper(op.Method) + " " + h)
	if h == "" {
		h = op.Summary
	}
	if h == "" {
		h = "API operation"
	}
	return h
}

// writeParams writes the parameters as a GFM table, grouped by location.
func writeParams(d *Degrader, params []plainParam) {
	if len(params) == 0 {
		return
	}
	d.Line("| Name | In | Type | Required | Description |")
	d.Line("| --- | --- | --- | --- | --- |")
	for _, loc := range apiLocations {
		for _, p := range params {
			if p.In != loc[0] {
				continue
			}
			req := "no"
			if p.Required {
				req = "yes"
			}
			name := ""
			if p.Name != "" {
				name = codeSpan(p.Name)
			}
			where := loc[0]
			if where == "other" {
				where = p.Where
			}
			d.Line("| " + name + " | " + cell(where) + " | " + cell(p.Type) + " | " + req + " | " + cell(string(p.Description)) + " |")
		}
	}
	d.Blank()
}

// writeResponse writes "**200: OK** — description" and the example.
func writeResponse(d *Degrader, r plainResponse) {
	label := r.Status
	if label == "" {
		label = "Response"
	}
	if r.Text != "" {
		label += ": " + r.Text
	}
	line := "**" + strings.TrimSpace(label) + "**"
	desc := bytes.TrimSpace(r.Description)
	if len(desc) > 0 && !bytes.ContainsAny(desc, "\n") {
		line += " — " + string(desc)
		desc = nil
	}
	d.Line(line)
	d.Blank()
	writeLines(d, desc)
	writeLines(d, r.Body)
}

// writeLines writes Markdown b (without indentation) as lines of the
// current block, followed by a blank line.
func writeLines(d *Degrader, b []byte) {
	b = bytes.Trim(b, "\n")
	if len(bytes.TrimSpace(b)) == 0 {
		return
	}
	for line := range bytes.Lines(b) {
		line = bytes.TrimRight(line, "\r\n")
		if len(bytes.TrimSpace(line)) == 0 {
			d.Blank()
			continue
		}
		d.Line(string(line))
	}
	d.Blank()
}

// cell returns Markdown s as the content of one table cell: its lines
// joined, paragraphs separated by <br>, pipes escaped.
func cell(s string) string {
	var paras []string
	for p := range strings.SplitSeq(strings.TrimSpace(s), "\n\n") {
		var words []string
		for line := range strings.SplitSeq(p, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				words = append(words, line)
			}
		}
		if len(words) > 0 {
			paras = append(paras, strings.Join(words, " "))
		}
	}
	return strings.ReplaceAll(strings.Join(paras, "<br>"), "|", `\|`)
}

// codeSpan returns s as a Markdown code span.
func codeSpan(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// plainPart is a part of an operation found by walkParts, with the tag
// around it.
type plainPart struct {
	Node   *liquid.Node
	Parent string // name of the enclosing tag
	Inner  []byte // its content in plain form, dedented
}

// walkParts finds the parts of the block n: the tags inside it that part
// names, looking into those pass names. It returns them with the plain
// form of what is in n outside any part. Parts are not looked into.
func walkParts(d *Degrader, n *liquid.Node, pass, part func(string) bool) (parts []plainPart, extra []byte) {
	var walk func(n *liquid.Node, stop int)
	walk = func(n *liquid.Node, stop int) {
		a, b := innerRange(d, n, stop)
		var gap []*liquid.Node
		for _, c := range n.Children {
			name := c.Tag.Name
			if c.Tag.Start < a || c.Tag.Start >= b || !(part(name) || pass != nil && pass(name)) || !atLineStart(d.src, c.Tag.Start) {
				gap = append(gap, c)
				continue
			}
			extra = append(extra, degradeRange(d, a, lineStart(d.src, c.Tag.Start), gap)...)
			gap = nil
			if part(name) {
				ia, ib := innerRange(d, c, b)
				parts = append(parts, plainPart{Node: c, Parent: n.Tag.Name, Inner: dedent(degradeRange(d, ia, ib, c.Children))})
			} else {
				walk(c, b)
			}
			_, end := outerEnd(d, c, b)
			a = end
		}
		extra = append(extra, degradeRange(d, a, b, gap)...)
	}
	walk(n, len(d.src))
	return parts, dedent(extra)
}

// innerRange returns the lines n holds: after its tag's line up to its end
// tag's line, or up to stop when it has no end tag.
func innerRange(d *Degrader, n *liquid.Node, stop int) (int, int) {
	a := lineAfter(d.src, n.Tag.Stop)
	if n.End == nil {
		if liquid.KindOf(n.Tag.Name) == liquid.Paired {
			return a, max(a, stop)
		}
		return a, a
	}
	return a, max(a, lineStart(d.src, n.End.Start))
}

// outerEnd returns where the lines of n end.
func outerEnd(d *Degrader, n *liquid.Node, stop int) (int, int) {
	if n.End == nil {
		_, b := innerRange(d, n, stop)
		return n.Tag.Start, b
	}
	return n.Tag.Start, lineAfter(d.src, n.End.Stop)
}

// degradeRange returns the plain form of src[a:b], which holds the block
// nodes ns.
func degradeRange(d *Degrader, a, b int, ns []*liquid.Node) []byte {
	if a >= b {
		return nil
	}
	out, after, indent := d.out, d.after, d.indent
	d.out, d.after = bytes.Buffer{}, false
	d.region(a, b, ns)
	res := slices.Clone(d.out.Bytes())
	d.out, d.after, d.indent = out, after, indent
	return res
}

// dedent removes the indentation all non-blank lines of b share, and the
// blank lines around it.
func dedent(b []byte) []byte {
	var common []byte
	first := true
	for line := range bytes.Lines(b) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		ind := line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
		if first {
			common, first = ind, false
			continue
		}
		i := 0
		for i < len(common) && i < len(ind) && common[i] == ind[i] {
			i++
		}
		common = common[:i]
	}
	var out []byte
	for line := range bytes.Lines(b) {
		if len(bytes.TrimSpace(line)) == 0 {
			out = append(out, '\n')
			continue
		}
		out = append(out, line[len(common):]...)
	}
	return bytes.Trim(out, "\n")
}

// argValue returns the argument key of t as written in plain form.
func argValue(t liquid.Tag, key string) string {
	v, _ := t.Arg(key)
	return strings.TrimSpace(unescapeMD(v))
}
