package site

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/markdown"
	"github.com/handbookhq/handbook/internal/printview"
	"github.com/handbookhq/handbook/internal/theme"
)

// printBase is the URL prefix of the print view's links and files: they
// are relative, so the view works from a folder as well as from a server.
const printBase = "./"

// PrintReady is a JavaScript expression that is true once the print view
// has finished drawing: every diagram drawn.
const PrintReady = `Array.from(document.querySelectorAll("pre.mermaid")).every(n => n.hasAttribute("data-processed"))`

// PrintOptions say what a print view holds and what its cover says.
type PrintOptions struct {
	// Scope selects the pages; the zero Scope is the whole handbook.
	Scope PrintScope
	// Version is shown on the cover; "" shows none.
	Version string
	// Date is shown on the cover; the zero time means now.
	Date time.Time
	// SiteURL is where the handbook is served ("https://handbook.example.com/"):
	// links to pages outside the view go there. "" means base_url, and
	// without one such links lose their target and stay as text.
	SiteURL string
	// Progress, when set, is called as pages are rendered.
	Progress func(done, total int)
}

// PrintDoc is a rendered print view: one HTML document with the selected
// pages in table-of-contents order, and the files it loads.
type PrintDoc struct {
	Title string // the cover's title
	Pages int    // how many pages of the handbook it holds
	HTML  []byte // index.html

	assets []theme.Asset
	files  map[string]string // output path → content-relative source file
	b      *book.Book
}

// Print renders the print view of the pages o.Scope selects: a cover, a
// table of contents when there is more than one page, a title page for
// each group, and every page with its IDs made unique, its headings
// levelled for the PDF outline under the table of contents, every
// expandable open, and links between its pages turned into links inside
// the document. It does not change b.
func Print(ctx context.Context, b *book.Book, o PrintOptions) (*PrintDoc, error) {
	pages, err := o.Scope.pages(b)
	if err != nil {
		return nil, err
	}
	s, err := newBuilder(b, Options{})
	if err != nil {
		return nil, err
	}
	if s.root != nil {
		defer s.root.Close()
	}
	siteURL := o.SiteURL
	if siteURL == "" && b.Site.BaseURL != "" {
		siteURL = s.abs + s.base
	}
	s.base = printBase
	th, err := s.compileTheme()
	if err != nil {
		return nil, err
	}
	s.theme = th
	s.site = s.siteView("")
	// The title as a build settles it, without settling it in b.
	if s.site.Title == "" {
		s.site.Title = s.firstTitle()
	}

	pv := &printView{s: s, pages: pages, siteURL: strings.TrimSuffix(siteURL, "/"), targets: map[string]*printBody{}}
	pv.groups = o.Scope.hasGroups(b)
	parts, mermaid, err := pv.render(ctx, o.Progress)
	if err != nil {
		return nil, err
	}

	date := o.Date
	if date.IsZero() {
		date = time.Now()
	}
	v := &theme.Print{
		Site:    s.site,
		Title:   s.site.Title,
		Version: o.Version,
		Date:    date,
		URL:     b.Site.BaseURL,
		Parts:   parts,
		Mermaid: mermaid,
	}
	if t := o.Scope.title(b, pages, parts); t != "" {
		v.Title, v.Subtitle = t, s.site.Title
	}
	if len(pages) > 1 {
		v.Contents = contents(parts)
	}
	html, err := th.RenderPrint(v)
	if err != nil {
		return nil, fmt.Errorf("render the print view: %w", err)
	}
	doc := &PrintDoc{Title: v.Title, Pages: len(pages), HTML: html, b: b, files: map[string]string{}}
	s.files.Range(func(k, v any) bool { doc.files[k.(string)] = v.(string); return true })
	for _, a := range append(th.Assets(), th.PrintAssets()...) {
		if a.Optional() && !mermaid || strings.HasPrefix(a.Path, "_handbook/nav.") || strings.HasPrefix(a.Path, "_handbook/init.") || strings.HasPrefix(a.Path, "_handbook/favicon.") {
			continue
		}
		doc.assets = append(doc.assets, a)
	}
	return doc, nil
}

// printView renders the parts of one print view.
type printView struct {
	s       *builder
	pages   []*book.Page
	siteURL string                // without a trailing "/"; "" for none
	targets map[string]*printBody // a page's href in the view → its rendered page
	groups  bool                  // groups have title pages
}

// groupID is the ID of a group's title page.
func groupID(b *book.Book, g *book.Group) string {
	for i, bg := range b.Groups {
		if bg == g {
			return fmt.Sprintf("g%d", i)
		}
	}
	return "g"
}

// pageID is the ID of a page's part, and the prefix of its IDs.
func pageID(p *book.Page) string { return fmt.Sprintf("p%d", p.Index) }

