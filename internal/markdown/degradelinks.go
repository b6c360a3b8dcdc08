package markdown

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/handbookhq/handbook/internal/markdown/blocks"
	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// mdLinks maps the destinations the plain form writes through the
// resolver, as Render maps those of the HTML: links through Link, images
// through Image. Without a resolver, and for a destination the resolver
// has no URL for, the destination stays as written.
type mdLinks struct{ r Resolver }

// link returns the URL a link to dest has in the plain form.
func (l mdLinks) link(dest string) string { return l.resolve(dest, false) }

// image returns the URL an image with source dest has in the plain form.
func (l mdLinks) image(dest string) string { return l.resolve(dest, true) }

func (l mdLinks) resolve(dest string, image bool) string {
	if l.r == nil || dest == "" || htmlfilter.Unsafe(dest, image) {
		return dest
	}
	resolve := l.r.Link
	if image {
		resolve = l.r.Image
	}
	if u, _ := resolve(dest); u != "" && !htmlfilter.Unsafe(u, image) {
		return u
	}
	return dest
}

// linkReplacement is the plain form of the destination of a Markdown
// link or image n written inline, "[text](dest)" or "[text](<dest>)",
// when the resolver maps it elsewhere: the new destination in place of
// the old, the text and the title kept. ends holds where the destinations
// of the links and images already seen end, to find n's after those it
// holds ("[![alt](img.png)](page.md)"); linkReplacement adds n's.
func linkReplacement(n ast.Node, src []byte, links mdLinks, ends map[ast.Node]int) (blocks.Replacement, bool) {
	var raw []byte
	var image bool
	switch n := n.(type) {
	case *ast.Link:
		if n.Reference != nil {
			return blocks.Replacement{}, false // its definition is replaced
		}
		raw = n.Destination
	case *ast.Image:
		if n.Reference != nil {
			return blocks.Replacement{}, false
		}
		raw, image = n.Destination, true
	default:
		return blocks.Replacement{}, false
	}
	from := max(n.Pos(), 0) // "[" or "!["
	if from < len(src) && src[from] == '!' {
		from++
	}
	if from < len(src) && src[from] == '[' {
		from++
	}
	start, stop, ok := inlineDest(src, max(from, inlineEnd(n, ends)), raw)
	if !ok {
		return blocks.Replacement{}, false
	}
	ends[n] = stop
	if len(raw) == 0 {
		return blocks.Replacement{}, false
	}
	dest := string(unescape(raw))
	u := links.resolve(dest, image)
	if u == dest {
		return blocks.Replacement{}, false
	}
	return blocks.Replacement{Start: start, Stop: stop, Text: []byte(markdownDest(u))}, true
}

// inlineEnd returns where the content of link or image n ends in the
// source: after its last text, raw HTML, tag or nested destination; -1
// when it has none.
func inlineEnd(n ast.Node, ends map[ast.Node]int) int {
	end := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c == n {
			return ast.WalkContinue, nil
		}
		if e, ok := ends[c]; ok {
			end = max(end, e)
			return ast.WalkSkipChildren, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			end = max(end, c.Segment.Stop)
		case *ast.RawHTML:
			if k := c.Segments.Len(); k > 0 {
				end = max(end, c.Segments.At(k-1).Stop)
			}
		case *blocks.InlineTag:
			end = max(end, c.Tag.Stop)
		case *expression:
			end = max(end, c.stop)
		case *button:
			end = max(end, c.stop)
		}
		return ast.WalkContinue, nil
	})
	return end
}

// inlineDest finds the destination raw of an inline link whose text ends
// at from: "](", optional spaces and one line break, then raw or <raw>.
// start and stop span the destination with its angle brackets.
func inlineDest(src []byte, from int, raw []byte) (start, stop int, ok bool) {
	if from < 0 || from > len(src) {
		return 0, 0, false
	}
	const maxGap = 32 // closing emphasis and code delimiters, escapes
	i := bytes.Index(src[from:min(len(src), from+maxGap+2)], []byte("]("))
	if i < 0 || bytes.ContainsAny(src[from:from+i], "[(\n") {
		return 0, 0, false
	}
	at := skipLinkSpace(src, from+i+2)
	return destAt(src, at, raw)
}

// skipLinkSpace skips the spaces and the one line break (with a quote's
// markers) allowed before a destination.
func skipLinkSpace(src []byte, at int) int {
	newline := false
	for at < len(src) {
		switch c := src[at]; {
		case c == ' ' || c == '\t' || c == '\r':
		case c == '\n' && !newline:
			newline = true
		case c == '>' && newline:
		default:
			return at
		}
		at++
	}
	return at
}

// destAt reports whether destination raw is written at src[at:], bare or
// in angle brackets, and where it starts and stops.
func destAt(src []byte, at int, raw []byte) (start, stop int, ok bool) {
	rest := src[at:]
	if len(rest) > 0 && rest[0] == '<' {
		if bytes.HasPrefix(rest[1:], raw) && len(rest) > len(raw)+1 && rest[len(raw)+1] == '>' {
			return at, at + len(raw) + 2, true
		}
		return 0, 0, false
	}
	if len(raw) > 0 && bytes.HasPrefix(rest, raw) {
		return at, at + len(raw), true
	}
	return 0, 0, false
}

