package site

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/markdown"
)

// BenchmarkRenderBlocksHandbook parses and renders every page of the
// fixture handbook that uses every GitBook block ("blocks"), and the same
// pages in their plain-Markdown form, without blocks ("plain"), both with
// the book's own links, files and variables. The ratio of the two is what
// the blocks cost.
func BenchmarkRenderBlocksHandbook(b *testing.B) {
	bk, err := book.Load(context.Background(), "testdata/blocks-handbook", book.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s, err := newBuilder(bk, Options{NoGit: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.root.Close()
	var withBlocks, plain [][]byte
	for _, p := range bk.Pages {
		inc := &includes{s: s, page: p}
		d := s.md.ParseWith(p.Body, markdown.ParseOptions{Include: inc.read})
		var m bytes.Buffer
		if err := s.md.Markdown(&m, d, resolver{s, p}); err != nil {
			b.Fatal(err)
		}
		withBlocks, plain = append(withBlocks, p.Body), append(plain, m.Bytes())
	}
	for _, bc := range []struct {
		name  string
		pages [][]byte
	}{{"blocks", withBlocks}, {"plain", plain}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i, body := range bc.pages {
					p := bk.Pages[i]
					inc := &includes{s: s, page: p}
					d := s.md.ParseWith(body, markdown.ParseOptions{Include: inc.read})
					if _, err := s.md.Render(io.Discard, d, resolver{s, p}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(bc.pages)), "pages")
		})
	}
}
