package gitinfo

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// Place says where a folder is in its git repository.
type Place struct {
	Top    string // the repository's top level (absolute)
	Prefix string // the folder relative to Top, slash-separated: "." for the top
	Head   string // the commit checked out; "" in a repository without commits
	Branch string // the branch checked out; "" when HEAD is detached
}

// Where finds the repository holding dir without reading its history.
// When dir is not in a git work tree, or git is not installed, the error
// matches ErrNotRepo.
func Where(ctx context.Context, dir string) (Place, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Place{}, fmt.Errorf("find the git repository of %s: %w", dir, err)
	}
	g := runner{dir: abs, env: gitEnv()}
	out, err := g.run(ctx, "rev-parse", "--show-toplevel", "--show-prefix")
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return Place{}, fmt.Errorf("%w: git is not installed", ErrNotRepo)
	case exitCode(err) > 0:
		return Place{}, fmt.Errorf("%w: %s", ErrNotRepo, err)
	case err != nil:
		return Place{}, fmt.Errorf("find the git repository of %s: %w", dir, err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\r\n"), "\n")
	p := Place{Top: filepath.FromSlash(lines[0]), Prefix: "."}
	if len(lines) > 1 && strings.Trim(lines[1], "/") != "" {
		p.Prefix = strings.Trim(lines[1], "/")
	}
	if out, err := g.run(ctx, "rev-parse", "--verify", "--quiet", "HEAD^{commit}"); err == nil {
		p.Head = strings.TrimSpace(string(out))
	}
	if p.Branch, err = Branch(ctx, abs); err != nil {
		return Place{}, err
	}
	return p, nil
}
