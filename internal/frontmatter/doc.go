// Package frontmatter separates a page's YAML front matter from its body
// and decodes the keys GitBook knows.
//
// Split finds the block: "---" on the very first line (after an optional
// byte order mark), YAML lines, then a closing "---" line; CRLF line endings
// are accepted, and a delimiter line may carry trailing spaces. An opening
// "---" that is never closed is not front matter: GitBook renders it as a
// thematic break, so Split returns the whole file as the body.
//
// Parse decodes the block into a FrontMatter and positioned diagnostics,
// with the file's own line numbers. The rules:
//
//   - Known keys are GitBook's: description, icon, cover, coverY,
//     coverHeight, hidden, noIndex, noRobotsIndex, if, vars, tags and
//     layout (width, cover, title, description, tableOfContents, outline,
//     pagination, metadata, tags, actions), and our own visibility
//     (private or public). Only those that change how we render are kept
//     in FrontMatter; the others are checked and dropped.
//   - visibility errs on the side of privacy: a value other than private
//     or public is an error and keeps the page private, and a key spelt
//     almost like visibility is an error rather than a warning, so that a
//     typo never publishes a page meant to be private.
//   - An unknown key is a warning, since HonKit-era pages carry keys of
//     their own. When it differs from a known key only by case or a small
//     typo, the hint names that key: "Description:" gets
//     `did you mean "description"?`. The same holds inside layout.
//   - A known key with a value of the wrong type ("hidden: yes", "layout:
//     wide") is an error at the value: GitBook would drop it silently and the
//     author would not know why the page looks wrong. The value keeps its
//     default.
//   - A layout.width other than "default" or "wide" is a warning, so that
//     widths GitBook adds later do not stop a build; the width stays
//     "default".
//   - A key set twice is an error: GitBook's YAML reader rejects the block.
//   - Invalid YAML is an error with the line, and with the column and a
//     hint for common causes; the most common is an unquoted value that
//     contains ": " ("description: Owner: Jane"), which GitBook's import
//     silently loses.
//   - An unquoted text value cut short by " #", which YAML reads as a
//     comment, is a warning.
//   - Null ("description:" with nothing after it, or "~") means absent.
//     Text keys accept numbers and booleans as written ("description: 2024").
//
// When a key is absent everything is visible and the width is "default"
// (see Default).
package frontmatter
