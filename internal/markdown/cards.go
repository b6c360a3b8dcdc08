package markdown

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// Cards are a table GitBook shows as a grid (<table data-view="cards">).
// Each row is a card; the columns have roles:
//
//   - data-card-target: the card's link (a page or a URL), on the whole card;
//   - data-card-cover, data-card-cover-dark: its cover image, for light and
//     dark mode (a cell with data-object-fit="contain" is not cropped);
//   - data-hidden: not shown;
//   - any other column: a line of the card's text.
//
// data-card-size="large" puts two cards in a row instead of three, and
// data-card-wrap="false" makes the row scroll sideways. The grid is written
// by templates/cards.html (package blocks), a card as
//
//	<div class="hb-card hb-card-linked">
//	<img class="hb-card-cover" ...>
//	<div class="hb-card-body"><div class="hb-card-cell">…</div>…</div>
//	<a class="hb-card-link" href="…" aria-label="Title"></a>
//	</div>
//
// with the link stretched over the card, so links in its text still work.

// cardsData is what templates/cards.html gets.
type cardsData struct {
	Large     bool // data-card-size="large": two cards a row, not three
	Scroll    bool // data-card-wrap="false": one row that scrolls sideways
	FullWidth bool // data-full-width: wider than the text
	Cards     []cardData
}

// cardData is one card.
type cardData struct {
	URL       template.URL    // the card's link; "" for a card without one
	External  bool            // URL leads off the site
	Title     string          // the text of the card's first line, naming the link
	Cover     template.URL    // the cover image; "" for none
	CoverDark template.URL    // the cover in dark mode, when it has one besides Cover
	Contain   bool            // the cover is shown whole, not cropped
	Cells     []template.HTML // the lines of text, each as HTML
}

// card is one row of a table of cards.
type card struct {
	cells            []htmlCell // the cells shown, in order
	target           cellLink   // dest "" for none
	targetAt         int        // offset of the target's cell in the fragment
	cover, coverDark cellLink
	coverAt, darkAt  int
	contain          bool // the cover is shown whole
}

// cardsOf reads the cards of t.
func cardsOf(t *htmlTable, frag []byte) []card {
	var cards []card
	for _, row := range t.rows {
		var c card
		for i, cell := range row {
			col := t.column(i).attrs
			raw := cell.content(frag)
			switch {
			case has(col, "data-card-target"):
				if l := cellLinks(raw); len(l) > 0 {
					c.target, c.targetAt = l[0], cell.start
				}
			case has(col, "data-card-cover"):
				if l := cellLinks(raw); len(l) > 0 {
					c.cover, c.coverAt = l[0], cell.start
					c.contain = strings.EqualFold(cell.attrs["data-object-fit"], "contain")
				}
			case has(col, "data-card-cover-dark"):
				if l := cellLinks(raw); len(l) > 0 {
					c.coverDark, c.darkAt = l[0], cell.start
				}
			}
			if !t.hidden(i) && len(bytes.TrimSpace(raw)) > 0 {
				c.cells = append(c.cells, cell)
			}
		}
		if len(c.cells) > 0 || c.target.dest != "" || c.cover.dest != "" {
			cards = append(cards, c)
		}
	}
	return cards
}

// cards writes t as a grid of cards.
func (b richBlock) cards(t *htmlTable) error {
	if err := b.block(0, t.start); err != nil {
		return err
	}
	data := cardsData{
		Large:     strings.EqualFold(strings.TrimSpace(t.attrs["data-card-size"]), "large"),
		Scroll:    strings.EqualFold(strings.TrimSpace(t.attrs["data-card-wrap"]), "false"),
		FullWidth: has(t.attrs, "data-full-width"),
	}
	for _, c := range cardsOf(t, b.frag) {
		card, err := b.card(c)
		if err != nil {
			return err
		}
		data.Cards = append(data.Cards, card)
	}
	if err := b.st.Exec("cards.html", data); err != nil {
		return err
	}
	return b.block(t.stop, len(b.frag))
}

