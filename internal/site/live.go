package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/publish"
)

// Live is a built site kept up to date as its source changes, as
// "handbook serve" keeps it. An edit to a page renders that page again,
// and the pages that show part of it (its description on page cards, the
// files they include); a change to the table of contents, the
// configuration, the space variables or the block templates, or a file
// created or removed, builds the whole site again. When a build fails,
// the last good site stays published.
type Live struct {
	mu     sync.RWMutex
	s      *builder
	reload func(context.Context) (*book.Book, error)
	broken bool // the last whole build failed: the next update is one too
}

// Update is what one change to the source did to the site.
type Update struct {
	// Full is set when the whole site was built again.
	Full bool
	// Rendered are the URL paths, with the site base, of the pages
	// rendered again when Full is not set.
	Rendered []string
	// Files are the content-relative files published again: images and
	// other files pages link to, changed in place.
	Files []string
}

// Changed reports whether the update changed anything a reader sees.
func (u *Update) Changed() bool { return u.Full || len(u.Rendered) > 0 || len(u.Files) > 0 }

// BuildLive builds b into o.Out as Build does, and keeps what it needs to
// update the site as the source changes. reload loads the book again for
// changes that need a whole build. b must be a folder on disk.
func BuildLive(ctx context.Context, b *book.Book, o Options, reload func(context.Context) (*book.Book, error)) (*Live, *Result, error) {
	if b.Source == "" {
		return nil, nil, errors.New("live site: the book has no source folder")
	}
	o.Progress = nil
	s, res, err := build(ctx, b, o)
	if err != nil {
		if s != nil {
			s.close()
		}
		return nil, nil, err
	}
	s.splitLoadDiags()
	return &Live{s: s, reload: reload}, res, nil
}

// Close releases the source folder.
func (l *Live) Close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.s.close()
}

// Book returns the book of the last good build. Its pages change as the
// site is updated: read it within RLock.
func (l *Live) Book() *book.Book {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.s.b
}

// RLocker returns a lock that keeps the book from changing while held.
func (l *Live) RLocker() sync.Locker { return l.mu.RLocker() }

// Update brings the site up to date with the files at paths, slash
// separated and relative to the source folder, that were created,
// written or removed; nil paths mean anything may have changed. Once the
// pages are written, and before the search index and the files machines
// read are, pagesDone is told what changed, so browsers can reload at
// once. It returns the site's new Result, or nil when nothing changed.
// A failed update returns the error, the book's diagnostics as a
// diag.List when loading failed, and leaves the last good site.
func (l *Live) Update(ctx context.Context, paths []string, pagesDone func(*Update)) (*Result, *Update, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.s
	p := s.plan(paths)
	if l.broken {
		// The site being served is older than the source: only a whole
		// build can tell whether the source is good again.
		p.full = true
	}
	if !p.full {
		full, err := s.reread(p.pages)
		if err != nil {
			return nil, nil, err
		}
		p.full = full
	}
	if p.full {
		return l.rebuild(ctx, pagesDone)
	}
	up := &Update{}
	render := s.dependents(p.pages, p.reads)
	if len(render) == 0 && len(p.assets) == 0 {
		return nil, up, nil
	}
	dir, err := publish.Edit(s.o.Out)
	if err != nil {
		return nil, nil, err
	}
	defer dir.Close()
	s.out = dir
	for _, f := range p.reads {
		s.reads.Delete(f)
	}
	if err := s.renderPages(ctx, render); err != nil {
		return nil, nil, err
	}
	for _, pg := range render {
		up.Rendered = append(up.Rendered, s.href(pg.URL))
	}
	for _, f := range p.assets {
		if err := s.relink(f); err != nil {
			return nil, nil, err
		}
		up.Files = append(up.Files, f)
	}
	if pagesDone != nil {
		pagesDone(up)
	}
	if err := s.writeShared(); err != nil {
		return nil, nil, err
	}
	return s.result(), up, nil
}

// rebuild loads the book again and builds the whole site; the last good
// site stays when either fails.
func (l *Live) rebuild(ctx context.Context, pagesDone func(*Update)) (*Result, *Update, error) {
	l.broken = true
	b, err := l.reload(ctx)
	if err != nil {
		return nil, nil, err
	}
	s, res, err := build(ctx, b, l.s.o)
	if err != nil {
		if s != nil {
			s.close()
		}
		return nil, nil, err
	}
	s.splitLoadDiags()
	l.s.close()
	l.s, l.broken = s, false
	up := &Update{Full: true}
	if pagesDone != nil {
		pagesDone(up)
	}
	return res, up, nil
}

// plan is what a change to the source asks for.
type plan struct {
	full   bool         // build everything again
	pages  []*book.Page // pages whose file changed
	reads  []string     // content-relative files pages include or read
	assets []string     // content-relative files published as they are
}

