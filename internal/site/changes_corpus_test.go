package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestChangesCorpus(t *testing.T) {
	t.Parallel()
	_, res, out := buildCorpus(t)
	f := readFeed(t, filepath.Join(out, "recently-updated", "atom.xml"))
	if len(f.Entries) != 50 {
		t.Fatalf("got %d entries, want 50", len(f.Entries))
	}
	built := map[string]bool{}
	for _, u := range res.URLs {
		built[u] = true
	}
	page := readOut(t, out, "recently-updated/index.html")
	var prev time.Time
	for _, e := range f.Entries {
		at, err := time.Parse(time.RFC3339, e.Updated)
		if err != nil {
			t.Errorf("entry %q: %v", e.Title, err)
		}
		if !prev.IsZero() && at.After(prev) {
			t.Errorf("entry %q (%s) is newer than the one before it (%s)", e.Title, at, prev)
		}
		prev = at
		links := hrefs(e.Content.Text)
		if len(links) == 0 {
			t.Errorf("entry %q lists no page", e.Title)
		}
		for _, l := range links {
			if !built[l] {
				t.Errorf("entry %q links to %q, which is not a built page", e.Title, l)
				continue
			}
			if _, err := os.Stat(builtPage(out, "/", l)); err != nil {
				t.Errorf("entry %q: %v", e.Title, err)
			}
			if !strings.Contains(page, `<a href="`+strings.ReplaceAll(l, "&", "&amp;")+`">`) {
				t.Errorf("entry %q: the page does not link to %q", e.Title, l)
			}
		}
		anchor := strings.TrimPrefix(e.Link.Href, "/recently-updated#")
		if !strings.Contains(page, `<li class="hb-change" id="`+anchor+`">`) {
			t.Errorf("entry %q: no entry %q on the page", e.Title, anchor)
		}
	}
	if n := strings.Count(page, `<li class="hb-change" id="`); n != 50 {
		t.Errorf("page lists %d commits, want 50", n)
	}
	home := readOut(t, out, "index.html")
	if !strings.Contains(home, `<a href="/recently-updated">Recently updated</a>`) {
		t.Error("home page has no link to the recently updated page")
	}
}
