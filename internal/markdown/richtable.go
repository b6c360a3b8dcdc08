package markdown

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// Rich tables are the HTML tables GitBook writes for its table block, with
// column types in the header (<th data-type="checkbox">), hidden columns
// (data-hidden), select columns (a <select> of <option value label color>
// in the header, <span data-option="value"> in the cells) and table
// options (data-full-width, data-header-hidden). They are written by
// templates/table.html (package blocks) as a normal table, without the
// hidden columns:
//
//   - checkbox: ☑ or ☐ ("true" is checked);
//   - rating: stars out of data-max (5 unless given);
//   - select: each option as a coloured label (hb-label hb-label-blue);
//   - image: the images the cell links to;
//   - number: "null" is an empty cell;
//   - anything else (text, files, users, content-ref): the cell as written.
//
// Pipe tables and HTML tables without GitBook's attributes are not rich:
// they are written as they are.

// tableData is what templates/table.html gets.
type tableData struct {
	FullWidth bool        // data-full-width: wider than the text
	Header    []tableCell // the header row; nil when hidden or absent
	Rows      []tableRow
}

// tableRow is a row of a rich table.
type tableRow struct {
	Cells []tableCell // the visible columns, in order
}

// tableCell is a cell of a rich table.
type tableCell struct {
	Align string // "left", "right", "center", "justify" or ""
	Width string // a header cell's width: pixels ("163") or a percentage ("40%"); "" when not set
	// Type says how the cell shows: "checkbox", "rating", "select" or
	// "image" for the column types GitBook draws, "" for Body.
	Type    string
	Checked bool         // a checkbox: ticked
	Stars   int          // a rating: how many stars of Max
	Max     int          // a rating: the most stars
	Filled  string       // a rating: Stars stars, "★★★★"
	Empty   string       // a rating: the rest, "☆"
	Labels  []tableLabel // a select: the options chosen
	Images  []tableImage // an image cell: its images
	Body    template.HTML
}

// tableLabel is an option of a select column.
type tableLabel struct {
	Text  string
	Color string // a colour GitBook offers ("blue", "pink", "gray", "info"…), or ""
}

// tableImage is an image of an image cell.
type tableImage struct {
	URL template.URL // "" when the image cannot be found: Alt shows instead
	Alt string
}

// table writes a table GitBook enriched: as cards or as a table.
func (b richBlock) table(t *htmlTable) error {
	if t.cards() {
		return b.cards(t)
	}
	if err := b.block(0, t.start); err != nil {
		return err
	}
	data := tableData{FullWidth: has(t.attrs, "data-full-width")}
	cols := visibleColumns(t)
	if t.head != nil && !t.headerHidden() {
		data.Header = make([]tableCell, 0, len(cols))
		for _, i := range cols {
			h := t.column(i)
			c := tableCell{Align: cellAlign(h), Width: cellWidth(h)}
			if i < len(t.head) {
				var err error
				if c.Body, err = b.html(h.start, h.stop); err != nil {
					return err
				}
			}
			data.Header = append(data.Header, c)
		}
	}
	for _, row := range t.rows {
		r := tableRow{Cells: make([]tableCell, len(cols))}
		for k, i := range cols {
			if i >= len(row) {
				continue
			}
			r.Cells[k].Align = cellAlign(row[i])
			if err := b.cell(t, i, row[i], &r.Cells[k]); err != nil {
				return err
			}
		}
		data.Rows = append(data.Rows, r)
	}
	if err := b.st.Exec("table.html", data); err != nil {
		return err
	}
	return b.block(t.stop, len(b.frag))
}

// visibleColumns returns the indexes of the columns that are not hidden.
func visibleColumns(t *htmlTable) []int {
	var cols []int
	for i := range t.columns() {
		if !t.hidden(i) {
			cols = append(cols, i)
		}
	}
	return cols
}

// cellAlign returns the alignment of a cell: its align attribute or the
// text-align of its style.
func cellAlign(c htmlCell) string {
	align := strings.ToLower(strings.TrimSpace(c.attrs["align"]))
	if align == "" {
		align = textAlignOf(c.attrs["style"])
	}
	switch align {
	case "left", "right", "center", "justify":
		return align
	}
	return ""
}

// cellWidth returns the width of a header cell, when it is valid.
func cellWidth(c htmlCell) string {
	if w := strings.TrimSpace(c.attrs["width"]); w != "" && validWidth(w) {
		return w
	}
	return ""
}

// textAlignOf returns the text-align of a style attribute.
func textAlignOf(style string) string {
	for decl := range strings.SplitSeq(style, ";") {
		if k, v, ok := strings.Cut(decl, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "text-align") {
			return strings.ToLower(strings.TrimSpace(v))
		}
	}
	return ""
}

// validWidth reports whether w is a number of pixels or a percentage.
func validWidth(w string) bool {
	w = strings.TrimSuffix(w, "%")
	_, err := strconv.ParseFloat(w, 64)
	return err == nil && !strings.ContainsAny(w, "eE+-")
}

