package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/insights"
	"github.com/handbookhq/handbook/internal/pdfexport"
	"github.com/handbookhq/handbook/internal/server"
	"github.com/handbookhq/handbook/internal/site"
	"github.com/handbookhq/handbook/internal/versions"
)

// defaultFeedbackRate is how many ratings one reader may give per minute.
const defaultFeedbackRate = 20

// serveFlags are the flags of serve beyond the build's.
type serveFlags struct {
	addr           string
	noFeedback     bool
	feedbackRate   int
	clientIPHeader string
	adminTokenFile string
	noPDF          bool
	noReload       bool
	pdf            pdfFlags
	store          storeFlags
}

func (sf *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&sf.addr, "addr", "127.0.0.1:4000", "`address` to listen on (port 0 picks a free port)")
	fs.BoolVar(&sf.noFeedback, "no-feedback", false, "take no feedback: no \"Was this helpful?\" widget, no /api/feedback, no dashboard")
	fs.IntVar(&sf.feedbackRate, "feedback-rate", defaultFeedbackRate, "`number` of ratings one reader may give per minute (0: no limit)")
	fs.StringVar(&sf.clientIPHeader, "client-ip-header", "", "`header` a trusted proxy puts the reader's address in, such as X-Forwarded-For (its last address is used); default the connection's address")
	fs.BoolVar(&sf.noReload, "no-reload", false, "do not watch SOURCE: no rebuilds as files change, no browser reloads")
	fs.BoolVar(&sf.noPDF, "no-pdf", false, "offer no PDFs: no \"Export as PDF\" links, no "+server.PDFPrefix+"/")
	sf.pdf.register(fs)
	fs.StringVar(&sf.adminTokenFile, "admin-token-file", "", "`file` holding the admin token of the "+insights.Prefix+" dashboard (default $HANDBOOK_ADMIN_TOKEN; none: no dashboard)")
}

