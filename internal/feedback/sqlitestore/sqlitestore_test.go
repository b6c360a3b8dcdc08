package sqlitestore

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/feedback/storetest"
)

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) feedback.Store {
		return open(t, filepath.Join(t.TempDir(), FileName))
	})
}

func TestKeyConformance(t *testing.T) {
	storetest.RunKeys(t, func(t *testing.T) func() feedback.KeyStore {
		path := filepath.Join(t.TempDir(), FileName)
		return func() feedback.KeyStore { return open(t, path) }
	})
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	s := open(t, path)
	e := feedback.Entry{ID: "a", Time: time.Now(), Page: "/p", Rating: feedback.Good}
	if err := s.Add(ctx, e); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, path)
	defer s.Close()
	n := 0
	if err := s.Each(ctx, feedback.Filter{}, func(feedback.Entry) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("after reopening: %d entries, want 1", n)
	}
	var rows int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if ms, err := feedback.ParseMigrations(migrationFiles, "migrations"); err != nil || rows != len(ms) {
		t.Errorf("schema_migrations has %d rows, want one per migration (%d, %v)", rows, len(ms), err)
	}
	var mode, sync string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" || sync != "2" {
		t.Errorf("journal_mode %s, synchronous %s; want wal and 2 (FULL)", mode, sync)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	s := open(t, path)
	if _, err := s.db.ExecContext(ctx, "INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := Open(ctx, path)
	if !errors.Is(err, feedback.ErrSchemaTooNew) {
		t.Fatalf("Open = %v, want ErrSchemaTooNew", err)
	}
	t.Log(err)
}

func TestOpenRejectsBadPaths(t *testing.T) {
	for _, p := range []string{"", ":memory:", "file:x.db", "a?b.db"} {
		if _, err := Open(context.Background(), p); err == nil {
			t.Errorf("Open(%q) = nil error", p)
		}
	}
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "missing", "dir", FileName)); err == nil {
		t.Error("Open in a missing folder gave no error")
	}
}

func TestBusyIsUnavailable(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	s := open(t, path)
	defer s.Close()
	// A second handle holds the write lock past the busy timeout.
	other := open(t, path)
	defer other.Close()
	conn, err := other.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	s.db.SetMaxOpenConns(1) // so that the pragma below holds for Amend
	if _, err := s.db.ExecContext(ctx, "PRAGMA busy_timeout = 1"); err != nil {
		t.Fatal(err)
	}
	err = s.Amend(ctx, "a", feedback.Good, "", time.Time{})
	if !errors.Is(err, feedback.ErrUnavailable) {
		t.Fatalf("Amend while another holds the lock = %v, want ErrUnavailable", err)
	}
}
