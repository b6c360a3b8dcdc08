package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"path"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/markdown/internal/goldentest"
)

var update = flag.Bool("update", false, "rewrite the .html, .degraded.md and .problems sections of testdata/*.txtar")

// testResolver knows one page, ok.md (at /ok), and the assets under
// .gitbook/assets/; absolute http(s) URLs and fragments pass unchanged.
type testResolver struct{}

func (testResolver) Link(dest string) (string, error) {
	page, frag, _ := strings.Cut(dest, "#")
	switch {
	case strings.HasPrefix(dest, "http://"), strings.HasPrefix(dest, "https://"), strings.HasPrefix(dest, "mailto:"):
		return dest, nil
	case page == "":
		return dest, nil
	case page == "ok.md":
		if frag != "" {
			return "/ok#" + frag, nil
		}
		return "/ok", nil
	}
	return "", fmt.Errorf("link target %q does not exist", dest)
}

func (testResolver) Image(dest string) (string, error) {
	switch {
	case strings.HasPrefix(dest, "https://"), strings.HasPrefix(dest, "data:"):
		return dest, nil
	case strings.Contains(dest, ".gitbook/assets/"):
		return "/assets/" + path.Base(dest), nil
	}
	return "", hintError{fmt.Errorf("image %q does not exist", dest), "put images under .gitbook/assets/"}
}

type hintError struct {
	error
	hint string
}

func (e hintError) Hint() string  { return e.hint }
func (e hintError) Unwrap() error { return e.error }

// TestGolden renders every "-- name.md --" section of testdata/*.txtar and
// compares with the "-- name.html --" section that follows, with the
// problems listed in "-- name.problems --" (one "line:col: msg" a line)
// and with the plain-Markdown form in "-- name.degraded.md --", a section
// left out when the plain form is the input itself. With -update it
// rewrites those sections instead.
func TestGolden(t *testing.T) {
	e := New()
	goldentest.Run(t, "testdata/*.txtar", *update, func(t *testing.T, _ *txtar.Archive, src []byte) []goldentest.Output {
		html, problems := renderCase(t, e, src)
		return []goldentest.Output{{Suffix: ".html", Text: html}, {Suffix: ".degraded.md", Text: degradeCase(t, e, src)}, {Suffix: ".problems", Text: problems}}
	})
}

func renderCase(t *testing.T, e *Engine, src []byte) (html, problems string) {
	t.Helper()
	d := e.Parse(src)
	var b bytes.Buffer
	ps, err := e.Render(&b, d, testResolver{})
	if err != nil {
		t.Fatal(err)
	}
	var p strings.Builder
	for _, pr := range ps {
		line, col := diag.LineCol(src, pr.Offset)
		fmt.Fprintf(&p, "%d:%d: %s\n", line, col, pr.Msg)
		if pr.Hint != "" {
			fmt.Fprintf(&p, "\thint: %s\n", pr.Hint)
		}
	}
	return b.String(), p.String()
}

// degradeCase returns the plain-Markdown form of src, or "" when it is src
// itself (up to a final newline).
func degradeCase(t *testing.T, e *Engine, src []byte) string {
	t.Helper()
	var b bytes.Buffer
	if err := e.Markdown(&b, e.Parse(src), testResolver{}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(bytes.TrimRight(b.Bytes(), "\n"), bytes.TrimRight(src, "\n")) {
		return ""
	}
	return b.String()
}
