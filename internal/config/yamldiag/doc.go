// Package yamldiag reads YAML written by authors (.gitbook.yaml,
// handbook.yaml, page front matter) into yaml.Node trees whose every
// diagnostic points at a file line and column.
//
// Parse turns a syntax error into one diagnostic with the line, and with the
// column and a hint where the cause is recognisable: an unquoted value that
// contains ": ", a tab in the indentation, a value starting with a reserved
// character, an unclosed quote, an unknown alias. Doc.Pos maps a node to its
// position in the file, so a document embedded in a larger file (front
// matter) reports the file's lines.
//
// The helpers (Pairs, Scalar, Bool, Describe, Suggest) are what the typed
// decoders in config and frontmatter share: walking a mapping with
// duplicate-key checks, reading scalars without silent conversions, and
// "did you mean" suggestions for misspelt keys.
package yamldiag
