package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/mcpserver"
)

// mcpHandbook is the handbook the MCP tests serve.
const mcpHandbook = `
-- SUMMARY.md --
* [Home](README.md)
* [Backups](ops/backups.md)
* [Secret](secret.md)
-- README.md --
# Home

Welcome to the team handbook.
-- ops/backups.md --
# Backups

Nightly snapshots of every database.

## Restoring

Restore a snapshot with the restore script.
-- secret.md --
---
noIndex: true
---
# Secret

The restore plans for the merger.
`

// callTool calls a tool and returns its text, failing the test on a
// protocol error and unless the tool error is as wanted.
func callTool(t *testing.T, cs *mcp.ClientSession, name string, args map[string]any, wantErr bool, out any) string {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: name, Arguments: args})
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	var text strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			text.WriteString(tc.Text)
		}
	}
	if res.IsError != wantErr {
		t.Fatalf("%s %v: got error %v, want %v:\n%s", name, args, res.IsError, wantErr, text.String())
	}
	if out != nil {
		data, _ := json.Marshal(res.StructuredContent)
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s: decode %s: %v", name, data, err)
		}
	}
	return text.String()
}

// checkListAndGet calls list_pages and get_page, which every transport
// must answer.
func checkListAndGet(t *testing.T, cs *mcp.ClientSession) {
	t.Helper()
	var list mcpserver.ListPagesOutput
	text := callTool(t, cs, mcpserver.ListPagesTool, nil, false, &list)
	if len(list.Pages) != 2 || list.Pages[1].MarkdownURL != "/backups.md" || !strings.Contains(text, "- [Backups](/backups.md)") {
		t.Errorf("list_pages: got %+v\n%s", list.Pages, text)
	}
	var page mcpserver.GetPageOutput
	text = callTool(t, cs, mcpserver.GetPageTool, map[string]any{"path": "ops/backups.md"}, false, &page)
	if page.URL != "/backups" || !strings.Contains(text, "## Restoring") {
		t.Errorf("get_page ops/backups.md: got %+v\n%s", page, text)
	}
}

func TestMCPOverHTTPFromServe(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	hbtest.Write(t, src, mcpHandbook)
	base, stop := startServe(t, "serve", "-q", "--no-git", "--addr", "127.0.0.1:0", filepath.Clean(src))
	defer stop()
	ctx := context.Background()
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "v0"}, nil).
		Connect(ctx, &mcp.StreamableClientTransport{Endpoint: base + "mcp", MaxRetries: -1}, nil)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer cs.Close()

	checkListAndGet(t, cs)
	var found mcpserver.SearchOutput
	callTool(t, cs, mcpserver.SearchTool, map[string]any{"query": "restore"}, false, &found)
	if len(found.Results) == 0 || found.Results[0].URL != "/backups#restoring" {
		t.Errorf("search restore: got %+v", found.Results)
	}
	for _, r := range found.Results {
		if r.Title == "Secret" {
			t.Errorf("search found the noIndex page: %+v", r)
		}
	}
	callTool(t, cs, mcpserver.SearchTool, map[string]any{"query": ""}, true, nil)
	if text := callTool(t, cs, mcpserver.GetPageTool, map[string]any{"path": "/backup"}, true, nil); !strings.Contains(text, "- [Backups](/backups.md)") {
		t.Errorf("get_page /backup: error lacks the closest page:\n%s", text)
	}
	callTool(t, cs, mcpserver.GetPageTool, map[string]any{"path": "/secret"}, true, nil)
}

func TestMCPOverStdio(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the handbook binary")
	}
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "handbook")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/handbookhq/handbook/cmd/handbook").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := t.TempDir()
	hbtest.Write(t, src, mcpHandbook)
	cmd := exec.Command(bin, "mcp", "--no-git", src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	ctx := context.Background()
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "v0"}, nil).
		Connect(ctx, &mcp.CommandTransport{Command: cmd}, nil)
	if err != nil {
		t.Fatalf("connect: %v\nstderr:\n%s", err, stderr.String())
	}
	if got := cs.InitializeResult().ServerInfo; got.Name != "handbook" || got.Title != "Home" {
		t.Errorf("got server %+v", got)
	}
	checkListAndGet(t, cs)
	if err := cs.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
	if code := cmd.ProcessState.ExitCode(); code != 0 {
		t.Errorf("got exit code %d, want 0\nstderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "answering MCP on standard input and output for 2 pages") {
		t.Errorf("stderr lacks the start message:\n%s", stderr.String())
	}
}
