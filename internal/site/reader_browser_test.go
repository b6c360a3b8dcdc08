package site_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/server"
)

// TestReaderBrowser reads testdata/blocks-handbook in headless Chromium as
// a reader does, with the mouse and the keyboard: the sidebar, the colour
// scheme toggle, tabs, search, and the layout of a phone's screen.
func TestReaderBrowser(t *testing.T) {
	t.Parallel()
	ctx := hbtest.Chromium(t, 3*time.Minute)
	b := buildFixture(t, func(ctx context.Context) (*book.Book, error) {
		return book.Load(ctx, "testdata/blocks-handbook", book.Options{})
	})
	base := serveBuilt(t, b).URL
	// A desktop's screen: the sidebar shows. The first actions start the
	// browser, which lives as long as the context they run in: ctx.
	do(t, ctx, "a wide viewport", chromedp.EmulateViewport(1280, 900))

	t.Run("sidebar", func(t *testing.T) { readerSidebar(t, ctx, base) })
	t.Run("dark mode", func(t *testing.T) { readerDarkMode(t, ctx, base) })
	t.Run("tabs", func(t *testing.T) { readerTabs(t, ctx, base) })
	t.Run("search", func(t *testing.T) { readerSearch(t, ctx, base) })
	t.Run("narrow screen", func(t *testing.T) {
		// A tab of its own: the viewport it emulates stays with it.
		tab, cancel := chromedp.NewContext(ctx)
		defer cancel()
		readerNarrow(t, tab, base, pagesOf(t, b.Out))
	})
}

// readerSidebar expands a collapsed entry of the sidebar with its button,
// which fills it from nav.json, follows a link that appears, and finds
// aria-current="page" on that link on the new page.
func readerSidebar(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/")
	const entry = `[...document.querySelectorAll('.hb-sidebar li')].find(li => li.querySelector(':scope > a').textContent === 'Policies')`
	type state struct {
		Found    bool
		ID       string
		Expanded string
		Children []string
		Hrefs    []string
	}
	read := func() state {
		return eval[state](t, ctx, `(li => li ? {
			Found: true,
			ID: li.querySelector(':scope > button').dataset.id,
			Expanded: li.querySelector(':scope > button').getAttribute('aria-expanded'),
			Children: [...li.querySelectorAll(':scope > ul > li > a')].map(a => a.textContent),
			Hrefs: [...li.querySelectorAll(':scope > ul > li > a')].map(a => a.getAttribute('href')),
		} : {Found: false})(`+entry+`)`)
	}
	s := read()
	if !s.Found {
		t.Fatal(`the home page's sidebar has no "Policies" entry`)
	}
	if s.Expanded != "false" || len(s.Children) != 0 {
		t.Fatalf(`on the home page "Policies" is not collapsed: aria-expanded %q, children %q`, s.Expanded, s.Children)
	}
	act(t, ctx, "expand Policies",
		chromedp.Click(`.hb-sidebar button[data-id="`+s.ID+`"]`),
		chromedp.Poll[chromedp.Void](entry+".querySelectorAll(':scope > ul > li').length > 0", chromedp.WithPollingTimeout(10*time.Second)),
	)
	s = read()
	if s.Expanded != "true" {
		t.Errorf(`after a click the button of "Policies" has aria-expanded %q, want "true"`, s.Expanded)
	}
	if strings.Join(s.Children, "|") != "Travel and expenses|Security" {
		t.Fatalf(`"Policies" shows %q, want "Travel and expenses" and "Security"`, s.Children)
	}

	href := s.Hrefs[1]
	act(t, ctx, "follow Security", chromedp.Click(`.hb-sidebar a[href="`+href+`"]`))
	waitFor(t, ctx, "the Security page", fmt.Sprintf("location.pathname === %q && document.readyState === 'complete'", href))
	current := eval[[]string](t, ctx, `[...document.querySelectorAll('.hb-sidebar [aria-current=page]')].map(a => a.getAttribute('href') + ' ' + a.textContent)`)
	if want := href + " Security"; len(current) != 1 || current[0] != want {
		t.Errorf("on %s the sidebar marks %q as the current page, want only %q", href, current, want)
	}
}

