package blocks

import (
	"bytes"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// Kinds of the changelog blocks (section 4.23).
var (
	// KindUpdates is an updates block: the timeline.
	KindUpdates = ast.NewNodeKind("Updates")
	// KindUpdate is one dated entry of it.
	KindUpdate = ast.NewNodeKind("Update")
)

// Updates is the changelog block:
//
//	{% updates format="full" %}
//	{% update date="2025-03-01" tags="api,beta" %}
//	## New export endpoint
//	…
//	{% endupdate %}
//	{% endupdates %}
//
// a timeline of dated entries, newest first, with tag chips and a tag
// filter. The entries are put in order when the block is parsed, so the
// page outline lists their headings in the order shown.
var UpdatesDef Def = updatesDef{}

type updatesDef struct{}

// UpdateNode is one entry of an updates block.
type UpdateNode struct {
	*Block
	// ID is the entry's anchor, unique in the page: "update-2025-03-01".
	ID string
}

func (updatesDef) Names() []string { return []string{"updates", "update"} }

func (updatesDef) Extend(m goldmark.Markdown) {
	extend(m, &updatesParser{tagParser{names: []string{"updates"}, newNode: func(n *liquid.Node) ast.Node {
		return NewBlock(KindUpdates, n)
	}}}, kindRenderers{
		KindUpdates: captured(renderUpdates),
		KindUpdate:  captured(renderUpdate),
	})
	extend(m, &updateParser{tagParser{names: []string{"update"}}}, nil)
}

// updatesParser sorts the entries of an updates block as it closes.
type updatesParser struct{ tagParser }

// Close implements parser.BlockParser: the entries go newest first, those
// of equal or unreadable dates in the order written (unreadable last);
// anything else inside the block (reported when rendered) goes before them.
func (p *updatesParser) Close(node ast.Node, _ text.Reader, _ parser.Context) {
	var kids []ast.Node
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		kids = append(kids, c)
	}
	slices.SortStableFunc(kids, func(a, b ast.Node) int { return compareEntries(entryDate(a), entryDate(b)) })
	node.RemoveChildren(node)
	for _, c := range kids {
		node.AppendChild(node, c)
	}
}

// entryDate is the date of an entry for sorting: ok false for content that
// is not an entry, and the zero time for an entry without a readable date.
type sortDate struct {
	t     time.Time
	entry bool
}

func entryDate(n ast.Node) sortDate {
	u, ok := n.(*UpdateNode)
	if !ok {
		return sortDate{}
	}
	t, _ := parseDate(u.Arg("date", ""))
	return sortDate{t: t, entry: true}
}

// compareEntries orders non-entries first, then entries newest first,
// undated entries last.
func compareEntries(a, b sortDate) int {
	switch {
	case a.entry != b.entry:
		if !a.entry {
			return -1
		}
		return 1
	case a.t.IsZero() != b.t.IsZero():
		if b.t.IsZero() {
			return -1
		}
		return 1
	}
	return b.t.Compare(a.t)
}

// updateParser gives each entry its anchor, unique among the page's IDs.
type updateParser struct{ tagParser }

func (p *updateParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	n, ok := tagAt(reader, pc)
	if !ok || n.Tag.Name != "update" {
		return nil, parser.NoChildren
	}
	u := &UpdateNode{Block: NewBlock(KindUpdate, n)}
	base := "update"
	if t, ok := parseDate(u.Arg("date", "")); ok {
		base += " " + t.Format(time.DateOnly)
	}
	u.ID = base
	if ids := pc.IDs(); ids != nil {
		u.ID = string(ids.Generate([]byte(base), KindUpdate))
	}
	consume(reader, n.Tag.Stop)
	return u, parser.HasChildren
}

// dateLayouts are the date forms an entry's date may take.
var dateLayouts = []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04"}

// parseDate reads an entry's date; a date alone is midnight UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// dateFormats are the values of the format argument, as Go layouts.
var dateFormats = map[string]string{
	"full":    "January 2, 2006",
	"short":   "Jan 2, 2006",
	"numeric": time.DateOnly,
}

