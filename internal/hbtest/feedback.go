package hbtest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/feedback/sqlitestore"
)

// FeedbackStore opens a real SQLite feedback store in dir (a new
// temporary folder when dir is ""), adds entries to it, each with a new
// ID, and closes it when the test ends.
func FeedbackStore(t testing.TB, dir string, entries ...feedback.Entry) *sqlitestore.Store {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, filepath.Join(dir, sqlitestore.FileName))
	if err != nil {
		t.Fatalf("open feedback store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	for _, e := range entries {
		e.ID = feedback.NewID()
		if err := st.Add(ctx, e); err != nil {
			t.Fatalf("add feedback %+v: %v", e, err)
		}
	}
	return st
}
