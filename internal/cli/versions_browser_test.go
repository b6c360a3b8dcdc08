package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/handbookhq/handbook/internal/hbtest"
)

// TestVersionSelectorInBrowser serves the Mattermost handbook with its
// versions 0.2.1 (at /) and 0.2.0 (under /v/0.2.0/) and moves between
// them with the header's version selector, by mouse and by keyboard.
func TestVersionSelectorInBrowser(t *testing.T) {
	src := hbtest.Corpus(t)
	cfg := t.TempDir()
	hbtest.Write(t, cfg, `
-- handbook.yaml --
title: Mattermost Handbook
versions:
  - ref: "0.2.1"
  - ref: "0.2.0"
`)
	base, stop := startServe(t, "serve", "-q", "--addr", "127.0.0.1:0", "--data", t.TempDir(),
		"--config", filepath.Join(cfg, "handbook.yaml"), "--no-feedback", "--no-pdf", src)
	defer stop()
	base = strings.TrimSuffix(base, "/")
	ctx := hbtest.Chromium(t, 3*time.Minute)

	br := browser{t, ctx}
	step, eval := br.step, br.eval
	const (
		summary = `details.hb-versions > summary`
		isOpen  = `String(document.querySelector("details.hb-versions").open)`
	)
	// open shows the page at path and opens the selector with a click.
	open := func(path string) {
		t.Helper()
		step("open "+path, chromedp.Navigate(base+path), chromedp.WaitVisible(summary))
		if got := eval(isOpen); got != "false" {
			t.Fatalf("%s: the selector is open before it is clicked", path)
		}
		step("click the selector on "+path, chromedp.Click(summary), chromedp.WaitVisible(`.hb-versions-menu a`))
		if got := eval(isOpen); got != "true" {
			t.Fatalf("%s: the selector did not open when clicked", path)
		}
	}
	// choose clicks the version titled title in the open selector and
	// returns the path the browser lands on.
	choose := func(title string) string {
		t.Helper()
		from := eval(`location.pathname`)
		i := eval(`String([...document.querySelectorAll(".hb-versions-menu a")].findIndex(a => a.textContent.trim() === ` + "`" + title + "`" + `) + 1)`)
		if i == "0" {
			t.Fatalf("%s: the selector has no version %q: %s", from, title, eval(`document.querySelector(".hb-versions-menu").textContent`))
		}
		link := `.hb-versions-menu li:nth-child(` + i + `) a`
		if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(link))); err != nil {
			t.Fatalf("browser: choose %s on %s: %v", title, from, err)
		}
		step("wait for the selector", chromedp.WaitVisible(summary))
		return eval(`location.pathname`)
	}

	// A page in both versions: sales/README.md in 0.2.1, sales.md in 0.2.0.
	open("/operations/sales")
	if got := eval(`document.querySelector("details.hb-versions > summary").textContent.trim()`); got != "0.2.1" {
		t.Errorf("the selector at / shows %q, want the default version 0.2.1", got)
	}
	if got := choose("0.2.0"); got != "/v/0.2.0/operations/sales" {
		t.Errorf("choosing 0.2.0 on /operations/sales leads to %s, want the same page in 0.2.0, /v/0.2.0/operations/sales", got)
	}
	if got := eval(`document.querySelector("details.hb-versions > summary").textContent.trim()`); got != "0.2.0" {
		t.Errorf("the selector under /v/0.2.0/ shows %q, want 0.2.0", got)
	}
	if got := eval(`document.querySelector("h1").textContent`); !strings.Contains(got, "Sales") {
		t.Errorf("0.2.0's sales page has the title %q", got)
	}
	step("click the selector", chromedp.Click(summary), chromedp.WaitVisible(`.hb-versions-menu a`))
	if got := choose("0.2.1"); got != "/operations/sales" {
		t.Errorf("choosing 0.2.1 on /v/0.2.0/operations/sales leads to %s, want /operations/sales", got)
	}

	// A page 0.2.0 does not have: its home.
	open("/help-and-support/contact-us")
	// The link is /v/0.2.0/, which the server redirects to /v/0.2.0.
	if got := choose("0.2.0"); got != "/v/0.2.0/" && got != "/v/0.2.0" {
		t.Errorf("choosing 0.2.0 on a page only 0.2.1 has leads to %s, want 0.2.0's home, /v/0.2.0/", got)
	}
	if got := eval(`document.querySelector("h1").textContent`); !strings.Contains(got, "About Mattermost") {
		t.Errorf("0.2.0's home has the title %q", got)
	}

	// The keyboard: Enter on the focused summary opens the selector.
	step("open a page", chromedp.Navigate(base+"/operations/sales"), chromedp.WaitVisible(summary))
	step("focus the selector", chromedp.Focus(summary))
	if got := eval(isOpen); got != "false" {
		t.Fatal("the selector is open before Enter is pressed")
	}
	step("press Enter on the selector", chromedp.KeyEvent(kb.Enter))
	if got := eval(isOpen); got != "true" {
		t.Errorf("Enter on the focused selector left it closed")
	}
	if got := eval(`String(document.querySelector(".hb-versions-menu a").checkVisibility())`); got != "true" {
		t.Errorf("after Enter, the selector's links are hidden")
	}
}