// splitTags returns the tags of an entry: comma-separated, trimmed, each
// once.
func splitTags(s string) []string {
	var tags []string
	for t := range strings.SplitSeq(s, ",") {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}

// updatesData is what templates/updates.html gets.
type updatesData struct {
	Format string   // full, short or numeric
	Tags   []string // every tag of the entries, sorted, for the filter
	Body   template.HTML
}

// updateData is what templates/update.html gets.
type updateData struct {
	ID       string
	Date     string // as the format shows it; as written when it does not parse
	Datetime string // machine-readable, for <time datetime>; "" when unreadable
	Tags     []string
	Body     template.HTML
}

func renderUpdates(env Env, node ast.Node, b *Block, body template.HTML, _ []any) error {
	format := updatesFormat(env, b.Tag, true)
	var tags []string
	for c := node.FirstChild(); c != nil; c = c.NextSibling() {
		u, ok := c.(*UpdateNode)
		if !ok {
			env.Problem(nodeOffset(c, b.Tag.Stop), "content outside an update in "+quote("updates"),
				`put it inside {% update date="YYYY-MM-DD" %} … {% endupdate %}`)
			continue
		}
		for _, t := range splitTags(u.Arg("tags", "")) {
			if !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
	}
	slices.Sort(tags)
	return env.Exec("updates.html", updatesData{Format: format, Tags: tags, Body: body})
}

// updatesFormat returns the date format of the updates tag t, reporting an
// unknown one when report is set.
func updatesFormat(env Env, t liquid.Tag, report bool) string {
	f, ok := t.Arg("format")
	if !ok || f == "" {
		return "full"
	}
	if _, known := dateFormats[f]; !known {
		if report {
			env.Problem(argOffset(t, "format"), "unknown updates format "+quote(f), "use full, short or numeric")
		}
		return "full"
	}
	return f
}

func renderUpdate(env Env, node ast.Node, _ *Block, body template.HTML, _ []any) error {
	u := node.(*UpdateNode)
	format := "full"
	if p := node.Parent(); p != nil && p.Kind() == KindUpdates {
		format = updatesFormat(env, BlockOf(p).Tag, false)
	} else {
		env.Problem(u.Tag.Start, quote("update")+" outside an "+quote("updates")+" block",
			"put the entries between {% updates %} and {% endupdates %}")
	}
	raw, has := u.Tag.Arg("date")
	data := updateData{ID: u.ID, Date: raw, Tags: splitTags(u.Arg("tags", "")), Body: body}
	switch t, ok := parseDate(raw); {
	case !has || strings.TrimSpace(raw) == "":
		env.Problem(u.Tag.Start, "update without a date", `add date="YYYY-MM-DD" to the tag`)
	case !ok:
		env.Problem(argOffset(u.Tag, "date"), "invalid update date "+quote(raw), `write the date as YYYY-MM-DD, as in date="2025-03-01"`)
	default:
		data.Date = t.Format(dateFormats[format])
		data.Datetime = t.Format(time.DateOnly)
		if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 {
			data.Datetime = t.Format(time.RFC3339)
		}
	}
	return env.Exec("update.html", data)
}

// nodeOffset returns the offset where block node n starts in the source,
// or def when it has no lines of its own.
func nodeOffset(n ast.Node, def int) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return def
}

// Degrade writes the entries newest first, each as its own plain form
// (see degradeUpdate); anything else inside the block comes before them.
func (updatesDef) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	if n.Tag.Name == "update" {
		degradeUpdate(d, n, inner)
		return
	}
	var entries []*liquid.Node
	for _, c := range n.Children {
		if c.Tag.Name == "update" && atLineStart(d.src, c.Tag.Start) {
			entries = append(entries, c)
		}
	}
	if len(entries) == 0 {
		d.Blank()
		d.Write(inner)
		d.Blank()
		return
	}
	sorted := slices.Clone(entries)
	slices.SortStableFunc(sorted, func(a, b *liquid.Node) int {
		ta, _ := parseDate(tagArg(a.Tag, "date"))
		tb, _ := parseDate(tagArg(b.Tag, "date"))
		return compareEntries(sortDate{ta, true}, sortDate{tb, true})
	})
	// The block's content as written, between its tags; the entries are
	// cut out of it and written again in order.
	start := lineAfter(d.src, n.Tag.Stop)
	stop := len(d.src)
	if n.End != nil {
		stop = max(start, lineStart(d.src, n.End.Start))
	}
	d.Blank()
	for i, c := range entries {
		a := start
		if i > 0 {
			a = nodeStop(d.src, entries[i-1], stop)
		}
		if gap := d.piece(a, lineStart(d.src, c.Tag.Start), n.Children); len(bytes.TrimSpace(gap)) > 0 {
			d.Write(gap)
			d.Blank()
		}
	}
	if gap := d.piece(nodeStop(d.src, entries[len(entries)-1], stop), stop, n.Children); len(bytes.TrimSpace(gap)) > 0 {
		d.Write(gap)
		d.Blank()
	}
	for _, c := range sorted {
		d.Write(d.piece(lineStart(d.src, c.Tag.Start), nodeStop(d.src, c, stop), []*liquid.Node{c}))
		d.Blank()
	}
}

