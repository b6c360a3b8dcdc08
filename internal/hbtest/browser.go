package hbtest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/handbookhq/handbook/internal/pdf"
)

// Chromium starts headless Chromium, found by pdf.FindChrome ($CHROME,
// PATH, the usual install paths), and gives a context for its first tab,
// which ends after timeout or with the test. Without a Chromium the
// test is skipped, or fails when the environment variable CI is set, so
// that continuous integration never skips browser tests silently.
func Chromium(t testing.TB, timeout time.Duration) context.Context {
	t.Helper()
	path := NeedChromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
	)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelBrowser := chromedp.NewContext(ctx)
	t.Cleanup(cancelBrowser)
	return ctx
}

// NeedChromium returns the path of Chromium, found by pdf.FindChrome.
// Without one the test is skipped, or fails when the environment variable
// CI is set.
func NeedChromium(t testing.TB) string {
	t.Helper()
	path, err := pdf.FindChrome("")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must run the browser tests: %v", err)
		}
		t.Skipf("browser test skipped: %v", err)
	}
	return path
}

// NeedTool skips the test when the program name is not on PATH, or fails
// it when the environment variable CI is set.
func NeedTool(t testing.TB, name, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must have %s (Debian package %s)", name, pkg)
		}
		t.Skipf("%s (Debian package %s) is not installed", name, pkg)
	}
}
