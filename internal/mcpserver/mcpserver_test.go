package mcpserver_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/llms"
	"github.com/handbookhq/handbook/internal/mcpserver"
	"github.com/handbookhq/handbook/internal/server"
)

// handbook is the fixture: a group, a nested README page, a hidden page
// and a noIndex page.
const handbook = `
-- SUMMARY.md --
# Table of contents

* [Home](README.md)

## Operations

* [Guide](guide/README.md)
  * [Backups](ops/backups.md)
* [Night shift](ops/night.md)
* [Secret](secret.md)
-- README.md --
# Home

Welcome to the team handbook.
-- guide/README.md --
---
description: How we run things.
---
# Guide

Start here.
-- ops/backups.md --
# Backups

Nightly snapshots of every database.

## Restoring

Restore a snapshot with the restore script.
-- ops/night.md --
---
hidden: true
---
# Night shift

Who watches the pager at night.
-- secret.md --
---
noIndex: true
---
# Secret

Snapshots of the restore plans for the merger.
`

// site builds files and returns the built site, as serve has it.
func site(t *testing.T, files string) *server.Site {
	t.Helper()
	b := hbtest.Build(t, files)
	s := server.NewSite(b.Out, b.Result.Redirects, b.Result.URLs)
	s.Pages, s.Title = b.Result.Listing, b.Result.Title
	return s
}

// connect runs an MCP server over h in process and returns a client
// session to it.
func connect(t *testing.T, h mcpserver.Handbook) *mcp.ClientSession {
	t.Helper()
	ctx := context.Background()
	ct, st := mcp.NewInMemoryTransports()
	ss, err := mcpserver.New(h, "v0.0.0-test").Connect(ctx, st, nil)
	if err != nil {
		t.Fatalf("server connect: %v", err)
	}
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "v0"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		t.Fatalf("client connect: %v", err)
	}
	t.Cleanup(func() {
		cs.Close()
		ss.Wait()
	})
	return cs
}

// call calls a tool and decodes its structured output into out, unless
// the call ended in a tool error. It returns the result's text.
func call(t *testing.T, cs *mcp.ClientSession, tool string, args any, out any) (string, bool) {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: tool, Arguments: args})
	if err != nil {
		t.Fatalf("%s %v: %v", tool, args, err)
	}
	var text strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			text.WriteString(tc.Text)
		}
	}
	if !res.IsError && out != nil {
		data, err := json.Marshal(res.StructuredContent)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s: decode %s: %v", tool, data, err)
		}
	}
	return text.String(), res.IsError
}

func TestToolsAreListedWithSchemas(t *testing.T) {
	t.Parallel()
	cs := connect(t, site(t, handbook))
	res, err := cs.ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tool := range res.Tools {
		names = append(names, tool.Name)
		if tool.Description == "" || tool.InputSchema == nil || tool.OutputSchema == nil {
			t.Errorf("%s: want a description and input and output schemas", tool.Name)
		}
		if tool.Annotations == nil || !tool.Annotations.ReadOnlyHint {
			t.Errorf("%s: want a read-only annotation", tool.Name)
		}
	}
	if got, want := strings.Join(names, " "), "get_page list_pages search"; got != want {
		t.Errorf("got tools %q, want %q", got, want)
	}
	in, _ := json.Marshal(res.Tools[2].InputSchema)
	for _, want := range []string{`"required":["query"]`, `"default":10`, `"minimum":1`} {
		if !strings.Contains(string(in), want) {
			t.Errorf("search input schema %s lacks %s", in, want)
		}
	}
}

