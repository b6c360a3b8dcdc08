package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

var testPages = []Page{
	{URL: "/install", Title: "Install the server", Breadcrumbs: []string{"Deploy"}, Description: "Set up on Linux.",
		Sections: []Section{
			{Text: "This guide covers installing on Ubuntu and Debian machines."},
			{ID: "docker", Heading: "Using Docker", Level: 2, Text: "Run the container image with docker compose."},
			{ID: "database", Heading: "Database", Level: 2, Text: "Configure PostgreSQL before starting."},
		}},
	{URL: "/channels", Title: "Channels", Description: "Public and private channels.",
		Sections: []Section{
			{Text: "A channel groups conversations. You can archive a channel when done."},
			{ID: "notifications", Heading: "Notifications", Level: 2, Text: "Mute a channel to stop notifications. Server settings apply."},
		}},
	{URL: "/ja", Title: "日本語", Sections: []Section{{Text: "全文検索エンジンの設定について説明します。"}}},
	{URL: "/phrase", Title: "Notes", Sections: []Section{
		{ID: "a", Heading: "First", Text: "the message retention policy keeps data for a year"},
		{ID: "b", Heading: "Second", Text: "policy for each message and a retention of logs"},
	}},
	{URL: "/about", Title: "About", Sections: []Section{{Text: "The and of to in is it that this."}}},
}

