package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Page is one page to index. Sections[0] is the text before the first
// heading (ID and Heading empty).
type Page struct {
	URL         string // with the site base, e.g. "/docs/guide/setup"
	Title       string
	Breadcrumbs []string // titles of the groups and parents above the page
	Description string
	Sections    []Section
}

// Section is the text under one heading of a page.
type Section struct {
	ID      string // the heading's anchor; "" for the text before any heading
	Heading string
	Level   int
	Text    string
}

// EntryName is the name of the entry file. It is the one file whose name
// is not a hash of its content, so that pages can name it before the index
// is built; it is small, and hosts should let browsers revalidate it.
const EntryName = "entry.json"

// Index is a built index: the files to publish under one directory.
type Index struct {
	Entry string // name of the entry file, among Files
	Files []File // sorted by name
}

// File is one file of an index.
type File struct {
	Name string
	Data []byte
}

// The fields of a section, in the order of the postings' field numbers.
const (
	fieldTitle = iota
	fieldHeading
	fieldDescription
	fieldBody
	numFields
)

var fieldNames = [numFields]string{"t", "h", "d", "b"}

// fieldWeights are the fields' BM25 weights.
var fieldWeights = [numFields]float64{10, 5, 3, 1}

const (
	version          = 2
	fragSize         = 16    // sections per fragment file: small, as a query reads several
	chunkBytes       = 40000 // about this many bytes per postings chunk
	vocabBytes       = 16000 // about this many bytes per vocabulary file
	maxPostings      = 400   // postings kept per word: its best
	maxBlock         = 8192  // int32s per block of postings while building
	maxPositions     = 8     // positions kept per title or heading posting
	maxBodyPositions = 4     // positions kept per description or body posting
	maxTextRunes     = 600   // section text kept in a fragment
	hashHexDigits    = 8
)

type entryFile struct {
	V        int                `json:"v"`
	Sections int                `json:"sections"`
	Avg      map[string]float64 `json:"avg"`
	Stop     []string           `json:"stop"`
	Vocab    []chunkRef         `json:"vocab"`
	Chunks   []chunkRef         `json:"chunks"`
	Frags    []string           `json:"frags"`
	FragSize int                `json:"fragSize"`
}

type chunkRef struct {
	From string `json:"from"`
	To   string `json:"to"`
	File string `json:"file"`
}

// wordEntry is a word's entry in a postings chunk: its document frequency
// (the number of postings before truncation) and its best postings.
type wordEntry struct {
	DF int     `json:"df"`
	P  [][]int `json:"p"`
}

// buildWord is a word while the index is built. Its postings are stored
// each as section, field, tf, fieldLen, the number of positions and the
// positions, one after the other, in blocks that grow up to maxBlock
// int32s and are never copied to grow; a posting never spans two blocks.
type buildWord struct {
	stem   string
	df     int
	blocks [][]int32
	stop   bool // a stop word: indexed in titles only
	// field is the shard's count of fields when the word was last met,
	// and acc its place in the shard's accs then.
	field, acc int
}

type chunkFile struct {
	W map[string]wordEntry `json:"w"`
}

type fragment struct {
	U string   `json:"u"`
	P int      `json:"p"`
	T string   `json:"t"`
	H string   `json:"h"`
	B []string `json:"b"`
	X string   `json:"x"`
}

