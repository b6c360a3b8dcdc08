package pdfexport

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/pdf"
	"github.com/handbookhq/handbook/internal/site"
)

// Options say how to print.
type Options struct {
	// Chrome is the browser's path; "" means pdf.FindChrome("").
	Chrome string
	// Timeout bounds printing one PDF; zero means pdf.DefaultTimeout.
	Timeout time.Duration
	// Version is shown on the cover; "" for none.
	Version string
	// SiteURL is where links to pages outside a PDF go; "" means the
	// handbook's base_url.
	SiteURL string
	// Rendering, when set, is called as pages are rendered.
	Rendering func(done, total int)
	// Stage, when set, is called with each stage of printing.
	Stage func(stage string)
	// BookLock, when set, is held while the print view reads the book:
	// a live site changes its pages as the source changes.
	BookLock sync.Locker
}

// Result describes a PDF written by [Write].
type Result struct {
	Title string // the cover's title
	Pages int    // how many pages of the handbook it holds
	PDF   pdf.Result
}

// Write prints the pages of b that scope selects to the PDF file out,
// through a print folder made beside out and removed afterwards. out is
// replaced only when the PDF is complete.
func Write(ctx context.Context, b *book.Book, scope site.PrintScope, out string, o Options) (Result, error) {
	doc, err := site.Print(ctx, b, site.PrintOptions{Scope: scope, Version: o.Version, SiteURL: o.SiteURL, Progress: o.Rendering})
	if err != nil {
		return Result{}, err
	}
	return WriteDoc(ctx, doc, out, o)
}

// WriteDoc prints a rendered print view to out, as Write does.
func WriteDoc(ctx context.Context, doc *site.PrintDoc, out string, o Options) (Result, error) {
	dir, err := os.MkdirTemp(filepath.Dir(out), ".handbook-print-")
	if err != nil {
		return Result{}, fmt.Errorf("make print folder: %w", err)
	}
	defer os.RemoveAll(dir)
	if err := doc.Write(dir); err != nil {
		return Result{}, err
	}
	abs, err := filepath.Abs(filepath.Join(dir, "index.html"))
	if err != nil {
		return Result{}, fmt.Errorf("print folder: %w", err)
	}
	res, err := pdf.Print(ctx, pdf.Options{
		Chrome:   o.Chrome,
		URL:      (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String(),
		Out:      out,
		Title:    doc.Title,
		Footer:   true,
		Ready:    site.PrintReady,
		Progress: o.Stage,
		Timeout:  o.Timeout,
	})
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		err = fmt.Errorf("%w (a large handbook may need a longer timeout)", err)
	}
	if err != nil {
		return Result{}, err
	}
	return Result{Title: doc.Title, Pages: doc.Pages, PDF: res}, nil
}
