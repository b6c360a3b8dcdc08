// Package insights serves the feedback insights dashboard at /_insights:
// ratings and scores per page and per section, a trend chart, the latest
// comments and a CSV export, behind an admin token.
package insights

import (
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

// New returns the dashboard's handler, for Prefix and everything below it.
func New(o Options) http.Handler {
	return http.NotFoundHandler()
}
