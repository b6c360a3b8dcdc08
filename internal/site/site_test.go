package site_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/hbtest"
)

const basicBook = `
-- .gitbook.yaml --
root: ./
structure:
  readme: README.md
  summary: SUMMARY.md
redirects:
  old/place: guide/install.md
  company/about#history: company/history.md
  team/old/README: company/about.md#team
-- SUMMARY.md --
# Table of contents

* [Welcome](README.md)

## Getting started

* [Guide](guide/README.md)
  * [Install \(local\)](guide/install.md "Install")
  * [Moved page](elsewhere/deep/moved.md)
  * [Secret](guide/secret.md)
  * [Configure](guide/configure.md)
* [Status](https://status.example.com)

## Company <a href="#company" id="company"></a>

* [About](company/about.md)
  * [History](company/history.md)
  * [Install again](guide/install.md)
* [Ghost page](company/ghost.md)
-- README.md --
---
description: Everything you need.
---
# Welcome home

See the [guide](guide/README.md) and [install](guide/install.md#requirements).
-- guide/README.md --
# Guide

Start with [installing](install.md) or [configuring](./configure.md#options).
-- guide/install.md --
# Installing

## Requirements

You need ![the logo](<../.gitbook/assets/logo (1).png>) and ![diagram](../.gitbook/assets/diagram%20%282%29.png).

### Disk

Plenty.

## Steps

Download [the sheet](../files/sheet.pdf) and read [about us](/company/about.md "mention").
-- guide/secret.md --
---
hidden: true
---
# Secret
-- guide/configure.md --
# Configure

## Options

A [broken link](missing.md) and a <summary of incident> placeholder.

<script>alert(1)</script>
-- elsewhere/deep/moved.md --
# Moved

Back to [guide](../../guide/).
-- company/about.md --
# About us

## Team
-- company/history.md --
# History
-- .gitbook/assets/logo (1).png --
png
-- .gitbook/assets/diagram (2).png --
png
-- files/sheet.pdf --
pdf
-- files/unused.pdf --
pdf
-- unlisted.md --
# Not a page
`

func TestURLsFollowTheTableOfContents(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, basicBook)
	b.AssertExists(
		"index.html",
		"getting-started/guide/index.html",
		"getting-started/guide/install/index.html",
		"getting-started/guide/moved/index.html", // file lives elsewhere/deep/moved.md
		"getting-started/guide/secret/index.html",
		"company/about/index.html",
		"company/about/history/index.html",
		"company/ghost/index.html",
		"! unlisted/index.html",
		"! company/about/install/index.html", // the second listing is a link, not a page
	)
	b.AssertFile("getting-started/guide/index.html",
		`href="/getting-started/guide/install"`,
		`href="/getting-started/guide/configure#options"`,
	)
	b.AssertFile("getting-started/guide/moved/index.html", `href="/getting-started/guide"`)
}

func TestMissingAndDuplicateEntriesAreWarnings(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, basicBook)
	b.AssertDiags(
		`SUMMARY.md:18:5: warning: "guide/install.md" is listed twice`,
		`SUMMARY.md:19:3: warning: "company/ghost.md" does not exist`,
	)
	b.AssertFile("company/ghost/index.html", `<h1 class="hb-title">Ghost page</h1>`, `! hb-children`)
	// Only empty pages with pages below them get a list of them.
	b.AssertFile("company/about/history/index.html", `! hb-children`)
	// The second listing links to the page.
	b.AssertFile("company/about/index.html", `<a href="/getting-started/guide/install">Install again</a>`)
}

