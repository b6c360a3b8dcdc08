package mcpserver

import (
	"net/url"
	"strings"

	"github.com/handbookhq/handbook/internal/llms"
)

// index finds listed pages by the many ways of naming them.
type index struct {
	pages  []llms.Page
	exact  map[string]int // normalised name → page
	folded map[string]int // lowercased normalised name → page
	origin string         // "https://host" when page URLs are absolute, else ""
}

func newIndex(pages []llms.Page) *index {
	x := &index{pages: pages, exact: map[string]int{}, folded: map[string]int{}}
	base := ""
	for _, p := range pages {
		if x.origin == "" {
			x.origin = originOf(p.URL)
		}
		// A twin's file is its page's URL path without the base path.
		u, f := normalize(p.URL), strings.TrimSuffix(p.File, ".md")
		if base == "" && u != f && strings.HasSuffix(u, "/"+f) {
			base = strings.TrimSuffix(u, "/"+f)
		}
	}
	// Addresses first, so that they win over a source path that happens
	// to spell another page's address.
	for i, p := range pages {
		u, md := normalize(p.URL), normalize(p.Markdown)
		x.add(i, u, md, p.File, strings.TrimSuffix(p.File, ".md"), stripBase(u, base), stripBase(md, base))
	}
	for i, p := range pages {
		x.add(i, p.Source)
	}
	return x
}

// add names page i by keys; the first page to claim a key keeps it.
func (x *index) add(i int, keys ...string) {
	for _, k := range keys {
		if _, ok := x.exact[k]; !ok {
			x.exact[k] = i
		}
		if _, ok := x.folded[strings.ToLower(k)]; !ok {
			x.folded[strings.ToLower(k)] = i
		}
	}
}

// lookup finds the page that name names: a page's URL or URL path (with
// or without the site's base path), the URL or path of its Markdown twin,
// or its source file, with or without a "#fragment". Published URLs are
// case-insensitive, so a name that matches no page exactly is matched
// ignoring case.
func (x *index) lookup(name string) (llms.Page, bool) {
	k := normalize(name)
	tries := []string{k, strings.TrimSuffix(k, ".md")}
	for _, c := range tries {
		if i, ok := x.exact[c]; ok {
			return x.pages[i], true
		}
	}
	for _, c := range tries {
		if i, ok := x.folded[strings.ToLower(c)]; ok {
			return x.pages[i], true
		}
	}
	return llms.Page{}, false
}

// absolute makes a site-relative URL ("/a#b") absolute when the site's
// pages have absolute URLs.
func (x *index) absolute(u string) string {
	if x.origin == "" || !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
		return u
	}
	return x.origin + u
}

// normalize turns a name of a page into a lookup key: the path of a URL,
// without query or fragment, unescaped, without leading or trailing
// slashes.
func normalize(name string) string {
	name = strings.TrimSpace(name)
	name, _, _ = strings.Cut(name, "#")
	name, _, _ = strings.Cut(name, "?")
	if o := originOf(name); o != "" {
		name = strings.TrimPrefix(name, o)
	}
	if u, err := url.PathUnescape(name); err == nil {
		name = u
	}
	return strings.Trim(name, "/")
}

// originOf returns the "scheme://host" of an absolute URL, or "".
func originOf(u string) string {
	i := strings.Index(u, "://")
	if i <= 0 || strings.ContainsAny(u[:i], "/?#") {
		return ""
	}
	if j := strings.IndexAny(u[i+3:], "/?#"); j >= 0 {
		return u[:i+3+j]
	}
	return u
}

// stripBase removes the base path from a normalised URL path.
func stripBase(p, base string) string {
	if base == "" {
		return p
	}
	if p == base {
		return ""
	}
	return strings.TrimPrefix(p, base+"/")
}
