package markdown

import (
	"strconv"
	"strings"

	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// Rich tables are the HTML tables GitBook writes for its table block, with
// column types in the header (<th data-type="checkbox">), hidden columns
// (data-hidden), select columns (a <select> of <option value label color>
// in the header, <span data-option="value"> in the cells) and table
// options (data-full-width, data-header-hidden). They are written as a
// normal table, without the hidden columns:
//
//   - checkbox: ☑ or ☐ ("true" is checked);
//   - rating: stars out of data-max (5 unless given);
//   - select: each option as a coloured label (hb-label hb-label-blue);
//   - image: the images the cell links to;
//   - number: "null" is an empty cell;
//   - anything else (text, files, users, content-ref): the cell as written.

// table writes a table GitBook enriched: as cards or as a table.
func (b richBlock) table(t *htmlTable) error {
	if t.cards() {
		return b.cards(t)
	}
	if err := b.block(0, t.start); err != nil {
		return err
	}
	wrap := "table-wrap"
	if has(t.attrs, "data-full-width") {
		wrap += " full-width"
	}
	b.str(`<div class="` + wrap + `">` + "\n" + `<table class="hb-table">` + "\n")
	cols := visibleColumns(t)
	if t.head != nil && !t.headerHidden() {
		b.str("<thead>\n<tr>\n")
		for _, i := range cols {
			h := t.column(i)
			b.str("<th" + cellAttrs(h, true) + ">")
			if i < len(t.head) {
				if err := b.raw(h.start, h.stop); err != nil {
					return err
				}
			}
			b.str("</th>\n")
		}
		b.str("</tr>\n</thead>\n")
	}
	b.str("<tbody>\n")
	for _, row := range t.rows {
		b.str("<tr>\n")
		for _, i := range cols {
			if i >= len(row) {
				b.str("<td></td>\n")
				continue
			}
			b.str("<td" + cellAttrs(row[i], false) + ">")
			if err := b.cell(t, i, row[i]); err != nil {
				return err
			}
			b.str("</td>\n")
		}
		b.str("</tr>\n")
	}
	b.str("</tbody>\n</table>\n</div>\n")
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

// cellAttrs returns the attributes a cell keeps: its alignment and, for a
// header, its width.
func cellAttrs(c htmlCell, head bool) string {
	var s string
	align := strings.ToLower(strings.TrimSpace(c.attrs["align"]))
	if align == "" {
		align = textAlignOf(c.attrs["style"])
	}
	switch align {
	case "left", "right", "center", "justify":
		s += ` align="` + align + `"`
	}
	if w := strings.TrimSpace(c.attrs["width"]); head && w != "" && validWidth(w) {
		s += ` width="` + w + `"`
	}
	return s
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

// cell writes the content of cell c of column i, as its type shows it.
func (b richBlock) cell(t *htmlTable, i int, c htmlCell) error {
	raw := c.content(b.frag)
	switch t.typ(i) {
	case "checkbox":
		if checked(raw) {
			b.str(`<span class="hb-checkbox" role="img" aria-label="Checked">☑</span>`)
		} else {
			b.str(`<span class="hb-checkbox" role="img" aria-label="Not checked">☐</span>`)
		}
		return nil
	case "rating":
		if n, of, ok := rating(raw, t.column(i).attrs["data-max"]); ok {
			b.str(`<span class="hb-rating" role="img" aria-label="` + strconv.Itoa(n) + ` out of ` + strconv.Itoa(of) + `">` +
				`<span class="hb-rating-on">` + strings.Repeat("★", n) + `</span>` + strings.Repeat("☆", of-n) + `</span>`)
			return nil
		}
	case "number":
		if strings.TrimSpace(htmlText(raw)) == "null" {
			return nil
		}
	case "image":
		if links := cellLinks(raw); len(links) > 0 {
			for _, l := range links {
				if u, ok := b.resolve(l.dest, c.start, true); ok {
					b.img("hb-cell-image", u, strings.TrimSpace(l.text))
				} else {
					b.st.escape(l.text)
				}
			}
			return nil
		}
	}
	if opts := t.column(i).options; len(opts) > 0 {
		if labels := optionLabels(opts, optionValues(raw)); len(labels) > 0 {
			for k, o := range labels {
				if k > 0 {
					b.str(" ")
				}
				b.str(`<span class="hb-label` + labelColor(o.color) + `">`)
				b.st.escape(o.label)
				b.str(`</span>`)
			}
			return nil
		}
	}
	return b.raw(c.start, c.stop)
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

// labelColor returns the class of a select option's colour.
func labelColor(c string) string {
	if c = strings.TrimPrefix(c, "$"); htmlfilter.IsColor(c) || c == "pink" || c == "gray" {
		return " hb-label-" + c
	}
	return ""
}

// tableMarkdown is the plain form of a rich table: a pipe table of its
// visible columns, each cell on one line. ok is false when a cell holds
// blocks a pipe table cannot show.
func tableMarkdown(t *htmlTable, frag []byte) (lines []string, ok bool) {
	cols := visibleColumns(t)
	if len(cols) == 0 {
		return nil, true
	}
	head := make([]string, len(cols))
	delim := make([]string, len(cols))
	for k, i := range cols {
		h := t.column(i)
		if i < len(t.head) && !t.headerHidden() {
			if head[k], ok = htmlMarkdown(h.content(frag), "<br>"); !ok {
				return nil, false
			}
		}
		switch a := cellAttrs(h, false); a {
		case ` align="left"`:
			delim[k] = ":---"
		case ` align="right"`:
			delim[k] = "---:"
		case ` align="center"`:
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
			if cells[k], ok = cellMarkdown(t, i, row[i].content(frag)); !ok {
				return nil, false
			}
		}
		lines = append(lines, pipeRow(cells))
	}
	return lines, true
}

// cellMarkdown is the plain form of one cell of column i.
func cellMarkdown(t *htmlTable, i int, raw []byte) (string, bool) {
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
		if links := cellLinks(raw); len(links) > 0 {
			images := make([]string, len(links))
			for k, l := range links {
				images[k] = "![" + mdEscape(strings.TrimSpace(l.text)) + "](" + markdownDest(l.dest) + ")"
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
	return htmlMarkdown(raw, "<br>")
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
