package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/gitinfo"
	"github.com/handbookhq/handbook/internal/llms"
	"github.com/handbookhq/handbook/internal/markdown"
	"github.com/handbookhq/handbook/internal/publish"
	"github.com/handbookhq/handbook/internal/theme"
)

// Options tune a build.
type Options struct {
	Out string // output directory; replaced only when the build succeeds
	// NoGit skips reading history: no "Last updated" and no derived edit links.
	NoGit bool
	// NoMachineReadable leaves out what machines read besides the
	// sitemap: Markdown twins, llms.txt, llms-full.txt and the change
	// feed. Benchmarks use it to measure what those cost.
	NoMachineReadable bool
	// FeedbackURL is the address the "Was this helpful?" widget posts
	// ratings to; "" leaves the widget out.
	FeedbackURL string
	// PDFEndpoint is the URL path a server makes PDFs under (PDFEndpoint
	// + "/" the whole handbook, + a page's path that page): every page's
	// "Export as PDF" links there. "" with PDF unset leaves the link out.
	PDFEndpoint string
	// PDF is a PDF file of the whole handbook to publish as handbook.pdf;
	// "Export as PDF" then links to the page in it.
	PDF string
	// Prefix is the folder of the output the site is written to and
	// its path under the base URL: VersionPrefix of a version that is
	// not the default, else "".
	Prefix string
	// Versions lists every version of the handbook, the default first,
	// for the version selector; Current is the one being built. Empty
	// for a handbook with one version.
	Versions []Version
	Current  int
	// GitDir, GitRef and GitPrefix say where the history of a book read
	// from git objects is: the repository, the version's ref, and the
	// source folder relative to the repository's top ("." for the top).
	// A book read from a folder finds its history itself.
	// GitBranch is the version's name, for edit links.
	GitDir, GitRef, GitPrefix, GitBranch string
	// Memo, when set, shares the pages that are the same in several
	// builds, as between the versions of a handbook.
	Memo *Memo
	// HeaderLinks are added to the header's links, after handbook.yaml's.
	HeaderLinks []theme.Link
	// Progress, when set, is called as pages are rendered.
	Progress func(done, total int)
	Logger   *slog.Logger
}

// PDFName is where Options.PDF is published, under the site's base.
const PDFName = "handbook.pdf"

// Result describes a finished build.
type Result struct {
	Title     string // the site title
	Pages     int
	Files     int               // images and other files copied
	Redirects map[string]string // old URL path ("/a/b") → new URL, for servers that answer 301
	URLs      []string          // every page's URL path, with the site base, in reading order
	// Listing is every page that llms.txt lists, in its order: what agents
	// and the MCP server see of the table of contents.
	Listing []llms.Page
	// TOC is every page in reading order with its table-of-contents title
	// and section, for reports such as the feedback insights.
	TOC []TOCPage
	// BaseURL is handbook.yaml's base_url, or "".
	BaseURL string
	// Branch is the git branch the site was built from: the handbook
	// version readers see. It is "" when history was not read or the
	// checkout is detached.
	Branch string
	Diags  diag.List
}

// TOCPage is one page of the table of contents.
type TOCPage struct {
	Path    string // URL path, with the site base, as in Result.URLs
	Title   string // the table-of-contents title
	Section string // the group's title; without groups, the top-level page's
}

// Build renders b into o.Out.
func Build(ctx context.Context, b *book.Book, o Options) (*Result, error) {
	s, res, err := build(ctx, b, o)
	if s != nil {
		s.close()
	}
	return res, err
}

// build renders b into o.Out and returns the builder, which holds the
// source folder open until close, with the result. The builder is
// returned, to be closed, even when the build fails.
func build(ctx context.Context, b *book.Book, o Options) (*builder, *Result, error) {
	s, err := newBuilder(b, o)
	if err != nil {
		return nil, nil, err
	}
	out, err := publish.Begin(o.Out)
	if err != nil {
		return s, nil, err
	}
	s.out = out
	if err := s.run(ctx); err != nil {
		_ = out.Abort()
		return s, nil, err
	}
	if err := out.Commit(); err != nil {
		_ = out.Abort()
		return s, nil, fmt.Errorf("publish %s: %w", o.Out, err)
	}
	return s, s.result(), nil
}

