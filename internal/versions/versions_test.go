package versions_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/gitinfo"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
	"github.com/handbookhq/handbook/internal/versions"
)

// The commit dates of twoBranches, as "Last updated" shows them.
const (
	firstDate = "2021-01-01T10:00:00Z" // both branches: every page
	oldDate   = "2021-02-02T11:00:00Z" // old: guide.md changed
	mainDate  = "2022-03-03T12:00:00Z" // main: guide.md changed, new.md added
)

// twoBranches makes a handbook in a git repository with two branches,
// main checked out:
//
//	firstDate  main: Home, Guide, handbook.yaml listing main and old
//	oldDate    old:  Guide says "old guide"
//	mainDate   main: Guide says "main guide", New added (only in main)
func twoBranches(t *testing.T) string {
	t.Helper()
	hbtest.NeedTool(t, "git", "git")
	dir := t.TempDir()
	git(t, dir, "", "init", "-q", "-b", "main")
	hbtest.Write(t, dir, `
-- handbook.yaml --
title: Acme
base_url: https://handbook.example.com/
versions:
  - ref: main
    title: Latest
  - ref: old
    title: Old
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide.md)
-- README.md --
# Home
-- guide.md --
# Guide

first guide
`)
	git(t, dir, "", "add", "-A")
	git(t, dir, firstDate, "commit", "-q", "-m", "start")

	git(t, dir, "", "checkout", "-q", "-b", "old")
	hbtest.Write(t, dir, `
-- guide.md --
# Guide

old guide
`)
	git(t, dir, oldDate, "commit", "-q", "-am", "old guide")

	git(t, dir, "", "checkout", "-q", "main")
	hbtest.Write(t, dir, `
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide.md)
* [New](new.md)
-- guide.md --
# Guide

main guide
-- new.md --
# New

only in main
`)
	git(t, dir, "", "add", "-A")
	git(t, dir, mainDate, "commit", "-q", "-m", "main guide, new page")
	return dir
}

// git runs git in dir, with author and committer date date when it is
// not "", and returns its output.
func git(t testing.TB, dir, date string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// build loads and builds every version of the handbook in src into a
// new folder, and returns it.
func build(t *testing.T, src string, o versions.Options) (string, *versions.Set) {
	t.Helper()
	ctx := context.Background()
	set, _, err := versions.Load(ctx, src, o)
	if err != nil {
		t.Fatalf("load versions: %v", err)
	}
	t.Cleanup(set.Close)
	out := filepath.Join(t.TempDir(), "site")
	if _, err := set.Build(ctx, site.Options{Out: out}); err != nil {
		t.Fatalf("build versions: %v", err)
	}
	return out, set
}

// read returns an output file, or fails the test listing the output.
func read(t *testing.T, out, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		var files []string
		_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				r, _ := filepath.Rel(out, p)
				files = append(files, filepath.ToSlash(r))
			}
			return nil
		})
		t.Fatalf("read %s: %v; the output has %s", rel, err, strings.Join(files, " "))
	}
	return string(data)
}

var (
	selectorRE = regexp.MustCompile(`(?s)<details class="hb-versions">.*?</details>`)
	linkRE     = regexp.MustCompile(`<a href="([^"]*)"[^>]*>([^<]*)</a>`)
	canonRE    = regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)
	updatedRE  = regexp.MustCompile(`class="hb-updated">Last updated <time datetime="([^"]*)"`)
)

// selector returns the version selector's links of a page: title → URL.
func selector(t *testing.T, page string) map[string]string {
	t.Helper()
	sel := selectorRE.FindString(page)
	if sel == "" {
		t.Fatalf("page has no version selector:\n%s", page)
	}
	links := map[string]string{}
	for _, m := range linkRE.FindAllStringSubmatch(sel, -1) {
		links[m[2]] = m[1]
	}
	return links
}

