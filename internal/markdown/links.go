package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// resolve maps the destination of Markdown link or image n through the
// resolver. When it cannot be used, resolve records a problem pointing at
// the destination and returns false.
func (st *renderState) resolve(n ast.Node, raw []byte, image bool) (string, bool) {
	dest := string(unescape(raw))
	if htmlfilter.Unsafe(dest, image) {
		what := "link"
		if image {
			what = "image"
		}
		st.problem(st.destOffset(n, raw), fmt.Sprintf("%s uses the unsafe URL scheme %q", what, htmlfilter.Scheme(dest)+":"),
			"javascript:, vbscript: and data: URLs are removed (data:image/ is allowed for images)")
		return "", false
	}
	if st.res == nil {
		return escapeURL(dest), true
	}
	if ur, ok := st.res.(UseRecorder); ok {
		ur.Use(Use{Dest: dest, Image: image, File: st.doc.file, Offset: st.doc.prep.Orig(st.destOffset(n, raw))})
	}
	resolve := st.res.Link
	if image {
		resolve = st.res.Image
	}
	u, err := resolve(dest)
	if err != nil {
		st.fail(st.destOffset(n, raw), err)
		if u == "" {
			return "", false
		}
	}
	if htmlfilter.Unsafe(u, image) {
		return "", false
	}
	return escapeURL(u), true
}

// destOffset finds where the destination raw of link or image n is written
// in the source. Goldmark records where the link starts ("[" or "!["); the
// destination follows as "(dest" or "(<dest" within the enclosing block, or
// sits in a reference definition. It falls back to the start of the link.
func (st *renderState) destOffset(n ast.Node, raw []byte) int {
	src := st.doc.src
	start := max(n.Pos(), 0)
	end := blockEnd(n, len(src))
	if start < end && len(raw) > 0 {
		region := src[start:end]
		for i := 0; i < len(region); {
			j := bytes.Index(region[i:], raw)
			if j < 0 {
				break
			}
			at := i + j
			if at > 0 && (region[at-1] == '(' || region[at-1] == '<' && at > 1 && region[at-2] == '(') {
				return start + at
			}
			i = at + 1
		}
	}
	if off, ok := st.definitionOffset(raw); ok {
		return off
	}
	return start
}

// definitionOffset finds raw in the link reference definition that declares
// it, for reference links ("[text][label]"). The definitions are indexed on
// first use.
func (st *renderState) definitionOffset(raw []byte) (int, bool) {
	if st.defs == nil {
		st.defs = map[string]int{}
		_ = ast.Walk(st.doc.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			def, ok := n.(*ast.LinkReferenceDefinition)
			switch {
			case !entering || n.Type() == ast.TypeInline:
				return ast.WalkSkipChildren, nil
			case !ok || len(def.Destination) == 0:
				return ast.WalkContinue, nil
			}
			if _, dup := st.defs[string(def.Destination)]; dup {
				return ast.WalkContinue, nil
			}
			for i := range def.Lines().Len() {
				s := def.Lines().At(i)
				if j := bytes.Index(st.doc.src[s.Start:s.Stop], def.Destination); j >= 0 {
					st.defs[string(def.Destination)] = s.Start + j
					break
				}
			}
			return ast.WalkContinue, nil
		})
	}
	off, ok := st.defs[string(raw)]
	return off, ok
}

// blockEnd returns where the source of the block holding inline node n ends.
func blockEnd(n ast.Node, fallback int) int {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(p.Lines().Len() - 1).Stop
		}
	}
	return fallback
}

func (nr *nodeRenderer) renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	if !entering {
		if n := len(st.closers); n > 0 {
			_, _ = st.WriteString(st.closers[n-1])
			st.closers = st.closers[:n-1]
		}
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Link)
	href, ok := st.resolve(n, n.Destination, false)
	if !ok {
		_, _ = st.WriteString(`<span class="broken-link">`)
		st.closers = append(st.closers, "</span>")
		return ast.WalkContinue, nil
	}
	_, _ = st.WriteString(`<a href="`)
	st.escape(href)
	_ = st.WriteByte('"')
	switch title := unescape(n.Title); {
	case string(title) == "mention": // GitBook's inline page mention
		_, _ = st.WriteString(` data-mention=""`)
	case len(title) > 0:
		_, _ = st.WriteString(` title="`)
		st.escape(string(title))
		_ = st.WriteByte('"')
	}
	if htmlfilter.External(href) {
		_, _ = st.WriteString(` rel="noopener"`)
	}
	_ = st.WriteByte('>')
	st.closers = append(st.closers, "</a>")
	return ast.WalkContinue, nil
}

