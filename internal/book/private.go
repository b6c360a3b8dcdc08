package book

import (
	"strings"

	"github.com/handbookhq/handbook/internal/diag"
)

// markPrivate sets Private on every page that its front matter
// (visibility: private) or a private pattern of handbook.yaml makes
// private, and on every page below one in the table of contents.
func (b *Book) markPrivate() {
	for _, p := range b.Pages {
		p.Private = p.FrontMatter.Private || b.Site.PrivateFile(p.File)
	}
	b.Walk(func(e *Entry) {
		if e.Page != nil && e.Primary && e.Parent != nil && e.Parent.Page != nil && e.Parent.Page.Private {
			e.Page.Private = true
		}
	})
	if first := b.Pages[0]; first.Private {
		pos := diag.Pos{File: b.SourcePath(first.File), Line: 1, Col: 1}
		b.Diags.Add(diag.Errorf(pos, "the first page %q is private, but it is the handbook's home page", b.SourcePath(first.File)).
			WithHint("make the first page public, and put private pages below other pages"))
	}
}

// HasPrivate reports whether the book has private pages, published or
// left out.
func (b *Book) HasPrivate() bool {
	if len(b.private) > 0 {
		return true
	}
	for _, p := range b.Pages {
		if p.Private {
			return true
		}
	}
	return false
}

// LeftOut is how many private pages were left out of the book.
func (b *Book) LeftOut() int { return len(b.private) }

// PrivateURL returns the URL path of a private page that was left out of
// the book, by its content-relative file: links from public pages to it
// still point there, for signed-in readers, without showing what it is.
func (b *Book) PrivateURL(file string) (string, bool) {
	u, ok := b.private[file]
	return u, ok
}

// dropPrivate leaves every private page out of the book: out of the
// sidebar, the reading order, the files links may name and the
// redirects. Nothing of a private page stays but its URL, for links.
func (b *Book) dropPrivate() {
	if !b.HasPrivate() {
		return
	}
	b.private = map[string]string{}
	var pages []*Page
	for _, p := range b.Pages {
		if !p.Private {
			p.Index = len(pages)
			pages = append(pages, p)
			continue
		}
		b.private[p.File] = p.URL
		delete(b.byFile, p.File)
		delete(b.byURL, p.URL)
		delete(b.files, p.File)
	}
	b.Pages = pages
	var groups []*Group
	for _, g := range b.Groups {
		g.Entries = publicEntries(g.Entries)
		if len(g.Entries) > 0 {
			groups = append(groups, g)
		}
	}
	b.Groups = groups
	id := 0
	b.Walk(func(e *Entry) { e.ID = id; id++ })
	var redirects []Redirect
	for _, r := range b.Redirects {
		to, _, _ := strings.Cut(r.To, "#")
		if b.byURL[to] != nil {
			redirects = append(redirects, r)
		}
	}
	b.Redirects = redirects
}

// publicEntries returns es without the entries of private pages and
// what is below them.
func publicEntries(es []*Entry) []*Entry {
	var out []*Entry
	for _, e := range es {
		if e.Page != nil && e.Page.Private {
			continue
		}
		e.Children = publicEntries(e.Children)
		out = append(out, e)
	}
	return out
}
