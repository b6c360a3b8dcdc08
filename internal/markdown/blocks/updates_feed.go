package blocks

import (
	"slices"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
)

// UpdateEntry is one entry of an updates block, as a page's feed lists it.
type UpdateEntry struct {
	// Date is the entry's date (midnight UTC for a date alone); zero when
	// it does not parse.
	Date time.Time
	// Title is the plain text of the entry's first heading, or "Update".
	Title string
	// Summary is the plain text of the entry's first paragraph, or "".
	Summary string
	// Tags are the entry's tags, as the chips show them.
	Tags []string
	// ID is the entry's anchor on the page: the page URL + "#" + ID.
	ID string
}

// Updates returns the entries of the updates blocks under root, a parsed
// page body with source src, newest first (entries of the same date in
// page order; undated ones last). A page with entries gets a feed.
func Updates(root ast.Node, src []byte) []UpdateEntry {
	var out []UpdateEntry
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		u, ok := n.(*UpdateNode)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		e := UpdateEntry{Title: "Update", Tags: splitTags(u.Arg("tags", "")), ID: u.ID}
		e.Date, _ = parseDate(u.Arg("date", ""))
		_ = ast.Walk(u, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch c.Kind() {
			case ast.KindHeading:
				if e.Title == "Update" {
					if t := inlineText(c, src); t != "" {
						e.Title = t
					}
				}
				return ast.WalkSkipChildren, nil
			case ast.KindParagraph:
				if e.Summary == "" {
					e.Summary = inlineText(c, src)
				}
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
		out = append(out, e)
		return ast.WalkSkipChildren, nil
	})
	slices.SortStableFunc(out, func(a, b UpdateEntry) int {
		return compareEntries(sortDate{a.Date, true}, sortDate{b.Date, true})
	})
	return out
}

// inlineText returns the plain text of the inline content of n: text and
// code, without markup or raw HTML, its spaces collapsed.
func inlineText(n ast.Node, src []byte) string {
	return strings.Join(strings.Fields(plainText(n, src)), " ")
}
