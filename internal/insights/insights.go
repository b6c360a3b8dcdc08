package insights

import (
	"embed"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

// Page is a page of the handbook as the dashboard names it.
type Page struct {
	Path    string // URL path, the key feedback is stored under
	Title   string
	Section string
}

// Options configure the dashboard.
type Options struct {
	Store feedback.Store
	// Token is the admin token; "" disables the dashboard (404).
	Token string
	// Pages returns the pages of the site being served, in reading order.
	Pages  func() []Page
	Logger *slog.Logger
	Now    func() time.Time // nil means time.Now
}

// Prefix is where the dashboard is served.
const Prefix = "/_insights"

//go:embed templates/*.html static/insights.css
var assets embed.FS

// templates are the dashboard's pages, parsed once.
var templates = template.Must(template.ParseFS(assets, "templates/*.html"))

// handler serves the dashboard for one set of Options.
type handler struct {
	o       Options
	session string // the session cookie's value, from the token
	mux     *http.ServeMux
}

// New returns the dashboard's handler, for Prefix and everything below it.
// Without a token or a store it answers 404 to everything.
func New(o Options) http.Handler {
	if o.Token == "" || o.Store == nil {
		return http.NotFoundHandler()
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Pages == nil {
		o.Pages = func() []Page { return nil }
	}
	h := &handler{o: o, session: sessionValue(o.Token), mux: http.NewServeMux()}
	h.mux.HandleFunc("GET "+Prefix, h.dashboard)
	h.mux.HandleFunc("GET "+Prefix+"/{$}", func(w http.ResponseWriter, r *http.Request) {
		u := Prefix
		if r.URL.RawQuery != "" {
			u += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, u, http.StatusMovedPermanently)
	})
	h.mux.HandleFunc("GET "+Prefix+"/feedback.csv", h.csv)
	h.mux.HandleFunc("POST "+Prefix+"/login", h.login)
	h.mux.HandleFunc("POST "+Prefix+"/logout", h.logout)
	h.mux.HandleFunc("GET "+Prefix+"/insights.css", serveCSS)
	return h
}

// ServeHTTP sets the headers every response of the area carries, then
// routes the request.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Cache-Control", "no-store")
	hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("X-Content-Type-Options", "nosniff")
	h.mux.ServeHTTP(w, r)
}

// serveCSS serves the embedded style sheet; it holds nothing secret, so
// the login page may use it too.
func serveCSS(w http.ResponseWriter, r *http.Request) {
	http.ServeFileFS(w, r, assets, "static/insights.css")
}

// Interface guards
var _ http.Handler = (*handler)(nil)