// cell reads cell c of column i, as its type shows it, into out.
func (b richBlock) cell(t *htmlTable, i int, c htmlCell, out *tableCell) error {
	raw := c.content(b.frag)
	switch t.typ(i) {
	case "checkbox":
		out.Type, out.Checked = "checkbox", checked(raw)
		return nil
	case "rating":
		if n, of, ok := rating(raw, t.column(i).attrs["data-max"]); ok {
			out.Type, out.Stars, out.Max = "rating", n, of
			out.Filled, out.Empty = strings.Repeat("★", n), strings.Repeat("☆", of-n)
			return nil
		}
	case "number":
		if strings.TrimSpace(htmlText(raw)) == "null" {
			return nil
		}
	case "image":
		if links := cellLinks(raw); len(links) > 0 {
			out.Type = "image"
			for _, l := range links {
				img := tableImage{Alt: strings.TrimSpace(l.text)}
				if u, ok := b.resolve(l.dest, c.start, true); ok {
					img.URL = template.URL(u) // #nosec: checked by resolve
				}
				out.Images = append(out.Images, img)
			}
			return nil
		}
	}
	if opts := t.column(i).options; len(opts) > 0 {
		if labels := optionLabels(opts, optionValues(raw)); len(labels) > 0 {
			out.Type = "select"
			for _, o := range labels {
				out.Labels = append(out.Labels, tableLabel{Text: o.label, Color: labelColor(o.color)})
			}
			return nil
		}
	}
	var err error
	out.Body, err = b.html(c.start, c.stop)
	return err
}

// checked reports whether a checkbox cell is checked.
func checked(raw []byte) bool { return strings.EqualFold(htmlText(raw), "true") }

// rating reads a rating cell: n stars out of max (5 unless data-max says
// otherwise, at most 10).
func rating(raw []byte, limit string) (n, of int, ok bool) {
	of = 5
	if m, err := strconv.Atoi(strings.TrimSpace(limit)); err == nil && m > 0 {
		of = min(m, 10)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(htmlText(raw)), 64)
	if err != nil {
		return 0, of, false
	}
	return min(max(int(v+0.5), 0), of), of, true
}

// optionLabels returns the options named by values, in order; a value
// with no option is left out.
func optionLabels(opts []selectOption, values []string) []selectOption {
	var out []selectOption
	for _, v := range values {
		for _, o := range opts {
			if o.value == v {
				if o.label == "" {
					o.label = o.value
				}
				out = append(out, o)
				break
			}
		}
	}
	return out
}

// labelColor returns the colour of a select option, when the stylesheet
// has it.
func labelColor(c string) string {
	if c = strings.TrimPrefix(c, "$"); htmlfilter.IsColor(c) || c == "pink" || c == "gray" {
		return c
	}
	return ""
}

// tableMarkdown is the plain form of a rich table: a pipe table of its
// visible columns, each cell on one line. ok is false when a cell holds
// blocks a pipe table cannot show.
func tableMarkdown(t *htmlTable, frag []byte, links mdLinks) (lines []string, ok bool) {
	cols := visibleColumns(t)
	if len(cols) == 0 {
		return nil, true
	}
	head := make([]string, len(cols))
	delim := make([]string, len(cols))
	for k, i := range cols {
		h := t.column(i)
		if i < len(t.head) && !t.headerHidden() {
			if head[k], ok = htmlMarkdown(h.content(frag), "<br>", links); !ok {
				return nil, false
			}
		}
		switch cellAlign(h) {
		case "left":
			delim[k] = ":---"
		case "right":
			delim[k] = "---:"
		case "center":
			delim[k] = ":---:"
		default:
			delim[k] = "---"
		}
	}
	lines = append(lines, pipeRow(head), pipeRow(delim))
	for _, row := range t.rows {
		cells := make([]string, len(cols))
		for k, i := range cols {
			if i >= len(row) {
				continue
			}
			if cells[k], ok = cellMarkdown(t, i, row[i].content(frag), links); !ok {
				return nil, false
			}
		}
		lines = append(lines, pipeRow(cells))
	}
	return lines, true
}

// cellMarkdown is the plain form of one cell of column i.
func cellMarkdown(t *htmlTable, i int, raw []byte, links mdLinks) (string, bool) {
	switch t.typ(i) {
	case "checkbox":
		if checked(raw) {
			return "☑", true
		}
		return "☐", true
	case "rating":
		if n, of, ok := rating(raw, t.column(i).attrs["data-max"]); ok {
			return strconv.Itoa(n) + "/" + strconv.Itoa(of), true
		}
	case "number":
		if htmlText(raw) == "null" {
			return "", true
		}
	case "image":
		if cl := cellLinks(raw); len(cl) > 0 {
			images := make([]string, len(cl))
			for k, l := range cl {
				images[k] = "![" + mdEscape(strings.TrimSpace(l.text)) + "](" + markdownDest(links.image(l.dest)) + ")"
			}
			return strings.Join(images, " "), true
		}
	}
	if opts := t.column(i).options; len(opts) > 0 {
		if labels := optionLabels(opts, optionValues(raw)); len(labels) > 0 {
			names := make([]string, len(labels))
			for k, o := range labels {
				names[k] = mdEscape(o.label)
			}
			return strings.Join(names, ", "), true
		}
	}
	return htmlMarkdown(raw, "<br>", links)
}

// pipeRow writes one row of a pipe table.
func pipeRow(cells []string) string {
	var b strings.Builder
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" ")
		b.WriteString(c)
		b.WriteString(" |")
	}
	return b.String()
}
