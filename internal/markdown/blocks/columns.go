package blocks

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// Kinds of the columns blocks (section 4.15).
var (
	// KindColumns is a {% columns %} block.
	KindColumns = ast.NewNodeKind("Columns")
	// KindColumn is one {% column %} of a columns block.
	KindColumn = ast.NewNodeKind("Column")
)

// Columns is the columns block: {% columns %} holding two {% column %} …
// {% endcolumn %} blocks, shown side by side and stacked on narrow
// screens. The first column may set its width, width="40%" (or the second
// one, the first then taking the rest); GitBook allows two columns, more
// are shown side by side with a warning.
var Columns Def = columns{}

type columns struct{}

func (columns) Names() []string { return []string{"columns", "column"} }

func (columns) Extend(m goldmark.Markdown) {
	extend(m, NewTagParser(newColumnsBlock, "columns", "column"), kindRenderers{
		KindColumns: checked(checkColumns, renderColumns),
		KindColumn:  captured(renderColumn),
	})
}

func newColumnsBlock(n *liquid.Node) ast.Node {
	if n.Tag.Name == "columns" {
		return NewBlock(KindColumns, n)
	}
	return NewBlock(KindColumn, n)
}

// Degrade writes the columns one after another.
func (columns) Degrade(d *Degrader, _ *liquid.Node, inner []byte) {
	d.Blank()
	d.Write(trimBlankLines(inner))
	d.Blank()
}

// columnsData is what templates/columns.html gets.
type columnsData struct {
	// First is the share of the width the first column takes, in percent
	// (a number between 0 and 100, such as "40"), or "" for equal
	// columns.
	First   string
	Columns []columnData
}

// columnData is one column of columnsData.
type columnData struct {
	Body template.HTML
}

// columnItem is what a column collects for its columns block.
type columnItem struct {
	body  template.HTML
	width float64 // in percent; 0 when not set
	off   int     // of the tag
}

func checkColumns(env Env, node ast.Node, _ *Block) {
	strayChild(env, node, KindColumn, "columns", "column")
}

func renderColumns(env Env, _ ast.Node, b *Block, rest template.HTML, collected []any) error {
	writeRest(env, rest)
	items := collectedOf[columnItem](collected)
	if len(items) == 0 {
		env.Problem(b.Tag.Start, `empty "columns" block`, "add two {% column %} … {% endcolumn %} blocks inside it, or remove it")
		return nil
	}
	if len(items) > 2 {
		env.Problem(items[2].off, "more than two columns in "+quote("columns"),
			"GitBook shows two columns at most: move the rest to another columns block")
	}
	data := columnsData{}
	switch {
	case items[0].width > 0:
		data.First = formatPercent(items[0].width)
	case len(items) == 2 && items[1].width > 0:
		data.First = formatPercent(100 - items[1].width)
	}
	for _, c := range items {
		data.Columns = append(data.Columns, columnData{Body: c.body})
	}
	return env.Exec("columns.html", data)
}

func renderColumn(env Env, node ast.Node, b *Block, body template.HTML, _ []any) error {
	c := columnItem{body: body, off: b.Tag.Start}
	if s, ok := b.Tag.Arg("width"); ok {
		width, valid := parsePercent(s)
		if !valid {
			env.Problem(argOffset(b.Tag, "width"), "column width "+quote(s)+" is not a percentage between 0% and 100%",
				`write width="40%"; the columns share the width equally`)
		}
		c.width = width
	}
	if p := node.Parent(); p != nil && p.Kind() == KindColumns {
		env.Collect(c)
		return nil
	}
	env.Problem(b.Tag.Start, `"column" outside "columns"`,
		"put it between {% columns %} and {% endcolumns %}; its content is shown on its own")
	_, _ = env.WriteString(string(body))
	return nil
}

// parsePercent reads a width such as "40%" or "33.3%": a number strictly
// between 0 and 100 followed by "%". Anything else is not valid and gives 0.
func parsePercent(s string) (float64, bool) {
	num, ok := strings.CutSuffix(strings.TrimSpace(s), "%")
	if !ok {
		return 0, false
	}
	num = strings.TrimSpace(num)
	for _, c := range num {
		if (c < '0' || c > '9') && c != '.' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v <= 0 || v >= 100 {
		return 0, false
	}
	return v, true
}

// formatPercent writes a share of the width in percent, without the "%",
// with two decimals at most: 40 gives "40", 100/3 "33.33".
func formatPercent(v float64) string {
	return strconv.FormatFloat(float64(int(v*100+0.5))/100, 'f', -1, 64)
}
