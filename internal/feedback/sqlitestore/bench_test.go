package sqlitestore

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

// BenchmarkAddParallel measures acknowledged (durable) Adds from many
// concurrent callers, which group commit writes together.
func BenchmarkAddParallel(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), FileName))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.SetParallelism(32)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			e := feedback.Entry{ID: feedback.NewID(), Time: time.Now(), Page: "/p", Rating: feedback.Good, Comment: "a comment"}
			if err := s.Add(context.Background(), e); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
