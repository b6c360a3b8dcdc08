package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/handbookhq/handbook/internal/search"
)

// handlerFunc is an API handler: it writes a response, or returns an
// error that writeError turns into one.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// apiError is an error with the status and the message a client sees.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &apiError{status: status, msg: fmt.Sprintf(format, args...)}
}

// serveAPI runs h and answers its error as JSON, {"error": "..."}. Errors
// that are not apiErrors are logged and reach the client as a bare 500.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, h handlerFunc) {
	err := h(w, r)
	if err == nil {
		return
	}
	var ae *apiError
	if !errors.As(err, &ae) {
		s.log.Error("api", "path", r.URL.Path, "err", err)
		ae = &apiError{status: http.StatusInternalServerError, msg: "internal error"}
	}
	if ae.status == http.StatusMethodNotAllowed && w.Header().Get("Allow") == "" {
		w.Header().Set("Allow", "GET, HEAD")
	}
	writeJSON(w, ae.status, map[string]string{"error": ae.msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// Search limits: the default and the most results one query returns.
const (
	defaultSearchLimit = 10
	maxSearchLimit     = 50
)

// searchResponse is the body of GET /api/search.
type searchResponse struct {
	Query   string          `json:"query"`
	Results []search.Result `json:"results"`
}

// handleSearch answers GET /api/search?q=...&limit=... from the site's
// search index.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return errorf(http.StatusMethodNotAllowed, "method not allowed")
	}
	q := r.URL.Query().Get("q")
	if strings.TrimSpace(q) == "" {
		return errorf(http.StatusBadRequest, "missing query: give q")
	}
	limit := defaultSearchLimit
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return errorf(http.StatusBadRequest, "limit must be a positive integer")
		}
		limit = min(n, maxSearchLimit)
	}
	sr, err := s.site.Load().searcher()
	if err != nil {
		return err
	}
	res, err := sr.Search(q, limit)
	if err != nil {
		return err
	}
	if res == nil {
		res = []search.Result{}
	}
	writeJSON(w, http.StatusOK, searchResponse{Query: q, Results: res})
	return nil
}

// searcher opens the site's search index once.
func (s *Site) searcher() (*search.Searcher, error) {
	s.searchOnce.Do(func() {
		fsys := os.DirFS(s.Dir)
		entry := searchDir + search.EntryName
		if _, err := fs.Stat(fsys, entry); err != nil {
			s.searchErr = errorf(http.StatusNotFound, "the site has no search index")
			return
		}
		s.search, s.searchErr = search.Open(fsys, entry)
	})
	return s.search, s.searchErr
}

// searchDir holds the search index in a built site.
const searchDir = "_handbook/search/"
