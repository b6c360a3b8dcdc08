package pgstore

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/hbtest"
)

func TestPoolRecoversWhenServerComesBack(t *testing.T) {
	c := hbtest.NewPostgresCluster(t)
	u := c.URL
	ctx := context.Background()
	s := open(t, u)
	defer s.Close()
	add := func(id string) error {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		return s.Add(ctx, feedback.Entry{ID: id, Time: time.Now(), Page: "/p", Rating: feedback.Good})
	}
	if err := add("before"); err != nil {
		t.Fatal(err)
	}

	c.Stop()
	if err := add("down"); !errors.Is(err, feedback.ErrUnavailable) {
		t.Fatalf("Add with the server down = %v, want ErrUnavailable", err)
	}
	if _, err := s.Counts(ctx, feedback.Filter{}); !errors.Is(err, feedback.ErrUnavailable) {
		t.Fatalf("Counts with the server down = %v, want ErrUnavailable", err)
	}

	c.Start()
	if err := add("after"); err != nil {
		t.Fatalf("Add once the server is back = %v, want nil without reopening", err)
	}
	var got []string
	if err := s.Each(ctx, feedback.Filter{}, func(e feedback.Entry) error { got = append(got, e.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "before after" {
		t.Errorf("stored %v, want [before after]", got)
	}
}
