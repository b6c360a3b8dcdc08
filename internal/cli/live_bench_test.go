package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/bookgen"
	"github.com/handbookhq/handbook/internal/hbtest"
)

// BenchmarkEditToReload measures how long after a page's file is written
// the browser is told to reload it: serve runs on a handbook, a client
// listens to its events, and each iteration appends a line to one page
// and waits for the reload event naming it. It reports the median and
// 95th percentile, and how long the whole update took (search index and
// machine-readable files included), read from serve's own report.
//
//	go test -run XXX -bench EditToReload -benchtime 50x ./internal/cli/
func BenchmarkEditToReload(b *testing.B) {
	b.Run("mattermost", func(b *testing.B) {
		src := copyTree(b, hbtest.Corpus(b))
		benchEdits(b, src, "company/about-mattermost/mindsets.md", "/company/about-mattermost/mindsets")
	})
	b.Run("synthetic-10000", func(b *testing.B) {
		src := b.TempDir()
		if err := bookgen.Generate(src, bookgen.Options{Pages: 10000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		file, url := firstLeaf(b, src)
		benchEdits(b, src, file, url)
	})
}

func benchEdits(b *testing.B, src, file, url string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	errR, errW := io.Pipe()
	done := make(chan int)
	go func() {
		done <- Main(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--no-feedback", "--no-pdf", src}, outW, errW)
		outW.Close()
		errW.Close()
	}()
	updated := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(errR)
		for sc.Scan() {
			if t := sc.Text(); strings.HasPrefix(t, "updated ") || strings.HasPrefix(t, "rebuilt ") {
				updated <- t
			}
		}
	}()
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		b.Fatalf("read address: %v", err)
	}
	go io.Copy(io.Discard, outR)
	base := strings.TrimSpace(line[strings.Index(line, "http://"):])
	ch := events(b, base)
	path := filepath.Join(src, filepath.FromSlash(file))
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	want := fmt.Sprintf(`{"paths":[%q]}`, url)
	var lat, whole []time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if err := os.WriteFile(path, fmt.Appendf(slices.Clip(orig), "\nEdit number %d.\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		if ev := next(b, ch, "reload"); ev.data != want {
			b.Fatalf("reload event %s, want %s", ev.data, want)
		}
		lat = append(lat, time.Since(start))
		select {
		case <-updated:
			whole = append(whole, time.Since(start))
		case <-time.After(time.Minute):
			b.Fatal("serve did not report the update")
		}
	}
	cancel()
	<-done
	b.ReportMetric(ms(pct(lat, 50)), "p50-ms")
	b.ReportMetric(ms(pct(lat, 95)), "p95-ms")
	b.ReportMetric(ms(pct(whole, 50)), "update-p50-ms")
}

func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[(len(s)-1)*p/100]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// copyTree copies the folder src, .git included, into a temporary folder.
func copyTree(b *testing.B, src string) string {
	dst := b.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	return dst
}

// firstLeaf finds a page of a generated book that is nobody's parent:
// its file and URL path, read from the table of contents.
func firstLeaf(b *testing.B, src string) (file, url string) {
	b.Helper()
	bk, err := loadBook(context.Background(), newEnv(io.Discard, io.Discard), src, nil, buildFlags{}, "")
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range bk.Pages[len(bk.Pages)/2:] {
		if len(p.Entry.Children) == 0 && !p.Missing {
			return p.File, p.URL
		}
	}
	b.Fatal("no leaf page")
	return "", ""
}
