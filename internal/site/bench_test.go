package site_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/bookgen"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

// BenchmarkBuildCorpus loads and builds the Mattermost handbook, cold,
// with git dates and files: the whole site, then without what machines
// read (Markdown twins, llms.txt, llms-full.txt, change feed), to show
// what those cost.
func BenchmarkBuildCorpus(b *testing.B) {
	src := hbtest.Corpus(b)
	for _, bc := range []struct {
		name string
		o    site.Options
	}{
		{"all", site.Options{}},
		{"pages-only", site.Options{NoMachineReadable: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			bc.o.Out = filepath.Join(b.TempDir(), "site")
			for b.Loop() {
				bk, err := book.Load(context.Background(), src, book.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := site.Build(context.Background(), bk, bc.o); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(283, "pages")
		})
	}
}

// BenchmarkBuildSynthetic builds generated books of 1,000 and 10,000
// pages (without git history).
func BenchmarkBuildSynthetic(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			src := filepath.Join(b.TempDir(), "book")
			if err := bookgen.Generate(src, bookgen.Options{Pages: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			out := filepath.Join(b.TempDir(), "site")
			b.ResetTimer()
			for b.Loop() {
				bk, err := book.Load(context.Background(), src, book.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := site.Build(context.Background(), bk, site.Options{Out: out, NoGit: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "pages")
		})
	}
}
