package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/handbookhq/handbook/internal/diag"
)

// Version is the handbook version, set at link time with
// -ldflags "-X github.com/handbookhq/handbook/internal/cli.Version=v1.2.3".
var Version = "dev"

// env is what a command may touch of the outside world.
type env struct {
	stdout, stderr io.Writer
	log            *slog.Logger
	// chromePaths, when set, replaces the usual install paths of the
	// browser, so tests can show what happens without one.
	chromePaths *[]string
}

type command struct {
	name, summary string
	run           func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"build", "build the static site", runBuild},
		{"check", "report broken links, missing files and other problems", runCheck},
		{"serve", "build and serve the site locally", runServe},
		{"pdf", "print the handbook, a section or a page to PDF", runPDF},
		{"mcp", "answer the Model Context Protocol on stdin/stdout", runMCP},
		{"feedback", "export the readers' feedback", runFeedback},
		{"version", "print the version", runVersion},
	}
}

// errUsage marks errors in how the command was called (exit code 2).
var errUsage = errors.New("usage")

// Main runs the command line and returns the process exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return run(ctx, newEnv(stdout, stderr), args)
}

func newEnv(stdout, stderr io.Writer) *env {
	return &env{stdout: stdout, stderr: stderr, log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
}

// run runs the command line in e and returns the exit code.
func run(ctx context.Context, e *env, args []string) int {
	stderr := e.stderr
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			if msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "usage"), ": "); msg != "" {
				fmt.Fprintf(stderr, "handbook %s: %s\n", c.name, msg)
			}
			return 2
		}
		var dl diag.List
		if errors.As(err, &dl) {
			fmt.Fprintln(stderr, dl.Error())
			fmt.Fprintf(stderr, "handbook: %s failed with %d error(s)\n", c.name, len(dl.Errors()))
			return 1
		}
		fmt.Fprintf(stderr, "handbook: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "handbook: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "handbook publishes a GitBook-format repository as a handbook website.")
	fmt.Fprintln(w, "\nUsage:\n  handbook <command> [flags] [SOURCE]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"handbook <command> -h\" for a command's flags.")
}

// newFlags makes a flag set that reports usage errors instead of exiting.
func newFlags(name, args, summary string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: handbook %s [flags] %s\n\n%s\n\nFlags:\n", name, args, summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, allowing them after positional arguments too, and
// returns at most max positional arguments.
func parse(fs *flag.FlagSet, args []string, max int) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) > max {
		return nil, fmt.Errorf("%w: too many arguments: %s", errUsage, strings.Join(pos, " "))
	}
	return pos, nil
}

// isTerminal reports whether w is an interactive terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func runVersion(_ context.Context, e *env, args []string) error {
	fs := newFlags("version", "", "Print the version.", e.stderr)
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "handbook %s\n", Version)
	return nil
}
