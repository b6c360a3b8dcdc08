package server

import (
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/insights"
	"github.com/handbookhq/handbook/internal/llms"
	"github.com/handbookhq/handbook/internal/search"
)

// Site is what the server serves: a built output folder and the redirects
// of that build. It is swapped whole when the site is rebuilt.
type Site struct {
	Dir       string
	Redirects map[string]string // old URL path → new URL
	URLs      []string          // page URL paths, to answer other spellings of them
	// Pages are the pages llms.txt lists, in its order, with where their
	// Markdown twins are in Dir.
	Pages   []llms.Page
	Title   string // the site title
	Version string // the program's version, for the MCP server; "" for the module's
	// Branch is the git branch the site was built from, stored with each
	// rating as the handbook version the reader saw; "" when unknown.
	Branch string
	// BaseURL is the site's base_url; pages served from its origin may
	// post feedback across origins. "" allows same-origin posts only.
	BaseURL string
	// TOC is every page in reading order, as the insights dashboard
	// names them.
	TOC []insights.Page
	// Mounts serve URL paths under a prefix ("/v/") from another folder,
	// which holds them at the same paths: the versions of a handbook
	// built apart from the site in Dir.
	Mounts []Mount

	lower map[string]string // lowercased page URL path → page URL path

	searchOnce sync.Once
	search     *search.Searcher
	searchErr  error

	mcp mcpEndpoint // the site's MCP endpoint, made on first use (mcp.go)
}

// Mount is a folder serving the URL paths under Prefix, which ends in
// "/".
type Mount struct {
	Prefix string
	Dir    string
}

// dirFor is the folder serving the clean URL path p.
func (s *Site) dirFor(p string) string {
	for _, m := range s.Mounts {
		if strings.HasPrefix(p+"/", m.Prefix) {
			return m.Dir
		}
	}
	return s.Dir
}

// NewSite returns a Site for a build in dir.
func NewSite(dir string, redirects map[string]string, urls []string) *Site {
	s := &Site{Dir: dir, Redirects: redirects, URLs: urls, lower: make(map[string]string, len(urls))}
	for _, u := range urls {
		s.lower[strings.ToLower(u)] = u
	}
	return s
}

// Server serves the current Site.
type Server struct {
	site     atomic.Pointer[Site]
	log      *slog.Logger
	fb       feedback.Store // nil: no feedback API
	limiter  *rateLimiter   // nil: no rate limit
	ipHeader string
	now      func() time.Time
	insights http.Handler // nil: no dashboard
	pdfs     PDFs         // nil: no PDF export
}

// Options configure a Server beyond its site. The zero Options serve the
// site without feedback.
type Options struct {
	Logger *slog.Logger // nil discards logs
	// Feedback keeps the ratings posted to /api/feedback; nil turns the
	// feedback API and the insights dashboard off (404).
	Feedback feedback.Store
	// FeedbackRate is how many ratings one client may post per minute;
	// 0 means no limit.
	FeedbackRate int
	// ClientIPHeader names the header a trusted proxy puts the client's
	// address in, such as X-Forwarded-For, whose last address is used;
	// "" means the connection's address. The address only keys the rate
	// limit, hashed; it is never stored or logged.
	ClientIPHeader string
	// AdminToken opens the insights dashboard; "" keeps it closed.
	AdminToken string
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// PDFs makes the PDFs of "Export as PDF" under PDFPrefix; nil
	// turns PDF export off (404).
	PDFs PDFs
}

// New returns a server for s.
func New(s *Site, log *slog.Logger) *Server {
	return NewWith(s, Options{Logger: log})
}

// NewWith returns a server for s with the options o.
func NewWith(s *Site, o Options) *Server {
	srv := &Server{log: o.Logger, fb: o.Feedback, ipHeader: o.ClientIPHeader, now: o.Now, pdfs: o.PDFs}
	if srv.log == nil {
		srv.log = slog.New(slog.DiscardHandler)
	}
	if srv.now == nil {
		srv.now = time.Now
	}
	if o.Feedback != nil && o.FeedbackRate > 0 {
		srv.limiter = newRateLimiter(o.FeedbackRate, time.Minute)
	}
	if o.Feedback != nil {
		srv.insights = insights.New(insights.Options{
			Store:  o.Feedback,
			Token:  o.AdminToken,
			Pages:  func() []insights.Page { return srv.site.Load().TOC },
			Logger: srv.log,
			Now:    o.Now,
		})
	}
	srv.site.Store(s)
	return srv
}

