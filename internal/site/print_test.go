package site_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

// printBook has an untitled first group, two titled groups, a child page,
// a hidden page, a missing page, two pages with the same heading, links
// between pages and an expandable, tabs and images.
const printBook = `
-- handbook.yaml --
title: Acme Handbook
-- SUMMARY.md --
# Table of contents

* [Welcome](README.md)
* [Intro](intro.md)

## Getting started

* [Guide](guide/README.md)
  * [Install](guide/install.md)
  * [Secret](guide/secret.md)
  * [Ghost](guide/ghost.md)
* [Usage](usage.md)

## Company

* [About](company/about.md)
-- README.md --
# Welcome

Read [install](guide/install.md#steps), [usage](usage.md) and the [guide](guide/).

## Overview

<details><summary>More</summary>Folded text.</details>
-- intro.md --
# Intro

## Overview

![logo](.gitbook/assets/logo.png)
-- guide/README.md --
# Guide

{% tabs %}
{% tab title="macOS" %}
Run brew.
{% endtab %}
{% tab title="Linux" %}
Run apt.
{% endtab %}
{% endtabs %}
-- guide/install.md --
# Install

Back [home](../README.md), to its [overview](../README.md#overview), or down to the [steps](#steps).

## Steps

![diagram](<../.gitbook/assets/diagram (2).png>)

###### Fine print

Small.
-- guide/secret.md --
---
hidden: true
---
# Secret

Nothing to see.
-- usage.md --
# Usage

See [about](company/about.md), its [team](company/about.md#team), the [secret](guide/secret.md) and [elsewhere](https://example.org/x).
-- company/about.md --
# About

## Team
-- .gitbook/assets/logo.png --
logo-bytes
-- .gitbook/assets/diagram (2).png --
diagram-bytes
`

// printDate is the date on the covers of the tests' print views.
var printDate = time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)

