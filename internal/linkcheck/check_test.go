package linkcheck

import (
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/diag"
)

func TestStatuses(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok":
		case "/created":
			w.WriteHeader(http.StatusCreated)
		case "/missing":
			http.NotFound(w, r)
		case "/gone":
			w.WriteHeader(http.StatusGone)
		case "/broken":
			w.WriteHeader(http.StatusInternalServerError)
		case "/down":
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/private":
			w.WriteHeader(http.StatusForbidden)
		case "/odd":
			w.WriteHeader(599)
		}
	})
	for _, tc := range []struct {
		path     string
		severity diag.Severity
		msg      string // "" for no diagnostic
	}{
		{"/ok", 0, ""},
		{"/created", 0, ""},
		{"/missing", diag.Error, "is gone (404 Not Found)"},
		{"/gone", diag.Error, "is gone (410 Gone)"},
		{"/broken", diag.Warning, "answered 500 Internal Server Error"},
		{"/down", diag.Warning, "answered 503 Service Unavailable"},
		{"/private", diag.Warning, "answered 403 Forbidden"},
		{"/odd", diag.Warning, "answered 599"},
	} {
		t.Run(strings.TrimPrefix(tc.path, "/"), func(t *testing.T) {
			t.Parallel()
			u := srv.URL + tc.path
			got := mustCheck(t, links(u), Options{})
			if tc.msg == "" {
				if len(got) != 0 {
					t.Fatalf("got %v, want no diagnostic", got)
				}
				return
			}
			d := one(t, got)
			want := "external link \"" + u + "\" " + tc.msg
			if d.Msg != want || d.Severity != tc.severity || d.Code != diag.ExternalLink {
				t.Errorf("got %s %q code %q, want %s %q code %q", d.Severity, d.Msg, d.Code, tc.severity, want, diag.ExternalLink)
			}
			if d.Pos != (diag.Pos{File: "page.md", Line: 1, Col: 1}) {
				t.Errorf("got position %v, want page.md:1:1", d.Pos)
			}
		})
	}
}

func TestGoneHasHint(t *testing.T) {
	t.Parallel()
	srv := serve(t, http.NotFound)
	d := one(t, mustCheck(t, links(srv.URL+"/x"), Options{}))
	if d.Hint != "update or remove the link" {
		t.Errorf("got hint %q, want %q", d.Hint, "update or remove the link")
	}
}

func TestHeadNotAllowedFallsBackToGet(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		_, _ = w.Write([]byte(strings.Repeat("body ", 10000)))
	})
	if got := mustCheck(t, links(srv.URL+"/page"), Options{}); len(got) != 0 {
		t.Errorf("got %v, want no diagnostic", got)
	}
	want := []string{"HEAD /page", "GET /page"}
	if got := srv.requests(); !slices.Equal(got, want) {
		t.Errorf("got requests %q, want %q", got, want)
	}
}

func TestHeadNotFoundIsConfirmedWithGet(t *testing.T) {
	t.Parallel()
	// Some servers answer HEAD with 404 for pages that exist.
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			http.NotFound(w, r)
		}
	})
	if got := mustCheck(t, links(srv.URL+"/page"), Options{}); len(got) != 0 {
		t.Errorf("got %v, want no diagnostic", got)
	}
}

func TestHeadDroppedConnectionFallsBackToGet(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodHead {
			return
		}
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		_ = conn.Close()
	})
	if got := mustCheck(t, links(srv.URL+"/page"), Options{}); len(got) != 0 {
		t.Errorf("got %v, want no diagnostic", got)
	}
	if got := srv.requests(); !slices.Contains(got, "GET /page") {
		t.Errorf("got requests %q, want a GET after the dropped HEAD", got)
	}
}

func TestRedirects(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a":
			http.Redirect(w, r, "/b", http.StatusMovedPermanently)
		case "/b":
			http.Redirect(w, r, "/ok", http.StatusFound)
		case "/ok":
		case "/x":
			http.Redirect(w, r, "/y", http.StatusFound)
		case "/y":
			http.Redirect(w, r, "/missing", http.StatusTemporaryRedirect)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	})
	got := mustCheck(t, links(srv.URL+"/a", srv.URL+"/x", srv.URL+"/loop"), Options{})
	if len(got) != 2 {
		t.Fatalf("got %d diagnostics, want 2:\n%v", len(got), got)
	}
	if d := got[0]; d.Pos.Line != 2 || d.Severity != diag.Error || !strings.HasSuffix(d.Msg, "is gone (404 Not Found)") {
		t.Errorf("got %v, want the chain to /missing gone at line 2", d)
	}
	if d := got[1]; d.Pos.Line != 3 || d.Severity != diag.Warning || !strings.HasSuffix(d.Msg, "did not answer: stopped after 10 redirects") {
		t.Errorf("got %v, want the loop stopped at line 3", d)
	}
}

