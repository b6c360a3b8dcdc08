// Package bookgen writes synthetic GitBook "Git Sync" books of any size,
// for benchmarks and scale tests of the engine.
//
// A generated book looks like a real handbook: a .gitbook.yaml with a few
// redirects, a SUMMARY.md with "##" groups, nested lists, quoted link titles
// and escaped parentheses, one folder with a README.md per page that has
// children, front matter on some pages, and pages of headings, paragraphs,
// lists, tables, code fences, quotes and hints. Pages link to one another
// (siblings, parents, folders, other parts of the book, heading anchors) and
// to small PNG images under .gitbook/assets whose names have spaces and
// "(1)" suffixes, as GitBook writes them. Every link, anchor and image
// resolves.
//
// Page sizes follow a log-normal law fitted to the Mattermost handbook
// (median about 2.7 KB, mean about 4.5 KB of Markdown).
//
// Output depends only on Options: the plan is drawn from one PCG stream
// seeded with Options.Seed, and each page from its own stream derived from
// the seed and the page's position, so pages are written in parallel and
// the result is the same byte for byte on every run and machine.
package bookgen
