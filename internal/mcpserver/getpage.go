package mcpserver

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/handbookhq/handbook/internal/llms"
)

// GetPageInput is what the get_page tool takes.
type GetPageInput struct {
	Path string `json:"path" jsonschema:"the page: its URL or URL path (/company/about), its Markdown URL (/company/about.md) or its source file (company/about/README.md); a #fragment is ignored"`
}

// GetPageOutput is what the get_page tool returns.
type GetPageOutput struct {
	Title       string `json:"title" jsonschema:"the page's title in the table of contents"`
	URL         string `json:"url" jsonschema:"the page's URL"`
	MarkdownURL string `json:"markdown_url" jsonschema:"the URL of the page's Markdown"`
	Source      string `json:"source" jsonschema:"the page's source file, relative to the handbook's content root"`
	Markdown    string `json:"markdown" jsonschema:"the page's content as Markdown"`
}

func (t *tools) addGetPage(s *mcp.Server) {
	mcp.AddTool(s, &mcp.Tool{
		Name:  GetPageTool,
		Title: "Read a handbook page",
		Description: "Returns one page of the handbook as Markdown. Name the page by its URL or URL path (\"/company/about\"), " +
			"its Markdown URL (\"/company/about.md\", as search and list_pages give it) or its source file (\"company/about/README.md\"). " +
			"For a name that is no page, the error lists the closest pages.",
		Annotations: readOnly("Read a handbook page"),
	}, t.getPage)
}

func (t *tools) getPage(ctx context.Context, _ *mcp.CallToolRequest, in GetPageInput) (*mcp.CallToolResult, GetPageOutput, error) {
	if strings.TrimSpace(in.Path) == "" {
		return nil, GetPageOutput{}, errors.New("the path is empty: give a page's URL, Markdown URL or source file (list_pages lists them)")
	}
	p, ok := t.idx.lookup(in.Path)
	if !ok {
		return nil, GetPageOutput{}, t.notFound(in.Path)
	}
	md, err := t.h.ReadMarkdown(ctx, p)
	if err != nil {
		return nil, GetPageOutput{}, fmt.Errorf("read %s: %w", p.Markdown, err)
	}
	out := GetPageOutput{Title: p.Title, URL: p.URL, MarkdownURL: p.Markdown, Source: p.Source, Markdown: string(md)}
	return text(out.Markdown), out, nil
}

// notFound is the error for a path that names no page: the closest pages
// as llms.txt lines, for the agent to try next.
func (t *tools) notFound(path string) error {
	var b strings.Builder
	closest := llms.Closest(t.idx.pages, "/"+normalize(path), 5)
	_ = llms.WriteNotFound(&b, path, closest, "")
	b.WriteString("\nCall list_pages for every page, or search to find one.\n")
	return errors.New(b.String())
}
