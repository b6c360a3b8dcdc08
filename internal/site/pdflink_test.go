package site_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

const pdfBook = `
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide.md)
  * [Secret](secret.md)
-- README.md --
# Home
-- guide.md --
# Guide
-- secret.md --
---
hidden: true
---
# Secret
`

// A server that makes PDFs gets "Export as PDF" links to its endpoint:
// the page's path, the home page by a query, and the whole handbook in
// the footer.
func TestExportLinksToTheServersPDFs(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, pdfBook, hbtest.SiteOptions(site.Options{PDFEndpoint: "/_pdf"}))
	b.AssertFile("guide/index.html", `<a class="hb-action" href="/_pdf/guide" rel="nofollow" type="application/pdf">Export as PDF</a>`,
		`<p class="hb-footer-pdf"><a href="/_pdf/" rel="nofollow" type="application/pdf">The whole handbook as PDF</a></p>`)
	b.AssertFile("index.html", `href="/_pdf/?page=/"`)
	b.AssertFile("404.html", `href="/_pdf/"`)
	if _, err := os.Stat(filepath.Join(b.Out, site.PDFName)); err == nil {
		t.Errorf("%s was published without a PDF", site.PDFName)
	}
}

// A build with a PDF publishes it and links each page to its place in it;
// a page left out of the PDF (hidden) links to the PDF's start.
func TestExportLinksToThePublishedPDF(t *testing.T) {
	t.Parallel()
	pdf := filepath.Join(t.TempDir(), "whole.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4 test\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := hbtest.Build(t, pdfBook, hbtest.SiteOptions(site.Options{PDF: pdf}))
	if got := b.Read(site.PDFName); got != "%PDF-1.4 test\n" {
		t.Errorf("published PDF = %q", got)
	}
	b.AssertFile("guide/index.html", `href="/handbook.pdf#p1"`, `<a href="/handbook.pdf" rel="nofollow" type="application/pdf">The whole handbook as PDF</a>`)
	b.AssertFile("index.html", `href="/handbook.pdf#p0"`)
	b.AssertFile("guide/secret/index.html", `<a class="hb-action" href="/handbook.pdf" rel="nofollow"`)
}
