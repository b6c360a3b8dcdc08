// Package pdftest reads PDF files back for tests: the text of each page,
// the outline, and where internal links and named destinations go.
package pdftest

import (
	"strings"
	"testing"

	rpdf "github.com/ledongthuc/pdf"
)

// Doc is an open PDF file, read for a test.
type Doc struct {
	t     testing.TB
	r     *rpdf.Reader
	pages map[string]int // a page object, printed → its number from 1
}

// Open opens the PDF file at path for the test t, which fails when the
// file is not a PDF; the file is closed when the test ends.
func Open(t testing.TB, path string) *Doc {
	t.Helper()
	f, r, err := rpdf.Open(path)
	if err != nil {
		t.Fatalf("read PDF %s: %v", path, err)
	}
	t.Cleanup(func() { _ = f.Close() })
	d := &Doc{t: t, r: r, pages: map[string]int{}}
	for i := 1; i <= r.NumPage(); i++ {
		d.pages[r.Page(i).V.String()] = i
	}
	return d
}

// NumPages returns the number of pages.
func (d *Doc) NumPages() int { return d.r.NumPage() }

// Text returns the text of page n (from 1) without white space, since a
// PDF places words rather than spaces: "Hello, world" is "Hello,world".
func (d *Doc) Text(n int) string {
	d.t.Helper()
	s, err := d.r.Page(n).GetPlainText(nil)
	if err != nil {
		d.t.Fatalf("text of page %d: %v", n, err)
	}
	return Squeeze(s)
}

// Squeeze removes the white space from s, to compare it with Text.
func Squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// Entry is an entry of the outline.
type Entry struct {
	Title string
	Depth int // 0 at the top level
}

// Outline returns the outline (bookmarks), depth first.
func (d *Doc) Outline() []Entry {
	var out []Entry
	var walk func(o rpdf.Outline, depth int)
	walk = func(o rpdf.Outline, depth int) {
		for _, c := range o.Child {
			out = append(out, Entry{Title: c.Title, Depth: depth})
			walk(c, depth+1)
		}
	}
	walk(d.r.Outline(), 0)
	return out
}

// OutlineLines returns the outline's titles, depth first, each after one
// "-" per level of depth: "Guides", "-Setup", "--Install".
func (d *Doc) OutlineLines() []string {
	var out []string
	for _, e := range d.Outline() {
		out = append(out, strings.Repeat("-", e.Depth)+e.Title)
	}
	return out
}

// Links returns the numbers of the pages that the internal links of page
// n go to, in order, following named destinations.
func (d *Doc) Links(n int) []int {
	var out []int
	annots := d.r.Page(n).V.Key("Annots")
	for i := range annots.Len() {
		a := annots.Index(i)
		if a.Key("Subtype").Name() != "Link" {
			continue
		}
		dest := a.Key("Dest")
		if dest.IsNull() && a.Key("A").Key("S").Name() == "GoTo" {
			dest = a.Key("A").Key("D")
		}
		if p := d.destPage(dest); p > 0 {
			out = append(out, p)
		}
	}
	return out
}

// Dest returns the number of the page the named destination name goes
// to, or 0 when the document has no such destination.
func (d *Doc) Dest(name string) int {
	root := d.r.Trailer().Key("Root")
	v := root.Key("Dests").Key(name)
	if v.IsNull() {
		v = lookupNameTree(root.Key("Names").Key("Dests"), name)
	}
	return d.destPage(v)
}

// destPage returns the page number of a destination: an array whose
// first element is the page, maybe in a dictionary with /D, or the name
// of one.
func (d *Doc) destPage(v rpdf.Value) int {
	switch v.Kind() {
	case rpdf.Name:
		return d.Dest(v.Name())
	case rpdf.String:
		return d.Dest(v.RawString())
	case rpdf.Dict:
		v = v.Key("D")
	}
	if v.Kind() != rpdf.Array || v.Len() == 0 {
		return 0
	}
	return d.pages[v.Index(0).String()]
}

// lookupNameTree finds name in a PDF name tree.
func lookupNameTree(node rpdf.Value, name string) rpdf.Value {
	names := node.Key("Names")
	for i := 0; i+1 < names.Len(); i += 2 {
		if names.Index(i).RawString() == name {
			return names.Index(i + 1)
		}
	}
	kids := node.Key("Kids")
	for i := range kids.Len() {
		if v := lookupNameTree(kids.Index(i), name); !v.IsNull() {
			return v
		}
	}
	return rpdf.Value{}
}
