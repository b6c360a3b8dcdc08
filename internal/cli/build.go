package cli

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/pdfexport"
	"github.com/handbookhq/handbook/internal/site"
	"github.com/handbookhq/handbook/internal/theme"
	"github.com/handbookhq/handbook/internal/versions"
)

// buildFlags are the flags build and serve share.
type buildFlags struct {
	config string
	noGit  bool
	quiet  bool
	// includePrivate publishes private pages with the others.
	includePrivate bool
	// headerLinks are added to the header: signing in and out.
	headerLinks []theme.Link
	// memo shares rendered pages with other builds of the handbook.
	memo *site.Memo
	// feedback says where the "Was this helpful?" widget posts; serve
	// sets it, build leaves it to handbook.yaml.
	feedback widget
	// pdfEndpoint is where serve makes PDFs; "" for none.
	pdfEndpoint string
	// pdf prints the whole handbook to PDF into the site (build --pdf)
	// with these options.
	pdf *pdfexport.Options
}

// widget says where the feedback widget of a build posts ratings.
type widget int

const (
	// widgetFromConfig posts to handbook.yaml's feedback.endpoint, and
	// leaves the widget out without one: "handbook build".
	widgetFromConfig widget = iota
	// widgetOwnServer posts to the serving handbook's own API.
	widgetOwnServer
	// widgetNone leaves the widget out: "handbook serve --no-feedback".
	widgetNone
)

// feedbackPath is where "handbook serve" takes ratings.
const feedbackPath = "/api/feedback"

// feedbackURL is the address the widget of b posts to, or "" for none.
func (w widget) feedbackURL(b *book.Book) string {
	switch w {
	case widgetOwnServer:
		return feedbackPath
	case widgetFromConfig:
		if b.Site != nil && b.Site.Feedback.Endpoint != "" {
			return b.Site.Feedback.Endpoint + feedbackPath
		}
	}
	return ""
}

func runBuild(ctx context.Context, e *env, args []string) error {
	fs := newFlags("build", "[SOURCE]", "Build the handbook in SOURCE (default \".\") into a static website.", e.stderr)
	out := fs.String("out", "_site", "output `directory`")
	withPDF := fs.Bool("pdf", false, "also print the whole handbook to PDF with headless Chromium, published as "+site.PDFName+" and linked from every page")
	var bf buildFlags
	bf.register(fs)
	var pf pdfFlags
	pf.register(fs)
	pos, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	source := "."
	if len(pos) == 1 {
		source = pos[0]
	}
	if *withPDF {
		// Without a browser, fail before doing anything.
		chrome, err := e.findChrome(pf.chrome)
		if err != nil {
			return err
		}
		bf.pdf = &pdfexport.Options{Chrome: chrome, Timeout: pf.timeout}
	}
	start := time.Now()
	res, b, err := build(ctx, e, source, nil, *out, bf)
	if err != nil {
		return err
	}
	if n := b.LeftOut(); n > 0 && !bf.quiet {
		fmt.Fprintf(e.stderr, "left out %s (--include-private publishes them)\n", plural(n, "private page"))
	}
	if !bf.quiet {
		fmt.Fprintf(e.stderr, "built %d pages and %d files into %s in %s (%d warnings)\n",
			res.Pages, res.Files, *out, time.Since(start).Round(time.Millisecond), len(res.Diags))
	}
	return nil
}

func (bf *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&bf.config, "config", "", "configuration `file` (default SOURCE/handbook.yaml)")
	fs.BoolVar(&bf.noGit, "no-git", false, "do not read git history (no \"Last updated\", no derived edit links)")
	fs.BoolVar(&bf.quiet, "q", false, "print errors only")
	fs.BoolVar(&bf.includePrivate, "include-private", false, "publish private pages with the others, to everyone")
}

// build loads and renders source into out, printing diagnostics, and
// returns the book it built: the default version's. A nil fsys means
// source is a folder on disk, with every version handbook.yaml lists;
// otherwise the book is read from fsys (the embedded documentation).
func build(ctx context.Context, e *env, source string, fsys fs.FS, out string, bf buildFlags) (*site.Result, *book.Book, error) {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, nil, fmt.Errorf("resolve output: %w", err)
	}
	set, err := loadVersions(ctx, e, source, fsys, bf, absOut)
	if err != nil {
		return nil, nil, err
	}
	defer set.Close()
	b := set.Default().Book
	o := bf.siteOptions(e, b, absOut)
	if bf.pdf != nil {
		file, cleanup, err := printWhole(ctx, e, b, absOut, bf)
		if err != nil {
			return nil, nil, err
		}
		defer cleanup()
		o.PDF = file
	}
	if !bf.quiet && isTerminal(e.stderr) {
		o.Progress = newProgress(e.stderr, "rendering pages")
	}
	results, err := set.Build(ctx, o)
	if err != nil {
		return nil, nil, err
	}
	res := versions.Merge(results)
	printDiags(e, res.Diags, bf.quiet)
	return res, b, nil
}

