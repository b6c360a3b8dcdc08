package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

const insertSQL = `INSERT INTO feedback (id, created, page, rating, comment, version) VALUES (?, ?, ?, ?, ?, ?)`

// Add stores e; see feedback.Store. Concurrent Adds share a transaction.
func (s *Store) Add(ctx context.Context, e feedback.Entry) error {
	return s.batch.Add(ctx, e)
}

// write inserts es in one transaction, with one fsync at its commit.
func (s *Store) write(ctx context.Context, es []feedback.Entry) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return wrap("add feedback: begin", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, insertSQL)
	if err != nil {
		return wrap("add feedback: prepare", err)
	}
	defer stmt.Close()
	for _, e := range es {
		if _, err := stmt.ExecContext(ctx, e.ID, e.Time.UnixMilli(), e.Page, string(e.Rating), e.Comment, e.Version); err != nil {
			return wrap("add feedback", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return wrap("add feedback: commit", err)
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
	res, err := s.db.ExecContext(ctx, `UPDATE feedback SET rating = ?, comment = ? WHERE id = ? AND created >= ?`,
		string(r), comment, id, since.UnixMilli())
	if err != nil {
		return wrap("amend feedback", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return wrap("amend feedback", err)
	}
	if n == 0 {
		return feedback.ErrNotFound
	}
	return nil
}

// where is the WHERE clause selecting f, with its arguments.
func where(f feedback.Filter, conds ...string) (string, []any) {
	var args []any
	if !f.From.IsZero() {
		conds = append(conds, "created >= ?")
		args = append(args, f.From.UnixMilli())
	}
	if !f.To.IsZero() {
		conds = append(conds, "created < ?")
		args = append(args, f.To.UnixMilli())
	}
	if f.Pages != nil {
		if len(f.Pages) == 0 {
			conds = append(conds, "0")
		} else {
			conds = append(conds, "page IN (?"+strings.Repeat(", ?", len(f.Pages)-1)+")")
			for _, p := range f.Pages {
				args = append(args, p)
			}
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// ratingOrder orders ratings as feedback.Ratings does.
const ratingOrder = `CASE rating WHEN 'good' THEN 0 WHEN 'ok' THEN 1 ELSE 2 END`

// Counts counts entries per page, UTC day and rating; see feedback.Store.
func (s *Store) Counts(ctx context.Context, f feedback.Filter) ([]feedback.Count, error) {
	if s.closed.Load() {
		return nil, feedback.ErrClosed
	}
	w, args := where(f)
	rows, err := s.db.QueryContext(ctx, `SELECT page, created / 86400000 AS day, rating, COUNT(*) FROM feedback`+w+
		` GROUP BY page, day, rating ORDER BY page, day, `+ratingOrder, args...)
	if err != nil {
		return nil, wrap("count feedback", err)
	}
	defer rows.Close()
	var cs []feedback.Count
	for rows.Next() {
		var c feedback.Count
		var day int64
		var r string
		if err := rows.Scan(&c.Page, &day, &r, &c.N); err != nil {
			return nil, wrap("count feedback", err)
		}
		c.Day = time.UnixMilli(day * 86400000).UTC()
		c.Rating = feedback.Rating(r)
		cs = append(cs, c)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap("count feedback", err)
	}
	return cs, nil
}

// Comments returns up to limit entries with a comment, newest first.
func (s *Store) Comments(ctx context.Context, f feedback.Filter, limit int) ([]feedback.Entry, error) {
	if s.closed.Load() {
		return nil, feedback.ErrClosed
	}
	if limit <= 0 {
		return nil, fmt.Errorf("comments: limit must be positive, not %d", limit)
	}
	w, args := where(f, "comment <> ''")
	rows, err := s.db.QueryContext(ctx, selectSQL+w+` ORDER BY created DESC, rowid DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, wrap("list comments", err)
	}
	defer rows.Close()
	var es []feedback.Entry
	for rows.Next() {
		e, err := scan(rows)
		if err != nil {
			return nil, wrap("list comments", err)
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap("list comments", err)
	}
	return es, nil
}

// Each calls fn with every selected entry, oldest first, reading them
// as it goes.
func (s *Store) Each(ctx context.Context, f feedback.Filter, fn func(feedback.Entry) error) error {
	if s.closed.Load() {
		return feedback.ErrClosed
	}
	w, args := where(f)
	rows, err := s.db.QueryContext(ctx, selectSQL+w+` ORDER BY created, rowid`, args...)
	if err != nil {
		return wrap("read feedback", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scan(rows)
		if err != nil {
			return wrap("read feedback", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return wrap("read feedback", err)
	}
	return nil
}

const selectSQL = `SELECT id, created, page, rating, comment, version FROM feedback`

// scan reads one row of selectSQL.
func scan(rows *sql.Rows) (feedback.Entry, error) {
	var e feedback.Entry
	var ms int64
	var r string
	if err := rows.Scan(&e.ID, &ms, &e.Page, &r, &e.Comment, &e.Version); err != nil {
		return e, err
	}
	e.Time = time.UnixMilli(ms).UTC()
	e.Rating = feedback.Rating(r)
	return e, nil
}
