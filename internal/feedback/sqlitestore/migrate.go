package sqlitestore

import (
	"context"
	"database/sql"
	"embed"
	"log/slog"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrate applies the migrations the database lacks, in one transaction
// that holds the write lock, so two servers starting together on one
// file apply each migration once.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := feedback.ParseMigrations(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("migrate: begin", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		applied_at INTEGER NOT NULL
	)`); err != nil {
		return wrap("migrate: create schema_migrations", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&current); err != nil {
		return wrap("migrate: read schema version", err)
	}
	pending, err := feedback.PendingMigrations(ms, current)
	if err != nil {
		return err
	}
	for _, m := range pending {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return wrap("migrate: apply "+m.Name, err)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", m.Version, time.Now().UnixMilli()); err != nil {
			return wrap("migrate: record "+m.Name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return wrap("migrate: commit", err)
	}
	if len(pending) > 0 {
		slog.InfoContext(ctx, "feedback database migrated", "store", "sqlite", "from", current, "to", len(ms))
	}
	return nil
}
