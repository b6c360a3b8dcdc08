package gitinfo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
)

// ErrNotRepo is returned by Open when the directory is not inside a git
// work tree or git is not installed. It may be wrapped with git's own
// message (for example about a "dubious ownership" refusal).
var ErrNotRepo = errors.New("not a git repository")

// Repo holds the facts read from one git repository by Open.
type Repo struct {
	Dir    string // repository top level (absolute)
	Branch string // current branch ("" when detached)
	Remote string // origin URL as configured ("" when none)

	updated map[string]time.Time // key: path relative to Dir, slash-separated
	commits []Commit             // the newest commits, newest first
}

// MaxCommits is how many of the newest commits Open keeps for Commits.
const MaxCommits = 200

// Commit is one commit of the history, as Commits lists it.
type Commit struct {
	Hash    string    // full object name
	Time    time.Time // committer date, in the committer's time zone
	Author  string    // author name, as .mailmap maps it
	Subject string    // first line (paragraph) of the message
	// Files are the paths the commit changed, slash-separated and relative
	// to the repository top; a rename lists both names. Merge commits list
	// none.
	Files []string
}

// OpenOptions tunes Open.
type OpenOptions struct {
	// Pathspec, when not empty, limits the history read to this path,
	// relative to the directory given to Open (for example the book's
	// content root). Dates of files outside it are then unknown.
	Pathspec string
	// Ref, when not empty, is the branch, tag or commit whose history is
	// read instead of HEAD's, resolved as ResolveRef does (falling back to
	// "origin/"+Ref). Repo.Branch is then Ref exactly as given.
	Ref string
}

// Open finds the git repository containing dir, reads its branch and origin,
// and reads the last-change date of every file and the newest commits in
// one git log process.
// When dir is not in a git work tree, or git is not installed, it returns
// an error matching ErrNotRepo.
func Open(ctx context.Context, dir string) (*Repo, error) {
	return OpenWith(ctx, dir, OpenOptions{})
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, dir string, o OpenOptions) (*Repo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("open git repository %s: %w", dir, err)
	}
	g := runner{dir: abs, env: gitEnv()}
	out, err := g.run(ctx, "rev-parse", "--show-toplevel")
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, fmt.Errorf("%w: git is not installed", ErrNotRepo)
	case exitCode(err) > 0:
		return nil, fmt.Errorf("%w: %s", ErrNotRepo, err)
	case err != nil:
		return nil, fmt.Errorf("open git repository %s: %w", dir, err)
	}
	r := &Repo{Dir: filepath.FromSlash(strings.TrimRight(string(out), "\r\n"))}

	eg, ctx := errgroup.WithContext(ctx)
	eg.Go(func() error {
		if o.Ref != "" {
			r.Branch = o.Ref
			return nil
		}
		out, err := g.run(ctx, "symbolic-ref", "--quiet", "--short", "HEAD")
		if exitCode(err) == 1 { // detached HEAD
			return nil
		}
		r.Branch = strings.TrimSpace(string(out))
		return err
	})
	eg.Go(func() error {
		out, err := g.run(ctx, "config", "--get", "remote.origin.url")
		if exitCode(err) == 1 { // no origin
			return nil
		}
		r.Remote = strings.TrimSpace(string(out))
		return err
	})
	eg.Go(func() error {
		h, err := readDates(ctx, g, o.Pathspec, o.Ref)
		r.updated, r.commits = h.updated, h.commits
		return err
	})
	if err := eg.Wait(); err != nil {
		return nil, fmt.Errorf("open git repository %s: %w", r.Dir, err)
	}
	return r, nil
}

// logFormat is the header git log writes for each commit: see readDates.
const logFormat = "\x01%ct %ci %H%x00%aN%x00%s"

// history is what readDates learns from the log.
type history struct {
	updated map[string]time.Time
	commits []Commit
}

// readDates runs one git log, newest first, listing the files each commit
// touched; the first time a path appears is its last change. The newest
// MaxCommits commits are kept with their hash, author and subject. The
// history is HEAD's, or ref's when ref is not empty.
func readDates(ctx context.Context, g runner, pathspec, ref string) (history, error) {
	// Each commit starts with "\x01<unix seconds> <ISO date> <hash>", then
	// NUL, author, NUL, subject. Neither a name nor a message can hold a
	// NUL byte (git refuses them), and %s never holds a newline, so the
	// newline git writes after the subject starts the list of paths.
	args := []string{
		"-c", "diff.relative=false", "-c", "log.showRoot=true",
		"log", "--format=format:" + logFormat, "--name-only", "-z",
		"--no-renames", "--no-color", "--no-show-signature",
	}
	if ref != "" {
		commit, err := resolveRef(ctx, g, ref)
		if err != nil {
			return history{}, err
		}
		args = append(args, commit)
	}
	args = append(args, "--")
	if pathspec != "" {
		args = append(args, ":(literal)"+pathspec)
	}
	out, err := g.run(ctx, args...)
	if err != nil {
		// A repository without commits has no history to read.
		if _, herr := g.run(ctx, "rev-parse", "--quiet", "--verify", "HEAD"); ref == "" && exitCode(herr) == 1 {
			return history{updated: map[string]time.Time{}}, nil
		}
		return history{}, err
	}
	return parseHistory(out, MaxCommits)
}

