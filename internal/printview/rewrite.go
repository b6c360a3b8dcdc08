package printview

import (
	"bytes"
	"html"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxLevel is the deepest heading level the PDF outline shows: deeper
// headings are levelled to it rather than left out.
const MaxLevel = 6

// Page says how to rewrite one page's HTML.
type Page struct {
	// Prefix is put before every ID of the page and every reference to
	// one, so that two pages' "overview" headings stay apart.
	Prefix string
	// Level is the outline level of the page's title; a heading <hN> of
	// the page gets the level Level+N-1, at most MaxLevel.
	Level int
	// Link maps the href of a link that leaves the page. It returns the
	// new href and true to replace it (an anchor in the document, or an
	// absolute URL; "" removes the href, leaving the text), or false to
	// keep it.
	Link func(href string) (string, bool)
}

// idRefs are the attributes that hold the IDs of other elements.
var idRefs = map[string]bool{
	"for": true, "aria-controls": true, "aria-labelledby": true, "aria-describedby": true,
	"aria-owns": true, "aria-activedescendant": true, "aria-details": true, "headers": true, "list": true,
}

// Rewrite writes body, rewritten as p says, to w. Text, comments and tags
// that need no change are copied byte for byte.
func (p Page) Rewrite(w *bytes.Buffer, body []byte) {
	z := xhtml.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			raw := z.Raw()
			// Raw is only valid until the next call; Token copies.
			saved := append([]byte(nil), raw...)
			tok := z.Token()
			if p.rewriteTag(&tok) {
				writeTag(w, tok, tt == xhtml.SelfClosingTagToken)
			} else {
				w.Write(saved)
			}
		default:
			w.Write(z.Raw())
		}
	}
}

// rewriteTag changes tok in place and reports whether it changed.
func (p Page) rewriteTag(tok *xhtml.Token) bool {
	changed := false
	hasLevel := false
	var drop []int // attributes to remove: links with nowhere to go
	for i := range tok.Attr {
		a := &tok.Attr[i]
		if a.Namespace != "" {
			continue
		}
		switch {
		case a.Key == "id" || a.Key == "name" && tok.DataAtom == atom.A:
			if a.Val != "" && p.Prefix != "" {
				a.Val = p.Prefix + a.Val
				changed = true
			}
		case idRefs[a.Key]:
			if p.Prefix != "" && strings.TrimSpace(a.Val) != "" {
				ids := strings.Fields(a.Val)
				for j, id := range ids {
					ids[j] = p.Prefix + id
				}
				a.Val = strings.Join(ids, " ")
				changed = true
			}
		case a.Key == "href" || a.Key == "xlink:href":
			link := tok.DataAtom == atom.A || tok.DataAtom == atom.Area
			if !link && !strings.HasPrefix(a.Val, "#") {
				continue
			}
			if v, ok := p.href(a.Val); ok {
				a.Val = v
				if v == "" {
					drop = append(drop, i)
				}
				changed = true
			}
		case a.Key == "loading" && tok.DataAtom == atom.Img:
			a.Val = "eager"
			changed = true
		case a.Key == "aria-level":
			hasLevel = true
		}
	}
	for j := len(drop) - 1; j >= 0; j-- {
		tok.Attr = append(tok.Attr[:drop[j]], tok.Attr[drop[j]+1:]...)
	}
	switch tok.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if !hasLevel && p.Level > 0 {
			n := int(tok.Data[1] - '0')
			tok.Attr = append(tok.Attr, xhtml.Attribute{Key: "aria-level", Val: strconv.Itoa(min(p.Level+n-1, MaxLevel))})
			changed = true
		}
	case atom.Details:
		if !hasAttr(tok, "open") {
			tok.Attr = append(tok.Attr, xhtml.Attribute{Key: "open"})
			changed = true
		}
	}
	return changed
}

// href rewrites a link: a fragment of the page gets the prefix, a link
// elsewhere goes through p.Link.
func (p Page) href(v string) (string, bool) {
	if frag, ok := strings.CutPrefix(v, "#"); ok {
		if frag == "" || p.Prefix == "" {
			return "", false
		}
		return "#" + p.Prefix + frag, true
	}
	if p.Link == nil || v == "" {
		return "", false
	}
	return p.Link(v)
}

func hasAttr(tok *xhtml.Token, key string) bool {
	for _, a := range tok.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// writeTag writes a start tag with its attributes, escaped.
func writeTag(w *bytes.Buffer, tok xhtml.Token, selfClosing bool) {
	w.WriteByte('<')
	w.WriteString(tok.Data)
	for _, a := range tok.Attr {
		w.WriteByte(' ')
		if a.Namespace != "" {
			w.WriteString(a.Namespace)
			w.WriteByte(':')
		}
		w.WriteString(a.Key)
		if a.Val == "" && (a.Key == "open" || a.Key == "hidden") {
			continue
		}
		w.WriteString(`="`)
		w.WriteString(html.EscapeString(a.Val))
		w.WriteByte('"')
	}
	if selfClosing {
		w.WriteString("/>")
		return
	}
	w.WriteByte('>')
}
