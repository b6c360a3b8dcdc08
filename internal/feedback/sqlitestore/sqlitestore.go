// Package sqlitestore keeps feedback in a SQLite file (pure-Go driver,
// WAL): the default store of "handbook serve".
package sqlitestore

import (
	"context"
	"errors"

	"github.com/handbookhq/handbook/internal/feedback"
)

// FileName is the database file's name in the data folder.
const FileName = "feedback.db"

// Store is a feedback.Store on one SQLite file.
type Store struct{ feedback.Store }

// Open opens, or creates, the database file at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	return nil, errors.New("sqlitestore: not implemented")
}
