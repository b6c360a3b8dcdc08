package cli

import (
	"context"
	"flag"
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/gitinfo"
	"github.com/handbookhq/handbook/internal/pdf"
	"github.com/handbookhq/handbook/internal/pdfexport"
	"github.com/handbookhq/handbook/internal/site"
)

// defaultPDFTimeout bounds printing one PDF: long enough for a book of
// thousands of pages on a small machine.
const defaultPDFTimeout = 10 * time.Minute

// pdfFlags are the flags that say how to print.
type pdfFlags struct {
	chrome  string
	timeout time.Duration
}

func (pf *pdfFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&pf.chrome, "chrome", "", "Chromium or Chrome `binary` to print with (default $CHROME, else found on PATH or in the usual install paths)")
	fs.DurationVar(&pf.timeout, "pdf-timeout", defaultPDFTimeout, "longest `time` printing one PDF may take")
}

// findChrome finds the browser, in the usual install paths unless the
// environment names others (tests do).
func (e *env) findChrome(explicit string) (string, error) {
	if e.chromePaths != nil {
		return pdf.FindChromeIn(explicit, *e.chromePaths)
	}
	return pdf.FindChrome(explicit)
}

func runPDF(ctx context.Context, e *env, args []string) error {
	flags := newFlags("pdf", "[SOURCE]", "Print the handbook in SOURCE (default \".\"), one of its sections or one of its pages\nto a PDF file, with headless Chromium.", e.stderr)
	out := flags.String("out", "", "PDF `file` to write (default handbook.pdf, or the page's or section's name)")
	var scope site.PrintScope
	flags.StringVar(&scope.Page, "page", "", "print only this page: its URL `path` (/company/about) or its file (company/about.md)")
	flags.StringVar(&scope.Section, "section", "", "print this page and the pages below it, or a group of the table of contents by its title: a URL `path`, file or group title")
	var pf pdfFlags
	pf.register(flags)
	var bf buildFlags
	bf.register(flags)
	flags.Lookup("no-git").Usage = "do not read the git branch (no version on the cover)"
	pos, err := parse(flags, args, 1)
	if err != nil {
		return err
	}
	if scope.Page != "" && scope.Section != "" {
		return fmt.Errorf("%w: give --page or --section, not both", errUsage)
	}
	chrome, err := e.findChrome(pf.chrome)
	if err != nil {
		return err
	}
	source, fsys := chooseSource(pos, bf.config, e.stderr, "printing")
	start := time.Now()
	b, err := loadBook(ctx, e, source, fsys, bf, "")
	if err != nil {
		return err
	}
	if *out == "" {
		*out = defaultPDFName(scope)
	}
	o := pdfexport.Options{Chrome: chrome, Timeout: pf.timeout, Version: bookVersion(ctx, b, bf.noGit)}
	var bar *stageBar
	if !bf.quiet && isTerminal(e.stderr) {
		bar = newStageBar(e.stderr)
		o.Rendering, o.Stage = bar.count("rendering pages"), bar.stage("printing")
	}
	res, err := pdfexport.Write(ctx, b, scope, *out, o)
	bar.done()
	if err != nil {
		return err
	}
	if !bf.quiet {
		fmt.Fprintf(e.stderr, "printed %d pages of the handbook into %s: %d PDF pages, %s, in %s\n",
			res.Pages, *out, res.PDF.Pages, sizeText(res.PDF.Bytes), time.Since(start).Round(100*time.Millisecond))
	}
	return nil
}

// defaultPDFName names the PDF of a scope: handbook.pdf, or the last part
// of the page's or section's name.
func defaultPDFName(sc site.PrintScope) string {
	name := sc.Page
	if name == "" {
		name = sc.Section
	}
	name = strings.Trim(filepath.ToSlash(name), "/")
	if base := path.Base(name); strings.EqualFold(base, "README.md") || strings.EqualFold(base, "README") {
		name = path.Dir(name)
	}
	name = strings.TrimSuffix(path.Base(name), ".md")
	name = strings.Map(func(r rune) rune {
		if r == ' ' || r == '/' || r == '\\' || r < ' ' {
			return '-'
		}
		return r
	}, strings.ToLower(name))
	if name == "" || name == "." || strings.EqualFold(name, "readme") {
		name = "handbook"
	}
	return name + ".pdf"
}

// bookVersion is the version the cover shows: the git branch, unless it
// is the usual name of a main line.
func bookVersion(ctx context.Context, b *book.Book, noGit bool) string {
	if noGit || b.Source == "" {
		return ""
	}
	branch, err := gitinfo.Branch(ctx, b.Source)
	if err != nil {
		return ""
	}
	switch branch {
	case "main", "master", "trunk", "HEAD":
		return ""
	}
	return branch
}

// sizeText writes a size in bytes for people: "812 KB", "8.3 MB".
func sizeText(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