func TestListPagesGivesTheTableOfContents(t *testing.T) {
	t.Parallel()
	cs := connect(t, site(t, handbook))
	var out mcpserver.ListPagesOutput
	text, isErr := call(t, cs, mcpserver.ListPagesTool, map[string]any{}, &out)
	if isErr {
		t.Fatalf("list_pages failed: %s", text)
	}
	var got []string
	for _, p := range out.Pages {
		got = append(got, p.Title+"|"+p.URL+"|"+p.MarkdownURL+"|"+p.Group+"|"+string(rune('0'+p.Depth))+"|"+map[bool]string{true: "hidden"}[p.Hidden])
	}
	want := []string{
		"Home|/|/README.md||0|",
		"Guide|/operations/guide|/operations/guide.md|Operations|0|",
		"Backups|/operations/guide/backups|/operations/guide/backups.md|Operations|1|",
		"Night shift|/operations/night|/operations/night.md|Operations|0|hidden",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got pages\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if out.Title != "Home" || out.Pages[1].Description != "How we run things." {
		t.Errorf("got title %q and description %q", out.Title, out.Pages[1].Description)
	}
	for _, want := range []string{"# Home\n", "## Operations\n", "- [Guide](/operations/guide.md): How we run things.\n", "- [Night shift](/operations/night.md)\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Secret") {
		t.Errorf("text lists the noIndex page:\n%s", text)
	}
}

func TestGetPageFindsAPageByAnyOfItsNames(t *testing.T) {
	t.Parallel()
	cs := connect(t, site(t, handbook))
	for _, tc := range []struct{ path, title string }{
		{"/operations/guide/backups", "Backups"},
		{"/operations/guide/backups.md", "Backups"},
		{"operations/guide/backups.md", "Backups"},
		{"operations/guide/backups", "Backups"},
		{"/operations/guide/backups/", "Backups"},
		{"/Operations/Guide/Backups", "Backups"},
		{"/operations/guide/backups#restoring", "Backups"},
		{"http://127.0.0.1:4000/operations/guide/backups.md#restoring", "Backups"},
		{"ops/backups.md", "Backups"},
		{"ops/backups.md#restoring", "Backups"},
		{"guide/README.md", "Guide"},
		{"/operations/guide", "Guide"},
		{"/", "Home"},
		{"README.md", "Home"},
		{"/operations/night", "Night shift"},
	} {
		var out mcpserver.GetPageOutput
		text, isErr := call(t, cs, mcpserver.GetPageTool, map[string]any{"path": tc.path}, &out)
		if isErr {
			t.Errorf("get_page %q: %s", tc.path, text)
			continue
		}
		if out.Title != tc.title || !strings.Contains(out.Markdown, "# "+tc.title) || text != out.Markdown {
			t.Errorf("get_page %q: got title %q and Markdown\n%s", tc.path, out.Title, out.Markdown)
		}
	}
}

func TestGetPageNamesTheClosestPagesForAnUnknownPath(t *testing.T) {
	t.Parallel()
	cs := connect(t, site(t, handbook))
	for _, tc := range []struct {
		path       string
		want, dont []string
	}{
		{"/operations/backup", []string{"Page Not Found", "`/operations/backup`", "- [Backups](/operations/guide/backups.md)", "list_pages"}, nil},
		{"/secret", []string{"Page Not Found"}, []string{"merger", "Secret"}},
		{"secret.md", []string{"Page Not Found"}, []string{"merger"}},
		{"../../etc/passwd", []string{"Page Not Found"}, []string{"root:"}},
		{" ", []string{"the path is empty"}, nil},
	} {
		text, isErr := call(t, cs, mcpserver.GetPageTool, map[string]any{"path": tc.path}, nil)
		if !isErr {
			t.Errorf("get_page %q: want a tool error, got\n%s", tc.path, text)
		}
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("get_page %q: error lacks %q:\n%s", tc.path, w, text)
			}
		}
		for _, d := range tc.dont {
			if strings.Contains(text, d) {
				t.Errorf("get_page %q: error shows %q:\n%s", tc.path, d, text)
			}
		}
	}
	if text, isErr := call(t, cs, mcpserver.GetPageTool, map[string]any{}, nil); !isErr {
		t.Errorf("get_page without a path: want a tool error, got\n%s", text)
	}
}