func runServe(ctx context.Context, e *env, args []string) error {
	flags := newFlags("serve", "[SOURCE]", "Build the handbook in SOURCE (default \".\") and serve it.", e.stderr)
	var sf serveFlags
	sf.register(flags)
	sf.store.register(flags)
	var bf buildFlags
	bf.register(flags)
	pos, err := parse(flags, args, 1)
	if err != nil {
		return err
	}
	if sf.feedbackRate < 0 {
		return fmt.Errorf("%w: --feedback-rate must be 0 or more", errUsage)
	}
	source, fsys := chooseSource(pos, bf.config, e.stderr, "serving")

	opts := server.Options{Logger: e.log, FeedbackRate: sf.feedbackRate, ClientIPHeader: sf.clientIPHeader}
	bf.feedback = widgetNone
	if !sf.noFeedback {
		token, err := sf.adminToken()
		if err != nil {
			return err
		}
		storeSource := source
		if fsys != nil {
			storeSource = ""
		}
		st, where, err := sf.store.open(ctx, storeSource)
		if err != nil {
			return err
		}
		defer closeStore(e, st)
		opts.Feedback, opts.AdminToken = st, token
		bf.feedback = widgetOwnServer
		if !bf.quiet {
			fmt.Fprintf(e.stderr, "keeping feedback in %s\n", where)
		}
	}

	tmp, err := os.MkdirTemp("", "handbook-serve-")
	if err != nil {
		return fmt.Errorf("make output folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	chrome := ""
	if !sf.noPDF {
		if chrome, err = e.findChrome(sf.pdf.chrome); err != nil {
			// The site works without PDFs: say why there are none.
			fmt.Fprintf(e.stderr, "no \"Export as PDF\": %v\n", err)
		} else {
			bf.pdfEndpoint = server.PDFPrefix
		}
	}
	ln, err := net.Listen("tcp", sf.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	siteURL := "http://" + ln.Addr().String() + "/"
	sv, err := sf.serving(ctx, e, source, fsys, bf, opts, tmp, chrome, siteURL)
	if err != nil {
		_ = ln.Close()
		return err
	}
	defer sv.close()
	res, handler, live := sv.res, sv.handler, sv.live
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
	}
	if opts.AdminToken != "" && !bf.quiet {
		fmt.Fprintf(e.stderr, "feedback insights at http://%s%s\n", ln.Addr(), insights.Prefix)
	}
	fmt.Fprintf(e.stdout, "serving %d pages at http://%s/\n", res.Pages, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	if live != nil {
		live.hub.Close() // event streams would hold Shutdown up
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdown)
	if errors.Is(err, context.DeadlineExceeded) {
		// Browsers open connections ahead of need; Shutdown waits
		// five seconds for one that never sent a request. What is
		// left is closed.
		e.log.Debug("shut down: closing connections still open", "err", err)
		err = srv.Close()
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

// served is what runServe serves: the site's build, its handler, and
// the live site when it is kept up to date.
type served struct {
	res     *site.Result
	handler http.Handler
	live    *liveServe
	closers []func()
}

// close releases what serving holds, the last made first.
func (sv *served) close() {
	for i := len(sv.closers) - 1; i >= 0; i-- {
		sv.closers[i]()
	}
}

// serving builds what runServe serves: one live site; or, with versions,
// the checked-out version live and the others beside it; or every
// version and audience built once (serveAll).
func (sf *serveFlags) serving(ctx context.Context, e *env, source string, fsys fs.FS, bf buildFlags, opts server.Options, tmp, chrome, siteURL string) (sv *served, err error) {
	sv = &served{}
	defer func() {
		if err != nil {
			sv.close()
		}
	}()
	out := tmp + "/site"
	shape := serveShapeOf(ctx, source, fsys, bf)
	var set *versions.Set
	if shape.versions && !shape.private && !sf.noReload {
		// The checked-out version is served live, the others are built
		// once beside it.
		if set, err = loadVersions(ctx, e, source, nil, bf, out); err != nil {
			return sv, err
		}
		if set.Default().WorkTree {
			sv.closers = append(sv.closers, set.Close)
			shape.versions = false
		} else {
			set.Close() // built once, as a whole, by serveAll
			set = nil
		}
	}
	if shape.versions || shape.private {
		sv.res, sv.handler, err = sf.serveAll(ctx, e, source, shape, bf, opts, tmp, chrome, siteURL)
		return sv, err
	}
	var b *book.Book
	if fsys == nil && !sf.noReload {
		var def *versions.Version
		if set != nil {
			def = set.Default()
		}
		if sv.live, sv.res, err = newLiveServe(ctx, e, source, out, bf, def); err != nil {
			return sv, err
		}
		sv.closers = append(sv.closers, sv.live.close)
		b = sv.live.live.Book()
		if set != nil {
			if err := sv.live.buildOthers(ctx, e, set, bf, tmp+"/versions"); err != nil {
				return sv, err
			}
		}
	} else if sv.res, b, err = build(ctx, e, source, fsys, out, bf); err != nil {
		return sv, err
	}
	notServed(e, bf, b)
	live := sv.live
	if bf.pdfEndpoint != "" {
		var lock sync.Locker
		if live != nil {
			lock = live.live.RLocker()
		}
		pdfs, cache, err := sf.pdfCache(ctx, b, fsys == nil, chrome, siteURL, bf.noGit, lock, "pdf", e)
		if err != nil {
			return sv, err
		}
		opts.PDFs = pdfs
		if live != nil {
			live.onBook = cache.SetBook
		}
	}
	if live == nil {
		sv.handler = server.NewWith(serverSite(out, sv.res), opts)
		return sv, nil
	}
	site := server.NewWith(live.serverSite(sv.res), opts)
	live.srv = site
	sv.handler = live.hub.Wrap(site)
	sv.closers = append(sv.closers, live.hub.Close)
	go func() {
		if err := live.watch(ctx); err != nil && ctx.Err() == nil {
			e.log.Error("watch for changes", "err", err)
		}
	}()
	return sv, nil
}

// pdfCache makes the PDFs of "Export as PDF" for the server, keeping
// them in the data folder's folder. siteURL is where the server
// answers, for links to pages outside a PDF when base_url is not set.
// lock, when set, is held while the book is read.
func (sf *serveFlags) pdfCache(ctx context.Context, b *book.Book, onDisk bool, chrome, siteURL string, noGit bool, lock sync.Locker, folder string, e *env) (server.PDFs, *pdfexport.Cache, error) {
	source := ""
	if onDisk {
		source = b.Source
	}
	dir, err := sf.store.dataDir(source)
	if err != nil {
		return nil, nil, err
	}
	o := pdfexport.Options{Chrome: chrome, Timeout: sf.pdf.timeout, Version: bookVersion(ctx, b, noGit), BookLock: lock}
	if b.Site.BaseURL == "" {
		o.SiteURL = siteURL
	}
	c, err := pdfexport.NewCache(filepath.Join(dir, folder), b, o, e.log)
	if err != nil {
		return nil, nil, err
	}
	return func(ctx context.Context, page string, section bool) (string, string, string, error) {
		p, err := c.PDF(ctx, page, section)
		if errors.Is(err, site.ErrNoPage) {
			err = fmt.Errorf("%w: %w", fs.ErrNotExist, err)
		}
		return p.File, p.Name, p.Hash, err
	}, c, nil
}

// serverSite is what the server needs to know of a build in out.
func serverSite(out string, res *site.Result) *server.Site {
	s := server.NewSite(out, res.Redirects, res.URLs)
	s.Pages, s.Title, s.Version = res.Listing, res.Title, Version
	s.Branch, s.BaseURL = res.Branch, res.BaseURL
	s.TOC = make([]insights.Page, len(res.TOC))
	for i, p := range res.TOC {
		s.TOC[i] = insights.Page{Path: p.Path, Title: p.Title, Section: p.Section}
	}
	return s
}

// adminToken reads the dashboard's admin token: from --admin-token-file,
// else from $HANDBOOK_ADMIN_TOKEN; "" means no dashboard.
func (sf *serveFlags) adminToken() (string, error) {
	if sf.adminTokenFile == "" {
		return strings.TrimSpace(os.Getenv("HANDBOOK_ADMIN_TOKEN")), nil
	}
	data, err := os.ReadFile(sf.adminTokenFile)
	if err != nil {
		return "", fmt.Errorf("read admin token: %w", err)
	}
	return strings.TrimSpace(string(data)), nil
}

// closeStore closes the feedback store once the server has stopped.
func closeStore(e *env, st feedback.Store) {
	if err := st.Close(); err != nil {
		e.log.Error("close feedback store", "err", err)
	}
}
