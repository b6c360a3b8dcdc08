package blocks

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/handbookhq/handbook/internal/markdown/icons"
	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// Kinds of the tabs blocks (sections 4.2 and 4.26).
var (
	// KindTabs is a tabs block: {% tabs %} or the legacy {% code-tabs %}.
	KindTabs = ast.NewNodeKind("Tabs")
	// KindTab is one tab: {% tab title="…" %} or the legacy
	// {% code-tabs-item title="…" %}.
	KindTab = ast.NewNodeKind("Tab")
)

// TabsBlock is a tabs block or one of its tabs.
type TabsBlock struct {
	*Block
	// Seq numbers the tabs blocks of a document from 1, in order, so that
	// the IDs of their tabs are unique within the page. A tab outside any
	// tabs block, shown as a block of its own, has one too; other tabs
	// have 0.
	Seq int
}

// Tabs is the tabs block: {% tabs %} holding {% tab title="macOS"
// icon="apple" %} … {% endtab %} blocks, shown as a tab strip with the
// first tab selected. The legacy {% code-tabs %} and {% code-tabs-item %}
// are the same block, its tabs holding code.
//
// Each tab goes by the slug of its title (see tabSlug): choosing a tab
// selects the tabs of the same title in the page's other tabs blocks, and
// the choice is kept in the URL as the query parameter "tab" (repeated
// for choices in blocks of different titles, the latest last), so that a
// reload or a shared link shows the same tabs; the fragment stays free
// for headings, and a fragment naming something inside a tab selects it
// (assets/tabs.js). Without JavaScript, and in print, every tab shows
// under its title.
var Tabs Def = tabs{}

type tabs struct{}

func (tabs) Names() []string { return []string{"tabs", "tab", "code-tabs", "code-tabs-item"} }

func (tabs) Extend(m goldmark.Markdown) {
	extend(m, tabsParser{NewTagParser(newTabsBlock, "tabs", "tab", "code-tabs", "code-tabs-item")}, kindRenderers{
		KindTabs: checked(checkTabs, renderTabs),
		KindTab:  captured(renderTab),
	})
}

func newTabsBlock(n *liquid.Node) ast.Node {
	k := KindTab
	if isTabsName(n.Tag.Name) {
		k = KindTabs
	}
	return &TabsBlock{Block: NewBlock(k, n)}
}

// isTabsName reports whether name is that of a tabs block, not of a tab.
func isTabsName(name string) bool { return name == "tabs" || name == "code-tabs" }

// tabsParser numbers the tabs blocks as it opens them.
type tabsParser struct{ parser.BlockParser }

func (p tabsParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	node, state := p.BlockParser.Open(parent, reader, pc)
	if t, ok := node.(*TabsBlock); ok && (t.Kind() == KindTabs || parent == nil || parent.Kind() != KindTabs) {
		t.Seq = tableOf(pc).next()
	}
	return node, state
}

// Degrade writes each tab as a bold label line followed by its content:
// "**macOS**", a blank line, the content.
func (tabs) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	if !isTabsName(n.Tag.Name) {
		d.Blank()
		d.Line("**" + escapeLabel(tabTitle(n.Tag, siblingIndex(d, n))) + "**")
	}
	d.Blank()
	d.Write(trimBlankLines(inner))
	d.Blank()
}

// tabTitle returns the title of the tab t, the i-th (from 1) of its block,
// or "Tab i" when it has none.
func tabTitle(t liquid.Tag, i int) string {
	if s, _ := t.Arg("title"); strings.TrimSpace(s) != "" {
		return strings.TrimSpace(s)
	}
	return fmt.Sprintf("Tab %d", i)
}

// tabsData is what templates/tabs.html gets.
type tabsData struct {
	Code bool // a code-tabs block: its tabs hold code
	Tabs []tabData
}

// tabData is one tab of tabsData.
type tabData struct {
	ID    string // of the tab; its panel is ID + "-panel"
	Slug  string // of the title: the name it goes by across blocks and in the URL; "" when untitled
	Title string
	Icon  string // Font Awesome name, or ""
	Body  template.HTML
}

// tabItem is what a tab collects for its tabs block.
type tabItem struct {
	title string // "" when missing
	icon  string
	body  template.HTML
}

// tabChild returns the name of the tags a tabs block b holds.
func tabChild(b *Block) string {
	if b.Tag.Name == "code-tabs" {
		return "code-tabs-item"
	}
	return "tab"
}

func checkTabs(env Env, node ast.Node, b *Block) {
	strayChild(env, node, KindTab, b.Tag.Name, tabChild(b))
}

func renderTabs(env Env, node ast.Node, b *Block, rest template.HTML, collected []any) error {
	child := tabChild(b)
	writeRest(env, rest)
	items := collectedOf[tabItem](collected)
	if len(items) == 0 {
		env.Problem(b.Tag.Start, "empty "+quote(b.Tag.Name)+" block",
			"add {% "+child+` title="…" %} … {% end`+child+" %} blocks inside it, or remove it")
		return nil
	}
	seq := 0
	if t, ok := node.(*TabsBlock); ok {
		seq = t.Seq
	}
	return env.Exec("tabs.html", newTabsData(seq, b.Tag.Name == "code-tabs", items))
}

