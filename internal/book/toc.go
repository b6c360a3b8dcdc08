package book

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/frontmatter"
	"github.com/handbookhq/handbook/internal/summary"
)

// loadSummary reads SUMMARY.md, or infers a table of contents from the
// folder tree when there is none, and builds the sidebar and page list.
func (b *Book) loadSummary(fsys fs.FS) error {
	name := path.Join(b.Content, b.GitBook.Summary)
	src, err := fs.ReadFile(fsys, name)
	var sum *summary.Summary
	switch {
	case err == nil:
		var ds diag.List
		sum, ds = summary.Parse(name, src)
		b.Diags.Add(ds...)
	case errors.Is(err, fs.ErrNotExist):
		sum = b.inferSummary(fsys)
	default:
		return fmt.Errorf("read %s: %w", name, err)
	}
	t := tree{b: b, base: path.Dir(b.GitBook.Summary), first: path.Clean(b.GitBook.Readme)}
	for _, sg := range sum.Groups {
		g := &Group{Title: sg.Title, Slug: sg.ID}
		if g.Slug == "" {
			g.Slug = Slugify(sg.Title)
		}
		var segs []string
		if g.Slug != "" {
			segs = []string{g.Slug}
		}
		g.Entries = t.entries(sg.Items, g, nil, segs)
		b.Groups = append(b.Groups, g)
	}
	if len(b.Pages) == 0 {
		b.Diags.Add(diag.Errorf(diag.Pos{File: name}, "the table of contents lists no page").
			WithHint("list pages as \"* [Title](file.md)\" in %s", name))
		return b.Diags.Errors()
	}
	if b.byURL["/"] == nil {
		b.firstPath = b.Pages[0].URL
		b.setURL(b.Pages[0], "/")
	}
	return nil
}

// tree builds entries and pages from SUMMARY.md items.
type tree struct {
	b     *Book
	base  string // folder of SUMMARY.md, relative to the content root
	first string // the first page's file (structure.readme)
	next  int    // next entry ID
}

func (t *tree) entries(items []*summary.Item, g *Group, parent *Entry, segs []string) []*Entry {
	var out []*Entry
	for _, it := range items {
		e := &Entry{ID: t.next, Title: it.Title, Parent: parent, Group: g}
		if it.LinkTitle != "" {
			e.Title = it.LinkTitle
		}
		t.next++
		childSegs := segs
		switch {
		case it.External:
			e.External = it.Target
		case it.Target == "":
			continue
		default:
			file, anchor, ok := t.target(it)
			if !ok {
				continue
			}
			e.Anchor = anchor
			if p := t.b.byFile[file]; p != nil {
				e.Page = p
				hint := "the first listing is the page; this one links to it"
				if first := p.Entry.Group.Title; first != "" {
					hint = fmt.Sprintf("the first listing (under %q) is the page; this one links to it", first)
				}
				t.b.Diags.Add(diag.Warnf(it.Pos, "%q is listed twice in the table of contents", file).
					WithHint("%s", hint).WithCode(diag.DuplicateEntry))
			} else {
				p := t.newPage(it, e, file, segs)
				e.Page, e.Primary = p, true
				if p.URL != "/" {
					childSegs = strings.Split(strings.TrimPrefix(p.URL, "/"), "/")
				}
			}
		}
		e.Children = t.entries(it.Children, g, e, childSegs)
		out = append(out, e)
	}
	return out
}

// target resolves an item's target to a content-relative Markdown file.
func (t *tree) target(it *summary.Item) (file, anchor string, ok bool) {
	target, frag, _ := strings.Cut(it.Target, "#")
	if frag != "" {
		anchor = "#" + frag
	}
	file, ok = resolvePath(t.base, target)
	if !ok {
		t.b.Diags.Add(diag.Errorf(it.Pos, "sidebar entry %q points outside the content root", it.Target).
			WithHint("link to a file inside the repository"))
		return "", "", false
	}
	if t.b.HasDir(file) && !t.b.HasFile(file) || strings.HasSuffix(target, "/") {
		file = path.Join(file, "README.md")
	}
	if !strings.HasSuffix(strings.ToLower(file), ".md") {
		t.b.Diags.Add(diag.Warnf(it.Pos, "sidebar entry %q is not a Markdown file", it.Target).
			WithHint("list .md files in the table of contents; link other files from a page"))
		return "", "", false
	}
	return file, anchor, true
}