// definitionReplacement is the plain form of the destination of link
// reference definition n, "[label]: dest", when the resolver maps it
// elsewhere. The links that use it are written as they are.
func definitionReplacement(n *ast.LinkReferenceDefinition, src []byte, links mdLinks) (blocks.Replacement, bool) {
	if n.Lines().Len() == 0 || len(n.Destination) == 0 {
		return blocks.Replacement{}, false
	}
	at := n.Lines().At(0).Start
	for at < len(src) && src[at] != '[' {
		at++
	}
	for at++; at < len(src) && src[at] != ']'; at++ { // the label
		if src[at] == '\\' {
			at++
		}
	}
	if at+1 >= len(src) || src[at+1] != ':' {
		return blocks.Replacement{}, false
	}
	start, stop, ok := destAt(src, skipLinkSpace(src, at+2), n.Destination)
	if !ok {
		return blocks.Replacement{}, false
	}
	dest := string(unescape(n.Destination))
	u := links.link(dest)
	if u == dest {
		return blocks.Replacement{}, false
	}
	return blocks.Replacement{Start: start, Stop: stop, Text: []byte(markdownDest(u))}, true
}

// autoLinkReplacement is the plain form of autolink n, "<https://…>" or a
// bare URL, when the resolver maps its URL elsewhere (a link to the site
// itself): the new URL as an autolink when it is absolute, else a link
// whose text is the URL as written.
func autoLinkReplacement(n *ast.AutoLink, src []byte, links mdLinks) (blocks.Replacement, bool) {
	if n.AutoLinkType != ast.AutoLinkURL {
		return blocks.Replacement{}, false
	}
	label := n.Label(src)
	from := max(n.Pos(), 0)
	if from > len(src) {
		return blocks.Replacement{}, false
	}
	i := bytes.Index(src[from:min(len(src), from+len(label)+2)], label)
	if i < 0 {
		return blocks.Replacement{}, false
	}
	start, stop := from+i, from+i+len(label)
	dest := string(n.URL(src))
	u := links.link(dest)
	if u == dest {
		return blocks.Replacement{}, false
	}
	if start > 0 && src[start-1] == '<' && stop < len(src) && src[stop] == '>' {
		start, stop = start-1, stop+1
	}
	text := "[" + mdEscape(string(label)) + "](" + markdownDest(u) + ")"
	if htmlfilter.Scheme(u) != "" && !bytes.ContainsAny([]byte(u), " <>\t") {
		text = "<" + u + ">"
	}
	return blocks.Replacement{Start: start, Stop: stop, Text: []byte(text)}, true
}

// urlAttr finds the URL attributes of HTML tags: href, src, srcset and
// poster, with their value quoted either way or bare.
var urlAttr = regexp.MustCompile(`(?i)[\s"'](href|srcset|src|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=` + "`" + `]+))`)

// attrReplacements maps the URLs of raw HTML n, kept as written in the
// plain form, through the resolver: only the attribute values change.
// A tag that spans lines of a container (a quote, a list item) is left
// alone.
func attrReplacements(n ast.Node, src []byte, links mdLinks) []blocks.Replacement {
	var segs []text.Segment
	switch n := n.(type) {
	case *ast.HTMLBlock:
		for i := range n.Lines().Len() {
			segs = append(segs, n.Lines().At(i))
		}
		if n.HasClosure() {
			segs = append(segs, n.ClosureLine)
		}
	case *ast.RawHTML:
		for i := range n.Segments.Len() {
			segs = append(segs, n.Segments.At(i))
		}
	}
	var repl []blocks.Replacement
	for _, seg := range segs {
		line := src[seg.Start:seg.Stop]
		for _, m := range urlAttr.FindAllSubmatchIndex(line, -1) {
			// Only inside a tag: the last "<" before is after the last ">".
			before := line[:m[0]]
			if bytes.LastIndexByte(before, '<') <= bytes.LastIndexByte(before, '>') {
				continue
			}
			vs, ve := m[4], m[5]
			quote := byte('"')
			switch {
			case m[6] >= 0:
				vs, ve, quote = m[6], m[7], '\''
			case m[8] >= 0:
				vs, ve, quote = m[8], m[9], 0
			}
			dest := html.UnescapeString(string(line[vs:ve]))
			var u string
			switch name := string(bytes.ToLower(line[m[2]:m[3]])); name {
			case "href":
				u = links.link(dest)
			case "srcset":
				u = srcset(dest, links)
			default:
				u = links.image(dest)
			}
			if u == dest {
				continue
			}
			val := html.EscapeString(u)
			if quote == 0 {
				val = `"` + val + `"`
			}
			repl = append(repl, blocks.Replacement{Start: seg.Start + vs, Stop: seg.Start + ve, Text: []byte(val)})
		}
	}
	return repl
}

// srcset maps each image of a srcset value ("a.png 1x, b.png 2x")
// through the resolver, keeping the descriptors.
func srcset(v string, links mdLinks) string {
	parts := strings.Split(v, ",")
	for i, p := range parts {
		f := strings.Fields(p)
		if len(f) == 0 {
			continue
		}
		f[0] = links.image(f[0])
		parts[i] = strings.Join(f, " ")
		if i > 0 {
			parts[i] = " " + parts[i]
		}
	}
	return strings.Join(parts, ",")
}
