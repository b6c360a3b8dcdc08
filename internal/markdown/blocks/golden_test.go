package blocks_test

import (
	"bytes"
	"flag"
	"fmt"
	"path"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/markdown"
	"github.com/handbookhq/handbook/internal/markdown/internal/goldentest"
)

var update = flag.Bool("update", false, "rewrite the .html, .degraded.md and .problems halves of testdata/*.txtar")

// TestBlocks renders every case of testdata/<block>.txtar: a section
// "-- name.md --" is a page body; "-- name.html --" is its HTML,
// "-- name.degraded.md --" its plain-Markdown form and "-- name.problems --"
// the problems found ("line:col: msg" a line, "file:line:col: msg" in an
// included file). Other sections are files the cases include (under
// .gitbook/includes/) or read (spec files). With -update the three expected sections are
// rewritten. Run one case with -run TestBlocks/hint/in_list.
func TestBlocks(t *testing.T) {
	t.Parallel()
	e := markdown.New()
	goldentest.Run(t, "testdata/*.txtar", *update, func(t *testing.T, ar *txtar.Archive, src []byte) []goldentest.Output {
		html, degraded, problems := renderCase(t, e, ar, src)
		return []goldentest.Output{{Suffix: ".html", Text: html}, {Suffix: ".degraded.md", Text: degraded}, {Suffix: ".problems", Text: problems}}
	})
}

func renderCase(t *testing.T, e *markdown.Engine, ar *txtar.Archive, src []byte) (html, degraded, problems string) {
	t.Helper()
	d := e.ParseWith(src, markdown.ParseOptions{Include: func(from, p string) (string, []byte, error) {
		file := path.Clean(path.Join(path.Dir(from), p))
		for _, f := range ar.Files {
			if f.Name == file {
				return file, f.Data, nil
			}
		}
		return "", nil, fmt.Errorf("included file %q does not exist", p)
	}})
	var b, m bytes.Buffer
	res := testResolver{ar: ar}
	ps, err := e.Render(&b, d, res)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Markdown(&m, d, res); err != nil {
		t.Fatal(err)
	}
	var p strings.Builder
	for _, pr := range append(d.Problems(), ps...) {
		at := src
		if pr.File != "" {
			at = []byte(goldentest.Section(ar, pr.File))
			p.WriteString(pr.File + ":")
		}
		line, col := diag.LineCol(at, pr.Offset)
		fmt.Fprintf(&p, "%d:%d: %s\n", line, col, pr.Msg)
		if pr.Hint != "" {
			fmt.Fprintf(&p, "\thint: %s\n", pr.Hint)
		}
	}
	return b.String(), m.String(), p.String()
}

// testResolver is a small book. Links ending in ".md" or "/" are pages:
// "guide/setup.md" is /guide/setup, titled "Setup", described "About
// setup."; "missing.md" does not exist. Files under .gitbook/assets/ are
// published under /_files/ (images under /_assets/) and are 2048 bytes
// long. http(s) and mailto links and fragments pass unchanged. The files
// it reads are the sections of the archive ar, named without the "../"
// a link from a page in a folder starts with.
type testResolver struct{ ar *txtar.Archive }

func (testResolver) Link(dest string) (string, error) {
	switch {
	case strings.HasPrefix(dest, "http://"), strings.HasPrefix(dest, "https://"),
		strings.HasPrefix(dest, "mailto:"), strings.HasPrefix(dest, "#"), dest == "":
		return dest, nil
	case strings.Contains(dest, ".gitbook/assets/"):
		return "/_files/" + path.Base(dest), nil
	}
	ref, err := testResolver{}.Page(dest)
	return ref.URL, err
}

func (testResolver) Image(dest string) (string, error) {
	switch {
	case strings.HasPrefix(dest, "https://"), strings.HasPrefix(dest, "data:"):
		return dest, nil
	case strings.Contains(dest, ".gitbook/assets/"):
		return "/_assets/" + path.Base(dest), nil
	}
	return "", fmt.Errorf("image %q does not exist", dest)
}

func (testResolver) Page(dest string) (markdown.PageRef, error) {
	p, frag, _ := strings.Cut(dest, "#")
	if strings.HasPrefix(p, "http") || !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "/") && p != "." {
		return markdown.PageRef{}, fmt.Errorf("%q is not a page", dest)
	}
	p = strings.TrimSuffix(strings.TrimSuffix(path.Clean(p), ".md"), "/README")
	name := path.Base(p)
	if name == "missing" {
		return markdown.PageRef{}, fmt.Errorf("link target %q does not exist", dest)
	}
	if name == "." || name == "README" {
		p, name = "", "home"
	}
	ref := markdown.PageRef{URL: "/" + strings.TrimPrefix(p, "../"), Title: strings.ToUpper(name[:1]) + name[1:], Description: "About " + name + ".", Anchor: frag}
	if frag != "" {
		ref.URL += "#" + frag
	}
	return ref, nil
}

func (testResolver) File(dest string) (markdown.FileRef, error) {
	if !strings.Contains(dest, ".gitbook/assets/") {
		return markdown.FileRef{}, fmt.Errorf("file %q does not exist", dest)
	}
	return markdown.FileRef{URL: "/_files/" + path.Base(dest), Name: path.Base(dest), Size: 2048}, nil
}

func (r testResolver) ReadFile(dest string) ([]byte, error) {
	name := path.Clean(dest)
	for strings.HasPrefix(name, "../") {
		name = name[3:]
	}
	if r.ar != nil {
		for _, f := range r.ar.Files {
			if f.Name == name {
				return f.Data, nil
			}
		}
	}
	return nil, fmt.Errorf("file %q does not exist", dest)
}

func (testResolver) Scope() map[string]any {
	return map[string]any{
		"space":   map[string]any{"vars": map[string]any{"latest_version": "2.4.1", "product": "Acme", "tagline": "*Fast* <b>builds</b> | [v2]"}},
		"page":    map[string]any{"vars": map[string]any{"owner": "Ops"}},
		"visitor": map[string]any{"claims": map[string]any{}},
	}
}
