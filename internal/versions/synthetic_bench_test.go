package versions_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/bookgen"
	"github.com/handbookhq/handbook/internal/site"
	"github.com/handbookhq/handbook/internal/versions"
)

// BenchmarkBuildSimilarVersions builds a generated book of 1,000 pages
// whose two versions differ in one page in twenty, as a handbook's
// release branches do: "one" builds the current version alone, "both"
// builds both, sharing the pages that are the same.
func BenchmarkBuildSimilarVersions(b *testing.B) {
	src := filepath.Join(b.TempDir(), "book")
	if err := bookgen.Generate(src, bookgen.Options{Pages: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = src
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=a", "GIT_AUTHOR_EMAIL=a@example.com", "GIT_COMMITTER_NAME=a", "GIT_COMMITTER_EMAIL=a@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-q", "-m", "Old version")
	git("branch", "old")
	var pages []string
	_ = filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "SUMMARY.md") && !strings.Contains(p, ".git/") {
			pages = append(pages, p)
		}
		return nil
	})
	for i := 0; i < len(pages); i += 20 {
		f, err := os.OpenFile(pages[i], os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(f, "\nChanged in the new version.\n")
		f.Close()
	}
	git("commit", "-q", "-a", "-m", "New version")

	for _, bc := range []struct{ name, yaml string }{
		{"one", "versions:\n  - ref: main\n"},
		{"both", "versions:\n  - ref: main\n  - ref: old\n"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			cfg := filepath.Join(b.TempDir(), "handbook.yaml")
			if err := os.WriteFile(cfg, []byte(bc.yaml), 0o644); err != nil {
				b.Fatal(err)
			}
			out := filepath.Join(b.TempDir(), "site")
			cpu := cpuTime()
			shared := 0
			for b.Loop() {
				set, _, err := versions.Load(context.Background(), src, versions.Options{Book: book.Options{ConfigFile: cfg}})
				if err != nil {
					b.Fatal(err)
				}
				m := &site.Memo{}
				if _, err := set.Build(context.Background(), site.Options{Out: out, Memo: m}); err != nil {
					b.Fatal(err)
				}
				set.Close()
				shared = m.Shared()
			}
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(shared), "shared-pages")
		})
	}
}
