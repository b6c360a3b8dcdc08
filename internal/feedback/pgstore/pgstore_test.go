package pgstore

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/feedback/storetest"
	"github.com/handbookhq/handbook/internal/hbtest"
)

func open(t *testing.T, u string) *Store {
	t.Helper()
	s, err := Open(context.Background(), u)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	base := hbtest.PostgresURL(t)
	storetest.Run(t, func(t *testing.T) feedback.Store {
		return open(t, hbtest.PostgresSchema(t, base))
	})
}

func TestKeyConformance(t *testing.T) {
	base := hbtest.PostgresURL(t)
	storetest.RunKeys(t, func(t *testing.T) func() feedback.KeyStore {
		u := hbtest.PostgresSchema(t, base)
		return func() feedback.KeyStore { return open(t, u) }
	})
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	u := hbtest.PostgresSchema(t, hbtest.PostgresURL(t))
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
	if ms, err := feedback.ParseMigrations(migrationFiles, "migrations"); err != nil || rows != len(ms) {
		t.Errorf("schema_migrations has %d rows, want one per migration (%d, %v)", rows, len(ms), err)
	}
}

func TestReplicasStartingTogetherMigrateOnce(t *testing.T) {
	u := hbtest.PostgresSchema(t, hbtest.PostgresURL(t))
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
	u := hbtest.PostgresSchema(t, hbtest.PostgresURL(t))
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
