package book

import (
	"strings"

	"github.com/handbookhq/handbook/internal/diag"
)

// resolveRedirects turns .gitbook.yaml redirects into URL-to-URL pairs.
// A redirect whose old URL is a page is dropped with a warning, because an
// existing page always wins, as on GitBook.
func (b *Book) resolveRedirects() {
	// The first page is also published under its own path, as on GitBook.
	if from := strings.Trim(b.firstPath, "/"); from != "" && b.byURL["/"+from] == nil {
		b.Redirects = append(b.Redirects, Redirect{From: from, To: "/"})
	}
	for _, r := range b.GitBook.Redirects {
		from, frag, _ := strings.Cut(strings.Trim(r.From, "/"), "#")
		from = strings.TrimSuffix(from, ".md")
		if base, ok := strings.CutSuffix(from, "/README"); ok {
			from = base
		}
		target, anchor, _ := strings.Cut(r.To, "#")
		file, ok := resolvePath(".", target)
		if ok && (b.HasDir(file) && !b.HasFile(file) || strings.HasSuffix(target, "/")) {
			file += "/README.md"
		}
		p := b.byFile[strings.TrimPrefix(file, "./")]
		if !ok || p == nil {
			what := "does not exist"
			if b.HasFile(strings.TrimPrefix(file, "./")) {
				what = "is not in the table of contents"
			}
			b.Diags.Add(diag.Warnf(r.Pos, "redirect target %q %s", r.To, what).
				WithHint("point the redirect at a file listed in the table of contents").WithCode(diag.RedirectTarget))
			continue
		}
		to := p.URL
		if anchor != "" {
			to += "#" + anchor
		}
		if frag == "" && b.byURL["/"+from] != nil {
			b.Diags.Add(diag.Warnf(r.Pos, "redirect from %q never applies: a page lives there", r.From).
				WithHint("remove the redirect, or the page at that URL").WithCode(diag.RedirectShadowed))
			continue
		}
		b.Redirects = append(b.Redirects, Redirect{From: from, Fragment: frag, To: to, Pos: r.Pos})
	}
}
