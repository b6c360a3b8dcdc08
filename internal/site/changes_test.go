package site_test

import (
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/site"
)

// feedDoc is the part of an Atom feed the tests read.
type feedDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Author  string `xml:"author>name"`
		Link    struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func (f *feedDoc) link(rel string) string {
	for _, l := range f.Links {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

func readFeed(t *testing.T, file string) *feedDoc {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var f feedDoc
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("parse %s: %v", file, err)
	}
	return &f
}

// hrefs returns the href attributes in an HTML fragment.
func hrefs(html string) []string {
	var out []string
	for _, part := range strings.Split(html, `href="`)[1:] {
		out = append(out, strings.ReplaceAll(part[:strings.IndexByte(part, '"')], "&amp;", "&"))
	}
	return out
}

// builtPage returns the output file of a site URL path ("/hb/a/b") under
// base ("/hb/"), or "" when the path is outside base.
func builtPage(out, base, urlPath string) string {
	rest, ok := strings.CutPrefix(urlPath, base)
	if !ok {
		return ""
	}
	rest, _, _ = strings.Cut(rest, "#")
	return filepath.Join(out, filepath.FromSlash(rest), "index.html")
}

// gitAt runs git in dir with fixed identities and dates.
func gitAt(t *testing.T, dir, date, author string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
		"GIT_AUTHOR_NAME="+author, "GIT_AUTHOR_EMAIL=a@example.com",
		"GIT_COMMITTER_NAME=C", "GIT_COMMITTER_EMAIL=c@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// changesRepo makes a repository whose handbook lives in handbook/:
//
//	2024-01-10 Start the handbook        every file
//	2024-02-01 Tidy the notes            notes.txt (no page)
//	2024-02-02 Hide the secret           handbook/secret.md (noIndex page)
//	2024-02-02 Guide & people: <fix>     handbook/guide.md, handbook/team/people.md
//	2024-03-05 Say hello                 handbook/README.md (another author)
func changesRepo(t *testing.T, extra string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	top := t.TempDir()
	src := filepath.Join(top, "handbook")
	hbtest.Write(t, top, `
-- notes.txt --
notes
-- handbook/SUMMARY.md --
* [Home](README.md)
* [Guide](guide.md "The guide")
* [Team](team/README.md)
  * [People & roles](team/people.md)
* [Secret](secret.md)
-- handbook/README.md --
# Home
-- handbook/guide.md --
# Guide
-- handbook/team/README.md --
# Team
-- handbook/team/people.md --
# People
-- handbook/secret.md --
---
noIndex: true
---
# Secret
`+extra)
	gitAt(t, top, "", "A", "init", "-q", "-b", "main")
	gitAt(t, top, "", "A", "add", "-A")
	gitAt(t, top, "2024-01-10T09:00:00Z", "Ann", "commit", "-q", "-m", "Start the handbook")
	edit := func(name, date, author, msg string) {
		f, err := os.OpenFile(filepath.Join(top, filepath.FromSlash(name)), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = f.WriteString("\nmore\n")
		_ = f.Close()
		gitAt(t, top, "", author, "add", "-A")
		gitAt(t, top, date, author, "commit", "-q", "-m", msg)
	}
	edit("notes.txt", "2024-02-01T10:00:00+02:00", "Ann", "Tidy the notes")
	edit("handbook/secret.md", "2024-02-02T12:00:00Z", "Ann", "Hide the secret")
	hbtest.Write(t, src, `
-- guide.md --
# Guide

changed
-- team/people.md --
# People

changed
`)
	gitAt(t, top, "", "Bo", "add", "-A")
	gitAt(t, top, "2024-02-02T15:30:00Z", "Bo", "commit", "-q", "-m", "Guide & people: <fix> \"quotes\"\x01\n\nBody text")
	edit("handbook/README.md", "2024-03-05T08:00:00-05:00", "Zoë", "Say hello")
	return src
}

func buildSrc(t *testing.T, src string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	b, err := book.Load(context.Background(), src, book.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := site.Build(context.Background(), b, site.Options{Out: out}); err != nil {
		t.Fatal(err)
	}
	return out
}

func readOut(t *testing.T, out, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestChangesFeedAndPage(t *testing.T) {
	t.Parallel()
	src := changesRepo(t, `
-- handbook/handbook.yaml --
title: Acme
base_url: https://docs.example.com/hb/
`)
	out := buildSrc(t, src)

	f := readFeed(t, filepath.Join(out, "recently-updated", "atom.xml"))
	if f.Title != "Acme: recently updated" {
		t.Errorf("feed title: got %q", f.Title)
	}
	if f.ID != "https://docs.example.com/hb/recently-updated" {
		t.Errorf("feed id: got %q", f.ID)
	}
	if got, want := f.link("self"), "https://docs.example.com/hb/recently-updated/atom.xml"; got != want {
		t.Errorf("self link: got %q, want %q", got, want)
	}
	if got, want := f.link("alternate"), "https://docs.example.com/hb/recently-updated"; got != want {
		t.Errorf("alternate link: got %q, want %q", got, want)
	}
	if f.Updated != "2024-03-05T08:00:00-05:00" {
		t.Errorf("feed updated: got %q", f.Updated)
	}

	type entry struct{ title, updated, author, pages string }
	var got []entry
	ids := map[string]bool{}
	for _, e := range f.Entries {
		var pages []string
		for _, h := range hrefs(e.Content.Text) {
			if file := builtPage(out, "https://docs.example.com/hb/", h); file == "" {
				t.Errorf("entry %q: link %q is not absolute under the base URL", e.Title, h)
			} else if _, err := os.Stat(file); err != nil {
				t.Errorf("entry %q: link %q: %v", e.Title, h, err)
			}
			pages = append(pages, strings.TrimPrefix(h, "https://docs.example.com/hb/"))
		}
		got = append(got, entry{e.Title, e.Updated, e.Author, strings.Join(pages, " ")})
		if e.Content.Type != "html" {
			t.Errorf("entry %q: content type %q, want html", e.Title, e.Content.Type)
		}
		if !strings.HasPrefix(e.ID, "urn:uuid:") || ids[e.ID] {
			t.Errorf("entry %q: id %q is not a fresh urn:uuid", e.Title, e.ID)
		}
		ids[e.ID] = true
		anchor, ok := strings.CutPrefix(e.Link.Href, "https://docs.example.com/hb/recently-updated#")
		if e.Link.Rel != "alternate" || !ok || !strings.Contains(readOut(t, out, "recently-updated/index.html"), `id="`+anchor+`"`) {
			t.Errorf("entry %q: link %q does not point at its entry on the page", e.Title, e.Link.Href)
		}
	}
	want := []entry{
		{"Say hello", "2024-03-05T08:00:00-05:00", "Zoë", ""},
		{"Guide & people: <fix> \"quotes\"", "2024-02-02T15:30:00Z", "Bo", "guide team/people"},
		{"Start the handbook", "2024-01-10T09:00:00Z", "Ann", " guide team team/people"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("entries:\ngot  %q\nwant %q", got, want)
	}
	if len(f.Entries) > 0 && !strings.Contains(f.Entries[1].Content.Text, `>People &amp; roles</a>`) {
		t.Errorf("entry content does not name the page by its link title: %s", f.Entries[1].Content.Text)
	}

	// A second build gives the same ids.
	again := readFeed(t, filepath.Join(buildSrc(t, src), "recently-updated", "atom.xml"))
	for i := range min(len(again.Entries), len(f.Entries)) {
		if again.Entries[i].ID != f.Entries[i].ID {
			t.Errorf("entry %d: id %q changed to %q", i, f.Entries[i].ID, again.Entries[i].ID)
		}
	}

	page := readOut(t, out, "recently-updated/index.html")
	for _, want := range []string{
		`<title>Recently updated | Acme</title>`,
		`<link rel="canonical" href="https://docs.example.com/hb/recently-updated">`,
		`<h1 class="hb-title">Recently updated</h1>`,
		`<a class="hb-action" href="/hb/recently-updated/atom.xml" type="application/atom+xml">`,
		`<nav class="hb-sidebar"`,
		`<a href="/hb/guide">`, // the sidebar
		`<time datetime="2024-03-05">Tuesday, Mar 5, 2024</time>`,
		`<time datetime="2024-02-02">Friday, Feb 2, 2024</time>`,
		`<time datetime="2024-01-10">Wednesday, Jan 10, 2024</time>`,
		` Guide &amp; people: &lt;fix&gt; &#34;quotes&#34;</p>`,
		`<span class="hb-change-author">Bo</span> · <time datetime="2024-02-02T15:30:00Z">15:30 UTC</time>`,
		`<time datetime="2024-03-05T13:00:00Z">13:00 UTC</time>`,
		`<li><a href="/hb/guide">The guide</a></li>`,
		`<li><a href="/hb/team/people">People &amp; roles</a></li>`,
		`<p class="hb-footer-changes"><a href="/hb/recently-updated">Recently updated</a></p>`,
		`<link rel="alternate" type="application/atom+xml" title="Recently updated" href="/hb/recently-updated/atom.xml">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page: missing %q", want)
		}
	}
	_, list, _ := strings.Cut(page, `<div class="hb-content">`)
	list, _, _ = strings.Cut(list, `</article>`)
	for _, absent := range []string{"Tidy the notes", "Hide the secret", "Body text", "/hb/secret", "\x01"} {
		if strings.Contains(list, absent) {
			t.Errorf("page: found %q, want it absent", absent)
		}
	}
	// Days newest first, and within the page the commits in feed order.
	if i, j, k := strings.Index(page, "Say hello"), strings.Index(page, "Guide &amp; people"), strings.Index(page, "Start the handbook"); !(i < j && j < k) {
		t.Errorf("page order: Say hello at %d, Guide at %d, Start at %d", i, j, k)
	}
	if n := strings.Count(page, `<li class="hb-change" id="c-`); n != 3 {
		t.Errorf("page: %d commits, want 3", n)
	}

	// Every page and the 404 page point at the feed and the page.
	for _, rel := range []string{"index.html", "guide/index.html", "secret/index.html", "404.html"} {
		html := readOut(t, out, rel)
		for _, want := range []string{
			`<link rel="alternate" type="application/atom+xml" title="Recently updated" href="/hb/recently-updated/atom.xml">`,
			`<a href="/hb/recently-updated">Recently updated</a>`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: missing %q", rel, want)
			}
		}
	}
}

func TestChangesRelativeLinksAndTakenURL(t *testing.T) {
	t.Parallel()
	// A page of the book already lives at /recently-updated.
	src := changesRepo(t, `
-- handbook/recently-updated.md --
# Our news
`)
	if err := os.WriteFile(filepath.Join(src, "SUMMARY.md"), []byte(
		"* [Home](README.md)\n* [Guide](guide.md)\n* [News](recently-updated.md)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := buildSrc(t, src)
	if got := readOut(t, out, "recently-updated/index.html"); !strings.Contains(got, "Our news") {
		t.Errorf("the book's own page was replaced")
	}
	f := readFeed(t, filepath.Join(out, "_recently-updated", "atom.xml"))
	if got, want := f.link("self"), "/_recently-updated/atom.xml"; got != want {
		t.Errorf("self link: got %q, want %q", got, want)
	}
	if !strings.HasPrefix(f.ID, "urn:uuid:") {
		t.Errorf("feed id without a base URL: got %q, want a urn:uuid", f.ID)
	}
	if len(f.Entries) == 0 {
		t.Fatal("no entries")
	}
	if got, want := f.Entries[0].Link.Href, "/_recently-updated#c-"; !strings.HasPrefix(got, want) {
		t.Errorf("entry link: got %q, want %s…", got, want)
	}
	var links []string
	for _, e := range f.Entries {
		links = append(links, hrefs(e.Content.Text)...)
	}
	// The pages no longer listed in SUMMARY.md are not in the feed.
	if want := []string{"/", "/guide", "/", "/guide", "/recently-updated"}; !slices.Equal(links, want) {
		t.Errorf("links: got %q, want %q", links, want)
	}
	for _, l := range links {
		if _, err := os.Stat(builtPage(out, "/", l)); err != nil {
			t.Errorf("link %q: %v", l, err)
		}
	}
	home := readOut(t, out, "index.html")
	if !strings.Contains(home, `<a href="/_recently-updated">Recently updated</a>`) ||
		!strings.Contains(home, `type="application/atom+xml" title="Recently updated" href="/_recently-updated/atom.xml"`) {
		t.Errorf("home page does not link to /_recently-updated")
	}
}

func TestChangesNeedHistory(t *testing.T) {
	t.Parallel()
	files := `
-- SUMMARY.md --
* [Home](README.md)
* [Guide](guide.md)
-- README.md --
# Home
-- guide.md --
# Guide
`
	check := func(t *testing.T, out string) {
		t.Helper()
		for _, dir := range []string{"recently-updated", "_recently-updated"} {
			if _, err := os.Stat(filepath.Join(out, dir)); err == nil {
				t.Errorf("%s exists, want no recently updated page", dir)
			}
		}
		for _, rel := range []string{"index.html", "guide/index.html", "404.html"} {
			html := readOut(t, out, rel)
			if strings.Contains(html, "Recently updated") || strings.Contains(html, "application/atom+xml") {
				t.Errorf("%s links to recent changes without history", rel)
			}
		}
	}
	t.Run("no git", func(t *testing.T) {
		t.Parallel()
		check(t, hbtest.Build(t, files).Out)
	})
	t.Run("no commit touches a page", func(t *testing.T) {
		t.Parallel()
		if _, err := exec.LookPath("git"); err != nil {
			t.Skip("git is not installed")
		}
		top := t.TempDir()
		hbtest.Write(t, top, "-- notes.txt --\nnotes\n")
		gitAt(t, top, "", "A", "init", "-q", "-b", "main")
		gitAt(t, top, "", "A", "add", "-A")
		gitAt(t, top, "2024-01-10T09:00:00Z", "Ann", "commit", "-q", "-m", "Notes")
		src := filepath.Join(top, "handbook") // not committed
		hbtest.Write(t, src, files)
		check(t, buildSrc(t, src))
	})
}
