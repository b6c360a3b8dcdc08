package search

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Searcher answers queries from the files of a built index, reading word
// chunks and fragments only when a query needs them and keeping them.
// It is safe for concurrent use.
type Searcher struct {
	fsys  fs.FS
	dir   string
	entry entryFile
	avg   [numFields]float64
	stop  map[string]bool
	mu    sync.Mutex
	files map[string]*lazyFile
}

type lazyFile struct {
	once  sync.Once
	chunk map[string]wordEntry
	vocab map[string]string // word: stem
	frags []fragment
	err   error
}

// The kinds of files a Searcher reads after the entry.
const (
	kindChunk = iota
	kindVocab
	kindFrag
)

// Result is one matching section.
type Result struct {
	Page        string   `json:"page"`    // the page's URL
	Section     string   `json:"section"` // the heading's anchor; "" for the page's opening text
	URL         string   `json:"url"`     // the page's URL with the anchor
	Title       string   `json:"title"`
	Heading     string   `json:"heading"`
	Breadcrumbs []string `json:"breadcrumbs"`
	Snippet     string   `json:"snippet"`
	// Highlights are the matched words in Snippet, as [start, end)
	// offsets in UTF-16 code units (JavaScript string indexes).
	Highlights [][2]int `json:"highlights"`
	Score      float64  `json:"score"`
}

// Open reads the entry file at entryPath in fsys; the other files are
// read from the same directory when a query needs them.
func Open(fsys fs.FS, entryPath string) (*Searcher, error) {
	data, err := fs.ReadFile(fsys, entryPath)
	if err != nil {
		return nil, fmt.Errorf("read search entry: %w", err)
	}
	s := &Searcher{fsys: fsys, dir: path.Dir(entryPath), files: map[string]*lazyFile{}, stop: map[string]bool{}}
	if err := json.Unmarshal(data, &s.entry); err != nil {
		return nil, fmt.Errorf("decode search entry %s: %w", entryPath, err)
	}
	if s.entry.V != version {
		return nil, fmt.Errorf("search entry %s: version %d, want %d", entryPath, s.entry.V, version)
	}
	for _, w := range s.entry.Stop {
		s.stop[w] = true
	}
	for f := range numFields {
		s.avg[f] = s.entry.Avg[fieldNames[f]]
	}
	return s, nil
}

func (s *Searcher) load(name string, kind int) (*lazyFile, error) {
	s.mu.Lock()
	lf := s.files[name]
	if lf == nil {
		lf = &lazyFile{}
		s.files[name] = lf
	}
	s.mu.Unlock()
	lf.once.Do(func() {
		data, err := fs.ReadFile(s.fsys, path.Join(s.dir, name))
		if err != nil {
			lf.err = fmt.Errorf("read search file: %w", err)
			return
		}
		switch kind {
		case kindFrag:
			err = json.Unmarshal(data, &lf.frags)
		case kindVocab:
			var v struct {
				W map[string]string `json:"w"`
			}
			err = json.Unmarshal(data, &v)
			for w, st := range v.W {
				if st == "" {
					v.W[w] = w
				}
			}
			lf.vocab = v.W
		default:
			var c chunkFile
			err = json.Unmarshal(data, &c)
			lf.chunk = c.W
		}
		if err != nil {
			lf.err = fmt.Errorf("decode search file %s: %w", name, err)
		}
	})
	return lf, lf.err
}

// Candidate factors: how much a match of each kind counts.
const (
	factorExact  = 1.0
	factorPrefix = 0.8
	factorTypo   = 0.6
	maxPrefix    = 30
	bm25K1       = 1.2
	bm25B        = 0.75
)

type candidate struct {
	word   string
	factor float64
	entry  wordEntry
}

// hit is one query token's best match in one section.
type hit struct {
	score float64
	word  string
	pos   [numFields][]int
}

