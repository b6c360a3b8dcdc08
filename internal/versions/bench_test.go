package versions_test

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
	"github.com/handbookhq/handbook/internal/versions"
)

// BenchmarkBuildVersions loads and builds the Mattermost handbook, cold,
// with git dates: only 0.2.1 (one); 0.2.1 with 0.2.0 (22 pages) read
// from git objects under /v/0.2.0/ (both); and 0.2.1 with itself read
// from git objects as origin/0.2.1 (same-size), what a second version as
// large as the first costs.
func BenchmarkBuildVersions(b *testing.B) {
	src := hbtest.Corpus(b)
	for _, bc := range []struct {
		name string
		refs []string
	}{
		{"one", []string{"0.2.1"}},
		{"both", []string{"0.2.1", "0.2.0"}},
		{"same-size", []string{"0.2.1", "origin/0.2.1"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			o := versions.Options{Book: book.Options{ConfigFile: corpusVersions(b, bc.refs...)}}
			out := filepath.Join(b.TempDir(), "site")
			ctx := context.Background()
			pages := 0
			cpu := cpuTime()
			for b.Loop() {
				set, _, err := versions.Load(ctx, src, o)
				if err != nil {
					b.Fatal(err)
				}
				res, err := set.Build(ctx, site.Options{Out: out})
				set.Close()
				if err != nil {
					b.Fatal(err)
				}
				pages = 0
				for _, r := range res {
					pages += r.Pages
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// cpuTime returns the processor time the process and the processes it
// waited for (git) have used, user and system: steadier than wall time
// on a busy machine.
func cpuTime() time.Duration {
	var self, kids syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids)
	total := time.Duration(0)
	for _, r := range []syscall.Rusage{self, kids} {
		total += time.Duration(r.Utime.Nano() + r.Stime.Nano())
	}
	return total
}