// card reads one card for the template.
func (b richBlock) card(c card) (cardData, error) {
	var d cardData
	if c.target.dest != "" {
		if href, ok := b.resolve(c.target.dest, c.targetAt, false); ok {
			d.URL, d.External = template.URL(href), htmlfilter.External(href) // #nosec: checked by resolve
		}
	}
	var light, dark string
	if c.cover.dest != "" {
		light, _ = b.resolve(c.cover.dest, c.coverAt, true)
	}
	if c.coverDark.dest != "" {
		dark, _ = b.resolve(c.coverDark.dest, c.darkAt, true)
	}
	if light == "" {
		light, dark = dark, ""
	}
	d.Cover, d.CoverDark, d.Contain = template.URL(light), template.URL(dark), c.contain // #nosec: checked by resolve
	for _, cell := range c.cells {
		h, err := b.html(cell.start, cell.stop)
		if err != nil {
			return d, err
		}
		d.Cells = append(d.Cells, h)
	}
	if d.URL != "" {
		d.Title = strings.TrimSpace(c.target.text)
		for _, cell := range c.cells {
			if t := htmlText(cell.content(b.frag)); t != "" {
				d.Title = strings.TrimSpace(t)
				break
			}
		}
	}
	return d, nil
}

// resolve resolves a link or image destination written in the block, the
// first time at or after offset at of the fragment, reporting what is
// wrong there.
func (b richBlock) resolve(dest string, at int, image bool) (string, bool) {
	b.st.segs = b.segs
	return b.st.resolveRaw(dest, b.st.srcOffset(b.offsetOf(dest, at)), image)
}

// resolveRaw resolves a destination written in raw HTML at offset off of
// the source, reporting an unsafe URL or a target that does not exist.
func (st *renderState) resolveRaw(dest string, off int, image bool) (string, bool) {
	if htmlfilter.Unsafe(dest, image) {
		what := "link"
		if image {
			what = "image"
		}
		st.problem(off, what+" uses the unsafe URL scheme \""+htmlfilter.Scheme(dest)+":\"",
			"javascript:, vbscript: and data: URLs are removed (data:image/ is allowed for images)")
		return "", false
	}
	u, ok := st.resolveAt(dest, off, image)
	if !ok || htmlfilter.Unsafe(u, image) {
		return "", false
	}
	return u, true
}

// offsetOf finds where s is written in the fragment, at or after at; it
// falls back to at.
func (b richBlock) offsetOf(s string, at int) int {
	if at > len(b.frag) {
		return 0
	}
	if i := bytes.Index(b.frag[at:], []byte(s)); i >= 0 {
		return at + i
	}
	return at
}

// cardsMarkdown is the plain form of a table of cards: a list, one item a
// card, "- [Title](target): the other lines".
func cardsMarkdown(t *htmlTable, frag []byte, links mdLinks) []string {
	var lines []string
	for _, c := range cardsOf(t, frag) {
		if htmlfilter.Unsafe(c.target.dest, false) {
			c.target = cellLink{}
		}
		title, parts := "", []string(nil)
		for _, cell := range c.cells {
			raw := cell.content(frag)
			md, _ := htmlMarkdown(raw, " ", links)
			if md == "" {
				continue
			}
			if title == "" && c.target.dest != "" {
				if title = mdEscape(htmlText(raw)); title != "" {
					continue
				}
			}
			parts = append(parts, md)
		}
		item := ""
		switch {
		case c.target.dest != "":
			if title == "" {
				title = mdEscape(firstNonEmpty(strings.TrimSpace(c.target.text), c.target.dest))
			}
			item = "[" + title + "](" + markdownDest(links.link(c.target.dest)) + ")"
		case len(parts) > 0:
			item, parts = parts[0], parts[1:]
		default:
			continue
		}
		if len(parts) > 0 {
			item += ": " + strings.Join(parts, " — ")
		}
		lines = append(lines, "- "+item)
	}
	return lines
}

// firstNonEmpty returns the first of vs that is not empty.
func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
