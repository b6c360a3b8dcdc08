package book_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handbookhq/handbook/internal/book"
)

var privateFiles = fstest.MapFS{
	"handbook.yaml": {Data: []byte("private:\n  - finance/\n")},
	".gitbook.yaml": {Data: []byte("redirects:\n  old/pay: finance/pay.md\n  old/home: README.md\n")},
	"SUMMARY.md": {Data: []byte(`# Table of contents

* [Home](README.md)
* [Guide](guide.md)
  * [Notes](notes.md)
    * [Below notes](below.md)

## Money

* [Finance](finance/README.md)
  * [Pay](finance/pay.md)
* [Pay again](finance/pay.md)
`)},
	"README.md":         {Data: []byte("# Home\n")},
	"guide.md":          {Data: []byte("# Guide\n")},
	"notes.md":          {Data: []byte("---\nvisibility: private\n---\n# Notes\n")},
	"below.md":          {Data: []byte("# Below\n")},
	"finance/README.md": {Data: []byte("# Finance\n")},
	"finance/pay.md":    {Data: []byte("# Pay\n")},
}

func TestPrivatePagesAreMarkedAndInherited(t *testing.T) {
	t.Parallel()
	b, err := book.LoadFS(context.Background(), privateFiles, book.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range b.Pages {
		if p.Private {
			got = append(got, p.File)
		}
	}
	if want := "notes.md below.md finance/README.md finance/pay.md"; strings.Join(got, " ") != want {
		t.Errorf("private pages: got %q, want %q", strings.Join(got, " "), want)
	}
	if !b.HasPrivate() || b.LeftOut() != 0 || len(b.Pages) != 6 {
		t.Errorf("a book with private pages in: HasPrivate %t, LeftOut %d, %d pages", b.HasPrivate(), b.LeftOut(), len(b.Pages))
	}
}

func TestPublicBookLeavesPrivatePagesOut(t *testing.T) {
	t.Parallel()
	b, err := book.LoadFS(context.Background(), privateFiles, book.Options{Public: true})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for i, p := range b.Pages {
		files = append(files, p.File)
		if p.Index != i {
			t.Errorf("%s has index %d, want %d", p.File, p.Index, i)
		}
	}
	if got := strings.Join(files, " "); got != "README.md guide.md" {
		t.Errorf("pages: got %q", got)
	}
	if len(b.Groups) != 1 {
		t.Errorf("got %d groups, want the group of private pages left out", len(b.Groups))
	}
	id := 0
	b.Walk(func(e *book.Entry) {
		if e.ID != id {
			t.Errorf("entry %q has ID %d, want %d", e.Title, e.ID, id)
		}
		id++
		if e.Page != nil && e.Page.Private {
			t.Errorf("entry %q of a private page is in the sidebar", e.Title)
		}
	})
	if id != 2 {
		t.Errorf("the sidebar has %d entries, want 2", id)
	}
	if b.PageByFile("finance/pay.md") != nil || b.PageByURL("/money/finance/pay") != nil || b.HasFile("finance/pay.md") {
		t.Error("a private page is still found by its file or URL")
	}
	if u, ok := b.PrivateURL("finance/pay.md"); !ok || u != "/money/finance/pay" {
		t.Errorf("PrivateURL: got %q %t", u, ok)
	}
	if b.LeftOut() != 4 {
		t.Errorf("LeftOut: got %d, want 4", b.LeftOut())
	}
	if g := b.Pages[1]; g.Next != nil {
		t.Errorf("the last public page links on to %q", g.Next.File)
	}
	for _, r := range b.Redirects {
		if strings.Contains(r.To, "finance") {
			t.Errorf("redirect to a private page kept: %+v", r)
		}
	}
}

func TestFirstPageCannotBePrivate(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"SUMMARY.md": {Data: []byte("* [Home](README.md)\n* [Other](other.md)\n")},
		"README.md":  {Data: []byte("---\nvisibility: private\n---\n# Home\n")},
		"other.md":   {Data: []byte("# Other\n")},
	}
	_, err := book.LoadFS(context.Background(), fsys, book.Options{Public: true})
	if err == nil || !strings.Contains(err.Error(), "the first page") {
		t.Errorf("got %v, want an error about the first page", err)
	}
}