// run renders the site into s.out. History is read by one git process
// while pages are rendered; a page waits for it only when its body is
// done.
func (s *builder) run(ctx context.Context) error {
	s.gitDone = make(chan struct{})
	go func() {
		defer close(s.gitDone)
		if !s.o.NoGit {
			s.openGit(ctx)
		}
	}()
	defer func() { <-s.gitDone }()
	s.siteTitle()
	return s.write(ctx)
}

// close releases the source folder.
func (s *builder) close() {
	if s.root != nil {
		_ = s.root.Close()
	}
}

// result describes the site as built.
func (s *builder) result() *Result {
	b := s.b
	urls := make([]string, len(b.Pages))
	toc := make([]TOCPage, len(b.Pages))
	for i, p := range b.Pages {
		urls[i] = s.href(p.URL)
		toc[i] = TOCPage{Path: urls[i], Title: p.NavTitle, Section: section(p)}
	}
	branch := ""
	if s.repo != nil {
		branch = s.repo.Branch
	}
	return &Result{
		Title: b.Title, Pages: len(b.Pages), Files: s.fileCount(), Redirects: s.redirectMap(), URLs: urls,
		Listing: s.llms.list, TOC: toc, BaseURL: b.Site.BaseURL, Branch: branch, Diags: s.allDiags(),
	}
}

// section names the part of the handbook p belongs to: its group, or,
// outside any titled group, the top-level page above it (or p itself).
func section(p *book.Page) string {
	if g := p.Group(); g != nil && g.Title != "" {
		return g.Title
	}
	if a := p.Ancestors(); len(a) > 0 {
		return a[0].NavTitle
	}
	return p.NavTitle
}

// builder holds the state of one build.
type builder struct {
	b           *book.Book
	o           Options
	md          *markdown.Engine
	theme       *theme.Theme
	site        *theme.Site
	docs        []*markdown.Doc
	repo        *gitinfo.Repo // nil without history; set before gitDone closes
	gitDone     chan struct{}
	out         output
	base        string   // URL path prefix, ending in "/"
	rootBase    string   // the site's URL path prefix, without the version's
	abs         string   // scheme and host of base_url, or ""
	host        string   // host of base_url, or ""
	gitPrefix   string   // source folder relative to the git top level
	collapsed   []string // sidebar <li> of each entry, closed, by entry ID
	sidebarSize int      // a sidebar's expected size, to allocate once

	templatesSum string // of the handbook's own block templates, "" for none

	check     bool              // a check: nothing is written, and more is reported
	onInclude func(file string) // when set, told of every file a page includes
	pages     []pageState       // by page index: what each rendered page holds and links to

	mu     sync.Mutex
	diags  diag.List // what is not a page's own: loading, configuration
	files  sync.Map  // output path → content-relative source file
	linked sync.Map  // output paths writeFiles has published

	root    *os.Root       // the source folder, or nil for a book in an fs.FS
	fsys    fs.FS          // the source, read-only and confined to it
	vars    map[string]any // space variables, from .gitbook/vars.yaml
	reads   sync.Map       // content-relative file → *fileRead, for blocks that read files
	mermaid atomic.Bool    // a page has diagrams
	search  searchState
	llms    llmsState
	changes changesState
}

func newBuilder(b *book.Book, o Options) (*builder, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	s := &builder{b: b, o: o, base: "/", fsys: b.FS}
	s.diags = append(s.diags, b.Diags...)
	var tmpl fs.FS
	if b.Source != "" {
		root, err := os.OpenRoot(b.Source)
		if err != nil {
			return nil, fmt.Errorf("open source: %w", err)
		}
		s.root, s.fsys = root, root.FS()
	}
	// A book read from git objects has its own templates too.
	if fi, err := fs.Stat(s.fsys, templatesDir); err == nil && fi.IsDir() {
		if sub, err := fs.Sub(s.fsys, templatesDir); err == nil {
			tmpl = sub
		}
	}
	s.templatesSum = templatesSum(tmpl)
	md, err := markdown.NewWith(markdown.Options{Templates: tmpl})
	if err != nil {
		if s.root != nil {
			_ = s.root.Close()
		}
		return nil, fmt.Errorf("%s: %w", templatesDir, err)
	}
	s.md = md
	s.loadVars()
	if b.Site.BaseURL != "" {
		u, err := url.Parse(b.Site.BaseURL)
		if err != nil {
			return nil, fmt.Errorf("parse base_url: %w", err)
		}
		s.base = basePath(u)
		s.abs = u.Scheme + "://" + u.Host
		s.host = u.Host
	}
	s.rootBase = s.base
	s.base += o.Prefix
	return s, nil
}

