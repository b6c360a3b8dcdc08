package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"

	"github.com/handbookhq/handbook/internal/markdown/blocks"
	"github.com/handbookhq/handbook/internal/markdown/htmlfilter"
)

// htmlReplacements returns the plain form of GitBook's raw HTML in node n
// where it differs from the source:
//
//   - a table of cards: a list of links, "- [Title](target): text";
//   - a rich table: a pipe table of its visible columns (kept as written
//     when a cell holds a list or code);
//   - a figure, picture or drawing: "![alt](src)", then "*caption*";
//   - a button: see buttonReplacements;
//   - an icon: nothing; a <mark>: its text; an inline <img> or <picture>:
//     "![alt](src)".
//
// Hrefs go through links.link and sources through links.image. Everything
// else, <details> and <kbd> among it, stays as written: GitHub-flavoured
// Markdown shows it.
func htmlReplacements(n ast.Node, src []byte, links mdLinks) []blocks.Replacement {
	var repl []blocks.Replacement
	switch n := n.(type) {
	case *ast.HTMLBlock:
		repl = blockReplacement(n, src, links)
	case *ast.RawHTML:
		repl = inlineReplacements(n, src, links)
	default:
		return nil
	}
	if repl == nil && links.r != nil {
		// Kept as written: its URLs still go through the resolver.
		repl = attrReplacements(n, src, links)
	}
	return repl
}

// blockReplacement replaces an HTML block of cards, a rich table or images.
func blockReplacement(n *ast.HTMLBlock, src []byte, links mdLinks) []blocks.Replacement {
	lines := n.Lines()
	if lines.Len() == 0 {
		return nil
	}
	var frag []byte
	for i := range lines.Len() {
		s := lines.At(i)
		frag = append(frag, src[s.Start:s.Stop]...)
	}
	start := lines.At(0).Start
	stop := lines.At(lines.Len() - 1).Stop
	if n.HasClosure() {
		frag = append(frag, src[n.ClosureLine.Start:n.ClosureLine.Stop]...)
		stop = n.ClosureLine.Stop
	}
	for stop > start && (src[stop-1] == '\n' || src[stop-1] == '\r') {
		stop--
	}
	var md []string
	switch {
	case indexFold(frag, "<table") >= 0:
		t := parseTable(frag)
		if t == nil || !t.rich() || len(bytes.TrimSpace(frag[:t.start])) > 0 || len(bytes.TrimSpace(frag[t.stop:])) > 0 {
			return nil
		}
		if t.cards() {
			md = cardsMarkdown(t, frag, links)
		} else if md, _ = tableMarkdown(t, frag, links); md == nil {
			return nil
		}
	default:
		var ok bool
		if md, ok = figureMarkdown(frag, links); !ok {
			return nil
		}
	}
	return []blocks.Replacement{{Start: start, Stop: stop, Text: []byte(joinLines(src, start, stop, md))}}
}

// joinLines writes lines in place of src[start:stop], a block: each line
// after the first starts with what comes before start on its line (the
// indentation of a list item, the "> " of a quote), and a blank line
// separates them from text right before or after.
func joinLines(src []byte, start, stop int, lines []string) string {
	ls := bytes.LastIndexByte(src[:start], '\n') + 1
	prefix := string(src[ls:start])
	if strings.Trim(prefix, " \t>") != "" {
		prefix = strings.Repeat(" ", len(prefix))
	}
	var b strings.Builder
	if ls > 0 && !blankLine(src, lineStartOf(src, ls-1)) {
		b.WriteString("\n" + prefix)
	}
	b.WriteString(strings.Join(lines, "\n"+prefix))
	if i := bytes.IndexByte(src[stop:], '\n'); i >= 0 && stop+i+1 < len(src) && !blankLine(src, stop+i+1) {
		b.WriteString("\n" + strings.TrimRight(prefix, " \t"))
	}
	return b.String()
}

// lineStartOf returns where the line holding off starts.
func lineStartOf(src []byte, off int) int { return bytes.LastIndexByte(src[:off], '\n') + 1 }

