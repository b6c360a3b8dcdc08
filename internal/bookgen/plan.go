package bookgen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path"
	"strings"
)

// book is the plan of a generated book: everything pages need to know
// about one another before any is written.
type book struct {
	title     string
	pages     []*page // SUMMARY order; pages[0] is README.md
	groups    []*group
	assets    []string    // file names under .gitbook/assets
	redirects [][2]string // URL path, target
}

// group is a "##" part of SUMMARY.md.
type group struct {
	title  string
	slug   string
	anchor bool // heading carries <a href="#slug" id="slug"></a>
	top    []*page
}

// page is one Markdown file of the book.
type page struct {
	index    int
	title    string
	short    string // quoted link title in SUMMARY.md, or ""
	file     string // slash path from the book root
	depth    int    // list nesting in SUMMARY.md: 0 for README.md, 1 for a group's top pages
	parent   *page
	children []*page
	heads    []heading
	size     int  // target Markdown size in bytes
	desc     bool // has a description in front matter
	hidden   bool // has hidden: true in front matter
	rootRel  bool // listed in SUMMARY.md with a leading "/"
}

// heading is a "##" or "###" heading of a page.
type heading struct {
	level    int
	text     string
	id       string
	explicit bool // written with an <a id> anchor, as GitBook does
}

// Page size law, fitted to the Mattermost handbook's Markdown files.
const (
	medianSize = 2400
	sizeSigma  = 1.0
	minSize    = 80
	maxSize    = 40000

	headingEvery = 700 // bytes of page per heading
)

// planner draws a book's plan from one random stream.
type planner struct {
	r    *rand.Rand
	o    Options
	used map[string]map[string]bool // directory -> names taken in it
}

// plan draws the plan of a book for o (defaults already applied).
func plan(o Options) *book {
	p := &planner{r: newRand(o.Seed, 0), o: o, used: map[string]map[string]bool{}}
	b := &book{title: capitalize(words(p.r, 1)[0]) + " Handbook"}
	readme := &page{title: b.title, file: "README.md", size: p.size()}
	b.pages = append(b.pages, readme)

	rest := o.Pages - 1
	ngroups := min(o.Groups, rest)
	budgets := p.split(rest, ngroups)
	for _, n := range budgets {
		ws := words(p.r, between(p.r, 1, 2))
		slug := p.unique(".", strings.Join(ws, "-"))
		g := &group{
			title:  capitalize(strings.Join(ws, " ")),
			slug:   slug,
			anchor: chance(p.r, 0.33),
		}
		g.top = p.nodes(n, o.Depth, slug, 1, nil)
		b.groups = append(b.groups, g)
	}
	for _, g := range b.groups {
		for _, top := range g.top {
			b.pages = appendTree(b.pages, top)
		}
	}
	for i, pg := range b.pages {
		pg.index = i
	}
	p.decorate(b)
	return b
}

// appendTree appends pg and its descendants in SUMMARY order.
func appendTree(pages []*page, pg *page) []*page {
	pages = append(pages, pg)
	for _, c := range pg.children {
		pages = appendTree(pages, c)
	}
	return pages
}

// nodes makes sibling pages in dir totalling budget pages, nested at most
// levels deep. Each page with descendants is a folder with a README.md.
func (p *planner) nodes(budget, levels int, dir string, depth int, parent *page) []*page {
	if budget <= 0 {
		return nil
	}
	n := budget // at the last level every page is a leaf
	if levels > 1 {
		need := int(math.Ceil(math.Pow(float64(budget), 1/float64(levels))))
		n = min(max(between(p.r, 3, 10), need), budget)
	}
	var out []*page
	for _, size := range p.split(budget, n) {
		pg := p.newPage(dir, depth, parent, size > 1)
		if size > 1 {
			pg.children = p.nodes(size-1, levels-1, path.Dir(pg.file), depth+1, pg)
		}
		out = append(out, pg)
	}
	return out
}

// newPage makes a page in dir: dir/slug/README.md when it is a folder,
// dir/slug.md otherwise.
func (p *planner) newPage(dir string, depth int, parent *page, folder bool) *page {
	ws := words(p.r, between(p.r, 1, 4))
	slug := p.unique(dir, strings.Join(ws, "-"))
	title := capitalize(strings.Join(ws, " "))
	if len(ws) >= 2 && chance(p.r, 0.04) {
		var acr strings.Builder
		for _, w := range ws {
			acr.WriteByte(w[0] - 'a' + 'A')
		}
		title += " (" + acr.String() + ")"
	}
	pg := &page{title: title, depth: depth, parent: parent, size: p.size()}
	if folder {
		pg.file = path.Join(dir, slug, "README.md")
	} else {
		pg.file = path.Join(dir, slug+".md")
	}
	if chance(p.r, 0.02) {
		pg.short = capitalize(words(p.r, 1)[0])
	}
	pg.rootRel = chance(p.r, 0.01)
	pg.desc = chance(p.r, 0.18)
	return pg
}

