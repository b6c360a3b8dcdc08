package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// maxWordRunes is the longest word kept; longer runs of letters are
// dropped (they are hashes, keys and the like).
const maxWordRunes = 40

// token is one word of a text: its lowercased surface form and where it
// sits, as byte offsets into the text.
type token struct {
	word       string
	start, end int
}

// isCJK reports whether r is written without spaces between words (Han,
// Hiragana, Katakana, Hangul): such runs are cut into bigrams.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// tokenize splits s into words: lowercased, cut at anything that is not a
// letter or a digit, 1 to 40 runes long. A run of CJK characters becomes
// its overlapping bigrams; a lone CJK character stays a word.
func tokenize(s string) []token { return appendTokens(nil, s) }

// appendTokens appends the tokens of s to out.
func appendTokens(out []token, s string) []token {
	type span struct {
		start, end int
		cjk        bool
	}
	flush := func(sp span) {
		if sp.start >= sp.end {
			return
		}
		run := s[sp.start:sp.end]
		if !sp.cjk {
			if utf8.RuneCountInString(run) <= maxWordRunes {
				out = append(out, token{word: lower(run), start: sp.start, end: sp.end})
			}
			return
		}
		var offs []int
		for i := range run {
			offs = append(offs, sp.start+i)
		}
		offs = append(offs, sp.end)
		if len(offs) == 2 {
			out = append(out, token{word: lower(run), start: sp.start, end: sp.end})
			return
		}
		for i := 0; i+2 < len(offs); i++ {
			out = append(out, token{word: lower(s[offs[i]:offs[i+2]]), start: offs[i], end: offs[i+2]})
		}
	}
	cur := span{start: -1}
	for i, r := range s {
		if r < utf8.RuneSelf {
			// ASCII: letters and digits only, never CJK nor a mark.
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
				if cur.start >= 0 && cur.cjk {
					cur.end = i
					flush(cur)
					cur = span{start: -1}
				}
				if cur.start < 0 {
					cur = span{start: i}
				}
				continue
			}
			if cur.start >= 0 {
				cur.end = i
				flush(cur)
			}
			cur = span{start: -1}
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			if cur.start >= 0 {
				cur.end = i
				flush(cur)
			}
			cur = span{start: -1}
			continue
		}
		if unicode.Is(unicode.Mn, r) && cur.start < 0 {
			continue // a combining mark with nothing to combine with
		}
		c := isCJK(r)
		if cur.start >= 0 && c != cur.cjk && !unicode.Is(unicode.Mn, r) {
			cur.end = i
			flush(cur)
			cur = span{start: -1}
		}
		if cur.start < 0 {
			cur = span{start: i, cjk: c}
		}
	}
	if cur.start >= 0 {
		cur.end = len(s)
		flush(cur)
	}
	return out
}

func lower(s string) string {
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		ascii = ascii && c < utf8.RuneSelf
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if ascii {
		if !upper {
			return s
		}
		return strings.ToLower(s)
	}
	b := make([]rune, 0, len(s))
	for _, r := range s {
		b = append(b, unicode.ToLower(r))
	}
	return string(b)
}

// stopWords are English words too common to index, except in titles.
// The list travels in the entry file, so clients use the same one.
var stopWords = []string{
	"a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in",
	"into", "is", "it", "its", "of", "on", "or", "such", "that", "the",
	"their", "then", "there", "these", "they", "this", "to", "was", "will",
	"with", "i", "me", "my", "we", "our", "you", "your", "he", "she", "him",
	"her", "them", "what", "which", "who", "whom", "do", "does", "did", "how",
	"can", "has", "have", "had", "from", "so", "than", "too", "very", "s", "t",
}

// stopSet holds the stop words.
var stopSet = func() map[string]bool {
	m := make(map[string]bool, len(stopWords))
	for _, w := range stopWords {
		m[w] = true
	}
	return m
}()

func isStop(w string) bool { return stopSet[w] }

// stem is the English Snowball stem of a word of ASCII letters; any other
// word (digits, accents, other scripts) is its own stem.
func stem(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	return english.Stem(w, true)
}
