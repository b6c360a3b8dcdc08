package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/feedback/sqlitestore"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/insights"
)

// clock is a settable time for the rate limit and the amend window.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// feedbackFixture is a server for a two-page site, with feedback kept in
// a SQLite file.
type feedbackFixture struct {
	srv   *Server
	store feedback.Store
	clock *clock
}

func newFeedbackFixture(t *testing.T, o Options) *feedbackFixture {
	t.Helper()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide.md)
-- README.md --
# Home
-- guide.md --
# Guide
`)
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "feedback.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	site := NewSite(b.Out, nil, b.Result.URLs)
	site.Branch, site.BaseURL = "main", "https://handbook.example.com/docs/"
	c := &clock{t: time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)}
	if o.Feedback == nil {
		o.Feedback = st
	}
	o.Now = c.now
	return &feedbackFixture{srv: NewWith(site, o), store: st, clock: c}
}

// post sends body to /api/feedback as JSON, with the headers given as
// "Name: value".
func (f *feedbackFixture) post(body string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/api/feedback", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec
}

// entries returns every stored entry.
func (f *feedbackFixture) entries(t *testing.T) []feedback.Entry {
	t.Helper()
	var es []feedback.Entry
	if err := f.store.Each(context.Background(), feedback.Filter{}, func(e feedback.Entry) error {
		es = append(es, e)
		return nil
	}); err != nil {
		t.Fatalf("each: %v", err)
	}
	return es
}

// jsonBody decodes a JSON response into a map, failing on anything else.
func jsonBody(t *testing.T, rec *httptest.ResponseRecorder) map[string]string {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("got Content-Type %q, want JSON", ct)
	}
	var m map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("body %q is not a JSON object of strings: %v", rec.Body.String(), err)
	}
	return m
}

func TestFeedbackStoresARating(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{})
	rec := f.post(`{"page": "/guide", "rating": "good"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("got status %d (%s), want 201", rec.Code, rec.Body)
	}
	id := jsonBody(t, rec)["id"]
	if !validID(id) {
		t.Errorf("got id %q, want 32 hex digits", id)
	}
	es := f.entries(t)
	if len(es) != 1 {
		t.Fatalf("got %d entries, want 1", len(es))
	}
	e := es[0]
	if e.ID != id || e.Page != "/guide" || e.Rating != feedback.Good || e.Comment != "" || e.Version != "main" || !e.Time.Equal(f.clock.now()) {
		t.Errorf("got %+v, want the rating of /guide with id %s, version main, at %v", e, id, f.clock.now())
	}
}

func TestFeedbackTakesACommentAtOnce(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{})
	rec := f.post(`{"page": "/", "rating": "bad", "comment": "  Out of date.  "}`, "Content-Type: application/json; charset=UTF-8")
	if rec.Code != http.StatusCreated {
		t.Fatalf("got status %d (%s), want 201", rec.Code, rec.Body)
	}
	if es := f.entries(t); len(es) != 1 || es[0].Comment != "Out of date." || es[0].Page != "/" {
		t.Errorf("got %+v, want one entry for / with the trimmed comment", es)
	}
}

func TestFeedbackAmendAddsTheCommentToTheSameEntry(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{})
	id := jsonBody(t, f.post(`{"page": "/guide", "rating": "ok"}`))["id"]
	f.clock.add(59 * time.Minute)
	rec := f.post(`{"page": "/guide", "rating": "bad", "comment": "The steps skip a login.", "id": "` + id + `"}`)
	if rec.Code != http.StatusOK {
		t.Fatalf("got status %d (%s), want 200", rec.Code, rec.Body)
	}
	if got := jsonBody(t, rec)["id"]; got != id {
		t.Errorf("got id %q, want the amended entry's %q", got, id)
	}
	es := f.entries(t)
	if len(es) != 1 {
		t.Fatalf("got %d entries, want the one amended", len(es))
	}
	if es[0].ID != id || es[0].Rating != feedback.Bad || es[0].Comment != "The steps skip a login." {
		t.Errorf("got %+v, want entry %s rated bad with the comment", es[0], id)
	}
}

func TestFeedbackAmendOfAnUnknownOrExpiredIDIsNotFound(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{})
	id := jsonBody(t, f.post(`{"page": "/guide", "rating": "ok"}`))["id"]
	f.clock.add(61 * time.Minute)
	for name, other := range map[string]string{
		"expired":     id,
		"unknown":     feedback.NewID(),
		"not an id":   "x",
		"hex but odd": strings.Repeat("a", 31),
	} {
		rec := f.post(`{"page": "/guide", "rating": "good", "comment": "Late words.", "id": "` + other + `"}`)
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s: got status %d, want 404", name, rec.Code)
		}
		if jsonBody(t, rec)["error"] == "" {
			t.Errorf("%s: got no error message", name)
		}
	}
	if es := f.entries(t); len(es) != 1 || es[0].Rating != feedback.OK || es[0].Comment != "" {
		t.Errorf("got %+v, want the first rating unchanged", es)
	}
}

