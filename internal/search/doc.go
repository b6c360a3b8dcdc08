// Package search builds a static, chunked full-text index of a handbook's
// sections and answers queries on it. The same files serve the browser
// (which loads them lazily) and the server's /api/search.
//
// # Analysis
//
// Text is lowercased and split at anything that is not a letter or a
// digit; words of 1 to 40 runes are kept, numbers too. Runs of CJK
// characters (Han, Hiragana, Katakana, Hangul) become overlapping
// bigrams; a lone CJK character stays a word. English stop words (the list
// is in the entry file) are indexed only in titles. Every indexed word
// carries its Snowball English stem, computed at build time only (words
// that are not all ASCII letters are their own stem); a query word that
// is indexed also matches every indexed word with the same stem.
//
// Fields, with their weights: t (page title, 10, on every section of the
// page), h (the section's heading, 5), d (page description, 3, first
// section only), b (section text, 1). Positions count the indexed words
// of a field, from 0; fieldLen is that count.
//
// # Files
//
// All files sit in one directory (_handbook/search/ of a site). The entry
// file is entry.json; the others are named <kind>.<first 8 hex digits of
// the SHA-256 of the content>.json and can be cached forever:
//
//	entry.json         {"v":2, "sections":N, "avg":{"t":..,"h":..,"d":..,"b":..},
//	                    "stop":[...],
//	                    "vocab":[{"from":"a","to":"cz","file":"v.<hash>.json"}, ...],
//	                    "chunks":[{"from":"a","to":"abz","file":"i.<hash>.json"}, ...],
//	                    "frags":["f.<hash>.json", ...], "fragSize":16}
//	v.<hash>.json      {"w":{"word":"stem", ...}}  ("" when the stem is the word)
//	i.<hash>.json      {"w":{"word":{"df":N,"p":[[section, field, tf, fieldLen, pos1, ...]]}}}
//	f.<hash>.json      [{"u":"/url#anchor", "p":page index, "t":"page title", "h":"heading",
//	                     "b":["crumb", ...], "x":"section text, at most 600 runes"}]
//
// Sections are numbered from 0 in page order; fragment file k holds
// sections fragSize*k to fragSize*(k+1)-1. Field numbers are 0=t, 1=h,
// 2=d, 3=b. avg is the mean fieldLen over the sections where the field is
// not empty (0 if none). The "u" of a section with no anchor is the page
// URL alone.
//
// The vocabulary files list every indexed word with its stem; the
// postings chunks give each word's postings. Both are the words sorted by
// code point and cut into files of about 16 KB (vocabulary) and 40 KB
// (postings); an entry's from and to are its file's first and last
// words, and a word's postings are in the chunk whose range holds it.
//
// A word's df is its number of postings (one per section and field it
// occurs in). Only its best 400 postings are kept: those with the highest
// BM25 contribution on their own (the formula below, for that word
// alone; ties to the earlier section), listed in section and field order.
// A posting keeps the positions of the word's first 8 occurrences in a
// title or heading, of its first 4 in a description or body.
//
// # Query
//
// The query is tokenized like text; stop words are dropped unless all
// words are stop words. The last word is a prefix unless the query ends
// with white space. For each word, the vocabulary files that may hold
// words with its first letter are read (those whose to >= that letter
// and whose from <= it or starts with it), and candidates are found
// among the words with that first letter: the word and its same-stem
// words (factor 1.0); for the last word of 2 runes or more, up to 30
// other words it prefixes, fewest runes first (0.8); and, only when the
// word itself is not indexed, words within 1 edit (4 runes or more) or 2
// edits (8 or more), counting transpositions of neighbours (0.6).
// Same-stem and typo candidates come in code point order. Then only the
// candidates' postings chunks are read.
//
// A candidate scores, per section, the sum over its postings of
// idf*weight*tf*(k1+1)/(tf+k1*(1-b+b*fieldLen/avg)) with k1=1.2, b=0.75,
// idf=ln(1+(N-df+0.5)/(df+0.5)) and df the word's df, times its
// factor. Each query word takes its best candidate per section, and a
// section's score is the sum over query words, x2 when there are
// several words and it matches them all, then x1.5 when two consecutive
// query words sit at consecutive positions of one field (their best
// candidates' positions), else x1.2 when they sit within 5 positions.
// Sections sort by score, then by number.
//
// A snippet is about 160 runes of the section text, starting up to 60
// runes before the first matched word, cut at word boundaries; its
// highlights are [start, end) offsets, in UTF-16 code units, of every
// matched word in it.
package search
