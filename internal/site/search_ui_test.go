package site_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/handbookhq/handbook/internal/hbtest"
)

// TestSearchUIKeyboard drives the search dialog of theme/assets/search.js
// with the keyboard in headless Chromium, on the Mattermost handbook:
// Ctrl+K and "/" open it on the combobox and Escape gives the focus back;
// a query lists options in a listbox, grouped by page under breadcrumbs,
// with marked snippets; Tab stays inside the dialog; ArrowDown moves
// aria-activedescendant to the next option and Enter opens it with ?q=,
// where the page marks the query's words in its content.
func TestSearchUIKeyboard(t *testing.T) {
	t.Parallel()
	ctx := hbtest.Chromium(t, 2*time.Minute)
	ts := serveCorpus(t)

	do(t, ctx, "open the home page",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.Poll[chromedp.Void]("window.hbSearch !== undefined && document.querySelector('.hb-search-open') !== null"),
	)

	const (
		dialogOpen   = "!document.querySelector('.hb-search-backdrop').hidden"
		comboFocused = "document.activeElement && document.activeElement.getAttribute('role') === 'combobox'"
	)

	// Ctrl+K from the search button opens the dialog on the combobox.
	do(t, ctx, "Ctrl+K",
		chromedp.Evaluate[chromedp.Void]("document.querySelector('.hb-search-open').focus()"),
		chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.Poll[chromedp.Void](dialogOpen+" && "+comboFocused, chromedp.WithPollingTimeout(5*time.Second)),
	)
	if got := eval[string](t, ctx, "document.activeElement.getAttribute('aria-expanded')"); got != "false" {
		t.Errorf("before typing, aria-expanded is %q, want \"false\"", got)
	}

	// Typing lists the results.
	do(t, ctx, "type a query",
		chromedp.KeyEvent("expense"),
		chromedp.Poll[chromedp.Void]("document.activeElement.getAttribute('aria-expanded') === 'true'", chromedp.WithPollingTimeout(20*time.Second)),
	)
	type listing struct {
		Options, InListbox, Groups, Crumbs, Marks int
		GroupsWithoutHead, OptionsOutsideGroup    int
		IDs                                       []string
		Controls, ListboxID, Active               string
	}
	l := eval[listing](t, ctx, `(() => {
		const input = document.activeElement, lb = document.querySelector('[role=listbox]');
		const opts = [...document.querySelectorAll('[role=option]')];
		const groups = [...lb.querySelectorAll('[role=group]')];
		return {
			Options: opts.length,
			InListbox: opts.filter(o => lb.contains(o)).length,
			Groups: groups.length,
			GroupsWithoutHead: groups.filter(g => {
				const head = document.getElementById(g.getAttribute('aria-labelledby'));
				return !head || !g.contains(head) || !head.querySelector('.hb-search-title').textContent.trim();
			}).length,
			OptionsOutsideGroup: opts.filter(o => !o.closest('[role=group]')).length,
			Crumbs: lb.querySelectorAll('.hb-search-page .hb-search-crumbs').length,
			Marks: lb.querySelectorAll('[role=option] .hb-search-snippet mark').length,
			IDs: opts.map(o => o.id),
			Controls: input.getAttribute('aria-controls'),
			ListboxID: lb.id,
			Active: input.getAttribute('aria-activedescendant') || '',
		};
	})()`)
	switch {
	case l.Options == 0:
		t.Fatal(`"expense" shows no options`)
	case l.InListbox != l.Options:
		t.Errorf("%d of %d options are inside the listbox", l.InListbox, l.Options)
	case l.Controls != l.ListboxID:
		t.Errorf("the combobox controls %q, the listbox is %q", l.Controls, l.ListboxID)
	}
	if l.Groups == 0 || l.GroupsWithoutHead > 0 || l.OptionsOutsideGroup > 0 {
		t.Errorf("options are not grouped by page: %d groups, %d without a labelling page title, %d options outside a group",
			l.Groups, l.GroupsWithoutHead, l.OptionsOutsideGroup)
	}
	if l.Crumbs == 0 {
		t.Error("no page group shows breadcrumbs")
	}
	if l.Marks == 0 {
		t.Error("no snippet has a <mark>")
	}
	if len(l.IDs) < 2 {
		t.Fatalf(`"expense" shows %d options, want at least 2 to move between`, len(l.IDs))
	}
	if l.Active != l.IDs[0] {
		t.Errorf("aria-activedescendant is %q, want the first option %q", l.Active, l.IDs[0])
	}

	// Escape closes the dialog and gives the focus back to the button.
	do(t, ctx, "Escape", chromedp.KeyEvent(kb.Escape))
	if eval[bool](t, ctx, dialogOpen) {
		t.Error("Escape leaves the dialog open")
	}
	if got := eval[string](t, ctx, "document.activeElement.className"); got != "hb-search-open" {
		t.Errorf("after Escape the focus is on %q, want the search button", got)
	}

	// "/" on the page opens it too, and Escape goes back to the link that
	// had the focus.
	link := eval[string](t, ctx, "(a => (a.focus(), a.textContent))(document.querySelector('.hb-page-header .hb-action'))")
	do(t, ctx, `"/"`,
		pressSlash(),
		chromedp.Poll[chromedp.Void](dialogOpen+" && "+comboFocused, chromedp.WithPollingTimeout(5*time.Second)),
	)
	if got := eval[string](t, ctx, "document.activeElement.value"); got != "expense" {
		t.Errorf(`after "/" the search box holds %q, want the last query "expense" and no "/"`, got)
	}
	do(t, ctx, "Escape", chromedp.KeyEvent(kb.Escape))
	if eval[bool](t, ctx, dialogOpen) {
		t.Error("Escape leaves the dialog open")
	}
	if got := eval[string](t, ctx, "document.activeElement.textContent"); got != link {
		t.Errorf("after Escape the focus is on %q, want the page's %q link", got, link)
	}

	// Tab and Shift+Tab keep the focus inside the open dialog.
	do(t, ctx, "Ctrl+K",
		chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.Poll[chromedp.Void](dialogOpen+" && "+comboFocused+" && document.querySelectorAll('[role=option]').length > 1",
			chromedp.WithPollingTimeout(20*time.Second)),
	)
	var seen []string
	for i, shift := range []bool{false, false, false, true, true, true} {
		var opts []chromedp.KeyOption
		if shift {
			opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
		}
		do(t, ctx, "Tab", chromedp.KeyEvent(kb.Tab, opts...))
		where := eval[string](t, ctx, "(document.querySelector('.hb-search-dialog').contains(document.activeElement) ? '' : 'outside: ') + document.activeElement.className")
		if strings.HasPrefix(where, "outside: ") {
			t.Errorf("Tab #%d (shift %v) leaves the dialog: the focus is on %q", i+1, shift, where)
		}
		seen = append(seen, where)
	}
	if !slices.Contains(seen, "hb-search-close") || !slices.Contains(seen, "hb-search-input") {
		t.Errorf("Tab visits %q, want the search box and the close button", seen)
	}

	// ArrowDown makes the next option active; Enter opens it with ?q=.
	do(t, ctx, "ArrowDown",
		chromedp.Evaluate[chromedp.Void]("document.querySelector('[role=combobox]').focus()"),
		chromedp.KeyEvent(kb.ArrowDown),
	)
	if got := eval[string](t, ctx, "document.activeElement.getAttribute('aria-activedescendant')"); got != l.IDs[1] {
		t.Errorf("after ArrowDown aria-activedescendant is %q, want the second option %q", got, l.IDs[1])
	}
	want := eval[string](t, ctx, "document.getElementById(document.activeElement.getAttribute('aria-activedescendant')).href")
	if !strings.Contains(want, "?q=expense") {
		t.Errorf("the second option links to %s, want ?q=expense", want)
	}
	do(t, ctx, "Enter", chromedp.KeyEvent(kb.Enter))
	// The page is replaced: ask again until the new one answers.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
			"location.search.includes('q=') && document.querySelector('.hb-content mark.hb-search-hit') !== null"))
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after Enter no page with ?q= marks its content (last error: %v)", err)
		}
	}
	if got := eval[string](t, ctx, "location.href"); got != want {
		t.Errorf("Enter opens %s, want %s", got, want)
	}
	marks := eval[[]string](t, ctx, "[...document.querySelectorAll('.hb-content mark.hb-search-hit')].map(m => m.textContent.toLowerCase())")
	if !slices.ContainsFunc(marks, func(m string) bool { return strings.HasPrefix(m, "expense") }) {
		t.Errorf("the page marks %q, want the word expense among them", marks)
	}
	t.Logf("%d options in %d page groups; %s marks %d words", len(l.IDs), l.Groups, want, len(marks))
}

// pressSlash presses "/" as a keyboard does: one keyDown that carries
// its text, so the character is typed only when the page lets the key
// down through (chromedp.KeyEvent sends the character apart, which a page
// cannot cancel).
func pressSlash() chromedp.Action[chromedp.Void] {
	key := input.DispatchKeyEventParams{Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}
	down, up := key, key
	down.Type, down.Text, down.UnmodifiedText = input.DispatchKeyEventTypeKeyDown, "/", "/"
	up.Type = input.DispatchKeyEventTypeKeyUp
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, p := range []input.DispatchKeyEventParams{down, up} {
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, p); err != nil {
				return err
			}
		}
		return nil
	})
}

// do runs the actions in the browser or ends the test.
func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("browser: %s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page or ends the test.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("browser: %s: %v", expr, err)
	}
	return v
}
