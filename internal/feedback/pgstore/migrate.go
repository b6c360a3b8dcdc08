package pgstore

import (
	"context"
	"embed"
	"log/slog"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrate applies the migrations the schema lacks in one transaction.
// A transaction-scoped advisory lock, keyed on the schema, makes servers
// that start together wait for each other instead of racing.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	ms, err := feedback.ParseMigrations(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	tx, err := pool.Begin(ctx)
	if err != nil {
		return wrap(ctx, "migrate: begin", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('handbook feedback migrations ' || current_schema()))`); err != nil {
		return wrap(ctx, "migrate: lock", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    integer     PRIMARY KEY,
		applied_at timestamptz NOT NULL DEFAULT now()
	)`); err != nil {
		return wrap(ctx, "migrate: create schema_migrations", err)
	}
	var current int
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return wrap(ctx, "migrate: read schema version", err)
	}
	pending, err := feedback.PendingMigrations(ms, current)
	if err != nil {
		return err
	}
	for _, m := range pending {
		// Without arguments pgx sends the file as one simple query, so
		// it may hold several statements.
		if _, err := tx.Exec(ctx, m.SQL); err != nil {
			return wrap(ctx, "migrate: apply "+m.Name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, m.Version); err != nil {
			return wrap(ctx, "migrate: record "+m.Name, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return wrap(ctx, "migrate: commit", err)
	}
	if len(pending) > 0 {
		slog.InfoContext(ctx, "feedback database migrated", "store", "postgres", "from", current, "to", len(ms))
	}
	return nil
}
