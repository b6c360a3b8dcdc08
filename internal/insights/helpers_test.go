package insights_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/insights"
)

// testToken is the admin token of the tests' dashboards.
const testToken = "s3cret-admin-token"

// testNow is the dashboards' clock.
var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// testPages are the pages of the site the tests serve.
var testPages = []insights.Page{
	{Path: "/", Title: "Home", Section: "Start"},
	{Path: "/ops/backups", Title: "Backups", Section: "Operations"},
	{Path: "/ops/deploy", Title: "Deploy", Section: "Operations"},
}

// at is a time on a day of November 2026.
func at(day, hour int) time.Time {
	return time.Date(2026, 11, day, hour, 0, 0, 0, time.UTC)
}

// testEntries are the feedback the tests seed: in the 30 days up to
// testNow, 3 good, 1 ok and 2 bad (score 58%); one more bad in June.
var testEntries = []feedback.Entry{
	{Time: at(23, 10), Page: "/", Rating: feedback.Good, Comment: "Great start"},
	{Time: at(22, 9), Page: "/", Rating: feedback.Good},
	{Time: at(23, 11), Page: "/ops/backups", Rating: feedback.Bad, Comment: "<script>alert(1)</script> is all I see", Version: "v2"},
	{Time: at(20, 8), Page: "/ops/backups", Rating: feedback.OK},
	{Time: at(1, 7), Page: "/ops/deploy", Rating: feedback.Good},
	{Time: time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC), Page: "/ops/deploy", Rating: feedback.Bad},
	{Time: at(21, 15), Page: "/gone", Rating: feedback.Bad, Comment: "where did it go"},
}

// openStore opens a SQLite store in a temporary folder, seeded with
// entries.
func openStore(t *testing.T, entries ...feedback.Entry) feedback.Store {
	t.Helper()
	return hbtest.FeedbackStore(t, "", entries...)
}

// newDashboard returns the dashboard's handler on a store seeded with
// testEntries.
func newDashboard(t *testing.T) http.Handler {
	t.Helper()
	return insights.New(insights.Options{
		Store:  openStore(t, testEntries...),
		Token:  testToken,
		Pages:  func() []insights.Page { return testPages },
		Logger: slog.New(slog.DiscardHandler),
		Now:    func() time.Time { return testNow },
	})
}

// do sends a request to h and returns the response and its body.
func do(t *testing.T, h http.Handler, r *http.Request) (*http.Response, string) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	res := w.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

// get sends an authorised GET of target to h.
func get(t *testing.T, h http.Handler, target string) (*http.Response, string) {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Header.Set("Authorization", "Bearer "+testToken)
	return do(t, h, r)
}

// postForm builds a POST of a form.
func postForm(target string, form url.Values) *http.Request {
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}

// sessionFor is the session cookie's value for token, computed as the
// documentation says.
func sessionFor(token string) string {
	m := hmac.New(sha256.New, []byte(token))
	m.Write([]byte("handbook insights session"))
	return hex.EncodeToString(m.Sum(nil))
}
