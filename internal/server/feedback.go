package server

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"math"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/handbookhq/handbook/internal/feedback"
)

// Feedback API limits.
const (
	// maxFeedbackBody is the largest request body accepted, in bytes.
	maxFeedbackBody = 4 << 10
	// amendWindow is how long after a rating its comment may be added.
	amendWindow = time.Hour
	// storeTimeout bounds one write to the store.
	storeTimeout = 5 * time.Second
	// unavailableRetry is the Retry-After, in seconds, of a 503.
	unavailableRetry = "30"
	// feedbackAllow is the Allow header of the feedback API.
	feedbackAllow = "POST, OPTIONS"
)

// feedbackRequest is the body of POST /api/feedback. Pointers tell a
// missing field from an empty one.
type feedbackRequest struct {
	Page    *string `json:"page"`
	Rating  *string `json:"rating"`
	Comment *string `json:"comment"`
	ID      *string `json:"id"`
}

// feedbackResponse is the body of a successful POST /api/feedback.
type feedbackResponse struct {
	ID string `json:"id"`
}

// serveFeedback answers /api/feedback: POST stores a rating (201) or
// amends one (200), OPTIONS answers CORS preflights, and other methods
// get 405.
func (s *Server) serveFeedback(w http.ResponseWriter, r *http.Request) {
	site := s.site.Load()
	if s.fb == nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "this server does not take feedback"})
		return
	}
	switch r.Method {
	case http.MethodOptions:
		preflight(w, r, site)
		return
	case http.MethodPost:
	default:
		w.Header().Set("Allow", feedbackAllow)
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "method not allowed: use POST"})
		return
	}
	if !allowOrigin(w, r, site) {
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "origin not allowed"})
		return
	}
	s.serveAPI(w, r, func(w http.ResponseWriter, r *http.Request) error {
		return s.handleFeedback(w, r, site)
	})
}

// handleFeedback stores or amends one rating.
func (s *Server) handleFeedback(w http.ResponseWriter, r *http.Request, site *Site) error {
	now := s.now()
	if s.limiter != nil {
		if ok, wait := s.limiter.allow(s.clientAddr(r), now); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			return errorf(http.StatusTooManyRequests, "too many ratings: try again later")
		}
	}
	req, err := decodeFeedback(w, r)
	if err != nil {
		return err
	}
	e := feedback.Entry{Page: *req.Page, Rating: feedback.Rating(*req.Rating)}
	if req.Comment != nil {
		e.Comment = *req.Comment
	}
	if err := e.Validate(); err != nil {
		return errorf(http.StatusBadRequest, "%s", err.Error())
	}
	if !site.hasPage(e.Page) {
		return errorf(http.StatusBadRequest, "unknown page %q", e.Page)
	}
	e.Comment = strings.TrimSpace(e.Comment)

	ctx, cancel := context.WithTimeout(r.Context(), storeTimeout)
	defer cancel()
	if req.ID != nil {
		if !validID(*req.ID) {
			return errorf(http.StatusNotFound, "no rating with this id to amend")
		}
		err := s.fb.Amend(ctx, *req.ID, e.Rating, e.Comment, now.Add(-amendWindow))
		if errors.Is(err, feedback.ErrNotFound) {
			return errorf(http.StatusNotFound, "no rating with this id to amend, or it is more than an hour old")
		}
		if err != nil {
			return s.storeError(ctx, w, err)
		}
		writeJSON(w, http.StatusOK, feedbackResponse{ID: *req.ID})
		return nil
	}
	e.ID, e.Time, e.Version = feedback.NewID(), now.UTC(), site.Branch
	if err := s.fb.Add(ctx, e); err != nil {
		return s.storeError(ctx, w, err)
	}
	writeJSON(w, http.StatusCreated, feedbackResponse{ID: e.ID})
	return nil
}

// storeError turns an unavailable or slow store into 503 with
// Retry-After; other errors are logged as they are.
func (s *Server) storeError(ctx context.Context, w http.ResponseWriter, err error) error {
	if errors.Is(err, feedback.ErrUnavailable) || errors.Is(err, feedback.ErrClosed) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		s.log.Warn("feedback store unavailable", "err", err)
		w.Header().Set("Retry-After", unavailableRetry)
		return errorf(http.StatusServiceUnavailable, "feedback is unavailable: try again later")
	}
	return err
}

// decodeFeedback reads and checks the request body: JSON of at most
// maxFeedbackBody bytes, one object with known fields and page and rating
// present.
func decodeFeedback(w http.ResponseWriter, r *http.Request) (*feedbackRequest, error) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return nil, errorf(http.StatusUnsupportedMediaType, "send the body as application/json")
	}
	for k, v := range params {
		if k != "charset" || !strings.EqualFold(v, "utf-8") {
			return nil, errorf(http.StatusUnsupportedMediaType, "send the body as application/json; charset=utf-8")
		}
	}
	if r.ContentLength > maxFeedbackBody {
		return nil, errorf(http.StatusRequestEntityTooLarge, "body is larger than %d bytes", maxFeedbackBody)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxFeedbackBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, errorf(http.StatusRequestEntityTooLarge, "body is larger than %d bytes", maxFeedbackBody)
		}
		return nil, errorf(http.StatusBadRequest, "read body: %v", err)
	}
	if !utf8.Valid(body) {
		return nil, errorf(http.StatusBadRequest, "body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var req feedbackRequest
	if err := dec.Decode(&req); err != nil {
		return nil, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errorf(http.StatusBadRequest, "body has data after the JSON object")
	}
	for _, f := range []struct {
		name  string
		value *string
	}{{"page", req.Page}, {"rating", req.Rating}} {
		if f.value == nil {
			return nil, errorf(http.StatusBadRequest, "missing field %q", f.name)
		}
	}
	return &req, nil
}

// jsonError describes a decoding error to the client.
func jsonError(err error) error {
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &typ) && typ.Field != "":
		return errorf(http.StatusBadRequest, "field %q must be a string", typ.Field)
	case errors.As(err, &typ):
		return errorf(http.StatusBadRequest, "body must be a JSON object")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return errorf(http.StatusBadRequest, "unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	case errors.Is(err, io.EOF):
		return errorf(http.StatusBadRequest, "body is empty: send a JSON object")
	}
	return errorf(http.StatusBadRequest, "body is not valid JSON")
}

// validID reports whether id looks like a feedback.NewID.
func validID(id string) bool {
	if len(id) != 32 {
		return false
	}
	_, err := hex.DecodeString(id)
	return err == nil
}

// clientAddr is the address the rate limit counts a request under: the
// last address of the configured header, which the trusted proxy in front
// appended, or else the connection's address. It is never logged or
// stored.
func (s *Server) clientAddr(r *http.Request) string {
	if s.ipHeader != "" {
		vals := r.Header.Values(s.ipHeader)
		if len(vals) > 0 {
			parts := strings.Split(vals[len(vals)-1], ",")
			if a := strings.TrimSpace(parts[len(parts)-1]); a != "" {
				return a
			}
		}
	}
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

// hasPage reports whether p is one of the site's page URL paths, exactly
// as written.
func (s *Site) hasPage(p string) bool {
	u, ok := s.lower[strings.ToLower(p)]
	return ok && u == p
}