// parseHistory reads the output of readDates's git log, keeping at most
// keep commits. Records are separated by NUL bytes. A commit starts with
// "\x01<unix seconds> <ISO date> <hash>"; the next two records are the
// author and the subject, and the subject ends with a newline directly
// followed by the commit's first path.
func parseHistory(out []byte, keep int) (history, error) {
	h := history{updated: make(map[string]time.Time, 1024)}
	var cur time.Time
	var commit *Commit // the commit being read, when it is kept
	next := func() []byte {
		rec := out
		if i := bytes.IndexByte(out, 0); i >= 0 {
			rec, out = out[:i], out[i+1:]
		} else {
			out = nil
		}
		return rec
	}
	for len(out) > 0 {
		rec := next()
		if len(rec) > 0 && rec[0] == '\x01' {
			head := string(rec[1:])
			i := strings.LastIndexByte(head, ' ')
			t, err := parseDate(head[:max(i, 0)])
			if err != nil {
				return history{}, fmt.Errorf("read git log: %w", err)
			}
			author := string(next())
			subject, first, _ := bytes.Cut(next(), []byte{'\n'})
			cur, rec, commit = t, first, nil
			if len(h.commits) < keep {
				h.commits = append(h.commits, Commit{Hash: head[i+1:], Time: t, Author: author, Subject: string(subject)})
				commit = &h.commits[len(h.commits)-1]
			}
		}
		if len(rec) == 0 {
			continue
		}
		p := string(rec)
		if _, seen := h.updated[p]; !seen {
			h.updated[p] = cur
		}
		if commit != nil {
			commit.Files = append(commit.Files, p)
		}
	}
	return h, nil
}

// parseDate parses "<unix seconds> <yyyy-mm-dd hh:mm:ss ±hhmm>" (git's %ct
// and %ci) into a time in the committer's zone. Git has no placeholder for
// the committer's zone alone, so it is taken from the end of %ci.
func parseDate(s string) (time.Time, error) {
	secs, iso, _ := strings.Cut(s, " ")
	zone := iso[max(0, len(iso)-5):]
	n, err := strconv.ParseInt(secs, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("commit date %q: %w", s, err)
	}
	t := time.Unix(n, 0)
	if len(zone) == 5 && (zone[0] == '+' || zone[0] == '-') {
		hh, err1 := strconv.Atoi(zone[1:3])
		mm, err2 := strconv.Atoi(zone[3:5])
		if err1 == nil && err2 == nil {
			off := (hh*60 + mm) * 60
			if zone[0] == '-' {
				off = -off
			}
			return t.In(time.FixedZone(zone, off)), nil
		}
	}
	return t.UTC(), nil
}

// Updated returns the committer date of the last commit that changed path,
// a slash-separated path relative to the repository top. The date is in
// the committer's time zone. It reports false for paths git never tracked
// and on a nil Repo.
func (r *Repo) Updated(path string) (time.Time, bool) {
	if r == nil {
		return time.Time{}, false
	}
	t, ok := r.updated[cleanPath(path)]
	return t, ok
}

// Commits returns the newest commits of the history read (at most
// MaxCommits), newest first in git log's order. Only commits that touch
// the Pathspec given to OpenWith are listed. It returns nil on a nil Repo.
// The caller must not modify the result.
func (r *Repo) Commits() []Commit {
	if r == nil {
		return nil
	}
	return r.commits
}

// Len returns how many paths have a known date.
func (r *Repo) Len() int {
	if r == nil {
		return 0
	}
	return len(r.updated)
}

// Rel returns the slash-separated path of file relative to the repository
// top, as Updated and EditURL expect. file may be absolute or relative to
// the current directory; symbolic links in it are resolved when needed.
func (r *Repo) Rel(file string) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", fmt.Errorf("resolve %s: %w", file, err)
	}
	if rel, ok := within(r.Dir, abs); ok {
		return rel, nil
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err == nil {
		if rel, ok := within(r.Dir, filepath.Join(dir, filepath.Base(abs))); ok {
			return rel, nil
		}
	}
	return "", fmt.Errorf("resolve %s: outside repository %s", file, r.Dir)
}

// within returns p relative to dir, slash-separated, if p is inside dir.
func within(dir, p string) (string, bool) {
	rel, err := filepath.Rel(dir, p)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// EditURL returns the "edit this page" URL of path, a slash-separated path
// relative to the repository top: see EditURLFor. On a nil Repo only tmpl
// can give a URL.
func (r *Repo) EditURL(tmpl, path string) string {
	if r == nil {
		return EditURLFor("", "", tmpl, path)
	}
	return EditURLFor(r.Remote, r.Branch, tmpl, path)
}

// cleanPath turns a path given by a caller into the form git prints.
func cleanPath(p string) string {
	p = path.Clean("/" + filepath.ToSlash(p))
	return strings.TrimPrefix(p, "/")
}

// Branch returns the current branch of the git repository containing dir,
// without reading its history: "" when HEAD is detached. When dir is not
// in a git work tree, or git is not installed, the error matches
// ErrNotRepo.
func Branch(ctx context.Context, dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("read git branch of %s: %w", dir, err)
	}
	g := runner{dir: abs, env: gitEnv()}
	out, err := g.run(ctx, "symbolic-ref", "--quiet", "--short", "HEAD")
	switch {
	case err == nil:
		return strings.TrimSpace(string(out)), nil
	case errors.Is(err, exec.ErrNotFound):
		return "", fmt.Errorf("%w: git is not installed", ErrNotRepo)
	case exitCode(err) == 1:
		return "", nil // detached HEAD
	case exitCode(err) > 1:
		return "", fmt.Errorf("%w: %s", ErrNotRepo, err)
	}
	return "", fmt.Errorf("read git branch of %s: %w", dir, err)
}
