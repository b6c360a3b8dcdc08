// Command feedbackload measures "handbook serve" taking ratings: it
// starts the real server on loopback, on SQLite or PostgreSQL, sends
// POST /api/feedback from many connections for a while, and prints the
// acknowledged writes per second and the latency percentiles of the
// writes answered 201.
//
//	go run ./bench/feedbackload                       # SQLite in a temporary folder
//	go run ./bench/feedbackload -db postgres://...    # PostgreSQL
//
// Its tests (load_test.go) are the load tests: 500 concurrent ratings,
// SIGKILL under load, and PostgreSQL stopped under load.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"time"
)

func main() {
	db := flag.String("db", "", "PostgreSQL `URL`; default SQLite in a temporary folder")
	data := flag.String("data", "", "SQLite data `folder`; default a temporary folder")
	bin := flag.String("bin", "", "handbook `binary`; default built from this repository")
	workers := flag.Int("workers", 64, "concurrent connections")
	duration := flag.Duration("duration", 10*time.Second, "how long to send ratings after the warm-up")
	warmup := flag.Duration("warmup", 2*time.Second, "how long to send ratings before measuring")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *bin, *db, *data, *workers, *warmup, *duration); err != nil {
		fmt.Fprintln(os.Stderr, "feedbackload:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, bin, db, data string, workers int, warmup, duration time.Duration) error {
	tmp, err := os.MkdirTemp("", "feedbackload-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if bin == "" {
		if bin, err = buildHandbook(ctx, ".", tmp); err != nil {
			return err
		}
	}
	args, store := []string{"--data", filepath.Join(tmp, "data")}, "SQLite"
	switch {
	case db != "":
		args, store = []string{"--db", db}, "PostgreSQL"
	case data != "":
		args = []string{"--data", data}
	}
	startCtx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	srv, err := startServer(startCtx, bin, append(args, "docs")...)
	if err != nil {
		return err
	}
	defer srv.stop()

	wctx, wcancel := context.WithTimeout(ctx, warmup)
	load{URL: srv.URL, Page: "/", Workers: workers, Tag: "warmup"}.run(wctx)
	wcancel()
	mctx, mcancel := context.WithTimeout(ctx, duration)
	defer mcancel()
	st := load{URL: srv.URL, Page: "/", Workers: workers, Tag: "measure"}.run(mctx)
	acked := len(st.Acked)
	fmt.Printf("store %s, %d connections, %s: %d acknowledged (%.0f/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms, other answers %v\n",
		store, workers, st.Elapsed.Round(time.Millisecond), acked, float64(acked)/st.Elapsed.Seconds(),
		ms(st.percentile(50)), ms(st.percentile(99)), ms(st.percentile(100)), others(st.Status))
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// others returns the statuses other than 201, leaving out requests cut
// short by the end of the run.
func others(m map[int]int) map[int]int {
	o := map[int]int{}
	for k, v := range m {
		if k != 201 {
			o[k] = v
		}
	}
	return o
}
