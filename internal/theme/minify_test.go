package theme

import (
	"bytes"
	"compress/gzip"
	"path"
	"strings"
	"testing"
)

// source is an embedded theme file as the theme concatenates it.
func source(t testing.TB, names ...string) []byte {
	t.Helper()
	var out []byte
	for _, n := range names {
		data, err := assetFS.ReadFile("assets/" + n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(append(out, data...), '\n')
	}
	return out
}

// asset returns the theme's asset whose path starts with prefix.
func asset(t *testing.T, assets []Asset, prefix string) Asset {
	t.Helper()
	for _, a := range assets {
		if strings.HasPrefix(a.Path, prefix) {
			return a
		}
	}
	t.Fatalf("no asset %s* in %d assets", prefix, len(assets))
	return Asset{}
}

func TestCompileMinifiesStylesAndScripts(t *testing.T) {
	t.Parallel()
	th, err := New("/", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	all := append(th.Assets(), th.PrintAssets()...)
	for _, tc := range []struct {
		name    string
		sources []string
		keep    []string // what templates and scripts rely on
	}{
		{"style.css", []string{"style.css", "search.css"}, []string{".hb-sidebar", ".hb-header", ".hb-nav", "--hb-accent", "[data-theme=dark]", "prefers-color-scheme:dark"}},
		{"app.js", []string{"app.js", "search.js"}, []string{".hb-sidebar", "data-nav", "hb-search"}},
		{"init.js", []string{"init.js"}, []string{"hb-theme", "data-theme"}},
		{"print.css", []string{"print.css"}, []string{".hb-print"}},
	} {
		a := asset(t, all, "_handbook/"+strings.TrimSuffix(tc.name, path.Ext(tc.name))+".")
		src := source(t, tc.sources...)
		if len(a.Data) >= len(src) {
			t.Errorf("%s is %d bytes, not smaller than its sources' %d", a.Path, len(a.Data), len(src))
		}
		t.Logf("%s: %d → %d bytes (gzip %d → %d)", tc.name, len(src), len(a.Data), gzipped(t, src), gzipped(t, a.Data))
		for _, k := range tc.keep {
			if !bytes.Contains(a.Data, []byte(k)) {
				t.Errorf("%s lost %q", a.Path, k)
			}
		}
		if bytes.Contains(a.Data, []byte("\n  ")) {
			t.Errorf("%s keeps indented lines", a.Path)
		}
		if a.Path != hashedPath(tc.name, a.Data) {
			t.Errorf("%s is not named by the hash of its minified content", a.Path)
		}
	}
	// The vendored library is served as it is.
	m := asset(t, all, "_handbook/mermaid.min.")
	if src := source(t, "vendor/mermaid.min.js"); len(m.Data) != len(src)-1 {
		t.Errorf("mermaid.min.js is %d bytes, want its source's %d", len(m.Data), len(src)-1)
	}
}

func TestMinifyIsDeterministic(t *testing.T) {
	t.Parallel()
	src := source(t, "app.js", "search.js")
	a, err := minifyAs("determinism-a.js", "app.js", src)
	if err != nil {
		t.Fatal(err)
	}
	b, err := minifyAs("determinism-b.js", "app.js", src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two minifications of the same script differ")
	}
}

func TestMinifyErrorNamesTheAsset(t *testing.T) {
	t.Parallel()
	_, err := Compile(Options{Base: "/", ExtraJS: []byte("\nfunction broken( {\n")})
	if err == nil {
		t.Fatal("a script with a syntax error compiled")
	}
	if msg := err.Error(); !strings.Contains(msg, "minify app.js") || !strings.Contains(msg, "line ") {
		t.Errorf("error %q does not name app.js and a line", msg)
	}
}

func gzipped(t testing.TB, data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// BenchmarkMinify measures minifying the theme's stylesheet and script,
// without the cache that spares later builds of a process the work.
func BenchmarkMinify(b *testing.B) {
	css := source(b, "style.css", "search.css")
	js := source(b, "app.js", "search.js")
	b.SetBytes(int64(len(css) + len(js)))
	for b.Loop() {
		minified.Clear()
		if _, err := minify("style.css", css); err != nil {
			b.Fatal(err)
		}
		if _, err := minify("app.js", js); err != nil {
			b.Fatal(err)
		}
	}
}