// loadPrintBook writes files (txtar) to a new folder and loads the book
// there, unbuilt. It returns the book and its source folder.
func loadPrintBook(t *testing.T, files string) (*book.Book, string) {
	t.Helper()
	src := filepath.Join(t.TempDir(), "src")
	hbtest.Write(t, src, files)
	b, err := book.Load(context.Background(), src, book.Options{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return b, src
}

// printView renders the print view of b and parses it.
func printView(t *testing.T, b *book.Book, o site.PrintOptions) (*site.PrintDoc, *html.Node) {
	t.Helper()
	if o.Date.IsZero() {
		o.Date = printDate
	}
	d, err := site.Print(context.Background(), b, o)
	if err != nil {
		t.Fatalf("print: %v", err)
	}
	return d, printParse(t, d.HTML)
}

func printParse(t *testing.T, data []byte) *html.Node {
	t.Helper()
	n, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parse the print view: %v", err)
	}
	return n
}

// printAttr returns the value of n's attribute key and whether it has one.
func printAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func printHasClass(n *html.Node, class string) bool {
	v, _ := printAttr(n, "class")
	return slices.Contains(strings.Fields(v), class)
}

// printFind returns the elements under n, n included, that match.
func printFind(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	if n.Type == html.ElementNode && match(n) {
		out = append([]*html.Node{n}, out...)
	}
	return out
}

func printTag(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

func printClass(tag, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag && printHasClass(n, class) }
}

// printByID returns the element with the given id, failing the test unless
// there is exactly one.
func printByID(t *testing.T, doc *html.Node, id string) *html.Node {
	t.Helper()
	found := printFind(doc, func(n *html.Node) bool { v, ok := printAttr(n, "id"); return ok && v == id })
	if len(found) != 1 {
		t.Fatalf("%d elements with id %q, want 1", len(found), id)
	}
	return found[0]
}

// printText is the text content of n, spaces collapsed.
func printText(n *html.Node) string {
	var sb strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			sb.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// printLevel is the aria-level of the heading h.
func printLevel(t *testing.T, h *html.Node) string {
	t.Helper()
	v, ok := printAttr(h, "aria-level")
	if !ok {
		t.Errorf("<%s> %q has no aria-level", h.Data, printText(h))
	}
	return v
}

// printParts describes the body's parts in order: "group <id> <title> L<level>"
// for a group's title page, "page <id> <title> L<level>" for a page.
func printParts(t *testing.T, doc *html.Node) []string {
	t.Helper()
	var out []string
	for _, n := range printFind(doc, func(n *html.Node) bool {
		return printClass("section", "hb-print-group")(n) || printClass("article", "hb-print-page")(n)
	}) {
		id, _ := printAttr(n, "id")
		kind, title := "page", printClass("h1", "hb-title")
		if n.Data == "section" {
			kind, title = "group", printClass("h1", "hb-print-group-title")
		}
		hs := printFind(n, title)
		if len(hs) != 1 {
			t.Fatalf("part %s has %d title headings, want 1", id, len(hs))
		}
		out = append(out, fmt.Sprintf("%s %s %s L%s", kind, id, printText(hs[0]), printLevel(t, hs[0])))
	}
	return out
}

// printContents writes the nesting of the contents page's list: "id title"
// entries separated by "; ", children in brackets. "" when there is no
// contents page.
func printContents(t *testing.T, doc *html.Node) string {
	t.Helper()
	navs := printFind(doc, printClass("nav", "hb-print-contents"))
	switch len(navs) {
	case 0:
		return ""
	case 1:
	default:
		t.Fatalf("%d contents pages, want 1", len(navs))
	}
	var list func(ol *html.Node) string
	list = func(ol *html.Node) string {
		var items []string
		for li := range ol.ChildNodes() {
			if li.Type != html.ElementNode || li.Data != "li" {
				continue
			}
			var s string
			for c := range li.ChildNodes() {
				switch {
				case c.Type == html.ElementNode && c.Data == "a":
					href, _ := printAttr(c, "href")
					s = strings.TrimPrefix(href, "#") + " " + printText(c)
				case c.Type == html.ElementNode && c.Data == "ol":
					s += " [" + list(c) + "]"
				}
			}
			items = append(items, s)
		}
		return strings.Join(items, "; ")
	}
	for c := range navs[0].ChildNodes() {
		if c.Type == html.ElementNode && c.Data == "ol" {
			return list(c)
		}
	}
	t.Fatal("the contents page has no list")
	return ""
}

// printIDs returns every id in the document and how often it occurs.
func printIDs(doc *html.Node) map[string]int {
	out := map[string]int{}
	for _, n := range printFind(doc, func(n *html.Node) bool { _, ok := printAttr(n, "id"); return ok }) {
		v, _ := printAttr(n, "id")
		out[v]++
	}
	return out
}

// printCheckRefs checks that every id is unique and that every in-document
// link and every ID reference points to an element of the document.
func printCheckRefs(t *testing.T, doc *html.Node) {
	t.Helper()
	all := printIDs(doc)
	for id, n := range all {
		if n > 1 {
			t.Errorf("id %q occurs %d times", id, n)
		}
	}
	for _, n := range printFind(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			switch a.Key {
			case "href":
				if frag, ok := strings.CutPrefix(a.Val, "#"); ok && all[frag] == 0 {
					t.Errorf("<%s href=%q> %q points to no element", n.Data, a.Val, printText(n))
				}
			case "aria-controls", "aria-labelledby", "aria-describedby", "for":
				for _, id := range strings.Fields(a.Val) {
					if all[id] == 0 {
						t.Errorf("<%s %s=%q> names no element", n.Data, a.Key, a.Val)
					}
				}
			}
		}
	}
}

// printLink returns the href of the link with the given text in the part id;
// ok is false when the link has no href.
func printLink(t *testing.T, doc *html.Node, id, linkText string) (href string, ok bool) {
	t.Helper()
	part := printByID(t, doc, id)
	for _, a := range printFind(part, printTag("a")) {
		if printText(a) == linkText {
			return printAttr(a, "href")
		}
	}
	t.Fatalf("part %s has no link %q", id, linkText)
	return "", false
}

func TestPrintWholeHandbook(t *testing.T) {
	t.Parallel()
	b, _ := loadPrintBook(t, printBook)
	var mu sync.Mutex
	var calls [][2]int
	d, doc := printView(t, b, site.PrintOptions{
		Version:  "2.1",
		Progress: func(done, total int) { mu.Lock(); calls = append(calls, [2]int{done, total}); mu.Unlock() },
	})

	want := []string{
		"page p0 Welcome L1",
		"page p1 Intro L1",
		"group g1 Getting started L1",
		"page p2 Guide L2",
		"page p3 Install L3",
		"page p6 Usage L2",
		"group g2 Company L1",
		"page p7 About L2",
	}
	if got := printParts(t, doc); !slices.Equal(got, want) {
		t.Errorf("parts:\n got %q\nwant %q", got, want)
	}
	if d.Pages != 6 {
		t.Errorf("Pages = %d, want 6 (hidden and missing pages left out)", d.Pages)
	}
	if d.Title != "Acme Handbook" {
		t.Errorf("Title = %q, want the handbook's", d.Title)
	}
	body := string(d.HTML)
	for _, absent := range []string{"Nothing to see", `id="p4"`, `id="p5"`, "Ghost"} {
		if strings.Contains(body, absent) {
			t.Errorf("the view holds %q of a hidden or missing page", absent)
		}
	}

	covers := printFind(doc, printClass("section", "hb-print-cover"))
	if len(covers) != 1 {
		t.Fatalf("%d covers, want 1", len(covers))
	}
	cover := covers[0]
	if got := printText(printFind(cover, printClass("p", "hb-print-cover-title"))[0]); got != "Acme Handbook" {
		t.Errorf("cover title %q, want the handbook's", got)
	}
	if n := len(printFind(cover, printClass("p", "hb-print-cover-subtitle"))); n != 0 {
		t.Errorf("the whole handbook's cover has %d subtitles, want none", n)
	}
	var meta []string
	for _, dd := range printFind(cover, printTag("dd")) {
		meta = append(meta, printText(dd))
	}
	if want := []string{"2.1", "March 5, 2024"}; !slices.Equal(meta, want) {
		t.Errorf("cover shows %q, want the version and the date given: %q", meta, want)
	}
	times := printFind(cover, printTag("time"))
	if len(times) != 1 {
		t.Fatalf("cover has %d <time>, want 1", len(times))
	}
	if v, _ := printAttr(times[0], "datetime"); v != "2024-03-05" {
		t.Errorf("cover datetime %q, want 2024-03-05", v)
	}

	wantTree := "p0 Welcome; p1 Intro; g1 Getting started [p2 Guide [p3 Install]; p6 Usage]; g2 Company [p7 About]"
	if got := printContents(t, doc); got != wantTree {
		t.Errorf("contents:\n got %s\nwant %s", got, wantTree)
	}
	if got := printText(printFind(doc, printClass("p", "hb-print-contents-title"))[0]); got != "Contents" {
		t.Errorf("contents title %q, want Contents", got)
	}

	// The first tick always reports; every report counts the 6 pages.
	mu.Lock()
	defer mu.Unlock()
	if len(calls) == 0 {
		t.Error("Progress was never called")
	}
	for _, c := range calls {
		if c[1] != 6 || c[0] < 1 || c[0] > 6 {
			t.Errorf("Progress(%d, %d), want done in 1..6 of 6", c[0], c[1])
		}
	}
}

func TestPrintIDsAndLinks(t *testing.T) {
	t.Parallel()
	b, _ := loadPrintBook(t, printBook)
	_, doc := printView(t, b, site.PrintOptions{})

	all := printIDs(doc)
	for _, id := range []string{"p0-overview", "p1-overview", "p3-steps", "p7-team"} {
		if all[id] != 1 {
			t.Errorf("id %q occurs %d times, want once", id, all[id])
		}
	}
	for _, id := range []string{"overview", "steps", "team"} {
		if all[id] != 0 {
			t.Errorf("id %q left without its page's prefix", id)
		}
	}

	for _, c := range []struct{ part, text, want string }{
		{"p0", "install", "#p3-steps"},
		{"p0", "usage", "#p6"},
		{"p0", "guide", "#p2"},
		{"p3", "home", "#p0"},
		{"p3", "overview", "#p0-overview"},
		{"p3", "steps", "#p3-steps"},
		{"p6", "about", "#p7"},
		{"p6", "team", "#p7-team"},
		{"p6", "elsewhere", "https://example.org/x"},
	} {
		if got, _ := printLink(t, doc, c.part, c.text); got != c.want {
			t.Errorf("%s: link %q has href %q, want %q", c.part, c.text, got, c.want)
		}
	}
	// Every heading keeps a permalink to itself.
	for _, h := range printFind(doc, printTag("h2")) {
		id, _ := printAttr(h, "id")
		for _, a := range printFind(h, printClass("a", "anchor")) {
			if href, _ := printAttr(a, "href"); href != "#"+id {
				t.Errorf("heading %q: permalink %q, want #%s", id, href, id)
			}
		}
	}
	printCheckRefs(t, doc)
}

func TestPrintOutlineLevels(t *testing.T) {
	t.Parallel()
	t.Run("titled groups", func(t *testing.T) {
		t.Parallel()
		b, _ := loadPrintBook(t, printBook)
		_, doc := printView(t, b, site.PrintOptions{})
		for _, g := range printFind(doc, printClass("h1", "hb-print-group-title")) {
			if got := printLevel(t, g); got != "1" {
				t.Errorf("group %q at level %s, want 1", printText(g), got)
			}
		}
		for _, c := range []struct{ id, want string }{
			{"p0-overview", "2"},   // the untitled first group's page is at 1
			{"p3-steps", "4"},      // Install is a child page, at 3
			{"p3-fine-print", "5"}, // "######" after "##" is one level deeper, no more
			{"p7-team", "3"},
		} {
			if got := printLevel(t, printByID(t, doc, c.id)); got != c.want {
				t.Errorf("heading %s at level %s, want %s", c.id, got, c.want)
			}
		}
	})
	t.Run("no titled groups", func(t *testing.T) {
		t.Parallel()
		b, _ := loadPrintBook(t, `
-- SUMMARY.md --
# Table of contents

* [Home](README.md)
* [Team](team/README.md)
  * [People](team/people.md)
    * [Alice](team/alice.md)
-- README.md --
# Home
-- team/README.md --
# Team

## Mission
-- team/people.md --
# People

## Roles

### Lead

#### Deputy
-- team/alice.md --
# Alice

## Likes
`)
		_, doc := printView(t, b, site.PrintOptions{})
		want := []string{"page p0 Home L1", "page p1 Team L1", "page p2 People L2", "page p3 Alice L3"}
		if got := printParts(t, doc); !slices.Equal(got, want) {
			t.Errorf("parts:\n got %q\nwant %q", got, want)
		}
		for _, c := range []struct{ id, want string }{
			{"p1-mission", "2"},
			{"p2-roles", "3"},
			{"p2-lead", "4"},
			{"p2-deputy", "5"},
			{"p3-likes", "4"},
		} {
			if got := printLevel(t, printByID(t, doc, c.id)); got != c.want {
				t.Errorf("heading %s at level %s, want %s", c.id, got, c.want)
			}
		}
		if n := len(printFind(doc, printClass("section", "hb-print-group"))); n != 0 {
			t.Errorf("%d group title pages, want none", n)
		}
		if got, want := printContents(t, doc), "p0 Home; p1 Team [p2 People [p3 Alice]]"; got != want {
			t.Errorf("contents:\n got %s\nwant %s", got, want)
		}
	})
}

func TestPrintScope(t *testing.T) {
	t.Parallel()
	b, _ := loadPrintBook(t, printBook)

	single := []struct{ name, page, id, title string }{
		{"URL path", "/getting-started/guide/install", "p3", "Install"},
		{"URL path with a trailing slash", "getting-started/guide/install/", "p3", "Install"},
		{"file", "guide/install.md", "p3", "Install"},
		{"file without .md", "guide/install", "p3", "Install"},
		{"folder README", "guide", "p2", "Guide"},
		{"README file", "guide/README.md", "p2", "Guide"},
		{"first page", "/", "p0", "Welcome"},
	}
	for _, c := range single {
		t.Run("page by "+c.name, func(t *testing.T) {
			t.Parallel()
			d, doc := printView(t, b, site.PrintOptions{Scope: site.PrintScope{Page: c.page}})
			want := []string{fmt.Sprintf("page %s %s L1", c.id, c.title)}
			if got := printParts(t, doc); !slices.Equal(got, want) {
				t.Errorf("parts %q, want %q", got, want)
			}
			if d.Pages != 1 || d.Title != c.title {
				t.Errorf("Pages, Title = %d, %q; want 1, %q", d.Pages, d.Title, c.title)
			}
			if got := printContents(t, doc); got != "" {
				t.Errorf("a single page has a contents page: %s", got)
			}
			if got := printText(printFind(doc, printClass("p", "hb-print-cover-title"))[0]); got != c.title {
				t.Errorf("cover title %q, want %q", got, c.title)
			}
			subs := printFind(doc, printClass("p", "hb-print-cover-subtitle"))
			if len(subs) != 1 || printText(subs[0]) != "Acme Handbook" {
				t.Errorf("cover subtitles %d, want the handbook title once", len(subs))
			}
			printCheckRefs(t, doc)
		})
	}

	t.Run("section by page", func(t *testing.T) {
		t.Parallel()
		d, doc := printView(t, b, site.PrintOptions{Scope: site.PrintScope{Section: "guide/README.md"}})
		pages := printParts(t, doc)
		// Guide and its visible child, from level 1, without the group's
		// title page; not its hidden or missing children, nor Usage, its
		// sibling.
		if want := []string{"page p2 Guide L1", "page p3 Install L2"}; !slices.Equal(pages, want) {
			t.Errorf("pages %q, want %q", pages, want)
		}
		if d.Pages != 2 || d.Title != "Guide" {
			t.Errorf("Pages, Title = %d, %q; want 2, Guide", d.Pages, d.Title)
		}
		if got := printContents(t, doc); !strings.Contains(got, "p2 Guide [p3 Install]") {
			t.Errorf("contents %q, want Install under Guide", got)
		}
		printCheckRefs(t, doc)
	})

	for _, name := range []string{"Getting started", "GETTING STARTED", "getting-started"} {
		t.Run("section by group "+name, func(t *testing.T) {
			t.Parallel()
			d, doc := printView(t, b, site.PrintOptions{Scope: site.PrintScope{Section: name}})
			want := []string{
				"group g1 Getting started L1",
				"page p2 Guide L2",
				"page p3 Install L3",
				"page p6 Usage L2",
			}
			if got := printParts(t, doc); !slices.Equal(got, want) {
				t.Errorf("parts:\n got %q\nwant %q", got, want)
			}
			if d.Pages != 3 || d.Title != "Getting started" {
				t.Errorf("Pages, Title = %d, %q; want 3, Getting started", d.Pages, d.Title)
			}
			subs := printFind(doc, printClass("p", "hb-print-cover-subtitle"))
			if len(subs) != 1 || printText(subs[0]) != "Acme Handbook" {
				t.Errorf("cover subtitles %d, want the handbook title once", len(subs))
			}
			printCheckRefs(t, doc)
		})
	}

	for _, c := range []struct {
		name  string
		scope site.PrintScope
		noPg  bool
		named string
	}{
		{"unknown page", site.PrintScope{Page: "guide/nope.md"}, true, "guide/nope.md"},
		{"unknown URL", site.PrintScope{Page: "/nowhere/at/all"}, true, "/nowhere/at/all"},
		{"unknown section", site.PrintScope{Section: "Nowhere"}, true, "Nowhere"},
		{"page and section", site.PrintScope{Page: "guide/install.md", Section: "Company"}, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			d, err := site.Print(context.Background(), b, site.PrintOptions{Scope: c.scope, Date: printDate})
			if err == nil {
				t.Fatalf("got a view of %d pages, want an error", d.Pages)
			}
			if errors.Is(err, site.ErrNoPage) != c.noPg {
				t.Errorf("errors.Is(%v, ErrNoPage) = %v, want %v", err, !c.noPg, c.noPg)
			}
			if !strings.Contains(err.Error(), c.named) {
				t.Errorf("error %q does not name %q", err, c.named)
			}
		})
	}
}

