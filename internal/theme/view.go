package theme

import (
	"html/template"
	"time"
)

// Site is what every page of a site shares.
type Site struct {
	Title   string
	Base    string // URL path prefix of the site, always ending in "/"
	HomeURL string
	LogoURL string // empty when the site has no logo
	// LogoDarkURL is the logo shown in dark mode; empty shows LogoURL.
	LogoDarkURL string
	// ExtraCSS is the URL of the handbook's own stylesheet, to link after
	// the theme's; empty for none.
	ExtraCSS string
	Links    []Link // header links
	Footer   template.HTML
	Version  string // version label shown in the header; empty for none
	// Versions, when the handbook has several, make the header's version
	// selector; the current one is the selector's label.
	Versions []VersionLink
	NavURL   string // the whole sidebar tree, for expanding collapsed entries
	Lang     string
	// SearchIndex is the URL of the search index's entry file; empty for
	// none.
	SearchIndex string
	// ChangesURL is the "Recently updated" page and ChangesFeedURL its Atom
	// feed, with the site base; both empty when the site has no history.
	ChangesURL, ChangesFeedURL string
	// LLMsURL is the site's llms.txt; empty when the site has none.
	LLMsURL string
	// PDFURL is the PDF of the whole handbook; empty for none.
	PDFURL string
}

// VersionLink is a version in the version selector: where the page is
// in that version, else that version's home.
type VersionLink struct {
	Title   string
	URL     string
	Current bool
}

// Link is a titled link.
type Link struct {
	Title    string
	URL      string
	External bool
}

// OutlineItem is an entry of the "On this page" outline.
type OutlineItem struct {
	ID       string
	Text     string
	Children []OutlineItem
}

// Page is one page as the layout shows it.
type Page struct {
	Site        *Site
	Title       string
	Description string
	// Summary describes the page to search engines and link previews:
	// its description, else the start of its text.
	Summary     string
	URL         string // path with the site base, e.g. "/docs/a/b"
	Canonical   string // absolute when the site has a base URL
	NoIndex     bool
	FeedURL     string // the page's changelog feed, when it has updates
	Breadcrumbs []Link
	Sidebar     template.HTML
	Outline     []OutlineItem
	Content     template.HTML
	Mermaid     bool // the content has diagrams: load their library
	Prev, Next  *Link
	Updated     time.Time // zero when unknown
	EditURL     string
	EditLabel   string // "Edit on GitHub"
	// PDFURL is the page's PDF ("Export as PDF"); empty for none.
	PDFURL string
	// MarkdownURL is the page's Markdown twin; empty when the site has
	// none.
	MarkdownURL string
	// FeedbackURL is where the "Was this helpful?" widget posts ratings
	// as JSON; empty leaves the widget out.
	FeedbackURL string
	Wide        bool
	// Visibility of the parts GitBook lets a page turn off.
	ShowTitle, ShowDescription, ShowSidebar, ShowOutline, ShowPagination, ShowMetadata bool
	HashRedirects                                                                      template.JS // JSON object of "#fragment" → URL, or empty
}

// Redirect is a static page that sends the browser to another URL.
type Redirect struct {
	Site   *Site
	To     string
	Hashes template.JS // JSON object of "#fragment" → URL for old URLs that carried one
}

// NotFound is the 404 page.
type NotFound struct {
	Site    *Site
	Sidebar template.HTML
}

// Changes is the "Recently updated" page: the newest commits that changed
// pages, grouped by day.
type Changes struct {
	Site      *Site
	Sidebar   template.HTML
	Title     string
	URL       string // path with the site base
	Canonical string // absolute when the site has a base URL
	FeedURL   string
	Days      []ChangeDay // newest first
}

// ChangeDay is the commits of one day (UTC), newest first.
type ChangeDay struct {
	Date    time.Time
	Commits []ChangeCommit
}

// ChangeCommit is one commit on the "Recently updated" page.
type ChangeCommit struct {
	ID      string // the anchor of its entry
	Hash    string
	Subject string
	Author  string
	Time    time.Time
	Pages   []Link // the pages it changed, in reading order
}

// ISO returns the day as "2006-01-02".
func (d ChangeDay) ISO() string { return d.Date.UTC().Format(time.DateOnly) }

// Text returns the day as "Monday, Aug 22, 2024".
func (d ChangeDay) Text() string { return d.Date.UTC().Format("Monday, Jan 2, 2006") }

// ISO returns the commit time as RFC 3339 in UTC.
func (c ChangeCommit) ISO() string { return c.Time.UTC().Format(time.RFC3339) }

// Clock returns the commit time of day in UTC ("15:04 UTC").
func (c ChangeCommit) Clock() string { return c.Time.UTC().Format("15:04 UTC") }

// ShortHash returns the first seven characters of the hash.
func (c ChangeCommit) ShortHash() string { return c.Hash[:min(7, len(c.Hash))] }

// UpdatedISO returns the last-updated time as RFC 3339 in UTC.
func (p *Page) UpdatedISO() string { return p.Updated.UTC().Format(time.RFC3339) }

// UpdatedText returns the last-updated date as text that does not depend on
// when the site was built ("Aug 22, 2024"); the script turns it into a
// relative time in the reader's browser.
func (p *Page) UpdatedText() string { return p.Updated.UTC().Format("Jan 2, 2006") }
