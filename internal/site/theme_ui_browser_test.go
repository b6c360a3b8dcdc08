package site_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/handbookhq/handbook/internal/hbtest"
)

// themeUIHandbook is a small handbook with what the theme's script
// enhances: headings, a code block, an image, a linked image and a
// sidebar entry with pages below it. Its one commit is three days old.
const themeUIHandbook = `
-- SUMMARY.md --
# Summary

* [The Acme Corporation employee handbook](README.md)
* [Guide](guide/README.md)
  * [Setup](guide/setup.md)
-- README.md --
# The Acme Corporation employee handbook

Welcome. Read the [guide](guide/README.md) and [the manual](https://example.com/manual).

## Install

§§§sh
curl -fsSL https://example.com/install.sh | sh
§§§

## Map

![Floor plan of the office](.gitbook/assets/map.svg)

[![Logo linking home](.gitbook/assets/map.svg)](README.md)

| Name | Value | Notes |
| --- | --- | --- |
| a-rather-long-key-that-does-not-break | 1234567890123456789012345678901234567890 | another long cell |
-- guide/README.md --
# Guide

The guide.
-- guide/setup.md --
# Setup

Set it up.
-- .gitbook/assets/map.svg --
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><rect width="400" height="200" fill="#e0e7ff"/></svg>
`

// TestThemeUIBrowser uses the theme's reader comforts in headless
// Chromium: the colour scheme toggle, the copy buttons of code and of
// heading links, the relative "Last updated", the image zoom, and the
// menu on a phone's screen.
func TestThemeUIBrowser(t *testing.T) {
	t.Parallel()
	ctx := hbtest.Chromium(t, 3*time.Minute)
	date := time.Now().Add(-72 * time.Hour).UTC().Format(time.RFC3339)
	b := hbtest.Build(t, themeUIHandbook, hbtest.Git("", date))
	base := serveBuilt(t, b).URL
	do(t, ctx, "a wide viewport", chromedp.EmulateViewport(1280, 900))

	t.Run("colour scheme toggle", func(t *testing.T) { themeToggle(t, ctx, base) })
	t.Run("copy code", func(t *testing.T) { themeCopyCode(t, ctx, base) })
	t.Run("copy heading link", func(t *testing.T) { themeCopyAnchor(t, ctx, base) })
	t.Run("relative time", func(t *testing.T) { themeRelativeTime(t, ctx, base) })
	t.Run("image zoom", func(t *testing.T) { themeZoom(t, ctx, base) })
	t.Run("narrow screen", func(t *testing.T) {
		tab, cancel := chromedp.NewContext(ctx)
		defer cancel()
		themeNarrow(t, tab, base)
	})
	t.Run("print", func(t *testing.T) {
		tab, cancel := chromedp.NewContext(ctx)
		defer cancel()
		themePrint(t, tab, base)
	})
	t.Run("narrow screen without script", func(t *testing.T) {
		tab, cancel := chromedp.NewContext(ctx)
		defer cancel()
		themeNoScript(t, tab, base)
	})
}

// stubClipboard makes the page's clipboard keep what is written to it in
// window.hbCopied, as headless Chromium may refuse to write to the real one.
const stubClipboard = `(navigator.clipboard.writeText = t => (window.hbCopied = t, Promise.resolve()), true)`

