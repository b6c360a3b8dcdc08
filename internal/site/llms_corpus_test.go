package site_test

import (
	"bufio"
	"html"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/handbookhq/handbook/internal/server"
)

// TestCorpusMachineReadable checks llms.txt and the Markdown twins of the
// Mattermost handbook against its table of contents, and follows every
// link they hold through the server.
func TestCorpusMachineReadable(t *testing.T) {
	t.Parallel()
	b, res, out := buildCorpus(t)
	site := server.NewSite(out, res.Redirects, res.URLs)
	site.Pages = res.Listing
	srv := server.New(site, nil)

	t.Run("llms.txt lists each listed page once, in order, under its group", func(t *testing.T) {
		var want []string
		for _, p := range b.Pages {
			if p.Missing || p.NoIndex() {
				continue
			}
			twin := p.URL + ".md"
			if p.URL == "/" {
				twin = "/README.md"
			}
			group := ""
			if p.Group() != nil {
				group = p.Group().Title
			}
			want = append(want, group+" "+twin)
		}
		var got, groups []string
		group := ""
		sc := bufio.NewScanner(strings.NewReader(read(t, out, "llms.txt")))
		for sc.Scan() {
			line := sc.Text()
			if g, ok := strings.CutPrefix(line, "## "); ok {
				group = g
				groups = append(groups, g)
			}
			if strings.HasPrefix(line, "- [") {
				_, rest, _ := strings.Cut(line, "](")
				dest, _, _ := strings.Cut(rest, ")")
				got = append(got, group+" "+dest)
			}
		}
		if len(want) < 270 || !slices.Equal(got, want) {
			t.Errorf("llms.txt has %d page lines, want %d in table-of-contents order", len(got), len(want))
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Errorf("first difference at line %d: got %q, want %q", i, got[i], want[i])
					break
				}
			}
		}
		if wantGroups := []string{"Company", "Operations", "Contributors", "Help and support"}; !slices.Equal(groups, wantGroups) {
			t.Errorf("groups %q, want %q", groups, wantGroups)
		}
	})

	t.Run("every page has a twin", func(t *testing.T) {
		for _, p := range b.Pages {
			name := strings.TrimPrefix(p.URL, "/") + ".md"
			if p.URL == "/" {
				name = "README.md"
			}
			if !strings.HasPrefix(read(t, out, name), "# ") {
				t.Errorf("%s: twin %s does not start with its title", p.File, name)
			}
		}
	})

	t.Run("every link of llms.txt and of the twins resolves", func(t *testing.T) {
		files := []string{"llms.txt"}
		_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				rel, _ := filepath.Rel(out, p)
				files = append(files, filepath.ToSlash(rel))
			}
			return nil
		})
		if len(files) < len(b.Pages) {
			t.Fatalf("%d Markdown files for %d pages", len(files)-1, len(b.Pages))
		}
		checked := map[string]bool{}
		var broken []string
		links := 0
		for _, f := range files {
			for _, dest := range markdownLinks([]byte(read(t, out, f))) {
				links++
				u, err := url.Parse(dest)
				switch {
				case err != nil:
					t.Errorf("%s: bad link %q: %v", f, dest, err)
					continue
				case u.Scheme == "broken":
					broken = append(broken, strings.TrimPrefix(dest, "broken://"))
					continue
				case u.Scheme != "" || u.Host != "" || dest == "" || strings.HasPrefix(dest, "#"):
					continue // another site, or this page
				case !strings.HasPrefix(u.Path, "/"):
					t.Errorf("%s: relative link %q: twins link from the site root", f, dest)
					continue
				}
				if checked[u.Path] {
					continue
				}
				checked[u.Path] = true
				rec := httptest.NewRecorder()
				req := httptest.NewRequest(http.MethodGet, "/", nil)
				req.URL.Path, req.URL.RawPath = u.Path, u.RawPath
				srv.ServeHTTP(rec, req)
				switch {
				case rec.Code != http.StatusOK:
					t.Errorf("%s: link %q: status %d", f, dest, rec.Code)
				case strings.HasSuffix(u.Path, ".md") && strings.HasPrefix(rec.Body.String(), "# Page Not Found"):
					t.Errorf("%s: link %q: no such twin", f, dest)
				case !strings.HasSuffix(u.Path, ".md") && b.PageByURL(u.Path) != nil:
					t.Errorf("%s: link %q goes to a page's HTML, not to its twin", f, dest)
				}
			}
		}
		if links < 1000 {
			t.Errorf("only %d links in %d files", links, len(files))
		}
		// The only broken links are those broken in the repository.
		var known []string
		for _, k := range knownBreakages(t) {
			if _, target, ok := strings.Cut(k, `link target "`); ok {
				known = append(known, strings.TrimPrefix(strings.TrimSuffix(target, `" does not exist`), "/"))
			}
		}
		slices.Sort(known)
		slices.Sort(broken)
		broken = slices.Compact(broken)
		if !slices.Equal(broken, known) {
			t.Errorf("broken:// links %q, want those broken in the repository, %q", broken, known)
		}
	})
}

// htmlURL finds the links and images of raw HTML.
var htmlURL = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// markdownLinks returns the destination of every link and image in a
// Markdown document, raw HTML included.
func markdownLinks(src []byte) []string {
	var out []string
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var raw []byte
		switch n := n.(type) {
		case *ast.Link:
			out = append(out, string(n.Destination))
		case *ast.Image:
			out = append(out, string(n.Destination))
		case *ast.RawHTML:
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				raw = append(raw, seg.Value(src)...)
			}
		case *ast.HTMLBlock:
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				raw = append(raw, seg.Value(src)...)
			}
		}
		for _, m := range htmlURL.FindAllSubmatch(raw, -1) {
			out = append(out, html.UnescapeString(string(m[1])))
		}
		return ast.WalkContinue, nil
	})
	return out
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
