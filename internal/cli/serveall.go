package cli

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/server"
	"github.com/handbookhq/handbook/internal/site"
	"github.com/handbookhq/handbook/internal/theme"
	"github.com/handbookhq/handbook/internal/visitor"
)

// serveShape is what a handbook asks of serve beyond one live site.
type serveShape struct {
	versions bool       // handbook.yaml lists versions
	private  bool       // private pages are served to signed-in readers
	book     *book.Book // the source folder's book, private pages in
}

// serveShapeOf reads the source folder's handbook.yaml to see whether
// the handbook has versions, or says how readers sign in to private
// pages; only then is the book loaded, to see whether it has any. A
// handbook that does not load is served as one live site, which reports
// why.
func serveShapeOf(ctx context.Context, source string, fsys fs.FS, bf buildFlags) serveShape {
	if fsys != nil {
		return serveShape{}
	}
	cfg, _, err := book.ReadSite(source, bf.config)
	if err != nil {
		return serveShape{}
	}
	sh := serveShape{versions: len(cfg.Versions) > 0}
	if bf.includePrivate || !visitorsConfigured(cfg.Visitors) {
		return sh
	}
	b, err := book.Load(ctx, source, book.Options{ConfigFile: bf.config})
	if err != nil {
		return sh
	}
	sh.book, sh.private = b, b.HasPrivate()
	return sh
}

// notServed says that b left private pages out, with nobody able to
// sign in to see them.
func notServed(e *env, bf buildFlags, b *book.Book) {
	if b.LeftOut() > 0 && !bf.quiet && !visitorsConfigured(b.Site.Visitors) {
		fmt.Fprintf(e.stderr, "%s not served: say how readers sign in under visitors: in handbook.yaml, or preview them with --include-private\n", plural(b.LeftOut(), "private page"))
	}
}

// serveAll builds every version of the handbook once, for each
// audience: anonymous readers, and signed-in ones when the handbook has
// private pages. Readers who have not signed in are served a site built
// without private pages, so that those exist nowhere for them.
func (sf *serveFlags) serveAll(ctx context.Context, e *env, source string, sh serveShape, bf buildFlags, opts server.Options, tmp, chrome, siteURL string) (*site.Result, http.Handler, error) {
	var auth *visitor.Auth
	if sh.private {
		var err error
		if auth, err = signIn(ctx, e, sh.book, siteURL, opts.Feedback); err != nil {
			return nil, nil, err
		}
	}
	audiences := []bool{bf.includePrivate}
	if sh.private {
		audiences = append(audiences, true)
	}
	handlers := make([]http.Handler, len(audiences))
	var first *site.Result
	memo := &site.Memo{}
	for i, full := range audiences {
		abf := bf
		abf.memo = memo
		abf.includePrivate = full
		abf.quiet = bf.quiet || i > 0 // the same warnings, once
		if auth != nil {
			abf.headerLinks = accountLinks(auth, full)
		}
		out := filepath.Join(tmp, fmt.Sprintf("site-%d", i))
		res, b, err := build(ctx, e, source, nil, out, abf)
		if err != nil {
			return nil, nil, err
		}
		if i == 0 {
			notServed(e, bf, b)
		}
		o := opts
		if sh.private && !full {
			// Ratings of private pages are in the same store: the
			// dashboard is for signed-in readers only.
			o.AdminToken = ""
		}
		if bf.pdfEndpoint != "" {
			folder := "pdf"
			if full && sh.private {
				folder = "pdf-private"
			}
			pdfs, _, err := sf.pdfCache(ctx, b, true, chrome, siteURL, bf.noGit, nil, folder, e)
			if err != nil {
				return nil, nil, err
			}
			o.PDFs = pdfs
		}
		handlers[i] = server.NewWith(serverSite(out, res), o)
		if first == nil {
			first = res
		}
	}
	if !bf.quiet && !sf.noReload {
		// Reload events and build errors go to every browser, signed in
		// or not, and would name private pages.
		what := "private pages are served to signed-in readers (preview them live with --include-private)"
		if !sh.private {
			what = "the default version is not the branch checked out here"
		}
		fmt.Fprintf(e.stderr, "live reload is off: %s; restart to see changes\n", what)
	}
	if auth == nil {
		return first, handlers[0], nil
	}
	signedIn := func(r *http.Request) bool {
		if visitor.From(r.Context()) != nil {
			return true
		}
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			return false
		}
		_, err := auth.Verify(strings.TrimSpace(token))
		return err == nil
	}
	return first, auth.Middleware(server.Audiences(handlers[0], handlers[1], signedIn)), nil
}

// accountLinks are the header links of a site built for signed-in
// readers (full) or for the others.
func accountLinks(auth *visitor.Auth, full bool) []theme.Link {
	if full {
		return []theme.Link{{Title: "Sign out", URL: visitor.LogoutPath}}
	}
	if u := auth.SignInURL("/"); u != "" {
		return []theme.Link{{Title: "Sign in", URL: u}}
	}
	return nil
}