// themeToggle switches to dark mode with the header's button, which then
// offers light mode, and reloads: the page stays dark. A second click
// goes back to light, which is kept too.
func themeToggle(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/")
	defer eval[bool](t, ctx, "(localStorage.removeItem('hb-theme'), true)")
	type state struct {
		Theme, Label, BG string
		Hidden           bool
	}
	read := func() state {
		return eval[state](t, ctx, `(b => ({
			Theme: document.documentElement.getAttribute('data-theme') || '',
			Label: b.getAttribute('aria-label'),
			BG: getComputedStyle(document.body).backgroundColor,
			Hidden: b.hidden || b.getClientRects().length === 0,
		}))(document.querySelector('button.hb-theme-toggle'))`)
	}
	if eval[bool](t, ctx, "matchMedia('(prefers-color-scheme: dark)').matches") {
		t.Skip("the browser prefers dark: the test starts from light")
	}
	s := read()
	if s.Hidden || s.Theme != "" || s.Label != "Switch to dark mode" {
		t.Fatalf("on a light system the toggle is hidden %v, data-theme %q, label %q; want shown, none, \"Switch to dark mode\"", s.Hidden, s.Theme, s.Label)
	}
	light := s.BG
	act(t, ctx, "toggle to dark", chromedp.Click("button.hb-theme-toggle"))
	s = read()
	if s.Theme != "dark" || s.Label != "Switch to light mode" || s.BG == light {
		t.Errorf("after a click data-theme is %q, the label %q, the background %s (was %s); want dark, \"Switch to light mode\" and another background", s.Theme, s.Label, s.BG, light)
	}
	dark := s.BG
	// The code highlighting follows the toggle too.
	const codeBG = "getComputedStyle(document.querySelector('.hb-content pre')).backgroundColor"
	darkCode := eval[string](t, ctx, codeBG)

	act(t, ctx, "reload", chromedp.Reload())
	waitFor(t, ctx, "the reloaded page", "document.readyState === 'complete'")
	if s = read(); s.Theme != "dark" || s.BG != dark || s.Label != "Switch to light mode" {
		t.Errorf("after a reload data-theme is %q, the background %s, the label %q; want dark kept (%s)", s.Theme, s.BG, s.Label, dark)
	}
	act(t, ctx, "toggle back to light", chromedp.Click("button.hb-theme-toggle"))
	if s = read(); s.Theme != "light" || s.BG != light {
		t.Errorf("after a second click data-theme is %q and the background %s, want light and %s", s.Theme, s.BG, light)
	}
	if got := eval[string](t, ctx, codeBG); got == darkCode {
		t.Errorf("code blocks keep their dark background %s in light mode", got)
	}
	if got := eval[string](t, ctx, "localStorage.getItem('hb-theme')"); got != "light" {
		t.Errorf("localStorage hb-theme is %q, want \"light\"", got)
	}
}

// themeCopyCode finds the copy button of the code block, named "Copy
// code", and presses it: the code is copied and "Copied" is announced.
func themeCopyCode(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/")
	eval[bool](t, ctx, stubClipboard)
	const btn = "document.querySelector('.hb-content pre').parentNode.querySelector('button.code-copy')"
	if got := eval[string](t, ctx, fmt.Sprintf("(b => b ? b.getAttribute('aria-label') : 'none')(%s)", btn)); got != "Copy code" {
		t.Fatalf("the code block's copy button is named %q, want \"Copy code\"", got)
	}
	act(t, ctx, "press Copy code",
		chromedp.Evaluate[chromedp.Void](btn+".click()"),
		chromedp.Poll[chromedp.Void]("window.hbCopied !== undefined", chromedp.WithPollingTimeout(5*time.Second)),
	)
	if got := eval[string](t, ctx, "window.hbCopied"); !strings.Contains(got, "curl -fsSL https://example.com/install.sh | sh") {
		t.Errorf("the copy button copied %q, want the code", got)
	}
	waitFor(t, ctx, `"Copied" announced`, "[...document.querySelectorAll('[role=status], [aria-live]')].some(e => e.textContent === 'Copied')")
}

// themeCopyAnchor clicks the permalink of a heading: the address bar goes
// to the heading and its full URL is copied.
func themeCopyAnchor(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/")
	eval[bool](t, ctx, stubClipboard)
	const anchor = "document.querySelector('#install a.anchor')"
	if got := eval[string](t, ctx, anchor+".getAttribute('aria-label')"); got != "Permalink" {
		t.Errorf("the heading's link is named %q, want \"Permalink\"", got)
	}
	// Hidden until hovered or focused; dimmed on screens that cannot
	// hover (headless Chromium says it cannot).
	rest := "0"
	if eval[bool](t, ctx, "matchMedia('(hover: none)').matches") {
		rest = "0.6"
	}
	if op := eval[string](t, ctx, "getComputedStyle("+anchor+").opacity"); op != rest {
		t.Errorf("before the heading is hovered or its link focused the permalink has opacity %s, want %s", op, rest)
	}
	eval[bool](t, ctx, "("+anchor+".focus(), true)")
	waitFor(t, ctx, "the focused permalink to show", "getComputedStyle("+anchor+").opacity === '1'")
	act(t, ctx, "click the permalink",
		chromedp.Click("#install a.anchor"),
		chromedp.Poll[chromedp.Void]("window.hbCopied !== undefined", chromedp.WithPollingTimeout(5*time.Second)),
	)
	got := eval[[]string](t, ctx, "[window.hbCopied, location.href]")
	if want := base + "/#install"; got[0] != want || got[1] != want {
		t.Errorf("after a click on the permalink the clipboard holds %q and the page is %q, want both %q", got[0], got[1], want)
	}
	waitFor(t, ctx, `"Link copied" announced`, "[...document.querySelectorAll('[aria-live]')].some(e => e.textContent === 'Link copied')")
}

