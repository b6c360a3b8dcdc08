package llms

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strings"
	"unicode"
)

// Closest returns up to n pages whose address or title is nearest to the
// path asked for, best first: agents that guess a URL get a page to go on
// with instead of nothing.
func Closest(pages []Page, path string, n int) []Page {
	want := words(strings.TrimSuffix(strings.ToLower(path), ".md"))
	if len(want) == 0 || n <= 0 {
		return nil
	}
	type scored struct {
		p     Page
		score float64
		i     int
	}
	var all []scored
	for i, p := range pages {
		s := similarity(want, words(strings.ToLower(pathOf(p.URL)))) +
			0.5*similarity(want, words(strings.ToLower(p.Title)))
		if s > 0 {
			all = append(all, scored{p, s, i})
		}
	}
	slices.SortFunc(all, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	out := make([]Page, 0, min(n, len(all)))
	for _, s := range all[:min(n, len(all))] {
		out = append(out, s.p)
	}
	return out
}

// pathOf returns the path of a URL that may be absolute.
func pathOf(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		if j := strings.IndexByte(u[i+3:], '/'); j >= 0 {
			return u[i+3+j:]
		}
		return "/"
	}
	return u
}

// words splits s into its words: runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// similarity scores how well the words have match the words want: each
// wanted word counts by its best match, 1 for the same word and less for
// a near spelling; words met late in want count a little more, since the
// end of a path names the page.
func similarity(want, have []string) float64 {
	total := 0.0
	for i, w := range want {
		best := 0.0
		for _, h := range have {
			best = max(best, wordMatch(w, h))
		}
		total += best * (1 + float64(i)/float64(len(want)))
	}
	return total
}

// wordMatch is 1 for equal words, then by shared prefix and edit distance,
// and 0 for words with little in common.
func wordMatch(a, b string) float64 {
	if a == b {
		return 1
	}
	if len(a) >= 3 && strings.HasPrefix(b, a) || len(b) >= 3 && strings.HasPrefix(a, b) {
		return 0.8
	}
	d := distance(a, b)
	longest := max(len([]rune(a)), len([]rune(b)))
	if longest < 4 || d > longest/3 {
		return 0
	}
	return 0.7 * (1 - float64(d)/float64(longest))
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// WriteNotFound writes the Markdown answer to a request for an unknown
// ".md" path: a "Page Not Found" heading and the closest pages as
// llms.txt lines. Servers send it with status 200, since agents drop the
// body of a 404.
func WriteNotFound(w io.Writer, path string, closest []Page, index string) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# Page Not Found\n\nThere is no page at `" + strings.ReplaceAll(path, "`", "") + "`.\n")
	if len(closest) > 0 {
		bw.WriteString("\nThe closest pages are:\n\n")
		for _, p := range closest {
			WriteLine(bw, p)
		}
	}
	if index != "" {
		bw.WriteString("\nEvery page is listed in [llms.txt](" + linkDest(index) + ").\n")
	}
	return bw.Flush()
}