// Search returns the sections best matching q, at most limit of them,
// best first.
func (s *Searcher) Search(q string, limit int) ([]Result, error) {
	toks, prefixLast := s.queryTokens(q)
	if len(toks) == 0 || limit <= 0 {
		return nil, nil
	}
	n := float64(s.entry.Sections)
	perTok := make([]map[int]*hit, len(toks))
	for ti, tok := range toks {
		cands, err := s.candidates(tok, prefixLast && ti == len(toks)-1)
		if err != nil {
			return nil, err
		}
		hits := map[int]*hit{}
		for _, c := range cands {
			idf := idf(n, float64(c.entry.DF))
			scores := map[int]float64{}
			var secs []int
			for _, p := range c.entry.P {
				if len(p) < 4 || p[1] < 0 || p[1] >= numFields {
					continue
				}
				sec := p[0]
				if _, ok := scores[sec]; !ok {
					secs = append(secs, sec)
				}
				scores[sec] += postingScore(idf, p, s.avg)
			}
			for _, sec := range secs {
				sc := scores[sec] * c.factor
				if h := hits[sec]; h != nil && h.score >= sc {
					continue
				}
				h := &hit{score: sc, word: c.word}
				for _, p := range c.entry.P {
					if len(p) >= 4 && p[0] == sec && p[1] >= 0 && p[1] < numFields {
						h.pos[p[1]] = p[4:]
					}
				}
				hits[sec] = h
			}
		}
		perTok[ti] = hits
	}
	type scored struct {
		sec   int
		score float64
		words []string
	}
	var all []scored
	secSet := map[int]bool{}
	for _, hits := range perTok {
		for sec := range hits {
			secSet[sec] = true
		}
	}
	for sec := range secSet {
		sc := 0.0
		every := true
		var words []string
		for _, hits := range perTok {
			h := hits[sec]
			if h == nil {
				every = false
				continue
			}
			sc += h.score
			words = append(words, h.word)
		}
		if every && len(toks) > 1 {
			sc *= 2
		}
		sc *= proximity(perTok, sec)
		all = append(all, scored{sec: sec, score: sc, words: words})
	}
	slices.SortFunc(all, func(a, b scored) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.sec - b.sec
	})
	all = all[:min(limit, len(all))]
	results := make([]Result, 0, len(all))
	for _, r := range all {
		fr, err := s.fragment(r.sec)
		if err != nil {
			return nil, err
		}
		page, id, _ := strings.Cut(fr.U, "#")
		snip, hl := snippet(fr.X, r.words)
		crumbs := fr.B
		if crumbs == nil {
			crumbs = []string{}
		}
		results = append(results, Result{Page: page, Section: id, URL: fr.U, Title: fr.T, Heading: fr.H,
			Breadcrumbs: crumbs, Snippet: snip, Highlights: hl, Score: r.score})
	}
	return results, nil
}

// proximity is the boost for consecutive query tokens found next to each
// other (x1.5) or near each other (x1.2) in one field of a section.
func proximity(perTok []map[int]*hit, sec int) float64 {
	boost := 1.0
	for i := 0; i+1 < len(perTok); i++ {
		a, b := perTok[i][sec], perTok[i+1][sec]
		if a == nil || b == nil {
			continue
		}
		for f := range numFields {
			for _, pa := range a.pos[f] {
				for _, pb := range b.pos[f] {
					switch d := pb - pa; {
					case d == 1:
						return 1.5
					case d != 0 && d >= -5 && d <= 5:
						boost = 1.2
					}
				}
			}
		}
	}
	return boost
}

// queryTokens tokenizes q, dropping stop words unless nothing else is
// left, and tells whether the last token is a prefix.
func (s *Searcher) queryTokens(q string) ([]string, bool) {
	var words, kept []string
	for _, t := range tokenize(q) {
		words = append(words, t.word)
		if !s.stop[t.word] {
			kept = append(kept, t.word)
		}
	}
	if len(kept) == 0 {
		kept = words
	}
	last, _ := utf8.DecodeLastRuneInString(q)
	return kept, q != "" && !unicode.IsSpace(last)
}

// idf is the inverse document frequency of a word in df of n sections.
func idf(n, df float64) float64 { return math.Log(1 + (n-df+0.5)/(df+0.5)) }

