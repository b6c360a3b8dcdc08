package site

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/markdown"
	"github.com/handbookhq/handbook/internal/theme"
)

// prepare makes what every page shares: the theme, the navigation, the
// site's view, and a place for each page's state.
func (s *builder) prepare() error {
	th, err := s.compileTheme()
	if err != nil {
		return err
	}
	s.theme = th
	nav, err := s.navJSON()
	if err != nil {
		return err
	}
	s.site = s.siteView(th.AddAsset("nav.json", nav))
	s.buildCollapsed()
	s.initSearch()
	s.pages = make([]pageState, len(s.b.Pages))
	return nil
}

// write renders everything into the temporary output.
func (s *builder) write(ctx context.Context) error {
	if err := s.prepare(); err != nil {
		return err
	}
	th := s.theme
	if !s.o.NoMachineReadable {
		s.site.LLMsURL = s.href("/llms.txt")
	}
	switch {
	case s.o.PDF != "":
		s.site.PDFURL = s.base + PDFName
	case s.o.PDFEndpoint != "":
		s.site.PDFURL = s.o.PDFEndpoint + "/"
	}
	s.llms.list = s.listing()
	s.llms.docs = make([][]byte, len(s.b.Pages))

	if err := s.writePages(ctx); err != nil {
		return err
	}
	// What remains reads the rendered pages and writes files of its own:
	// the search index, the rest of the site, and what machines read are
	// written side by side.
	var g errgroup.Group
	g.Go(s.writeSearch)
	g.Go(func() error {
		return inOrder(s.writeFiles, s.writeRedirects, s.writeNotFound, s.writeSitemap, s.writeRobots)
	})
	if !s.o.NoMachineReadable {
		g.Go(func() error { return inOrder(s.writeLLMs, s.writeChanges) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if s.o.PDF != "" {
		if err := s.out.LinkFile(PDFName, s.o.PDF); err != nil {
			return fmt.Errorf("publish the PDF: %w", err)
		}
	}
	for _, a := range th.Assets() {
		if a.Optional() && !s.mermaid.Load() {
			continue
		}
		if err := s.out.WriteFile(a.Path, a.Data); err != nil {
			return err
		}
	}
	return nil
}

// inOrder runs writes one after the other, stopping at the first error.
func inOrder(writes ...func() error) error {
	for _, write := range writes {
		if err := write(); err != nil {
			return err
		}
	}
	return nil
}

// siteView is what every page shares.
func (s *builder) siteView(navPath string) *theme.Site {
	cfg := s.b.Site
	v := &theme.Site{
		Title:   s.b.Title,
		Base:    s.base,
		HomeURL: s.base,
		NavURL:  s.base + navPath,
		Lang:    "en",
	}
	root := &book.Page{File: "handbook.yaml"}
	if cfg.Logo != "" {
		if u, err := s.resolve(root, cfg.Logo, true); err == nil {
			v.LogoURL = u
		} else {
			s.addDiags(diag.Warnf(s.cfgPos("logo"), "logo: %v", err))
		}
	}
	if dark := cfg.Theme.LogoDark; dark != "" {
		if u, err := s.resolve(root, dark, true); err == nil {
			v.LogoDarkURL = u
		} else {
			s.addDiags(diag.Warnf(s.cfgPos("theme.logo_dark"), "theme.logo_dark: %v", err))
		}
	}
	if s.theme != nil {
		if css := s.theme.CustomCSS(); css != "" {
			v.ExtraCSS = s.base + css
		}
	}
	for i, l := range cfg.Links {
		u, err := s.resolve(root, l.URL, false)
		if err != nil {
			s.addDiags(diag.Warnf(s.cfgPos(fmt.Sprintf("links.%d.url", i)), "header link %q: %v", l.Title, err))
			continue
		}
		v.Links = append(v.Links, theme.Link{Title: l.Title, URL: u, External: isExternal(u)})
	}
	v.Links = append(v.Links, s.o.HeaderLinks...)
	if cfg.Footer != "" {
		var buf bytes.Buffer
		probs, err := s.md.Render(&buf, s.md.Parse([]byte(cfg.Footer)), resolver{s, root})
		if err == nil {
			v.Footer = template.HTML(buf.String())
		}
		for _, p := range probs {
			s.addDiags(diag.Warnf(s.cfgPos("footer"), "footer: %s", p.Msg))
		}
	}
	return v
}

func (s *builder) cfgPos(key string) diag.Pos {
	if p, ok := s.b.Site.Pos[key]; ok {
		return p
	}
	return diag.Pos{File: "handbook.yaml"}
}

// writePages renders pages on all cores.
func (s *builder) writePages(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	pr := &progress{fn: s.o.Progress, total: len(s.b.Pages)}
	hashes := s.hashRedirects()
	for _, p := range s.b.Pages {
		g.Go(func() (err error) {
			if err := ctx.Err(); err != nil {
				return err
			}
			// A bug in rendering one page must not take the process down
			// with a stack trace; it fails the build, naming the page.
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("render %s: internal error: %v", s.b.SourcePath(p.File), r)
				}
			}()
			html, err := s.renderPage(p, hashes[p.URL])
			if err != nil {
				return fmt.Errorf("render %s: %w", s.b.SourcePath(p.File), err)
			}
			pr.tick()
			return s.out.WriteFile(outPath(p.URL), html)
		})
	}
	return g.Wait()
}

// outPath is where a page URL is written: pretty URLs, "/a/b" is
// "a/b/index.html".
func outPath(url string) string {
	if url == "/" {
		return "index.html"
	}
	return strings.TrimPrefix(url, "/") + "/index.html"
}

// renderPage parses and renders one page; its syntax tree is dropped when
// it is written, so memory does not grow with the book.
func (s *builder) renderPage(p *book.Page, hashRedirects string) ([]byte, error) {
	if st := s.state(p); st != nil {
		st.uses, st.deps = nil, nil
	}
	inc := &includes{s: s, page: p}
	r, err := s.render(p, inc)
	if err != nil {
		return nil, err
	}
	d, probs := r.d, r.probs
	if t := d.Title(); t != "" {
		p.Title = t
	}
	s.addToSearch(p, d)
	body := bytes.NewBuffer(r.html)
	if len(bytes.TrimSpace(body.Bytes())) == 0 {
		s.childList(body, p)
	}
	if !s.o.NoMachineReadable {
		if err := s.writeTwin(p, r.twin); err != nil {
			return nil, err
		}
	}
	file := s.b.SourcePath(p.File)
	pos := func(in string, off int) diag.Pos {
		if in != "" {
			return inc.pos(in, off)
		}
		return diag.At(file, p.Source, p.BodyOffset+off)
	}
	var diags diag.List
	for _, pr := range append(d.Problems(), probs...) {
		dg := diag.Warnf(pos(pr.File, pr.Offset), "%s", pr.Msg)
		dg.Hint, dg.Code = pr.Hint, pr.Code
		diags.Add(dg)
	}
	if st := s.state(p); st != nil {
		st.diags = diags
		s.settleUses(p, body.Bytes(), pos)
	} else {
		s.addDiags(diags...)
	}
	feedURL := ""
	if ups := d.Updates(); len(ups) > 0 {
		if err := s.writeFeed(p, ups); err != nil {
			return nil, err
		}
		feedURL = s.base + feedPath(p.URL)
	}
	mermaid := bytes.Contains(body.Bytes(), []byte(`<pre class="mermaid">`))
	if mermaid {
		s.mermaid.Store(true)
	}
	s.gitFacts(p)
	fm := p.FrontMatter
	v := &theme.Page{
		Site:            s.withVersions(p.URL),
		Title:           p.Title,
		Description:     fm.Description,
		URL:             s.href(p.URL),
		NoIndex:         p.NoIndex() || p.Private, // search engines never see private pages
		Breadcrumbs:     s.breadcrumbs(p),
		Sidebar:         s.sidebar(p),
		Outline:         outline(shown(d.Headings(), body.Bytes())),
		Content:         template.HTML(body.String()),
		Mermaid:         mermaid,
		FeedURL:         feedURL,
		Updated:         p.Updated,
		PDFURL:          s.pdfURL(p),
		MarkdownURL:     s.twinHref(p),
		FeedbackURL:     s.o.FeedbackURL,
		Wide:            fm.Layout.Width == "wide",
		ShowTitle:       fm.Layout.Title,
		ShowDescription: fm.Layout.Description,
		ShowSidebar:     fm.Layout.TableOfContents,
		ShowOutline:     fm.Layout.Outline,
		ShowPagination:  fm.Layout.Pagination,
		ShowMetadata:    fm.Layout.Metadata,
		HashRedirects:   template.JS(hashRedirects),
	}
	v.Canonical = s.canonical(p.URL)
	v.Summary = summary(fm.Description, d)
	if p.Prev != nil {
		v.Prev = &theme.Link{Title: p.Prev.LinkTitle, URL: s.href(p.Prev.URL)}
	}
	if p.Next != nil {
		v.Next = &theme.Link{Title: p.Next.LinkTitle, URL: s.href(p.Next.URL)}
	}
	if !p.Missing {
		// Without git, an edit_url template still works, with the path
		// from the source folder and no branch.
		file := s.b.SourcePath(p.File)
		if s.repo != nil {
			file = s.repoPath(s.gitPrefix, p)
		}
		v.EditURL = s.repo.EditURL(s.b.Site.EditURL, file)
		v.EditLabel = editLabel(v.EditURL)
	}
	return s.theme.RenderPage(v)
}

// pdfURL is where "Export as PDF" on page p links: its place in the
// published PDF of the whole handbook, or the server's PDF of the page;
// "" when there is neither.
func (s *builder) pdfURL(p *book.Page) string {
	switch {
	case s.o.PDF != "" && printed(p):
		return s.base + PDFName + "#" + pageID(p)
	case s.o.PDF != "":
		return s.base + PDFName
	case s.o.PDFEndpoint == "":
		return ""
	case p.URL == "/":
		return s.o.PDFEndpoint + "/?page=/"
	}
	return s.o.PDFEndpoint + s.href(p.URL)[len(s.base)-1:]
}

// childList gives a page with no content of its own a list of the pages
// below it, as GitBook does for empty parent pages.
func (s *builder) childList(w *bytes.Buffer, p *book.Page) {
	kids := visible(p.Entry.Children)
	if len(kids) == 0 {
		return
	}
	w.WriteString(`<ul class="hb-children">` + "\n")
	for _, k := range kids {
		w.WriteString(`<li><a href="`)
		template.HTMLEscape(w, []byte(s.entryURL(k)))
		w.WriteString(`">`)
		template.HTMLEscape(w, []byte(k.Title))
		w.WriteString("</a></li>\n")
	}
	w.WriteString("</ul>\n")
}

func editLabel(u string) string {
	switch {
	case strings.Contains(u, "github"):
		return "Edit on GitHub"
	case strings.Contains(u, "gitlab"):
		return "Edit on GitLab"
	}
	return "Edit on Git"
}

// breadcrumbs are the page's group, then the pages above it.
func (s *builder) breadcrumbs(p *book.Page) []theme.Link {
	var out []theme.Link
	if g := p.Group(); g != nil && g.Title != "" {
		out = append(out, theme.Link{Title: g.Title})
	}
	for _, a := range p.Ancestors() {
		out = append(out, theme.Link{Title: a.LinkTitle, URL: s.href(a.URL)})
	}
	return out
}

// shown returns the headings the rendered body has: content a reader does
// not see (a branch of a condition that does not hold) leaves the outline
// with its headings. An ID with characters HTML escapes is kept.
func shown(hs []markdown.Heading, body []byte) []markdown.Heading {
	var out []markdown.Heading
	for _, h := range hs {
		if strings.ContainsAny(h.ID, "&<>\"'") || bytes.Contains(body, []byte(` id="`+h.ID+`"`)) {
			out = append(out, h)
		}
	}
	return out
}

// outline is "On this page": level-2 headings with their level-3 children.
func outline(hs []markdown.Heading) []theme.OutlineItem {
	var out []theme.OutlineItem
	for _, h := range hs {
		switch {
		case h.Level == 2:
			out = append(out, theme.OutlineItem{ID: h.ID, Text: h.Text})
		case h.Level == 3 && len(out) > 0:
			last := &out[len(out)-1]
			last.Children = append(last.Children, theme.OutlineItem{ID: h.ID, Text: h.Text})
		case h.Level == 3:
			out = append(out, theme.OutlineItem{ID: h.ID, Text: h.Text})
		}
	}
	return out
}

// writeFiles links every image and file that pages use into the output.
func (s *builder) writeFiles() error {
	var outs []string
	s.files.Range(func(k, _ any) bool { outs = append(outs, k.(string)); return true })
	slices.Sort(outs)
	for _, o := range outs {
		if _, done := s.linked.LoadOrStore(o, true); done {
			continue // a live update publishes only files linked for the first time
		}
		src, _ := s.files.Load(o)
		name := s.b.SourcePath(src.(string))
		if s.b.Source == "" {
			data, err := fs.ReadFile(s.b.FS, name)
			if err == nil {
				err = s.out.WriteFile(o, data)
			}
			if err != nil {
				return fmt.Errorf("copy %s: %w", name, err)
			}
			continue
		}
		if err := s.out.LinkFile(o, filepath.Join(s.b.Source, filepath.FromSlash(name))); err != nil {
			return fmt.Errorf("copy %s: %w", name, err)
		}
	}
	return nil
}

// writeNotFound writes 404.html.
func (s *builder) writeNotFound() error {
	html, err := theme.Render(s.theme.NotFound, &theme.NotFound{Site: s.withVersions(""), Sidebar: s.sidebar(nil)})
	if err != nil {
		return fmt.Errorf("render 404 page: %w", err)
	}
	return s.out.WriteFile("404.html", html)
}

// writeSitemap writes sitemap.xml: every indexable page in reading order.
func (s *builder) writeSitemap() error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range s.b.Pages {
		if p.NoIndex() || p.Missing || p.Private {
			continue
		}
		b.WriteString("<url><loc>")
		template.HTMLEscape(&b, []byte(s.abs+s.href(p.URL)))
		b.WriteString("</loc>")
		if !p.Updated.IsZero() {
			b.WriteString("<lastmod>" + p.Updated.UTC().Format("2006-01-02") + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return s.out.WriteFile("sitemap.xml", b.Bytes())
}

// writeRobots writes robots.txt, naming the sitemap when its URL is known.
func (s *builder) writeRobots() error {
	if s.o.Prefix != "" {
		return nil // one robots.txt, at the site root
	}
	txt := "User-agent: *\nAllow: /\n"
	if s.abs != "" {
		txt += "\nSitemap: " + s.abs + s.base + "sitemap.xml\n"
	}
	return s.out.WriteFile("robots.txt", []byte(txt))
}

func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // maps of strings always marshal
	}
	return string(data)
}

// summary describes a page in a sentence or two for search engines and
// link previews: its description, else the start of its first text, cut
// at a word near 160 characters.
func summary(description string, d *markdown.Doc) string {
	if description != "" {
		return description
	}
	for _, sec := range d.Sections() {
		t := strings.Join(strings.Fields(sec.Text), " ")
		if t == "" {
			continue
		}
		if len(t) <= 160 {
			return t
		}
		cut := strings.LastIndexByte(t[:160], ' ')
		if cut < 80 {
			for cut = 160; !utf8.RuneStart(t[cut]); cut-- {
			}
		}
		return strings.TrimRight(t[:cut], " ,;:") + "…"
	}
	return ""
}
