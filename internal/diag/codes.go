package diag

// Codes name the kinds of problem that "handbook check" reports, so
// tools can tell them apart (the JSON output's "code", the title of a
// GitHub annotation) and check can decide how severe each one is. A
// diagnostic without a code keeps the severity it was made with.
const (
	BrokenLink         = "broken-link"          // a link to a page or file that does not exist
	BrokenAnchor       = "broken-anchor"        // a link to a heading that the page does not have
	MissingImage       = "missing-image"        // an image that does not exist
	MissingFile        = "missing-file"         // a file a block or an include names that does not exist
	MissingPage        = "missing-page"         // a SUMMARY.md entry whose file does not exist
	DuplicateEntry     = "duplicate-entry"      // a file listed twice in SUMMARY.md
	UnlistedFile       = "unlisted-file"        // a Markdown file SUMMARY.md does not list
	RedirectTarget     = "redirect-target"      // a redirect to a file that is not a page
	RedirectShadowed   = "redirect-shadowed"    // a redirect from a URL a page lives at
	FrontMatter        = "front-matter"         // front matter that cannot be read
	UnknownFrontMatter = "unknown-front-matter" // a front matter key GitBook does not know
	UnknownBlock       = "unknown-block"        // a {% tag %} that is not a GitBook block
	ImageAlt           = "image-alt"            // an image without alt text
	ExternalLink       = "external-link"        // a link to another site that does not answer
)

// WithCode returns a copy of d with its code set.
func (d Diagnostic) WithCode(code string) Diagnostic {
	d.Code = code
	return d
}
