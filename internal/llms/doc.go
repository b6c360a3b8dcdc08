// Package llms writes the machine-readable forms of a handbook that agents
// and AI assistants read: the llms.txt index, the paginated llms-full.txt,
// and the "Page Not Found" Markdown answer that lists the closest pages.
// It knows pages only as Page values, so the site builder, the server and
// the MCP server share it.
package llms
