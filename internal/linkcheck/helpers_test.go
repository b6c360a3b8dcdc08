package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/handbookhq/handbook/internal/diag"
)

// recorder is a test server that records the requests it gets, as
// "METHOD /path", and answers them with handler.
type recorder struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string
}

func serve(t *testing.T, handler http.HandlerFunc) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.mu.Lock()
		rec.seen = append(rec.seen, r.Method+" "+r.URL.Path)
		rec.mu.Unlock()
		handler(w, r)
	}))
	t.Cleanup(rec.Close)
	return rec
}

// requests returns the requests seen so far.
func (rec *recorder) requests() []string {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]string(nil), rec.seen...)
}

// links makes one Link per URL, on successive lines of page.md.
func links(urls ...string) []Link {
	var ls []Link
	for i, u := range urls {
		ls = append(ls, Link{URL: u, Pos: diag.Pos{File: "page.md", Line: i + 1, Col: 1}})
	}
	return ls
}

// mustCheck runs Check and fails the test on an error.
func mustCheck(t *testing.T, ls []Link, o Options) diag.List {
	t.Helper()
	got, err := Check(context.Background(), ls, o)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return got
}

// one returns the only diagnostic of l, failing the test when there is not
// exactly one.
func one(t *testing.T, l diag.List) diag.Diagnostic {
	t.Helper()
	if len(l) != 1 {
		t.Fatalf("got %d diagnostics, want 1:\n%v", len(l), l)
	}
	return l[0]
}
