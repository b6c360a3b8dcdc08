package bookgen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"net/url"
	"path"
	"strings"
)

// writer renders one page of a book from its own random stream.
type writer struct {
	b    *book
	o    Options
	p    *page
	r    *rand.Rand
	w    bytes.Buffer
	imgs int // images still to place
}

// renderPage returns the Markdown of pg.
func renderPage(b *book, o Options, pg *page) []byte {
	w := &writer{b: b, o: o, p: pg, r: newRand(o.Seed, uint64(pg.index)+1)}
	if o.ImagesEvery > 0 && (pg.index+1)%o.ImagesEvery == 0 {
		w.imgs = 1
	}
	w.w.Grow(pg.size + 1024)
	w.frontMatter()
	fmt.Fprintf(&w.w, "# %s\n\n", pg.title)
	if pg.size < 400 { // a stub, as handbooks have
		w.sentence()
		w.w.WriteString("\n")
	} else {
		w.paragraph()
	}
	if len(pg.children) > 0 && chance(w.r, 0.5) {
		w.childList()
	}
	if chance(w.r, 0.05) {
		w.hint()
	}
	left := pg.size - w.w.Len()
	for i, h := range pg.heads {
		w.heading(h)
		end := w.w.Len() + left/len(pg.heads) - len(h.text)
		w.block()
		for w.w.Len() < end && (i+1 < len(pg.heads) || w.w.Len() < pg.size) {
			w.block()
		}
	}
	for w.imgs > 0 {
		w.image()
	}
	return w.w.Bytes()
}

func (w *writer) frontMatter() {
	if !w.p.desc && !w.p.hidden {
		return
	}
	w.w.WriteString("---\n")
	if w.p.desc {
		if chance(w.r, 0.5) {
			fmt.Fprintf(&w.w, "description: %s\n", plainSentence(w.r, 6, 16))
		} else {
			fmt.Fprintf(&w.w, "description: >-\n  %s\n  %s\n", plainSentence(w.r, 6, 12), plainSentence(w.r, 4, 10))
		}
	}
	if w.p.hidden {
		w.w.WriteString("hidden: true\n")
	}
	w.w.WriteString("---\n\n")
}

func (w *writer) heading(h heading) {
	w.w.WriteString(strings.Repeat("#", h.level))
	w.w.WriteByte(' ')
	w.w.WriteString(h.text)
	if h.explicit {
		fmt.Fprintf(&w.w, ` <a href="#%s" id="%s"></a>`, h.id, h.id)
	}
	w.w.WriteString("\n\n")
}

// block writes one block chosen with handbook-like frequencies.
func (w *writer) block() {
	if w.imgs > 0 && chance(w.r, 0.3) {
		w.image()
		return
	}
	switch k := w.r.IntN(100); {
	case k < 50:
		w.paragraph()
	case k < 66:
		w.list(false)
	case k < 72:
		w.list(true)
	case k < 80:
		w.table()
	case k < 88:
		w.code()
	case k < 95:
		w.quote()
	default:
		w.hint()
	}
}

// sentence writes a sentence with, now and then, a link or inline markup.
func (w *writer) sentence() {
	ws := wordList()
	n := between(w.r, 6, 18)
	linkAt := -1
	if chance(w.r, 0.18) {
		linkAt = w.r.IntN(n)
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			w.w.WriteByte(' ')
		}
		if i == linkAt {
			w.w.WriteString(w.link())
			w.w.WriteByte(' ')
		}
		word := ws[w.r.IntN(len(ws))]
		if i == 0 {
			w.w.WriteString(capitalize(word))
			continue
		}
		switch k := w.r.IntN(200); {
		case k < 6:
			w.w.WriteString("`" + word + "`")
		case k < 9:
			w.w.WriteString("**" + word + "**")
		case k < 11:
			w.w.WriteString("_" + word + "_")
		case k == 11 && i+1 < n && i+1 != linkAt:
			// Older GitBook exports escape parentheses.
			w.w.WriteString(`\(` + word + " " + ws[w.r.IntN(len(ws))] + `\)`)
			i++
		default:
			w.w.WriteString(word)
		}
	}
	w.w.WriteByte('.')
}

