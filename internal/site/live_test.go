package site_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

const liveBook = `
-- SUMMARY.md --
# Table of contents

* [Home](README.md)
* [Guide](guide/README.md)
  * [Install](guide/install.md)
  * [Tuning](guide/tuning.md)
* [Cards](cards.md)
-- README.md --
# Home

Welcome.
-- guide/README.md --
# Guide

{% include "../.gitbook/includes/note.md" %}
-- guide/install.md --
---
description: How to install it.
---
# Install

Run the installer.

![The logo](../logo.png)
-- guide/tuning.md --
# Tuning

Turn the knobs.
-- cards.md --
# Cards

{% content-ref url="guide/install.md" %}
[install.md](guide/install.md)
{% endcontent-ref %}
-- .gitbook/includes/note.md --
A shared note.
-- logo.png --
first
`

// liveSite builds liveBook as serve does and returns the source and
// output folders with the live site.
func liveSite(t *testing.T) (src, out string, l *site.Live) {
	t.Helper()
	src, out = t.TempDir(), filepath.Join(t.TempDir(), "site")
	hbtest.Write(t, src, liveBook)
	load := func(ctx context.Context) (*book.Book, error) { return book.Load(ctx, src, book.Options{}) }
	b, err := load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	l, _, err = site.BuildLive(context.Background(), b, site.Options{Out: out, NoGit: true}, load)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.Close)
	return src, out, l
}

// edit writes files of the source and updates the site with them,
// returning what the update did.
func edit(t *testing.T, l *site.Live, src string, files map[string]string) (*site.Result, *site.Update, error) {
	t.Helper()
	var paths []string
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if data == "" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
		} else if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, name)
	}
	slices.Sort(paths)
	var early *site.Update
	res, up, err := l.Update(context.Background(), paths, func(u *site.Update) { early = u })
	if err == nil && up != nil && up.Changed() && early != up {
		t.Errorf("pagesDone was not told of the update before it returned")
	}
	return res, up, err
}

func TestLiveEditRendersThePageOnly(t *testing.T) {
	src, out, l := liveSite(t)
	_, up, err := edit(t, l, src, map[string]string{"guide/tuning.md": "# Tuning\n\nTurn the dials slowly.\n"})
	if err != nil {
		t.Fatal(err)
	}
	if up.Full || !slices.Equal(up.Rendered, []string{"/guide/tuning"}) {
		t.Errorf("update = %+v, want only /guide/tuning rendered", up)
	}
	if got := readOut(t, out, "guide/tuning/index.html"); !strings.Contains(got, "Turn the dials slowly.") {
		t.Error("the page was not written again")
	}
	if got := readOut(t, out, "guide/tuning.md"); !strings.Contains(got, "Turn the dials slowly.") {
		t.Error("the Markdown twin was not written again")
	}
	idx := ""
	entries, _ := os.ReadDir(filepath.Join(out, "_handbook", "search"))
	for _, e := range entries {
		idx += readOut(t, out, "_handbook/search/"+e.Name())
	}
	if !strings.Contains(idx, "dials") {
		t.Error("the search index does not know the new text")
	}
}