func renderTab(env Env, node ast.Node, b *Block, body template.HTML, _ []any) error {
	title, _ := b.Tag.Arg("title")
	if strings.TrimSpace(title) == "" {
		env.Problem(argOffset(b.Tag, "title"), quote(b.Tag.Name)+" without a title", "write {% "+b.Tag.Name+` title="Name" %}`)
	}
	icon, _ := b.Tag.Arg("icon")
	if _, known := icons.SVG(icon); icon != "" && !known {
		env.Problem(argOffset(b.Tag, "icon"), "unknown icon "+quote(icon), `use a Font Awesome icon name, such as "apple"`)
		icon = ""
	}
	it := tabItem{title: strings.TrimSpace(title), icon: icon, body: body}
	if p := node.Parent(); p != nil && p.Kind() == KindTabs {
		env.Collect(it)
		return nil
	}
	parent := "tabs"
	if b.Tag.Name == "code-tabs-item" {
		parent = "code-tabs"
	}
	env.Problem(b.Tag.Start, quote(b.Tag.Name)+" outside "+quote(parent),
		"put it between {% "+parent+" %} and {% end"+parent+" %}; it is shown as a tabs block of one tab")
	seq := 0
	if t, ok := node.(*TabsBlock); ok {
		seq = t.Seq
	}
	return env.Exec("tabs.html", newTabsData(seq, parent == "code-tabs", []tabItem{it}))
}

// newTabsData gives the tabs of the seq-th tabs block their IDs: "tab-",
// seq, "-" and the slug of the title (or the tab's position when it has
// none), made unique within the block.
func newTabsData(seq int, code bool, items []tabItem) tabsData {
	data := tabsData{Code: code}
	used := map[string]bool{}
	for i, it := range items {
		slug := tabSlug(it.title)
		key := slug
		if key == "" {
			key = fmt.Sprint(i + 1)
		}
		id := fmt.Sprintf("tab-%d-%s", seq, key)
		for k := 2; used[id]; k++ {
			id = fmt.Sprintf("tab-%d-%s-%d", seq, key, k)
		}
		used[id] = true
		title := it.title
		if title == "" {
			title = fmt.Sprintf("Tab %d", i+1)
		}
		data.Tabs = append(data.Tabs, tabData{ID: id, Slug: slug, Title: title, Icon: it.icon, Body: it.body})
	}
	return data
}

// tabSlug turns a tab title into the name the tab goes by in IDs, in the
// URL and across tabs blocks: its letters and digits in lower case, "+"
// as "plus" and "#" as "sharp" (so that "C++" and "C#" differ), any other
// run of characters as one "-". "macOS" gives "macos", "Node.js"
// "node-js", "C++" "cplusplus".
func tabSlug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		var s string
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r):
			s = string(r)
		case r == '+':
			s = "plus"
		case r == '#':
			s = "sharp"
		default:
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
	}
	return b.String()
}

// strayChild reports the first child of the container node that is not of
// kind want: content a tabs block (named name) holds outside its tabs
// (named child). The content is still shown, before the block.
func strayChild(env Env, node ast.Node, want ast.NodeKind, name, child string) {
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == want {
			continue
		}
		off := BlockOf(node).Tag.Start
		if b := BlockOf(c); b != nil {
			off = b.Tag.Start
		} else if p := c.Pos(); p >= 0 {
			off = p
		}
		env.Problem(off, "content in "+quote(name)+" outside any "+quote(child),
			"put it inside a {% "+child+" %} block, or before {% "+name+" %}; it is shown before the block")
		return
	}
}

// writeRest writes what a container block rendered outside its collected
// children, when there is any.
func writeRest(env Env, rest template.HTML) {
	if strings.TrimSpace(string(rest)) != "" {
		_, _ = env.WriteString(string(rest))
	}
}

// siblingIndex returns the position (from 1) of n among the tags of its
// name in the block holding it; a tag at the top level of the page counts
// as the first. It walks back from n over its earlier siblings, skipping
// each one's content.
func siblingIndex(d *Degrader, n *liquid.Node) int {
	i := 1
	for pos := n.Tag.Start; pos > 0; {
		at := bytes.LastIndex(d.src[:pos], []byte("{%"))
		if at < 0 {
			break
		}
		pos = at
		if m := d.tab.ends[at]; m != nil { // an earlier sibling: skip its content
			if m.Tag.Name == n.Tag.Name {
				i++
			}
			pos = m.Tag.Start
			continue
		}
		m := d.tab.starts[at]
		switch {
		case m == nil:
		case slices.Contains(m.Children, n):
			return i
		case m.Tag.Name == n.Tag.Name:
			i++
		}
	}
	return 1
}

// trimBlankLines returns b without its leading and trailing blank lines;
// the indentation of its first line is kept.
func trimBlankLines(b []byte) []byte {
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 || len(bytes.TrimSpace(b[:i])) > 0 {
			break
		}
		b = b[i+1:]
	}
	return bytes.TrimRight(b, " \t\r\n")
}

// escapeLabel escapes the characters that would make a title written
// between "**" something else than text.
func escapeLabel(s string) string {
	return backslashEscape(s, "\\*`[]<")
}
