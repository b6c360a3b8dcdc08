package site_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/search"
)

func TestSearchIndexLeavesOutNoIndexPages(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- handbook.yaml --
base_url: https://example.com/docs/
-- SUMMARY.md --
* [Home](README.md)
* [Drafts](drafts/README.md)
  * [Idea](drafts/idea.md)
* [Open](open.md)
-- README.md --
# Home

Welcome aboard.
-- drafts/README.md --
---
noIndex: true
---
# Drafts

Confidential zeppelin plans.
-- drafts/idea.md --
# Idea

Another zeppelin.
-- open.md --
---
description: Opening hours.
---
# Open

## Weekdays

The office opens at nine.

{% hint style="info" %}
Bring a lanyard.
{% endhint %}
`)
	html := b.Read("open/index.html")
	m := regexp.MustCompile(`data-index="(/docs/_handbook/search/entry\.json)"`).FindStringSubmatch(html)
	if m == nil {
		t.Fatalf("open/index.html has no search index: %s", html)
	}
	entry := strings.TrimPrefix(m[1], "/docs/")
	b.AssertExists(entry)
	b.AssertFile("index.html", `data-index="`+m[1]+`"`)
	b.AssertFile("drafts/index.html", `data-index="`+m[1]+`"`)
	b.AssertFile("404.html", `data-index="`+m[1]+`"`)

	s, err := search.Open(os.DirFS(b.Out), entry)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ q, want string }{
		{"lanyard ", "/docs/open#weekdays"},
		{"weekday", "/docs/open#weekdays"},
		{"welcome ", "/docs/"},
		{"zeppelin ", ""},
	} {
		res, err := s.Search(tc.q, 5)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(res) > 0 {
			got = res[0].URL
		}
		if got != tc.want {
			t.Errorf("Search(%q): got %q first, want %q", tc.q, got, tc.want)
		}
	}
	files, _ := filepath.Glob(filepath.Join(b.Out, "_handbook", "search", "*.json"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if strings.Contains(string(data), "zeppelin") {
			t.Errorf("%s holds a noIndex page's words", f)
		}
	}
}
