package server

import (
	"net/http"
	"net/url"
	"strings"
)

// corsMaxAge is how long, in seconds, browsers may cache a preflight.
const corsMaxAge = "600"

// allowOrigin decides whether a browser request to the feedback API may
// proceed, and answers the CORS headers when it may. A request without
// an Origin header (not from a browser's script) and a same-origin
// request are allowed; so is a cross-origin one from the origin of the
// site's base_url, which gets Access-Control-Allow-Origin with that exact
// origin. Any other origin gets no CORS headers and is refused.
func allowOrigin(w http.ResponseWriter, r *http.Request, site *Site) bool {
	w.Header().Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	if strings.EqualFold(u.Host, r.Host) {
		// Same origin: the page was served from here. The scheme is not
		// compared, as a proxy may end TLS in front of the server.
		return true
	}
	if base := site.origin(); base == "" || !strings.EqualFold(origin, base) {
		return false
	}
	w.Header().Set("Access-Control-Allow-Origin", origin)
	return true
}

// preflight answers an OPTIONS request to the feedback API.
func preflight(w http.ResponseWriter, r *http.Request, site *Site) {
	w.Header().Set("Allow", feedbackAllow)
	if !allowOrigin(w, r, site) {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "origin not allowed"})
		return
	}
	if w.Header().Get("Access-Control-Allow-Origin") != "" {
		w.Header().Set("Access-Control-Allow-Methods", "POST")
		w.Header().Set("Access-Control-Allow-Headers", "Content-Type")
		w.Header().Set("Access-Control-Max-Age", corsMaxAge)
	}
	w.WriteHeader(http.StatusNoContent)
}

// origin is the scheme and host of the site's base_url, or "".
func (s *Site) origin() string {
	if s.BaseURL == "" {
		return ""
	}
	u, err := url.Parse(s.BaseURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Scheme + "://" + u.Host)
}
