package icons

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

// TestEmbeddedData checks every icon of the embedded data, so that a
// regenerated file with a surprise in it fails here, not on a page.
func TestEmbeddedData(t *testing.T) {
	t.Parallel()
	styleNames := [numStyles]string{"solid", "regular", "brands"}
	var counts [numStyles]int
	for name, ic := range load() {
		for style, svg := range ic {
			if svg == "" {
				continue
			}
			counts[style]++
			if !strings.HasPrefix(svg, `<svg xmlns="http://www.w3.org/2000/svg" class="icon"`) ||
				!strings.Contains(svg, `viewBox="0 0 `) ||
				!strings.HasSuffix(svg, `"/></svg>`) ||
				strings.Count(svg, "<") != 3 || strings.ContainsAny(svg, "&'\n") {
				t.Errorf("%s (%s): malformed %.120q", name, styleNames[style], svg)
			}
		}
	}
	// Font Awesome Free 7.3 has 2001 solid, 273 regular and 609 brands
	// names, aliases included; an update may add some.
	for style, atLeast := range [numStyles]int{2000, 270, 600} {
		if counts[style] < atLeast {
			t.Errorf("%d %s icons, want at least %d", counts[style], styleNames[style], atLeast)
		}
	}
}

func TestDecodeRejectsMalformedData(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, text string }{
		{"not gzip", "plain text"},
		{"icon before a style", gz("bolt 448 512 M0 0z\n")},
		{"unknown style", gz("@duotone\nbolt 448 512 M0 0z\n")},
		{"alias of unknown icon", gz("@solid\nzap =bolt\n")},
		{"alias of another style", gz("@solid\nbolt 448 512 M0 0z\n@brands\nzap =bolt\n")},
		{"no path", gz("@solid\nbolt 448 512\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			defer func() {
				if recover() == nil {
					t.Errorf("decode(%q) did not panic", tc.text)
				}
			}()
			decode(tc.text)
		})
	}
}

func TestDecodeSmallData(t *testing.T) {
	t.Parallel()
	icons := decode(gz("# comment\n@solid\nbolt 448 512 M0 0z\nzap =bolt\n@brands\nbolt 640 512 M1 1z\n"))
	want := `<svg xmlns="http://www.w3.org/2000/svg" class="icon" aria-hidden="true" fill="currentColor" width="1em" height="1em" viewBox="0 0 448 512"><path d="M0 0z"/></svg>`
	if got := icons["zap"][solid]; got != want {
		t.Errorf("zap: got %q, want %q", got, want)
	}
	if got := icons["bolt"]; got[solid] != want || got[regular] != "" || !strings.Contains(got[brands], `viewBox="0 0 640 512"><path d="M1 1z"/>`) {
		t.Errorf("bolt: got %q", got)
	}
	if len(icons) != 2 {
		t.Errorf("got %d names, want 2", len(icons))
	}
}

func gz(text string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, _ = w.Write([]byte(text))
	_ = w.Close()
	return b.String()
}

func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		decode(data)
	}
}