// readerDarkMode switches the colour scheme with the theme toggle, which
// changes the page's background, and reloads: the choice is kept.
func readerDarkMode(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/")
	if !eval[bool](t, ctx, "document.querySelector('button.hb-theme-toggle') !== null") {
		t.Fatal("the header has no button.hb-theme-toggle")
	}
	defer eval[bool](t, ctx, "(localStorage.removeItem('hb-theme'), true)")
	const bg = "getComputedStyle(document.body).backgroundColor"
	before := eval[string](t, ctx, bg)
	act(t, ctx, "toggle the colour scheme",
		chromedp.Click("button.hb-theme-toggle"),
		chromedp.Poll[chromedp.Void](fmt.Sprintf("%s !== %q", bg, before), chromedp.WithPollingTimeout(5*time.Second)),
	)
	after := eval[string](t, ctx, bg)
	act(t, ctx, "reload", chromedp.Reload())
	waitFor(t, ctx, "the reloaded page", "document.readyState === 'complete'")
	if got := eval[string](t, ctx, bg); got != after {
		t.Errorf("the background is %s before the toggle, %s after it and %s after a reload, want the toggled one kept", before, after, got)
	}
}

// readerTabs chooses tabs of the first tabs block of the onboarding page
// with the mouse and with the arrow keys: one panel shows at a time, and
// aria-selected marks its tab.
func readerTabs(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/company/onboarding")
	waitFor(t, ctx, "tabs.js", "document.querySelector('.tabs[data-enhanced]') !== null")
	type tabs struct {
		IDs, Selected []string
		Shown         []bool
		Focused       string
	}
	read := func() tabs {
		return eval[tabs](t, ctx, `(b => {
			const ts = [...b.querySelectorAll(':scope > .tabs-list > [role=tab]')];
			return {
				IDs: ts.map(x => x.id),
				Selected: ts.map(x => x.getAttribute('aria-selected')),
				Shown: ts.map(x => !document.getElementById(x.getAttribute('aria-controls')).hidden),
				Focused: document.activeElement.id,
			};
		})(document.querySelector('.tabs[data-enhanced]'))`)
	}
	// check requires tab i alone to be selected and shown.
	check := func(how string, i int) {
		t.Helper()
		s := read()
		for j := range s.IDs {
			if on := j == i; (s.Selected[j] == "true") != on || s.Shown[j] != on {
				t.Errorf("after %s tab %d (%s) has aria-selected %q and shows its panel: %v; want tab %d alone",
					how, j, s.IDs[j], s.Selected[j], s.Shown[j], i)
			}
		}
	}
	s := read()
	if len(s.IDs) < 2 {
		t.Fatalf("the first tabs block has %d tabs, want at least 2", len(s.IDs))
	}
	n := len(s.IDs)
	check("loading", 0)

	act(t, ctx, "click the second tab", chromedp.Click(`[id="`+s.IDs[1]+`"]`))
	check("a click on the second tab", 1)

	act(t, ctx, "ArrowRight", chromedp.KeyEvent(kb.ArrowRight))
	check("ArrowRight", 2%n)
	if got := read().Focused; got != s.IDs[2%n] {
		t.Errorf("after ArrowRight the focus is on %q, want the tab %q", got, s.IDs[2%n])
	}
	act(t, ctx, "ArrowLeft", chromedp.KeyEvent(kb.ArrowLeft))
	check("ArrowLeft", 1)
	act(t, ctx, "ArrowLeft", chromedp.KeyEvent(kb.ArrowLeft))
	check("a second ArrowLeft", 0)
	if got := read().Focused; got != s.IDs[0] {
		t.Errorf("after ArrowLeft the focus is on %q, want the tab %q", got, s.IDs[0])
	}
}

