package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

func TestNoFeedbackWidgetWithoutFeedbackURL(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
-- README.md --
# Home
`)
	b.AssertFile("index.html", "<h1 class=\"hb-title\">Home</h1>", "! hb-feedback", "! Was this helpful?")
}

func TestFeedbackWidgetPostsToFeedbackURL(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	hbtest.Write(t, src, `
-- handbook.yaml --
base_url: https://handbook.example.com/docs/
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide.md)
-- README.md --
# Home
-- guide.md --
---
layout:
  metadata:
    visible: false
---
# Guide
`)
	ctx := context.Background()
	bk, err := book.Load(ctx, src, book.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	res, err := site.Build(ctx, bk, site.Options{Out: out, NoGit: true, FeedbackURL: "https://feedback.example.com/api/feedback"})
	if err != nil {
		t.Fatal(err)
	}
	if res.BaseURL != "https://handbook.example.com/docs/" {
		t.Errorf("got BaseURL %q, want the base_url", res.BaseURL)
	}
	if res.Branch != "" {
		t.Errorf("got Branch %q without history, want none", res.Branch)
	}
	for file, page := range map[string]string{"index.html": "/docs/", "guide/index.html": "/docs/guide"} {
		data, err := os.ReadFile(filepath.Join(out, file))
		if err != nil {
			t.Fatal(err)
		}
		html := string(data)
		for _, want := range []string{
			`<section class="hb-feedback" id="hb-feedback" data-endpoint="https://feedback.example.com/api/feedback" data-page="` + page + `"`,
			`aria-labelledby="hb-feedback-q" hidden>`,
			`<button type="button" class="hb-feedback-rating" data-rating="good" aria-pressed="false"`,
			`data-rating="ok"`, `data-rating="bad"`,
			`<form class="hb-feedback-form" id="hb-feedback-form" hidden>`,
			`<label for="hb-feedback-comment">`,
			`<textarea id="hb-feedback-comment" name="comment" rows="3" minlength="3" maxlength="512"`,
			`<button type="button" class="hb-feedback-skip">No thanks</button>`,
			`<button type="submit" class="hb-feedback-send">Send</button>`,
			`role="status" aria-live="polite"`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %q", file, want)
			}
		}
	}
}

func TestResultNamesTheBranchBuilt(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
-- README.md --
# Home
`, hbtest.Git("", "2024-08-22T10:00:00Z"))
	if b.Result.Branch != "main" {
		t.Errorf("got Branch %q, want main", b.Result.Branch)
	}
}

// TestTOCNamesSections checks the sections feedback insights group pages
// by: the SUMMARY group, and outside a titled group the top-level page.
func TestTOCNamesSections(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Welcome](README.md)
  * [History](history.md)

## Guides

* [Onboarding](guides/onboarding.md)
  * [Laptop](guides/laptop.md)
-- README.md --
# Welcome
-- history.md --
# History
-- guides/onboarding.md --
# Onboarding
-- guides/laptop.md --
# Laptop
`)
	want := []site.TOCPage{
		{Path: "/", Title: "Welcome", Section: "Welcome"},
		{Path: "/history", Title: "History", Section: "Welcome"},
		{Path: "/guides/onboarding", Title: "Onboarding", Section: "Guides"},
		{Path: "/guides/onboarding/laptop", Title: "Laptop", Section: "Guides"},
	}
	got := b.Result.TOC
	if len(got) != len(want) {
		t.Fatalf("TOC has %d pages, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("TOC[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}
