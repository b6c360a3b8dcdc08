// Package pgstore keeps feedback in PostgreSQL through a pgx pool, so
// that several servers behind a load balancer share it.
package pgstore

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is a feedback.Store on a PostgreSQL database.
type Store struct {
	pool   *pgxpool.Pool
	batch  *feedback.Batcher
	closed atomic.Bool
}

var _ feedback.Store = (*Store)(nil)

// Pool settings. A dead connection is found by the pool's health check,
// by the ping before reusing one that sat idle, or by the query that
// fails on it, and is then dropped: the pool heals by itself when the
// server comes back.
const (
	connectTimeout    = 5 * time.Second
	healthCheckPeriod = 15 * time.Second
)

// Open connects to the database at url (postgres://...) and brings its
// schema up to date. The URL may set the schema with search_path.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx's message may quote the URL, password included.
		return nil, fmt.Errorf("feedback database URL is not a valid postgres:// URL")
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	cfg.HealthCheckPeriod = healthCheckPeriod
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, wrap(ctx, "connect to feedback database", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, wrap(ctx, "connect to feedback database", err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("feedback database: %w", err)
	}
	s := &Store{pool: pool}
	s.batch = feedback.NewBatcher(s.write, 0, 0)
	return s, nil
}

// Close writes the pending entries, then closes the pool.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	_ = s.batch.Close()
	s.pool.Close()
	return nil
}
