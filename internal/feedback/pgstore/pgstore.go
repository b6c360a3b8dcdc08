// Package pgstore keeps feedback in PostgreSQL through a pgx pool, so
// that several servers behind a load balancer share it.
package pgstore

import (
	"context"
	"errors"

	"github.com/handbookhq/handbook/internal/feedback"
)

// Store is a feedback.Store on a PostgreSQL database.
type Store struct{ feedback.Store }

// Open connects to the database at url (postgres://...) and brings its
// schema up to date.
func Open(ctx context.Context, url string) (*Store, error) {
	return nil, errors.New("pgstore: not implemented")
}