// blankLine reports whether the line starting at off holds nothing but
// spaces and quote markers.
func blankLine(src []byte, off int) bool {
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src) - off
	}
	return len(bytes.Trim(src[off:off+end], " \t\r>")) == 0
}

// inlineReplacements replaces inline GitBook markup.
func inlineReplacements(n *ast.RawHTML, src []byte, links mdLinks) []blocks.Replacement {
	if n.Segments.Len() != 1 {
		return nil
	}
	seg := n.Segments.At(0)
	raw := src[seg.Start:seg.Stop]
	if htmlfilter.IsEndTag(raw, "mark") {
		return []blocks.Replacement{{Start: seg.Start, Stop: seg.Stop}}
	}
	if len(raw) < 3 || raw[0] != '<' || !bytes.ContainsRune([]byte("abimpABIMP"), rune(raw[1])) {
		return nil // not a tag this replaces: no tokenizer needed
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	if tt := z.Next(); tt != html.StartTagToken && tt != html.SelfClosingTagToken {
		return nil
	}
	name, attrs := tagAttrs(z)
	switch name {
	case "mark":
		return []blocks.Replacement{{Start: seg.Start, Stop: seg.Stop}}
	case "img":
		if s := strings.TrimSpace(attrs["src"]); s != "" && !htmlfilter.Unsafe(s, true) {
			md := "![" + mdEscape(strings.TrimSpace(attrs["alt"])) + "](" + markdownDest(links.image(s)) + ")"
			return []blocks.Replacement{{Start: seg.Start, Stop: seg.Stop, Text: []byte(md)}}
		}
	case "picture":
		end := endTagAfter(src, seg.Stop, blockEnd(n, len(src)), "picture", -1)
		if end < 0 {
			return nil
		}
		if lines, ok := figureMarkdown(src[seg.Start:end], links); ok {
			return []blocks.Replacement{{Start: seg.Start, Stop: end, Text: []byte(strings.Join(lines, " "))}}
		}
	case "i":
		if htmlfilter.IconName(attrs["class"]) != "" {
			stop := endTagAfter(src, seg.Stop, blockEnd(n, len(src)), "i", seg.Stop)
			if stop < len(src) && src[stop] == ' ' && (seg.Start == 0 || src[seg.Start-1] == ' ' || src[seg.Start-1] == '\n') {
				stop++ // "on <i>…</i> GitHub" reads "on GitHub"
			}
			return []blocks.Replacement{{Start: seg.Start, Stop: stop}}
		}
	case "button":
		if strings.TrimSpace(attrs["data-action"]) != "" {
			return []blocks.Replacement{{Start: seg.Start, Stop: endTagAfter(src, seg.Stop, blockEnd(n, len(src)), "button", seg.Stop)}}
		}
	}
	return nil
}

// isButton reports whether class makes a link a GitBook button.
func isButton(class string) bool {
	for w := range strings.FieldsSeq(class) {
		if w == "button" {
			return true
		}
	}
	return false
}

// endTagAfter returns where the end tag of element name that closes the
// element opened just before from ends, looking no further than limit;
// fallback when there is none.
func endTagAfter(src []byte, from, limit int, name string, fallback int) int {
	if from >= limit {
		return fallback
	}
	z := html.NewTokenizer(bytes.NewReader(src[from:limit]))
	pos, depth := from, 1
	for {
		tt := z.Next()
		pos += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return fallback
		case html.StartTagToken:
			if n, _ := z.TagName(); string(n) == name {
				depth++
			}
		case html.EndTagToken:
			if n, _ := z.TagName(); string(n) == name {
				if depth--; depth == 0 {
					return pos
				}
			}
		}
	}
}

// dropOverlaps removes, from replacements sorted by start, those that
// overlap one before them: markup inside a replaced icon or button.
func dropOverlaps(repl []blocks.Replacement) []blocks.Replacement {
	out := repl[:0]
	for _, r := range repl {
		if n := len(out); n > 0 && r.Start < out[n-1].Stop {
			continue
		}
		out = append(out, r)
	}
	return out
}
