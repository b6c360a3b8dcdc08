package markdown

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/testcorpus"
)

// corpusDir returns a clone of the Mattermost handbook, or skips the test.
func corpusDir(tb testing.TB) string { return testcorpus.Dir(tb) }

type corpusPage struct {
	path string
	src  []byte
}

func loadCorpus(tb testing.TB, dir string) []corpusPage {
	tb.Helper()
	var pages []corpusPage
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != dir {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		pages = append(pages, corpusPage{path: filepath.ToSlash(rel), src: body(src)})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(pages) == 0 {
		tb.Fatalf("no .md pages under %s", dir)
	}
	return pages
}

// body drops YAML front matter, which the page loader removes before Parse.
func body(src []byte) []byte {
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return src
	}
	if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
		return rest[i+5:]
	}
	return src
}

// acceptAll resolves every destination to itself.
type acceptAll struct{}

func (acceptAll) Link(dest string) (string, error)  { return dest, nil }
func (acceptAll) Image(dest string) (string, error) { return dest, nil }

// TestCorpus renders every page of a real handbook and checks that nothing
// executable reaches the output and that placeholder "tags" show as text.
func TestCorpus(t *testing.T) {
	pages := loadCorpus(t, corpusDir(t))
	e := New()
	placeholders := 0
	for _, p := range pages {
		d := e.Parse(p.src)
		var b bytes.Buffer
		if _, err := e.Render(&b, d, acceptAll{}); err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		out := b.Bytes()
		lower := bytes.ToLower(out)
		for _, tag := range []string{"<script", "<style", "<iframe", "<object", "<embed"} {
			if bytes.Contains(lower, []byte(tag)) {
				t.Errorf("%s: output contains %s", p.path, tag)
			}
		}
		if a := eventHandlerAttr(out); a != "" {
			t.Errorf("%s: output has event handler attribute %q", p.path, a)
		}
		if bytes.Contains(lower, []byte("javascript:")) {
			t.Errorf("%s: output contains javascript:", p.path)
		}
		if bytes.Contains(p.src, []byte("<summary of incident>")) { // in a code block in the Mattermost handbook
			placeholders++
			if !bytes.Contains(out, []byte("&lt;summary of incident&gt;")) {
				t.Errorf("%s: <summary of incident> is not shown as text", p.path)
			}
		}
	}
	if placeholders == 0 {
		t.Log("no page with <summary of incident> in this corpus")
	}
}

// eventHandlerAttr finds an attribute like ` onclick=` inside a tag.
func eventHandlerAttr(out []byte) string {
	inTag := false
	for i := 0; i < len(out); i++ {
		switch c := out[i]; {
		case c == '<':
			inTag = true
		case c == '>':
			inTag = false
		case inTag && (c == ' ' || c == '\t' || c == '\n') && i+3 < len(out) && (out[i+1]|0x20) == 'o' && (out[i+2]|0x20) == 'n':
			j := i + 3
			for j < len(out) && ('a' <= out[j]|0x20 && out[j]|0x20 <= 'z') {
				j++
			}
			if j > i+3 && j < len(out) && out[j] == '=' {
				return string(out[i+1 : j])
			}
		}
	}
	return ""
}

// BenchmarkRenderCorpus parses and renders every page of the corpus once
// per iteration, pages spread over GOMAXPROCS goroutines as a build does.
func BenchmarkRenderCorpus(b *testing.B) {
	pages := loadCorpus(b, corpusDir(b))
	e := New()
	size := 0
	for _, p := range pages {
		size += len(p.src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		renderAll(b, e, pages)
	}
}

func renderAll(tb testing.TB, e *Engine, pages []corpusPage) {
	work := make(chan corpusPage)
	done := make(chan struct{})
	workers := runtime.GOMAXPROCS(0)
	for range workers {
		go func() {
			var buf bytes.Buffer
			for p := range work {
				buf.Reset()
				if _, err := e.Render(&buf, e.Parse(p.src), acceptAll{}); err != nil {
					tb.Error(err)
				}
			}
			done <- struct{}{}
		}()
	}
	for _, p := range pages {
		work <- p
	}
	close(work)
	for range workers {
		<-done
	}
}
