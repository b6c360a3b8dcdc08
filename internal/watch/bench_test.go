package watch_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/watch"
)

// BenchmarkEditToBatch measures the time from writing a file to the call
// that reports it, with the default timings; most of it is the debounce.
func BenchmarkEditToBatch(b *testing.B) {
	root := b.TempDir()
	file := filepath.Join(root, "page.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		b.Fatal(err)
	}
	w, err := watch.New(root, watch.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = w.Close() }()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan time.Time, 1)
	go func() { _ = w.Run(ctx, func(watch.Batch) { got <- time.Now() }) }()
	var total time.Duration
	for b.Loop() {
		start := time.Now()
		if err := os.WriteFile(file, []byte(start.String()), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case at := <-got:
			total += at.Sub(start)
		case <-time.After(10 * time.Second):
			b.Fatal("no batch")
		}
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs/edit")
}
