// Package hbtest builds handbooks from txtar text for tests, keeping the
// inputs in view in the test body, and asserts on the output.
//
//	b := hbtest.Build(t, `
//	-- SUMMARY.md --
//	* [Home](README.md)
//	-- README.md --
//	# Home
//	`)
//	b.AssertFile("index.html", "<h1 class=\"hb-title\">Home</h1>", "! Page not found")
package hbtest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/site"
)

// Builder is a finished test build.
type Builder struct {
	T      testing.TB
	Source string
	Out    string
	Book   *book.Book
	Result *site.Result
	Err    error
	opts   site.Options
}

// Option changes how Build works.
type Option func(*config)

type config struct {
	site       site.Options
	git        bool
	remote     string
	date       string
	expectFail bool
}

// Git makes the source a git repository with one commit at date (RFC 3339)
// and origin remote (may be empty).
func Git(remote, date string) Option {
	return func(c *config) { c.git, c.remote, c.date = true, remote, date }
}

// SiteOptions builds with o (its Out is set by Build).
func SiteOptions(o site.Options) Option { return func(c *config) { c.site = o } }

// ExpectError makes a failing build a result to assert on, not a test failure.
func ExpectError() Option { return func(c *config) { c.expectFail = true } }

// Write writes the files of a txtar archive into dir.
func Write(t testing.TB, dir, files string) {
	t.Helper()
	ar := txtar.Parse([]byte(strings.TrimLeft(files, "\n")))
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		data := strings.ReplaceAll(string(f.Data), "§§§", "```")
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Build writes files (a txtar archive; "§§§" stands for a code fence) to a
// temporary source folder and builds it.
func Build(t testing.TB, files string, opts ...Option) *Builder {
	t.Helper()
	var c config
	for _, o := range opts {
		o(&c)
	}
	dir := t.TempDir()
	b := &Builder{T: t, Source: filepath.Join(dir, "src"), Out: filepath.Join(dir, "out"), opts: c.site}
	Write(t, b.Source, files)
	if c.git {
		gitCommit(t, b.Source, c.remote, c.date)
	}
	b.Rebuild(c.expectFail)
	return b
}

// Rebuild builds the source again into the same output.
func (b *Builder) Rebuild(expectFail bool) {
	b.T.Helper()
	ctx := context.Background()
	b.Book, b.Err = book.Load(ctx, b.Source, book.Options{})
	if b.Err == nil {
		o := b.opts
		o.Out = b.Out
		b.Result, b.Err = site.Build(ctx, b.Book, o)
	}
	if b.Err != nil && !expectFail {
		b.T.Fatalf("build failed: %v", b.Err)
	}
	if b.Err == nil && expectFail {
		b.T.Fatalf("build succeeded, want an error")
	}
}

func gitCommit(t testing.TB, dir, remote, date string) {
	t.Helper()
	run := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
			"GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q", "-b", "main")
	if remote != "" {
		run("remote", "add", "origin", remote)
	}
	run("add", "-A")
	run("commit", "-q", "-m", "content")
}

// Read returns an output file's content.
func (b *Builder) Read(rel string) string {
	b.T.Helper()
	data, err := os.ReadFile(filepath.Join(b.Out, filepath.FromSlash(rel)))
	if err != nil {
		b.T.Fatalf("read output: %v", err)
	}
	return string(data)
}

// AssertFile checks that output file rel contains each match; a match that
// starts with "! " must not appear.
func (b *Builder) AssertFile(rel string, matches ...string) {
	b.T.Helper()
	content := b.Read(rel)
	for _, m := range matches {
		if neg, ok := strings.CutPrefix(m, "! "); ok {
			if strings.Contains(content, neg) {
				b.T.Errorf("%s: found %q, want it absent", rel, neg)
			}
			continue
		}
		if !strings.Contains(content, m) {
			b.T.Errorf("%s: missing %q\n--- content ---\n%s", rel, m, excerpt(content))
		}
	}
}

// AssertExists checks that each output path exists; a path that starts
// with "! " must not.
func (b *Builder) AssertExists(rels ...string) {
	b.T.Helper()
	for _, rel := range rels {
		neg, absent := strings.CutPrefix(rel, "! ")
		_, err := os.Stat(filepath.Join(b.Out, filepath.FromSlash(neg)))
		if absent && err == nil {
			b.T.Errorf("output %s exists, want it absent", neg)
		}
		if !absent && err != nil {
			b.T.Errorf("output %s: %v", rel, err)
		}
	}
}

// Diags returns every diagnostic of the build, formatted.
func (b *Builder) Diags() string {
	var ds diag.List
	if b.Result != nil {
		ds = b.Result.Diags
	} else if b.Book != nil {
		ds = b.Book.Diags
	}
	return ds.Error()
}

// AssertDiags checks that the diagnostics contain each match; a match that
// starts with "! " must not appear.
func (b *Builder) AssertDiags(matches ...string) {
	b.T.Helper()
	got := b.Diags()
	for _, m := range matches {
		if neg, ok := strings.CutPrefix(m, "! "); ok {
			if strings.Contains(got, neg) {
				b.T.Errorf("diagnostics: found %q, want it absent\n%s", neg, got)
			}
			continue
		}
		if !strings.Contains(got, m) {
			b.T.Errorf("diagnostics: missing %q\n--- got ---\n%s", m, got)
		}
	}
}

func excerpt(s string) string {
	if len(s) > 4000 {
		return s[:4000] + "\n…"
	}
	return s
}
