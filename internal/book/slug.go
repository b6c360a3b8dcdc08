package book

import (
	"strings"
	"unicode"
)

// Slugify turns a title into a URL segment the way GitBook does for group
// titles: lowercase letters and digits, everything else folded into single
// hyphens, no hyphen at either end.
func Slugify(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		if r == '\'' || r == '’' {
			continue // "Don't" is "dont", not "don-t"
		}
		hyphen = true
	}
	return b.String()
}

// pageSlug is a page's own URL segment: the file name without ".md", or
// the folder's name for a README.md.
func pageSlug(file string) string {
	dir, base := splitPath(file)
	if strings.EqualFold(base, "README.md") {
		_, base = splitPath(dir)
		return base
	}
	return strings.TrimSuffix(base, ".md")
}

func splitPath(p string) (dir, base string) {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "", p
	}
	return p[:i], p[i+1:]
}
