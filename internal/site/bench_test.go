package site_test

import (
	"context"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

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
			cpu := cpuTime()
			for b.Loop() {
				bk, err := book.Load(context.Background(), src, book.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := site.Build(context.Background(), bk, bc.o); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(283, "pages")
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