func TestTimeout(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(_ http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	u := srv.URL + "/slow"
	d := one(t, mustCheck(t, links(u), Options{Timeout: 50 * time.Millisecond}))
	want := `external link "` + u + `" did not answer: timeout after 50ms`
	if d.Msg != want || d.Severity != diag.Warning {
		t.Errorf("got %s %q, want warning %q", d.Severity, d.Msg, want)
	}
	// A timeout would be the same with GET; it is not asked again. (On a
	// busy machine the HEAD itself may time out before the server sees it.)
	if got := srv.requests(); slices.Contains(got, "GET /slow") {
		t.Errorf("got requests %q, want no GET after a timeout", got)
	}
}

func TestRateLimitedThenFine(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, _ *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
	if got := mustCheck(t, links(srv.URL+"/p"), Options{}); len(got) != 0 {
		t.Errorf("got %v, want no diagnostic", got)
	}
	if got := srv.requests(); len(got) != 2 {
		t.Errorf("got requests %q, want two", got)
	}
}

func TestRateLimitedTwiceIsAWarning(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	d := one(t, mustCheck(t, links(srv.URL+"/p"), Options{}))
	if d.Severity != diag.Warning || !strings.Contains(d.Msg, "rate limited (429 Too Many Requests)") {
		t.Errorf("got %s %q, want a rate-limited warning", d.Severity, d.Msg)
	}
	if got := srv.requests(); len(got) != 2 {
		t.Errorf("got requests %q, want the first and one retry", got)
	}
}

func TestRateLimitedWithLongWaitIsNotRetried(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	d := one(t, mustCheck(t, links(srv.URL+"/p"), Options{}))
	if !strings.Contains(d.Msg, "rate limited") {
		t.Errorf("got %q, want a rate-limited warning", d.Msg)
	}
	if got := srv.requests(); len(got) != 1 {
		t.Errorf("got requests %q, want one", got)
	}
}

func TestEachURLIsCheckedOnce(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
		}
	})
	ls := []Link{
		{URL: srv.URL + "/page#intro", Pos: diag.Pos{File: "a.md", Line: 1}},
		{URL: srv.URL + "/page#usage", Pos: diag.Pos{File: "b.md", Line: 2}},
		{URL: srv.URL + "/page", Pos: diag.Pos{File: "c.md", Line: 3}},
		{URL: srv.URL + "/missing#x", Pos: diag.Pos{File: "b.md", Line: 9}},
		{URL: srv.URL + "/missing", Pos: diag.Pos{File: "a.md", Line: 5}},
	}
	got := mustCheck(t, ls, Options{})
	want := []string{"HEAD /page", "HEAD /missing", "GET /missing"}
	if req := srv.requests(); !sameItems(req, want) {
		t.Errorf("got requests %q, want %q", req, want)
	}
	// One diagnostic per link, sorted, each with the URL as written.
	if len(got) != 2 {
		t.Fatalf("got %d diagnostics, want 2:\n%v", len(got), got)
	}
	if got[0].Pos.File != "a.md" || got[1].Pos.File != "b.md" || !strings.Contains(got[1].Msg, "/missing#x") {
		t.Errorf("got %v, want a.md then b.md with its fragment", got)
	}
}

func sameItems(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestUserAgent(t *testing.T) {
	t.Parallel()
	agents := make(chan string, 1)
	srv := serve(t, func(_ http.ResponseWriter, r *http.Request) {
		agents <- r.UserAgent()
	})
	mustCheck(t, links(srv.URL), Options{})
	if got := <-agents; got != DefaultUserAgent {
		t.Errorf("got User-Agent %q, want %q", got, DefaultUserAgent)
	}
	mustCheck(t, links(srv.URL), Options{UserAgent: "mine/2"})
	if got := <-agents; got != "mine/2" {
		t.Errorf("got User-Agent %q, want %q", got, "mine/2")
	}
}

func TestUntrustedCertificateIsAWarning(t *testing.T) {
	t.Parallel()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	t.Cleanup(srv.Close)
	d := one(t, mustCheck(t, links(srv.URL), Options{}))
	if d.Severity != diag.Warning || !strings.Contains(d.Msg, "did not answer: TLS error: ") {
		t.Errorf("got %s %q, want a TLS warning", d.Severity, d.Msg)
	}
	// With a client that trusts the server, the same link is fine.
	if got := mustCheck(t, links(srv.URL), Options{Client: srv.Client()}); len(got) != 0 {
		t.Errorf("got %v with the server's client, want no diagnostic", got)
	}
}

// TestRefusedConnectionIsAWarning is not parallel: the port it frees could
// be taken by another test's server.
func TestRefusedConnectionIsAWarning(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	u := "http://" + ln.Addr().String() + "/"
	_ = ln.Close()
	d := one(t, mustCheck(t, links(u), Options{}))
	want := `external link "` + u + `" did not answer: connection refused`
	if d.Msg != want || d.Severity != diag.Warning {
		t.Errorf("got %s %q, want warning %q", d.Severity, d.Msg, want)
	}
}

func TestProgress(t *testing.T) {
	t.Parallel()
	srv := serve(t, func(http.ResponseWriter, *http.Request) {})
	var calls [][2]int
	mustCheck(t, links(srv.URL+"/a", srv.URL+"/b", srv.URL+"/b#x", "mailto:x@example.com"), Options{
		Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) },
	})
	want := [][2]int{{0, 2}, {1, 2}, {2, 2}}
	if !slices.Equal(calls, want) {
		t.Errorf("got progress %v, want %v", calls, want)
	}
}
