package cli

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// browser drives the page of a browser test: step runs actions, failing
// the test with what they were for; eval evaluates a JavaScript
// expression to a string.
type browser struct {
	t   *testing.T
	ctx context.Context
}

func (b browser) step(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("browser: %s: %v", what, err)
	}
}

func (b browser) eval(expr string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("browser: %s: %v", expr, err)
	}
	return v
}
