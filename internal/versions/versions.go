package versions

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"golang.org/x/sync/errgroup"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/config"
	"github.com/handbookhq/handbook/internal/gitinfo"
	"github.com/handbookhq/handbook/internal/site"
)

// Options say how to load a handbook's versions.
type Options struct {
	// Book are the options of every version's book: the handbook.yaml
	// given (ConfigFile) applies to all, Public leaves private pages out.
	// Ignore applies to the source folder only.
	Book book.Options
}

// Version is one version of a handbook, loaded.
type Version struct {
	// Config is the version as handbook.yaml lists it; zero for a
	// handbook without versions.
	Config config.Version
	Book   *book.Book
	// WorkTree is set when the book was read from the source folder.
	WorkTree bool
	// Site has what sets this version apart in a build: Prefix,
	// Versions, Current and, for a book read from git, the history.
	Site site.Options

	tree *gitinfo.Tree
}

// Set is every version of a handbook, the default first.
type Set struct {
	Versions []*Version
}

// Load reads the handbook at source and, when its handbook.yaml lists
// versions, every one of them. Load errors of the source folder's own
// book come back as book.Load gives them, with the book for its
// diagnostics; those of another version name it.
func Load(ctx context.Context, source string, o Options) (*Set, *book.Book, error) {
	b, err := book.Load(ctx, source, o.Book)
	if err != nil {
		return nil, b, err
	}
	list := b.Site.Versions
	if len(list) == 0 {
		return Single(b), b, nil
	}
	place, err := gitinfo.Where(ctx, source)
	if err != nil {
		pos := b.Site.Pos["versions"]
		return nil, b, fmt.Errorf("%s: versions need the handbook in a git repository: %w", pos, err)
	}
	set := &Set{Versions: make([]*Version, len(list))}
	g, gctx := errgroup.WithContext(ctx)
	for i, cv := range list {
		g.Go(func() error {
			v, err := loadVersion(gctx, ctx, source, place, cv, b, o)
			if err != nil {
				return fmt.Errorf("%s: version %s: %w", cv.Pos, cv.Ref, err)
			}
			set.Versions[i] = v
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		set.Close()
		return nil, b, err
	}
	set.link()
	return set, b, nil
}

// loadVersion reads one version: from the source folder when it is the
// commit checked out there, else from git objects. Trees live as long as
// ctx, not gctx, which ends with the loading.
func loadVersion(gctx, ctx context.Context, source string, place gitinfo.Place, cv config.Version, work *book.Book, o Options) (*Version, error) {
	commit, err := gitinfo.ResolveRef(gctx, source, cv.Ref)
	if err != nil {
		return nil, err
	}
	v := &Version{Config: cv}
	if commit == place.Head && (place.Branch == cv.Ref || place.Branch == "") {
		v.Book, v.WorkTree = work, true
		return v, nil
	}
	tree, err := gitinfo.OpenTree(ctx, source, commit)
	if err != nil {
		return nil, err
	}
	v.tree = tree
	var fsys fs.FS = tree
	if place.Prefix != "." {
		if fsys, err = fs.Sub(tree, place.Prefix); err != nil {
			return nil, fmt.Errorf("open %s: %w", place.Prefix, err)
		}
	}
	bo := o.Book
	bo.Ignore = nil
	b, err := book.LoadFS(gctx, fsys, bo)
	if err != nil {
		return nil, err
	}
	v.Book = b
	v.Site.GitDir, v.Site.GitRef, v.Site.GitPrefix, v.Site.GitBranch = place.Top, commit, place.Prefix, cv.Ref
	return v, nil
}

// link gives every version the list of all for its selector.
func (s *Set) link() {
	all := make([]site.Version, len(s.Versions))
	for i, v := range s.Versions {
		pages := make(map[string]bool, len(v.Book.Pages))
		for _, p := range v.Book.Pages {
			pages[p.URL] = true
		}
		all[i] = site.Version{Title: v.Config.Title, Pages: pages}
		if i > 0 {
			all[i].Prefix = site.VersionPrefix(v.Config.Path)
		}
	}
	for i, v := range s.Versions {
		v.Site.Versions, v.Site.Current, v.Site.Prefix = all, i, all[i].Prefix
	}
}

// Single is the set of a handbook without versions.
func Single(b *book.Book) *Set { return &Set{Versions: []*Version{{Book: b, WorkTree: true}}} }

// Default is the version served at the site root.
func (s *Set) Default() *Version { return s.Versions[0] }

// Editions are the builds of the versions with the options o: each
// version's own settings are added to o.
func (s *Set) Editions(o site.Options) []site.Edition {
	eds := make([]site.Edition, len(s.Versions))
	for i, v := range s.Versions {
		eds[i] = site.Edition{Book: v.Book, Options: v.Options(o)}
	}
	return eds
}

// Options adds the version's settings to o.
func (v *Version) Options(o site.Options) site.Options {
	o.Prefix, o.Versions, o.Current = v.Site.Prefix, v.Site.Versions, v.Site.Current
	o.GitDir, o.GitRef, o.GitPrefix, o.GitBranch = v.Site.GitDir, v.Site.GitRef, v.Site.GitPrefix, v.Site.GitBranch
	if v.Site.Prefix != "" {
		// A server makes PDFs of the default version only.
		o.PDFEndpoint, o.PDF = "", ""
	}
	return o
}

// Build builds every version into out, side by side.
func (s *Set) Build(ctx context.Context, o site.Options) ([]*site.Result, error) {
	return site.BuildAll(ctx, s.Editions(o), o.Out)
}

// Merge is what a server needs of the results of a Build: the default
// version's, with the redirects and page URLs of every version. Its
// diagnostics are the default version's: the others are history.
func Merge(res []*site.Result) *site.Result {
	m := *res[0]
	m.Redirects = maps.Clone(m.Redirects)
	if m.Redirects == nil {
		m.Redirects = map[string]string{}
	}
	m.URLs = slices.Clone(m.URLs)
	for _, r := range res[1:] {
		maps.Copy(m.Redirects, r.Redirects)
		m.URLs = append(m.URLs, r.URLs...)
		m.Files += r.Files
	}
	return &m
}

// Close ends the git processes that read versions.
func (s *Set) Close() {
	for _, v := range s.Versions {
		if v != nil && v.tree != nil {
			_ = v.tree.Close()
		}
	}
}
