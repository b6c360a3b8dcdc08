package mcpserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/google/jsonschema-go/jsonschema"
	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// Search limits: the default and the most results one call returns.
const (
	defaultLimit = 10
	maxLimit     = 50
)

// SearchInput is what the search tool takes.
type SearchInput struct {
	Query string `json:"query" jsonschema:"words to look for, as a person would type them in the handbook's search box"`
	Limit int    `json:"limit,omitempty" jsonschema:"the most sections to return: 10 unless given, at most 50"`
}

// SearchOutput is what the search tool returns.
type SearchOutput struct {
	Query   string      `json:"query" jsonschema:"the query searched for"`
	Results []SearchHit `json:"results" jsonschema:"the matching sections, best first"`
}

// SearchHit is one section that matches a query.
type SearchHit struct {
	Title       string   `json:"title" jsonschema:"the page's title"`
	Heading     string   `json:"heading,omitempty" jsonschema:"the section's heading; empty for the page's opening text"`
	Breadcrumbs []string `json:"breadcrumbs" jsonschema:"where the page sits in the table of contents, outermost first"`
	Snippet     string   `json:"snippet" jsonschema:"text of the section around the matched words"`
	URL         string   `json:"url" jsonschema:"the section's URL"`
	MarkdownURL string   `json:"markdown_url" jsonschema:"the URL of the page's Markdown; give it to get_page to read the whole page"`
}

func (t *tools) addSearch(s *mcp.Server) {
	tool := &mcp.Tool{
		Name:  SearchTool,
		Title: "Search the handbook",
		Description: "Full-text search of the handbook. Returns the best-matching sections, best first: each with its page title, " +
			"heading, breadcrumbs, a snippet, the section's URL and the URL of the page's Markdown (pass it to get_page to read the page). " +
			"Words may be partial or misspelt. Use it to find which pages answer a question before reading them.",
		Annotations: readOnly("Search the handbook"),
	}
	// The schema inferred from SearchInput, with the limit's bounds and
	// default; should inference fail, AddTool infers it plainly.
	if in, err := jsonschema.For[SearchInput](nil); err == nil {
		limit := in.Properties["limit"]
		limit.Minimum = jsonschema.Ptr(1.0)
		limit.Default = json.RawMessage(strconv.Itoa(defaultLimit))
		tool.InputSchema = in
	}
	mcp.AddTool(s, tool, t.search)
}

func (t *tools) search(ctx context.Context, _ *mcp.CallToolRequest, in SearchInput) (*mcp.CallToolResult, SearchOutput, error) {
	q := strings.TrimSpace(in.Query)
	if q == "" {
		return nil, SearchOutput{}, errors.New("the query is empty: give the words to search for")
	}
	limit := in.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	// Ask for more than needed, since sections of pages that are not
	// listed are dropped.
	res, err := t.h.Search(ctx, q, 2*limit)
	if err != nil {
		return nil, SearchOutput{}, fmt.Errorf("search %q: %w", q, err)
	}
	out := SearchOutput{Query: q, Results: []SearchHit{}}
	for _, r := range res {
		p, ok := t.idx.lookup(r.Page)
		if !ok {
			continue
		}
		crumbs := r.Breadcrumbs
		if crumbs == nil {
			crumbs = []string{}
		}
		out.Results = append(out.Results, SearchHit{
			Title:       r.Title,
			Heading:     r.Heading,
			Breadcrumbs: crumbs,
			Snippet:     r.Snippet,
			URL:         t.idx.absolute(r.URL),
			MarkdownURL: p.Markdown,
		})
		if len(out.Results) == limit {
			break
		}
	}
	return text(searchText(out)), out, nil
}

// searchText writes search results for reading.
func searchText(out SearchOutput) string {
	var b strings.Builder
	if len(out.Results) == 0 {
		fmt.Fprintf(&b, "No sections match %q. Try other or fewer words, or list_pages for the table of contents.\n", out.Query)
		return b.String()
	}
	fmt.Fprintf(&b, "%d sections match %q, best first.\n", len(out.Results), out.Query)
	for i, r := range out.Results {
		title := r.Title
		if r.Heading != "" && r.Heading != r.Title {
			title += " › " + r.Heading
		}
		fmt.Fprintf(&b, "\n%d. %s\n", i+1, title)
		if len(r.Breadcrumbs) > 0 {
			fmt.Fprintf(&b, "   In: %s\n", strings.Join(r.Breadcrumbs, " › "))
		}
		fmt.Fprintf(&b, "   URL: %s\n   Markdown: %s\n", r.URL, r.MarkdownURL)
		if s := strings.Join(strings.Fields(r.Snippet), " "); s != "" {
			fmt.Fprintf(&b, "   %s\n", s)
		}
	}
	return b.String()
}
