package server_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/server"
)

// fakePDF is what the PDFs of these tests hold.
const fakePDF = "%PDF-1.4\n% a stand-in for a printed handbook\n"

// pdfCall is one call of a server.PDFs.
type pdfCall struct {
	page    string
	section bool
}

// pdfMaker is a server.PDFs that writes fakePDF to a file and records
// what it was asked for, or returns err when set.
type pdfMaker struct {
	dir string
	err error

	mu    sync.Mutex
	calls []pdfCall
}

func (m *pdfMaker) make(_ context.Context, page string, section bool) (file, name, tag string, err error) {
	m.mu.Lock()
	m.calls = append(m.calls, pdfCall{page, section})
	m.mu.Unlock()
	if m.err != nil {
		return "", "", "", m.err
	}
	file = filepath.Join(m.dir, "made.pdf")
	if err := os.WriteFile(file, []byte(fakePDF), 0o644); err != nil {
		return "", "", "", fmt.Errorf("write PDF: %w", err)
	}
	return file, "guide-book.pdf", "abc123", nil
}

// last returns the last call, and whether there was one.
func (m *pdfMaker) last() (pdfCall, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.calls) == 0 {
		return pdfCall{}, false
	}
	return m.calls[len(m.calls)-1], true
}

// pdfServer returns a server of a small site whose PDFs m makes.
func pdfServer(t *testing.T, m *pdfMaker) *server.Server {
	t.Helper()
	dir := t.TempDir()
	hbtest.Write(t, dir, `
-- index.html --
home
-- a/b/index.html --
b
-- 404.html --
not found page
`)
	site := server.NewSite(dir, nil, []string{"/", "/a/b"})
	if m == nil {
		return server.NewWith(site, server.Options{})
	}
	return server.NewWith(site, server.Options{PDFs: m.make})
}

// get serves a request for target with optional headers ("Name: value").
func get(srv *server.Server, method, target string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec
}

// TestPDFPages checks which page and scope each URL under /_pdf asks for,
// and the response: the PDF inline, with its file name and a tag.
func TestPDFPages(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		target string
		want   pdfCall
	}{
		{"/_pdf/", pdfCall{"", false}},
		{"/_pdf", pdfCall{"", false}},
		{"/_pdf/a/b", pdfCall{"/a/b", false}},
		{"/_pdf/a/b/", pdfCall{"/a/b", false}},
		{"/_pdf/a/b?section", pdfCall{"/a/b", true}},
		{"/_pdf/?page=/", pdfCall{"/", false}},
		{"/_pdf/?page=/a/b&section", pdfCall{"/a/b", true}},
		{"/_pdf/?section", pdfCall{"", true}},
	} {
		t.Run(c.target, func(t *testing.T) {
			t.Parallel()
			m := &pdfMaker{dir: t.TempDir()}
			rec := get(pdfServer(t, m), http.MethodGet, c.target)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d (%q), want 200", rec.Code, rec.Body.String())
			}
			if got, ok := m.last(); !ok || got != c.want {
				t.Errorf("asked for %+v (asked: %v), want %+v", got, ok, c.want)
			}
			if len(m.calls) != 1 {
				t.Errorf("the PDF was made %d times, want 1", len(m.calls))
			}
			if got := rec.Body.String(); got != fakePDF {
				t.Errorf("body %q, want the PDF %q", got, fakePDF)
			}
			h := rec.Header()
			if got := h.Get("Content-Type"); got != "application/pdf" {
				t.Errorf("Content-Type %q, want application/pdf", got)
			}
			disp, params, err := mime.ParseMediaType(h.Get("Content-Disposition"))
			if err != nil || disp != "inline" || params["filename"] != "guide-book.pdf" {
				t.Errorf("Content-Disposition %q, want inline with filename guide-book.pdf", h.Get("Content-Disposition"))
			}
			if got := h.Get("ETag"); got != `"abc123"` {
				t.Errorf("ETag %q, want %q", got, `"abc123"`)
			}
		})
	}
}

// TestPDFConditional asks again with the tag of the PDF it has, and with
// another: only the same tag is 304 Not Modified, without a body.
func TestPDFConditional(t *testing.T) {
	t.Parallel()
	srv := pdfServer(t, &pdfMaker{dir: t.TempDir()})
	rec := get(srv, http.MethodGet, "/_pdf/a/b", `If-None-Match: "abc123"`)
	if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("with the same tag: status %d, body %q; want 304 and no body", rec.Code, rec.Body.String())
	}
	rec = get(srv, http.MethodGet, "/_pdf/a/b", `If-None-Match: "other"`)
	if rec.Code != http.StatusOK || rec.Body.String() != fakePDF {
		t.Errorf("with another tag: status %d, body %q; want 200 and the PDF", rec.Code, rec.Body.String())
	}
	rec = get(srv, http.MethodHead, "/_pdf/a/b")
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 || rec.Header().Get("Content-Type") != "application/pdf" {
		t.Errorf("HEAD: status %d, body %q, Content-Type %q; want 200, no body, application/pdf", rec.Code, rec.Body.String(), rec.Header().Get("Content-Type"))
	}
}

// TestPDFErrors checks the answers when no PDF can be given: an unknown
// page, a failed print whose error stays in the log, a method other than
// GET or HEAD, and a server without PDF export.
func TestPDFErrors(t *testing.T) {
	t.Parallel()
	secret := "chromium crashed reading /srv/private/key.pem"
	for _, c := range []struct {
		name   string
		maker  *pdfMaker
		method string
		status int
		body   string
		header string
	}{
		{"unknown page", &pdfMaker{err: fmt.Errorf("page %q: %w", "/nowhere", fs.ErrNotExist)}, "GET", http.StatusNotFound, "no such page: /nowhere", ""},
		{"print failed", &pdfMaker{err: errors.New(secret)}, "GET", http.StatusInternalServerError, "could not be made", ""},
		{"POST", &pdfMaker{}, "POST", http.StatusMethodNotAllowed, "", "GET, HEAD"},
		{"DELETE", &pdfMaker{}, "DELETE", http.StatusMethodNotAllowed, "", "GET, HEAD"},
		{"no PDF export", nil, "GET", http.StatusNotFound, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if c.maker != nil {
				c.maker.dir = t.TempDir()
			}
			rec := get(pdfServer(t, c.maker), c.method, "/_pdf/nowhere")
			if rec.Code != c.status {
				t.Errorf("status %d, want %d", rec.Code, c.status)
			}
			body := rec.Body.String()
			if !strings.Contains(body, c.body) {
				t.Errorf("body %q, want it to say %q", body, c.body)
			}
			if strings.Contains(body, "private") || strings.Contains(body, "crashed") {
				t.Errorf("body %q shows the error's text", body)
			}
			if ct := rec.Header().Get("Content-Type"); ct == "application/pdf" {
				t.Errorf("an error answered with Content-Type %q", ct)
			}
			if got := rec.Header().Get("Allow"); got != c.header {
				t.Errorf("Allow %q, want %q", got, c.header)
			}
			if c.maker != nil && c.method != "GET" && len(c.maker.calls) != 0 {
				t.Errorf("a %s request made a PDF", c.method)
			}
		})
	}
}