func openTest(t testing.TB, pages []Page) *Searcher {
	t.Helper()
	idx := Build(pages)
	fsys := fstest.MapFS{}
	for _, f := range idx.Files {
		fsys["search/"+f.Name] = &fstest.MapFile{Data: f.Data}
	}
	s, err := Open(fsys, "search/"+idx.Entry)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func top(t *testing.T, s *Searcher, q string) string {
	t.Helper()
	res, err := s.Search(q, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 {
		return ""
	}
	return res[0].URL
}

func TestRanking(t *testing.T) {
	t.Parallel()
	s := openTest(t, testPages)
	for _, tc := range []struct{ name, q, want string }{
		{"title beats body", "server ", "/install"},
		{"heading beats body", "notifications ", "/channels#notifications"},
		{"typo found", "dockre ", "/install#docker"},
		{"typo two edits", "postgersqll ", "/install#database"},
		{"prefix found", "postg", "/install#database"},
		{"plural through the stem", "channels ", "/channels"},
		{"singular finds the plural title", "channel ", "/channels"},
		{"cjk bigram", "検索", "/ja"},
		{"phrase boost", "retention policy ", "/phrase#a"},
		{"stop words dropped", "the docker ", "/install#docker"},
		{"only stop words", "the ", "/install"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := top(t, s, tc.q); got != tc.want {
				t.Errorf("Search(%q): got %q first, want %q", tc.q, got, tc.want)
			}
		})
	}
}

func TestStopWordsNotIndexedInBody(t *testing.T) {
	t.Parallel()
	s := openTest(t, testPages)
	res, err := s.Search("that ", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 0 {
		t.Errorf("got %d results for a stop word found only in bodies, want 0", len(res))
	}
}

func TestResultFields(t *testing.T) {
	t.Parallel()
	s := openTest(t, testPages)
	res, err := s.Search("docker compose", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 {
		t.Fatalf("got %d results, want 1", len(res))
	}
	r := res[0]
	if r.Page != "/install" || r.Section != "docker" || r.Title != "Install the server" || r.Heading != "Using Docker" || r.Breadcrumbs[0] != "Deploy" {
		t.Errorf("got %+v", r)
	}
	var marked []string
	for _, h := range r.Highlights {
		marked = append(marked, r.Snippet[h[0]:h[1]])
	}
	if strings.Join(marked, ",") != "docker,compose" {
		t.Errorf("highlights mark %q in %q, want docker,compose", marked, r.Snippet)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	t.Parallel()
	a, b := Build(testPages), Build(testPages)
	if a.Entry != b.Entry || len(a.Files) != len(b.Files) {
		t.Fatalf("two builds differ: %s, %s", a.Entry, b.Entry)
	}
	for i := range a.Files {
		if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("file %s differs between builds", a.Files[i].Name)
		}
	}
}

func TestManyChunksAndFragments(t *testing.T) {
	t.Parallel()
	var pages []Page
	for i := range 300 {
		var b strings.Builder
		for j := range 60 {
			fmt.Fprintf(&b, "word%dx%d ", i, j)
		}
		pages = append(pages, Page{URL: fmt.Sprintf("/p%d", i), Title: fmt.Sprintf("Page %d", i),
			Sections: []Section{{Text: b.String()}}})
	}
	idx := Build(pages)
	var e entryFile
	for _, f := range idx.Files {
		if f.Name == idx.Entry {
			if err := json.Unmarshal(f.Data, &e); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(e.Chunks) < 3 || len(e.Frags) < 3 {
		t.Fatalf("got %d chunks and %d fragments, want several of each", len(e.Chunks), len(e.Frags))
	}
	for i := 1; i < len(e.Chunks); i++ {
		if e.Chunks[i-1].To >= e.Chunks[i].From {
			t.Errorf("chunks %d and %d overlap", i-1, i)
		}
	}
	s := openTest(t, pages)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			q := fmt.Sprintf("word%dx7 ", i*13)
			res, err := s.Search(q, 3)
			if err != nil {
				t.Error(err)
				return
			}
			if want := fmt.Sprintf("/p%d", i*13); len(res) == 0 || res[0].URL != want {
				t.Errorf("Search(%q): got %v, want %s first", q, res, want)
			}
		})
	}
	wg.Wait()
}

func FuzzSearch(f *testing.F) {
	for _, q := range []string{"", "server", "dockre", "検索", "the", "a b c", "  ", "\xff", "retention policy", "p"} {
		f.Add(q)
	}
	s := openTest(f, testPages)
	f.Fuzz(func(t *testing.T, q string) {
		res, err := s.Search(q, 5)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			n := utf16Len(r.Snippet)
			for _, h := range r.Highlights {
				if h[0] < 0 || h[0] > h[1] || h[1] > n {
					t.Fatalf("highlight %v outside snippet of %d units", h, n)
				}
			}
		}
	})
}

// chunkWords reads every postings chunk of a built index.
func chunkWords(t *testing.T, idx *Index) map[string]wordEntry {
	t.Helper()
	words := map[string]wordEntry{}
	for _, f := range idx.Files {
		if strings.HasPrefix(f.Name, "i.") {
			var c chunkFile
			if err := json.Unmarshal(f.Data, &c); err != nil {
				t.Fatal(err)
			}
			maps.Copy(words, c.W)
		}
	}
	return words
}

func TestPostingsTruncatedToTheBest(t *testing.T) {
	t.Parallel()
	var pages []Page
	n := maxPostings + 100
	for i := range n {
		text := "filler words here common"
		if i%50 == 7 {
			text = "common common common"
		}
		pages = append(pages, Page{URL: fmt.Sprintf("/p%d", i), Title: fmt.Sprintf("Page %d", i),
			Sections: []Section{{Text: text + " one two three four five six seven common"}}})
	}
	idx := Build(pages)
	e := chunkWords(t, idx)["common"]
	if e.DF != n || len(e.P) != maxPostings {
		t.Fatalf("common: df %d with %d postings, want df %d with %d", e.DF, len(e.P), n, maxPostings)
	}
	kept := map[int]bool{}
	for i, p := range e.P {
		if i > 0 && p[0] <= e.P[i-1][0] {
			t.Fatalf("postings not in section order at %d: %v after %v", i, p, e.P[i-1])
		}
		if len(p) > 4+maxBodyPositions {
			t.Errorf("body posting %v keeps more than %d positions", p, maxBodyPositions)
		}
		kept[p[0]] = true
	}
	for i := 7; i < n; i += 50 {
		if !kept[i] {
			t.Errorf("section %d, where common is densest, was dropped", i)
		}
	}
	s := openTest(t, pages)
	if got := top(t, s, "common "); got != "/p7" {
		t.Errorf("common: got %s first, want /p7", got)
	}
}

func TestTitlePositionsKept(t *testing.T) {
	t.Parallel()
	idx := Build([]Page{{URL: "/a", Title: "alpha beta gamma delta epsilon zeta eta theta iota kappa alpha",
		Sections: []Section{{Text: "alpha x alpha x alpha x alpha x alpha x alpha"}}}})
	for _, p := range chunkWords(t, idx)["alpha"].P {
		switch p[1] {
		case fieldTitle:
			if want := []int{0, 10}; !slices.Equal(p[4:], want) {
				t.Errorf("title positions %v, want %v", p[4:], want)
			}
		case fieldBody:
			if want := []int{0, 2, 4, 6}; !slices.Equal(p[4:], want) {
				t.Errorf("body positions %v, want %v", p[4:], want)
			}
		}
	}
}

// TestTypoFoundAmongFrequentWords: a typo finds its word however many
// frequent words with the same first letter sort between them.
func TestTypoFoundAmongFrequentWords(t *testing.T) {
	t.Parallel()
	var pages []Page
	for i := range 200 {
		var b strings.Builder
		for j := range 60 {
			fmt.Fprintf(&b, "cword%02d ", (i+j)%60)
		}
		if i == 123 {
			b.WriteString("compliance checklist")
		}
		pages = append(pages, Page{URL: fmt.Sprintf("/p%d", i), Title: fmt.Sprintf("Page %d", i),
			Sections: []Section{{Text: b.String()}}})
	}
	s := openTest(t, pages)
	for _, q := range []string{"complaince ", "compliance", "complia", "checklsit "} {
		if got := top(t, s, q); got != "/p123" {
			t.Errorf("%q: got %q first, want /p123", q, got)
		}
	}
}
