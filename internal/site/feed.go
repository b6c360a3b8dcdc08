package site

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/markdown/blocks"
)

// A page with a changelog ({% updates %}) gets an RSS feed of its entries
// at <page URL>/rss.xml, as GitBook publishes one.

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        string   `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Description string   `xml:"description,omitempty"`
	Categories  []string `xml:"category"`
}

// feedPath returns where the feed of the page at url is written.
func feedPath(url string) string {
	if url == "/" {
		return "rss.xml"
	}
	return strings.TrimPrefix(url, "/") + "/rss.xml"
}

// writeFeed writes the changelog feed of page p.
func (s *builder) writeFeed(p *book.Page, entries []blocks.UpdateEntry) error {
	link := s.abs + s.href(p.URL)
	ch := rssChannel{Title: p.Title + " | " + s.b.Title, Link: link, Description: p.FrontMatter.Description}
	if ch.Description == "" {
		ch.Description = "Updates to " + p.Title
	}
	for _, e := range entries {
		it := rssItem{Title: e.Title, Link: link + "#" + e.ID, GUID: link + "#" + e.ID, Description: e.Summary, Categories: e.Tags}
		if !e.Date.IsZero() {
			it.PubDate = e.Date.UTC().Format(http.TimeFormat)
			it.PubDate = strings.Replace(it.PubDate, "GMT", "+0000", 1)
			it.Title = e.Date.UTC().Format(time.DateOnly) + ": " + e.Title
		}
		ch.Items = append(ch.Items, it)
	}
	out, err := xml.MarshalIndent(rss{Version: "2.0", Channel: ch}, "", "  ")
	if err != nil {
		return fmt.Errorf("feed of %s: %w", p.File, err)
	}
	return s.out.WriteFile(feedPath(p.URL), append([]byte(xml.Header), append(out, '\n')...))
}