func TestPageChrome(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, basicBook)
	b.AssertFile("getting-started/guide/install/index.html",
		`<title>Installing | Welcome home</title>`,
		// breadcrumbs: group, then the pages above
		`<li><span>Getting started</span></li><li><a href="/getting-started/guide">Guide</a></li>`,
		// outline: ## and ### nested
		`<li><a href="#requirements">Requirements</a><ul><li><a href="#disk">Disk</a></li></ul></li>`,
		`<li><a href="#steps">Steps</a></li>`,
		// previous and next use link titles and skip nothing here
		`<a class="hb-prev" href="/getting-started/guide" rel="prev"><span>Previous</span><strong>Guide</strong>`,
		`<a class="hb-next" href="/getting-started/guide/moved" rel="next"><span>Next</span><strong>Moved page</strong>`,
		// the sidebar marks the page and uses the quoted link title
		`<a href="/getting-started/guide/install" aria-current="page">Install</a>`,
		`<p class="hb-nav-group">Getting started</p>`,
		`<p class="hb-nav-group">Company</p>`,
		// the footer is there; the feedback widget needs an address to
		// post to (feedback_test.go)
		`<footer class="hb-page-footer">`,
		`! Was this helpful?`,
		// without a PDF or a server to make one, no link (pdflink_test.go)
		`! Export as PDF`,
	)
	// Hidden pages are skipped by previous/next and the sidebar.
	b.AssertFile("getting-started/guide/moved/index.html",
		`<a class="hb-next" href="/getting-started/guide/configure" rel="next">`,
		`! >Secret</a>`,
	)
	b.AssertFile("index.html",
		`<meta name="description" content="Everything you need.">`,
		`<p class="hb-description">Everything you need.</p>`,
		`<meta property="og:title" content="Welcome home">`,
		// an icon, so that browsers do not ask for /favicon.ico
		`<link rel="icon" href="/_handbook/favicon.`,
		// a canonical URL must be absolute: none without base_url
		`! rel="canonical"`,
		`! og:url`,
	)
	// A page without a description is described by its first words.
	b.AssertFile("getting-started/guide/index.html",
		`<meta name="description" content="Start with installing or configuring.">`,
		`! <p class="hb-description">`,
	)
}

func TestLinksAndFilesResolve(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, basicBook)
	b.AssertFile("getting-started/guide/install/index.html",
		`src="/_assets/logo%20%281%29.png"`,
		`src="/_assets/diagram%20%282%29.png"`,
		`href="/_files/files/sheet.pdf"`,
		`href="/company/about"`,
	)
	b.AssertExists("_assets/logo (1).png", "_assets/diagram (2).png", "_files/files/sheet.pdf", "! _files/files/unused.pdf")
	b.AssertFile("index.html", `href="/getting-started/guide/install#requirements"`)
	b.AssertDiags(`guide/configure.md:5:17: warning: link target "missing.md" does not exist`)
}

func TestRawHTMLIsSanitized(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, basicBook)
	b.AssertFile("getting-started/guide/configure/index.html",
		`&lt;summary of incident&gt;`,
		`! alert(1)`,
		`! <script>alert`,
	)
}

func TestRedirects(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, basicBook)
	b.AssertFile("old/place/index.html", `url=/getting-started/guide/install`)
	b.AssertFile("team/old/index.html", `/company/about#team`)
	// An old URL with a fragment names a page that exists: the page redirects in the browser.
	b.AssertFile("company/about/index.html", `id="hb-hash-redirects">{"history":"/company/about/history"}`)
	if got := b.Result.Redirects["/old/place"]; got != "/getting-started/guide/install" {
		t.Errorf("got redirect %q, want %q", got, "/getting-started/guide/install")
	}
}

func TestMachineFiles(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, basicBook+`
-- handbook.yaml --
title: Acme Handbook
base_url: https://docs.example.com/handbook/
links:
  - title: Install
    url: guide/install.md
  - title: Status
    url: https://status.example.com
footer: "© Acme"
`)
	b.AssertFile("sitemap.xml",
		`<loc>https://docs.example.com/handbook/getting-started/guide/install</loc>`,
		`<loc>https://docs.example.com/handbook/</loc>`,
		`! ghost`,
	)
	b.AssertFile("robots.txt", "Sitemap: https://docs.example.com/handbook/sitemap.xml")
	// Every link carries the base path.
	b.AssertFile("index.html",
		`<a href="/handbook/getting-started/guide/install">Install</a>`,
		`<a href="https://status.example.com" rel="noopener">Status</a>`,
		`<link rel="canonical" href="https://docs.example.com/handbook/">`,
		`<title>Welcome home | Acme Handbook</title>`,
		`© Acme`,
	)
}

