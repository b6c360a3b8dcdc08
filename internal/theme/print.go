package theme

import (
	"bytes"
	"html/template"
	"time"
)

// Print is the print view: the pages of a handbook, or some of them, in
// one document made to be printed to PDF, with a cover and a table of
// contents.
type Print struct {
	Site     *Site
	Title    string // the cover's title: the handbook's, or the page's
	Subtitle string // the handbook's title under a page's or section's; may be empty
	Version  string // may be empty
	Date     time.Time
	URL      string // where the handbook is published; may be empty
	// Contents lists the parts for the contents page; nil leaves that
	// page out.
	Contents []PrintEntry
	Parts    []PrintPart
	Mermaid  bool // a page has diagrams: load their library
}

// PrintEntry is a line of the print view's table of contents.
type PrintEntry struct {
	ID       string
	Title    string
	Children []PrintEntry
}

// PrintPart is a part of the print view: a group's title page or a page.
type PrintPart struct {
	Group bool // a group's title page, which has only a title
	ID    string
	Title string
	// Level is the part's level in the PDF outline, from 1.
	Level       int
	Path        string   // the page's URL path
	Breadcrumbs []string // the titles of the group and pages above it
	Description string
	Content     template.HTML
	Wide        bool
}

// DateISO returns the date as "2006-01-02".
func (p *Print) DateISO() string { return p.Date.Format(time.DateOnly) }

// DateText returns the date as "January 2, 2006".
func (p *Print) DateText() string { return p.Date.Format("January 2, 2006") }

// RenderPrint renders the print view.
func (t *Theme) RenderPrint(p *Print) ([]byte, error) {
	var buf bytes.Buffer
	n := 16 << 10
	for _, part := range p.Parts {
		n += len(part.Content) + 512
	}
	buf.Grow(n)
	if err := t.print.Execute(&buf, p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// PrintAssets returns the static files the print view needs besides the
// site's: its stylesheet.
func (t *Theme) PrintAssets() []Asset { return t.printAssets }
