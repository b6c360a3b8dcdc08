package site_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

// BenchmarkBuildCorpus loads and builds the Mattermost handbook, cold,
// with git dates and files.
func BenchmarkBuildCorpus(b *testing.B) {
	src := hbtest.Corpus(b)
	out := filepath.Join(b.TempDir(), "site")
	for b.Loop() {
		bk, err := book.Load(context.Background(), src, book.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := site.Build(context.Background(), bk, site.Options{Out: out}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(283, "pages")
}
