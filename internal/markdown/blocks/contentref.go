package blocks

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// KindContentRef is the kind of page link blocks (section 4.6).
var KindContentRef = ast.NewNodeKind("ContentRef")

// ContentRef is the page link block, {% content-ref url="../guide/setup.md" %}
// around a Markdown link to the same page, and its older single-tag form
// {% page-ref page="setup.md" %}: a full-width card with the linked page's
// title and description, which the caller finds through the table of
// contents. The Markdown link inside is GitBook's fallback for other
// renderers and is not shown; its text names the card when the page
// cannot be found. A web address gives a card for the link.
var ContentRef Def = contentRef{}

type contentRef struct{}

func (contentRef) Names() []string { return []string{"content-ref", "page-ref"} }

func (contentRef) Extend(m goldmark.Markdown) {
	extendKind(m, KindContentRef, renderContentRef, "content-ref", "page-ref")
}

// contentRefKey returns the argument naming the target of a page link
// tag: "url", or "page" for a page-ref.
func contentRefKey(t liquid.Tag) string {
	if t.Name == "page-ref" {
		return "page"
	}
	return "url"
}

// fallbackLink matches content that is only a Markdown link, as GitBook
// writes inside a content-ref.
var fallbackLink = regexp.MustCompile(`^\[([^\]\n]*)\]\(<?([^\s>]*)>?(?:\s+"[^"\n]*")?\)$`)

// Degrade writes a list item: "- [Title](url): description". Content
// other than the fallback link follows it, as written.
func (contentRef) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	body := bytes.TrimSpace(d.Dedent(inner))
	m := fallbackLink.FindSubmatch(body)
	dest, _ := n.Tag.Arg(contentRefKey(n.Tag))
	dest = strings.TrimSpace(dest)
	text := ""
	if m != nil {
		text = strings.TrimSpace(string(m[1]))
		if dest == "" {
			dest = string(m[2])
		}
		body = nil
	}
	d.Blank()
	switch {
	case dest == "" || !linkable(dest):
		if text == "" {
			text = dest
		}
		if text != "" {
			d.Line("- " + linkText(text))
		}
	case hostOf(dest) != "" || strings.HasPrefix(dest, "mailto:"):
		if text == "" {
			text = dest
		}
		d.Line("- [" + linkText(text) + "](" + markdownDest(dest) + ")")
	default:
		ref, ok := d.Env().Page(dest)
		if !ok { // the text alone, as the page shows it
			d.Line("- " + linkText(firstNonEmpty(text, dest)))
			break
		}
		title := firstNonEmpty(ref.Title, text, dest)
		line := "- [" + linkText(title) + "](" + markdownDest(ref.URL) + ")"
		if desc := strings.Join(strings.Fields(ref.Description), " "); desc != "" {
			line += ": " + desc
		}
		d.Line(line)
	}
	if len(body) > 0 {
		d.Blank()
		d.Quote("", body)
	}
	d.Blank()
}

// firstNonEmpty returns the first of vs that is not empty.
func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// contentRefData is what templates/contentref.html gets.
type contentRefData struct {
	URL         string // "" when the target cannot be found
	Title       string
	Description string
	Icon        string // Font Awesome name
	External    bool
}

func renderContentRef(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	env, ok := w.(Env)
	if !ok || !entering {
		return ast.WalkContinue, nil
	}
	b := BlockOf(node)
	key := contentRefKey(b.Tag)
	args := &argReader{env: env, block: b.Tag.Name, tag: b.Tag}
	dest := args.str(key)
	text, linkDest, only := fallbackOf(node, src)
	if dest == "" {
		dest = linkDest
		args.problem(argOffset(b.Tag, key), b.Tag.Name+" without a "+key, "write {% "+b.Tag.Name+" "+key+`="page.md" %}`)
	}
	if !only {
		args.problem(b.Tag.Start, b.Tag.Name+" holds more than a link to its page", "GitBook shows only the card: move other content after {% end"+b.Tag.Name+" %}")
	}
	data := contentRefData{Title: firstNonEmpty(text, dest), Icon: "file-lines"}
	off := argOffset(b.Tag, key)
	switch {
	case dest == "":
	case !linkable(dest):
		args.problem(off, b.Tag.Name+" "+key+" "+quote(dest)+" is not a page or web address", "link to a page of the book, such as ../guide/setup.md")
	case hostOf(dest) != "" || strings.HasPrefix(dest, "mailto:"):
		data.URL, _ = env.Link(dest, off)
		data.External = true
		site, icon := siteOf(dest)
		data.Icon, data.Description = icon, displayURL(dest)
		if text == "" || text == dest {
			data.Title = site
		}
	default:
		if ref, ok := env.Page(dest, off); ok {
			data.URL = ref.URL
			data.Title = firstNonEmpty(ref.Title, text, dest)
			data.Description = ref.Description
		}
	}
	args.done(key, "fullWidth")
	if data.Title == "" {
		return ast.WalkSkipChildren, nil // nothing to show; reported
	}
	status := ast.WalkSkipChildren
	if !only {
		status = ast.WalkContinue // shown after the card, so no text is lost
	}
	return status, env.Exec("contentref.html", data)
}

// fallbackOf reads the Markdown link GitBook writes inside a content-ref:
// its text and destination, and whether the block holds nothing else.
func fallbackOf(node ast.Node, src []byte) (text, dest string, only bool) {
	only = true
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		p, isPara := c.(*ast.Paragraph)
		if !isPara || text != "" || dest != "" {
			return text, dest, false
		}
		for in := p.FirstChild(); in != nil; in = in.NextSibling() {
			if l, ok := in.(*ast.Link); ok && dest == "" && text == "" {
				text, dest = strings.TrimSpace(plainText(l, src)), string(l.Destination)
				continue
			}
			if t, ok := in.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(src))) == 0 {
				continue
			}
			only = false
		}
	}
	return text, dest, only
}

// plainText returns the text of an inline node and its children, without
// markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
