package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/handbookhq/handbook/internal/check"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/linkcheck"
	"github.com/handbookhq/handbook/internal/site"
)

// linkCacheName is the file, in the data folder, where --external keeps
// what it learnt of each URL between runs.
const linkCacheName = "linkcheck.json"

// checkFailed is the error of a check that found errors (or, with
// --strict, warnings). Its message is the summary line; the diagnostics
// are already printed.
type checkFailed struct{ summary string }

func (e checkFailed) Error() string { return e.summary }

func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags("check", "[SOURCE]", "Check the handbook in SOURCE (default \".\") and report what is broken, as a compiler does:\n"+
		"diagnostics on standard output, the summary line on standard error. Exit code 1 when there are errors\n"+
		"(with --strict, also warnings), 2 for a usage error.", e.stderr)
	format := fs.String("format", "text", "output `format`: text, json or github (GitHub Actions annotations)")
	strict := fs.Bool("strict", false, "fail on warnings too")
	external := fs.Bool("external", false, "also check links and images to other sites (needs the network; results are cached in SOURCE/.handbook/"+linkCacheName+")")
	config := fs.String("config", "", "configuration `file` (default SOURCE/handbook.yaml)")
	pos, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	if !slices.Contains(check.Formats, *format) {
		return fmt.Errorf("%w: unknown format %q: use %s", errUsage, *format, strings.Join(check.Formats, ", "))
	}
	source, fsys := chooseSource(pos, *config, e.stderr, "checking")
	r, err := check.Run(ctx, source, check.Options{ConfigFile: *config, FS: fsys, Logger: e.log})
	if err != nil {
		return err
	}
	if *external && r.Book != nil {
		cache, err := linkCache(source, fsys != nil)
		if err != nil {
			return err
		}
		ds, err := checkExternal(ctx, e, r.External, cache)
		if err != nil {
			return fmt.Errorf("check external links: %w", err)
		}
		r.Add(ds...)
	}
	switch *format {
	case "json":
		err = r.WriteJSON(e.stdout)
	case "github":
		paths := githubPaths(source, *config)
		if fsys != nil {
			paths = nil
		}
		err = r.WriteGitHub(e.stdout, paths)
	default:
		err = r.WriteText(e.stdout)
	}
	if err != nil {
		return err
	}
	if r.Failed(*strict) {
		return checkFailed{r.Summary()}
	}
	fmt.Fprintln(e.stderr, r.Summary())
	return nil
}

// githubPaths maps a file named in a diagnostic (relative to source, or
// the --config file as given) to a path relative to the repository root,
// as GitHub's annotations need: the workspace ($GITHUB_WORKSPACE) in a
// GitHub Actions job, the current folder elsewhere.
func githubPaths(source, config string) func(string) string {
	root := os.Getenv("GITHUB_WORKSPACE")
	if root == "" {
		root = "."
	}
	rel := func(p string) string {
		abs, err := filepath.Abs(p)
		if err != nil {
			return filepath.ToSlash(p)
		}
		absRoot, err := filepath.Abs(root)
		if err != nil {
			return filepath.ToSlash(p)
		}
		r, err := filepath.Rel(absRoot, abs)
		if err != nil {
			return filepath.ToSlash(p)
		}
		return filepath.ToSlash(r)
	}
	base := rel(source)
	return func(file string) string {
		if config != "" && file == config {
			return rel(config)
		}
		return path.Join(base, file)
	}
}

// linkCache returns the file where --external keeps its results:
// SOURCE/.handbook/linkcheck.json, or the user's cache folder for the
// built-in documentation. It makes sure the data folder is not committed.
func linkCache(source string, builtIn bool) (string, error) {
	if builtIn {
		dir, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("no cache folder for external links: %w", err)
		}
		return filepath.Join(dir, "handbook", linkCacheName), nil
	}
	dir := filepath.Join(source, ".handbook")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("make data folder: %w", err)
	}
	ignore := filepath.Join(dir, ".gitignore")
	if _, err := os.Stat(ignore); errors.Is(err, os.ErrNotExist) {
		_ = os.WriteFile(ignore, []byte("# handbook's data: not part of the handbook\n*\n"), 0o644)
	}
	return filepath.Join(dir, linkCacheName), nil
}

// checkExternal checks the links to other sites and returns the broken
// ones, keeping what it learns in the file cache. On a terminal it shows
// how many URLs are done.
func checkExternal(ctx context.Context, e *env, links []site.ExternalLink, cache string) (diag.List, error) {
	ls := make([]linkcheck.Link, len(links))
	for i, l := range links {
		ls[i] = linkcheck.Link{URL: l.URL, Pos: l.Pos}
	}
	o := linkcheck.Options{CacheFile: cache, Logger: e.log}
	if isTerminal(e.stderr) {
		o.Progress = newProgress(e.stderr, "checking links")
	}
	return linkcheck.Check(ctx, ls, o)
}
