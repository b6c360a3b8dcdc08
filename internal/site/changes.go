package site

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"html"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/gitinfo"
	"github.com/handbookhq/handbook/internal/theme"
)

// With git history, the site gets a "Recently updated" page listing the
// newest commits that changed pages, grouped by day, and an Atom feed of
// the same commits beside it. Every page links to both once the history
// is read: pages wait for it before the theme renders them.

// maxChanges is how many commits the page and the feed list.
const maxChanges = 50

// changesURLs are the URLs the page may take, the first free one wins.
var changesURLs = []string{"/recently-updated", "/_recently-updated"}

// changesState is the "Recently updated" page of one build, settled once
// the history is read.
type changesState struct {
	once    sync.Once
	url     string         // page URL path ("/recently-updated"); "" for none
	commits []changeCommit // newest first
}

// changeCommit is a commit with the listed pages it changed.
type changeCommit struct {
	gitinfo.Commit
	pages []*book.Page // in reading order
}

// settleChanges waits for the history, picks the commits to list and
// tells the theme where the page and the feed are. Every caller gets the
// same answer; the first one does the work.
func (s *builder) settleChanges() {
	<-s.gitDone
	if s.o.NoMachineReadable {
		return
	}
	s.changes.once.Do(func() {
		s.changes.commits = s.changedPages()
		if len(s.changes.commits) == 0 {
			return
		}
		s.changes.url = s.freeChangesURL()
		if s.changes.url == "" {
			return
		}
		s.site.ChangesURL = s.href(s.changes.url)
		s.site.ChangesFeedURL = s.href(changesFeedPath(s.changes.url))
	})
}

// changedPages returns the newest commits that changed a listed page
// (one that exists and is not kept out of indexes), at most maxChanges.
func (s *builder) changedPages() []changeCommit {
	all := s.repo.Commits()
	if len(all) == 0 {
		return nil
	}
	byPath := make(map[string]*book.Page, len(s.b.Pages))
	for _, p := range s.b.Pages {
		if listed(p) {
			byPath[s.repoPath(s.gitPrefix, p)] = p
		}
	}
	commits := slices.Clone(all)
	// git log lists commits newest first by walking history; clocks that
	// disagree can put an older commit first.
	slices.SortStableFunc(commits, func(a, b gitinfo.Commit) int { return b.Time.Compare(a.Time) })
	var out []changeCommit
	for _, c := range commits {
		var pages []*book.Page
		for _, f := range c.Files {
			if p := byPath[f]; p != nil && !slices.Contains(pages, p) {
				pages = append(pages, p)
			}
		}
		if len(pages) == 0 {
			continue
		}
		slices.SortFunc(pages, func(a, b *book.Page) int { return a.Index - b.Index })
		out = append(out, changeCommit{Commit: c, pages: pages})
		if len(out) == maxChanges {
			break
		}
	}
	return out
}

// freeChangesURL returns the first URL of changesURLs that no page or
// redirect uses, or "".
func (s *builder) freeChangesURL() string {
	redirects := s.redirectSets()
	for _, u := range changesURLs {
		if s.b.PageByURL(u) == nil && redirects[u] == nil {
			return u
		}
	}
	return ""
}

// changesFeedPath returns the feed's path beside the page at url.
func changesFeedPath(url string) string { return strings.TrimPrefix(url, "/") + "/atom.xml" }

// changeAnchor is the id of a commit's entry on the page.
func changeAnchor(hash string) string { return "c-" + hash[:min(12, len(hash))] }

// writeChanges writes the change feed and the "Recently updated" page.
func (s *builder) writeChanges() error {
	s.settleChanges()
	if s.changes.url == "" {
		return nil
	}
	if err := s.writeChangesPage(); err != nil {
		return err
	}
	return s.writeChangesFeed()
}

