package pgstore

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/jackc/pgx/v5"
)

var _ feedback.KeyStore = (*Store)(nil)

// Key returns the key called name, creating it the first time; see
// feedback.KeyStore. A key that exists is only read; otherwise the first
// insert wins, on this server or another, and every caller reads its
// value.
func (s *Store) Key(ctx context.Context, name string, size int) ([]byte, error) {
	if err := feedback.ValidateKey(name, size); err != nil {
		return nil, err
	}
	if s.closed.Load() {
		return nil, feedback.ErrClosed
	}
	op := fmt.Sprintf("server key %s", name)
	const read = `SELECT value FROM server_keys WHERE name = $1`
	var key []byte
	err := s.pool.QueryRow(ctx, read, name).Scan(&key)
	if err == nil {
		return key, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return nil, wrap(ctx, op, err)
	}
	fresh := make([]byte, size)
	if _, err := rand.Read(fresh); err != nil {
		return nil, fmt.Errorf("%s: random bytes: %w", op, err)
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO server_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
		name, fresh); err != nil {
		return nil, wrap(ctx, op+": create", err)
	}
	if err := s.pool.QueryRow(ctx, read, name).Scan(&key); err != nil {
		return nil, wrap(ctx, op, err)
	}
	return key, nil
}