func TestSearchRanksSections(t *testing.T) {
	t.Parallel()
	cs := connect(t, site(t, handbook))
	var out mcpserver.SearchOutput
	text, isErr := call(t, cs, mcpserver.SearchTool, map[string]any{"query": "restoring"}, &out)
	if isErr || len(out.Results) == 0 {
		t.Fatalf("search failed: %s", text)
	}
	first := out.Results[0]
	if first.Title != "Backups" || first.Heading != "Restoring" || first.URL != "/operations/guide/backups#restoring" || first.MarkdownURL != "/operations/guide/backups.md" {
		t.Errorf("got first result %+v", first)
	}
	if !strings.Contains(first.Snippet, "restore script") {
		t.Errorf("got snippet %q", first.Snippet)
	}
	for _, want := range []string{"Backups › Restoring", "URL: /operations/guide/backups#restoring", "Markdown: /operations/guide/backups.md"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}

	// The noIndex page is not found; the limit holds.
	out = mcpserver.SearchOutput{}
	call(t, cs, mcpserver.SearchTool, map[string]any{"query": "snapshots", "limit": 1}, &out)
	if len(out.Results) != 1 || out.Results[0].Title != "Backups" {
		t.Errorf("search snapshots, limit 1: got %+v", out.Results)
	}
	out = mcpserver.SearchOutput{}
	text, _ = call(t, cs, mcpserver.SearchTool, map[string]any{"query": "merger"}, &out)
	if len(out.Results) != 0 || !strings.Contains(text, "No sections match") {
		t.Errorf("search merger: got %+v\n%s", out.Results, text)
	}
	out = mcpserver.SearchOutput{}
	if text, isErr := call(t, cs, mcpserver.SearchTool, map[string]any{"query": "snapshots", "limit": 1000}, &out); isErr || len(out.Results) == 0 {
		t.Errorf("a limit over the most: got %s", text)
	}

	for _, args := range []map[string]any{{"query": "  "}, {}, {"query": "x", "limit": 0}, {"query": 3}} {
		if text, isErr := call(t, cs, mcpserver.SearchTool, args, nil); !isErr {
			t.Errorf("search %v: want a tool error, got\n%s", args, text)
		}
	}
}

func TestOnlyListedPagesAreReachable(t *testing.T) {
	t.Parallel()
	s := site(t, handbook)
	var kept []llms.Page
	for _, p := range s.Pages {
		if p.Title != "Backups" {
			kept = append(kept, p)
		}
	}
	s.Pages = kept
	cs := connect(t, s)
	if text, isErr := call(t, cs, mcpserver.GetPageTool, map[string]any{"path": "/operations/guide/backups"}, nil); !isErr {
		t.Errorf("get_page of a page left out: got\n%s", text)
	}
	var out mcpserver.SearchOutput
	call(t, cs, mcpserver.SearchTool, map[string]any{"query": "restoring"}, &out)
	for _, r := range out.Results {
		if r.Title == "Backups" {
			t.Errorf("search found a page left out: %+v", r)
		}
	}
	var list mcpserver.ListPagesOutput
	if text, _ := call(t, cs, mcpserver.ListPagesTool, nil, &list); len(list.Pages) != 3 || strings.Contains(text, "Backups") {
		t.Errorf("list_pages lists a page left out:\n%s", text)
	}
}

func TestBaseURLGivesAbsoluteURLs(t *testing.T) {
	t.Parallel()
	cs := connect(t, site(t, handbook+`
-- handbook.yaml --
title: Team
base_url: https://handbook.example.com/docs/
`))
	for _, path := range []string{
		"https://handbook.example.com/docs/operations/guide/backups",
		"https://handbook.example.com/docs/operations/guide/backups.md",
		"/docs/operations/guide/backups",
		"/operations/guide/backups",
		"operations/guide/backups.md",
		"ops/backups.md",
	} {
		var out mcpserver.GetPageOutput
		text, isErr := call(t, cs, mcpserver.GetPageTool, map[string]any{"path": path}, &out)
		if isErr || out.Title != "Backups" || out.URL != "https://handbook.example.com/docs/operations/guide/backups" {
			t.Errorf("get_page %q: got %+v\n%s", path, out, text)
		}
	}
	var home mcpserver.GetPageOutput
	if text, isErr := call(t, cs, mcpserver.GetPageTool, map[string]any{"path": "https://handbook.example.com/docs/"}, &home); isErr || home.Title != "Home" {
		t.Errorf("get_page of the base URL: got %+v\n%s", home, text)
	}
	var out mcpserver.SearchOutput
	call(t, cs, mcpserver.SearchTool, map[string]any{"query": "restoring"}, &out)
	if len(out.Results) == 0 || out.Results[0].URL != "https://handbook.example.com/docs/operations/guide/backups#restoring" ||
		out.Results[0].MarkdownURL != "https://handbook.example.com/docs/operations/guide/backups.md" {
		t.Errorf("search with a base URL: got %+v", out.Results)
	}
}
