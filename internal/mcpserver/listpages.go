package mcpserver

import (
	"context"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/handbookhq/handbook/internal/llms"
)

// ListPagesInput is what the list_pages tool takes: nothing.
type ListPagesInput struct{}

// ListPagesOutput is what the list_pages tool returns.
type ListPagesOutput struct {
	Title string      `json:"title" jsonschema:"the handbook's title"`
	Pages []PageEntry `json:"pages" jsonschema:"every page, in table-of-contents order"`
}

// PageEntry is one page of the table of contents.
type PageEntry struct {
	Title       string `json:"title" jsonschema:"the page's title in the table of contents"`
	Description string `json:"description,omitempty" jsonschema:"what the page is about, when it says"`
	URL         string `json:"url" jsonschema:"the page's URL"`
	MarkdownURL string `json:"markdown_url" jsonschema:"the URL of the page's Markdown; give it to get_page"`
	Group       string `json:"group,omitempty" jsonschema:"the table-of-contents group the page is in"`
	Depth       int    `json:"depth" jsonschema:"how deep the page is nested under others: 0 at the top of its group"`
	Hidden      bool   `json:"hidden,omitempty" jsonschema:"true for a page left out of the site's navigation"`
}

func (t *tools) addListPages(s *mcp.Server) {
	mcp.AddTool(s, &mcp.Tool{
		Name:  ListPagesTool,
		Title: "List the handbook's pages",
		Description: "Returns the handbook's table of contents: every page in order, with its title, description, URL, " +
			"Markdown URL (pass it to get_page), group and depth. The text form is llms.txt's.",
		Annotations: readOnly("List the handbook's pages"),
	}, t.listPages)
}

func (t *tools) listPages(context.Context, *mcp.CallToolRequest, ListPagesInput) (*mcp.CallToolResult, ListPagesOutput, error) {
	title := t.h.SiteTitle()
	out := ListPagesOutput{Title: title, Pages: make([]PageEntry, 0, len(t.idx.pages))}
	for _, p := range t.idx.pages {
		out.Pages = append(out.Pages, PageEntry{
			Title:       p.Title,
			Description: p.Description,
			URL:         p.URL,
			MarkdownURL: p.Markdown,
			Group:       p.Group,
			Depth:       p.Depth,
			Hidden:      p.Hidden,
		})
	}
	var b strings.Builder
	if err := llms.WriteIndex(&b, title, "", t.idx.pages); err != nil {
		return nil, ListPagesOutput{}, err
	}
	return text(b.String()), out, nil
}
