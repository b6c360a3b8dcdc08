package server

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/llms"
)

func TestPrefersMarkdown(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		accept string
		want   bool
	}{
		{"", false},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false},
		{"text/markdown", true},
		{"text/x-markdown", true},
		{"text/markdown, text/html", true},
		{"text/html, text/markdown", false},
		{"text/html;q=0.5, text/markdown", true},
		{"text/markdown;q=0.5, text/html", false},
		{"text/markdown;q=0.9, */*;q=0.8", true},
		{"text/markdown;q=0.5, */*", false},
		{"text/markdown;q=0", false},
		{"*/*", false},
		{"text/plain, text/markdown;q=0.9", true},
	} {
		if got := prefersMarkdown(tc.accept); got != tc.want {
			t.Errorf("prefersMarkdown(%q) = %v, want %v", tc.accept, got, tc.want)
		}
	}
}

func TestServerAnswersMarkdown(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	hbtest.Write(t, dir, `
-- index.html --
home
-- index.md --
# Home (index)
-- README.md --
# Home
-- guide/index.html --
guide html
-- guide.md --
# Guide
-- guide/setup/index.html --
setup html
-- guide/setup.md --
# Setup
-- llms.txt --
# Site
-- llms-full.txt --
first batch
-- llms-full-2.txt --
second batch
-- 404.html --
not found page
`)
	site := NewSite(dir, nil, []string{"/", "/guide", "/guide/setup"})
	site.Pages = []llms.Page{
		{Title: "Home", URL: "/", Markdown: "/README.md", File: "README.md"},
		{Title: "Guide", URL: "/guide", Markdown: "/guide.md", File: "guide.md"},
		{Title: "Setting up", URL: "/guide/setup", Markdown: "/guide/setup.md", File: "guide/setup.md", Description: "Install it"},
	}
	srv := New(site, nil)
	for _, tc := range []struct {
		path, accept string
		status       int
		body         string
		headers      []string
	}{
		{"/guide.md", "", 200, "# Guide", []string{"Content-Type: text/markdown; charset=utf-8", "X-Robots-Tag: noindex"}},
		{"/guide", "text/markdown", 200, "# Guide", []string{"Content-Type: text/markdown; charset=utf-8", "Vary: Accept"}},
		{"/guide", "text/html,*/*;q=0.8", 200, "guide html", []string{"Vary: Accept"}},
		{"/", "text/markdown", 200, "# Home (index)", []string{"Vary: Accept"}},
		{"/guide/setup", "text/markdown, text/html;q=0.9", 200, "# Setup", nil},
		{"/Guide/Setup.md", "", 301, "", []string{"Location: /guide/setup.md"}},
		{"/guide/set-up.md", "", 200, "[Setting up](/guide/setup.md): Install it", []string{"Content-Type: text/markdown; charset=utf-8", "X-Robots-Tag: noindex"}},
		{"/nothing/like/it.md", "", 200, "# Page Not Found", nil},
		{"/llms.txt", "", 200, "# Site", []string{"Content-Type: text/plain; charset=utf-8"}},
		{"/sitemap.md", "", 200, "# Site", nil},
		{"/llms-full.txt", "", 200, "first batch", nil},
		{"/llms-full.txt/1", "", 200, "second batch", nil},
		{"/llms-full.txt/01", "", 404, "not found page", nil},
		{"/llms-full.txt/7", "", 404, "not found page", nil},
		{"/nowhere", "text/markdown", 404, "not found page", nil},
	} {
		t.Run(tc.path+" "+tc.accept, func(t *testing.T) {
			req := httptest.NewRequest("GET", tc.path, nil)
			if tc.accept != "" {
				req.Header.Set("Accept", tc.accept)
			}
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Errorf("got status %d, want %d", rec.Code, tc.status)
			}
			if !strings.Contains(rec.Body.String(), tc.body) {
				t.Errorf("got body %q, want it to contain %q", rec.Body.String(), tc.body)
			}
			for _, h := range tc.headers {
				k, v, _ := strings.Cut(h, ": ")
				if got := rec.Header().Get(k); got != v {
					t.Errorf("got %s %q, want %q", k, got, v)
				}
			}
		})
	}
}
