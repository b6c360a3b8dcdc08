package sqlitestore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

var _ feedback.KeyStore = (*Store)(nil)

// Key returns the key called name, creating it the first time; see
// feedback.KeyStore. A key that exists is read without taking the write
// lock; otherwise the first insert wins and every caller reads its value.
func (s *Store) Key(ctx context.Context, name string, size int) ([]byte, error) {
	if err := feedback.ValidateKey(name, size); err != nil {
		return nil, err
	}
	if s.closed.Load() {
		return nil, feedback.ErrClosed
	}
	op := fmt.Sprintf("server key %s", name)
	const read = `SELECT value FROM server_keys WHERE name = ?`
	var key []byte
	err := s.db.QueryRowContext(ctx, read, name).Scan(&key)
	if err == nil {
		return key, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, wrap(op, err)
	}
	fresh := make([]byte, size)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("%s: random bytes: %w", op, err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO server_keys (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING`,
		name, fresh, time.Now().UnixMilli()); err != nil {
		return nil, wrap(op+": create", err)
	}
	if err := s.db.QueryRowContext(ctx, read, name).Scan(&key); err != nil {
		return nil, wrap(op, err)
	}
	return key, nil
}
