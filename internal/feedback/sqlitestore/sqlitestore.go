// Package sqlitestore keeps feedback in a SQLite file (pure-Go driver,
// WAL): the default store of "handbook serve".
package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"

	"github.com/handbookhq/handbook/internal/feedback"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// FileName is the database file's name in the data folder.
const FileName = "feedback.db"

// Store is a feedback.Store on one SQLite file.
type Store struct {
	db     *sql.DB
	batch  *feedback.Batcher
	closed atomic.Bool
}

var _ feedback.Store = (*Store)(nil)

// pragmas set on every connection: write-ahead log, an fsync at every
// commit (a nil error from Add means durable), and a wait for the write
// lock instead of failing at once. Transactions take the write lock when
// they begin, so two writers never deadlock upgrading a read lock.
var pragmas = url.Values{
	"_pragma": {"journal_mode(WAL)", "synchronous(FULL)", "busy_timeout(5000)"},
	"_txlock": {"immediate"},
}

// Open opens, or creates, the database file at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") || strings.HasPrefix(path, "file:") || path == ":memory:" {
		return nil, fmt.Errorf("open feedback database: %q is not a file path this store accepts", path)
	}
	db, err := sql.Open("sqlite", path+"?"+pragmas.Encode())
	if err != nil {
		return nil, fmt.Errorf("open feedback database %s: %w", path, err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(4)
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		db.Close()
		return nil, wrap(fmt.Sprintf("open feedback database %s", path), err)
	}
	if mode != "wal" {
		db.Close()
		return nil, fmt.Errorf("open feedback database %s: journal mode is %q, not wal", path, mode)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("feedback database %s: %w", path, err)
	}
	s := &Store{db: db}
	s.batch = feedback.NewBatcher(s.write, 0, 0)
	return s, nil
}

// Close writes the pending entries, then closes the database.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	_ = s.batch.Close()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close feedback database: %w", err)
	}
	return nil
}

// wrap adds op to err, and marks a database that is busy or locked as
// unavailable so that the client may try again.
func wrap(op string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%s: %w: %w", op, feedback.ErrUnavailable, err)
		}
	}
	return fmt.Errorf("%s: %w", op, err)
}
