package pdfexport_test

import (
	"context"
	"html"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/pdfexport"
	"github.com/handbookhq/handbook/internal/pdftest"
	"github.com/handbookhq/handbook/internal/site"
)

// partRE finds the parts of the print view: a page's ID and title.
var partRE = regexp.MustCompile(`<article class="hb-print-page[^"]*" id="(p\d+)"[^>]*>\s*<header class="hb-page-header">\s*(?:<p class="hb-print-breadcrumbs">[^<]*</p>\s*)?<h1 class="hb-title" aria-level="\d">([^<]*)</h1>`)

// TestPrintCorpus prints the whole Mattermost handbook and reads the PDF
// back: every page has its destination and an outline entry under its
// title, pdftotext finds the first, a middle and the last page's title on
// the page it starts, the contents pages link to every page, and the
// links between pages land on their targets.
func TestPrintCorpus(t *testing.T) {
	t.Parallel()
	src := hbtest.Corpus(t)
	chrome := hbtest.NeedChromium(t)
	hbtest.NeedTool(t, "pdftotext", "poppler-utils")
	ctx := context.Background()
	b, err := book.Load(ctx, src, book.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := site.Print(ctx, b, site.PrintOptions{Version: "0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	parts := partRE.FindAllStringSubmatch(string(doc.HTML), -1)
	if len(parts) != doc.Pages || doc.Pages < 270 {
		t.Fatalf("found %d pages in the print view, which says it has %d; want every listed page of the corpus", len(parts), doc.Pages)
	}
	out := filepath.Join(t.TempDir(), "mattermost.pdf")
	res, err := pdfexport.WriteDoc(ctx, doc, out, pdfexport.Options{Chrome: chrome})
	if err != nil {
		t.Fatal(err)
	}
	d := pdftest.Open(t, out)
	if res.PDF.Pages != d.NumPages() {
		t.Errorf("Result.PDF.Pages = %d, the file has %d", res.PDF.Pages, d.NumPages())
	}

	// Every page: a destination, in order, and an outline entry. The
	// browser drops the space where a long title wraps ("status
	// updatetemplate"), so titles are compared without white space.
	outline := map[string]int{}
	for _, e := range d.Outline() {
		outline[pdftest.Squeeze(e.Title)]++
	}
	start := make([]int, len(parts))
	for i, p := range parts {
		id, title := p[1], html.UnescapeString(p[2])
		start[i] = d.Dest(id)
		switch {
		case start[i] == 0:
			t.Errorf("page %s %q has no destination", id, title)
		case i > 0 && start[i] <= start[i-1]:
			t.Errorf("page %s %q starts on PDF page %d, not after the page before (%d)", id, title, start[i], start[i-1])
		}
		if outline[pdftest.Squeeze(title)] == 0 {
			t.Errorf("the outline has no entry %q", title)
		}
	}

	// pdftotext finds the first, a middle and the last page's title on
	// the page where it starts.
	for _, i := range []int{0, len(parts) / 2, len(parts) - 1} {
		out, err := exec.Command("pdftotext", "-f", strconv.Itoa(start[i]), "-l", strconv.Itoa(start[i]), out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if title := html.UnescapeString(parts[i][2]); !strings.Contains(pdftest.Squeeze(string(out)), pdftest.Squeeze(title)) {
			t.Errorf("PDF page %d lacks the title %q of page %s: %q", start[i], title, parts[i][1], out)
		}
	}

	// The contents pages (before the first page) link to every page.
	var contents []int
	for n := 1; n < start[0]; n++ {
		contents = append(contents, d.Links(n)...)
	}
	for i, p := range parts {
		if start[i] != 0 && !slices.Contains(contents, start[i]) {
			t.Errorf("the contents pages do not link to %s (PDF page %d)", p[1], start[i])
		}
	}

	// A link in a page to another page lands on that page's first PDF
	// page: check every such link of the first pages that have one.
	linkRE := regexp.MustCompile(`href="#(p\d+)"`)
	checked := 0
	for i := 0; i+1 < len(parts) && checked < 20; i++ {
		html := string(doc.HTML)
		from := strings.Index(html, `id="`+parts[i][1]+`"`)
		to := strings.Index(html, `id="`+parts[i+1][1]+`"`)
		if from < 0 || to < from {
			continue
		}
		targets := map[int]bool{}
		for _, m := range linkRE.FindAllStringSubmatch(html[from:to], -1) {
			if n := d.Dest(m[1]); n != 0 {
				targets[n] = true
			}
		}
		if len(targets) == 0 {
			continue
		}
		var links []int
		for n := start[i]; n < start[i+1]; n++ {
			links = append(links, d.Links(n)...)
		}
		for n := range targets {
			checked++
			if !slices.Contains(links, n) {
				t.Errorf("page %s links to PDF page %d in the HTML, but its PDF pages %d-%d link to %v", parts[i][1], n, start[i], start[i+1]-1, links)
			}
		}
	}
	if checked == 0 {
		t.Errorf("found no link between pages to check")
	}
	t.Logf("%d handbook pages, %d PDF pages, %d bytes; checked %d links between pages", doc.Pages, d.NumPages(), res.PDF.Bytes, checked)
}
