package markdown

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"

	"github.com/handbookhq/handbook/internal/markdown/blocks"
	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
	"github.com/handbookhq/handbook/internal/markdown/icons"
)

// GitBook's buttons are inline HTML (section 4.16): a link with the class
// "button" (<a href="…" class="button primary" data-icon="rocket">Sign
// up</a>; without href it is disabled) or an action button (<button
// data-action="search" data-query="vpn">Search…</button>). "search" opens
// the site's search with the query; "ask" would open GitBook's assistant,
// which a published handbook has not, so it opens the search too
// (assets/buttons.js in package blocks). Goldmark parses one node per tag:
// buttonTransformer puts what a start tag and its end tag enclose into one
// button node, which templates/button.html writes, with the label rendered
// as Markdown. In plain Markdown a link button is a link, its label's
// inline HTML turned into Markdown, and an action button goes.

// kindButton is the kind of button nodes.
var kindButton = ast.NewNodeKind("Button")

// button is a GitBook button; its children are the label.
type button struct {
	ast.BaseInline
	start, stop int // the element, tags included, in the source
	open, close int // where the start tag ends and the end tag starts
	name        string
	attrs       map[string]string
}

// Kind implements ast.Node.
func (n *button) Kind() ast.NodeKind { return kindButton }

// Dump implements ast.Node.
func (n *button) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Tag": string(src[n.start:n.open])}, nil)
}

// action returns the action of an action button, lower case; "" for a
// link.
func (n *button) action() string {
	if n.name != "button" {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(n.attrs["data-action"]))
}

// buttonTransformer finds buttons in the inline content of the document.
type buttonTransformer struct{}

// Transform implements parser.ASTTransformer.
func (buttonTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var opens []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*ast.RawHTML); ok && entering && r.Segments.Len() > 0 {
			if raw := src[r.Segments.At(0).Start:]; len(raw) > 2 && raw[0] == '<' && (raw[1]|0x20 == 'a' || raw[1]|0x20 == 'b') {
				opens = append(opens, r)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, open := range opens {
		wrapButton(open, src)
	}
}

// wrapButton replaces the start tag open, when it starts a button, its end
// tag and the nodes between by a button node. Without an end tag among its
// siblings nothing changes.
func wrapButton(open *ast.RawHTML, src []byte) {
	parent := open.Parent()
	segs := open.Segments
	z := html.NewTokenizer(bytes.NewReader(segmentsValue(segs, src)))
	if parent == nil || z.Next() != html.StartTagToken {
		return
	}
	name, attrs := tagAttrs(z)
	switch {
	case name == "a" && isButton(attrs["class"]):
	case name == "button" && strings.TrimSpace(attrs["data-action"]) != "":
	default:
		return
	}
	var end *ast.RawHTML
	depth := 1
	for c := open.NextSibling(); c != nil && end == nil; c = c.NextSibling() {
		r, ok := c.(*ast.RawHTML)
		if !ok {
			continue
		}
		raw := segmentsValue(r.Segments, src)
		switch {
		case startTagName(raw) == name:
			depth++
		case htmlfilter.IsEndTag(raw, name):
			if depth--; depth == 0 {
				end = r
			}
		}
	}
	if end == nil {
		return
	}
	n := &button{
		start: segs.At(0).Start, open: segs.At(segs.Len() - 1).Stop,
		close: end.Segments.At(0).Start, stop: end.Segments.At(end.Segments.Len() - 1).Stop,
		name: name, attrs: attrs,
	}
	parent.InsertBefore(parent, open, n)
	for c := open.NextSibling(); c != end; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		n.AppendChild(n, c)
		c = next
	}
	parent.RemoveChild(parent, open)
	parent.RemoveChild(parent, end)
}

// buttonData is what templates/button.html gets.
type buttonData struct {
	Label    template.HTML // the button's content, rendered
	Class    string        // the classes as written, such as "button primary"
	Style    string        // "primary" or "secondary"
	Icon     string        // a Font Awesome name (data-icon), or ""
	URL      template.URL  // a link button's target; "" for a disabled one and for an action
	External bool          // URL leads off the site
	Action   string        // "search" or "ask": the button opens the site's search; "" for a link
	Query    string        // what the search starts with (data-query)
}

// renderButton writes a button through its template. A button whose
// target or icon cannot be found is reported and still written; one with
// an action GitBook does not have is reported and shows its label.
func renderButton(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	n := node.(*button)
	st.Begin()
	nest := st.filter.Nest()
	err = st.renderChildren(st.doc, n)
	if err == nil {
		err = st.filter.Unnest(st, nest)
	}
	label, _ := st.End()
	if err != nil {
		return ast.WalkStop, err
	}
	tag := src[n.start:n.open]
	d := buttonData{Label: label, Class: strings.TrimSpace(n.attrs["class"]), Style: "secondary"}
	if strings.Contains(" "+d.Class+" ", " primary ") {
		d.Style = "primary"
	}
	if href := strings.TrimSpace(n.attrs["href"]); href != "" && n.name == "a" {
		if u, ok := st.resolveRaw(href, n.start+attrAt(tag, "href"), false); ok {
			d.URL, d.External = template.URL(u), htmlfilter.External(u) // #nosec: checked by resolveRaw
		}
	}
	if d.Icon = strings.TrimSpace(n.attrs["data-icon"]); d.Icon != "" {
		if _, ok := icons.SVG(d.Icon); !ok {
			st.problem(n.start+attrAt(tag, "data-icon"), "unknown icon "+strconv.Quote(d.Icon), htmlfilter.IconHint+"; the button shows without one")
		}
	}
	if n.name == "a" {
		return ast.WalkSkipChildren, st.Exec("button.html", d)
	}
	switch d.Action = n.action(); d.Action {
	case "search", "ask":
		d.Query = strings.TrimSpace(n.attrs["data-query"])
		return ast.WalkSkipChildren, st.Exec("button.html", d)
	}
	st.problem(n.start+attrAt(tag, "data-action"), "unknown button action "+strconv.Quote(d.Action),
		`use data-action="search" or "ask", which open the search with data-query; the label is shown as text`)
	_, _ = st.WriteString(string(label))
	return ast.WalkSkipChildren, nil
}

