package feedback

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// ErrSchemaTooNew is returned when a database's schema is newer than the
// newest migration this program knows: a newer handbook wrote to it.
var ErrSchemaTooNew = errors.New("feedback database schema is newer than this program")

// Migration is one numbered schema change, read from a file named
// NNNN_name.sql, such as 0001_feedback.sql.
type Migration struct {
	Version int    // NNNN: 1, 2, 3, ... without gaps
	Name    string // the file's name
	SQL     string // the statements
}

// ParseMigrations reads the migrations in dir of fsys: every file ending
// in .sql, named with its version number, an underscore and a name. They
// come back in order; versions must start at 1 and have no gaps or
// duplicates.
func ParseMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	files, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []Migration
	for _, f := range files {
		name := f.Name()
		if f.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql with NNNN a positive number", name)
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		ms = append(ms, Migration{Version: v, Name: name, SQL: string(b)})
	}
	if len(ms) == 0 {
		return nil, fmt.Errorf("no migrations in %s", dir)
	}
	slices.SortFunc(ms, func(a, b Migration) int { return a.Version - b.Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d (versions start at 1, without gaps or duplicates)", m.Name, i+1)
		}
	}
	return ms, nil
}

// PendingMigrations returns the migrations of ms that a database at
// schema version current lacks, or an error wrapping ErrSchemaTooNew when
// current is newer than the last of ms.
func PendingMigrations(ms []Migration, current int) ([]Migration, error) {
	known := len(ms)
	if current > known {
		return nil, fmt.Errorf("%w: database at schema version %d, this handbook knows up to %d: upgrade handbook", ErrSchemaTooNew, current, known)
	}
	if current < 0 {
		return nil, fmt.Errorf("database reports schema version %d", current)
	}
	return ms[current:], nil
}
