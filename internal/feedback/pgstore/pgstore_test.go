package pgstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/feedback/storetest"
	"github.com/jackc/pgx/v5"
)

// serverURL is the test server's URL, from HANDBOOK_TEST_POSTGRES. Without
// it the test is skipped, or fails under CI, which must never skip it.
func serverURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("HANDBOOK_TEST_POSTGRES")
	if u == "" {
		missing(t, "HANDBOOK_TEST_POSTGRES is not set: run scripts/postgres.sh start and export the line it prints")
	}
	return u
}

// missing skips the test, or fails it when CI is set.
func missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(why + " (CI is set, so the PostgreSQL tests may not be skipped)")
	}
	t.Skip(why)
}

// freshSchema makes an empty schema on the server at base, drops it when
// the test ends, and returns base with search_path set to it.
func freshSchema(t testing.TB, base string) string {
	t.Helper()
	ctx := context.Background()
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "hbtest_" + hex.EncodeToString(b[:])
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to the test server: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("connect to drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("HANDBOOK_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func open(t *testing.T, u string) *Store {
	t.Helper()
	s, err := Open(context.Background(), u)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	base := serverURL(t)
	storetest.Run(t, func(t *testing.T) feedback.Store {
		return open(t, freshSchema(t, base))
	})
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	u := freshSchema(t, serverURL(t))
	s := open(t, u)
	if err := s.Add(ctx, feedback.Entry{ID: "a", Time: time.Now(), Page: "/p", Rating: feedback.Good}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, u)
	defer s.Close()
	n := 0
	if err := s.Each(ctx, feedback.Filter{}, func(feedback.Entry) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("after reopening: %d entries, want 1", n)
	}
	var rows int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM schema_migrations").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != 1 {
		t.Errorf("schema_migrations has %d rows, want 1: a migration ran twice", rows)
	}
}

func TestReplicasStartingTogetherMigrateOnce(t *testing.T) {
	u := freshSchema(t, serverURL(t))
	errs := make(chan error, 4)
	stores := make(chan *Store, 4)
	for range 4 {
		go func() {
			s, err := Open(context.Background(), u)
			errs <- err
			stores <- s
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("Open: %v", err)
		}
		if s := <-stores; s != nil {
			defer s.Close()
		}
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	u := freshSchema(t, serverURL(t))
	s := open(t, u)
	if _, err := s.pool.Exec(ctx, "INSERT INTO schema_migrations (version) VALUES (99)"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(ctx, u)
	if !errors.Is(err, feedback.ErrSchemaTooNew) {
		t.Fatalf("Open = %v, want ErrSchemaTooNew", err)
	}
	t.Log(err)
}

func TestOpenRejectsBadURL(t *testing.T) {
	_, err := Open(context.Background(), "postgres://user:secret@127.0.0.1:notaport/db")
	if err == nil {
		t.Fatal("Open of a bad URL gave no error")
	}
	if s := err.Error(); len(s) == 0 || strings.Contains(s, "secret") {
		t.Errorf("error %q shows the password", s)
	}
}

func TestOpenWhenDownIsUnavailable(t *testing.T) {
	// Nothing listens on port 1 of the loopback address.
	_, err := Open(context.Background(), "postgres://postgres@127.0.0.1:1/x?sslmode=disable&connect_timeout=2")
	if !errors.Is(err, feedback.ErrUnavailable) {
		t.Fatalf("Open with no server = %v, want ErrUnavailable", err)
	}
}