// themeRelativeTime reads "Last updated": three days ago, with the date
// in the title.
func themeRelativeTime(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/guide")
	got := eval[[]string](t, ctx, "(e => e ? [e.textContent, e.title, e.getAttribute('datetime')] : [])(document.querySelector('.hb-updated time'))")
	if len(got) != 3 {
		t.Fatal(`the page has no "Last updated" time`)
	}
	if got[0] != "3 days ago" {
		t.Errorf("the last update reads %q, want \"3 days ago\"", got[0])
	}
	want := time.Now().Add(-72 * time.Hour).UTC().Format("Jan 2, 2006")
	if got[1] != want {
		t.Errorf("the time's title is %q, want the date %q", got[1], want)
	}
}

// themeZoom clicks the content image, which opens large in a modal
// dialog, and closes it with Escape; the linked image opens no dialog.
func themeZoom(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/")
	const opened = "(d => !!d && d.open)(document.querySelector('dialog.hb-zoom'))"
	if got := eval[[]string](t, ctx, "[...document.querySelectorAll('.hb-content img')].map(i => i.className + ' ' + i.tabIndex)"); len(got) != 2 ||
		!strings.Contains(got[0], "hb-zoomable") || strings.Contains(got[1], "hb-zoomable") || !strings.HasSuffix(got[0], " -1") {
		t.Errorf("the images are %q, want the first zoomable, the linked one not, and neither focusable", got)
	}
	act(t, ctx, "click the image",
		chromedp.Click(".hb-content img.hb-zoomable"),
		chromedp.Poll[chromedp.Void](opened, chromedp.WithPollingTimeout(5*time.Second)),
	)
	got := eval[[]string](t, ctx, `(d => [d.querySelector('img').alt, d.getAttribute('aria-label'), String(d.contains(document.activeElement))])(document.querySelector('dialog.hb-zoom'))`)
	if got[0] != "Floor plan of the office" || got[1] != "Floor plan of the office" || got[2] != "true" {
		t.Errorf("the zoom shows an image with alt %q, is named %q, and has the focus: %s; want the image's alt twice and true", got[0], got[1], got[2])
	}
	act(t, ctx, "Escape", chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, "the zoom to close", "!"+opened)

	// A click anywhere closes it too.
	act(t, ctx, "click the image again",
		chromedp.Click(".hb-content img.hb-zoomable"),
		chromedp.Poll[chromedp.Void](opened, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Click("dialog.hb-zoom img"),
	)
	waitFor(t, ctx, "the zoom to close on a click", "!"+opened)
}

// themeNarrow opens the menu on a 375 px wide screen with the ☰ button,
// which says whether the sidebar it controls is open, and closes it with
// Escape; nothing makes the page scroll sideways.
func themeNarrow(t *testing.T, ctx context.Context, base string) {
	do(t, ctx, "a narrow viewport", chromedp.EmulateViewport(375, 700))
	open(t, ctx, base+"/")
	const shown = "(s => s.getClientRects().length > 0)(document.querySelector('.hb-sidebar'))"
	type menu struct {
		Tag, Expanded, Controls string
		Shown                   bool
	}
	read := func() menu {
		return eval[menu](t, ctx, `(m => ({Tag: m.tagName, Expanded: m.getAttribute('aria-expanded') || '', Controls: m.getAttribute('aria-controls') || '', Shown: `+shown+`}))(document.querySelector('.hb-menu-toggle'))`)
	}
	m := read()
	if m.Tag != "BUTTON" || m.Expanded != "false" || m.Controls != "hb-sidebar" || m.Shown {
		t.Fatalf("the menu control is %+v, want a BUTTON, aria-expanded false, aria-controls hb-sidebar, the sidebar hidden", m)
	}
	if got := eval[int](t, ctx, "document.querySelectorAll('#hb-sidebar.hb-sidebar').length"); got != 1 {
		t.Errorf("%d elements are the sidebar #hb-sidebar, want 1", got)
	}
	if w := eval[[]int](t, ctx, "[document.documentElement.scrollWidth, innerWidth]"); w[0] > 375 {
		t.Errorf("the page is %d px wide in a %d px viewport", w[0], w[1])
	}
	if !eval[bool](t, ctx, "(b => b.getBoundingClientRect().right <= innerWidth && b.getClientRects().length > 0)(document.querySelector('.hb-theme-toggle'))") {
		t.Error("at 375 px the colour scheme toggle is hidden or off the screen")
	}

	act(t, ctx, "open the menu",
		chromedp.Click(".hb-menu-toggle"),
		chromedp.Poll[chromedp.Void](shown, chromedp.WithPollingTimeout(5*time.Second)),
	)
	if m = read(); m.Expanded != "true" {
		t.Errorf("the open menu's button has aria-expanded %q, want \"true\"", m.Expanded)
	}
	if got := eval[string](t, ctx, "document.querySelector('#hb-sidebar button[data-id]').getAttribute('aria-label')"); got != "Pages below Guide" {
		t.Errorf("the sidebar's expand button is named %q, want \"Pages below Guide\"", got)
	}
	if w := eval[[]int](t, ctx, "[document.documentElement.scrollWidth, innerWidth]"); w[0] > 375 {
		t.Errorf("with the menu open the page is %d px wide in a %d px viewport", w[0], w[1])
	}
	act(t, ctx, "Escape", chromedp.KeyEvent(kb.Escape))
	if m = read(); m.Expanded != "false" || m.Shown {
		t.Errorf("after Escape the menu is %+v, want closed", m)
	}
	if got := eval[string](t, ctx, "document.activeElement.className"); got != "hb-menu-toggle" {
		t.Errorf("after Escape the focus is on %q, want the menu button", got)
	}
}

// themeNoScript reads the page on a phone's screen with scripts off: no
// control shows that needs them, and the keyboard opens the menu with
// the checkbox the ☰ label stands for.
func themeNoScript(t *testing.T, ctx context.Context, base string) {
	do(t, ctx, "a narrow viewport without scripts",
		chromedp.EmulateViewport(375, 700),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
	)
	open(t, ctx, base+"/")
	type page struct {
		Toggle, CopyPage, Sidebar bool
		CodeButtons               int
		Menu                      string
	}
	const read = `(shown => ({
		Toggle: shown('.hb-theme-toggle'), CopyPage: shown('.hb-copy-page'), Sidebar: shown('.hb-sidebar'),
		CodeButtons: document.querySelectorAll('.code-copy').length,
		Menu: document.querySelector('.hb-menu-toggle').tagName,
	}))(sel => document.querySelector(sel).getClientRects().length > 0)`
	p := eval[page](t, ctx, read)
	if p.Toggle || p.CopyPage || p.CodeButtons != 0 || p.Sidebar || p.Menu != "LABEL" {
		t.Fatalf("without scripts the page shows %+v; want no toggle, no copy buttons, the sidebar hidden and the ☰ label", p)
	}
	act(t, ctx, "Tab to the menu checkbox and press Space",
		chromedp.Evaluate[chromedp.Void]("document.getElementById('hb-nav-toggle').focus()"),
		chromedp.KeyEvent(" "),
	)
	if p = eval[page](t, ctx, read); !p.Sidebar {
		t.Error("without scripts Space on the focused menu checkbox does not show the sidebar")
	}
	if w := eval[[]int](t, ctx, "[document.documentElement.scrollWidth, innerWidth]"); w[0] > w[1] {
		t.Errorf("without scripts the page is %d px wide in a %d px viewport", w[0], w[1])
	}
}

// themePrint emulates print media: only the content prints, and an
// external link is followed by its address.
func themePrint(t *testing.T, ctx context.Context, base string) {
	do(t, ctx, "a wide viewport", chromedp.EmulateViewport(1280, 900))
	open(t, ctx, base+"/")
	do(t, ctx, "print media", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	shown := eval[[]string](t, ctx, `['.hb-header', '.hb-sidebar', '.hb-outline', '.hb-actions', '.hb-pagination', '.hb-theme-toggle', '.code-copy', '.hb-content .anchor']
		.filter(s => [...document.querySelectorAll(s)].some(e => e.getClientRects().length > 0))`)
	if len(shown) > 0 {
		t.Errorf("printing shows %q", shown)
	}
	after := eval[[]string](t, ctx, `[...document.querySelectorAll('.hb-content p a:not(:has(img))')].map(a => getComputedStyle(a, '::after').content)`)
	if len(after) != 2 || after[0] != "none" || !strings.Contains(after[1], "(https://example.com/manual)") {
		t.Errorf("printed links are followed by %q, want nothing after the internal one and the address after the external one", after)
	}
}
