package check

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/site"
)

// Options tune Run.
type Options struct {
	// ConfigFile is the handbook.yaml to read; empty means the one in
	// the source folder, when there is one.
	ConfigFile string
	// FS, when set, is the handbook to check instead of the source
	// folder, such as the documentation built into the binary.
	FS fs.FS
	// Logger receives what is not about the author's files; nil
	// discards it.
	Logger *slog.Logger
}

// Report is what check found in a handbook.
type Report struct {
	// Diags is every problem, its severity set by Severity, sorted by
	// file, line, column and message.
	Diags diag.List
	// External lists the links and images to other sites that pages
	// write, for a link checker; empty when the book did not load.
	External []site.ExternalLink
	// Book is the loaded book, or nil when it could not be loaded.
	Book *book.Book
}

// Run checks the handbook in the folder source, or in o.FS when it is
// set. Problems in the author's files, even those that stop the book
// from loading, are in the report; the error is for what stops the check
// itself, such as a source that is not a folder or a cancelled ctx.
func Run(ctx context.Context, source string, o Options) (*Report, error) {
	lo := book.Options{ConfigFile: o.ConfigFile}
	var b *book.Book
	var err error
	if o.FS != nil {
		b, err = book.LoadFS(ctx, o.FS, lo)
	} else {
		b, err = book.Load(ctx, source, lo)
	}
	r := &Report{}
	if err != nil {
		var dl diag.List
		if !errors.As(err, &dl) {
			return nil, fmt.Errorf("load %s: %w", source, err)
		}
		if b == nil {
			// The book stopped loading: its errors are all there is.
			r.Add(dl...)
			return r, nil
		}
		// The book loaded whole, with errors in it: they are in b.Diags,
		// which site.Check returns with everything else.
	}
	r.Book = b
	logger := o.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	res, err := site.Check(ctx, b, site.CheckOptions{Logger: logger})
	if err != nil {
		return nil, fmt.Errorf("check pages: %w", err)
	}
	r.External = res.External
	r.Add(res.Diags...)
	r.Add(unlisted(b, res.Included)...)
	return r, nil
}

// Add adds diagnostics to the report, such as those of a link checker,
// with their severity set by Severity, and keeps the report sorted.
func (r *Report) Add(ds ...diag.Diagnostic) {
	start := len(r.Diags)
	r.Diags = append(r.Diags, ds...)
	applyPolicy(r.Diags[start:])
	r.Diags.Sort()
}

// Count returns the number of errors and of warnings in the report.
func (r *Report) Count() (errs, warnings int) {
	for _, d := range r.Diags {
		if d.Severity == diag.Error {
			errs++
		} else {
			warnings++
		}
	}
	return errs, warnings
}

// Failed reports whether the check fails: when there is an error, or,
// when strict, any problem at all.
func (r *Report) Failed(strict bool) bool {
	errs, warnings := r.Count()
	return errs > 0 || strict && warnings > 0
}
