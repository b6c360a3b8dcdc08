package mcpserver

import (
	"context"
	"strconv"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/handbookhq/handbook/internal/llms"
	"github.com/handbookhq/handbook/internal/search"
)

// Handbook is the built handbook the tools answer from.
//
// ListedPages decides what is reachable: get_page finds only those pages,
// search drops sections of any other page, and ReadMarkdown is only asked
// for them. Filtering the handbook (noIndex or private pages) is done by
// leaving pages out of that one list.
type Handbook interface {
	// SiteTitle returns the handbook's title.
	SiteTitle() string
	// ListedPages returns the pages agents may see, in table-of-contents
	// order, as llms.txt lists them. It must return the same pages for
	// the life of the server.
	ListedPages() []llms.Page
	// Search returns up to limit sections ranked for query, best first.
	Search(ctx context.Context, query string, limit int) ([]search.Result, error)
	// ReadMarkdown returns the Markdown twin of p, one of ListedPages.
	ReadMarkdown(ctx context.Context, p llms.Page) ([]byte, error)
}

// Tool names.
const (
	SearchTool    = "search"
	GetPageTool   = "get_page"
	ListPagesTool = "list_pages"
)

// New returns an MCP server offering the search, get_page and list_pages
// tools over h. version is the handbook program's version, which the
// server reports to clients.
func New(h Handbook, version string) *mcp.Server {
	title := h.SiteTitle()
	s := mcp.NewServer(&mcp.Implementation{Name: "handbook", Title: title, Version: version}, &mcp.ServerOptions{
		Instructions: instructions(title),
		// Tools only; the tool list never changes while a server lives.
		Capabilities: &mcp.ServerCapabilities{Tools: &mcp.ToolCapabilities{}},
	})
	t := &tools{h: h, idx: newIndex(h.ListedPages())}
	t.addSearch(s)
	t.addGetPage(s)
	t.addListPages(s)
	return s
}

// tools holds what the tool handlers share.
type tools struct {
	h   Handbook
	idx *index
}

func instructions(title string) string {
	name := "a handbook"
	if t := llms.OneLine(title); t != "" {
		name = strconv.Quote(t) + ", a handbook"
	}
	return "These tools read " + name + ". Use search to find the sections that answer a question, " +
		"then get_page with a result's markdown_url (or the page's URL) to read the whole page as Markdown. " +
		"list_pages returns the table of contents."
}

// readOnly marks a tool that only reads the handbook.
func readOnly(title string) *mcp.ToolAnnotations {
	closed := false
	return &mcp.ToolAnnotations{Title: title, ReadOnlyHint: true, IdempotentHint: true, OpenWorldHint: &closed}
}

// text is a tool result with one text content.
func text(s string) *mcp.CallToolResult {
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: s}}}
}
