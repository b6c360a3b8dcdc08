package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/handbookhq/handbook/internal/hbtest"
)

// TestFeedbackInBrowserReachesInsights rates a page in headless Chromium
// with the keyboard-reachable widget, adds a comment, and then finds the
// rating and the comment on the insights dashboard after signing in with
// the admin token.
func TestFeedbackInBrowserReachesInsights(t *testing.T) {
	src := t.TempDir()
	hbtest.Write(t, src, `
-- SUMMARY.md --
* [Home](README.md)

## Guides

* [Onboarding guide](guide/README.md)
-- README.md --
# Home
-- guide/README.md --
# Onboarding guide

Read this first.
`)
	const token = "correct-horse-battery-staple"
	t.Setenv("HANDBOOK_ADMIN_TOKEN", token)
	base, stop := startServe(t, "serve", "-q", "--no-git", "--addr", "127.0.0.1:0", "--data", t.TempDir(), filepath.Clean(src))
	defer stop()
	ctx := hbtest.Chromium(t, 2*time.Minute)

	const comment = "Clear, but <b>the VPN step</b> is missing"
	br := browser{t, ctx}
	step, eval := br.step, br.eval

	step("rate the page",
		chromedp.Navigate(base+"guides/guide"),
		chromedp.WaitVisible(`#hb-feedback`),
		chromedp.Click(`#hb-feedback button[data-rating="good"]`),
		chromedp.WaitVisible(`#hb-feedback-comment`),
	)
	if got := eval(`document.activeElement.id`); got != "hb-feedback-comment" {
		t.Errorf("after rating, focus is on %q, want the comment box", got)
	}
	if got := eval(`document.querySelector('#hb-feedback button[data-rating="good"]').getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("the chosen rating has aria-pressed %q, want \"true\"", got)
	}
	step("send a comment",
		chromedp.SendKeys(`#hb-feedback-comment`, comment),
		chromedp.Click(`#hb-feedback .hb-feedback-send`),
		chromedp.Poll[chromedp.Void](`document.getElementById("hb-feedback-status").textContent !== ""`, chromedp.WithPollingTimeout(30*time.Second)),
	)
	if got := eval(`document.getElementById("hb-feedback-status").textContent`); !strings.Contains(got, "Thank you") {
		t.Errorf("status after sending = %q, want a thank-you", got)
	}

	step("sign in to insights",
		chromedp.Navigate(base+"_insights"),
		chromedp.WaitVisible(`input[name="token"]`),
		chromedp.SendKeys(`input[name="token"]`, token),
		chromedp.Submit(`input[name="token"]`),
		chromedp.WaitNotPresent(`input[name="token"]`),
		chromedp.WaitVisible(`svg`),
	)
	page := eval(`document.documentElement.outerHTML`)
	// The page's row: good, ok, bad, total, score.
	row := eval(`[...document.querySelectorAll("tr")].filter(r => r.querySelector('a[href="/guides/guide"]')).map(r => [...r.querySelectorAll("td")].map(c => c.textContent.trim()).join(" ")).join("|")`)
	if !strings.HasPrefix(row, "Guides 1 0 0 1 100") {
		t.Errorf("insights row of the rated page = %q, want section Guides, 1 good, 0 ok, 0 bad, 1 in all, score 100", row)
	}
	for _, want := range []string{
		"Onboarding guide",
		"Clear, but &lt;b&gt;the VPN step&lt;/b&gt; is missing",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("insights page lacks %q", want)
		}
	}
	if strings.Contains(page, "<b>the VPN step</b>") {
		t.Error("insights page shows the comment's HTML unescaped")
	}
}
