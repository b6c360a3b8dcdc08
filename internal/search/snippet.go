package search

import (
	"slices"
	"unicode/utf16"
	"unicode/utf8"
)

const (
	snippetRunes  = 160 // about this long
	snippetBefore = 60  // runes of context before the first match
)

// snippet cuts about 160 runes of text around the first of words found in
// it and returns it with the offsets of every occurrence of those words,
// in UTF-16 code units.
func snippet(text string, words []string) (string, [][2]int) {
	toks := tokenize(text)
	start := 0
	for _, t := range toks {
		if slices.Contains(words, t.word) {
			start = t.start
			break
		}
	}
	// Back up snippetBefore runes, then forward to the start of a word.
	from := start
	for i := 0; i < snippetBefore && from > 0; i++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	if from > 0 {
		for _, t := range toks {
			if t.start >= from {
				from = min(t.start, start)
				break
			}
		}
	}
	to := from
	for i := 0; i < snippetRunes && to < len(text); i++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	if to < len(text) {
		// End after the last whole word.
		end := from
		for _, t := range toks {
			if t.start >= from && t.end <= to {
				end = t.end
			}
		}
		if end > from {
			to = end
		}
	}
	snip := text[from:to]
	var hl [][2]int
	for _, t := range toks {
		if t.start < from || t.end > to || !slices.Contains(words, t.word) {
			continue
		}
		s := utf16Len(text[from:t.start])
		hl = append(hl, [2]int{s, s + utf16Len(text[t.start:t.end])})
	}
	if hl == nil {
		hl = [][2]int{}
	}
	return snip, hl
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