// Build indexes pages, numbering their sections in the order given. The
// same pages always give the same files.
func Build(pages []Page) *Index {
	// Runs of pages are indexed in parallel; appending the runs' postings
	// in page order keeps every word's postings in section order.
	first := make([]int, len(pages)+1)
	for i, p := range pages {
		first[i+1] = first[i] + max(1, len(p.Sections))
	}
	nw := max(1, min(runtime.GOMAXPROCS(0), len(pages)))
	shards := make([]*shard, nw)
	var wg sync.WaitGroup
	for k := range nw {
		lo, hi := len(pages)*k/nw, len(pages)*(k+1)/nw
		sh := &shard{words: map[string]*buildWord{}}
		shards[k] = sh
		wg.Go(func() { sh.index(pages, lo, hi, first[lo]) })
	}
	wg.Wait()
	// The fragment files are encoded while the words are merged and
	// their postings written.
	var frags []fragment
	for _, sh := range shards {
		frags = append(frags, sh.frags...)
	}
	fragData := make([][]byte, (len(frags)+fragSize-1)/fragSize)
	var next atomic.Int64
	for range nw {
		wg.Go(func() {
			for k := int(next.Add(1)) - 1; k < len(fragData); k = int(next.Add(1)) - 1 {
				fragData[k], _ = json.Marshal(frags[k*fragSize : min((k+1)*fragSize, len(frags))])
			}
		})
	}
	words := shards[0].words
	var sumLen [numFields]float64
	var nLen [numFields]int
	for k, sh := range shards {
		if k > 0 {
			for w, bw := range sh.words {
				if g := words[w]; g != nil {
					g.df += bw.df
					g.blocks = append(g.blocks, bw.blocks...)
				} else {
					words[w] = bw
				}
			}
		}
		for f := range numFields {
			sumLen[f] += sh.sumLen[f]
			nLen[f] += sh.nLen[f]
		}
	}
	section := first[len(pages)]
	idx := &Index{}
	e := entryFile{V: version, Sections: section, Avg: map[string]float64{}, Stop: stopWords, FragSize: fragSize}
	var avg [numFields]float64
	for f := range numFields {
		if nLen[f] > 0 {
			avg[f] = sumLen[f] / float64(nLen[f])
		}
		e.Avg[fieldNames[f]] = avg[f]
	}
	keys := make([]string, 0, len(words))
	for w, bw := range words {
		if bw.df > 0 {
			keys = append(keys, w)
		}
	}
	slices.Sort(keys)
	e.Vocab = writeVocab(idx, keys, words)
	e.Chunks = writeChunks(idx, keys, words, float64(section), avg)
	wg.Wait()
	for _, data := range fragData {
		e.Frags = append(e.Frags, idx.add("f", data))
	}
	data, _ := json.Marshal(e)
	idx.Entry = EntryName
	idx.Files = append(idx.Files, File{Name: EntryName, Data: data})
	slices.SortFunc(idx.Files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return idx
}

// shard indexes a run of pages.
type shard struct {
	words  map[string]*buildWord
	frags  []fragment
	sumLen [numFields]float64
	nLen   [numFields]int
	fields int     // fields indexed so far
	accs   []acc   // the words of the field being indexed
	toks   []token // the tokens of the field being indexed
}

// acc is a word's count and first positions in one field.
type acc struct {
	bw  *buildWord
	tf  int
	np  int
	pos [maxPositions]int
}

// index indexes pages[lo:hi], whose first section is number section.
func (sh *shard) index(pages []Page, lo, hi, section int) {
	for pi := lo; pi < hi; pi++ {
		p := pages[pi]
		secs := p.Sections
		if len(secs) == 0 {
			secs = []Section{{}}
		}
		for si, s := range secs {
			fields := [numFields]string{p.Title, s.Heading, "", s.Text}
			if si == 0 {
				fields[fieldDescription] = p.Description
			}
			for f, txt := range fields {
				n := sh.indexField(section, f, txt)
				if n > 0 {
					sh.sumLen[f] += float64(n)
					sh.nLen[f]++
				}
			}
			u := p.URL
			if s.ID != "" {
				u += "#" + s.ID
			}
			crumbs := p.Breadcrumbs
			if crumbs == nil {
				crumbs = []string{}
			}
			sh.frags = append(sh.frags, fragment{U: u, P: pi, T: p.Title, H: s.Heading, B: crumbs, X: collapseClip(s.Text, maxTextRunes)})
			section++
		}
	}
}

// indexField adds the words of one field of a section to the shard's
// words and returns the field's length in indexed words. Stop words are
// indexed in titles only; positions count indexed words.
func (sh *shard) indexField(section, field int, txt string) int {
	if txt == "" {
		return 0
	}
	sh.fields++
	sh.accs = sh.accs[:0]
	n := 0
	keep := maxPositions
	if field == fieldDescription || field == fieldBody {
		keep = maxBodyPositions
	}
	sh.toks = appendTokens(sh.toks[:0], txt)
	for _, t := range sh.toks {
		bw := sh.words[t.word]
		if bw == nil {
			bw = &buildWord{stem: stem(t.word), stop: isStop(t.word)}
			sh.words[t.word] = bw
		}
		if bw.stop && field != fieldTitle {
			continue
		}
		if bw.field != sh.fields {
			bw.field, bw.acc = sh.fields, len(sh.accs)
			sh.accs = append(sh.accs, acc{bw: bw})
		}
		a := &sh.accs[bw.acc]
		a.tf++
		if a.np < keep {
			a.pos[a.np] = n
			a.np++
		}
		n++
	}
	for i := range sh.accs {
		a := &sh.accs[i]
		bw := a.bw
		bw.df++
		nb := len(bw.blocks)
		if nb == 0 || cap(bw.blocks[nb-1])-len(bw.blocks[nb-1]) < 5+a.np {
			size := 32
			if nb > 0 {
				size = min(2*cap(bw.blocks[nb-1]), maxBlock)
			}
			bw.blocks = append(bw.blocks, make([]int32, 0, size))
			nb++
		}
		b := append(bw.blocks[nb-1], int32(section), int32(field), int32(a.tf), int32(n), int32(a.np))
		for _, q := range a.pos[:a.np] {
			b = append(b, int32(q))
		}
		bw.blocks[nb-1] = b
	}
	return n
}

// add stores data under its content-hashed name and returns the name.
func (idx *Index) add(kind string, data []byte) string {
	sum := sha256.Sum256(data)
	name := fmt.Sprintf("%s.%s.json", kind, hex.EncodeToString(sum[:])[:hashHexDigits])
	idx.Files = append(idx.Files, File{Name: name, Data: data})
	return name
}

// collapseClip turns every run of white space in s into one space, drops
// it at both ends and keeps at most n runes.
func collapseClip(s string, n int) string {
	b := make([]byte, 0, min(len(s), n*utf8.UTFMax))
	runes, space := 0, false
	for i := 0; i < len(s) && runes < n; {
		size, isSpace := 1, false
		if c := s[i]; c < utf8.RuneSelf {
			isSpace = c == ' ' || '\t' <= c && c <= '\r'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			space = len(b) > 0
			i += size
			continue
		}
		if space {
			b = append(b, ' ')
			runes++
			space = false
			if runes == n {
				break
			}
		}
		b = append(b, s[i:i+size]...)
		runes++
		i += size
	}
	return string(b)
}
