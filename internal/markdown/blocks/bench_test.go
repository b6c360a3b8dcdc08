package blocks_test

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handbookhq/handbook/internal/markdown"
)

// benchPages returns one page per golden file, made of all its cases, as
// written (with blocks) and in plain Markdown (the same content without
// blocks).
func benchPages(b *testing.B) (withBlocks, plain [][]byte) {
	b.Helper()
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			b.Fatal(err)
		}
		var w, p bytes.Buffer
		for _, f := range ar.Files {
			switch {
			case strings.HasSuffix(f.Name, ".degraded.md"):
				p.Write(f.Data)
				p.WriteString("\n\n")
			case strings.HasSuffix(f.Name, ".md") && !strings.Contains(f.Name, "/"):
				w.Write(f.Data)
				w.WriteString("\n\n")
			}
		}
		withBlocks, plain = append(withBlocks, w.Bytes()), append(plain, p.Bytes())
	}
	return withBlocks, plain
}

// BenchmarkRenderBlocks parses and renders every golden case, written with
// GitBook blocks. Compare with BenchmarkRenderPlain: the same content in
// plain Markdown.
func BenchmarkRenderBlocks(b *testing.B) {
	pages, _ := benchPages(b)
	benchRender(b, pages)
}

// BenchmarkRenderPlain parses and renders the plain-Markdown form of every
// golden case.
func BenchmarkRenderPlain(b *testing.B) {
	_, pages := benchPages(b)
	benchRender(b, pages)
}

func benchRender(b *testing.B, pages [][]byte) {
	e := markdown.New()
	size := 0
	for _, p := range pages {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			d := e.Parse(p)
			if _, err := e.Render(io.Discard, d, testResolver{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
