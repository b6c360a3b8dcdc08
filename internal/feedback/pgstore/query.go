package pgstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/jackc/pgx/v5"
)

// ms is t in UTC, cut to the millisecond, as the SQLite store keeps it.
func ms(t time.Time) time.Time { return time.UnixMilli(t.UnixMilli()).UTC() }

// Add stores e; see feedback.Store. Concurrent Adds share a transaction.
func (s *Store) Add(ctx context.Context, e feedback.Entry) error {
	return s.batch.Add(ctx, e)
}

var columns = []string{"id", "created", "page", "rating", "comment", "version"}

// write inserts es with one COPY, a single statement: all rows or none.
func (s *Store) write(ctx context.Context, es []feedback.Entry) error {
	_, err := s.pool.CopyFrom(ctx, pgx.Identifier{"feedback"}, columns, pgx.CopyFromSlice(len(es), func(i int) ([]any, error) {
		e := es[i]
		return []any{e.ID, ms(e.Time), e.Page, string(e.Rating), e.Comment, e.Version}, nil
	}))
	if err != nil {
		return wrap(ctx, "add feedback", err)
	}
	return nil
}

// Amend sets the rating and comment of an entry; see feedback.Store.
func (s *Store) Amend(ctx context.Context, id string, r feedback.Rating, comment string, since time.Time) error {
	if s.closed.Load() {
		return feedback.ErrClosed
	}
	if _, err := feedback.ParseRating(string(r)); err != nil {
		return err
	}
	tag, err := s.pool.Exec(ctx, `UPDATE feedback SET rating = $1, comment = $2 WHERE id = $3 AND created >= $4`,
		string(r), comment, id, ms(since))
	if err != nil {
		return wrap(ctx, "amend feedback", err)
	}
	if tag.RowsAffected() == 0 {
		return feedback.ErrNotFound
	}
	return nil
}

// where is the WHERE clause selecting f, with its arguments.
func where(f feedback.Filter, conds ...string) (string, []any) {
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if !f.From.IsZero() {
		conds = append(conds, "created >= "+arg(ms(f.From)))
	}
	if !f.To.IsZero() {
		conds = append(conds, "created < "+arg(ms(f.To)))
	}
	if f.Pages != nil {
		conds = append(conds, "page = ANY("+arg(f.Pages)+")")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// order sorts pages byte by byte, as SQLite does, whatever the
// database's collation, and ratings as feedback.Ratings does.
const (
	pageOrder   = `page COLLATE "C"`
	ratingOrder = `CASE rating WHEN 'good' THEN 0 WHEN 'ok' THEN 1 ELSE 2 END`
)

// Counts counts entries per page, UTC day and rating; see feedback.Store.
func (s *Store) Counts(ctx context.Context, f feedback.Filter) ([]feedback.Count, error) {
	if s.closed.Load() {
		return nil, feedback.ErrClosed
	}
	w, args := where(f)
	rows, err := s.pool.Query(ctx, `SELECT page, (created AT TIME ZONE 'UTC')::date AS day, rating, count(*) FROM feedback`+w+
		` GROUP BY page, day, rating ORDER BY `+pageOrder+`, day, `+ratingOrder, args...)
	if err != nil {
		return nil, wrap(ctx, "count feedback", err)
	}
	defer rows.Close()
	var cs []feedback.Count
	for rows.Next() {
		var c feedback.Count
		var r string
		if err := rows.Scan(&c.Page, &c.Day, &r, &c.N); err != nil {
			return nil, wrap(ctx, "count feedback", err)
		}
		c.Day = time.Date(c.Day.Year(), c.Day.Month(), c.Day.Day(), 0, 0, 0, 0, time.UTC)
		c.Rating = feedback.Rating(r)
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(ctx, "count feedback", err)
	}
	return cs, nil
}

const selectSQL = `SELECT id, created, page, rating, comment, version FROM feedback`

// Comments returns up to limit entries with a comment, newest first.
func (s *Store) Comments(ctx context.Context, f feedback.Filter, limit int) ([]feedback.Entry, error) {
	if s.closed.Load() {
		return nil, feedback.ErrClosed
	}
	if limit <= 0 {
		return nil, fmt.Errorf("comments: limit must be positive, not %d", limit)
	}
	w, args := where(f, "comment <> ''")
	args = append(args, limit)
	rows, err := s.pool.Query(ctx, selectSQL+w+fmt.Sprintf(` ORDER BY created DESC, seq DESC LIMIT $%d`, len(args)), args...)
	if err != nil {
		return nil, wrap(ctx, "list comments", err)
	}
	defer rows.Close()
	var es []feedback.Entry
	for rows.Next() {
		e, err := scan(rows)
		if err != nil {
			return nil, wrap(ctx, "list comments", err)
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap(ctx, "list comments", err)
	}
	return es, nil
}

// Each calls fn with every selected entry, oldest first, reading them
// from the server as it goes.
func (s *Store) Each(ctx context.Context, f feedback.Filter, fn func(feedback.Entry) error) error {
	if s.closed.Load() {
		return feedback.ErrClosed
	}
	w, args := where(f)
	rows, err := s.pool.Query(ctx, selectSQL+w+` ORDER BY created, seq`, args...)
	if err != nil {
		return wrap(ctx, "read feedback", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scan(rows)
		if err != nil {
			return wrap(ctx, "read feedback", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return wrap(ctx, "read feedback", err)
	}
	return nil
}

// scan reads one row of selectSQL.
func scan(rows pgx.Rows) (feedback.Entry, error) {
	var e feedback.Entry
	var r string
	if err := rows.Scan(&e.ID, &e.Time, &e.Page, &r, &e.Comment, &e.Version); err != nil {
		return e, err
	}
	e.Time = e.Time.UTC()
	e.Rating = feedback.Rating(r)
	return e, nil
}
