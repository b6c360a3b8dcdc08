package book

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/handbookhq/handbook/internal/config"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/frontmatter"
)

// Options tune Load.
type Options struct {
	// ConfigFile is the handbook.yaml to read. Empty means handbook.yaml in
	// the source directory, when it exists.
	ConfigFile string
	// Ignore lists absolute folders to leave out of the scan, such as an
	// output folder inside the source.
	Ignore []string
	// Public leaves private pages out of the book, as if they did not
	// exist, but for PrivateURL.
	Public bool
}

// Load reads the repository at source into a Book. It returns an error only
// when it cannot read what it must; problems in the author's files are in
// Book.Diags, and Load returns them as an error too when any is an error.
func Load(ctx context.Context, source string, o Options) (*Book, error) {
	abs, err := filepath.Abs(source)
	if err != nil {
		return nil, fmt.Errorf("resolve source %s: %w", source, err)
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("source %s is not a folder", source)
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, fmt.Errorf("open source: %w", err)
	}
	defer root.Close()
	return load(ctx, root.FS(), abs, o)
}

// LoadFS reads a handbook from a file system that is not a folder on
// disk, such as the documentation embedded in the binary. The book has no
// Source folder and no git history.
func LoadFS(ctx context.Context, fsys fs.FS, o Options) (*Book, error) {
	b, err := load(ctx, fsys, "", o)
	if b != nil {
		b.FS = fsys
	}
	return b, err
}

func load(ctx context.Context, fsys fs.FS, abs string, o Options) (*Book, error) {
	b := &Book{
		Source: abs,
		byFile: map[string]*Page{},
		byURL:  map[string]*Page{},
		files:  map[string]bool{},
		dirs:   map[string]bool{},
	}
	if err := b.loadConfig(fsys, o); err != nil {
		return nil, err
	}
	if err := b.scan(ctx, fsys, o.Ignore); err != nil {
		return nil, err
	}
	if err := b.loadSummary(fsys); err != nil {
		return nil, err
	}
	if err := b.readPages(ctx, fsys); err != nil {
		return nil, err
	}
	b.markPrivate()
	b.resolveRedirects()
	if o.Public {
		b.dropPrivate()
	}
	b.linkReadingOrder()
	if b.Site.Title != "" {
		b.Title = b.Site.Title
	}
	b.Diags.Sort()
	if b.Diags.HasErrors() {
		return b, b.Diags.Errors()
	}
	return b, nil
}

// SourcePath returns the path of a content file relative to the source
// directory, as diagnostics and git name it.
func (b *Book) SourcePath(file string) string {
	return path.Join(b.Content, file)
}

func (b *Book) loadConfig(fsys fs.FS, o Options) error {
	src, err := fs.ReadFile(fsys, ".gitbook.yaml")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("read .gitbook.yaml: %w", err)
	}
	gb, ds := config.ParseGitBook(".gitbook.yaml", src)
	b.Diags.Add(ds...)
	if gb == nil {
		return ds.Errors()
	}
	b.GitBook = gb
	b.Content = path.Clean(gb.Root)

	site, ds, err := readSite(fsys, o.ConfigFile)
	if err != nil {
		return err
	}
	b.Diags.Add(ds...)
	b.Site = site
	return nil
}

// ReadSite reads the handbook.yaml of the handbook in source, or
// configFile when it is not "", without loading the book: what a
// command needs to know before it loads one. Problems in the file are in
// the diagnostics; the error says it could not be read.
func ReadSite(source, configFile string) (*config.Site, diag.List, error) {
	root, err := os.OpenRoot(source)
	if err != nil {
		return nil, nil, fmt.Errorf("open source: %w", err)
	}
	defer root.Close()
	return readSite(root.FS(), configFile)
}

// readSite reads configFile, else handbook.yaml in fsys when there is one.
func readSite(fsys fs.FS, configFile string) (*config.Site, diag.List, error) {
	name, data := "handbook.yaml", []byte(nil)
	var err error
	if configFile != "" {
		name = configFile
		if data, err = os.ReadFile(configFile); err != nil {
			return nil, nil, fmt.Errorf("read config: %w", err)
		}
	} else if data, err = fs.ReadFile(fsys, name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("read %s: %w", name, err)
	}
	site, ds := config.ParseSite(name, data)
	return site, ds, nil
}

// scan records every file and folder under the content root, so links can
// be checked without touching the disk again.
func (b *Book) scan(ctx context.Context, fsys fs.FS, ignore []string) error {
	if fi, err := fs.Stat(fsys, b.Content); err != nil || !fi.IsDir() {
		return diag.List{diag.Errorf(diag.Pos{File: ".gitbook.yaml", Line: 1}, "content root %q is not a folder", b.Content).
			WithHint("set root in .gitbook.yaml to the folder that holds README.md and SUMMARY.md")}
	}
	return fs.WalkDir(fsys, b.Content, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("scan %s: %w", p, err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, b.Content), "/")
		if b.Content == "." {
			rel = p
		}
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "node_modules" || slices.Contains(ignore, filepath.Join(b.Source, p)) || isOutput(fsys, p) {
				return fs.SkipDir
			}
			b.dirs[rel] = true
			return nil
		}
		if d.Type().IsRegular() {
			b.files[rel] = true
		}
		return nil
	})
}

// isOutput reports whether dir holds a handbook build (it has the marker
// file publish writes), which is never content.
func isOutput(fsys fs.FS, dir string) bool {
	_, err := fs.Stat(fsys, path.Join(dir, ".handbook-output"))
	return err == nil
}

// readPages reads every page's file in parallel and splits its front matter.
func (b *Book) readPages(ctx context.Context, fsys fs.FS) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0) * 2)
	diags := make([]diag.List, len(b.Pages))
	for i, p := range b.Pages {
		if p.Missing {
			continue
		}
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			ds, err := b.ReadPage(fsys, p)
			diags[i] = ds
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for _, ds := range diags {
		b.Diags.Add(ds...)
	}
	return nil
}

// ReadPage reads p's file from fsys, the source folder, again: its
// source, body and front matter. It returns the problems of its front
// matter, which Book.Diags holds from the first reading.
func (b *Book) ReadPage(fsys fs.FS, p *Page) (diag.List, error) {
	src, err := fs.ReadFile(fsys, path.Join(b.Content, p.File))
	if err != nil {
		return nil, fmt.Errorf("read page %s: %w", b.SourcePath(p.File), err)
	}
	p.Source = src
	yml, body, off := frontmatter.Split(src)
	p.Body, p.BodyOffset = body, off
	if yml == nil {
		p.FrontMatter = frontmatter.Default()
		return nil, nil
	}
	fm, ds := frontmatter.Parse(b.SourcePath(p.File), yml, 2)
	p.FrontMatter = fm
	return ds, nil
}

// linkReadingOrder sets Prev and Next, skipping hidden pages.
func (b *Book) linkReadingOrder() {
	var prev *Page
	for _, p := range b.Pages {
		if p.Hidden() {
			continue
		}
		if prev != nil {
			prev.Next, p.Prev = p, prev
		}
		prev = p
	}
}

// NoIndex reports whether p is kept out of search engines and the
// sitemap: set on the page or on any page above it.
func (p *Page) NoIndex() bool {
	if p.FrontMatter.NoIndex {
		return true
	}
	for _, a := range p.Ancestors() {
		if a.FrontMatter.NoIndex {
			return true
		}
	}
	return false
}