// unique returns name, or name with a number, not yet used in dir.
func (p *planner) unique(dir, name string) string {
	taken := p.used[dir]
	if taken == nil {
		taken = map[string]bool{"readme": true, "summary": true}
		p.used[dir] = taken
	}
	u := name
	for i := 2; taken[u]; i++ {
		u = fmt.Sprintf("%s-%d", name, i)
	}
	taken[u] = true
	return u
}

// size draws a page's target size.
func (p *planner) size() int {
	return logNormal(p.r, medianSize, sizeSigma, minSize, maxSize)
}

// split cuts total into n parts of at least 1, with log-normal weights so
// that some parts are single pages and a few are large.
func (p *planner) split(total, n int) []int {
	if n <= 0 {
		return nil
	}
	parts := make([]int, n)
	weights := make([]float64, n)
	var sum float64
	for i := range weights {
		weights[i] = math.Exp(1.2 * p.r.NormFloat64())
		sum += weights[i]
	}
	left := total - n
	given := 0
	for i := range parts {
		extra := int(float64(left) * weights[i] / sum)
		parts[i] = 1 + extra
		given += extra
	}
	for ; given < left; given++ {
		parts[p.r.IntN(n)]++
	}
	return parts
}

// decorate draws what depends on the whole page list: headings, hidden
// pages, assets and redirects.
func (p *planner) decorate(b *book) {
	for _, pg := range b.pages {
		pg.heads = p.headings(pg.size)
	}
	if n := len(b.pages) / 100; n > 0 {
		for _, i := range p.r.Perm(len(b.pages) - 1)[:n] {
			b.pages[i+1].hidden = true
		}
	}
	if p.o.ImagesEvery > 0 {
		// Some images are used twice; every asset is used at least once.
		if refs := len(b.pages) / p.o.ImagesEvery; refs > 0 {
			b.assets = p.assetNames((refs*3 + 3) / 4)
		}
	}
	for i := range min(5, len(b.pages)-1) {
		t := b.pages[1+p.r.IntN(len(b.pages)-1)]
		key := "old/" + strings.TrimSuffix(strings.TrimSuffix(t.file, ".md"), "/README")
		target := "/" + t.file
		switch {
		case i == 1:
			target = "./" + t.file
		case i == 2 && len(t.heads) > 0:
			target += "#" + t.heads[0].id
		}
		b.redirects = append(b.redirects, [2]string{fmt.Sprintf("%s-%d", key, i), target})
	}
}

// headings draws the "##" and "###" headings of a page of the given size,
// with ids unique in the page.
func (p *planner) headings(size int) []heading {
	n := min(size/headingEvery, 30) // small pages have none
	seen := map[string]bool{}
	var hs []heading
	for len(hs) < n {
		ws := words(p.r, between(p.r, 1, 4))
		id := strings.Join(ws, "-")
		if seen[id] {
			continue
		}
		seen[id] = true
		level := 2
		if len(hs) > 0 && chance(p.r, 0.3) {
			level = 3
		}
		hs = append(hs, heading{
			level:    level,
			text:     capitalize(strings.Join(ws, " ")),
			id:       id,
			explicit: chance(p.r, 0.1),
		})
	}
	return hs
}

// assetNames draws n distinct image file names in the styles GitBook
// uploads produce.
func (p *planner) assetNames(n int) []string {
	taken := map[string]bool{}
	var names []string
	for len(names) < n {
		var name string
		switch k := p.r.IntN(10); {
		case k < 4:
			name = "image.png"
			for d := p.r.IntN(3); d >= 0; d-- {
				name = strings.TrimSuffix(name, ".png") + fmt.Sprintf(" (%d).png", between(p.r, 1, 20))
			}
		case k < 6:
			name = fmt.Sprintf("Screen Shot 20%02d-%02d-%02d at %d.%02d.%02d.png",
				between(p.r, 18, 24), between(p.r, 1, 12), between(p.r, 1, 28),
				between(p.r, 8, 18), p.r.IntN(60), p.r.IntN(60))
		case k < 8:
			name = strings.Join(words(p.r, between(p.r, 1, 3)), "-") + ".png"
		default:
			ws := words(p.r, between(p.r, 1, 2))
			name = capitalize(strings.Join(ws, " ")) + fmt.Sprintf(" (%d).png", between(p.r, 1, 3))
		}
		if !taken[name] {
			taken[name] = true
			names = append(names, name)
		}
	}
	return names
}
