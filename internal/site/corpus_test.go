package site_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

// buildCorpus builds the Mattermost handbook once for the tests below.
func buildCorpus(t *testing.T) (*book.Book, *site.Result, string) {
	t.Helper()
	src := hbtest.Corpus(t)
	out := filepath.Join(t.TempDir(), "site")
	b, err := book.Load(context.Background(), src, book.Options{})
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	res, err := site.Build(context.Background(), b, site.Options{Out: out})
	if err != nil {
		t.Fatalf("build corpus: %v", err)
	}
	return b, res, out
}

func TestCorpus(t *testing.T) {
	t.Parallel()
	b, res, out := buildCorpus(t)

	t.Run("every entry has a page at its pretty URL", func(t *testing.T) {
		entries := 0
		b.Walk(func(e *book.Entry) {
			entries++
			if e.Page == nil {
				return
			}
			name := "index.html"
			if e.Page.URL != "/" {
				name = filepath.Join(filepath.FromSlash(strings.TrimPrefix(e.Page.URL, "/")), "index.html")
			}
			if _, err := os.Stat(filepath.Join(out, name)); err != nil {
				t.Errorf("entry %q: %v", e.Title, err)
			}
		})
		// 285 entries: two files are listed twice, so 283 pages.
		if entries != 285 || len(b.Pages) != 283 {
			t.Errorf("got %d entries and %d pages, want 285 and 283", entries, len(b.Pages))
		}
		for _, want := range []string{"/operations/finance/airbase/how-to-access-airbase", "/operations/legal"} {
			if b.PageByURL(want) == nil {
				t.Errorf("no page at %s", want)
			}
		}
	})

	t.Run("learning and development page", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(out, "operations/workplace/people/working-at-mattermost/learning-and-development/index.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		for _, want := range []string{
			`<li><span>Operations</span></li><li><a href="/operations/workplace">Workplace</a></li><li><a href="/operations/workplace/people">PeopleOps</a></li><li><a href="/operations/workplace/people/working-at-mattermost">Working at Mattermost</a></li>`,
			`<li><a href="#purpose">Purpose</a></li>`,
			`<li><a href="#guiding-principles">Guiding principles</a></li>`,
			`<li><a href="#learning-programs">Learning programs</a></li>`,
			`<li><a href="#bravely">Bravely</a></li>`,
			`<span>Previous</span><strong>Frequently asked questions</strong>`,
			`<span>Next</span><strong>Mattermost communication best practices</strong>`,
			`<time datetime="2024-08-22T15:19:21Z"`,
			`href="https://github.com/mattermost/mattermost-handbook/edit/0.2.1/operations/workplace/people/working-at-mattermost/learning-and-development.md"`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("page lacks %q", want)
			}
		}
	})

	t.Run("every GitBook block is known and well formed", func(t *testing.T) {
		for _, d := range res.Diags {
			for _, bad := range []string{"unknown block", "unknown inline tag", "unclosed", "end tag", "outside", "takes no end tag"} {
				if strings.Contains(d.Msg, bad) && !isBrokenLink(d) {
					t.Errorf("%s", d)
				}
			}
		}
		// The corpus's three hints and its legacy embed render as blocks.
		hints := 0
		for _, u := range res.URLs {
			name := filepath.Join(strings.TrimPrefix(u, "/"), "index.html")
			data, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				continue
			}
			if strings.Contains(string(data), "{% ") {
				t.Errorf("%s shows a tag as text", u)
			}
			hints += strings.Count(string(data), `<div class="hint `)
		}
		if hints != 3 {
			t.Errorf("got %d hints, want 3", hints)
		}
	})

	t.Run("links and images resolve except known breakages", func(t *testing.T) {
		known := knownBreakages(t)
		var got []string
		for _, d := range res.Diags {
			if isBrokenLink(d) {
				got = append(got, d.Pos.File+": "+d.Msg)
			}
		}
		slices.Sort(got)
		got = slices.Compact(got)
		for _, g := range got {
			if !slices.Contains(known, g) {
				t.Errorf("unexpected broken link: %s", g)
			}
		}
		for _, k := range known {
			if !slices.Contains(got, k) {
				t.Errorf("listed breakage no longer reported (remove it from testdata): %s", k)
			}
		}
	})
}

func isBrokenLink(d diag.Diagnostic) bool {
	for _, s := range []string{"does not exist", "not in the table of contents", "points outside"} {
		if strings.Contains(d.Msg, s) && !strings.HasSuffix(d.Pos.File, "SUMMARY.md") {
			return true
		}
	}
	return false
}

// knownBreakages reads testdata/corpus-breakages.txt: one "file: message"
// per line, each after a "# reason" comment.
func knownBreakages(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/corpus-breakages.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	slices.Sort(out)
	return out
}
