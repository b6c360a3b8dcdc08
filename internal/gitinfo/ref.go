package gitinfo

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode"
)

// ErrUnknownRef is returned by ResolveRef, OpenTree and OpenWith when a
// name is neither a branch, a tag nor a commit of the repository, nor a
// branch of its origin remote. It is wrapped with a message saying how to
// get the ref.
var ErrUnknownRef = errors.New("unknown git ref")

// ResolveRef finds the commit a version names and returns its full hash.
// name is looked up as git rev-parse does (a branch, a tag, a commit hash),
// then as "origin/"+name, since CI clones often hold only remote-tracking
// branches. When dir is not in a git work tree, or git is not installed,
// the error matches ErrNotRepo; when neither name resolves to a commit, it
// matches ErrUnknownRef. Names starting with "-" or holding white space,
// control characters or ".." are refused.
func ResolveRef(ctx context.Context, dir, name string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("resolve git ref %q in %s: %w", name, dir, err)
	}
	return resolveRef(ctx, runner{dir: abs, env: gitEnv()}, name)
}

// resolveRef is ResolveRef with a runner.
func resolveRef(ctx context.Context, g runner, name string) (string, error) {
	if err := checkRefName(name); err != nil {
		return "", err
	}
	for _, cand := range []string{name, "origin/" + name} {
		out, err := g.run(ctx, "rev-parse", "--verify", "--quiet", "--end-of-options", cand+"^{commit}")
		switch {
		case err == nil:
			return strings.TrimSpace(string(out)), nil
		case errors.Is(err, exec.ErrNotFound):
			return "", fmt.Errorf("%w: git is not installed", ErrNotRepo)
		case exitCode(err) == 1: // no such commit: try the next name
		case exitCode(err) > 1:
			return "", fmt.Errorf("%w: %s", ErrNotRepo, err)
		default:
			return "", fmt.Errorf("resolve git ref %q: %w", name, err)
		}
	}
	return "", fmt.Errorf("%w %q: neither %q nor %q names a commit; fetch it (git fetch origin %s) "+
		"or pick one of the branches listed by git branch -a", ErrUnknownRef, name, name, "origin/"+name, name)
}

// checkRefName refuses names that git could take for an option or that
// are no branch or tag name: empty, starting with "-", or holding white
// space, control characters or "..".
func checkRefName(name string) error {
	bad := name == "" || strings.HasPrefix(name, "-") || strings.Contains(name, "..") ||
		strings.ContainsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
	if bad {
		return fmt.Errorf("%w %q: not a valid branch, tag or commit name", ErrUnknownRef, name)
	}
	return nil
}