func (w *writer) paragraph() {
	for i := range between(w.r, 2, 5) {
		if i > 0 {
			w.w.WriteByte(' ')
		}
		w.sentence()
	}
	w.w.WriteString("\n\n")
}

func (w *writer) list(ordered bool) {
	for i := range between(w.r, 3, 7) {
		if ordered {
			fmt.Fprintf(&w.w, "%d. ", i+1)
		} else {
			w.w.WriteString("* ")
		}
		w.sentence()
		w.w.WriteByte('\n')
		if !ordered && chance(w.r, 0.15) {
			w.w.WriteString("  * ")
			w.sentence()
			w.w.WriteByte('\n')
		}
	}
	w.w.WriteByte('\n')
}

// childList lists a folder page's children, as handbook READMEs do.
func (w *writer) childList() {
	for _, c := range w.p.children {
		fmt.Fprintf(&w.w, "* [%s](%s)\n", c.title, relPath(w.p.file, c.file))
	}
	w.w.WriteByte('\n')
}

func (w *writer) table() {
	cols := between(w.r, 2, 4)
	w.w.WriteByte('|')
	for range cols {
		fmt.Fprintf(&w.w, " %s |", capitalize(strings.Join(words(w.r, between(w.r, 1, 2)), " ")))
	}
	w.w.WriteString("\n|")
	for range cols {
		w.w.WriteString(" --- |")
	}
	w.w.WriteByte('\n')
	for range between(w.r, 2, 6) {
		w.w.WriteByte('|')
		for c := range cols {
			switch {
			case c == 0:
				fmt.Fprintf(&w.w, " %s |", capitalize(words(w.r, 1)[0]))
			case chance(w.r, 0.1):
				fmt.Fprintf(&w.w, " %s |", w.link())
			default:
				fmt.Fprintf(&w.w, " %s |", plainSentence(w.r, 2, 8))
			}
		}
		w.w.WriteByte('\n')
	}
	w.w.WriteByte('\n')
}

func (w *writer) quote() {
	w.w.WriteString("> ")
	w.sentence()
	w.w.WriteString(" ")
	w.sentence()
	w.w.WriteString("\n\n")
}

func (w *writer) hint() {
	fmt.Fprintf(&w.w, "{%% hint style=%q %%}\n", pick(w.r, []string{"info", "warning", "success", "danger"}))
	w.sentence()
	w.w.WriteString("\n{% endhint %}\n\n")
}

// code writes a fenced code block whose lines look like the language.
func (w *writer) code() {
	lang := pick(w.r, []string{"bash", "yaml", "json", "go", "python", "javascript", "sql", "text"})
	fmt.Fprintf(&w.w, "```%s\n", lang)
	n := between(w.r, 2, 9)
	ident := func() string { return strings.Join(words(w.r, 2), "_") }
	if lang == "json" {
		w.w.WriteString("{\n")
	}
	for i := range n {
		switch lang {
		case "bash":
			fmt.Fprintf(&w.w, "handbook %s --%s %s\n", words(w.r, 1)[0], words(w.r, 1)[0], ident())
		case "yaml":
			fmt.Fprintf(&w.w, "%s: %s\n", ident(), words(w.r, 1)[0])
		case "json":
			sep := ","
			if i == n-1 {
				sep = ""
			}
			fmt.Fprintf(&w.w, "  %q: %q%s\n", ident(), words(w.r, 1)[0], sep)
		case "go":
			fmt.Fprintf(&w.w, "%s := %s(%s)\n", strings.Join(words(w.r, 1), ""), ident(), ident())
		case "python":
			fmt.Fprintf(&w.w, "%s = %s(%q)\n", ident(), ident(), words(w.r, 1)[0])
		case "javascript":
			fmt.Fprintf(&w.w, "const %s = await %s(%q);\n", ident(), ident(), words(w.r, 1)[0])
		case "sql":
			fmt.Fprintf(&w.w, "SELECT %s FROM %s WHERE %s = %d;\n", ident(), ident(), ident(), w.r.IntN(100))
		default:
			w.w.WriteString(plainSentence(w.r, 4, 12) + "\n")
		}
	}
	if lang == "json" {
		w.w.WriteString("}\n")
	}
	w.w.WriteString("```\n\n")
}