// attrAt returns where the value of attribute name starts in tag, a start
// tag as written, or 0.
func attrAt(tag []byte, name string) int {
	for i := 1; i+len(name) < len(tag); i++ {
		if !isSpaceByte(tag[i-1]) || !bytes.EqualFold(tag[i:i+len(name)], []byte(name)) {
			continue
		}
		j := i + len(name)
		for j < len(tag) && isSpaceByte(tag[j]) {
			j++
		}
		if j == len(tag) || tag[j] != '=' {
			continue
		}
		for j++; j < len(tag) && (isSpaceByte(tag[j]) || tag[j] == '"' || tag[j] == '\''); j++ {
		}
		return j
	}
	return 0
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// buttonReplacements is the plain form of a button: a link button is a
// Markdown link (its label alone when it has no target), an action button
// goes, and a paragraph of action buttons goes with the blank line after
// it. The label's own HTML is replaced by labelReplacements.
func buttonReplacements(n *button, src []byte, links mdLinks) []blocks.Replacement {
	if n.name == "a" {
		href := strings.TrimSpace(n.attrs["href"])
		if href == "" || htmlfilter.Unsafe(href, false) {
			return []blocks.Replacement{{Start: n.start, Stop: n.open}, {Start: n.close, Stop: n.stop}}
		}
		return []blocks.Replacement{
			{Start: n.start, Stop: n.open, Text: []byte("[")},
			{Start: n.close, Stop: n.stop, Text: []byte("](" + markdownDest(links.link(href)) + ")")},
		}
	}
	if a := n.action(); a != "search" && a != "ask" { // shown as its label
		return []blocks.Replacement{{Start: n.start, Stop: n.open}, {Start: n.close, Stop: n.stop}}
	}
	if start, stop, ok := actionParagraph(n.Parent(), src); ok {
		return []blocks.Replacement{{Start: start, Stop: stop}}
	}
	start, stop := n.start, n.stop
	if stop < len(src) && src[stop] == ' ' {
		stop++
	} else if start > 0 && src[start-1] == ' ' {
		start--
	}
	return []blocks.Replacement{{Start: start, Stop: stop}}
}

// actionParagraph returns the lines of p, with the blank line after them,
// when p is a paragraph of action buttons only, on lines of their own or
// alone in a list item.
func actionParagraph(p ast.Node, src []byte) (start, stop int, ok bool) {
	if p == nil || p.Kind() != ast.KindParagraph && p.Kind() != ast.KindTextBlock || p.Lines().Len() == 0 {
		return 0, 0, false
	}
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *button:
			if c.action() == "" {
				return 0, 0, false
			}
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(src))) > 0 {
				return 0, 0, false
			}
		default:
			return 0, 0, false
		}
	}
	lines := p.Lines()
	first := lines.At(0).Start
	start = lineStartOf(src, first)
	if prefix := bytes.TrimSpace(src[start:first]); len(prefix) > 0 && !(listMarker(prefix) && p.Parent().ChildCount() == 1) {
		return 0, 0, false // after a quote marker, or beside more of the list item
	}
	stop = lines.At(lines.Len() - 1).Stop
	if i := bytes.IndexByte(src[stop-1:], '\n'); i >= 0 {
		stop += i
		if stop < len(src) && blankLine(src, stop) {
			stop += max(bytes.IndexByte(src[stop:], '\n')+1, 0)
		}
	} else {
		stop = len(src)
	}
	return start, stop, true
}

// listMarker reports whether b is a list item's marker: "-", "*", "+",
// "1." or "1)".
func listMarker(b []byte) bool {
	switch {
	case len(b) == 1 && bytes.IndexByte([]byte("-*+"), b[0]) >= 0:
		return true
	case len(b) >= 2 && (b[len(b)-1] == '.' || b[len(b)-1] == ')'):
		_, err := strconv.Atoi(string(b[:len(b)-1]))
		return err == nil
	}
	return false
}

// labelReplacements is the plain form of a tag inside a link button's
// label: emphasis, code and line breaks as Markdown, icons and other tags
// left out.
func labelReplacements(n *ast.RawHTML, src []byte, links mdLinks) []blocks.Replacement {
	if r := inlineReplacements(n, src, links); r != nil {
		return r
	}
	if n.Segments.Len() == 0 {
		return nil
	}
	start, stop := n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop
	z := html.NewTokenizer(bytes.NewReader(segmentsValue(n.Segments, src)))
	z.Next()
	name, _ := z.TagName()
	md := ""
	switch string(name) {
	case "em", "i":
		md = "*"
	case "strong", "b":
		md = "**"
	case "code":
		md = "`"
	case "s", "del":
		md = "~~"
	case "br":
		md = " "
	}
	return []blocks.Replacement{{Start: start, Stop: stop, Text: []byte(md)}}
}
