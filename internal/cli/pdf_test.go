package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/pdftest"
	"github.com/handbookhq/handbook/internal/site"
)

// pdfBook has two groups, a child page, a hidden page and a link from the
// first page to a heading of the last.
const pdfBook = `
-- SUMMARY.md --
* [Welcome](README.md)

## Guides

* [Setup](setup.md)
  * [Tuning](tuning.md)
* [Secret](secret.md)

## Reference

* [Glossary](glossary.md)
-- README.md --
# Welcome

Walrus lives on the first page. Read [the last word](glossary.md#zebra-crossing).
-- setup.md --
# Setup

Marmot lives on the setup page.

## Install
-- tuning.md --
# Tuning

Narwhal lives on the tuning page.
-- secret.md --
---
hidden: true
---
# Secret

Okapi never shows.
-- glossary.md --
# Glossary

## Zebra crossing

Quokka lives on the last page.
`

// pdfSource writes pdfBook to a new folder for a test that prints, which
// needs Chromium.
func pdfSource(t *testing.T) string {
	t.Helper()
	hbtest.NeedChromium(t)
	src := t.TempDir()
	hbtest.Write(t, src, pdfBook)
	return src
}

// pdftotext returns the text of page n of a PDF, as poppler's pdftotext
// reads it, without white space.
func pdftotext(t *testing.T, file string, n int) string {
	t.Helper()
	hbtest.NeedTool(t, "pdftotext", "poppler-utils")
	out, err := exec.Command("pdftotext", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext page %d: %v", n, err)
	}
	return pdftest.Squeeze(string(out))
}

func TestPDFPrintsTheWholeHandbook(t *testing.T) {
	t.Parallel()
	src := pdfSource(t)
	out := filepath.Join(t.TempDir(), "book.pdf")
	code, _, errOut := runMain("pdf", "--no-git", "--out", out, src)
	if code != 0 {
		t.Fatalf("exit code %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "printed 4 pages of the handbook into "+out) {
		t.Errorf("stderr %q does not say what was printed", errOut)
	}
	d := pdftest.Open(t, out)

	// The outline follows the table of contents: groups, then pages
	// under them, then their headings.
	outline := d.OutlineLines()
	want := []string{"Welcome", "Guides", "-Setup", "--Install", "--Tuning", "Reference", "-Glossary", "--Zebra crossing"}
	if !slices.Equal(outline, want) {
		t.Errorf("outline %q, want %q", outline, want)
	}

	// Each page starts on the page its named destination gives, with its
	// own word, as pdftotext reads it; the hidden page is left out.
	words := map[string]string{"p0": "Walrus", "p1": "Marmot", "p2": "Narwhal", "p4": "Quokka"}
	for id, word := range words {
		n := d.Dest(id)
		if n == 0 {
			t.Errorf("no destination %s", id)
			continue
		}
		if text := pdftotext(t, out, n); !strings.Contains(text, word) {
			t.Errorf("PDF page %d (%s) lacks %q: %q", n, id, word, text)
		}
	}
	for n := 1; n <= d.NumPages(); n++ {
		if strings.Contains(pdftotext(t, out, n), "Okapi") {
			t.Errorf("the hidden page is printed, on PDF page %d", n)
		}
	}
	// The cover has the title and the date; the footer the page number.
	if cover := pdftotext(t, out, 1); !strings.Contains(cover, "Welcome") || !strings.Contains(cover, strconv.Itoa(time.Now().Year())) {
		t.Errorf("cover %q lacks the title or the year", cover)
	}
	last := d.NumPages()
	if text := pdftotext(t, out, last); !strings.Contains(text, strconv.Itoa(last)+"/"+strconv.Itoa(last)) {
		t.Errorf("last page %q has no footer %d / %d", text, last, last)
	}

	// The link on the first page goes to the heading on the last page.
	first, target := d.Dest("p0"), d.Dest("p4-zebra-crossing")
	if target == 0 || target != d.Dest("p4") {
		t.Fatalf("destination of the heading: page %d, want the glossary's page %d", target, d.Dest("p4"))
	}
	if links := d.Links(first); !slices.Contains(links, target) {
		t.Errorf("links of PDF page %d go to %v, want one to page %d", first, links, target)
	}
	// The contents page links to every page.
	contents := d.Links(2)
	for id := range words {
		if !slices.Contains(contents, d.Dest(id)) {
			t.Errorf("the contents page does not link to %s (page %d): %v", id, d.Dest(id), contents)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".handbook-print-*")); len(leftovers) > 0 {
		t.Errorf("print folders left behind: %v", leftovers)
	}
}

func TestPDFPrintsAPageOrASection(t *testing.T) {
	t.Parallel()
	src := pdfSource(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		args    []string
		file    string
		has     []string
		hasNot  []string
		outline []string
	}{
		{[]string{"--page", "/guides/setup"}, "setup.pdf", []string{"Marmot"}, []string{"Narwhal", "Walrus"}, []string{"Setup", "-Install"}},
		{[]string{"--section", "setup.md"}, "setup.pdf", []string{"Marmot", "Narwhal"}, []string{"Walrus", "Quokka"}, []string{"Setup", "-Install", "-Tuning"}},
		{[]string{"--section", "Reference"}, "reference.pdf", []string{"Quokka"}, []string{"Marmot"}, []string{"Reference", "-Glossary", "--Zebra crossing"}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			args := append([]string{"pdf", "-q", "--no-git"}, tc.args...)
			wd := filepath.Join(dir, strings.ReplaceAll(strings.Join(tc.args, "_"), "/", "_"))
			if err := os.MkdirAll(wd, 0o755); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(wd, tc.file)
			code, _, errOut := runMain(append(args, "--out", out, src)...)
			if code != 0 {
				t.Fatalf("exit code %d: %s", code, errOut)
			}
			d := pdftest.Open(t, out)
			var all strings.Builder
			for n := 1; n <= d.NumPages(); n++ {
				all.WriteString(pdftotext(t, out, n))
			}
			for _, w := range tc.has {
				if !strings.Contains(all.String(), w) {
					t.Errorf("PDF lacks %q", w)
				}
			}
			for _, w := range tc.hasNot {
				if strings.Contains(all.String(), w) {
					t.Errorf("PDF has %q", w)
				}
			}
			if outline := d.OutlineLines(); !slices.Equal(outline, tc.outline) {
				t.Errorf("outline %q, want %q", outline, tc.outline)
			}
		})
	}
}

