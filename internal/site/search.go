package site

import (
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/markdown"
	"github.com/handbookhq/handbook/internal/search"
)

// searchDir holds the search index's files in the output.
const searchDir = "_handbook/search/"

// searchState gathers the index's pages as pages render.
type searchState struct {
	at    map[*book.Page]int // page → its place in reading order
	pages []searchPage       // in reading order
}

type searchPage struct {
	page    search.Page
	indexed bool
}

// initSearch points pages at the index's entry file, whose name is fixed.
func (s *builder) initSearch() {
	s.search.at = make(map[*book.Page]int, len(s.b.Pages))
	for i, p := range s.b.Pages {
		s.search.at[p] = i
	}
	s.search.pages = make([]searchPage, len(s.b.Pages))
	s.site.SearchIndex = s.base + searchDir + search.EntryName
}

// addToSearch records the sections of a page that search engines may
// index. Each page has its own slot, so pages render concurrently.
func (s *builder) addToSearch(p *book.Page, d *markdown.Doc) {
	if p.NoIndex() || p.Missing {
		return
	}
	sp := search.Page{URL: s.href(p.URL), Title: p.Title, Description: p.FrontMatter.Description}
	for _, l := range s.breadcrumbs(p) {
		sp.Breadcrumbs = append(sp.Breadcrumbs, l.Title)
	}
	for _, sec := range d.Sections() {
		sp.Sections = append(sp.Sections, search.Section{ID: sec.ID, Heading: sec.Heading, Level: sec.Level, Text: sec.Text})
	}
	i := s.search.at[p]
	s.search.pages[i].page, s.search.pages[i].indexed = sp, true
}

// writeSearch builds the index in reading order and writes its files. It
// logs, at debug level, how long building and writing the index took.
func (s *builder) writeSearch() error {
	start := time.Now()
	var pages []search.Page
	for _, sp := range s.search.pages {
		if sp.indexed {
			pages = append(pages, sp.page)
		}
	}
	idx := search.Build(pages)
	built := time.Now()
	for _, f := range idx.Files {
		if err := s.out.WriteFile(searchDir+f.Name, f.Data); err != nil {
			return err
		}
	}
	s.o.Logger.Debug("search index", "pages", len(pages), "files", len(idx.Files),
		"build", built.Sub(start), "write", time.Since(built))
	return nil
}
