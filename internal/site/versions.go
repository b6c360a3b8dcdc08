package site

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/publish"
	"github.com/handbookhq/handbook/internal/theme"
)

// A handbook may be published in several versions, each built from its
// own book into its own folder of one output: the default version at the
// site root, the others under v/<path>/. Every page's header lists the
// versions, each linking to the same page there when it has one, else to
// its home.

// Version is one version of a handbook, as the version selector lists it.
type Version struct {
	Title string
	// Prefix is the version's folder in the output and its path under
	// the site base: "" for the default version, else "v/<path>/".
	Prefix string
	// Pages holds the URL path ("/a/b") of every page of the version.
	Pages map[string]bool
}

// VersionPrefix is the folder a version published under path has.
func VersionPrefix(path string) string { return "v/" + path + "/" }

// Edition is one book to build into a shared output.
type Edition struct {
	Book    *book.Book
	Options Options // Out is ignored; Prefix says where in the output
}

// BuildAll renders every edition into out, side by side, and publishes
// them together: the output is replaced only when all succeed. Results
// are in the order of editions. Pages that are the same in several
// editions are rendered once, through a Memo of the editions' own or one
// they share.
func BuildAll(ctx context.Context, eds []Edition, out string) ([]*Result, error) {
	dir, err := publish.Begin(out)
	if err != nil {
		return nil, err
	}
	res, err := buildInto(ctx, eds, dir)
	if err != nil {
		_ = dir.Abort()
		return nil, err
	}
	if err := dir.Commit(); err != nil {
		_ = dir.Abort()
		return nil, fmt.Errorf("publish %s: %w", out, err)
	}
	return res, nil
}

// buildInto renders the editions in parallel into dir.
func buildInto(ctx context.Context, eds []Edition, dir *publish.Dir) ([]*Result, error) {
	res := make([]*Result, len(eds))
	g, ctx := errgroup.WithContext(ctx)
	memo := eds[0].Options.Memo
	if memo == nil && len(eds) > 1 {
		memo = &Memo{} // one edition has nothing to share
	}
	for i, ed := range eds {
		if ed.Options.Memo == nil {
			ed.Options.Memo = memo
		}
		g.Go(func() error {
			s, err := newBuilder(ed.Book, ed.Options)
			if err != nil {
				return err
			}
			defer s.close()
			s.out = prefixed{dir, ed.Options.Prefix}
			if err := s.run(ctx); err != nil {
				if ed.Options.Prefix != "" {
					return fmt.Errorf("version %s: %w", strings.TrimSuffix(strings.TrimPrefix(ed.Options.Prefix, "v/"), "/"), err)
				}
				return err
			}
			res[i] = s.result()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if memo != nil && eds[0].Options.Logger != nil {
		eds[0].Options.Logger.Debug("editions built", "editions", len(eds), "pages shared", memo.Shared())
	}
	return res, nil
}

// prefixed writes into a folder of an output.
type prefixed struct {
	out    output
	prefix string
}

func (p prefixed) WriteFile(rel string, data []byte) error {
	return p.out.WriteFile(p.prefix+rel, data)
}

func (p prefixed) LinkFile(rel, src string) error { return p.out.LinkFile(p.prefix+rel, src) }

// versionLinks lists the versions for the selector of the page at url
// ("" for pages that are not handbook pages): each links to the same
// page in that version when it has one, else to its home.
func (s *builder) versionLinks(url string) []theme.VersionLink {
	if len(s.o.Versions) < 2 {
		return nil
	}
	out := make([]theme.VersionLink, len(s.o.Versions))
	for i, v := range s.o.Versions {
		home := s.rootBase + v.Prefix
		l := theme.VersionLink{Title: v.Title, URL: home, Current: i == s.o.Current}
		if url != "" && v.Pages[url] {
			l.URL = home + strings.TrimPrefix(s.href(url), s.base)
		}
		out[i] = l
	}
	return out
}

// withVersions is the site view of a page at url, with its version
// links: a copy when the handbook has versions, else the shared view.
func (s *builder) withVersions(url string) *theme.Site {
	links := s.versionLinks(url)
	if links == nil {
		return s.site
	}
	v := *s.site
	v.Versions = links
	return &v
}

// canonical is the absolute URL search engines should index for the
// page at url: the default version's page when it has one; "" when the
// site has no base_url.
func (s *builder) canonical(url string) string {
	if s.abs == "" {
		return "" // a canonical URL must be absolute; without base_url none is known
	}
	own := s.abs + s.href(url)
	if s.o.Prefix == "" || len(s.o.Versions) == 0 || !s.o.Versions[0].Pages[url] {
		return own
	}
	return s.abs + s.rootBase + strings.TrimPrefix(s.href(url), s.base)
}

// writeVersionsLLMs adds a section per other version to llms.txt.
func (s *builder) versionsLLMs(idx *bytes.Buffer) {
	if s.o.Prefix != "" || len(s.o.Versions) < 2 {
		return
	}
	for _, v := range s.o.Versions[1:] {
		home := s.abs + s.rootBase + v.Prefix
		fmt.Fprintf(idx, "\n## Version %s\n\n", v.Title)
		fmt.Fprintf(idx, "- [%s: pages](%sllms.txt): the pages of version %s, listed as above\n", v.Title, home, v.Title)
		fmt.Fprintf(idx, "- [%s: full text](%s%s): every page of version %s in one file\n", v.Title, home, "llms-full.txt", v.Title)
	}
}