func TestPrintFindPage(t *testing.T) {
	t.Parallel()
	b, _ := loadPrintBook(t, printBook)
	for name, want := range map[string]string{
		"/company/about":   "company/about.md",
		"company/about.md": "company/about.md",
		" guide ":          "guide/README.md",
		"/":                "README.md",
		"":                 "",
		"company":          "",
		"guide/ghost.txt":  "",
	} {
		got := ""
		if p := site.FindPage(b, name); p != nil {
			got = p.File
		}
		if got != want {
			t.Errorf("FindPage(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestPrintLinksOutsideTheView(t *testing.T) {
	t.Parallel()
	b, _ := loadPrintBook(t, printBook)
	usage := site.PrintScope{Page: "usage.md"}

	t.Run("SiteURL", func(t *testing.T) {
		t.Parallel()
		_, doc := printView(t, b, site.PrintOptions{Scope: usage, SiteURL: "https://hb.example.com/"})
		for text, want := range map[string]string{
			"about":     "https://hb.example.com/company/about",
			"team":      "https://hb.example.com/company/about#team",
			"secret":    "https://hb.example.com/getting-started/guide/secret",
			"elsewhere": "https://example.org/x",
		} {
			if got, _ := printLink(t, doc, "p6", text); got != want {
				t.Errorf("link %q: href %q, want %q", text, got, want)
			}
		}
	})

	t.Run("nowhere to go", func(t *testing.T) {
		t.Parallel()
		_, doc := printView(t, b, site.PrintOptions{Scope: usage})
		// The text stays, and no link leads into the print folder or
		// to a guessed site.
		for _, text := range []string{"about", "team", "secret"} {
			if href, ok := printLink(t, doc, "p6", text); ok {
				t.Errorf("link %q: href %q, want no href", text, href)
			}
		}
		if got, _ := printLink(t, doc, "p6", "elsewhere"); got != "https://example.org/x" {
			t.Errorf("external link: href %q, want it kept", got)
		}
	})

	t.Run("hidden page from the whole handbook", func(t *testing.T) {
		t.Parallel()
		_, doc := printView(t, b, site.PrintOptions{SiteURL: "https://hb.example.com"})
		if got, _ := printLink(t, doc, "p6", "secret"); got != "https://hb.example.com/getting-started/guide/secret" {
			t.Errorf("link to the hidden page: href %q, want it on the site", got)
		}
		if got, _ := printLink(t, doc, "p6", "about"); got != "#p7" {
			t.Errorf("link to a page in the view: href %q, want #p7", got)
		}
	})

	based := strings.Replace(printBook, "title: Acme Handbook\n", "title: Acme Handbook\nbase_url: https://docs.example.com/hb/\n", 1)
	bb, _ := loadPrintBook(t, based)

	t.Run("base_url", func(t *testing.T) {
		t.Parallel()
		_, doc := printView(t, bb, site.PrintOptions{Scope: usage})
		for text, want := range map[string]string{
			"about": "https://docs.example.com/hb/company/about",
			"team":  "https://docs.example.com/hb/company/about#team",
		} {
			if got, _ := printLink(t, doc, "p6", text); got != want {
				t.Errorf("link %q: href %q, want %q", text, got, want)
			}
		}
	})

	t.Run("SiteURL over base_url", func(t *testing.T) {
		t.Parallel()
		_, doc := printView(t, bb, site.PrintOptions{Scope: usage, SiteURL: "https://hb.example.com/"})
		if got, _ := printLink(t, doc, "p6", "about"); got != "https://hb.example.com/company/about" {
			t.Errorf("href %q, want SiteURL's", got)
		}
	})

	t.Run("page by URL under base_url", func(t *testing.T) {
		t.Parallel()
		d, _ := printView(t, bb, site.PrintOptions{Scope: site.PrintScope{Page: "/hb/company/about"}})
		if d.Title != "About" {
			t.Errorf("Title %q, want About", d.Title)
		}
	})
}

func TestPrintOpensDetailsAndTabs(t *testing.T) {
	t.Parallel()
	b, _ := loadPrintBook(t, printBook)
	_, doc := printView(t, b, site.PrintOptions{})

	details := printFind(printByID(t, doc, "p0"), printTag("details"))
	if len(details) != 1 {
		t.Fatalf("%d <details>, want 1", len(details))
	}
	if _, ok := printAttr(details[0], "open"); !ok {
		t.Error("<details> is not open")
	}

	guide := printByID(t, doc, "p2")
	panels := printFind(guide, func(n *html.Node) bool { v, _ := printAttr(n, "role"); return v == "tabpanel" })
	if len(panels) != 2 {
		t.Fatalf("%d tab panels, want 2", len(panels))
	}
	for i, want := range []string{"Run brew.", "Run apt."} {
		if _, hidden := printAttr(panels[i], "hidden"); hidden {
			t.Errorf("panel %d is hidden", i)
		}
		if got := printText(panels[i]); !strings.Contains(got, want) {
			t.Errorf("panel %d text %q, want %q", i, got, want)
		}
	}
	tabs := printFind(guide, func(n *html.Node) bool { v, _ := printAttr(n, "role"); return v == "tab" })
	if len(tabs) != 2 {
		t.Fatalf("%d tabs, want 2", len(tabs))
	}
	for i, tab := range tabs {
		tabID, _ := printAttr(tab, "id")
		controls, _ := printAttr(tab, "aria-controls")
		panelID, _ := printAttr(panels[i], "id")
		labelledBy, _ := printAttr(panels[i], "aria-labelledby")
		if !strings.HasPrefix(tabID, "p2-") || !strings.HasPrefix(panelID, "p2-") {
			t.Errorf("tab %q, panel %q: want the page's prefix p2-", tabID, panelID)
		}
		if controls != panelID || labelledBy != tabID {
			t.Errorf("tab %q controls %q, panel %q labelled by %q: want them to name each other", tabID, controls, panelID, labelledBy)
		}
	}
	printCheckRefs(t, doc)
}

// printListFiles returns the slash paths of the files under dir.
func printListFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPrintWrite(t *testing.T) {
	t.Parallel()
	b, src := loadPrintBook(t, printBook)
	srcBefore := printListFiles(t, src)
	d, doc := printView(t, b, site.PrintOptions{})

	top := t.TempDir()
	dir := filepath.Join(top, "print")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := d.Write(dir); err != nil {
		t.Fatalf("write: %v", err)
	}

	written, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(written, d.HTML) {
		t.Error("index.html is not the view's HTML")
	}

	// Every relative file the document loads is there.
	var refs []string
	for _, n := range printFind(doc, func(n *html.Node) bool {
		rel, _ := printAttr(n, "rel")
		return n.Data == "link" && rel == "stylesheet" || n.Data == "img" || n.Data == "script"
	}) {
		key := "src"
		if n.Data == "link" {
			key = "href"
		}
		v, ok := printAttr(n, key)
		if !ok {
			continue
		}
		u, err := url.Parse(v)
		if err != nil {
			t.Errorf("<%s %s=%q>: %v", n.Data, key, v, err)
			continue
		}
		if u.IsAbs() || u.Host != "" || strings.HasPrefix(u.Path, "/") {
			t.Errorf("<%s %s=%q> is not relative", n.Data, key, v)
			continue
		}
		refs = append(refs, path.Clean(u.Path))
	}
	var sheets, images int
	for _, r := range refs {
		if strings.HasSuffix(r, ".css") {
			sheets++
		}
		if strings.HasSuffix(r, ".png") {
			images++
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(r))); err != nil {
			t.Errorf("the document loads %s: %v", r, err)
		}
	}
	if sheets < 2 || images != 2 {
		t.Errorf("the document loads %d stylesheets and %d images, want at least 2 and 2: %q", sheets, images, refs)
	}

	// It writes what the document loads, and nothing else.
	want := append([]string{"index.html"}, refs...)
	slices.Sort(want)
	if got := printListFiles(t, dir); !slices.Equal(got, slices.Compact(want)) {
		t.Errorf("written files:\n got %q\nwant %q", got, want)
	}

	// The images are copied as they are.
	for _, r := range refs {
		if !strings.HasSuffix(r, ".png") {
			continue
		}
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r)))
		if err != nil {
			continue // reported above
		}
		if want := map[bool]string{true: "logo-bytes\n", false: "diagram-bytes\n"}[strings.Contains(r, "logo")]; string(got) != want {
			t.Errorf("%s holds %q, want %q", r, got, want)
		}
	}

	// Nothing is written outside dir, nor into the source.
	entries, err := os.ReadDir(top)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "print" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the print folder: %q, want nothing", names)
	}
	if after := printListFiles(t, src); !slices.Equal(after, srcBefore) {
		t.Errorf("the source folder changed:\n got %q\nwant %q", after, srcBefore)
	}

	if err := d.Write(filepath.Join(top, "absent")); err == nil {
		t.Error("Write into a folder that does not exist succeeded, want an error")
	}
}

