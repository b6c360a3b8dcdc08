package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// resultKey holds the *parseResult of a Parse in its parser.Context.
var resultKey = parser.NewContextKey()

// parseResult is what docTransformer learns about the document.
type parseResult struct {
	title    *ast.Heading
	titleTxt string
	headings []Heading
}

// docTransformer runs after every other transformer. It picks the title
// (the first level-1 heading), gives headings their IDs (explicit GitBook
// anchors first, then slugs of the text) and removes what inline <script>,
// <style>, <svg>, <iframe>... tags enclose, and the fallback text of icons
// (see htmlfilter.SkipsContent): the HTML filter drops such content, but
// goldmark splits inline HTML into one node per tag, so the content
// between is in sibling nodes.
type docTransformer struct{}

// Transform implements parser.ASTTransformer.
func (docTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var heads []*ast.Heading
	var scripts []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			heads = append(heads, n)
		case *ast.FencedCodeBlock:
			n.Language(src) // goldmark caches it on first use: do that here, not in Render
		case *ast.RawHTML:
			if skipsContent(segmentsValue(n.Segments, src)) != "" {
				scripts = append(scripts, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range scripts {
		dropContent(n, src)
	}

	r := &parseResult{}
	ids := pc.IDs()
	explicit := make([]string, len(heads))
	for i, h := range heads {
		if r.title == nil && h.Level == 1 && pc.Get(includedKey) == nil {
			r.title = h
			r.titleTxt = plainText(h, src)
			continue
		}
		if id := takeAnchor(h, src); id != "" {
			explicit[i] = id
			ids.Put([]byte(id))
		}
	}
	for i, h := range heads {
		if h == r.title {
			continue
		}
		txt := plainText(h, src)
		id := explicit[i]
		if id == "" {
			id = string(ids.Generate([]byte(txt), ast.KindHeading))
		}
		h.SetAttributeString("id", []byte(id))
		if h.Level >= 2 {
			r.headings = append(r.headings, Heading{Level: h.Level, ID: id, Text: txt})
		}
	}
	pc.Set(resultKey, r)
}

// takeAnchor removes a GitBook anchor, `<a id="x"></a>` or
// `<a href="#x" id="x"></a>`, from heading h and returns its id.
func takeAnchor(h *ast.Heading, src []byte) string {
	for c := h.FirstChild(); c != nil; c = c.NextSibling() {
		open, ok := c.(*ast.RawHTML)
		if !ok {
			continue
		}
		raw := segmentsValue(open.Segments, src)
		id, ok := htmlfilter.AnchorID(raw)
		if !ok {
			continue
		}
		end := c.NextSibling()
		selfClosing := bytes.HasSuffix(raw, []byte("/>"))
		if !selfClosing {
			closer, ok := end.(*ast.RawHTML)
			if !ok || !htmlfilter.IsEndTag(segmentsValue(closer.Segments, src), "a") {
				continue
			}
			end = end.NextSibling()
			h.RemoveChild(h, closer)
		}
		prev := c.PreviousSibling()
		h.RemoveChild(h, c)
		if t, ok := prev.(*ast.Text); ok && end == nil {
			t.Segment = t.Segment.TrimRightSpace(src)
		}
		return id
	}
	return ""
}

// dropContent removes the siblings that follow start tag n, up to and
// including its end tag (or, for a script-like element, to the end of the
// paragraph; an icon or button without an end tag keeps what follows).
func dropContent(n *ast.RawHTML, src []byte) {
	parent := n.Parent()
	if parent == nil { // removed with an enclosing element already
		return
	}
	raw := segmentsValue(n.Segments, src)
	name, script := skipsContent(raw), htmlfilter.DropsContent(raw) != ""
	if !script && !endSibling(n, name, src) {
		return
	}
	depth := 1
	for c := n.NextSibling(); c != nil; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		if r, ok := c.(*ast.RawHTML); ok {
			raw := segmentsValue(r.Segments, src)
			switch {
			case startTagName(raw) == name:
				depth++
			case htmlfilter.IsEndTag(raw, name):
				depth--
			}
			if depth == 0 {
				break
			}
		}
		c = next
	}
	if p, ok := parent.(*ast.Paragraph); ok && script && p.ChildCount() == 1 && p.Parent() != nil {
		p.Parent().RemoveChild(p.Parent(), p) // nothing left to show
	}
}

// segmentsValue returns the source bytes of segs, without copying when
// there is only one.
func segmentsValue(segs *text.Segments, src []byte) []byte {
	switch segs.Len() {
	case 0:
		return nil
	case 1:
		s := segs.At(0)
		return src[s.Start:s.Stop]
	}
	var b []byte
	for i := range segs.Len() {
		s := segs.At(i)
		b = append(b, src[s.Start:s.Stop]...)
	}
	return b
}