func TestLiveEditRendersThePagesThatShowIt(t *testing.T) {
	src, out, l := liveSite(t)
	_, up, err := edit(t, l, src, map[string]string{"guide/install.md": "---\ndescription: Three steps to a running site.\n---\n# Install\n\nRun it.\n\n![The logo](../logo.png)\n"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"/guide/install", "/cards"}; up.Full || !slices.Equal(up.Rendered, want) {
		t.Errorf("update = %+v, want %q rendered", up, want)
	}
	if got := readOut(t, out, "cards/index.html"); !strings.Contains(got, "Three steps to a running site.") {
		t.Error("the card does not show the new description")
	}
	if got := readOut(t, out, "llms.txt"); !strings.Contains(got, "Three steps to a running site.") {
		t.Error("llms.txt does not list the new description")
	}

	_, up, err = edit(t, l, src, map[string]string{".gitbook/includes/note.md": "A changed note.\n"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"/guide"}; up.Full || !slices.Equal(up.Rendered, want) {
		t.Errorf("include edit: update = %+v, want %q rendered", up, want)
	}
	if got := readOut(t, out, "guide/index.html"); !strings.Contains(got, "A changed note.") {
		t.Error("the including page does not show the new note")
	}
}

func TestLiveChangedImageIsPublishedAgain(t *testing.T) {
	src, out, l := liveSite(t)
	_, up, err := edit(t, l, src, map[string]string{"logo.png": "second"})
	if err != nil {
		t.Fatal(err)
	}
	if up.Full || len(up.Rendered) != 0 || !slices.Equal(up.Files, []string{"logo.png"}) {
		t.Errorf("update = %+v, want logo.png published again and no page rendered", up)
	}
	if got := readOut(t, out, "_files/logo.png"); got != "second" {
		t.Errorf("published image = %q, want the new bytes", got)
	}
}

func TestLiveStructuralChangesBuildEverything(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"table of contents": {"SUMMARY.md": "# Table of contents\n\n* [Home](README.md)\n* [Guide](guide/README.md)\n"},
		"new file":          {"guide/new.md": "# New\n"},
		"hidden page":       {"guide/tuning.md": "---\nhidden: true\n---\n# Tuning\n"},
		"site title":        {"README.md": "# A new home\n"},
		"configuration":     {"handbook.yaml": "title: Renamed\n"},
	} {
		t.Run(name, func(t *testing.T) {
			src, _, l := liveSite(t)
			_, up, err := edit(t, l, src, files)
			if err != nil {
				t.Fatal(err)
			}
			if !up.Full {
				t.Errorf("update = %+v, want a whole build", up)
			}
		})
	}
}

func TestLiveUnrelatedFileChangesNothing(t *testing.T) {
	src, _, l := liveSite(t)
	if err := os.WriteFile(filepath.Join(src, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	// notes.txt is new: a whole build, since a link might now resolve.
	if _, up, err := l.Update(context.Background(), []string{"notes.txt"}, nil); err != nil || !up.Full {
		t.Fatalf("new file: %+v, %v", up, err)
	}
	if err := os.WriteFile(filepath.Join(src, "notes.txt"), []byte("y"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, up, err := l.Update(context.Background(), []string{"notes.txt"}, nil)
	if err != nil || res != nil || up.Changed() {
		t.Errorf("edit of a file no page uses: %v, %+v, %v; want nothing done", res, up, err)
	}
}

func TestLiveFailedBuildKeepsTheLastGoodSite(t *testing.T) {
	src, out, l := liveSite(t)
	_, _, err := edit(t, l, src, map[string]string{"SUMMARY.md": "# Table of contents\n\nNo list.\n"})
	var dl diag.List
	if !errors.As(err, &dl) || !dl.HasErrors() {
		t.Fatalf("update with a broken table of contents = %v, want its diagnostics", err)
	}
	if got := readOut(t, out, "guide/tuning/index.html"); !strings.Contains(got, "Turn the knobs.") {
		t.Error("the last good site is gone")
	}
	// A page edit while the table of contents is broken is no success.
	if _, _, err := edit(t, l, src, map[string]string{"guide/tuning.md": "# Tuning\n\nStill broken.\n"}); !errors.As(err, &dl) {
		t.Errorf("page edit with a broken table of contents = %v, want its diagnostics", err)
	}
	// The site goes on from the last good build: an edit still renders.
	_, up, err := edit(t, l, src, map[string]string{
		"SUMMARY.md": "# Table of contents\n\n* [Home](README.md)\n* [Guide](guide/README.md)\n  * [Tuning](guide/tuning.md)\n",
	})
	if err != nil || !up.Full {
		t.Fatalf("fixed table of contents: %+v, %v", up, err)
	}
	if _, err := os.Stat(filepath.Join(out, "cards", "index.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a page left out of the table of contents is still published: %v", err)
	}
}

func TestLiveFrontMatterProblemsFollowTheEdit(t *testing.T) {
	src, _, l := liveSite(t)
	res, _, err := edit(t, l, src, map[string]string{"guide/tuning.md": "---\ndescripton: typo\n---\n# Tuning\n"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Diags.Error(), `guide/tuning.md:2:1: warning: unknown front matter key "descripton"`) {
		t.Errorf("diagnostics after the edit:\n%s", res.Diags)
	}
	res, _, err = edit(t, l, src, map[string]string{"guide/tuning.md": "# Tuning\n"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(res.Diags.Error(), "descripton") {
		t.Errorf("a fixed problem is still reported:\n%s", res.Diags)
	}
}
