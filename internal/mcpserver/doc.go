// Package mcpserver answers the Model Context Protocol for a built
// handbook, so that agents can search it, read its pages as Markdown and
// list its table of contents.
//
// New returns an [mcp.Server] with three read-only tools:
//
//   - search ranks the handbook's sections for a query;
//   - get_page returns a page's Markdown, found by its URL, its Markdown
//     twin's URL or its source file;
//   - list_pages returns the table of contents, as llms.txt lists it.
//
// The tools reach only the pages the [Handbook] lists: a page left out of
// that list (noIndex, or private) is neither readable nor found by search.
// The transport is the caller's: "handbook mcp" serves the server over
// standard input and output, and "handbook serve" over streamable HTTP at
// /mcp.
package mcpserver