// basePath is the URL path prefix of a site at u, ending in "/".
func basePath(u *url.URL) string {
	if p := strings.Trim(u.Path, "/"); p != "" {
		return "/" + p + "/"
	}
	return "/"
}

// siteTitle settles the site title: handbook.yaml's title, else the first
// page's H1, else its table-of-contents title.
func (s *builder) siteTitle() {
	if s.b.Title != "" {
		return
	}
	s.b.Title = s.firstTitle()
	s.b.Pages[0].Title = s.b.Title
}

// firstTitle is the first page's H1, else its table-of-contents title.
func (s *builder) firstTitle() string {
	first := s.b.Pages[0]
	if t := s.md.Parse(first.Body).Title(); t != "" {
		return t
	}
	return first.Title
}

// openGit reads the history of the repository holding the source.
func (s *builder) openGit(ctx context.Context) {
	if s.b.Source == "" {
		if s.o.GitDir == "" {
			return
		}
		r, err := gitinfo.OpenWith(ctx, s.o.GitDir, gitinfo.OpenOptions{Ref: s.o.GitRef})
		if err != nil {
			s.o.Logger.Warn("git history unavailable", "ref", s.o.GitRef, "err", err)
			return
		}
		r.Branch = s.o.GitBranch
		s.repo, s.gitPrefix = r, s.o.GitPrefix
		return
	}
	r, err := gitinfo.Open(ctx, s.b.Source)
	if err != nil {
		if !errors.Is(err, gitinfo.ErrNotRepo) {
			s.o.Logger.Warn("git history unavailable", "err", err)
		}
		return
	}
	src := s.b.Source
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real
	}
	prefix, err := filepath.Rel(r.Dir, src)
	if err != nil || !filepath.IsLocal(prefix) && prefix != "." {
		return
	}
	s.repo, s.gitPrefix = r, prefix
}

// gitFacts waits for the history and sets p's last-updated time.
func (s *builder) gitFacts(p *book.Page) {
	s.settleChanges()
	if s.repo == nil {
		return
	}
	if t, ok := s.repo.Updated(s.repoPath(s.gitPrefix, p)); ok {
		p.Updated = t
	}
}

func (s *builder) repoPath(prefix string, p *book.Page) string {
	return filepath.ToSlash(filepath.Join(prefix, filepath.FromSlash(s.b.SourcePath(p.File))))
}

// href makes a link to a site path ("/a/b#x") under the site base, with
// each path segment escaped.
func (s *builder) href(p string) string {
	p, frag, hasFrag := strings.Cut(p, "#")
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, seg := range segs {
		segs[i] = url.PathEscape(seg)
	}
	h := s.base + strings.Join(segs, "/")
	if hasFrag {
		h += "#" + frag
	}
	return h
}

// allDiags returns every diagnostic of the build, sorted: the book's,
// the site's, each page's and the links to anchors that do not exist.
func (s *builder) allDiags() diag.List {
	s.mu.Lock()
	out := slices.Clone(s.diags)
	s.mu.Unlock()
	for i := range s.pages {
		out = append(out, s.pages[i].load...)
		out = append(out, s.pages[i].diags...)
	}
	out = append(out, s.anchorDiags()...)
	out.Sort()
	return out
}

// output is where a build writes: a new output folder, the published
// one being edited, or nowhere for a check.
type output interface {
	WriteFile(rel string, data []byte) error
	LinkFile(rel, src string) error
}

// discard is the output of a check.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
func (discard) LinkFile(string, string) error  { return nil }

func (s *builder) addDiags(ds ...diag.Diagnostic) {
	s.mu.Lock()
	s.diags = append(s.diags, ds...)
	s.mu.Unlock()
}

func (s *builder) fileCount() int {
	n := 0
	s.files.Range(func(_, _ any) bool { n++; return true })
	return n
}

// progress counts rendered pages for Options.Progress.
type progress struct {
	fn    func(done, total int)
	total int
	done  atomic.Int64
	last  atomic.Int64
}

func (p *progress) tick() {
	if p.fn == nil {
		return
	}
	n := p.done.Add(1)
	if int(n) == p.total {
		p.fn(int(n), p.total) // the last report is never skipped
		return
	}
	now := time.Now().UnixMilli()
	if last := p.last.Load(); now-last >= 100 {
		if p.last.CompareAndSwap(last, now) {
			p.fn(int(n), p.total)
		}
	}
}
