package site_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

// memoBook asks of its build everything a page can: links, anchors,
// images, files, cards, includes, variables and files blocks read.
const memoBook = `
-- handbook.yaml --
base_url: https://handbook.example.com/docs/
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide/README.md)
  * [Install](guide/install.md)
* [Empty](empty/README.md)
  * [Child](empty/child.md)
-- README.md --
# Home

See [the guide](guide/README.md), [install](guide/install.md#steps), [our site](https://handbook.example.com/docs/guide), [an old page of it](https://handbook.example.com/docs/gone), [by path](/guide/install.md) and [elsewhere](https://example.org/x).

![logo](.gitbook/assets/logo.png)

{% content-ref url="guide/install.md" %}
[install.md](guide/install.md)
{% endcontent-ref %}

{% file src=".gitbook/assets/manual.pdf" %}

{% include ".gitbook/includes/note.md" %}

Version {% space.vars.version %}.
-- .gitbook/includes/note.md --
A [note](../../guide/README.md) from an include.
-- .gitbook/vars.yaml --
version: "2.0"
-- .gitbook/assets/logo.png --
png
-- .gitbook/assets/manual.pdf --
pdf
-- guide/README.md --
# Guide

[Back](../README.md) and [missing](nothing.md).

` + "```go\nfunc main() {}\n```" + `
-- guide/install.md --
# Install

## Steps

Go [home](/README.md#home).
-- empty/README.md --
-- empty/child.md --
# Child
`

// TestBuildAllSharesPagesAndWritesWhatSeparateBuildsWrite builds one
// book twice side by side, at the root and under v/old/, and checks
// that the second build took every page from the first and that both
// wrote, byte for byte, what builds of their own write.
func TestBuildAllSharesPagesAndWritesWhatSeparateBuildsWrite(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	hbtest.Write(t, src, memoBook)
	load := func() *book.Book {
		b, err := book.Load(context.Background(), src, book.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tmp := t.TempDir()
	memo := &site.Memo{}
	together := filepath.Join(tmp, "together")
	eds := []site.Edition{
		{Book: load(), Options: site.Options{NoGit: true, Memo: memo}},
		{Book: load(), Options: site.Options{NoGit: true, Memo: memo, Prefix: "v/old/"}},
	}
	res, err := site.BuildAll(context.Background(), eds, together)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := memo.Shared(), res[1].Pages; got != want {
		t.Errorf("the second build took %d pages from the first, want all %d", got, want)
	}
	if len(res[0].Diags) != len(res[1].Diags) || res[1].Files != res[0].Files {
		t.Errorf("the builds differ: %d and %d diagnostics, %d and %d files", len(res[0].Diags), len(res[1].Diags), res[0].Files, res[1].Files)
	}

	root := filepath.Join(tmp, "root")
	if _, err := site.Build(context.Background(), load(), site.Options{NoGit: true, Out: root}); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(tmp, "old")
	if _, err := site.BuildAll(context.Background(), []site.Edition{{Book: load(), Options: site.Options{NoGit: true, Prefix: "v/old/"}}}, old); err != nil {
		t.Fatal(err)
	}
	n := sameFiles(t, root, together, func(rel string) bool { return strings.HasPrefix(rel, "v/") })
	m := sameFiles(t, filepath.Join(old, "v", "old"), filepath.Join(together, "v", "old"), nil)
	if n < 10 || m < 10 {
		t.Errorf("compared %d and %d files, want the whole sites", n, m)
	}
	home, err := os.ReadFile(filepath.Join(together, "v", "old", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="/docs/v/old/guide"`, `src="/docs/v/old/_assets/logo.png"`, `Version 2.0.`, `href="https://handbook.example.com/docs/gone"`} {
		if !bytes.Contains(home, []byte(want)) {
			t.Errorf("v/old/index.html lacks %s", want)
		}
	}
	if bytes.Contains(home, []byte("hb-memo")) {
		t.Error("v/old/index.html holds a stand-in for the URL prefix")
	}
}

// sameFiles reports the files of want that got lacks or holds otherwise,
// skipping those skip names, and returns how many it compared.
func sameFiles(t *testing.T, want, got string, skip func(rel string) bool) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(want, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(want, p)
		rel = filepath.ToSlash(rel)
		if skip != nil && skip(rel) {
			return nil
		}
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(got, filepath.FromSlash(rel)))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs from the build of its own", rel)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBuildAllRendersAPageAgainWhenAnAnswerDiffers builds a page whose
// link to another page has an answer in one build and none in the
// other: the second build renders the page itself, and reports its
// problems once.
func TestBuildAllRendersAPageAgainWhenAnAnswerDiffers(t *testing.T) {
	t.Parallel()
	load := func(summary string) *book.Book {
		src := t.TempDir()
		hbtest.Write(t, src, "-- SUMMARY.md --\n"+summary+`
-- README.md --
# Home

A [missing anchor](#nowhere), then [the other page](other.md).
-- other.md --
# Other
`)
		b, err := book.Load(context.Background(), src, book.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	memo := &site.Memo{}
	eds := []site.Edition{
		{Book: load("* [Home](README.md)\n* [Other](other.md)\n"), Options: site.Options{NoGit: true, Memo: memo}},
		{Book: load("* [Home](README.md)\n"), Options: site.Options{NoGit: true, Memo: memo, Prefix: "v/old/"}},
	}
	res, err := site.BuildAll(context.Background(), eds, filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	if memo.Shared() != 0 {
		t.Errorf("%d pages were shared, want none: the link's answer differs", memo.Shared())
	}
	for i, r := range res {
		anchors := 0
		for _, d := range r.Diags {
			if strings.Contains(d.Msg, "nowhere") {
				anchors++
			}
		}
		if anchors != 1 {
			t.Errorf("build %d reports the missing anchor %d times, want once:\n%v", i, anchors, r.Diags)
		}
	}
}
