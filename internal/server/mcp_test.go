package server

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/llms"
	"github.com/handbookhq/handbook/internal/mcpserver"
)

// builtSite builds files into a Site as serve makes it.
func builtSite(t *testing.T, files string) *Site {
	t.Helper()
	b := hbtest.Build(t, files)
	s := NewSite(b.Out, b.Result.Redirects, b.Result.URLs)
	s.Pages, s.Title = b.Result.Listing, b.Result.Title
	return s
}

func TestMCPAnswersFromTheCurrentSite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	first := builtSite(t, `
-- SUMMARY.md --
* [Home](README.md)
* [Backups](backups.md)
-- README.md --
# Home
-- backups.md --
# Backups

Nightly snapshots.
`)
	srv := New(first, nil)
	hs := httptest.NewServer(srv)
	defer hs.Close()
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "v0"}, nil).
		Connect(ctx, &mcp.StreamableClientTransport{Endpoint: hs.URL + "/mcp", MaxRetries: -1}, nil)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer cs.Close()

	pages := func() string {
		t.Helper()
		res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: mcpserver.ListPagesTool})
		if err != nil || res.IsError {
			t.Fatalf("list_pages: %v %+v", err, res)
		}
		data, _ := json.Marshal(res.StructuredContent)
		var out mcpserver.ListPagesOutput
		if err := json.Unmarshal(data, &out); err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, p := range out.Pages {
			titles = append(titles, p.Title)
		}
		return out.Title + ": " + strings.Join(titles, ", ")
	}
	if got, want := pages(), "Home: Home, Backups"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}

	srv.SetSite(builtSite(t, `
-- SUMMARY.md --
* [Start](README.md)
* [Restores](restores.md)
-- README.md --
# Start
-- restores.md --
# Restores

Restore a snapshot.
`))
	if got, want := pages(), "Start: Start, Restores"; got != want {
		t.Errorf("after a rebuild: got %q, want %q", got, want)
	}
	res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: mcpserver.GetPageTool, Arguments: map[string]any{"path": "/restores"}})
	if err != nil || res.IsError || !strings.Contains(res.Content[0].(*mcp.TextContent).Text, "# Restores") {
		t.Errorf("get_page /restores after a rebuild: %v %+v", err, res)
	}
	res, err = cs.CallTool(ctx, &mcp.CallToolParams{Name: mcpserver.SearchTool, Arguments: map[string]any{"query": "nightly"}})
	if err != nil || res.IsError || !strings.Contains(res.Content[0].(*mcp.TextContent).Text, "No sections match") {
		t.Errorf("search finds the old site after a rebuild: %v %+v", err, res)
	}
}

func TestMCPIsStatelessAndRefusesOtherOrigins(t *testing.T) {
	t.Parallel()
	srv := New(builtSite(t, "-- SUMMARY.md --\n* [Home](README.md)\n-- README.md --\n# Home\n"), nil)
	const initialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"0"}}}`
	post := func(body string, header map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/mcp", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		for k, v := range header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	rec := post(initialize, nil)
	if rec.Code != 200 || rec.Header().Get("Mcp-Session-Id") != "" || !strings.Contains(rec.Body.String(), `"name":"handbook"`) {
		t.Errorf("initialize: got %d, session %q, body %s", rec.Code, rec.Header().Get("Mcp-Session-Id"), rec.Body)
	}
	// A tool call needs no session: any replica can answer it.
	rec = post(`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_page","arguments":{"path":"/"}}}`,
		map[string]string{"Mcp-Protocol-Version": "2025-06-18"})
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `# Home`) {
		t.Errorf("tools/call without a session: got %d %s", rec.Code, rec.Body)
	}
	if rec := post(initialize, map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}); rec.Code != 403 {
		t.Errorf("cross-origin POST: got %d, want 403", rec.Code)
	}
}

func TestReadMarkdownStaysInTheSiteFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "site")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "secret.md"), []byte("# Secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "page.md"), []byte("# Page"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "secret.md"), filepath.Join(out, "link.md")); err != nil {
		t.Fatal(err)
	}
	s := NewSite(out, nil, nil)
	ctx := context.Background()
	if md, err := s.ReadMarkdown(ctx, llms.Page{File: "page.md"}); err != nil || string(md) != "# Page" {
		t.Errorf("read page.md: got %q, %v", md, err)
	}
	for _, file := range []string{"../secret.md", "link.md", "/etc/passwd"} {
		if md, err := s.ReadMarkdown(ctx, llms.Page{File: file}); err == nil {
			t.Errorf("read %s outside the site folder: %q", file, md)
		}
	}
}