func TestPrintHash(t *testing.T) {
	t.Parallel()
	src := filepath.Join(t.TempDir(), "src")
	hbtest.Write(t, src, printBook)
	hash := func() (string, []byte) {
		t.Helper()
		b, err := book.Load(context.Background(), src, book.Options{})
		if err != nil {
			t.Fatalf("load: %v", err)
		}
		d, _ := printView(t, b, site.PrintOptions{Version: "1"})
		h, err := d.Hash()
		if err != nil {
			t.Fatalf("hash: %v", err)
		}
		if h2, err := d.Hash(); err != nil || h2 != h {
			t.Errorf("a second Hash of the same view: %q, %v; want %q", h2, err, h)
		}
		return h, d.HTML
	}
	edit := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	h0, html0 := hash()
	if len(h0) != 64 {
		t.Errorf("hash %q, want 64 hex digits", h0)
	}
	if h, html := hash(); h != h0 || !bytes.Equal(html, html0) {
		t.Errorf("the same book gives hash %s, want %s (HTML equal: %v)", h, h0, bytes.Equal(html, html0))
	}

	edit(".gitbook/assets/diagram (2).png", "DIAGRAM-BYTES\n") // same name and size
	h1, html1 := hash()
	if !bytes.Equal(html1, html0) {
		t.Error("changing an image's bytes changed the HTML; the test needs only the bytes to differ")
	}
	if h1 == h0 {
		t.Error("the hash did not change with an image's bytes")
	}

	edit("company/about.md", "# About\n\n## Team\n\nNew text.\n")
	h2, _ := hash()
	if h2 == h1 || h2 == h0 {
		t.Error("the hash did not change with a page's text")
	}
}

