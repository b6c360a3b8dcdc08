package site_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

const checkBook = `
-- SUMMARY.md --
# Table of contents

* [Home](README.md)
* [Guide](guide.md)
-- README.md --
# Home

See [setup](guide.md#set-up), [gone](guide.md#no-such-part), [here](#intro-text),
[nowhere](#nowhere), [folded](guide.md#Set_Up) and [included](guide.md#from-the-include).

## Intro text

![](pic.png)

![A picture](pic.png)

<figure><img src="pic.png" alt=""><figcaption></figcaption></figure>

[Example](https://example.com/a#b) and ![remote](https://example.com/i.png).

{% include ".gitbook/includes/note.md" %}
-- guide.md --
# Guide

## Set up

{% include ".gitbook/includes/part.md" %}
-- .gitbook/includes/note.md --
A note.
-- .gitbook/includes/part.md --
## From the include

Text.
-- pic.png --
png
`

// checkSource writes files into a folder and loads it as a book.
func checkSource(t *testing.T, files string) *book.Book {
	t.Helper()
	dir := t.TempDir()
	hbtest.Write(t, dir, files)
	b, err := book.Load(context.Background(), dir, book.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCheckReportsBrokenAnchorsAndImagesWithoutAltText(t *testing.T) {
	b := checkSource(t, checkBook)
	res, err := site.Check(context.Background(), b, site.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Diags {
		got = append(got, d.Pos.String()+" "+d.Code+" "+d.Msg)
	}
	want := []string{
		`README.md:3:38 broken-anchor anchor "#no-such-part" does not exist in "guide.md"`,
		`README.md:4:11 broken-anchor anchor "#nowhere" does not exist on this page`,
		`README.md:8:1 image-alt image "pic.png" has no alt text`,
		`README.md:12:19 image-alt image "pic.png" has no alt text`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var links []string
	for _, l := range res.External {
		links = append(links, l.Pos.String()+" "+l.URL)
	}
	wantLinks := []string{"README.md:14:11 https://example.com/a#b", "README.md:14:50 https://example.com/i.png"}
	if !slices.Equal(links, wantLinks) {
		t.Errorf("external links = %q, want %q", links, wantLinks)
	}
	if want := []string{".gitbook/includes/note.md", ".gitbook/includes/part.md"}; !slices.Equal(res.Included, want) {
		t.Errorf("included = %q, want %q", res.Included, want)
	}
}

func TestCheckWritesNothing(t *testing.T) {
	b := checkSource(t, checkBook)
	before := tree(t, b.Source)
	if _, err := site.Check(context.Background(), b, site.CheckOptions{}); err != nil {
		t.Fatal(err)
	}
	after := tree(t, b.Source)
	if len(before) != len(after) {
		t.Errorf("check changed the source folder: %d files before, %d after", len(before), len(after))
	}
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(b.Source), ".*tmp*")); len(matches) > 0 {
		t.Errorf("check left %v", matches)
	}
}

func TestBuildWarnsOfBrokenAnchorsButNotOfAltText(t *testing.T) {
	h := hbtest.Build(t, checkBook)
	h.AssertDiags(`README.md:3:38: warning: anchor "#no-such-part" does not exist in "guide.md"`)
	if strings.Contains(h.Diags(), "alt text") {
		t.Errorf("a build reported alt text:\n%s", h.Diags())
	}
}
