package site

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/theme"
)

// PrintScope selects the pages of a print view. The zero PrintScope is
// the whole handbook: every page of the table of contents that readers
// see in the sidebar.
type PrintScope struct {
	// Page is one page, by its URL path ("/company/about") or its file
	// ("company/about.md").
	Page string
	// Section is a page and every page below it, named as Page is, or a
	// group of the table of contents by its title or slug.
	Section string
}

// ErrNoPage is returned, wrapped, when a scope names no page or group.
var ErrNoPage = fmt.Errorf("not in the table of contents")

// pages returns the pages of the scope in table-of-contents order.
func (sc PrintScope) pages(b *book.Book) ([]*book.Page, error) {
	switch {
	case sc.Page != "" && sc.Section != "":
		return nil, fmt.Errorf("choose a page or a section, not both")
	case sc.Page != "":
		p := FindPage(b, sc.Page)
		if p == nil {
			return nil, fmt.Errorf("page %q: %w (give its URL path, such as /about, or its file, such as about.md)", sc.Page, ErrNoPage)
		}
		if p.Missing {
			return nil, fmt.Errorf("page %q: its file %s does not exist", sc.Page, b.SourcePath(p.File))
		}
		return []*book.Page{p}, nil
	case sc.Section != "":
		if p := FindPage(b, sc.Section); p != nil {
			var out []*book.Page
			if !p.Missing {
				out = append(out, p)
			}
			for _, q := range b.Pages[p.Index+1:] {
				if isBelow(q, p) && printed(q) {
					out = append(out, q)
				}
			}
			if len(out) == 0 {
				return nil, fmt.Errorf("section %q: its file %s does not exist and no page below it does", sc.Section, b.SourcePath(p.File))
			}
			return out, nil
		}
		if g := findGroup(b, sc.Section); g != nil {
			var out []*book.Page
			for _, q := range b.Pages {
				if q.Group() == g && printed(q) {
					out = append(out, q)
				}
			}
			if len(out) > 0 {
				return out, nil
			}
		}
		return nil, fmt.Errorf("section %q: %w (give a page's URL path or file, or a group's title)", sc.Section, ErrNoPage)
	}
	var out []*book.Page
	for _, p := range b.Pages {
		if printed(p) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the handbook has no page to print")
	}
	return out, nil
}

// hasGroups reports whether the view shows the groups of the table of
// contents, with a title page each: the whole handbook, or a group.
func (sc PrintScope) hasGroups(b *book.Book) bool {
	return sc.Page == "" && (sc.Section == "" || FindPage(b, sc.Section) == nil)
}

// title is the cover's title for a part of the handbook, or "" for the
// whole handbook.
func (sc PrintScope) title(b *book.Book, pages []*book.Page, parts []theme.PrintPart) string {
	switch {
	case sc.Page != "", sc.Section != "" && FindPage(b, sc.Section) != nil:
		for _, part := range parts {
			if !part.Group {
				return part.Title
			}
		}
	case sc.Section != "":
		return pages[0].Group().Title
	}
	return ""
}

// printed reports whether a page belongs in a print of a section or of
// the whole handbook: it has a file and shows in the sidebar, so neither
// it nor a page above it is hidden.
func printed(p *book.Page) bool {
	if p.Missing || p.Hidden() {
		return false
	}
	for _, a := range p.Ancestors() {
		if a.Hidden() {
			return false
		}
	}
	return true
}

// isBelow reports whether q is listed below p in the table of contents.
func isBelow(q, p *book.Page) bool {
	for _, a := range q.Ancestors() {
		if a == p {
			return true
		}
	}
	return false
}

// FindPage finds a page by its URL path ("/a/b", "a/b/", with or without
// the site's base path) or by its file ("a/b.md", "a/b/README.md", "a/b"
// for either); nil when there is none.
func FindPage(b *book.Book, name string) *book.Page {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	clean := path.Clean("/" + name)
	if p := b.PageByURL(clean); p != nil {
		return p
	}
	if base := sitePath(b); base != "/" {
		if rest, ok := strings.CutPrefix(clean+"/", base); ok {
			if p := b.PageByURL(path.Clean("/" + rest)); p != nil {
				return p
			}
		}
	}
	file := strings.TrimPrefix(clean, "/")
	for _, f := range []string{file, file + ".md", path.Join(file, "README.md")} {
		if p := b.PageByFile(f); p != nil {
			return p
		}
	}
	return nil
}

// sitePath is the path of base_url, ending in "/".
func sitePath(b *book.Book) string {
	if b.Site == nil || b.Site.BaseURL == "" {
		return "/"
	}
	u, err := url.Parse(b.Site.BaseURL)
	if err != nil {
		return "/"
	}
	return basePath(u)
}

// findGroup finds a titled group by its title or slug, ignoring case and
// slashes around it ("/company/" is the group of slug "company").
func findGroup(b *book.Book, name string) *book.Group {
	name = strings.Trim(strings.TrimSpace(name), "/")
	for _, g := range b.Groups {
		if g.Title != "" && (strings.EqualFold(g.Title, name) || strings.EqualFold(g.Slug, name)) {
			return g
		}
	}
	return nil
}
