package pdfexport_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/book"
	"github.com/handbookhq/handbook/internal/hbtest"
	"github.com/handbookhq/handbook/internal/pdfexport"
	"github.com/handbookhq/handbook/internal/pdftest"
	"github.com/handbookhq/handbook/internal/site"
)

// groupsBook has three pages in two titled groups, each page with a word
// found nowhere else.
const groupsBook = `
-- handbook.yaml --
title: Acme Handbook
-- SUMMARY.md --
# Table of contents

## Basics

* [Welcome](README.md)
* [Setup](setup.md)

## Company

* [About](about.md)
-- README.md --
# Welcome

The welcome page speaks of Marmalade.
-- setup.md --
# Setup

The setup page speaks of Zeppelin.
-- about.md --
# About

The about page speaks of Xylophone.
`

// printTimeout bounds one test's printing.
const printTimeout = 3 * time.Minute

// loadBook writes files (txtar) to dir and loads the handbook there.
func loadBook(t *testing.T, dir, files string) *book.Book {
	t.Helper()
	hbtest.Write(t, dir, files)
	b, err := book.Load(context.Background(), dir, book.Options{})
	if err != nil {
		t.Fatalf("load the handbook: %v", err)
	}
	return b
}

// TestWriteWholeHandbook prints a handbook of three pages in two groups
// and reads the PDF back: its pages, its outline and where each page's
// text is.
func TestWriteWholeHandbook(t *testing.T) {
	t.Parallel()
	hbtest.NeedChromium(t)
	b := loadBook(t, t.TempDir(), groupsBook)
	outDir := t.TempDir()
	out := filepath.Join(outDir, "handbook.pdf")
	ctx, cancel := context.WithTimeout(t.Context(), printTimeout)
	defer cancel()

	res, err := pdfexport.Write(ctx, b, site.PrintScope{}, out, pdfexport.Options{})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if res.Pages != 3 {
		t.Errorf("Result.Pages = %d, want 3", res.Pages)
	}
	if res.Title != "Acme Handbook" {
		t.Errorf("Result.Title = %q, want %q", res.Title, "Acme Handbook")
	}
	entries, err := os.ReadDir(outDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "handbook.pdf" {
			t.Errorf("the output folder holds %s, want only handbook.pdf", e.Name())
		}
	}

	d := pdftest.Open(t, out)
	// A cover, the contents, two group title pages and three pages.
	if n := d.NumPages(); n < 5 || n != res.PDF.Pages {
		t.Errorf("the PDF has %d pages and Result.PDF.Pages = %d, want the same, at least 5", n, res.PDF.Pages)
	}

	// Each group is at the top of the outline with its pages under it.
	tree := map[string][]string{}
	var top []string
	for _, e := range d.Outline() {
		switch e.Depth {
		case 0:
			top = append(top, e.Title)
		case 1:
			tree[top[len(top)-1]] = append(tree[top[len(top)-1]], e.Title)
		}
	}
	var groups []string
	for _, title := range top {
		if title == "Basics" || title == "Company" {
			groups = append(groups, title)
		}
		if title == "Welcome" || title == "Setup" || title == "About" {
			t.Errorf("page %q is at the top of the outline %q, want it under its group", title, top)
		}
	}
	if !slices.Equal(groups, []string{"Basics", "Company"}) {
		t.Errorf("groups at the top of the outline: %q (all: %q), want Basics, Company", groups, top)
	}
	if got := tree["Basics"]; !slices.Equal(got, []string{"Welcome", "Setup"}) {
		t.Errorf("outline under Basics: %q, want Welcome, Setup", got)
	}
	if got := tree["Company"]; !slices.Equal(got, []string{"About"}) {
		t.Errorf("outline under Company: %q, want About", got)
	}

	// Each page's text is after the cover, in table-of-contents order.
	texts := make([]string, d.NumPages())
	for i := range texts {
		texts[i] = d.Text(i + 1)
	}
	last := 0
	for _, word := range []string{"Marmalade", "Zeppelin", "Xylophone"} {
		at := slices.IndexFunc(texts, func(s string) bool { return strings.Contains(s, word) })
		switch {
		case at < 0:
			t.Errorf("no page of the PDF has %q", word)
		case at == 0:
			t.Errorf("%q is on the cover, want it on a page after the cover", word)
		case at < last:
			t.Errorf("%q is on PDF page %d, before the previous page's text on page %d", word, at+1, last+1)
		}
		last = max(last, at)
	}
}

// TestWriteUnknownPage asks for a page that is not in the handbook: the
// error says so and no file is written.
func TestWriteUnknownPage(t *testing.T) {
	t.Parallel()
	b := loadBook(t, t.TempDir(), groupsBook)
	outDir := t.TempDir()
	out := filepath.Join(outDir, "nowhere.pdf")
	for _, scope := range []site.PrintScope{{Page: "/nowhere"}, {Section: "/nowhere"}} {
		_, err := pdfexport.Write(t.Context(), b, scope, out, pdfexport.Options{})
		if !errors.Is(err, site.ErrNoPage) {
			t.Errorf("Write(%+v): error %v, want one matching site.ErrNoPage", scope, err)
		}
	}
	if entries, err := os.ReadDir(outDir); err != nil || len(entries) != 0 {
		t.Errorf("the output folder holds %d files (err %v), want none", len(entries), err)
	}
}
