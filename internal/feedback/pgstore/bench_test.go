package pgstore

import (
	"context"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/hbtest"
)

// BenchmarkAddParallel measures acknowledged (durable) Adds from many
// concurrent callers, which group commit writes together.
func BenchmarkAddParallel(b *testing.B) {
	u := hbtest.PostgresSchema(b, hbtest.PostgresURL(b))
	s, err := Open(context.Background(), u)
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
