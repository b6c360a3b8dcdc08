package site

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/markdown"
	"github.com/handbookhq/handbook/internal/search"
)

// searchDir holds the search index's files in the output.
const searchDir = "_handbook/search/"

// searchPlaceholder stands for the entry file's name while pages render:
// the name is a hash of the index, known only once every page is parsed.
// It has the length of a real name, so writeSearch patches the pages in
// place instead of holding them all in memory.
const searchPlaceholder = "entry.00000000.json"

// searchState gathers the index's pages as pages render.
type searchState struct {
	at    map[*book.Page]int // page → its place in reading order
	pages []searchPage       // in reading order
	mark  []byte             // the placeholder as it appears in a page
}

type searchPage struct {
	page    search.Page
	indexed bool
	mark    int // offset of the placeholder in the page's HTML, or -1
}

// initSearch points pages at the placeholder entry.
func (s *builder) initSearch() {
	s.search.at = make(map[*book.Page]int, len(s.b.Pages))
	for i, p := range s.b.Pages {
		s.search.at[p] = i
	}
	s.search.pages = make([]searchPage, len(s.b.Pages))
	for i := range s.search.pages {
		s.search.pages[i].mark = -1
	}
	s.search.mark = []byte(searchDir + searchPlaceholder)
	s.site.SearchIndex = s.base + searchDir + searchPlaceholder
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

// writeSearch builds the index in reading order, writes its files and
// puts the entry's name in the pages written so far and in those to come.
// It logs, at debug level, how long building and writing the index took.
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
	root, err := os.OpenRoot(s.out.Path())
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	defer root.Close()
	hash := []byte(strings.TrimPrefix(idx.Entry, "entry."))
	off := len(searchDir + "entry.")
	for i, sp := range s.search.pages {
		if sp.mark < 0 {
			continue
		}
		if err := patch(root, outPath(s.b.Pages[i].URL), int64(sp.mark+off), hash); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
	}
	s.site.SearchIndex = s.base + searchDir + idx.Entry
	return nil
}

// patch writes data at offset off of file name.
func patch(root *os.Root, name string, off int64, data []byte) error {
	f, err := root.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteAt(data, off)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
