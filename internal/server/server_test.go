package server

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
)

func TestServer(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	hbtest.Write(t, dir, `
-- index.html --
home
-- guide/index.html --
guide
-- _handbook/style.1a.css --
css
-- _handbook/search/entry.json --
{}
-- _assets/a b.png --
png
-- 404.html --
not found page
`)
	secret := filepath.Join(filepath.Dir(dir), "secret.txt")
	_ = os.WriteFile(secret, []byte("secret"), 0o644)
	srv := New(NewSite(dir, map[string]string{"/old": "/guide#x"}, []string{"/", "/guide"}), nil)

	for _, tc := range []struct {
		method, path string
		status       int
		body, header string
	}{
		{"GET", "/", 200, "home", ""},
		{"GET", "/guide", 200, "guide", ""},
		{"HEAD", "/guide", 200, "", ""},
		{"GET", "/guide/", 301, "", "Location: /guide"},
		{"GET", "/GUIDE", 301, "", "Location: /guide"},
		{"GET", "/old", 301, "", "Location: /guide#x"},
		{"GET", "/_handbook/style.1a.css", 200, "css", "Cache-Control: public, max-age=31536000, immutable"},
		{"GET", "/_handbook/search/entry.json", 200, "{}", "Cache-Control: no-cache"},
		{"GET", "/_assets/a%20b.png", 200, "png", ""},
		{"GET", "/nowhere", 404, "not found page", ""},
		{"GET", "/../secret.txt", 404, "not found page", ""},
		{"POST", "/guide", 405, "", "Allow: GET, HEAD"},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, "/", nil)
			req.URL.Path = strings.SplitN(tc.path, "%", 2)[0]
			if strings.Contains(tc.path, "%") {
				req.URL.Path = "/_assets/a b.png"
				req.URL.RawPath = tc.path
			}
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Errorf("got status %d, want %d", rec.Code, tc.status)
			}
			if !strings.Contains(rec.Body.String(), tc.body) {
				t.Errorf("got body %q, want it to contain %q", rec.Body.String(), tc.body)
			}
			if tc.header != "" {
				k, v, _ := strings.Cut(tc.header, ": ")
				if got := rec.Header().Get(k); got != v {
					t.Errorf("got %s %q, want %q", k, got, v)
				}
			}
		})
	}
}
