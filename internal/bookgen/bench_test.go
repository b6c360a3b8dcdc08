package bookgen

import (
	"fmt"
	"path/filepath"
	"testing"
)

func BenchmarkGenerate(b *testing.B) {
	for _, pages := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			for b.Loop() {
				if err := Generate(filepath.Join(b.TempDir(), "book"), Options{Pages: pages, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRenderPage(b *testing.B) {
	o := Options{Pages: 1000, Seed: 1}.withDefaults()
	bk := plan(o)
	var n int64
	for i := 0; b.Loop(); i++ {
		n += int64(len(renderPage(bk, o, bk.pages[i%len(bk.pages)])))
	}
	b.SetBytes(n / int64(b.N))
}
