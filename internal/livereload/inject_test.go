package livereload_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbookhq/handbook/internal/livereload"
)

const tag = `<script src="/_live/client.js" defer></script>`

func TestInjectAddsTheTagOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, ctype, page, want string
	}{
		{"before head end", "text/html; charset=utf-8", "<html><head><title>x</title></head><body></body></html>",
			"<html><head><title>x</title>" + tag + "</head><body></body></html>"},
		{"upper case", "text/html", "<HTML><HEAD></HEAD><BODY></BODY></HTML>", "<HTML><HEAD>" + tag + "</HEAD><BODY></BODY></HTML>"},
		{"before body end", "text/html", "<p>a</p></body>", "<p>a</p>" + tag + "</body>"},
		{"at the end", "text/html", "<p>a</p>", "<p>a</p>" + tag},
		{"sniffed", "", "<!doctype html><html><head></head></html>", "<!doctype html><html><head>" + tag + "</head></html>"},
		{"already there", "text/html", "<head>" + tag + "</head>", "<head>" + tag + "</head>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := livereload.Inject(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tc.ctype != "" {
					w.Header().Set("Content-Type", tc.ctype)
				}
				w.Header().Set("Content-Length", strconv.Itoa(len(tc.page)))
				// Written in two pieces, as a handler may.
				_, _ = io.WriteString(w, tc.page[:len(tc.page)/2])
				_, _ = io.WriteString(w, tc.page[len(tc.page)/2:])
			}))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/page", nil))
			if got := rec.Body.String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if got, want := rec.Header().Get("Content-Length"), strconv.Itoa(len(tc.want)); got != want {
				t.Errorf("Content-Length %s, want %s", got, want)
			}
			if rec.Code != http.StatusOK {
				t.Errorf("status %d, want 200", rec.Code)
			}
		})
	}
}

func TestInjectKeepsTheStatus(t *testing.T) {
	t.Parallel()
	h := livereload.Inject(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, "<body>not found</body>")
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/missing", nil))
	if rec.Code != http.StatusNotFound || rec.Body.String() != "<body>not found"+tag+"</body>" {
		t.Errorf("got %d %q, want 404 with the tag", rec.Code, rec.Body.String())
	}
}

func TestInjectLeavesOtherResponsesAlone(t *testing.T) {
	t.Parallel()
	files := fstest.MapFS{
		"index.html": {Data: []byte("<html><head></head><body>home</body></html>"), ModTime: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)},
		"style.css":  {Data: []byte("body{color:red}"), ModTime: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)},
	}
	srv := httptest.NewServer(livereload.Inject(http.FileServerFS(files)))
	t.Cleanup(srv.Close)
	const html = "<html><head></head><body>home</body></html>"
	for _, tc := range []struct {
		name, method, path string
		header             map[string]string
		status             int
		body, length       string
	}{
		{"html", "GET", "/", nil, 200, "<html><head>" + tag + "</head><body>home</body></html>", strconv.Itoa(len(html) + len(tag))},
		{"css", "GET", "/style.css", nil, 200, "body{color:red}", "15"},
		{"not modified", "GET", "/", map[string]string{"If-Modified-Since": "Thu, 02 Jan 2025 03:04:05 GMT"}, 304, "", ""},
		{"range", "GET", "/", map[string]string{"Range": "bytes=0-5"}, 206, "<html>", "6"},
		{"head", "HEAD", "/", nil, 200, "", strconv.Itoa(len(html))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			req, err := http.NewRequest(tc.method, srv.URL+tc.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			res, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = res.Body.Close() }()
			body, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != tc.status || string(body) != tc.body {
				t.Errorf("got %d %q, want %d %q", res.StatusCode, body, tc.status, tc.body)
			}
			if got := res.Header.Get("Content-Length"); got != tc.length {
				t.Errorf("Content-Length %q, want %q", got, tc.length)
			}
		})
	}
}

func TestInjectLeavesCompressedPagesAlone(t *testing.T) {
	t.Parallel()
	h := livereload.Inject(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = io.WriteString(w, "\x1f\x8bnot really gzip")
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if got := rec.Body.String(); got != "\x1f\x8bnot really gzip" {
		t.Errorf("got %q, want the body untouched", got)
	}
}

func TestInjectStreamsWhatItLeavesAlone(t *testing.T) {
	t.Parallel()
	// A handler that flushes a non-HTML response and waits: its first
	// bytes must reach the client before the handler returns.
	release := make(chan struct{})
	h := livereload.Inject(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, "first\n")
		if err := http.NewResponseController(w).Flush(); err != nil {
			t.Errorf("Flush: %v", err)
		}
		<-release
		_, _ = io.WriteString(w, "second\n")
	}))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	defer close(release)
	res, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = res.Body.Close() }()
	buf := make([]byte, len("first\n"))
	if _, err := io.ReadFull(res.Body, buf); err != nil || string(buf) != "first\n" {
		t.Errorf("got %q, %v; want the first line while the handler runs", buf, err)
	}
}

func TestWrapRoutesThePrefixToTheHub(t *testing.T) {
	t.Parallel()
	hub := livereload.NewHub(nil)
	t.Cleanup(hub.Close)
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = io.WriteString(w, "<head></head>site "+r.URL.Path)
	})
	h := hub.Wrap(site)
	for _, tc := range []struct{ path, want string }{
		{"/_live/client.js", "EventSource"},
		{"/guide/", "site /guide/"},
		{"/_lively", "site /_lively"},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tc.path, nil))
		if !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s: got %q, want it to hold %q", tc.path, rec.Body.String(), tc.want)
		}
	}
}