// render renders every page on all cores and lays out the parts: group
// title pages before their first page, levels from the table of contents.
func (pv *printView) render(ctx context.Context, onProgress func(done, total int)) ([]theme.PrintPart, bool, error) {
	bodies := make([]printBody, len(pv.pages))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	pr := &progress{fn: onProgress, total: len(pv.pages)}
	for i, p := range pv.pages {
		g.Go(func() (err error) {
			if err := ctx.Err(); err != nil {
				return err
			}
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("render %s: internal error: %v", pv.s.b.SourcePath(p.File), r)
				}
			}()
			bodies[i], err = pv.body(p)
			if err != nil {
				return fmt.Errorf("render %s: %w", pv.s.b.SourcePath(p.File), err)
			}
			pr.tick()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, false, err
	}

	inView := map[*book.Page]bool{}
	for _, p := range pv.pages {
		inView[p] = true
	}
	// The levels start at the view's outermost page.
	top := 1 << 30
	for _, p := range pv.pages {
		top = min(top, viewDepth(p, inView))
	}
	for i, p := range pv.pages {
		pv.targets[pv.s.href(p.URL)] = &bodies[i]
	}
	var parts []theme.PrintPart
	var group *book.Group
	mermaid := false
	for i, p := range pv.pages {
		level := viewDepth(p, inView) - top + 1
		if g := p.Group(); pv.groups && g != nil && g.Title != "" {
			if g != group {
				parts = append(parts, theme.PrintPart{Group: true, ID: groupID(pv.s.b, g), Title: g.Title, Level: 1})
			}
			level++
		}
		group = p.Group()
		level = min(level, printview.MaxLevel)
		var body bytes.Buffer
		body.Grow(len(bodies[i].html) + 1024)
		printview.Page{Prefix: pageID(p) + "-", Level: level, Link: pv.link}.Rewrite(&body, bodies[i].html)
		mermaid = mermaid || bytes.Contains(body.Bytes(), []byte(`<pre class="mermaid">`))
		parts = append(parts, theme.PrintPart{
			ID:          pageID(p),
			Title:       bodies[i].title,
			Level:       level,
			Path:        pv.s.href(p.URL),
			Breadcrumbs: breadcrumbTitles(p),
			Description: p.FrontMatter.Description,
			Content:     template.HTML(body.String()),
			Wide:        p.FrontMatter.Layout.Width == "wide",
		})
	}
	return parts, mermaid, nil
}

// viewDepth is how many of p's ancestors are in the view, plus one.
func viewDepth(p *book.Page, inView map[*book.Page]bool) int {
	d := 1
	for _, a := range p.Ancestors() {
		if inView[a] {
			d++
		}
	}
	return d
}

// breadcrumbTitles are the titles of p's group and the pages above it.
func breadcrumbTitles(p *book.Page) []string {
	var out []string
	if g := p.Group(); g != nil && g.Title != "" {
		out = append(out, g.Title)
	}
	for _, a := range p.Ancestors() {
		out = append(out, a.LinkTitle)
	}
	return out
}

// printBody is a page's part ID, title and rendered content.
type printBody struct {
	id    string
	title string
	html  []byte
}

// body renders the content of p as its page shows it.
func (pv *printView) body(p *book.Page) (printBody, error) {
	s := pv.s
	inc := &includes{s: s, page: p}
	d := s.md.ParseWith(p.Body, markdown.ParseOptions{Include: inc.read})
	title := p.Title
	if t := d.Title(); t != "" {
		title = t
	}
	var body bytes.Buffer
	body.Grow(len(p.Body) * 2)
	if _, err := s.md.Render(&body, d, resolver{s, p}); err != nil {
		return printBody{}, err
	}
	if len(bytes.TrimSpace(body.Bytes())) == 0 {
		s.childList(&body, p)
	}
	return printBody{id: pageID(p), title: title, html: body.Bytes()}, nil
}

// link maps a link of a page in the view: to a page in the view, an
// anchor there; to another page or file of the site, its address on the
// site when that is known, else nothing (the text stays); elsewhere,
// unchanged.
func (pv *printView) link(href string) (string, bool) {
	rel, ok := strings.CutPrefix(href, printBase)
	if !ok {
		return "", false // external, or already an anchor
	}
	p, frag, hasFrag := strings.Cut(href, "#")
	if t, ok := pv.targets[p]; ok {
		// A heading the page does not have leads to the page.
		if !hasFrag || frag == "" || !bytes.Contains(t.html, []byte(` id="`+frag+`"`)) {
			return "#" + t.id, true
		}
		return "#" + t.id + "-" + frag, true
	}
	if pv.siteURL == "" {
		return "", true
	}
	return pv.siteURL + "/" + rel, true
}

// contents is the table of contents of the parts: groups, and pages
// nested under the page above them by their levels.
func contents(parts []theme.PrintPart) []theme.PrintEntry {
	var root []theme.PrintEntry
	// stack[i] is the list that entries of level i+1 are added to.
	stack := []*[]theme.PrintEntry{&root}
	for _, p := range parts {
		lvl := min(p.Level, len(stack))
		stack = stack[:lvl]
		list := stack[lvl-1]
		*list = append(*list, theme.PrintEntry{ID: p.ID, Title: p.Title})
		last := &(*list)[len(*list)-1]
		stack = append(stack, &last.Children)
	}
	return root
}