func TestPDFDefaultNames(t *testing.T) {
	t.Parallel()
	for in, want := range map[[2]string]string{
		{"", ""}:                        "handbook.pdf",
		{"/guides/setup", ""}:           "setup.pdf",
		{"company/about/README.md", ""}: "about.pdf",
		{"", "Getting Started"}:         "getting-started.pdf",
		{"README.md", ""}:               "handbook.pdf",
	} {
		if got := defaultPDFName(site.PrintScope{Page: in[0], Section: in[1]}); got != want {
			t.Errorf("defaultPDFName(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}

// Without Chromium, pdf and build --pdf say how to install it and fail
// with exit code 1 before writing anything.
func TestPDFWithoutChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("CHROME", "")
	src := t.TempDir()
	hbtest.Write(t, src, pdfBook)
	for _, args := range [][]string{
		{"pdf", "--out", filepath.Join(src, "x.pdf"), src},
		{"build", "--pdf", "--out", filepath.Join(src, "_site"), src},
	} {
		var stdout, stderr bytes.Buffer
		e := newEnv(&stdout, &stderr)
		e.chromePaths = &[]string{filepath.Join(src, "no-such-browser")}
		code := run(context.Background(), e, args)
		if code != 1 {
			t.Errorf("%s: exit code %d, want 1", args[0], code)
		}
		msg := stderr.String()
		for _, want := range []string{"no Chromium or Chrome found", "apt-get install chromium", "--chrome", "$CHROME"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: message %q lacks %q", args[0], msg, want)
			}
		}
		if _, err := os.Stat(args[len(args)-2]); err == nil {
			t.Errorf("%s wrote %s", args[0], args[len(args)-2])
		}
	}
	// serve goes on without PDFs, and says why.
	var stderr bytes.Buffer
	e := newEnv(io.Discard, &stderr)
	e.chromePaths = &[]string{}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	run(ctx, e, []string{"serve", "-q", "--no-git", "--no-feedback", "--addr", "127.0.0.1:0", src})
	if !strings.Contains(stderr.String(), `no "Export as PDF": no Chromium or Chrome found`) {
		t.Errorf("serve without Chromium says %q", stderr.String())
	}
}

func TestBuildWithPDFPublishesAndLinksIt(t *testing.T) {
	t.Parallel()
	src := pdfSource(t)
	out := filepath.Join(t.TempDir(), "site")
	code, _, errOut := runMain("build", "--pdf", "--no-git", "--out", out, src)
	if code != 0 {
		t.Fatalf("exit code %d: %s", code, errOut)
	}
	d := pdftest.Open(t, filepath.Join(out, "handbook.pdf"))
	if d.Dest("p2") == 0 {
		t.Errorf("the published PDF has no destination p2")
	}
	page, err := os.ReadFile(filepath.Join(out, "guides", "setup", "tuning", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`href="/handbook.pdf#p2" rel="nofollow" type="application/pdf">Export as PDF</a>`)) {
		t.Errorf("the tuning page does not link to its place in the PDF")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".handbook-*")); len(leftovers) > 0 {
		t.Errorf("folders left behind: %v", leftovers)
	}
}

// serve makes the PDF a page's "Export as PDF" links to, and makes it
// once.
func TestServeExportsPDFs(t *testing.T) {
	t.Parallel()
	src := pdfSource(t)
	base, stop := startServe(t, "serve", "-q", "--no-git", "--no-feedback", "--addr", "127.0.0.1:0", src)
	defer stop()
	page := get(t, base+"guides/setup")
	m := regexp.MustCompile(`href="([^"]+)" rel="nofollow" type="application/pdf">Export as PDF`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no Export as PDF link on the page")
	}
	for range 2 {
		resp, err := http.Get(strings.TrimSuffix(base, "/") + m[1])
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(body, []byte("%PDF-")) {
			t.Fatalf("GET %s: %d %s, body starts %q", m[1], resp.StatusCode, resp.Header.Get("Content-Type"), body[:min(8, len(body))])
		}
		file := filepath.Join(t.TempDir(), "setup.pdf")
		if err := os.WriteFile(file, body, 0o644); err != nil {
			t.Fatal(err)
		}
		if text := pdftotext(t, file, 1) + pdftotext(t, file, 2); !strings.Contains(text, "Marmot") {
			t.Errorf("the page's PDF lacks its text: %q", text)
		}
	}
	cached, _ := filepath.Glob(filepath.Join(src, ".handbook", "pdf", "*.pdf"))
	if len(cached) != 1 {
		t.Errorf("cached PDFs %v, want the one made", cached)
	}
}

// get returns the body of a 200 response.
func get(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", u, resp.StatusCode)
	}
	return string(body)
}