func TestPrintLeavesTheBookUnchanged(t *testing.T) {
	t.Parallel()
	// No title in handbook.yaml, and H1s that differ from the sidebar's
	// titles: a site build would set both.
	b, _ := loadPrintBook(t, `
-- SUMMARY.md --
# Table of contents

* [Start](README.md)
* [Short](long.md)
  * [Kid](kid.md)
-- README.md --
# The Acme Handbook
-- long.md --
# A much longer title
-- kid.md --
# Child page
`)
	snapshot := func() []string {
		out := []string{"book: " + b.Title}
		for _, p := range b.Pages {
			out = append(out, fmt.Sprintf("%s: %q %q %q", p.File, p.Title, p.NavTitle, p.LinkTitle))
		}
		return out
	}
	before := snapshot()
	d, doc := printView(t, b, site.PrintOptions{})
	if after := snapshot(); !slices.Equal(after, before) {
		t.Errorf("Print changed the book:\n got %q\nwant %q", after, before)
	}
	if d.Title != "The Acme Handbook" {
		t.Errorf("Title %q, want the first page's H1", d.Title)
	}
	want := []string{"page p0 The Acme Handbook L1", "page p1 A much longer title L1", "page p2 Child page L2"}
	if got := printParts(t, doc); !slices.Equal(got, want) {
		t.Errorf("parts:\n got %q\nwant %q", got, want)
	}
	d2, _ := printView(t, b, site.PrintOptions{})
	if !bytes.Equal(d2.HTML, d.HTML) {
		t.Error("a second Print of the same book gave other HTML")
	}
}

