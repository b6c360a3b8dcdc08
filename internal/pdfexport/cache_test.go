package pdfexport_test

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/pdfexport"
	"github.com/handbookhq/handbook/internal/site"
)

// cacheBook has a home page and two more pages.
const cacheBook = `
-- handbook.yaml --
title: Cache Handbook
-- SUMMARY.md --
# Table of contents

* [Home](README.md)
* [Alpha](alpha.md)
* [Beta](beta.md)
-- README.md --
# Home

The home page.
-- alpha.md --
# Alpha

The alpha page.
-- beta.md --
# Beta

The beta page.
`

// printCounter is a slog.Handler that counts the "made PDF" records: one
// for each PDF the cache prints.
type printCounter struct{ n *atomic.Int64 }

func (h printCounter) Enabled(context.Context, slog.Level) bool { return true }

func (h printCounter) Handle(_ context.Context, r slog.Record) error {
	if r.Message == "made PDF" {
		h.n.Add(1)
	}
	return nil
}

func (h printCounter) WithAttrs([]slog.Attr) slog.Handler { return h }

func (h printCounter) WithGroup(string) slog.Handler { return h }

// newCache returns a cache of the handbook written from files to src,
// kept in a new folder, and the count of its prints.
func newCache(t *testing.T, src, files string, o pdfexport.Options) (*pdfexport.Cache, *atomic.Int64) {
	t.Helper()
	b := loadBook(t, src, files)
	made := new(atomic.Int64)
	c, err := pdfexport.NewCache(filepath.Join(t.TempDir(), "pdf"), b, o, slog.New(printCounter{made}))
	if err != nil {
		t.Fatalf("NewCache: %v", err)
	}
	return c, made
}

// printCtx returns a context that bounds a test's printing.
func printCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), printTimeout)
	t.Cleanup(cancel)
	return ctx
}

// getPDF asks c for a PDF and fails the test on an error or a missing file.
func getPDF(t *testing.T, ctx context.Context, c *pdfexport.Cache, page string, section bool) pdfexport.PDF {
	t.Helper()
	p, err := c.PDF(ctx, page, section)
	if err != nil {
		t.Fatalf("PDF(%q, %v): %v", page, section, err)
	}
	if _, err := os.Stat(p.File); err != nil {
		t.Fatalf("PDF(%q, %v) gave file %s: %v", page, section, p.File, err)
	}
	return p
}

// TestCachePrintsOnce asks for the same PDFs again, at once and after
// the handbook changed: each document is printed once, and again only
// when its content changes.
func TestCachePrintsOnce(t *testing.T) {
	t.Parallel()
	hbtest.NeedChromium(t)
	src := t.TempDir()
	c, made := newCache(t, src, cacheBook, pdfexport.Options{})
	ctx := printCtx(t)

	first := getPDF(t, ctx, c, "/alpha", false)
	again := getPDF(t, ctx, c, "/alpha", false)
	if again != first {
		t.Errorf("the second request gave %+v, want %+v", again, first)
	}
	if first.Name != "alpha.pdf" || first.Hash == "" || filepath.Base(first.File) != first.Hash+".pdf" {
		t.Errorf("PDF %+v, want name alpha.pdf and a file named by a hash", first)
	}
	if n := made.Load(); n != 1 {
		t.Errorf("two requests for the same PDF printed %d times, want 1", n)
	}

	// Four readers at once for a new document share one print.
	var wg sync.WaitGroup
	got := make([]pdfexport.PDF, 4)
	errs := make([]error, 4)
	for i := range got {
		wg.Go(func() { got[i], errs[i] = c.PDF(ctx, "/beta", false) })
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil {
			t.Fatalf("concurrent request %d: %v", i, errs[i])
		}
		if got[i] != got[0] {
			t.Errorf("concurrent request %d gave %+v, want %+v", i, got[i], got[0])
		}
	}
	if got[0].Hash == first.Hash {
		t.Errorf("the PDFs of two pages have the same hash %s", first.Hash)
	}
	if n := made.Load(); n != 2 {
		t.Errorf("after four concurrent requests for a new PDF the cache printed %d times in all, want 2", n)
	}

	// A changed page is a new document.
	b := loadBook(t, src, "-- alpha.md --\n# Alpha\n\nThe alpha page, changed.\n")
	c.SetBook(b)
	changed := getPDF(t, ctx, c, "/alpha", false)
	if changed.Hash == first.Hash || changed.File == first.File {
		t.Errorf("after the page changed: %+v, want a new hash and file than %+v", changed, first)
	}
	if n := made.Load(); n != 3 {
		t.Errorf("after the page changed the cache printed %d times in all, want 3", n)
	}

	// An unknown page is an error and prints nothing.
	for _, section := range []bool{false, true} {
		if _, err := c.PDF(ctx, "/nowhere", section); !errors.Is(err, site.ErrNoPage) {
			t.Errorf("PDF(/nowhere, %v): error %v, want one matching site.ErrNoPage", section, err)
		}
	}
	if n := made.Load(); n != 3 {
		t.Errorf("after requests for an unknown page the cache printed %d times in all, want 3", n)
	}
}

