package site

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
)

// CheckOptions tune a check.
type CheckOptions struct {
	Logger *slog.Logger
}

// CheckResult is what a check found.
type CheckResult struct {
	// Diags is everything wrong: the book's diagnostics and what
	// rendering found (links, anchors, images, blocks, alt text), sorted.
	Diags diag.List
	// External is every link and image to another site (http or https)
	// the pages write, with where, in page order.
	External []ExternalLink
	// Included is every content-relative file pages include, sorted.
	Included []string
}

// ExternalLink is a link or image to another site.
type ExternalLink struct {
	URL string
	Pos diag.Pos
}

// Check renders every page of b as a build does, writing nothing, and
// returns what is wrong. It also reports images without alt text, which
// builds leave alone.
func Check(ctx context.Context, b *book.Book, o CheckOptions) (*CheckResult, error) {
	s, err := newBuilder(b, Options{NoGit: true, NoMachineReadable: true, Logger: o.Logger})
	if err != nil {
		return nil, err
	}
	if s.root != nil {
		defer s.root.Close()
	}
	if s.o.Logger == nil {
		s.o.Logger = slog.New(slog.DiscardHandler)
	}
	s.gitDone = make(chan struct{})
	close(s.gitDone)
	s.check, s.out = true, discard{}
	var included sync.Map
	s.onInclude = func(file string) { included.Store(file, true) }
	s.siteTitle()
	if err := s.prepare(); err != nil {
		return nil, err
	}
	if err := s.writePages(ctx); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	res := &CheckResult{Diags: s.allDiags()}
	for i := range s.pages {
		res.External = append(res.External, s.pages[i].links...)
	}
	included.Range(func(k, _ any) bool { res.Included = append(res.Included, k.(string)); return true })
	slices.Sort(res.Included)
	return res, nil
}