// postingScore is a posting's BM25 contribution: p is [section, field, tf,
// fieldLen, ...] with a valid field, avg the mean field lengths.
func postingScore(idf float64, p []int, avg [numFields]float64) float64 {
	f, tf, fl := p[1], float64(p[2]), float64(p[3])
	norm := 1.0
	if avg[f] > 0 {
		norm = 1 - bm25B + bm25B*fl/avg[f]
	}
	return idf * fieldWeights[f] * tf * (bm25K1 + 1) / (tf + bm25K1*norm)
}

// candidates finds the indexed words a query token stands for, among the
// vocabulary of words with its first letter, and reads their postings.
func (s *Searcher) candidates(tok string, prefix bool) ([]candidate, error) {
	words, err := s.vocabulary(tok)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	slices.Sort(keys)
	var out []candidate
	taken := map[string]bool{}
	if st, ok := words[tok]; ok {
		for _, w := range keys {
			if words[w] == st {
				out = append(out, candidate{word: w, factor: factorExact})
				taken[w] = true
			}
		}
	}
	if prefix && utf8.RuneCountInString(tok) >= 2 {
		var pre []string
		for _, w := range keys {
			if !taken[w] && strings.HasPrefix(w, tok) {
				pre = append(pre, w)
			}
		}
		slices.SortStableFunc(pre, func(a, b string) int {
			return utf8.RuneCountInString(a) - utf8.RuneCountInString(b)
		})
		for _, w := range pre[:min(maxPrefix, len(pre))] {
			out = append(out, candidate{word: w, factor: factorPrefix})
			taken[w] = true
		}
	}
	if _, exact := words[tok]; !exact {
		if maxEdits := typoEdits(tok); maxEdits > 0 {
			t := []rune(tok)
			for _, w := range keys {
				if !taken[w] && editDistance(t, []rune(w), maxEdits) <= maxEdits {
					out = append(out, candidate{word: w, factor: factorTypo})
				}
			}
		}
	}
	for i := range out {
		e, err := s.postings(out[i].word)
		if err != nil {
			return nil, err
		}
		out[i].entry = e
	}
	return out, nil
}

// vocabulary reads the vocabulary files that may hold words with the
// token's first letter and returns those words with their stems.
func (s *Searcher) vocabulary(tok string) (map[string]string, error) {
	_, size := utf8.DecodeRuneInString(tok)
	first := tok[:size]
	words := map[string]string{}
	for _, v := range s.entry.Vocab {
		if !mayPrefix(v, first) {
			continue
		}
		lf, err := s.load(v.File, kindVocab)
		if err != nil {
			return nil, err
		}
		for w, st := range lf.vocab {
			if strings.HasPrefix(w, first) {
				words[w] = st
			}
		}
	}
	return words, nil
}

// postings reads a word's entry from the chunk whose range holds it.
func (s *Searcher) postings(w string) (wordEntry, error) {
	cs := s.entry.Chunks
	i := sort.Search(len(cs), func(i int) bool { return cs[i].From > w }) - 1
	if i < 0 || w > cs[i].To {
		return wordEntry{}, nil
	}
	lf, err := s.load(cs[i].File, kindChunk)
	if err != nil {
		return wordEntry{}, err
	}
	return lf.chunk[w], nil
}

// typoEdits is how many edits a token may be off by: 1 from 4 runes, 2
// from 8.
func typoEdits(tok string) int {
	switch n := utf8.RuneCountInString(tok); {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// mayPrefix reports whether the file of range c may hold words starting
// with p.
func mayPrefix(c chunkRef, p string) bool {
	return c.To >= p && (c.From <= p || strings.HasPrefix(c.From, p))
}

func (s *Searcher) fragment(sec int) (fragment, error) {
	size := s.entry.FragSize
	if size <= 0 || sec/size >= len(s.entry.Frags) {
		return fragment{}, fmt.Errorf("search section %d out of range", sec)
	}
	lf, err := s.load(s.entry.Frags[sec/size], kindFrag)
	if err != nil {
		return fragment{}, err
	}
	if sec%size >= len(lf.frags) {
		return fragment{}, fmt.Errorf("search section %d out of range", sec)
	}
	return lf.frags[sec%size], nil
}

// editDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and transpositions of neighbours);
// any distance above limit is reported as limit+1.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}
