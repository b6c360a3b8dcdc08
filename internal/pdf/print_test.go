package pdf

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/pdftest"
)

// fixture is a document of three sections, each on its own printed page,
// with a distinctive word on each page and a link from the first page to
// the last section.
const fixture = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fixture Handbook</title>
<style>
@page { size: A5; margin: 1.5cm 1.5cm 2cm; }
body { font-family: sans-serif; }
section + section { break-before: page; }
</style></head>
<body>
<section id="first-section">
<h1>Welcome Chapter</h1>
<p>The first page speaks of Marmalade.</p>
<p><a href="#last-section">Go to the appendix</a></p>
<h2>Getting Started</h2>
<p>Some words to start with.</p>
</section>
<section id="middle-section">
<h1>Middle Chapter</h1>
<h2>Deep Details</h2>
<p>The middle page speaks of Zeppelin.</p>
</section>
<section id="last-section">
<h1>Appendix Chapter</h1>
<p>The last page speaks of Xylophone.</p>
</section>
</body></html>`

// chromeForTest returns the browser's path, skipping the test when there
// is none, or failing it when the environment variable CI is set.
func chromeForTest(t *testing.T) string {
	t.Helper()
	p, err := FindChrome("")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must run the browser tests: %v", err)
		}
		t.Skipf("browser test skipped: %v", err)
	}
	return p
}

// serveFixture serves the fixture at / and 404 elsewhere.
func serveFixture(t *testing.T) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(fixture))
	}))
	t.Cleanup(ts.Close)
	return ts
}

// TestPrintFixture prints the fixture and reads the PDF back: its pages,
// its outline, the link on the first page and the text of each page.
func TestPrintFixture(t *testing.T) {
	t.Parallel()
	chrome := chromeForTest(t)
	ts := serveFixture(t)
	out := filepath.Join(t.TempDir(), "handbook.pdf")
	var stages []string
	res, err := Print(context.Background(), Options{
		Chrome:   chrome,
		URL:      ts.URL + "/",
		Out:      out,
		Title:    `Fixture & Co <Handbook>`,
		Footer:   true,
		Progress: func(s string) { stages = append(stages, s) },
		Timeout:  90 * time.Second,
	})
	if err != nil {
		t.Fatalf("Print: %v", err)
	}
	if len(stages) < 4 || !strings.HasPrefix(stages[len(stages)-1], "writing") {
		t.Errorf("progress stages %q, want several ending with writing", stages)
	}
	assertNoTemp(t, filepath.Dir(out), "handbook.pdf")

	d := pdftest.Open(t, out)
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Bytes != fi.Size() {
		t.Errorf("Result.Bytes = %d, file has %d", res.Bytes, fi.Size())
	}
	if n := d.NumPages(); n != 3 || res.Pages != n {
		t.Errorf("PDF has %d pages and Result.Pages = %d, want 3 and 3", n, res.Pages)
	}

	// The outline has the headings, nested: h2 under their h1.
	titles := d.OutlineLines()
	wantTitles := []string{"Welcome Chapter", "-Getting Started", "Middle Chapter", "-Deep Details", "Appendix Chapter"}
	if !slices.Equal(titles, wantTitles) {
		t.Errorf("outline %q, want %q", titles, wantTitles)
	}

	// Each page has its own word, and the footer's title and page number.
	words := []string{"Marmalade", "Zeppelin", "Xylophone"}
	texts := make([]string, d.NumPages())
	for i := range texts {
		texts[i] = d.Text(i + 1)
	}
	for i, w := range words {
		if i >= len(texts) {
			break
		}
		for j, text := range texts {
			if got := strings.Contains(text, w); got != (i == j) {
				t.Errorf("page %d has %q: %v, want %v (text %q)", j+1, w, got, i == j, text)
			}
		}
		if want := pdftest.Squeeze(`Fixture & Co <Handbook>`); !strings.Contains(texts[i], want) {
			t.Errorf("page %d's text %q has no footer title %q", i+1, texts[i], want)
		}
		if want := string(rune('1'+i)) + "/3"; !strings.Contains(texts[i], want) {
			t.Errorf("page %d's text %q has no page number %q", i+1, texts[i], want)
		}
	}

	// The link on page 1 goes to the last page.
	if links := d.Links(1); !slices.Equal(links, []int{3}) {
		t.Errorf("the internal links of page 1 go to pages %v, want [3]", links)
	}
}

// TestPrintErrors checks that bad options, an HTTP error and a cancelled
// context are errors that leave no output and no temporary file.
func TestPrintErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "out.pdf")
	for _, c := range []struct {
		name string
		o    Options
		want string
	}{
		{"no URL", Options{Out: out}, "no URL"},
		{"bad scheme", Options{URL: "ftp://example.org/", Out: out}, "scheme must be http, https or file"},
		{"no output", Options{URL: "http://127.0.0.1/"}, "no output path"},
		{"bad chrome", Options{URL: "http://127.0.0.1/", Out: out, Chrome: filepath.Join(dir, "nochrome")}, "does not exist"},
	} {
		if _, err := Print(context.Background(), c.o); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}

	chrome := chromeForTest(t)
	ts := serveFixture(t)
	_, err := Print(context.Background(), Options{Chrome: chrome, URL: ts.URL + "/missing", Out: out})
	if err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("printing a missing page: error %v, want one saying 404", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	_, err = Print(ctx, Options{Chrome: chrome, URL: ts.URL + "/", Out: out, Progress: func(s string) {
		if strings.HasPrefix(s, "printing") {
			cancel()
		}
	}})
	cancel()
	if !errors.Is(err, context.Canceled) {
		t.Errorf("printing with a context cancelled while printing: error %v, want context.Canceled", err)
	}
	assertNoTemp(t, dir, "")
}

// assertNoTemp fails when dir holds anything but the file named keep.
func assertNoTemp(t *testing.T, dir, keep string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != keep {
			t.Errorf("%s holds %s, want only %q", dir, e.Name(), keep)
		}
	}
}

// TestPrintFileURL prints the fixture from a file:// URL, without the
// footer.
func TestPrintFileURL(t *testing.T) {
	t.Parallel()
	chrome := chromeForTest(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "print.html")
	if err := os.WriteFile(src, []byte(fixture), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.pdf")
	res, err := Print(context.Background(), Options{Chrome: chrome, URL: "file://" + filepath.ToSlash(src), Out: out})
	if err != nil {
		t.Fatalf("Print: %v", err)
	}
	d := pdftest.Open(t, out)
	if n := d.NumPages(); n != 3 || res.Pages != 3 {
		t.Errorf("PDF has %d pages and Result.Pages = %d, want 3 and 3", n, res.Pages)
	}
	if text := d.Text(3); !strings.Contains(text, "Xylophone") || strings.Contains(text, "/3") {
		t.Errorf("page 3's text %q, want Xylophone and no footer", text)
	}
}

// TestPrintWaitsForReady prints a document that draws its text from a
// timer: with Ready, the PDF has it.
func TestPrintWaitsForReady(t *testing.T) {
	t.Parallel()
	chrome := chromeForTest(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "late.html")
	doc := `<!doctype html><html><head><meta charset="utf-8"><title>Late</title></head><body>
<p id="x">Early</p>
<script>setTimeout(() => { document.getElementById('x').textContent = 'Drawn late'; document.body.dataset.done = '1'; }, 400);</script>
</body></html>`
	if err := os.WriteFile(src, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "late.pdf")
	if _, err := Print(context.Background(), Options{Chrome: chrome, URL: "file://" + filepath.ToSlash(src), Out: out, Ready: "document.body.dataset.done"}); err != nil {
		t.Fatalf("Print: %v", err)
	}
	if text := pdftest.Open(t, out).Text(1); !strings.Contains(text, "Drawnlate") {
		t.Errorf("page 1's text %q, want the text drawn late", text)
	}
}