// image writes a block image in one of the forms GitBook writes.
func (w *writer) image() {
	w.imgs--
	a := w.b.assets[(w.p.index/w.o.ImagesEvery)%len(w.b.assets)]
	p := relPath(w.p.file, ".gitbook/assets/"+a)
	alt := ""
	if chance(w.r, 0.5) {
		alt = capitalize(strings.Join(words(w.r, between(w.r, 1, 4)), " "))
	}
	switch k := w.r.IntN(10); {
	case k < 2:
		fmt.Fprintf(&w.w, "<figure><img src=%q alt=%q><figcaption><p>%s</p></figcaption></figure>\n\n",
			p, alt, plainSentence(w.r, 2, 6))
	case k < 5 && strings.ContainsAny(a, " ()"):
		fmt.Fprintf(&w.w, "![%s](%s)\n\n", alt, escapePath(p)) // older exports percent-encode
	case strings.ContainsAny(a, " ()"):
		fmt.Fprintf(&w.w, "![%s](<%s>)\n\n", alt, p)
	default:
		fmt.Fprintf(&w.w, "![%s](%s)\n\n", alt, p)
	}
}

// link returns a Markdown link to another page, a heading of one, a heading
// of this page or, rarely, an external site.
func (w *writer) link() string {
	p := w.p
	var t *page
	switch k := w.r.IntN(100); {
	case k < 25 && p.parent != nil:
		t = pick(w.r, p.parent.children)
	case k < 40 && p.parent != nil:
		t = p.parent
	case k < 50 && len(p.children) > 0:
		t = pick(w.r, p.children)
	case k < 60 && len(p.heads) > 0:
		t = p
	case k < 95:
		t = pick(w.r, w.b.pages)
	}
	if t == p && len(p.heads) > 0 {
		h := pick(w.r, p.heads)
		return fmt.Sprintf("[%s](#%s)", strings.ToLower(h.text), h.id)
	}
	if t == nil || t == p {
		ws := words(w.r, 2)
		return fmt.Sprintf("[%s](https://www.example.com/%s)", capitalize(ws[0]), strings.Join(ws, "/"))
	}
	href := relPath(p.file, t.file)
	switch k := w.r.IntN(100); {
	case k < 3:
		href = "/" + t.file
	case k < 10 && path.Base(t.file) == "README.md":
		if href = strings.TrimSuffix(href, "README.md"); href == "" {
			href = "./"
		}
	}
	if len(t.heads) > 0 && chance(w.r, 0.3) {
		href += "#" + pick(w.r, t.heads).id
	}
	if chance(w.r, 0.03) {
		return fmt.Sprintf("[%s](%s %q)", t.title, href, "mention")
	}
	text := t.title
	if chance(w.r, 0.5) {
		text = strings.Join(words(w.r, between(w.r, 1, 3)), " ")
	}
	return fmt.Sprintf("[%s](%s)", text, href)
}

// relPath returns the relative path from the file from to the file to,
// both slash paths from the book root.
func relPath(from, to string) string {
	fd := strings.Split(path.Dir(from), "/")
	if fd[0] == "." {
		fd = nil
	}
	td := strings.Split(to, "/")
	i := 0
	for i < len(fd) && i < len(td)-1 && fd[i] == td[i] {
		i++
	}
	return strings.Repeat("../", len(fd)-i) + strings.Join(td[i:], "/")
}

// escapePath percent-encodes each segment of a slash path.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
