// Package docs is handbook's own documentation: a handbook in GitBook
// format, embedded in the binary so that "handbook serve" run outside a
// handbook has something to show.
package docs

import "embed"

// FS holds every file of the documentation.
//
//go:embed all:*
var FS embed.FS
