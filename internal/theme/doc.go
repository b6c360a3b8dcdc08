// Package theme is the default look of a published handbook: html/template
// layouts, the stylesheet and the small script, embedded in the binary.
//
// The theme defines its own view models (Site, Page, Redirect, NotFound):
// it knows nothing of books or pages, only of what a layout shows. Static
// files are named by a hash of their content, so they can be cached
// forever.
package theme
