package site_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/handbookhq/handbook/docs"
	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
)

// TestAxeReaderPages runs axe-core's WCAG 2 A and AA rules in headless
// Chromium on pages that show the theme and the blocks at their fullest,
// in the light and the dark colour scheme, and requires no violation:
// the home page of the documentation, its page of layout blocks (tabs,
// code tabs, stepper, columns, rich tables with checkboxes, ratings and
// labels), and a long page of the Mattermost handbook.
func TestAxeReaderPages(t *testing.T) {
	t.Parallel()
	ctx := hbtest.Chromium(t, 5*time.Minute)
	do(t, ctx, "a desktop's viewport", chromedp.EmulateViewport(1280, 900))
	ownDocs := serveBuilt(t, buildFixture(t, func(ctx context.Context) (*book.Book, error) {
		return book.LoadFS(ctx, docs.FS, book.Options{})
	}))
	corpus := serveCorpus(t)

	pages := []struct {
		name string
		ts   *httptest.Server
		path string
	}{
		{"docs home", ownDocs, "/"},
		{"Mattermost learning and development", corpus, "/operations/workplace/people/working-at-mattermost/learning-and-development"},
	}
	// Between them, the docs' pages on blocks show every block.
	for _, page := range []string{"callouts", "layout", "code", "links-and-media", "api-reference", "dynamic-content", "text"} {
		pages = append(pages, struct {
			name string
			ts   *httptest.Server
			path string
		}{"docs blocks " + page, ownDocs, "/writing/blocks/" + page})
	}
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range pages {
			t.Run(p.name+" "+scheme, func(t *testing.T) {
				u := p.ts.URL + p.path
				act(t, ctx, "prefers-color-scheme: "+scheme, colorScheme(scheme))
				open(t, ctx, u)
				if eval[bool](t, ctx, "document.querySelector('button.hb-theme-toggle') !== null") {
					// The reader's choice, as the toggle makes it.
					eval[bool](t, ctx, "(document.documentElement.setAttribute('data-theme', '"+scheme+"'), true)")
				}
				if !strings.HasPrefix(p.name, "docs blocks") {
					// The theme loads nothing from other hosts: no fonts,
					// no scripts (blocks pages embed other sites' media).
					others := eval[[]string](t, ctx, "performance.getEntriesByType('resource').map(e => e.name).filter(u => !u.startsWith(location.origin))")
					if len(others) > 0 {
						t.Errorf("%s loads from other hosts: %q", p.path, others)
					}
				}
				for _, v := range hbtest.Axe(t, ctx, hbtest.WCAG2AA...) {
					t.Errorf("%s in %s: %s", p.path, scheme, v)
				}
			})
		}
	}
}

// colorScheme makes the page's prefers-color-scheme media feature answer
// scheme, "light" or "dark".
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}
