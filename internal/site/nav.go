package site

import (
	"encoding/json"
	"html/template"
	"strconv"
	"strings"

	"github.com/handbookhq/handbook/internal/book"
)

// The sidebar of a page shows the top of the table of contents and the
// branch that leads to the page, opened; every other branch is closed and
// its entries come, when a reader opens it, from one shared file (nav.json)
// that maps an entry's ID to its children. So a page's size does not grow
// with the size of the book.

// navItem is an entry in nav.json.
type navItem struct {
	ID       int    `json:"i"`
	Title    string `json:"t"`
	URL      string `json:"u"`
	Kids     bool   `json:"k,omitempty"`
	External bool   `json:"x,omitempty"`
}

// navJSON maps the ID of every entry that has visible children to those
// children.
func (s *builder) navJSON() ([]byte, error) {
	m := map[string][]navItem{}
	s.b.Walk(func(e *book.Entry) {
		kids := visible(e.Children)
		if len(kids) == 0 {
			return
		}
		items := make([]navItem, len(kids))
		for i, k := range kids {
			items[i] = navItem{ID: k.ID, Title: k.Title, URL: s.entryURL(k), Kids: len(visible(k.Children)) > 0, External: k.Page == nil}
		}
		m[strconv.Itoa(e.ID)] = items
	})
	return json.Marshal(m)
}

// visible leaves out entries of hidden pages.
func visible(es []*book.Entry) []*book.Entry {
	var out []*book.Entry
	for _, e := range es {
		if e.Page == nil || !e.Page.Hidden() {
			out = append(out, e)
		}
	}
	return out
}

func (s *builder) entryURL(e *book.Entry) string {
	if e.Page == nil {
		return e.External
	}
	return s.href(e.URL())
}

// buildCollapsed renders every entry's closed <li> once, to be reused by
// every page whose branch does not pass through it.
func (s *builder) buildCollapsed() {
	n := 0
	s.b.Walk(func(*book.Entry) { n++ })
	s.collapsed = make([]string, n)
	s.b.Walk(func(e *book.Entry) {
		var b strings.Builder
		s.writeEntry(&b, e, nil, false)
		s.collapsed[e.ID] = b.String()
	})
	// Every sidebar holds the closed top level, and a branch or so more.
	s.sidebarSize = 4 << 10
	for _, g := range s.b.Groups {
		for _, e := range g.Entries {
			s.sidebarSize += 2 * len(s.collapsed[e.ID])
		}
	}
}

// sidebar renders the sidebar for page cur (nil for none, as on the 404
// page).
func (s *builder) sidebar(cur *book.Page) template.HTML {
	open := map[*book.Entry]bool{}
	if cur != nil {
		for e := cur.Entry; e != nil; e = e.Parent {
			open[e] = true
		}
	}
	var b strings.Builder
	b.Grow(s.sidebarSize)
	b.WriteString(`<div class="hb-nav">`)
	for _, g := range s.b.Groups {
		if g.Title != "" {
			b.WriteString(`<p class="hb-nav-group">`)
			b.WriteString(template.HTMLEscapeString(g.Title))
			b.WriteString(`</p>`)
		}
		s.writeList(&b, visible(g.Entries), cur, open)
	}
	b.WriteString(`</div>`)
	return template.HTML(b.String())
}

func (s *builder) writeList(b *strings.Builder, es []*book.Entry, cur *book.Page, open map[*book.Entry]bool) {
	b.WriteString("<ul>")
	for _, e := range es {
		if !open[e] {
			b.WriteString(s.collapsed[e.ID])
			continue
		}
		s.writeEntry(b, e, cur, true)
		if kids := visible(e.Children); len(kids) > 0 {
			s.writeList(b, kids, cur, open)
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ul>")
}

// writeEntry writes an entry's <li> and link; a closed entry's <li> is
// complete, an open one is left for the caller to fill and close. The
// markup is terse on purpose: it is repeated on every page.
func (s *builder) writeEntry(b *strings.Builder, e *book.Entry, cur *book.Page, isOpen bool) {
	kids := len(visible(e.Children)) > 0
	b.WriteString(`<li`)
	if isOpen && kids {
		b.WriteString(` class="open"`)
	}
	b.WriteString(`><a href="`)
	b.WriteString(template.HTMLEscapeString(s.entryURL(e)))
	b.WriteByte('"')
	if e.Page == nil {
		b.WriteString(` class="ext" rel="noopener"`)
	} else if cur != nil && e.Page == cur && e == cur.Entry {
		b.WriteString(` aria-current="page"`)
	}
	b.WriteByte('>')
	b.WriteString(template.HTMLEscapeString(e.Title))
	if privateRoot(e) {
		b.WriteString(privateMark)
	}
	b.WriteString(`</a>`)
	if kids {
		b.WriteString(`<button data-id="`)
		b.WriteString(strconv.Itoa(e.ID))
		b.WriteString(`" aria-expanded="`)
		b.WriteString(strconv.FormatBool(isOpen))
		b.WriteString(`" aria-label="Pages below `)
		b.WriteString(template.HTMLEscapeString(e.Title))
		b.WriteString(`"></button>`)
	}
	if !isOpen {
		b.WriteString(`</li>`)
	}
}

// privateMark follows the title of a private section in the sidebar of
// the site signed-in readers see.
const privateMark = `<svg class="hb-private" role="img" aria-label="private" viewBox="0 0 16 16" width="12" height="12"><title>Private: only signed-in readers see it</title><path fill="currentColor" d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z"/></svg>`

// privateRoot reports whether e is a private page below no other
// private page: the top of a private section.
func privateRoot(e *book.Entry) bool {
	if e.Page == nil || !e.Page.Private {
		return false
	}
	for p := e.Parent; p != nil; p = p.Parent {
		if p.Page != nil && p.Page.Private {
			return false
		}
	}
	return true
}