// TestCacheEvicts keeps two PDFs: the least recently used goes, and a
// print folder left over an hour ago by a crash is removed while a
// recent one stays.
func TestCacheEvicts(t *testing.T) {
	t.Parallel()
	hbtest.NeedChromium(t)
	c, made := newCache(t, t.TempDir(), cacheBook, pdfexport.Options{})
	c.MaxFiles = 2
	ctx := printCtx(t)

	home := getPDF(t, ctx, c, "", false)
	dir := filepath.Dir(home.File)
	stale := filepath.Join(dir, ".handbook-print-x")
	recent := filepath.Join(dir, ".handbook-print-y")
	for _, d := range []string{stale, recent} {
		if err := os.MkdirAll(filepath.Join(d, "assets"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}

	alpha := getPDF(t, ctx, c, "/alpha", false)
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the print folder from two hours ago is still there after a print (stat: %v)", err)
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("the recent print folder was removed: %v", err)
	}

	// Using the first PDF again makes alpha the least recently used.
	if again := getPDF(t, ctx, c, "", false); again != home {
		t.Errorf("the cached PDF of the handbook changed: %+v, want %+v", again, home)
	}
	beta := getPDF(t, ctx, c, "/beta", false)
	if n := made.Load(); n != 3 {
		t.Errorf("the cache printed %d times, want 3", n)
	}
	var pdfs []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".pdf" {
			pdfs = append(pdfs, filepath.Join(dir, e.Name()))
		}
	}
	want := []string{home.File, beta.File}
	slices.Sort(want)
	if !slices.Equal(pdfs, want) {
		t.Errorf("the cache holds %q, want the handbook's and beta's %q (alpha's %s was used least recently)", pdfs, want, alpha.File)
	}
}

// TestCacheReaderLeaves cancels a request while its PDF is printed: the
// request ends with the context's error, and the print goes on to fill
// the cache.
func TestCacheReaderLeaves(t *testing.T) {
	t.Parallel()
	hbtest.NeedChromium(t)
	ctx, cancel := context.WithCancel(printCtx(t))
	defer cancel()
	c, made := newCache(t, t.TempDir(), cacheBook, pdfexport.Options{Stage: func(string) { cancel() }})

	p, err := c.PDF(ctx, "/alpha", false)
	if !errors.Is(err, context.Canceled) || p != (pdfexport.PDF{}) {
		t.Fatalf("PDF with the reader gone: %+v, %v; want no PDF and context.Canceled", p, err)
	}

	// The print finishes without the reader: wait for it, boundedly.
	fresh := printCtx(t)
	var file string
	for range 600 {
		if made.Load() == 1 {
			got := getPDF(t, fresh, c, "/alpha", false)
			file = got.File
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if file == "" {
		t.Fatalf("the print of a request whose reader left never finished (%d prints)", made.Load())
	}
	if n := made.Load(); n != 1 {
		t.Errorf("asking again after the print finished printed again: %d prints, want 1", n)
	}
}

// The cache's folder is made with its first PDF, with a .gitignore that
// keeps it out of git: a request for no page makes nothing.
func TestCacheMakesItsFolderWithTheFirstPDF(t *testing.T) {
	t.Parallel()
	chrome := hbtest.NeedChromium(t)
	b := loadBook(t, t.TempDir(), cacheBook)
	dir := filepath.Join(t.TempDir(), "data", "pdf")
	c, err := pdfexport.NewCache(dir, b, pdfexport.Options{Chrome: chrome}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.PDF(printCtx(t), "/no/such/page", false); !errors.Is(err, site.ErrNoPage) {
		t.Fatalf("PDF of no page: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(dir)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a request for no page made the cache's folder: %v", err)
	}
	getPDF(t, printCtx(t), c, "", false)
	if data, err := os.ReadFile(filepath.Join(dir, ".gitignore")); err != nil || !strings.Contains(string(data), "\n*\n") {
		t.Errorf(".gitignore of the cache: %q, %v; want one that ignores everything", data, err)
	}
}
