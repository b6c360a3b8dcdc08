package livereload

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/handbookhq/handbook/internal/hbtest"
)

// TestBrowser drives the client script in headless Chromium: a page served
// under a strict Content-Security-Policy reloads when its path changes,
// keeps its scroll positions, shows and hides a failed build's problems,
// ignores other pages' changes and reloads after a server restart.
func TestBrowser(t *testing.T) {
	t.Parallel()
	ctx := hbtest.Chromium(t, 120*time.Second)

	var hits atomic.Int32
	site := http.NewServeMux()
	site.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		n := hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		_, _ = fmt.Fprintf(w, `<!doctype html><html><head><title>Page</title>
<link rel="stylesheet" href="/page.css"><script src="/page.js"></script></head>
<body><nav class="hb-sidebar"><div class="tall">sidebar</div></nav>
<main><p id="n">%d</p><div class="tall">content</div></main></body></html>`, n)
	})
	site.HandleFunc("/page.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		_, _ = io.WriteString(w, ".hb-sidebar { height: 200px; overflow-y: auto; } .tall { height: 5000px; }")
	})
	site.HandleFunc("/page.js", func(w http.ResponseWriter, r *http.Request) {
		// Leave scrolling to the client script, not to the browser's own
		// restoration on reload.
		w.Header().Set("Content-Type", "text/javascript")
		_, _ = io.WriteString(w, `history.scrollRestoration = "manual";`)
	})
	var current atomic.Pointer[Hub]
	hub := NewHub(nil)
	current.Store(hub)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		current.Load().Wrap(site).ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		current.Load().Close()
		srv.Close()
	})

	if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/page")); err != nil {
		t.Fatalf("open the page: %v", err)
	}
	until(ctx, t, `document.getElementById("n").textContent === "1"`)
	seen := waitClient(ctx, t, hub, nil)

	// Scroll the window and the sidebar, then reload through the Hub.
	until(ctx, t, `(window.scrollTo(0, 1500), document.querySelector(".hb-sidebar").scrollTop = 300,
		Math.abs(window.scrollY - 1500) < 2 && document.querySelector(".hb-sidebar").scrollTop === 300)`)
	hub.Reload([]string{"/page"})
	until(ctx, t, `document.getElementById("n").textContent === "2"`)
	until(ctx, t, `Math.abs(window.scrollY - 1500) < 5 &&
		Math.abs(document.querySelector(".hb-sidebar").scrollTop - 300) < 5 &&
		sessionStorage.getItem("hb-live-scroll:/page") === null`)
	seen = waitClient(ctx, t, hub, seen)

	// Another page's change does not reload this one: the events are
	// handled in order, so once the failure shows, the reload event was
	// handled without saving the scroll position for a reload.
	until(ctx, t, `(window.hbMark = "same") === "same"`)
	hub.Reload([]string{"/other", "/page/deeper"})
	hub.Fail([]Problem{
		{File: "guide/a.md", Line: 3, Col: 5, Severity: "error", Message: "unclosed <b>hint</b>", Hint: "add {% endhint %}"},
		{File: "SUMMARY.md", Severity: "warning", Message: "page listed twice"},
	})
	until(ctx, t, `document.getElementById("hb-live-overlay") !== null`)
	checks := map[string]string{
		"the page was not reloaded": `window.hbMark === "same" && sessionStorage.getItem("hb-live-scroll:/page") === null`,
		"role":                      `document.getElementById("hb-live-overlay").getAttribute("role") === "alertdialog"`,
		"aria-modal":                `document.getElementById("hb-live-overlay").getAttribute("aria-modal") === "true"`,
		"title":                     `document.getElementById("hb-live-title").textContent === "Build failed"`,
		"first problem":             `document.getElementById("hb-live-overlay").textContent.includes("guide/a.md:3:5: error: unclosed <b>hint</b>")`,
		"hint":                      `document.getElementById("hb-live-overlay").textContent.includes("hint: add {% endhint %}")`,
		"second problem":            `document.getElementById("hb-live-overlay").textContent.includes("SUMMARY.md: warning: page listed twice")`,
		"text only":                 `document.getElementById("hb-live-overlay").querySelector("b") === null`,
		"focus":                     `document.getElementById("hb-live-overlay").contains(document.activeElement)`,
		"covers the page":           `getComputedStyle(document.getElementById("hb-live-overlay")).position === "fixed"`,
	}
	for name, expr := range checks {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err != nil || !ok {
			t.Errorf("overlay: %s: %s is not true (%v)", name, expr, err)
		}
	}

	// Escape dismisses it; a new failure shows it again; Clear removes it.
	if _, err := chromedp.Run(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatalf("press Escape: %v", err)
	}
	until(ctx, t, `document.getElementById("hb-live-overlay") === null`)
	hub.Fail([]Problem{{File: "a.md", Line: 1, Severity: "error", Message: "broken"}})
	until(ctx, t, `document.getElementById("hb-live-overlay") !== null &&
		document.getElementById("hb-live-overlay").textContent.includes("a.md:1: error: broken")`)
	hub.Clear()
	until(ctx, t, `document.getElementById("hb-live-overlay") === null && window.hbMark === "same"`)

	// A path with a trailing slash names the same page.
	hub.Reload([]string{"/page/"})
	until(ctx, t, `document.getElementById("n").textContent === "3"`)
	waitClient(ctx, t, hub, seen)

	// A server restart: the stream ends, the browser reconnects to the new
	// server and reloads.
	restarted := NewHub(nil)
	current.Store(restarted)
	hub.Close()
	until(ctx, t, `document.getElementById("n").textContent === "4"`)
	waitClient(ctx, t, restarted, nil)
}

// until evaluates a JavaScript expression in the page until it is true or
// the test's browser context ends; evaluation errors (the page reloading,
// an element not there yet) count as false.
func until(ctx context.Context, t *testing.T, expr string) {
	t.Helper()
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expr+")"))
		last = err
		if err == nil && ok {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("never true: %s (last error: %v)", expr, last)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// waitClient waits until h has a connected browser that is not in seen,
// and returns the browsers connected then.
func waitClient(ctx context.Context, t *testing.T, h *Hub, seen map[*client]bool) map[*client]bool {
	t.Helper()
	for {
		now := map[*client]bool{}
		fresh := false
		h.mu.Lock()
		for c := range h.clients {
			now[c] = true
			if !seen[c] {
				fresh = true
			}
		}
		h.mu.Unlock()
		if fresh {
			return now
		}
		select {
		case <-ctx.Done():
			t.Fatal("no browser connected to the event stream")
		case <-time.After(20 * time.Millisecond):
		}
	}
}
