package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/hbtest"
)

// The load tests run the real handbook binary on loopback. Each is
// bounded by a count of ratings and by testTimeout, which only stops a
// test that hangs; nothing here measures speed.
const testTimeout = 3 * time.Minute

var handbookBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "feedbackload-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	handbookBin, err = buildHandbook(context.Background(), "../..", dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// store is a database for a test server: the flags that name it.
type store struct {
	name string
	args []string
}

// stores returns a new SQLite folder and a new schema on the PostgreSQL
// server of HANDBOOK_TEST_POSTGRES (skipped without it, unless under CI).
func stores(t *testing.T) []store {
	t.Helper()
	out := []store{{"sqlite", []string{"--data", t.TempDir()}}}
	if os.Getenv("HANDBOOK_TEST_POSTGRES") != "" || os.Getenv("CI") != "" {
		out = append(out, store{"postgres", []string{"--db", hbtest.PostgresSchema(t, hbtest.PostgresURL(t))}})
	} else {
		t.Log("PostgreSQL left out: run scripts/postgres.sh start and export the HANDBOOK_TEST_POSTGRES it prints")
	}
	return out
}

func serve(t *testing.T, ctx context.Context, args ...string) *server {
	t.Helper()
	srv, err := startServer(ctx, handbookBin, append(args, "../../docs")...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		srv.kill() // a no-op when it has ended
	})
	return srv
}

// checkStored fails unless every acknowledged rating is in the database
// exactly once.
func checkStored(t *testing.T, ctx context.Context, st store, acked []string) map[string]int {
	t.Helper()
	got, err := stored(ctx, handbookBin, st.args...)
	if err != nil {
		t.Fatal(err)
	}
	missing := 0
	for _, c := range acked {
		if got[c] != 1 {
			missing++
			if missing <= 5 {
				t.Errorf("rating %q answered 201 is stored %d times", c, got[c])
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged ratings are not stored exactly once", missing, len(acked))
	}
	return got
}

func TestFiveHundredConcurrentRatingsAreAllStored(t *testing.T) {
	for _, st := range stores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
			defer cancel()
			srv := serve(t, ctx, st.args...)
			res := load{URL: srv.URL, Page: "/", Workers: 500, Total: 500, Tag: "c500"}.run(ctx)
			if res.Status[201] != 500 {
				t.Fatalf("answers %v, want 500 × 201\n%s", res.Status, srv.log)
			}
			if err := srv.stop(); err != nil {
				t.Errorf("server did not stop cleanly: %v", err)
			}
			got := checkStored(t, ctx, st, res.Acked)
			n := 0
			for c, k := range got {
				if strings.HasPrefix(c, "c500-") {
					n += k
				}
			}
			if n != 500 {
				t.Errorf("stored %d ratings, want exactly 500", n)
			}
		})
	}
}

func TestKillUnderLoadLosesNoAcknowledgedRating(t *testing.T) {
	for _, st := range stores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
			defer cancel()
			srv := serve(t, ctx, st.args...)
			acks := make(chan string, 1<<16)
			lctx, stopLoad := context.WithCancel(ctx)
			done := make(chan *stats, 1)
			go func() {
				done <- load{URL: srv.URL, Page: "/", Workers: 32, Tag: "kill", Acked: acks}.run(lctx)
			}()
			// Kill the server in the middle of the load, once 300
			// ratings have been acknowledged.
			for range 300 {
				select {
				case <-acks:
				case <-ctx.Done():
					t.Fatalf("fewer than 300 ratings acknowledged\n%s", srv.log)
				}
			}
			srv.kill()
			stopLoad()
			res := <-done
			t.Logf("answers before and after SIGKILL: %v", res.Status)
			checkStored(t, ctx, st, res.Acked)

			// Restarted on the same database, it takes ratings again.
			srv = serve(t, ctx, st.args...)
			again := load{URL: srv.URL, Page: "/", Workers: 4, Total: 20, Tag: "restart"}.run(ctx)
			if again.Status[201] != 20 {
				t.Fatalf("after restart: answers %v, want 20 × 201\n%s", again.Status, srv.log)
			}
			checkStored(t, ctx, st, append(res.Acked, again.Acked...))
		})
	}
}

func TestPostgresStoppedUnderLoadGives503sThenRecovers(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	// A cluster of this test's own, so that stopping it disturbs no one.
	pg := hbtest.NewPostgresCluster(t)
	st := store{"postgres", []string{"--db", pg.URL}}
	srv := serve(t, ctx, st.args...)

	var created, unavailable, other atomic.Int64
	acks := make(chan string, 1<<16)
	lctx, stopLoad := context.WithCancel(ctx)
	defer stopLoad()
	done := make(chan *stats, 1)
	go func() {
		done <- load{URL: srv.URL, Page: "/", Workers: 16, Tag: "outage", Acked: acks, OnStatus: func(s int) {
			switch {
			case s == 201:
				created.Add(1)
			case s == 503:
				unavailable.Add(1)
			default:
				other.Add(1)
			}
		}}.run(lctx)
	}()
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for !cond() {
			select {
			case <-acks:
			case <-time.After(10 * time.Millisecond):
			case <-ctx.Done():
				t.Fatalf("waiting for %s: %v (201: %d, 503: %d, other: %d)\n%s", what, ctx.Err(), created.Load(), unavailable.Load(), other.Load(), srv.log)
			}
		}
	}
	waitFor("100 ratings", func() bool { return created.Load() >= 100 })
	pg.Stop()
	waitFor("503s while PostgreSQL is down", func() bool { return unavailable.Load() >= 20 })
	before := created.Load()
	pg.Start()
	waitFor("ratings again once PostgreSQL is back", func() bool { return created.Load() >= before+100 })
	stopLoad()
	res := <-done
	t.Logf("answers: %v", res.Status)
	if n := res.Status[500]; n > 0 {
		t.Errorf("%d answers were 500, want 503 while the database is down", n)
	}
	if err := srv.stop(); err != nil {
		t.Errorf("server did not stop cleanly: %v", err)
	}
	checkStored(t, ctx, st, res.Acked)
}