func TestDeterministicOutput(t *testing.T) {
	t.Parallel()
	a := hbtest.Build(t, basicBook)
	b := hbtest.Build(t, basicBook)
	ta, tb := tree(t, a.Out), tree(t, b.Out)
	if len(ta) != len(tb) {
		t.Fatalf("got %d and %d files, want the same", len(ta), len(tb))
	}
	for name, data := range ta {
		if tb[name] != data {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		m[strings.TrimPrefix(p, dir)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// bigBook makes a book of n pages as a tree with ten entries at every
// level: page i has pages 10(i+1) to 10(i+1)+9 as children.
func bigBook(n int) string {
	var sum, files strings.Builder
	sum.WriteString("# Table of contents\n\n* [Home](README.md)\n\n## Pages\n\n")
	files.WriteString("-- README.md --\n# Home\n")
	var list func(first, depth int)
	list = func(first, depth int) {
		for i := first; i < first+10 && i < n; i++ {
			fmt.Fprintf(&sum, "%s* [Page %d](p%d.md)\n", strings.Repeat("  ", depth), i, i)
			fmt.Fprintf(&files, "-- p%d.md --\n# Page %d\n\nText.\n", i, i)
			list(10*(i+1), depth+1)
		}
	}
	list(0, 0)
	return "-- SUMMARY.md --\n" + sum.String() + files.String()
}

func TestPageSizeDoesNotGrowWithTheBook(t *testing.T) {
	t.Parallel()
	small := hbtest.Build(t, bigBook(110))
	large := hbtest.Build(t, bigBook(3000))
	// p10 is a grandchild page in both books; the large book is 27 times
	// bigger and one level deeper below it.
	s, l := len(small.Read("pages/p0/p10/index.html")), len(large.Read("pages/p0/p10/index.html"))
	if l > 2*s {
		t.Errorf("got page sizes %d (110 pages) and %d (3000 pages), want the second under 2x the first", s, l)
	}
	large.AssertFile("pages/p0/p10/index.html",
		`data-nav="/_handbook/nav.`,
		`>Page 110</a>`,   // a child of the page: its branch is open
		`! >Page 120</a>`, // a child of a sibling: loaded when opened
	)
}

func TestContentRootAndInferredTableOfContents(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- .gitbook.yaml --
root: ./handbook/
-- handbook/README.md --
# Start

Read [the b page](b/README.md) and ![x](.gitbook/assets/x.png).
-- handbook/a.md --
# Alpha
-- handbook/b/README.md --
# Beta
-- handbook/b/c.md --
# Gamma
-- handbook/.gitbook/assets/x.png --
png
-- outside.md --
# Not in the content root
`)
	// Without SUMMARY.md the tree is the folders: README first, then by name.
	b.AssertExists("index.html", "a/index.html", "b/index.html", "b/c/index.html", "! outside/index.html", "_assets/x.png")
	b.AssertFile("b/index.html",
		`<span>Previous</span><strong>Alpha</strong>`,
		`<span>Next</span><strong>Gamma</strong>`,
	)
	b.AssertFile("index.html", `href="/b"`)
}

func TestEditAndLastUpdatedFromGit(t *testing.T) {
	t.Parallel()
	files := `
-- SUMMARY.md --
* [Home](README.md)
* [Team](<team/my page.md>)
-- README.md --
# Home
-- team/my page.md --
# Team
`
	b := hbtest.Build(t, files, hbtest.Git("git@github.com:acme/handbook.git", "2024-08-22T11:19:21-04:00"))
	b.AssertFile("my page/index.html",
		`<time datetime="2024-08-22T15:19:21Z" title="Aug 22, 2024">on Aug 22, 2024</time>`,
		`<a class="hb-action" href="https://github.com/acme/handbook/edit/main/team/my%20page.md" rel="noopener">Edit on GitHub</a>`,
	)
	b.AssertFile("sitemap.xml", `<loc>/my%20page</loc><lastmod>2024-08-22</lastmod>`)

	// edit_url wins over the remote.
	c := hbtest.Build(t, files+`
-- handbook.yaml --
edit_url: https://git.example.com/hb/-/blob/{branch}/{path}?edit=1
`, hbtest.Git("https://gitlab.com/acme/handbook.git", "2024-01-02T03:04:05Z"))
	c.AssertFile("index.html", `href="https://git.example.com/hb/-/blob/main/README.md?edit=1"`)
}

func TestLinksToTheOwnSiteStayInTheBuild(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- .gitbook.yaml --
structure:
  readme: welcome.md
-- handbook.yaml --
base_url: https://docs.example.com/handbook/
-- SUMMARY.md --
* [Welcome](welcome.md)
* [Team](team.md)
-- welcome.md --
# Welcome

See [the team](https://docs.example.com/handbook/team#leads), [elsewhere](https://docs.example.com/other/team)
and [gone](http://docs.example.com/handbook/gone).
-- team.md --
# Team
`)
	b.AssertFile("index.html",
		`href="/handbook/team#leads"`,
		`href="https://docs.example.com/other/team"`,
		`href="http://docs.example.com/handbook/gone"`,
	)
	// The first page is also reachable under its own path.
	b.AssertFile("welcome/index.html", `url=/handbook/`)
}

func TestUploadsAreFoundByNameWithAWarning(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Deep](a/b/deep.md)
-- README.md --
# Home
-- a/b/deep.md --
# Deep

![chart](../../../.gitbook/assets/chart.png)
![chart](../.gitbook/assets/chart.png)
-- .gitbook/assets/chart.png --
png
`)
	b.AssertFile("deep/index.html", `src="/_assets/chart.png"`, `! broken-image`)
	b.AssertDiags(
		`a/b/deep.md:3:10: warning: "../../../.gitbook/assets/chart.png" is found only by its name, as ".gitbook/assets/chart.png"`,
		`a/b/deep.md:4:10: warning: "../.gitbook/assets/chart.png" is found only by its name`,
		"hint: fix the path: it is relative to the page's folder",
	)
}

func TestEmptyParentPagesListTheirChildren(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Policies](policies/README.md)
  * [Travel](policies/travel.md)
  * [Secret](policies/secret.md)
  * [Leave](policies/leave.md)
-- README.md --
# Home
-- policies/README.md --
# Policies
-- policies/travel.md --
# Travel
-- policies/secret.md --
---
hidden: true
---
# Secret
-- policies/leave.md --
# Leave
`)
	b.AssertFile("policies/index.html",
		`<ul class="hb-children">`+"\n"+`<li><a href="/policies/travel">Travel</a></li>`+"\n"+`<li><a href="/policies/leave">Leave</a></li>`,
		`! href="/policies/secret"`,
	)
	b.AssertFile("index.html", `! hb-children`)
}

func TestLayoutTogglesHideParts(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Bare](bare.md)
* [Next](next.md)
-- README.md --
# Home
-- bare.md --
---
description: Shown only in meta tags.
layout:
  width: wide
  title:
    visible: false
  description:
    visible: false
  tableOfContents:
    visible: false
  outline:
    visible: false
  pagination:
    visible: false
  metadata:
    visible: false
---
# Bare

## One

## Two
-- next.md --
# Next

## One

## Two
`)
	b.AssertFile("bare/index.html",
		`<body class="hb-wide">`,
		`<meta name="description" content="Shown only in meta tags.">`,
		`! <h1 class="hb-title">`,
		`! <p class="hb-description">`,
		`! class="hb-sidebar"`,
		`! On this page`,
		`! class="hb-pagination"`,
		`! class="hb-page-footer"`,
		`<h2 id="one">`,
	)
	b.AssertFile("next/index.html",
		`<h1 class="hb-title">Next</h1>`,
		`class="hb-sidebar"`,
		`On this page`,
		`class="hb-pagination"`,
		`<footer class="hb-page-footer">`,
	)
}

func TestNoIndexAppliesToPagesBelow(t *testing.T) {
	t.Parallel()
	b := hbtest.Build(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Drafts](drafts/README.md)
  * [Idea](drafts/idea.md)
* [Open](open.md)
-- README.md --
# Home
-- drafts/README.md --
---
noIndex: true
---
# Drafts
-- drafts/idea.md --
# Idea
-- open.md --
# Open
`)
	b.AssertFile("drafts/index.html", `<meta name="robots" content="noindex">`)
	b.AssertFile("drafts/idea/index.html", `<meta name="robots" content="noindex">`)
	b.AssertFile("open/index.html", `! name="robots"`)
	b.AssertFile("sitemap.xml", `<loc>/open</loc>`, `! /drafts`)
}
