package llms

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Page is one listed page as machines see it.
type Page struct {
	Title       string // the table-of-contents title
	Description string // the front matter description on one line, or ""
	URL         string // the page's URL, absolute when the site has a base URL
	Markdown    string // the URL of its Markdown twin: URL + ".md"
	File        string // the twin's path in the output folder ("a/b.md")
	Source      string // the page's file, relative to the content root
	Group       string // the table-of-contents group, "" before the first one
	Depth       int    // 0 for a top-level entry of its group
	Hidden      bool   // left out of the sidebar, but listed here
}

// OneLine folds a description written over several lines (a folded YAML
// scalar) into one line.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// WriteIndex writes llms.txt: "# title", an optional "> summary"
// blockquote, then a "## group" section for each group in order, each a
// flat list of "- [Title](twin URL): description" lines.
func WriteIndex(w io.Writer, title, summary string, pages []Page) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n", OneLine(title))
	if s := OneLine(summary); s != "" {
		fmt.Fprintf(bw, "\n> %s\n", s)
	}
	group, open := "", false
	for _, p := range pages {
		if !open || p.Group != group {
			if p.Group != "" {
				fmt.Fprintf(bw, "\n## %s\n", OneLine(p.Group))
			}
			bw.WriteString("\n")
			group, open = p.Group, true
		}
		WriteLine(bw, p)
	}
	return bw.Flush()
}

// WriteLine writes one page as a list item, the way llms.txt lists it.
func WriteLine(w io.StringWriter, p Page) {
	_, _ = w.WriteString("- [" + linkText(p.Title) + "](" + linkDest(p.Markdown) + ")")
	if d := OneLine(p.Description); d != "" {
		_, _ = w.WriteString(": " + d)
	}
	_, _ = w.WriteString("\n")
}

// linkText escapes what would end a link's text early.
func linkText(s string) string {
	s = OneLine(s)
	if !strings.ContainsAny(s, `[]\`) {
		return s
	}
	r := strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`)
	return r.Replace(s)
}

// linkDest writes a destination so that spaces and parentheses in it do
// not end the link.
func linkDest(u string) string {
	if !strings.ContainsAny(u, " ()<>") {
		return u
	}
	r := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E")
	return r.Replace(u)
}
