package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/feedback/pgstore"
	"github.com/handbookhq/handbook/internal/feedback/sqlitestore"
)

// storeFlags choose where feedback is kept.
type storeFlags struct {
	data string // --data: folder of the SQLite file
	db   string // --db: PostgreSQL URL
}

func (sf *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&sf.data, "data", "", "`folder` for the feedback database (default SOURCE/.handbook, or the user's data folder for the built-in documentation)")
	fs.StringVar(&sf.db, "db", os.Getenv("HANDBOOK_DB"), "PostgreSQL `URL` (postgres://...) to keep feedback in instead of SQLite; default $HANDBOOK_DB")
}

// open opens the store the flags name. source is the handbook folder, or
// "" for the built-in documentation. It returns the store and where it is,
// for messages.
func (sf *storeFlags) open(ctx context.Context, source string) (feedback.Store, string, error) {
	if sf.db != "" {
		if !strings.HasPrefix(sf.db, "postgres://") && !strings.HasPrefix(sf.db, "postgresql://") {
			return nil, "", fmt.Errorf("%w: --db must be a postgres:// URL", errUsage)
		}
		st, err := pgstore.Open(ctx, sf.db)
		if err != nil {
			return nil, "", fmt.Errorf("open feedback database: %w", err)
		}
		return st, "PostgreSQL", nil
	}
	dir, err := sf.dataDir(source)
	if err != nil {
		return nil, "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", fmt.Errorf("make data folder: %w", err)
	}
	if source != "" && sf.data == "" {
		// The default folder sits in the repository: keep it out of git.
		ignore := filepath.Join(dir, ".gitignore")
		if _, err := os.Stat(ignore); os.IsNotExist(err) {
			_ = os.WriteFile(ignore, []byte("# handbook's data: not part of the handbook\n*\n"), 0o644)
		}
	}
	path := filepath.Join(dir, sqlitestore.FileName)
	st, err := sqlitestore.Open(ctx, path)
	if err != nil {
		return nil, "", fmt.Errorf("open feedback database: %w", err)
	}
	return st, path, nil
}

// dataDir is the --data folder, or its default.
func (sf *storeFlags) dataDir(source string) (string, error) {
	if sf.data != "" {
		return sf.data, nil
	}
	if source != "" {
		return filepath.Join(source, ".handbook"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "handbook"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no data folder: give --data: %w", err)
	}
	return filepath.Join(home, ".local", "share", "handbook"), nil
}
