// Package check tells authors what is wrong in a handbook, the way a
// compiler does: it loads the book, renders every page without writing
// anything (site.Check), adds what only a whole-repository view can see
// (Markdown files that SUMMARY.md does not list), decides the severity of
// each problem from its code (see Severity), and formats the result as
// text, JSON or GitHub Actions workflow commands.
//
// Problems that stop the book from loading at all, such as invalid YAML in
// .gitbook.yaml or a table of contents without a page, are diagnostics in
// the report too, not errors of Run.
package check