func (t *tree) newPage(it *summary.Item, e *Entry, file string, segs []string) *Page {
	b := t.b
	p := &Page{File: file, NavTitle: it.Title, LinkTitle: e.Title, Title: it.Title, Entry: e, Index: len(b.Pages), FrontMatter: frontmatter.Default()}
	b.Pages = append(b.Pages, p)
	b.byFile[file] = p
	if !b.files[file] {
		p.Missing = true
		b.Diags.Add(diag.Warnf(it.Pos, "%q does not exist", b.SourcePath(file)).
			WithHint("create the file or remove the entry; the page is published empty, as GitBook does").WithCode(diag.MissingPage))
	}
	url := "/" + strings.Join(append(slices.Clip(segs), pageSlug(file)), "/")
	if file == t.first && b.byURL["/"] == nil {
		b.setURL(p, "/")
		if pageSlug(file) != "" {
			b.firstPath = url
		}
		return p
	}
	if other := b.byURL[url]; other != nil {
		b.Diags.Add(diag.Warnf(it.Pos, "%q and %q would both be published at %q", other.File, file, url).
			WithHint("rename one of the files; the later one gets a numbered URL"))
		for n := 2; b.byURL[url] != nil; n++ {
			url = fmt.Sprintf("%s-%d", strings.TrimRight(url, "-0123456789"), n)
		}
	}
	b.setURL(p, url)
	return p
}

func (b *Book) setURL(p *Page, url string) {
	if p.URL != "" && b.byURL[p.URL] == p {
		delete(b.byURL, p.URL)
	}
	p.URL = url
	b.byURL[url] = p
}

// resolvePath resolves a path written relative to dir (or to the content
// root when it starts with "/") to a clean content-relative path. It
// reports false when the path leaves the content root.
func resolvePath(dir, target string) (string, bool) {
	var p string
	if strings.HasPrefix(target, "/") {
		p = path.Clean(strings.TrimLeft(target, "/"))
	} else {
		p = path.Join(dir, target)
	}
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	if p == "" {
		p = "."
	}
	return p, true
}

// ResolvePath resolves a path written in the content file from (relative
// to its folder, or to the content root when it starts with "/") to a clean
// content-relative path. It reports false when the path leaves the root.
func ResolvePath(from, target string) (string, bool) {
	return resolvePath(path.Dir(from), target)
}

// inferSummary makes a table of contents from the folder tree when the
// repository has no SUMMARY.md: README first, then files and folders by name.
func (b *Book) inferSummary(fsys fs.FS) *summary.Summary {
	var walk func(dir string) []*summary.Item
	walk = func(dir string) []*summary.Item {
		var items []*summary.Item
		var names []string
		for f := range b.files {
			if path.Dir(f) == dir && strings.HasSuffix(f, ".md") && !strings.EqualFold(path.Base(f), "README.md") && f != b.GitBook.Summary {
				names = append(names, f)
			}
		}
		for d := range b.dirs {
			if d != "" && d != "." && path.Dir(d) == dir && !strings.HasPrefix(path.Base(d), ".") && b.files[path.Join(d, "README.md")] {
				names = append(names, d)
			}
		}
		slices.Sort(names)
		for _, n := range names {
			if b.dirs[n] {
				readme := path.Join(n, "README.md")
				items = append(items, &summary.Item{Title: firstHeading(fsys, b, readme, path.Base(n)), Target: "/" + readme, Children: walk(n), Pos: diag.Pos{File: b.SourcePath(readme)}})
				continue
			}
			items = append(items, &summary.Item{Title: firstHeading(fsys, b, n, strings.TrimSuffix(path.Base(n), ".md")), Target: "/" + n, Pos: diag.Pos{File: b.SourcePath(n)}})
		}
		return items
	}
	var items []*summary.Item
	if b.files[b.GitBook.Readme] {
		items = append(items, &summary.Item{Title: firstHeading(fsys, b, b.GitBook.Readme, "Home"), Target: "/" + b.GitBook.Readme, Pos: diag.Pos{File: b.SourcePath(b.GitBook.Readme)}})
	}
	items = append(items, walk(".")...)
	return &summary.Summary{Groups: []*summary.Group{{Items: items}}}
}

// firstHeading returns the text of a file's first "# " line, or fallback.
func firstHeading(fsys fs.FS, b *Book, file, fallback string) string {
	src, err := fs.ReadFile(fsys, path.Join(b.Content, file))
	if err != nil {
		return fallback
	}
	for line := range strings.Lines(string(src)) {
		if t, ok := strings.CutPrefix(line, "# "); ok {
			return strings.TrimSpace(t)
		}
	}
	return fallback
}
