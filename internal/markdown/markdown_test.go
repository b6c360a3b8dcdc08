package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/handbookhq/handbook/internal/diag"
)

func TestSlug(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Structure", "structure"},
		{"Drafts at 1%, 50%, 99%", "drafts-at-1-50-99"},
		{"What's new in v2.0?", "whats-new-in-v20"},
		{"snake_case and kebab-case", "snake_case-and-kebab-case"},
		{"  Trimmed  ", "trimmed"},
		{"Two  spaces", "two--spaces"},
		{"Café ☕ menu", "café--menu"},
		{"Привет мир", "привет-мир"},
		{"見出し", "見出し"},
		{"1. Create a backend", "1-create-a-backend"},
		{"(MLT)", "mlt"},
		{"!!!", ""},
	} {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTitleAndHeadings(t *testing.T) {
	t.Parallel()
	src := "# The \\(MLT\\) *page*\n\nIntro.\n\n## Setup\n\n### Setup <a id=\"custom\"></a>\n\n> ## Quoted `code`\n\n## Setup\n\n# Second H1\n"
	d := New().Parse([]byte(src))
	if got, want := d.Title(), "The (MLT) page"; got != want {
		t.Errorf("Title() = %q, want %q", got, want)
	}
	want := []Heading{
		{Level: 2, ID: "setup", Text: "Setup"},
		{Level: 3, ID: "custom", Text: "Setup"},
		{Level: 2, ID: "quoted-code", Text: "Quoted code"},
		{Level: 2, ID: "setup-1", Text: "Setup"},
	}
	if got := d.Headings(); !reflect.DeepEqual(got, want) {
		t.Errorf("Headings() =\n%+v\nwant\n%+v", got, want)
	}
	if got := New().Parse([]byte("No title.\n")).Title(); got != "" {
		t.Errorf("Title() without H1 = %q, want empty", got)
	}
}

// TestProblemOffsets checks that a broken destination is reported at its
// own line and column, whatever the construct around it.
func TestProblemOffsets(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src string
		line, col int
	}{
		{"inline link", "Some text.\n\nA [link](missing.md) here.\n", 3, 10},
		{"second of two same", "[a](missing.md) [b](missing.md)\n", 1, 21},
		{"link text equals dest", "[missing.md](missing.md)\n", 1, 14},
		{"angle brackets", "[a](<my missing.md>)\n", 1, 6},
		{"title present", "[a](missing.md \"T\")\n", 1, 5},
		{"in list item", "* one\n* two [x](missing.md)\n", 2, 11},
		{"in blockquote", "> q\n> [x](missing.md)\n", 2, 7},
		{"wrapped label", "[a\nlong label](missing.md)\n", 2, 13},
		{"in table cell", "| h |\n| - |\n| [x](missing.md) |\n", 3, 7},
		{"image", "![alt](missing.png)\n", 1, 8},
		{"reference definition", "[a][r]\n\n[r]: missing.md\n", 3, 6},
		{"definition in blockquote", "> [a][r]\n>\n> [r]: missing.md\n", 3, 8},
		{"raw html href", "<p>\n  <a href=\"missing.md\">x</a>\n</p>\n", 2, 12},
		{"raw inline img", "Text <img src=\"missing.png\"> end\n", 1, 16},
		{"unicode before", "Ünïcödé [x](missing.md)\n", 1, 13},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := New()
			ps, err := e.Render(&bytes.Buffer{}, e.Parse([]byte(tc.src)), testResolver{})
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) == 0 {
				t.Fatalf("no problem reported for %q", tc.src)
			}
			line, col := diag.LineCol([]byte(tc.src), ps[len(ps)-1].Offset)
			if line != tc.line || col != tc.col {
				t.Errorf("problem %q at %d:%d, want %d:%d", ps[len(ps)-1].Msg, line, col, tc.line, tc.col)
			}
		})
	}
}

// TestRenderConcurrentDeterministic renders pages from many goroutines with
// one Engine and checks every result is byte-identical to a first render.
// The pages have no fenced code: chroma gives each regular expression match
// 250 ms, which a starved test process (-race, loaded machine) can exceed.
func TestRenderConcurrentDeterministic(t *testing.T) {
	t.Parallel()
	e := New()
	var pages [][]byte
	for i := range 8 {
		pages = append(pages, []byte(fmt.Sprintf(
			"# P%d\n\n## Setup\n\n## Setup\n\n[x](ok.md) [y](missing%d.md) <b onclick=x>b</b> <summary of incident>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", i, i)))
	}
	want := make([]string, len(pages))
	for i, p := range pages {
		var b bytes.Buffer
		if _, err := e.Render(&b, e.Parse(p), testResolver{}); err != nil {
			t.Fatal(err)
		}
		want[i] = b.String()
	}
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for r := range 20 {
				i := (g + r) % len(pages)
				d := e.Parse(pages[i])
				for range 2 { // the same Doc twice gives the same bytes
					var b bytes.Buffer
					ps, err := e.Render(&b, d, testResolver{})
					if err != nil || len(ps) != 1 {
						t.Errorf("page %d: %v, problems %v", i, err, ps)
					}
					if b.String() != want[i] {
						t.Errorf("page %d rendered differently:\n%s\nwant\n%s", i, b.String(), want[i])
					}
				}
			}
		})
	}
	wg.Wait()
}

func TestRenderNilResolver(t *testing.T) {
	t.Parallel()
	e := New()
	var b bytes.Buffer
	ps, err := e.Render(&b, e.Parse([]byte("[a](<x y.md>) <img src=\"a b.png\">\n")), nil)
	if err != nil || len(ps) != 0 {
		t.Fatalf("got %v, %v", ps, err)
	}
	want := `<p><a href="x%20y.md">a</a> <img src="a%20b.png" loading="lazy" decoding="async"></p>` + "\n"
	if b.String() != want {
		t.Errorf("got %s, want %s", b.String(), want)
	}
}

func TestHighlightCSS(t *testing.T) {
	t.Parallel()
	css := string(HighlightCSS())
	for _, want := range []string{
		".chroma .k {",
		"@media (prefers-color-scheme: dark) {\n",
		`  :root:not([data-theme="light"]) .chroma .k {`,
		`[data-theme="dark"] .chroma .k {`,
		`[data-theme="dark"] .chroma {`,
	} {
		if !strings.Contains(css, want) {
			t.Errorf("HighlightCSS lacks %q", want)
		}
	}
	if strings.Contains(css, "/*") && strings.Count(css, "/*") > 1 {
		t.Errorf("HighlightCSS has chroma's per-rule comments")
	}
	if !bytes.Equal(HighlightCSS(), []byte(css)) {
		t.Error("HighlightCSS is not deterministic")
	}
	// Code blocks use classes, never inline styles.
	e := New()
	var b bytes.Buffer
	if _, err := e.Render(&b, e.Parse([]byte("```go\nfunc f() {}\n```\n")), nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "style=") || !strings.Contains(b.String(), `class="chroma"`) {
		t.Errorf("highlighted code: %s", b.String())
	}
}
