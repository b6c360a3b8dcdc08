// Package config decodes the two configuration files of a handbook
// repository: GitBook's .gitbook.yaml, which says where the content lives
// and which old URLs redirect where, and our own handbook.yaml, which
// describes the published site.
//
// Both decoders are pure: bytes in, a typed value and positioned
// diagnostics out. They always return a usable value, with defaults for
// what is missing or wrong. YAML is read through yaml.Node (see the
// yamldiag subpackage), so every diagnostic has a line and a column, and a
// YAML syntax error becomes a diagnostic rather than a raw parser error.
//
// # .gitbook.yaml
//
// GitBook's own file, so we read it as leniently as GitBook does: unknown
// keys and keys set twice are warnings. A value of the wrong type is an
// error, since we cannot guess what was meant.
//
//	root: ./docs/              # folder holding the content; default the repository root
//	structure:
//	  readme: README.md        # first page, relative to root; default README.md
//	  summary: SUMMARY.md      # table of contents, relative to root; default SUMMARY.md
//	redirects:
//	  old/path: new/place.md   # URL path (no leading "/", no .md) to a file
//
// Paths are cleaned ("./docs/" becomes "docs"; a leading "/" means the
// repository root and is removed). A root, readme or summary that leaves the
// repository ("../x") is an error, and the default is used instead.
//
// Redirect keys keep what was written except a leading "/": they may carry
// a "#fragment" or end in "/README". Redirect targets are kept exactly as
// written ("x.md", "./x.md" and "/x.md" all name x.md under root, and may
// carry a "#anchor"); the loader resolves them. A key set twice keeps its
// first target. A redirect with no target is an error and is dropped.
//
// # handbook.yaml
//
// Our file, read strictly: an unknown key is an error, with a hint that
// lists the valid keys and suggests the closest one; a key set twice is an
// error. Every key is optional.
//
//	title: Acme Handbook
//	base_url: https://handbook.example.com/docs/
//	logo: .gitbook/assets/logo.svg
//	links:
//	  - title: Website
//	    url: https://example.com
//	edit_url: https://github.com/acme/handbook/edit/{branch}/{path}
//	footer: |
//	  © Acme, [CC BY-SA](https://creativecommons.org/licenses/by-sa/4.0/)
//
// title is the site name shown in the header and in page titles. When it
// is empty, the title of the first page is used.
//
// base_url is the absolute http or https address the site is published at.
// It is used for canonical links, the sitemap, feeds and llms.txt, and to
// recognise links to the site's own pages written as full URLs. It must
// have no query or fragment. A missing trailing "/" is added.
//
// logo is the path of an image file in the repository (relative to the
// repository root) or an image URL, shown in the header.
//
// links are header links, each with a title and a url; both are required.
//
// edit_url is the address of a page's source for the "Edit" link, with
// {path} replaced by the file's path in the repository and {branch} by the
// current branch. It must contain {path}; other placeholders are errors.
//
// footer is Markdown shown at the bottom of every page.
//
// theme customizes the look: logo_dark, accent (a colour) and css (a
// stylesheet of the repository).
//
// versions lists the git branches and tags published as versions, the
// default first; private lists glob patterns of private pages (see
// Site.PrivateFile); visitors says how readers sign in to see them. No
// secret is ever written in the file: keys and client secrets are named
// by the environment variables that hold them (key_env,
// client_secret_env, session_key_env).
//
// Text values may be written as numbers or booleans ("title: 2024") and are
// read as written; a null value ("title:" or "title: ~") means the key is
// absent. Site.Pos records where each value was written, keyed by its path
// ("logo", "links", "links.0", "links.0.url"), so that later checks, such as
// a missing logo file, can point at it.
package config
