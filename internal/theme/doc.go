// Package theme is the default look of a published handbook: html/template
// layouts, the stylesheet and the small scripts, embedded in the binary.
//
// The theme defines its own view models (Site, Page, Redirect, NotFound):
// it knows nothing of books or pages, only of what a layout shows. Static
// files are minified with esbuild and named by a hash of their content, so
// they can be cached forever.
//
// A handbook customizes it with Compile's Options: an accent colour, a
// stylesheet of its own loaded after the theme's, and templates that
// replace the theme's of the same name (TemplateNames).
//
// The reader's colour scheme follows the system unless they chose one with
// the header's toggle: init.js, loaded before the stylesheet, sets
// data-theme="light" or "dark" on the root element before the page is
// painted, and every stylesheet keys its dark colours to
// "@media (prefers-color-scheme: dark) :root:not([data-theme=light])" and
// "[data-theme=dark]".
package theme