// plan sorts the changed paths (relative to the source folder) into what
// they ask for.
func (s *builder) plan(paths []string) plan {
	var p plan
	if paths == nil {
		return plan{full: true}
	}
	published := map[string]bool{}
	s.files.Range(func(_, v any) bool { published[v.(string)] = true; return true })
	read := map[string]bool{}
	for i := range s.pages {
		for f := range s.pages[i].deps {
			read[f] = true
		}
	}
	b := s.b
	for _, rel := range paths {
		if rel == ".gitbook.yaml" || rel == "handbook.yaml" || strings.HasPrefix(rel+"/", templatesDir+"/") ||
			strings.HasPrefix(rel+"/", themeDir+"/") || s.b.Site.Theme.CSS != "" && rel == s.b.Site.Theme.CSS {
			return plan{full: true}
		}
		file, ok := contentFile(b.Content, rel)
		if !ok {
			continue
		}
		if file == b.GitBook.Summary || file == b.GitBook.Readme || file == varsFile {
			return plan{full: true}
		}
		fi, err := fs.Stat(s.fsys, rel)
		exists := err == nil && fi.Mode().IsRegular()
		isDir := err == nil && fi.IsDir()
		switch {
		case isDir && !b.HasDir(file), !isDir && b.HasDir(file) && file != ".":
			return plan{full: true} // a folder came or went
		case isDir:
			continue
		case exists != b.HasFile(file):
			return plan{full: true} // a file came or went: links may resolve otherwise
		case !exists:
			continue
		}
		if pg := b.PageByFile(file); pg != nil {
			p.pages = append(p.pages, pg)
		}
		if read[file] {
			p.reads = append(p.reads, file)
		}
		if published[file] {
			p.assets = append(p.assets, file)
		}
	}
	return p
}

// contentFile returns the content-relative path of rel, a path relative
// to the source folder; ok is false outside the content root.
func contentFile(content, rel string) (string, bool) {
	if content == "." || content == "" {
		return rel, true
	}
	f, ok := strings.CutPrefix(rel, content+"/")
	if !ok && rel == content {
		return ".", true
	}
	return f, ok
}

// reread reads the files of pages again. It reports whether the change
// needs a whole build: a page hidden or shown, kept from search engines
// or not (the sidebar, previous/next, the sitemap change), or a new title
// for the first page when it names the site.
func (s *builder) reread(pages []*book.Page) (full bool, err error) {
	for _, p := range pages {
		old := p.FrontMatter
		ds, err := s.b.ReadPage(s.fsys, p)
		if err != nil {
			return false, err
		}
		st := s.state(p)
		st.load = ds
		if old.Hidden != p.FrontMatter.Hidden || old.NoIndex != p.FrontMatter.NoIndex || old.Private != p.FrontMatter.Private {
			full = true
		}
		if p.Index == 0 && s.b.Site.Title == "" && s.firstTitle() != s.b.Title {
			full = true
		}
	}
	return full, nil
}

// dependents returns the pages to render for changes to the files of
// pages and to the files reads: those pages and every page that shows
// part of them, in reading order.
func (s *builder) dependents(pages []*book.Page, reads []string) []*book.Page {
	changed := map[string]bool{}
	for _, p := range pages {
		changed[p.File] = true
	}
	for _, f := range reads {
		changed[f] = true
	}
	var out []*book.Page
	for i, p := range s.b.Pages {
		if changed[p.File] {
			out = append(out, p)
			continue
		}
		for f := range s.pages[i].deps {
			if changed[f] {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// renderPages renders some pages into the output, as writePages renders
// them all.
func (s *builder) renderPages(ctx context.Context, pages []*book.Page) error {
	hashes := s.hashRedirects()
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		html, err := s.renderPage(p, hashes[p.URL])
		if err != nil {
			return fmt.Errorf("render %s: %w", s.b.SourcePath(p.File), err)
		}
		if err := s.out.WriteFile(outPath(p.URL), html); err != nil {
			return err
		}
	}
	return nil
}

// relink publishes a changed file again.
func (s *builder) relink(file string) error {
	var outs []string
	s.files.Range(func(k, v any) bool {
		if v.(string) == file {
			outs = append(outs, k.(string))
		}
		return true
	})
	slices.Sort(outs)
	for _, o := range outs {
		if err := s.out.LinkFile(o, filepath.Join(s.b.Source, filepath.FromSlash(s.b.SourcePath(file)))); err != nil {
			return fmt.Errorf("copy %s: %w", file, err)
		}
	}
	return nil
}

// writeShared writes again what gathers every page: the search index,
// the files pages link to for the first time, and what machines read.
func (s *builder) writeShared() error {
	s.llms.list = s.listing()
	if err := s.writeSearch(); err != nil {
		return err
	}
	if err := s.writeFiles(); err != nil {
		return err
	}
	if s.o.NoMachineReadable {
		return nil
	}
	return s.writeLLMs()
}

// splitLoadDiags moves the diagnostics of each page's front matter from
// the build's own to the page's, so that reading the page again replaces
// them.
func (s *builder) splitLoadDiags() {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rest diag.List
	for _, d := range s.diags {
		if p := s.b.PageByFile(strings.TrimPrefix(d.Pos.File, s.b.Content+"/")); p != nil && s.b.SourcePath(p.File) == d.Pos.File &&
			(d.Code == diag.FrontMatter || d.Code == diag.UnknownFrontMatter) {
			st := s.state(p)
			st.load = append(st.load, d)
			continue
		}
		rest = append(rest, d)
	}
	s.diags = rest
}