// siteOptions are the options of a build of b into out.
func (bf buildFlags) siteOptions(e *env, b *book.Book, out string) site.Options {
	return site.Options{Out: out, NoGit: bf.noGit, FeedbackURL: bf.feedback.feedbackURL(b), PDFEndpoint: bf.pdfEndpoint, HeaderLinks: bf.headerLinks, Memo: bf.memo, Logger: e.log}
}

// printWhole prints the whole handbook to a PDF file in a folder beside
// out, for the build to publish, and returns it and a function that
// removes the folder.
func printWhole(ctx context.Context, e *env, b *book.Book, out string, bf buildFlags) (string, func(), error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return "", nil, fmt.Errorf("make output folder: %w", err)
	}
	dir, err := os.MkdirTemp(filepath.Dir(out), ".handbook-pdf-")
	if err != nil {
		return "", nil, fmt.Errorf("make PDF folder: %w", err)
	}
	cleanup := func() { _ = os.RemoveAll(dir) }
	o := *bf.pdf
	o.Version = bookVersion(ctx, b, bf.noGit)
	var bar *stageBar
	if !bf.quiet && isTerminal(e.stderr) {
		bar = newStageBar(e.stderr)
		o.Rendering, o.Stage = bar.count("PDF: rendering pages"), bar.stage("PDF")
	}
	file := filepath.Join(dir, site.PDFName)
	start := time.Now()
	res, err := pdfexport.Write(ctx, b, site.PrintScope{}, file, o)
	bar.done()
	if err != nil {
		cleanup()
		return "", nil, err
	}
	if !bf.quiet {
		fmt.Fprintf(e.stderr, "printed %d pages into %s: %d PDF pages, %s, in %s\n",
			res.Pages, site.PDFName, res.PDF.Pages, sizeText(res.PDF.Bytes), time.Since(start).Round(100*time.Millisecond))
	}
	return file, cleanup, nil
}

// loadBook loads the book in source, or in fsys when it is not nil,
// leaving out the folder ignore (the output). Load errors come back in
// the error, printed once by Main, with their warnings printed here.
func loadBook(ctx context.Context, e *env, source string, fsys fs.FS, bf buildFlags, ignore string) (*book.Book, error) {
	lo := bf.bookOptions(ignore)
	var b *book.Book
	var err error
	if fsys != nil {
		b, err = book.LoadFS(ctx, fsys, lo)
	} else {
		b, err = book.Load(ctx, source, lo)
	}
	if err != nil {
		if b != nil {
			printDiags(e, b.Diags.Warnings(), bf.quiet)
		}
		return nil, err
	}
	return b, nil
}

// bookOptions are the options of loading a book, leaving out the folder
// ignore (the output) when it is not "".
func (bf buildFlags) bookOptions(ignore string) book.Options {
	lo := book.Options{ConfigFile: bf.config, Public: !bf.includePrivate}
	if ignore != "" {
		lo.Ignore = []string{ignore}
	}
	return lo
}

// loadVersions loads every version of the handbook in source, or the
// book in fsys when it is not nil, as loadBook does.
func loadVersions(ctx context.Context, e *env, source string, fsys fs.FS, bf buildFlags, ignore string) (*versions.Set, error) {
	if fsys != nil {
		b, err := loadBook(ctx, e, source, fsys, bf, ignore)
		if err != nil {
			return nil, err
		}
		return versions.Single(b), nil
	}
	set, b, err := versions.Load(ctx, source, versions.Options{Book: bf.bookOptions(ignore)})
	if err != nil {
		if b != nil {
			printDiags(e, b.Diags.Warnings(), bf.quiet)
		}
		return nil, err
	}
	return set, nil
}

func printDiags(e *env, ds diag.List, quiet bool) {
	for _, d := range ds {
		if quiet && d.Severity != diag.Error {
			continue
		}
		fmt.Fprintln(e.stderr, d.String())
	}
}

// newProgress reports progress on a terminal, only once work has taken
// more than 250 ms, on one line that it clears when done.
func newProgress(w interface{ Write([]byte) (int, error) }, what string) func(done, total int) {
	start := time.Now()
	return func(done, total int) {
		if time.Since(start) < 250*time.Millisecond {
			return
		}
		fmt.Fprintf(w, "\r%s: %d/%d", what, done, total)
		if done == total {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}