func TestFeedbackRejectsBadInput(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{})
	for _, tc := range []struct {
		name, body, contentType string
		status                  int
		msg                     string
	}{
		{"unknown page", `{"page": "/nowhere", "rating": "good"}`, "", 400, `unknown page "/nowhere"`},
		{"page not a path", `{"page": "guide", "rating": "good"}`, "", 400, "page must be"},
		{"bad rating", `{"page": "/guide", "rating": "great"}`, "", 400, `rating "great" is not one of good, ok, bad`},
		{"comment too short", `{"page": "/guide", "rating": "good", "comment": "ok"}`, "", 400, "at least 3 characters"},
		{"comment of spaces", `{"page": "/guide", "rating": "good", "comment": "   "}`, "", 400, "at least 3 characters"},
		{"comment too long", `{"page": "/guide", "rating": "good", "comment": "` + strings.Repeat("é", 513) + `"}`, "", 400, "at most 512 characters"},
		{"comment with a control character", `{"page": "/guide", "rating": "good", "comment": "bell\u0007bell"}`, "", 400, "control character"},
		{"invalid UTF-8", "{\"page\": \"/guide\", \"rating\": \"good\", \"comment\": \"caf\xe9 \xff\"}", "", 400, "not valid UTF-8"},
		{"body over 4 KB", `{"page": "/guide", "rating": "good", "comment": "` + strings.Repeat("a", 4100) + `"}`, "", 413, "larger than 4096 bytes"},
		{"text content type", `{"page": "/guide", "rating": "good"}`, "text/plain", 415, "application/json"},
		{"form content type", `page=/guide&rating=good`, "application/x-www-form-urlencoded", 415, "application/json"},
		{"no content type", `{"page": "/guide", "rating": "good"}`, "-", 415, "application/json"},
		{"other charset", `{"page": "/guide", "rating": "good"}`, "application/json; charset=latin1", 415, "charset=utf-8"},
		{"unknown field", `{"page": "/guide", "rating": "good", "email": "a@b.c"}`, "", 400, `unknown field "email"`},
		{"trailing data", `{"page": "/guide", "rating": "good"} {}`, "", 400, "data after the JSON object"},
		{"trailing garbage", `{"page": "/guide", "rating": "good"}x`, "", 400, "data after the JSON object"},
		{"missing page", `{"rating": "good"}`, "", 400, `missing field "page"`},
		{"missing rating", `{"page": "/guide"}`, "", 400, `missing field "rating"`},
		{"null", `null`, "", 400, `missing field "page"`},
		{"empty body", ``, "", 400, "body is empty"},
		{"not JSON", `page=/guide`, "", 400, "not valid JSON"},
		{"an array", `[{"page": "/guide", "rating": "good"}]`, "", 400, "must be a JSON object"},
		{"rating a number", `{"page": "/guide", "rating": 1}`, "", 400, `field "rating" must be a string`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var headers []string
			switch tc.contentType {
			case "":
			case "-":
				headers = append(headers, "Content-Type: ")
			default:
				headers = append(headers, "Content-Type: "+tc.contentType)
			}
			rec := f.post(tc.body, headers...)
			if rec.Code != tc.status {
				t.Errorf("got status %d (%s), want %d", rec.Code, rec.Body, tc.status)
			}
			if msg := jsonBody(t, rec)["error"]; !strings.Contains(msg, tc.msg) {
				t.Errorf("got error %q, want it to contain %q", msg, tc.msg)
			}
			if es := f.entries(t); len(es) != 0 {
				t.Errorf("got %d entries stored, want none", len(es))
			}
		})
	}
}

func TestFeedbackAllowsPostAndOptionsOnly(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{})
	for _, method := range []string{"GET", "HEAD", "PUT", "DELETE"} {
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, httptest.NewRequest(method, "/api/feedback", nil))
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s: got status %d, want 405", method, rec.Code)
		}
		if got := rec.Header().Get("Allow"); got != "POST, OPTIONS" {
			t.Errorf("%s: got Allow %q, want POST, OPTIONS", method, got)
		}
	}
}

func TestFeedbackIsOffWithoutAStore(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{})
	srv := New(f.srv.site.Load(), nil)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/api/feedback", strings.NewReader(`{"page": "/guide", "rating": "good"}`))
	req.Header.Set("Content-Type", "application/json")
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotFound {
		t.Errorf("got status %d, want 404", rec.Code)
	}
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, insights.Prefix, nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("GET %s: got status %d, want 404", insights.Prefix, rec.Code)
	}
}

