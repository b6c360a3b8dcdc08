package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"runtime/debug"
	"sync"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/handbookhq/handbook/internal/llms"
	"github.com/handbookhq/handbook/internal/mcpserver"
	"github.com/handbookhq/handbook/internal/search"
)

// serveMCP answers the Model Context Protocol at /mcp, over streamable
// HTTP, from the site being served when the request arrives.
func (s *Server) serveMCP(w http.ResponseWriter, r *http.Request) {
	s.site.Load().mcpHandler(s.log).ServeHTTP(w, r)
}

// mcpEndpoint is a site's MCP endpoint, made on first use. Each site has
// its own, so a rebuilt site is answered by a server over the new build.
type mcpEndpoint struct {
	once    sync.Once
	handler http.Handler
}

// mcpHandler returns the site's MCP endpoint. It is stateless: every
// request is answered on its own, without a session, so any replica
// behind a load balancer can answer any request, and a request after a
// rebuild is answered from the new site.
func (s *Site) mcpHandler(log *slog.Logger) http.Handler {
	s.mcp.once.Do(func() {
		v := s.Version
		if v == "" {
			v = version()
		}
		srv := mcpserver.New(s, v)
		h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return srv }, &mcp.StreamableHTTPOptions{
			Stateless:    true,
			JSONResponse: true,
			Logger:       log,
		})
		s.mcp.handler = http.NewCrossOriginProtection().Handler(h)
	})
	return s.mcp.handler
}

// SiteTitle returns the site's title, for the MCP tools.
func (s *Site) SiteTitle() string { return s.Title }

// ListedPages returns the pages the MCP tools may reach: those llms.txt
// lists.
func (s *Site) ListedPages() []llms.Page { return s.Pages }

// Search returns up to limit sections of the site ranked for query.
func (s *Site) Search(ctx context.Context, query string, limit int) ([]search.Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sr, err := s.searcher()
	if err != nil {
		return nil, err
	}
	return sr.Search(query, limit)
}

// ReadMarkdown returns the Markdown twin of p, read from the site's
// folder and confined to it.
func (s *Site) ReadMarkdown(ctx context.Context, p llms.Page) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(s.Dir)
	if err != nil {
		return nil, fmt.Errorf("open site: %w", err)
	}
	defer root.Close()
	data, err := root.ReadFile(p.File)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p.File, err)
	}
	return data, nil
}

// version returns the module version the program was built from, which
// the MCP server reports to clients.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
