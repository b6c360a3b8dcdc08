package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// htmlTable is an HTML table read from a raw HTML block, as GitBook writes
// it: the table's attributes, the header cells (one per column) and rows
// of cells. Cells are ranges of the block's source, so that their content
// is filtered as written, with problems at the right place.
type htmlTable struct {
	start, stop int // the table element in the fragment
	attrs       map[string]string
	head        []htmlCell // nil when the table has no header row
	rows        [][]htmlCell
}

// htmlCell is a <th> or <td>.
type htmlCell struct {
	th          bool
	attrs       map[string]string
	start, stop int            // the content in the fragment
	options     []selectOption // a header's <select>: the labels of a select column
}

// selectOption is an <option value label color> of a select column.
type selectOption struct{ value, label, color string }

// parseTable reads the first table of frag, or returns nil when there is
// none. Tables nested in cells stay in the cells' content.
func parseTable(frag []byte) *htmlTable {
	var (
		t      *htmlTable
		row    []htmlCell
		cell   *htmlCell
		inRow  bool
		inHead bool
		depth  int // of tables: 1 inside t, 2 and more in a nested table
	)
	closeCell := func(at int) {
		if cell != nil {
			cell.stop = at
			row = append(row, *cell)
			cell = nil
		}
	}
	closeRow := func(at int) {
		closeCell(at)
		if !inRow {
			return
		}
		if inHead && t.head == nil {
			t.head = row
		} else {
			t.rows = append(t.rows, row)
		}
		row, inRow = nil, false
	}
	z := html.NewTokenizer(bytes.NewReader(frag))
	pos := 0
	for t == nil || depth > 0 {
		tt := z.Next()
		start := pos
		pos += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			if t != nil {
				closeRow(len(frag))
				t.stop = len(frag)
			}
			return finishTable(t)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, attrs := tagAttrs(z)
			switch {
			case name == "table" && depth == 0:
				t, depth = &htmlTable{start: start, attrs: attrs}, 1
			case depth != 1:
				if name == "table" && depth > 1 {
					depth++
				}
			case name == "table":
				depth++
			case name == "thead":
				closeRow(start)
				inHead = true
			case name == "tbody" || name == "tfoot":
				closeRow(start)
				inHead = false
			case name == "tr":
				closeRow(start)
				inRow = true
			case name == "td" || name == "th":
				closeCell(start)
				inRow = true
				cell = &htmlCell{th: name == "th", attrs: attrs, start: pos}
			case name == "option" && cell != nil:
				cell.options = append(cell.options, selectOption{
					value: attrs["value"], label: attrs["label"], color: strings.ToLower(strings.TrimSpace(attrs["color"])),
				})
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch {
			case depth == 0:
			case string(name) == "table":
				depth--
				if depth == 0 {
					closeRow(start)
					t.stop = pos
				}
			case depth > 1:
			case string(name) == "td" || string(name) == "th":
				closeCell(start)
			case string(name) == "tr":
				closeRow(start)
			case string(name) == "thead":
				closeRow(start)
				inHead = false
			}
		}
	}
	return finishTable(t)
}

// finishTable takes a first row of header cells as the header of a table
// without <thead>.
func finishTable(t *htmlTable) *htmlTable {
	if t == nil || t.head != nil || len(t.rows) == 0 {
		return t
	}
	for _, c := range t.rows[0] {
		if !c.th {
			return t
		}
	}
	t.head, t.rows = t.rows[0], t.rows[1:]
	return t
}

// rich reports whether t is more than a plain table: cards, or columns
// with types, hidden columns, select options, or table options GitBook
// writes (full width, hidden header).
func (t *htmlTable) rich() bool {
	for k := range t.attrs {
		switch k {
		case "data-view", "data-full-width", "data-header-hidden", "data-column-title-hidden", "data-card-size", "data-card-wrap":
			return true
		}
	}
	for _, c := range t.head {
		if len(c.options) > 0 {
			return true
		}
		for k := range c.attrs {
			if k == "data-type" || k == "data-hidden" || strings.HasPrefix(k, "data-card-") {
				return true
			}
		}
	}
	return false
}

// cards reports whether t shows as cards.
func (t *htmlTable) cards() bool {
	return strings.EqualFold(strings.TrimSpace(t.attrs["data-view"]), "cards")
}

// column returns the header cell of column i, or an empty one.
func (t *htmlTable) column(i int) htmlCell {
	if i < len(t.head) {
		return t.head[i]
	}
	return htmlCell{}
}

// columns returns how many columns t has: its widest row.
func (t *htmlTable) columns() int {
	n := len(t.head)
	for _, r := range t.rows {
		n = max(n, len(r))
	}
	return n
}

// hidden reports whether column i is hidden.
func (t *htmlTable) hidden(i int) bool { return has(t.column(i).attrs, "data-hidden") }

// typ returns the data-type of column i, lower case ("" for text).
func (t *htmlTable) typ(i int) string {
	return strings.ToLower(strings.TrimSpace(t.column(i).attrs["data-type"]))
}

// headerHidden reports whether the table hides its header row.
func (t *htmlTable) headerHidden() bool {
	return has(t.attrs, "data-header-hidden") || has(t.attrs, "data-column-title-hidden")
}

// content returns the source of cell c's content.
func (c htmlCell) content(frag []byte) []byte { return frag[c.start:c.stop] }

// cellLinks returns the destinations of the links (<a href>) and images
// (<img src>) in raw, in order, with their text (the alt text of an image)
// and whether each is an image.
func cellLinks(raw []byte) []cellLink {
	var out []cellLink
	z := html.NewTokenizer(bytes.NewReader(raw))
	var open *cellLink
	for {
		switch z.Next() {
		case html.ErrorToken:
			if open != nil {
				out = append(out, *open)
			}
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, attrs := tagAttrs(z)
			switch {
			case name == "a" && strings.TrimSpace(attrs["href"]) != "":
				if open != nil {
					out = append(out, *open)
				}
				open = &cellLink{dest: strings.TrimSpace(attrs["href"])}
			case name == "img" && strings.TrimSpace(attrs["src"]) != "":
				out = append(out, cellLink{dest: strings.TrimSpace(attrs["src"]), text: attrs["alt"], image: true})
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "a" && open != nil {
				out = append(out, *open)
				open = nil
			}
		case html.TextToken:
			if open != nil {
				open.text += string(z.Text())
			}
		}
	}
}

// cellLink is a link or image found in a cell.
type cellLink struct {
	dest, text string
	image      bool
}

// options returns the values of the <span data-option="id"> of raw, a cell
// of a select column.
func optionValues(raw []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			if _, attrs := tagAttrs(z); attrs != nil {
				if v, ok := attrs["data-option"]; ok {
					out = append(out, v)
				}
			}
		}
	}
}