func (nr *nodeRenderer) renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	n := node.(*ast.Image)
	u, ok := st.resolve(n, n.Destination, true)
	if !ok {
		st.brokenImage(n)
		return ast.WalkSkipChildren, nil
	}
	st.img(n, u, true)
	return ast.WalkSkipChildren, nil
}

// img writes an <img> for n with source u.
func (st *renderState) img(n *ast.Image, u string, withTitle bool) {
	alt := plainText(n, st.doc.src)
	if strings.TrimSpace(alt) == "" {
		st.noAlt(max(n.Pos(), 0), string(unescape(n.Destination)))
	}
	_, _ = st.WriteString(`<img src="`)
	st.escape(u)
	_, _ = st.WriteString(`" alt="`)
	st.escape(alt)
	_ = st.WriteByte('"')
	if title := unescape(n.Title); withTitle && len(title) > 0 {
		_, _ = st.WriteString(` title="`)
		st.escape(string(title))
		_ = st.WriteByte('"')
	}
	_, _ = st.WriteString(` loading="lazy" decoding="async">`)
}

// noAlt reports an image without alt text at offset off, when the
// resolver asks for it.
func (st *renderState) noAlt(off int, dest string) {
	if ac, ok := st.res.(AltChecker); !ok || !ac.CheckAlt() {
		return
	}
	st.ProblemCode(off, "image-alt", "image "+strconv.Quote(dest)+" has no alt text",
		`say what it shows, as ![what it shows](src) or <img alt="what it shows">: screen readers read it`)
}

// brokenImage writes the alt text of an image that cannot be shown.
func (st *renderState) brokenImage(n *ast.Image) {
	_, _ = st.WriteString(`<span class="broken-image">`)
	st.escape(plainText(n, st.doc.src))
	_, _ = st.WriteString(`</span>`)
}

// blockImage returns the image that is alone in paragraph n, if any.
func blockImage(n ast.Node) *ast.Image {
	img, ok := n.FirstChild().(*ast.Image)
	if !ok || img.NextSibling() != nil {
		return nil
	}
	return img
}

// renderParagraph writes paragraphs; one holding nothing but an image is a
// block image: a figure, captioned with the image's title.
func (nr *nodeRenderer) renderParagraph(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	img := blockImage(node)
	if img == nil {
		if entering {
			_, _ = st.WriteString("<p>")
		} else {
			_, _ = st.WriteString("</p>\n")
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	u, ok := st.resolve(img, img.Destination, true)
	if !ok {
		_, _ = st.WriteString("<p>")
		st.brokenImage(img)
		_, _ = st.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	}
	_, _ = st.WriteString("<figure>")
	st.img(img, u, false)
	if title := unescape(img.Title); len(title) > 0 {
		_, _ = st.WriteString("<figcaption>")
		st.escape(string(title))
		_, _ = st.WriteString("</figcaption>")
	}
	_, _ = st.WriteString("</figure>\n")
	return ast.WalkSkipChildren, nil
}

// renderAutoLink writes <https://…>, bare URLs and e-mail addresses. They
// are absolute, so they do not go through the resolver.
func (nr *nodeRenderer) renderAutoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	st, err := stateOf(w)
	if err != nil {
		return ast.WalkStop, err
	}
	n := node.(*ast.AutoLink)
	u := string(n.URL(src))
	label := string(n.Label(src))
	if n.AutoLinkType == ast.AutoLinkEmail && htmlfilter.Scheme(u) != "mailto" {
		u = "mailto:" + u
	}
	if htmlfilter.Unsafe(u, false) {
		st.escape(label)
		return ast.WalkContinue, nil
	}
	u = escapeURL(u)
	_, _ = st.WriteString(`<a href="`)
	st.escape(u)
	_ = st.WriteByte('"')
	if htmlfilter.External(u) {
		_, _ = st.WriteString(` rel="noopener"`)
	}
	_ = st.WriteByte('>')
	st.escape(label)
	_, _ = st.WriteString("</a>")
	return ast.WalkContinue, nil
}
