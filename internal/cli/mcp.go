package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/handbookhq/handbook/internal/mcpserver"
	"github.com/handbookhq/handbook/internal/server"
)

// runMCP builds the handbook and answers the Model Context Protocol on
// standard input and output. Standard output carries the protocol alone:
// everything else goes to standard error.
func runMCP(ctx context.Context, e *env, args []string) error {
	flags := newFlags("mcp", "[SOURCE]", "Build the handbook in SOURCE (default \".\") and answer the Model Context Protocol on standard input and output,\nfor an agent to search and read it.", e.stderr)
	var bf buildFlags
	bf.register(flags)
	pos, err := parse(flags, args, 1)
	if err != nil {
		return err
	}
	// Nothing but the protocol may reach standard output.
	quiet := &env{stdout: e.stderr, stderr: e.stderr, log: e.log}
	source, fsys := chooseSource(pos, bf.config, e.stderr, "answering from")
	tmp, err := os.MkdirTemp("", "handbook-mcp-")
	if err != nil {
		return fmt.Errorf("make output folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	out := tmp + "/site"
	res, _, err := build(ctx, quiet, source, fsys, out, bf)
	if err != nil {
		return err
	}
	site := server.NewSite(out, res.Redirects, res.URLs)
	site.Pages, site.Title = res.Listing, res.Title
	if !bf.quiet {
		fmt.Fprintf(e.stderr, "answering MCP on standard input and output for %d pages of %q\n", len(site.Pages), site.Title)
	}
	err = mcpserver.New(site, Version).Run(ctx, &mcp.StdioTransport{})
	switch {
	case err == nil, errors.Is(err, io.EOF), errors.Is(err, mcp.ErrConnectionClosed):
		return nil
	case ctx.Err() != nil:
		// Interrupted: a normal way to stop.
		return nil
	}
	return fmt.Errorf("mcp: %w", err)
}
