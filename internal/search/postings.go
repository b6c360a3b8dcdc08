package search

import (
	"bytes"
	"encoding/json"
	"slices"
)

// writeVocab cuts the sorted words, each with its stem ("" when the
// stem is the word), into files of about vocabBytes each.
func writeVocab(idx *Index, keys []string, words map[string]*buildWord) []chunkRef {
	return writeRanges(idx, "v", vocabBytes, keys, func(w string) any {
		if st := words[w].stem; st != w {
			return st
		}
		return ""
	})
}

// writeChunks cuts the sorted words, each with its best postings, into
// files of about chunkBytes each; n is the number of sections.
func writeChunks(idx *Index, keys []string, words map[string]*buildWord, n float64, avg [numFields]float64) []chunkRef {
	return writeRanges(idx, "i", chunkBytes, keys, func(w string) any {
		bw := words[w]
		return wordEntry{DF: bw.df, P: truncate(bw, idf(n, float64(bw.df)), avg)}
	})
}

// truncate returns the maxPostings postings of a word that score best
// on their own (ties to the earlier), in section order.
func truncate(bw *buildWord, idf float64, avg [numFields]float64) [][]int {
	type ranked struct {
		score float64
		off   int64 // of the posting: its block << 32 | its place in the block
	}
	// worse reports whether a ranks below b.
	worse := func(a, b ranked) bool { return a.score < b.score || a.score == b.score && a.off > b.off }
	// h is a min-heap of the best postings so far, the worst on top.
	h := make([]ranked, 0, min(bw.df, maxPostings))
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && worse(h[l], h[m]) {
				m = l
			}
			if l+1 < len(h) && worse(h[l+1], h[m]) {
				m = l + 1
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	var q [4]int
	for bi, b := range bw.blocks {
		for off := 0; off < len(b); off += 5 + int(b[off+4]) {
			r := ranked{off: int64(bi)<<32 | int64(off)}
			if bw.df > maxPostings {
				for k := range q {
					q[k] = int(b[off+k])
				}
				r.score = postingScore(idf, q[:], avg)
			}
			if len(h) < maxPostings {
				h = append(h, r)
				for j := len(h) - 1; j > 0 && worse(h[j], h[(j-1)/2]); j = (j - 1) / 2 {
					h[j], h[(j-1)/2] = h[(j-1)/2], h[j]
				}
				continue
			}
			if worse(h[0], r) {
				h[0] = r
				down(0)
			}
		}
	}
	offs := make([]int64, len(h))
	for i, r := range h {
		offs[i] = r.off
	}
	slices.Sort(offs)
	out := make([][]int, len(offs))
	for i, off := range offs {
		b, off := bw.blocks[off>>32], int(off&(1<<32-1))
		np := int(b[off+4])
		p := make([]int, 4+np)
		for k := range 4 {
			p[k] = int(b[off+k])
		}
		for k := range np {
			p[4+k] = int(b[off+5+k])
		}
		out[i] = p
	}
	return out
}

// writeRanges writes the sorted words as {"w":{"word":value, ...}} files
// of kind, cut at about size bytes, and returns their ranges.
func writeRanges(idx *Index, kind string, size int, keys []string, value func(string) any) []chunkRef {
	var refs []chunkRef
	var buf bytes.Buffer
	var first, last string
	flush := func() {
		if buf.Len() == 0 {
			return
		}
		buf.WriteString("}}")
		refs = append(refs, chunkRef{From: first, To: last, File: idx.add(kind, bytes.Clone(buf.Bytes()))})
		buf.Reset()
	}
	for _, w := range keys {
		k, _ := json.Marshal(w)
		v, _ := json.Marshal(value(w))
		if buf.Len() > 0 && buf.Len()+len(k)+len(v) > size {
			flush()
		}
		if buf.Len() == 0 {
			buf.WriteString(`{"w":{`)
			first = w
		} else {
			buf.WriteByte(',')
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
		last = w
	}
	flush()
	return refs
}