// writeChangesPage writes the "Recently updated" page.
func (s *builder) writeChangesPage() error {
	u := s.changes.url
	v := &theme.Changes{
		Site:    s.withVersions(""),
		Sidebar: s.sidebar(nil),
		Title:   "Recently updated",
		URL:     s.href(u),
		FeedURL: s.site.ChangesFeedURL,
	}
	if s.abs != "" {
		v.Canonical = s.abs + v.URL
	}
	for _, c := range s.changes.commits {
		cc := theme.ChangeCommit{
			ID:      changeAnchor(c.Hash),
			Hash:    c.Hash,
			Subject: subjectText(c.Subject),
			Author:  authorText(c.Author),
			Time:    c.Time,
		}
		for _, p := range c.pages {
			cc.Pages = append(cc.Pages, theme.Link{Title: p.LinkTitle, URL: s.href(p.URL)})
		}
		day := c.Time.UTC().Truncate(24 * time.Hour)
		if n := len(v.Days); n == 0 || !v.Days[n-1].Date.Equal(day) {
			v.Days = append(v.Days, theme.ChangeDay{Date: day})
		}
		last := &v.Days[len(v.Days)-1]
		last.Commits = append(last.Commits, cc)
	}
	data, err := theme.Render(s.theme.Changes, v)
	if err != nil {
		return fmt.Errorf("render recently updated page: %w", err)
	}
	return s.out.WriteFile(outPath(u), data)
}

// Atom 1.0 (RFC 4287).

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Gen     string      `xml:"generator"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Author  atomPerson `xml:"author"`
	Links   []atomLink `xml:"link"`
	Content atomText   `xml:"content"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// writeChangesFeed writes the Atom feed of the "Recently updated" page.
func (s *builder) writeChangesFeed() error {
	page := s.abs + s.site.ChangesURL
	self := s.abs + s.site.ChangesFeedURL
	commits := s.changes.commits
	f := atomFeed{
		ID:      s.changesFeedID(),
		Title:   s.b.Title + ": recently updated",
		Updated: commits[0].Time.Format(time.RFC3339),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: page},
		},
		Gen: "handbook",
	}
	for _, c := range commits {
		var b strings.Builder
		b.WriteString("<p>Pages changed:</p><ul>")
		for _, p := range c.pages {
			fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>", html.EscapeString(s.abs+s.href(p.URL)), html.EscapeString(p.LinkTitle))
		}
		b.WriteString("</ul>")
		f.Entries = append(f.Entries, atomEntry{
			ID:      uuidURN(f.ID + "\x00" + c.Hash),
			Title:   subjectText(c.Subject),
			Updated: c.Time.Format(time.RFC3339),
			Author:  atomPerson{Name: authorText(c.Author)},
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: page + "#" + changeAnchor(c.Hash)}},
			Content: atomText{Type: "html", Text: b.String()},
		})
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("recently updated feed: %w", err)
	}
	return s.out.WriteFile(changesFeedPath(s.changes.url), append([]byte(xml.Header), append(out, '\n')...))
}

// changesFeedID is the feed's permanent id: the page's absolute URL when
// the site has a base URL, else a name-based UUID of the site title and
// base path.
func (s *builder) changesFeedID() string {
	if s.abs != "" {
		return s.abs + s.site.ChangesURL
	}
	return uuidURN("handbook\x00" + s.b.Title + "\x00" + s.site.ChangesURL)
}

// uuidURN returns a name-based (version 5 style, SHA-1) UUID URN of name:
// the same name always gives the same id.
func uuidURN(name string) string {
	sum := sha1.Sum([]byte(name))
	u := sum[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	h := hex.EncodeToString(u)
	return "urn:uuid:" + h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// subjectText is a commit subject fit to show: control characters become
// spaces, and an empty subject says so.
func subjectText(s string) string {
	s = strings.TrimSpace(noControls(s))
	if s == "" {
		return "(no message)"
	}
	return s
}

// authorText is an author name fit to show.
func authorText(s string) string {
	s = strings.TrimSpace(noControls(s))
	if s == "" {
		return "Unknown author"
	}
	return s
}

func noControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\uFFFE' || r == '\uFFFF' {
			return ' '
		}
		return r
	}, s)
}