// tagArg returns the value of t's argument key, or "".
func tagArg(t liquid.Tag, key string) string {
	v, _ := t.Arg(key)
	return v
}

// nodeStop returns where the block node n ends: after its end tag's line,
// or at limit for one left unclosed.
func nodeStop(src []byte, n *liquid.Node, limit int) int {
	if n.End == nil {
		return limit
	}
	return min(limit, lineAfter(src, n.End.Stop))
}

// piece returns the plain form of src[a:b], which holds the block nodes
// ns, without writing it.
func (d *Degrader) piece(a, b int, ns []*liquid.Node) []byte {
	saved, after := d.out, d.after
	d.out, d.after = bytes.Buffer{}, false
	d.region(a, b, ns)
	out := bytes.Trim(d.out.Bytes(), "\n")
	d.out, d.after = saved, after
	return out
}

// degradeUpdate writes an entry as a section:
//
//	### 2025-03-01 — New export endpoint
//
//	Tags: api, beta
//
//	Details…
//
// The title is the entry's first line when it is a heading (which it
// replaces), or "Update".
func degradeUpdate(d *Degrader, n *liquid.Node, inner []byte) {
	raw, _ := n.Tag.Arg("date")
	date := strings.TrimSpace(raw)
	if t, ok := parseDate(raw); ok {
		date = t.Format(time.DateOnly)
	}
	body := bytes.TrimLeft(d.Dedent(inner), " \t\n")
	title := "Update"
	first, rest, _ := bytes.Cut(body, []byte("\n"))
	if h, ok := headingText(first); ok {
		title, body = h, bytes.TrimLeft(rest, " \t\n")
	}
	d.Blank()
	if date != "" {
		title = date + " — " + title
	}
	d.Line("### " + title)
	d.Blank()
	if tags := splitTags(tagArg(n.Tag, "tags")); len(tags) > 0 {
		d.Line("Tags: " + strings.Join(tags, ", "))
		d.Blank()
	}
	for line := range bytes.Lines(bytes.TrimRight(body, " \t\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			d.out.WriteByte('\n')
			continue
		}
		d.out.Write(d.indent)
		d.out.Write(line)
	}
	d.out.WriteByte('\n')
	d.Blank()
}

// headingText returns the text of an ATX heading line, without its marks
// and any HTML anchor in it.
func headingText(line []byte) (string, bool) {
	s := strings.TrimSpace(string(line))
	level := len(s) - len(strings.TrimLeft(s, "#"))
	if level == 0 || level > 6 || len(s) > level && s[level] != ' ' && s[level] != '\t' {
		return "", false
	}
	s = strings.TrimSpace(s[level:])
	if t := strings.TrimRight(s, "#"); t != s && (t == "" || strings.HasSuffix(t, " ")) {
		s = strings.TrimSpace(t)
	}
	for {
		i := strings.IndexByte(s, '<')
		j := strings.IndexByte(s[max(i, 0):], '>')
		if i < 0 || j < 0 {
			break
		}
		s = s[:i] + s[i+j+1:]
	}
	s = strings.Join(strings.Fields(s), " ")
	return s, s != ""
}
