package linkcheck

import (
	"fmt"
	"net/http"
	"time"

	"github.com/handbookhq/handbook/internal/diag"
)

// result is what one URL answered, as kept in the cache.
type result struct {
	Status  int       `json:"status"`          // final HTTP status; 0 when there was no answer
	Err     string    `json:"error,omitempty"` // why there was no answer
	Checked time.Time `json:"checked"`
}

// ok reports whether the URL answered with a 2xx status.
func (r result) ok() bool {
	return r.Err == "" && r.Status >= 200 && r.Status < 300
}

// diagnostic returns the diagnostic for link l whose URL gave r, and false
// when the URL is fine.
func (r result) diagnostic(l Link) (diag.Diagnostic, bool) {
	var d diag.Diagnostic
	switch {
	case r.ok():
		return d, false
	case r.Err != "":
		d = diag.Warnf(l.Pos, "external link %q did not answer: %s", l.URL, r.Err)
	case r.Status == http.StatusNotFound || r.Status == http.StatusGone:
		d = diag.Errorf(l.Pos, "external link %q is gone (%s)", l.URL, statusText(r.Status)).
			WithHint("update or remove the link")
	case r.Status == http.StatusTooManyRequests:
		d = diag.Warnf(l.Pos, "external link %q was rate limited (%s)", l.URL, statusText(r.Status)).
			WithHint("check it again later")
	case r.Status == http.StatusUnauthorized || r.Status == http.StatusForbidden:
		d = diag.Warnf(l.Pos, "external link %q answered %s", l.URL, statusText(r.Status)).
			WithHint("the site may refuse automated checks; open the link in a browser to be sure")
	default:
		d = diag.Warnf(l.Pos, "external link %q answered %s", l.URL, statusText(r.Status))
	}
	return d.WithCode(diag.ExternalLink), true
}

// statusText formats a status as "404 Not Found", or just the number for a
// status Go has no name for.
func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprint(code)
}