// Two groups with the same title have title pages of their own, and a
// link to a heading a page does not have leads to the page.
func TestPrintGroupsOfTheSameTitleAndUnknownHeadings(t *testing.T) {
	t.Parallel()
	b, _ := loadPrintBook(t, `
-- SUMMARY.md --
* [Home](README.md)

## Misc

* [A](a.md)

## Misc

* [B](b.md)
-- README.md --
# Home

See [b's part](b.md#part) and [a heading b lacks](b.md#nope).
-- a.md --
# A
-- b.md --
# B

## Part
`)
	_, doc := printView(t, b, site.PrintOptions{})
	if got, want := printParts(t, doc), []string{"page p0 Home L1", "group g1 Misc L1", "page p1 A L2", "group g2 Misc L1", "page p2 B L2"}; !slices.Equal(got, want) {
		t.Errorf("parts %q, want %q", got, want)
	}
	if href, _ := printLink(t, doc, "p0", "b's part"); href != "#p2-part" {
		t.Errorf("link to b.md#part: %q, want #p2-part", href)
	}
	if href, _ := printLink(t, doc, "p0", "a heading b lacks"); href != "#p2" {
		t.Errorf("link to b.md#nope: %q, want the page, #p2", href)
	}
}

// A page listed without a file cannot be printed by itself, and a section
// of nothing but missing files is an error too.
func TestPrintMissingPage(t *testing.T) {
	t.Parallel()
	b, _ := loadPrintBook(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Ghost](ghost.md)
  * [Ghost child](ghost/child.md)
-- README.md --
# Home
`)
	for _, sc := range []site.PrintScope{{Page: "ghost.md"}, {Section: "/ghost"}} {
		if _, err := site.Print(context.Background(), b, site.PrintOptions{Scope: sc}); err == nil || !strings.Contains(err.Error(), "ghost.md does not exist") {
			t.Errorf("Print(%+v): %v, want an error naming ghost.md", sc, err)
		}
	}
}

// Pages below a hidden page are not in the sidebar, so not in the print
// of the whole handbook; a group is found by its slug between slashes, as
// a server's path gives it.
func TestPrintLeavesOutPagesBelowAHiddenPage(t *testing.T) {
	t.Parallel()
	b, _ := loadPrintBook(t, `
-- SUMMARY.md --
* [Home](README.md)

## Company

* [Drafts](drafts/README.md)
  * [Plan](drafts/plan.md)
* [About](about.md)
-- README.md --
# Home
-- drafts/README.md --
---
hidden: true
---
# Drafts
-- drafts/plan.md --
# Plan
-- about.md --
# About
`)
	_, doc := printView(t, b, site.PrintOptions{})
	if got, want := printParts(t, doc), []string{"page p0 Home L1", "group g1 Company L1", "page p3 About L2"}; !slices.Equal(got, want) {
		t.Errorf("parts %q, want %q", got, want)
	}
	_, doc = printView(t, b, site.PrintOptions{Scope: site.PrintScope{Section: "/company/"}})
	if got, want := printParts(t, doc), []string{"group g1 Company L1", "page p3 About L2"}; !slices.Equal(got, want) {
		t.Errorf("section /company/: parts %q, want %q", got, want)
	}
}