// readerSearch opens search with "/", types a query and follows the
// first result with Enter.
func readerSearch(t *testing.T, ctx context.Context, base string) {
	open(t, ctx, base+"/")
	waitFor(t, ctx, "search.js", "document.querySelector('.hb-search-open') !== null")
	act(t, ctx, `"/"`,
		pressSlash(),
		chromedp.Poll[chromedp.Void]("document.activeElement && document.activeElement.getAttribute('role') === 'combobox'",
			chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.KeyEvent("laptop"),
		chromedp.Poll[chromedp.Void]("document.querySelectorAll('[role=option]').length > 0", chromedp.WithPollingTimeout(20*time.Second)),
	)
	first := eval[string](t, ctx, "document.querySelector('[role=option]').href")
	act(t, ctx, "Enter", chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, "the first result", fmt.Sprintf("location.href === %q && document.readyState === 'complete'", first))
	if !strings.Contains(first, "q=laptop") {
		t.Errorf("the first result opens %s, want ?q=laptop", first)
	}
}

// readerNarrow shows pages on a phone's screen, 375×700: the sidebar is
// hidden until the menu control opens it, and no page scrolls sideways.
func readerNarrow(t *testing.T, ctx context.Context, base string, pages []string) {
	do(t, ctx, "a narrow viewport", chromedp.EmulateViewport(375, 700))
	open(t, ctx, base+"/company/onboarding")
	const shown = "(s => s.getClientRects().length > 0 && getComputedStyle(s).visibility !== 'hidden')(document.querySelector('.hb-sidebar'))"
	if eval[bool](t, ctx, shown) {
		t.Error("at 375 px the sidebar shows before the menu is opened")
	}
	act(t, ctx, "open the menu",
		chromedp.Click(".hb-menu-toggle"),
		chromedp.Poll[chromedp.Void](shown, chromedp.WithPollingTimeout(5*time.Second)),
	)
	if got := eval[string](t, ctx, "(m => m.tagName === 'BUTTON' ? m.getAttribute('aria-expanded') : 'true')(document.querySelector('.hb-menu-toggle'))"); got != "true" {
		t.Errorf("the open menu's button has aria-expanded %q, want \"true\"", got)
	}

	for _, p := range pages {
		u := base + "/" + strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), "/")
		open(t, ctx, u)
		// The element that reaches furthest right, outside any box that
		// scrolls or clips, names the culprit.
		w := eval[struct {
			Scroll, Inner int
			Widest        string
		}](t, ctx, `(() => {
			let widest = '', right = innerWidth;
			const walk = el => {
				const r = el.getBoundingClientRect().right;
				if (r > right) {
					right = r;
					widest = el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' (' + Math.round(r) + ' px)';
				}
				if (getComputedStyle(el).overflowX === 'visible') [...el.children].forEach(walk);
			};
			[...document.body.children].forEach(walk);
			return {Scroll: document.documentElement.scrollWidth, Inner: innerWidth, Widest: widest};
		})()`)
		if w.Scroll > w.Inner {
			t.Errorf("%s is %d px wide in a %d px viewport; the widest element is %s", u, w.Scroll, w.Inner, w.Widest)
		}
	}
}

// serveBuilt serves the site b built on loopback until the test ends.
func serveBuilt(t *testing.T, b *hbtest.Builder) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(server.New(server.NewSite(b.Out, b.Result.Redirects, b.Result.URLs), nil))
	t.Cleanup(ts.Close)
	return ts
}

// act runs the actions in the browser, or ends the test when they fail
// or have not ended after half a minute (a click waits for its element
// to show). The browser or tab of ctx must have been started before, by
// actions run in ctx itself: it ends with the context that starts it.
func act(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("browser: %s: %v", what, err)
	}
}

// open opens url and waits until its scripts have run.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	act(t, ctx, "open "+url, chromedp.Navigate(url))
	waitFor(t, ctx, url, "document.readyState === 'complete'")
}

// waitFor waits until the JavaScript expression cond is true, asking
// again while a new page replaces the old one.
func waitFor(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	var err error
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var ok bool
		ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
	}
	t.Fatalf("browser: waiting for %s: %s is still false (last error: %v)", what, cond, err)
}
