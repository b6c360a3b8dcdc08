package book

import (
	"io/fs"
	"slices"
	"time"

	"github.com/handbookhq/handbook/internal/config"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/frontmatter"
)

// Book is a loaded handbook: configuration, table of contents and pages.
type Book struct {
	Source  string          // absolute path of the source directory; "" for a book read by LoadFS
	FS      fs.FS           // the files of a book read by LoadFS; nil otherwise
	Content string          // content root relative to Source ("." or "docs"), slash-separated
	Site    *config.Site    // handbook.yaml, or zero values when absent
	GitBook *config.GitBook // .gitbook.yaml, or defaults when absent
	Title   string          // the site title: handbook.yaml title, else the first page's title

	Groups    []*Group   // the sidebar: groups of entries, in order
	Pages     []*Page    // every page once, in table-of-contents order
	Redirects []Redirect // from .gitbook.yaml, resolved to URLs
	Diags     diag.List  // everything found wrong while loading

	firstPath string            // the URL the first page would have if it were not "/"
	byFile    map[string]*Page  // content-relative file path → page
	byURL     map[string]*Page  // URL path → page
	files     map[string]bool   // every file under the content root, for link checks
	dirs      map[string]bool   // every folder under the content root
	private   map[string]string // file → URL of each private page left out
}

// Group is a "##" section of the table of contents. The group of entries
// listed before the first heading has an empty Title.
type Group struct {
	Title   string
	Slug    string
	Entries []*Entry
}

// Entry is one item of the sidebar tree: a page, a second link to a page
// listed earlier, or an external link.
type Entry struct {
	ID       int    // depth-first index over the whole tree, stable for a given SUMMARY.md
	Title    string // sidebar text: the quoted link title, else the link text
	Page     *Page  // nil for an external link
	Anchor   string // "#fragment" of the entry's target, if any
	External string // URL of an external link
	Primary  bool   // true on the entry that defines its page (the first listing)
	Parent   *Entry
	Group    *Group
	Children []*Entry
}

// URL returns where the entry links to, relative to the site root for
// pages ("/a/b#x") and absolute for external links.
func (e *Entry) URL() string {
	if e.Page == nil {
		return e.External
	}
	return e.Page.URL + e.Anchor
}

// Page is one published page.
type Page struct {
	File      string // path relative to the content root, e.g. "company/about/README.md"
	URL       string // "/" for the first page, else "/group/parent/slug"
	NavTitle  string // the SUMMARY.md link text
	LinkTitle string // the quoted SUMMARY.md link title, else NavTitle
	Title     string // the page's H1 (set by the renderer), else NavTitle
	Missing   bool   // listed in SUMMARY.md, but the file does not exist
	// Private is set on a page that only signed-in readers may see: by
	// its front matter, a private pattern or a private page above it.
	Private bool

	Source      []byte // the whole file
	Body        []byte // the file after its front matter
	BodyOffset  int    // byte offset of Body in Source
	FrontMatter frontmatter.FrontMatter

	Entry   *Entry    // the sidebar entry that defines the page
	Index   int       // position in Book.Pages
	Prev    *Page     // previous page in reading order, hidden pages skipped
	Next    *Page     // next page in reading order, hidden pages skipped
	Updated time.Time // last commit that touched the file; zero when unknown
}

// Ancestors returns the pages above p in the table of contents, outermost
// first.
func (p *Page) Ancestors() []*Page {
	var out []*Page
	for e := p.Entry.Parent; e != nil; e = e.Parent {
		if e.Page != nil {
			out = append(out, e.Page)
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Group returns the table-of-contents group the page is listed in.
func (p *Page) Group() *Group { return p.Entry.Group }

// Hidden reports whether the page is left out of the sidebar and of
// previous/next.
func (p *Page) Hidden() bool { return p.FrontMatter.Hidden }

// Redirect sends an old URL path to a page.
type Redirect struct {
	From     string // URL path without leading slash and without fragment
	Fragment string // "" or the fragment the old URL must carry ("likes-and-wishes")
	To       string // target URL: page URL plus "#anchor" when the target has one
	Pos      diag.Pos
}

// PageByFile returns the page made from a content-relative file path.
func (b *Book) PageByFile(file string) *Page { return b.byFile[file] }

// PageByURL returns the page published at a URL path ("/a/b").
func (b *Book) PageByURL(url string) *Page { return b.byURL[url] }

// HasFile reports whether a content-relative path names an existing file.
func (b *Book) HasFile(file string) bool { return b.files[file] }

// Files returns every file under the content root, content-relative
// and sorted, as the book was loaded.
func (b *Book) Files() []string {
	out := make([]string, 0, len(b.files))
	for f := range b.files {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// HasDir reports whether a content-relative path names an existing folder.
func (b *Book) HasDir(dir string) bool { return dir == "." || dir == "" || b.dirs[dir] }

// Walk calls fn for every sidebar entry, depth first, in order.
func (b *Book) Walk(fn func(*Entry)) {
	var walk func([]*Entry)
	walk = func(es []*Entry) {
		for _, e := range es {
			fn(e)
			walk(e.Children)
		}
	}
	for _, g := range b.Groups {
		walk(g.Entries)
	}
}

// FirstPath returns the path the first page has besides "/" ("/company"),
// or "" when it has none, as for a README.md at the content root.
func (b *Book) FirstPath() string { return b.firstPath }
