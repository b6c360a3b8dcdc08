package site

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/llms"
	"github.com/handbookhq/handbook/internal/markdown"
)

// Every page has a Markdown twin at its URL + ".md"; llms.txt lists the
// twins of the pages search engines may index, grouped as the table of
// contents is, and llms-full.txt holds their text, a hundred pages to a
// file.

// llmsState gathers the twins of listed pages as pages render.
type llmsState struct {
	list []llms.Page // what llms.txt lists, from listing
	docs [][]byte    // by page index; nil for pages not listed
}

// listed reports whether llms.txt lists p: hidden pages are listed,
// pages kept out of search engines and missing files are not.
func listed(p *book.Page) bool { return !p.Missing && !p.NoIndex() }

// twinPath returns the output path of p's Markdown twin: its URL + ".md".
// The first page's twin is at its own path, as GitBook has it, or at
// README.md for a README at the content root.
func (s *builder) twinPath(p *book.Page) string {
	if p.URL != "/" {
		return strings.TrimPrefix(p.URL, "/") + ".md"
	}
	if f := strings.Trim(s.b.FirstPath(), "/"); f != "" {
		return f + ".md"
	}
	return "README.md"
}

// twinURL returns the URL of p's Markdown twin, absolute when the site
// has a base URL.
func (s *builder) twinURL(p *book.Page) string { return s.abs + s.href("/"+s.twinPath(p)) }

// twinHref returns the link from the page's HTML to its twin; "" when
// the build writes no twins.
func (s *builder) twinHref(p *book.Page) string {
	if s.o.NoMachineReadable {
		return ""
	}
	return s.href("/" + s.twinPath(p))
}

// listing returns the pages llms.txt lists, in table-of-contents order.
func (s *builder) listing() []llms.Page {
	var out []llms.Page
	for _, p := range s.b.Pages {
		if !listed(p) {
			continue
		}
		lp := llms.Page{
			Title:       p.LinkTitle,
			Description: llms.OneLine(p.FrontMatter.Description),
			URL:         s.abs + s.href(p.URL),
			Markdown:    s.twinURL(p),
			File:        s.twinPath(p),
			Source:      p.File,
			Hidden:      p.Hidden(),
		}
		if g := p.Group(); g != nil {
			lp.Group = g.Title
		}
		for e := p.Entry.Parent; e != nil; e = e.Parent {
			lp.Depth++
		}
		out = append(out, lp)
	}
	return out
}

// writeLLMs writes llms.txt and the llms-full files.
func (s *builder) writeLLMs() error {
	var idx bytes.Buffer
	if err := llms.WriteIndex(&idx, s.b.Title, s.b.Site.Description, s.llms.list); err != nil {
		return err
	}
	s.versionsLLMs(&idx)
	if err := s.out.WriteFile("llms.txt", idx.Bytes()); err != nil {
		return err
	}
	var docs [][]byte
	for _, d := range s.llms.docs {
		if d != nil {
			docs = append(docs, d)
		}
	}
	size := s.b.Site.LLMsFullPages
	if size < 1 {
		size = llms.DefaultBatch
	}
	n := llms.Batches(len(docs), size)
	for i := range n {
		batch := docs[min(i*size, len(docs)):min((i+1)*size, len(docs))]
		next := ""
		if i+1 < n {
			next = s.abs + s.href("/"+llms.FullName(i+1))
		}
		var buf bytes.Buffer
		if err := llms.WriteFull(&buf, batch, next); err != nil {
			return err
		}
		if err := s.out.WriteFile(llms.FullName(i), buf.Bytes()); err != nil {
			return fmt.Errorf("write %s: %w", llms.FullName(i), err)
		}
	}
	return nil
}

// writeTwin writes the Markdown twin of p: its title as the H1, its
// description as a paragraph, then its body in plain Markdown with links
// pointing at the twins of pages. A page with no body of its own lists
// its children, as llms.txt lines. Listed pages keep their twin for
// llms-full.txt.
func (s *builder) writeTwin(p *book.Page, body []byte) error {
	var out bytes.Buffer
	out.Grow(len(body) + 256)
	out.WriteString("# " + llms.OneLine(p.Title) + "\n")
	if desc := llms.OneLine(p.FrontMatter.Description); desc != "" {
		out.WriteString("\n" + desc + "\n")
	}
	rest := dropTitle(body)
	if len(bytes.TrimSpace(rest)) > 0 {
		out.WriteString("\n")
		out.Write(rest)
	} else if kids := visible(p.Entry.Children); len(kids) > 0 {
		out.WriteString("\n")
		for _, k := range kids {
			if k.Page != nil {
				s.depend(p, k.Page.File) // its description
				llms.WriteLine(&out, llms.Page{Title: k.Title, Markdown: s.twinURL(k.Page), Description: k.Page.FrontMatter.Description})
			} else {
				llms.WriteLine(&out, llms.Page{Title: k.Title, Markdown: k.External})
			}
		}
	}
	if listed(p) {
		s.llms.docs[p.Index] = out.Bytes()
	}
	if p.URL == "/" && s.twinPath(p) != "index.md" {
		// The first page's twin is also index.md, where tools that map
		// "/" to a file look for it.
		if err := s.out.WriteFile("index.md", out.Bytes()); err != nil {
			return err
		}
	}
	return s.out.WriteFile(s.twinPath(p), out.Bytes())
}

// dropTitle removes the leading H1 of a page's Markdown, which the twin
// writes itself.
func dropTitle(md []byte) []byte {
	rest := bytes.TrimLeft(md, "\n")
	if !bytes.HasPrefix(rest, []byte("# ")) {
		return md
	}
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		return bytes.TrimLeft(rest[i+1:], "\n")
	}
	return nil
}

// mdResolver resolves the links of a Markdown twin: links to pages point
// at their twins, links to files at the files, both absolute when the
// site has a base URL. A broken link becomes "broken://" and what was
// written, as on GitBook, so that agents do not follow it.
type mdResolver struct{ resolver }

// Link resolves a link destination.
func (r mdResolver) Link(dest string) (string, error) {
	u, err := r.resolver.Link(dest)
	if u == "" && err != nil {
		return "broken://" + strings.TrimPrefix(dest, "/"), nil
	}
	return r.s.twinLink(u), nil
}

// Image resolves an image source.
func (r mdResolver) Image(dest string) (string, error) {
	u, err := r.resolver.Image(dest)
	if u == "" && err != nil {
		return "broken://" + strings.TrimPrefix(dest, "/"), nil
	}
	return r.s.twinLink(u), nil
}

// Page resolves a page link for a page card.
func (r mdResolver) Page(dest string) (markdown.PageRef, error) {
	ref, err := r.resolver.Page(dest)
	ref.URL = r.s.twinLink(ref.URL)
	return ref, err
}

// File resolves a file link for a download card.
func (r mdResolver) File(dest string) (markdown.FileRef, error) {
	ref, err := r.resolver.File(dest)
	ref.URL = r.s.twinLink(ref.URL)
	return ref, err
}

// twinLink turns a URL of the HTML site into the one a Markdown twin
// uses: a page's twin, or the same URL made absolute.
func (s *builder) twinLink(u string) string {
	rest, ok := strings.CutPrefix(u, s.base)
	if !ok || u == "" || isExternal(u) {
		return u
	}
	p, frag, hasFrag := strings.Cut(rest, "#")
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}
	pg := s.b.PageByURL("/" + p)
	if pg == nil {
		return s.abs + u
	}
	if hasFrag {
		return s.twinURL(pg) + "#" + frag
	}
	return s.twinURL(pg)
}