// SetSite replaces the site being served.
func (s *Server) SetSite(site *Site) { s.site.Store(site) }

// ServeHTTP serves pages, files, redirects and the 404 page, and answers
// GET /api/search, POST /api/feedback, the insights dashboard and the
// PDFs under /_pdf/.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/api/search":
		s.serveAPI(w, r, s.handleSearch)
		return
	case "/api/feedback":
		s.serveFeedback(w, r)
		return
	case "/mcp":
		s.serveMCP(w, r)
		return
	}
	if r.URL.Path == PDFPrefix || strings.HasPrefix(r.URL.Path, PDFPrefix+"/") {
		s.servePDF(w, r)
		return
	}
	if s.insights != nil && (r.URL.Path == insights.Prefix || strings.HasPrefix(r.URL.Path, insights.Prefix+"/")) {
		s.insights.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	site := s.site.Load()
	p := path.Clean("/" + r.URL.Path)
	if p != "/" && strings.HasSuffix(r.URL.Path, "/") && site.lower[strings.ToLower(r.URL.Path)] != r.URL.Path {
		// A version's home is "/v/<path>/"; other paths lose the slash.
		http.Redirect(w, r, p+query(r), http.StatusMovedPermanently)
		return
	}
	if to, ok := site.Redirects[r.URL.EscapedPath()]; ok {
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return
	}
	if to, ok := site.Redirects[p]; ok {
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return
	}
	dir := site.dirFor(p)
	root, err := os.OpenRoot(dir)
	if err != nil {
		s.log.Error("open site", "dir", dir, "err", err)
		http.Error(w, "site unavailable", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	rel := strings.TrimPrefix(p, "/")
	if alias, ok := aliases[rel]; ok {
		rel = alias
	} else if name, ok := fullBatch(rel); ok {
		rel = name
	}
	markdown := prefersMarkdown(r.Header.Get("Accept"))
	for _, name := range []string{path.Join(rel, "index.html"), rel} {
		if name == "" {
			continue
		}
		if name != rel {
			// A page: its HTML or, when asked for, its Markdown twin.
			w.Header().Set("Vary", "Accept")
			if markdown && s.hasFile(root, name) && s.serveFile(w, r, root, twinFor(name), http.StatusOK) {
				return
			}
		}
		if s.serveFile(w, r, root, name, http.StatusOK) {
			return
		}
		w.Header().Del("Vary")
	}
	// Published URLs are case-insensitive, as on GitBook.
	lower := strings.ToLower(r.URL.EscapedPath())
	if to, ok := site.lower[lower]; ok {
		http.Redirect(w, r, to+query(r), http.StatusMovedPermanently)
		return
	}
	if page, ok := strings.CutSuffix(lower, ".md"); ok {
		if to, ok := site.lower[page]; ok && to != "/" {
			http.Redirect(w, r, to+".md"+query(r), http.StatusMovedPermanently)
			return
		}
		s.serveMarkdown(w, r, site, rel)
		return
	}
	if dir != site.Dir {
		if root, err = os.OpenRoot(site.Dir); err != nil {
			http.NotFound(w, r)
			return
		}
		defer root.Close()
	}
	if !s.serveFile(w, r, root, "404.html", http.StatusNotFound) {
		http.NotFound(w, r)
	}
}

// hasFile reports whether the site has a regular file called name.
func (s *Server) hasFile(root *os.Root, name string) bool {
	fi, err := root.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// serveFile serves one file of the site; it reports false when there is
// no such regular file.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, root *os.Root, name string, status int) bool {
	f, err := root.Open(name)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			s.log.Warn("open", "file", name, "err", err)
		}
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	switch {
	case name == searchDir+search.EntryName:
		// The search index's entry keeps its name from build to build.
		w.Header().Set("Cache-Control", "no-cache")
	case strings.HasPrefix(name, "_handbook/"):
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	if ct := textFile(name); ct != "" {
		w.Header().Set("Content-Type", ct)
		if strings.HasSuffix(name, ".md") {
			// Twins repeat the pages: search engines index the HTML.
			w.Header().Set("X-Robots-Tag", "noindex")
		}
	}
	if status != http.StatusOK {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = f.WriteTo(w)
		}
		return true
	}
	http.ServeContent(w, r, name, fi.ModTime().Truncate(time.Second), f)
	return true
}

func query(r *http.Request) string {
	if r.URL.RawQuery == "" {
		return ""
	}
	return "?" + r.URL.RawQuery
}