// first returns the first group of re's first match in s, or "".
func first(re *regexp.Regexp, s string) string {
	if m := re.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

func TestBuildPublishesEveryBranchSideBySide(t *testing.T) {
	src := twoBranches(t)
	out, set := build(t, src, versions.Options{})

	if len(set.Versions) != 2 {
		t.Fatalf("got %d versions, want 2", len(set.Versions))
	}
	if v := set.Versions[0]; !v.WorkTree || v.Config.Ref != "main" {
		t.Errorf("default version: ref %q, from the work tree %v; want main, read from the work tree", v.Config.Ref, v.WorkTree)
	}
	if v := set.Versions[1]; v.WorkTree || v.Config.Ref != "old" {
		t.Errorf("second version: ref %q, from the work tree %v; want old, read from git objects", v.Config.Ref, v.WorkTree)
	}

	for rel, want := range map[string]string{
		"guide/index.html":       "main guide",
		"new/index.html":         "only in main",
		"v/old/guide/index.html": "old guide",
	} {
		if got := read(t, out, rel); !strings.Contains(got, want) {
			t.Errorf("%s lacks %q", rel, want)
		}
	}
	if got := read(t, out, "guide/index.html"); strings.Contains(got, "old guide") {
		t.Error("the default version's guide shows the old branch's text")
	}
	if _, err := os.Stat(filepath.Join(out, "v", "old", "new/index.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("v/old/new: got %v, want no such file: the page exists only in main", err)
	}

	// Links of the selector: the same page, else the version's home.
	for _, tc := range []struct {
		page string
		want map[string]string
	}{
		{"guide/index.html", map[string]string{"Latest": "/guide", "Old": "/v/old/guide"}},
		{"v/old/guide/index.html", map[string]string{"Latest": "/guide", "Old": "/v/old/guide"}},
		{"new/index.html", map[string]string{"Latest": "/new", "Old": "/v/old/"}},
		{"index.html", map[string]string{"Latest": "/", "Old": "/v/old/"}},
	} {
		got := selector(t, read(t, out, tc.page))
		for title, url := range tc.want {
			if got[title] != url {
				t.Errorf("%s: selector links %s to %q, want %q (all: %v)", tc.page, title, got[title], url, got)
			}
		}
	}
	if sel := selectorRE.FindString(read(t, out, "v/old/guide/index.html")); !strings.Contains(sel, `<summary aria-label="Version">Old</summary>`) {
		t.Errorf("old's guide: selector does not show Old as the current version:\n%s", sel)
	}

	// Search engines index the default version's page.
	for page, want := range map[string]string{
		"guide/index.html":       "https://handbook.example.com/guide",
		"v/old/guide/index.html": "https://handbook.example.com/guide",
		"new/index.html":         "https://handbook.example.com/new",
	} {
		if got := first(canonRE, read(t, out, page)); got != want {
			t.Errorf("%s: canonical %q, want %q", page, got, want)
		}
	}

	llms := read(t, out, "llms.txt")
	for _, want := range []string{
		"## Version Old",
		"(https://handbook.example.com/v/old/llms.txt)",
		"(https://handbook.example.com/v/old/llms-full.txt)",
	} {
		if !strings.Contains(llms, want) {
			t.Errorf("llms.txt lacks %q:\n%s", want, llms)
		}
	}
	if strings.Contains(llms, "## Version Latest") {
		t.Errorf("llms.txt has a section for the default version itself:\n%s", llms)
	}
	if got := read(t, out, "v/old/llms.txt"); !strings.Contains(got, "/v/old/guide") || strings.Contains(got, "## Version") {
		t.Errorf("v/old/llms.txt should list old's pages, without version sections:\n%s", got)
	}

	read(t, out, "robots.txt")
	if _, err := os.Stat(filepath.Join(out, "v", "old", "robots.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("v/old/robots.txt: got %v, want no such file", err)
	}
	for _, rel := range []string{"sitemap.xml", "v/old/sitemap.xml"} {
		read(t, out, rel)
	}
	if got := read(t, out, "v/old/sitemap.xml"); !strings.Contains(got, "https://handbook.example.com/v/old/guide") ||
		strings.Contains(got, "https://handbook.example.com/guide<") {
		t.Errorf("v/old/sitemap.xml should list old's own pages:\n%s", got)
	}

	// "Last updated" is the date of the branch's last change to the page.
	for page, want := range map[string]string{
		"guide/index.html":       mainDate,
		"index.html":             firstDate,
		"new/index.html":         mainDate,
		"v/old/guide/index.html": oldDate,
		"v/old/index.html":       firstDate,
	} {
		if got := first(updatedRE, read(t, out, page)); got != want {
			t.Errorf("%s: last updated %q, want %q", page, got, want)
		}
	}
}

// tree returns every file under dir but .git, with its content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[p] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBuildLeavesTheWorkTreeAsItIs(t *testing.T) {
	src := twoBranches(t)
	before := tree(t, src)
	head := git(t, src, "", "rev-parse", "--symbolic-full-name", "HEAD")
	build(t, src, versions.Options{})

	if got := git(t, src, "", "status", "--porcelain", "--untracked-files=all", "--ignored"); got != "" {
		t.Errorf("git status after the build:\n%s", got)
	}
	if got := git(t, src, "", "rev-parse", "--symbolic-full-name", "HEAD"); got != head {
		t.Errorf("HEAD is %q after the build, was %q", got, head)
	}
	after := tree(t, src)
	if len(after) != len(before) {
		t.Errorf("the work tree has %d files after the build, had %d", len(after), len(before))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed during the build", name)
		}
	}
}

func TestUncommittedEditsShowInTheDefaultVersionOnly(t *testing.T) {
	src := twoBranches(t)
	hbtest.Write(t, src, `
-- guide.md --
# Guide

edited, not committed
`)
	out, _ := build(t, src, versions.Options{})
	if got := read(t, out, "guide/index.html"); !strings.Contains(got, "edited, not committed") {
		t.Error("the default version's guide lacks the uncommitted edit")
	}
	if got := read(t, out, "v/old/guide/index.html"); strings.Contains(got, "edited, not committed") || !strings.Contains(got, "old guide") {
		t.Error("old's guide should be the committed one of branch old, without the uncommitted edit")
	}
}

func TestADefaultVersionThatIsNotCheckedOutIsReadFromGit(t *testing.T) {
	src := twoBranches(t)
	cfg := filepath.Join(t.TempDir(), "handbook.yaml")
	hbtest.Write(t, filepath.Dir(cfg), `
-- handbook.yaml --
title: Acme
base_url: https://handbook.example.com/
versions:
  - ref: old
  - ref: main
`)
	out, set := build(t, src, versions.Options{Book: book.Options{ConfigFile: cfg}})
	if v := set.Versions[0]; v.WorkTree || v.Config.Ref != "old" {
		t.Errorf("default version: ref %q, from the work tree %v; want old, read from git objects", v.Config.Ref, v.WorkTree)
	}
	if v := set.Versions[1]; !v.WorkTree || v.Config.Ref != "main" {
		t.Errorf("second version: ref %q, from the work tree %v; want main, read from the work tree", v.Config.Ref, v.WorkTree)
	}
	if got := read(t, out, "guide/index.html"); !strings.Contains(got, "old guide") {
		t.Error("the site root's guide is not old's")
	}
	if got := first(updatedRE, read(t, out, "guide/index.html")); got != oldDate {
		t.Errorf("guide.html: last updated %q, want %q", got, oldDate)
	}
	if got := read(t, out, "v/main/new/index.html"); !strings.Contains(got, "only in main") {
		t.Error("v/main/new.html is not main's new page")
	}
	if got := selector(t, read(t, out, "v/main/new/index.html")); got["old"] != "/" || got["main"] != "/v/main/new" {
		t.Errorf("main's new page: selector links %v, want old → / and main → /v/main/new", got)
	}
	if got := first(canonRE, read(t, out, "v/main/guide/index.html")); got != "https://handbook.example.com/guide" {
		t.Errorf("main's guide: canonical %q, want the default version's page", got)
	}
	if got := first(canonRE, read(t, out, "v/main/new/index.html")); got != "https://handbook.example.com/v/main/new" {
		t.Errorf("main's new page, absent from the default version: canonical %q, want its own URL", got)
	}
}

func TestAnUnknownRefIsAnErrorAtItsLine(t *testing.T) {
	src := twoBranches(t)
	cfg := filepath.Join(t.TempDir(), "handbook.yaml")
	hbtest.Write(t, filepath.Dir(cfg), `
-- handbook.yaml --
title: Acme
versions:
  - ref: main
  - ref: no-such-branch
`)
	set, _, err := versions.Load(context.Background(), src, versions.Options{Book: book.Options{ConfigFile: cfg}})
	if err == nil {
		set.Close()
		t.Fatal("loading a version of an unknown ref succeeded, want an error")
	}
	if !errors.Is(err, gitinfo.ErrUnknownRef) {
		t.Errorf("error %v does not match gitinfo.ErrUnknownRef", err)
	}
	for _, want := range []string{"handbook.yaml:4:", "no-such-branch"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
