package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/feedback/sqlitestore"
)

// feedbackCommands are the subcommands of "handbook feedback".
var feedbackCommands = []struct{ name, summary string }{
	{"export", "write the feedback as CSV or JSON"},
}

// runFeedback runs a subcommand of "handbook feedback".
func runFeedback(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		feedbackUsage(e.stderr)
		return errUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		feedbackUsage(e.stderr)
		return nil
	case "export":
		return runFeedbackExport(ctx, e, args[1:])
	}
	feedbackUsage(e.stderr)
	return fmt.Errorf("%w: unknown subcommand %q", errUsage, args[0])
}

func feedbackUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage:\n  handbook feedback <subcommand> [flags] [SOURCE]\n\nSubcommands:")
	for _, c := range feedbackCommands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"handbook feedback <subcommand> -h\" for a subcommand's flags.")
}

// runFeedbackExport writes the feedback kept for the handbook in SOURCE
// to standard output or a file.
func runFeedbackExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags("feedback export", "[SOURCE]",
		"Write the feedback kept for the handbook in SOURCE (default \".\") as CSV or JSON, oldest first,\nreading the database \"handbook serve\" keeps it in.", e.stderr)
	format := fs.String("format", "csv", "output `format`: csv or json")
	since := fs.String("since", "", "only feedback given on or after this `date` (YYYY-MM-DD, UTC)")
	until := fs.String("until", "", "only feedback given on or before this `date` (YYYY-MM-DD, UTC)")
	out := fs.String("out", "", "write to this `file` instead of standard output")
	var sf storeFlags
	sf.register(fs)
	pos, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	var write func(context.Context, io.Writer, feedback.Store, feedback.Filter) error
	switch *format {
	case "csv":
		write = feedback.WriteCSV
	case "json":
		write = feedback.WriteJSON
	default:
		return fmt.Errorf("%w: --format must be csv or json, not %q", errUsage, *format)
	}
	var f feedback.Filter
	if f.From, err = parseDay("since", *since); err != nil {
		return err
	}
	if f.To, err = parseDay("until", *until); err != nil {
		return err
	}
	if !f.To.IsZero() {
		f.To = f.To.AddDate(0, 0, 1) // the whole day
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return fmt.Errorf("%w: --since must not be after --until", errUsage)
	}
	source := "."
	if len(pos) == 1 {
		source = pos[0]
	}

	if sf.db == "" {
		// Exporting must not create an empty database where there is none.
		dir, err := sf.dataDir(source)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, sqlitestore.FileName)
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("no feedback database at %s (give --data or --db): %w", path, err)
		}
	}
	st, _, err := sf.open(ctx, source)
	if err != nil {
		return err
	}
	defer st.Close()

	if *out == "" {
		bw := bufio.NewWriter(e.stdout)
		if err := write(ctx, bw, st, f); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("write standard output: %w", err)
		}
		return nil
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return write(ctx, w, st, f) })
}

// parseDay reads a YYYY-MM-DD flag as midnight UTC; "" is the zero time.
func parseDay(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: --%s must be a date such as 2024-03-31, not %q", errUsage, flag, s)
	}
	return t, nil
}

// writeFileAtomic writes a file through fn: into a temporary file in the
// same folder, renamed over path once complete, so that path is never
// half-written.
func writeFileAtomic(path string, fn func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err := fn(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