func TestFeedbackRateLimit(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{FeedbackRate: 2, ClientIPHeader: "X-Forwarded-For"})
	rating := `{"page": "/guide", "rating": "good"}`
	reader := "X-Forwarded-For: 198.51.100.7, 203.0.113.5"
	for i := range 2 {
		if rec := f.post(rating, reader); rec.Code != http.StatusCreated {
			t.Fatalf("rating %d: got status %d, want 201", i+1, rec.Code)
		}
	}
	f.clock.add(15 * time.Second)
	rec := f.post(rating, reader)
	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("third rating: got status %d, want 429", rec.Code)
	}
	if got := rec.Header().Get("Retry-After"); got != "45" {
		t.Errorf("got Retry-After %q, want 45", got)
	}
	if jsonBody(t, rec)["error"] == "" {
		t.Error("got no error message")
	}
	// The last address is the one the proxy appended: another one is
	// another reader, whatever the reader claims before it.
	if rec := f.post(rating, "X-Forwarded-For: 198.51.100.7, 203.0.113.6"); rec.Code != http.StatusCreated {
		t.Errorf("another reader: got status %d, want 201", rec.Code)
	}
	f.clock.add(45 * time.Second)
	if rec := f.post(rating, reader); rec.Code != http.StatusCreated {
		t.Errorf("after the minute: got status %d, want 201", rec.Code)
	}
	if n := len(f.entries(t)); n != 4 {
		t.Errorf("got %d entries, want 4", n)
	}
}

func TestFeedbackWithoutRateLimit(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{FeedbackRate: 0})
	for i := range 30 {
		if rec := f.post(`{"page": "/guide", "rating": "ok"}`); rec.Code != http.StatusCreated {
			t.Fatalf("rating %d: got status %d, want 201", i+1, rec.Code)
		}
	}
}

func TestFeedbackCORS(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{})
	preflight := func(origin string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodOptions, "/api/feedback", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		return rec
	}
	rating := `{"page": "/guide", "rating": "good"}`

	rec := preflight("https://handbook.example.com")
	if rec.Code != http.StatusNoContent {
		t.Errorf("preflight from the site: got status %d, want 204", rec.Code)
	}
	for k, v := range map[string]string{
		"Access-Control-Allow-Origin":  "https://handbook.example.com",
		"Access-Control-Allow-Methods": "POST",
		"Access-Control-Allow-Headers": "Content-Type",
		"Vary":                         "Origin",
	} {
		if got := rec.Header().Get(k); got != v {
			t.Errorf("preflight from the site: got %s %q, want %q", k, got, v)
		}
	}
	rec = f.post(rating, "Origin: https://handbook.example.com")
	if rec.Code != http.StatusCreated || rec.Header().Get("Access-Control-Allow-Origin") != "https://handbook.example.com" {
		t.Errorf("POST from the site: got status %d and Allow-Origin %q, want 201 and the site's origin",
			rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
	}
	// httptest requests are for example.com: the same origin needs no
	// CORS headers.
	rec = f.post(rating, "Origin: http://example.com")
	if rec.Code != http.StatusCreated || rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("POST from the same origin: got status %d and Allow-Origin %q, want 201 and none",
			rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
	}

	for _, origin := range []string{"https://evil.example", "http://handbook.example.com", "https://handbook.example.com.evil.example", "null"} {
		rec := preflight(origin)
		if rec.Code != http.StatusForbidden || rec.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("preflight from %s: got status %d and Allow-Origin %q, want 403 and none",
				origin, rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
		}
		rec = f.post(rating, "Origin: "+origin)
		if rec.Code != http.StatusForbidden || rec.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("POST from %s: got status %d and Allow-Origin %q, want 403 and none",
				origin, rec.Code, rec.Header().Get("Access-Control-Allow-Origin"))
		}
	}
	if n := len(f.entries(t)); n != 2 {
		t.Errorf("got %d entries, want the 2 allowed", n)
	}
}

// unavailableStore is a store whose database cannot be reached. It is a
// test double only because a real store cannot be made to report
// feedback.ErrUnavailable on demand; every other test uses SQLite.
type unavailableStore struct{ feedback.Store }

func (unavailableStore) Add(context.Context, feedback.Entry) error {
	return errors.Join(feedback.ErrUnavailable, errors.New("dial tcp 127.0.0.1:5432: connection refused"))
}

func TestFeedbackAnswers503WhenTheStoreIsUnavailable(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{Feedback: unavailableStore{}})
	rec := f.post(`{"page": "/guide", "rating": "good"}`)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("got status %d, want 503", rec.Code)
	}
	if rec.Header().Get("Retry-After") == "" {
		t.Error("got no Retry-After")
	}
	if msg := jsonBody(t, rec)["error"]; strings.Contains(msg, "5432") {
		t.Errorf("got error %q, want no details of the store", msg)
	}
}

func TestFeedbackAnswers503WhenTheStoreIsClosed(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{})
	if err := f.store.Close(); err != nil {
		t.Fatal(err)
	}
	rec := f.post(`{"page": "/guide", "rating": "good"}`)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("got status %d and Retry-After %q, want 503 and a delay", rec.Code, rec.Header().Get("Retry-After"))
	}
}

func TestInsightsAreMountedWithTheStore(t *testing.T) {
	t.Parallel()
	f := newFeedbackFixture(t, Options{AdminToken: "s3cret-token"})
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, insights.Prefix, nil))
	if rec.Code == http.StatusNotFound || strings.Contains(rec.Body.String(), "<h1 class=\"hb-title\">") {
		t.Errorf("GET %s: got status %d from the site, want the dashboard", insights.Prefix, rec.Code)
	}
}
