package check

import "github.com/handbookhq/handbook/internal/diag"

// rule is what check does to the severity of a diagnostic with a code.
type rule int

const (
	keep          rule = iota // the severity it was made with
	alwaysError               // an error, whatever it was made as
	alwaysWarning             // a warning, whatever it was made as
)

// policy is the one table of severities by code. A build publishes a
// book with these problems (GitBook does too), so the book and the
// renderer report many of them as warnings; check is stricter about what
// leaves readers at a dead end. Codes not in the table, and diagnostics
// without a code, keep their severity.
var policy = map[string]rule{
	diag.BrokenLink:     alwaysError, // readers follow a link to nowhere
	diag.BrokenAnchor:   alwaysError, // the link works but lands at the top of the page
	diag.MissingImage:   alwaysError, // readers see a broken image
	diag.MissingFile:    alwaysError, // a block or include shows nothing
	diag.MissingPage:    alwaysError, // the sidebar leads to an empty page
	diag.RedirectTarget: alwaysError, // an old URL leads nowhere
	// front-matter: invalid front matter is an error; a value GitBook
	// would also ignore (a comment cutting it short) stays a warning.
	diag.FrontMatter: keep,
	// external-link: the link checker decides: a page that is gone
	// (404, 410) is an error, one that does not answer a warning.
	diag.ExternalLink: keep,

	diag.DuplicateEntry:     alwaysWarning, // the second listing links to the first: it works
	diag.UnlistedFile:       alwaysWarning, // perhaps on purpose, as an archive
	diag.RedirectShadowed:   alwaysWarning, // harmless: the page wins
	diag.UnknownFrontMatter: alwaysWarning, // ignored, as GitBook does
	diag.UnknownBlock:       alwaysWarning, // shown as text, as GitBook does
	diag.ImageAlt:           alwaysWarning, // the page works, but not for everyone
}

// Severity returns the severity check gives a diagnostic with code that
// was made with severity s: see the table in the package's documentation
// and in docs/reference/check.md.
func Severity(code string, s diag.Severity) diag.Severity {
	switch policy[code] {
	case alwaysError:
		return diag.Error
	case alwaysWarning:
		return diag.Warning
	}
	return s
}

// applyPolicy sets the severity of every diagnostic in l from its code.
func applyPolicy(l diag.List) {
	for i := range l {
		l[i].Severity = Severity(l[i].Code, l[i].Severity)
	}
}
