package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
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
	version       = 1
	fragSize      = 64    // sections per fragment file
	chunkBytes    = 40000 // about this many bytes per word chunk
	maxPositions  = 8     // positions kept per posting
	maxTextRunes  = 600   // section text kept in a fragment
	hashHexDigits = 8
)

type entryFile struct {
	V        int                `json:"v"`
	Sections int                `json:"sections"`
	Avg      map[string]float64 `json:"avg"`
	Stop     []string           `json:"stop"`
	Chunks   []chunkRef         `json:"chunks"`
	Frags    []string           `json:"frags"`
	FragSize int                `json:"fragSize"`
}

type chunkRef struct {
	From string `json:"from"`
	To   string `json:"to"`
	File string `json:"file"`
}

type wordEntry struct {
	S string  `json:"s"`
	P [][]int `json:"p"`
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
	words := map[string]*wordEntry{}
	var frags []fragment
	var sumLen [numFields]float64
	var nLen [numFields]int
	section := 0
	for pi, p := range pages {
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
				n := indexField(words, section, f, txt)
				if n > 0 {
					sumLen[f] += float64(n)
					nLen[f]++
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
			frags = append(frags, fragment{U: u, P: pi, T: p.Title, H: s.Heading, B: crumbs, X: clip(collapse(s.Text), maxTextRunes)})
			section++
		}
	}
	idx := &Index{}
	e := entryFile{V: version, Sections: section, Avg: map[string]float64{}, Stop: stopWords, FragSize: fragSize}
	for f := range numFields {
		avg := 0.0
		if nLen[f] > 0 {
			avg = sumLen[f] / float64(nLen[f])
		}
		e.Avg[fieldNames[f]] = avg
	}
	e.Chunks = writeChunks(idx, words)
	for i := 0; i < len(frags); i += fragSize {
		data, _ := json.Marshal(frags[i:min(i+fragSize, len(frags))])
		e.Frags = append(e.Frags, idx.add("f", data))
	}
	data, _ := json.Marshal(e)
	idx.Entry = idx.add("entry", data)
	slices.SortFunc(idx.Files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return idx
}

// indexField adds the words of one field of a section to words and
// returns the field's length in indexed words. Stop words are indexed in
// titles only; positions count indexed words.
func indexField(words map[string]*wordEntry, section, field int, txt string) int {
	type acc struct {
		tf  int
		pos []int
	}
	var order []string
	seen := map[string]*acc{}
	n := 0
	for _, t := range tokenize(txt) {
		if field != fieldTitle && isStop(t.word) {
			continue
		}
		a := seen[t.word]
		if a == nil {
			a = &acc{}
			seen[t.word] = a
			order = append(order, t.word)
		}
		a.tf++
		if len(a.pos) < maxPositions {
			a.pos = append(a.pos, n)
		}
		n++
	}
	for _, w := range order {
		a := seen[w]
		we := words[w]
		if we == nil {
			we = &wordEntry{S: stem(w)}
			words[w] = we
		}
		we.P = append(we.P, append([]int{section, field, a.tf, n}, a.pos...))
	}
	return n
}

// writeChunks cuts the sorted words into files of about chunkBytes each.
func writeChunks(idx *Index, words map[string]*wordEntry) []chunkRef {
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	slices.Sort(keys)
	var refs []chunkRef
	var buf bytes.Buffer
	var first, last string
	flush := func() {
		if buf.Len() == 0 {
			return
		}
		buf.WriteString("}}")
		refs = append(refs, chunkRef{From: first, To: last, File: idx.add("i", bytes.Clone(buf.Bytes()))})
		buf.Reset()
	}
	for _, w := range keys {
		k, _ := json.Marshal(w)
		v, _ := json.Marshal(words[w])
		if buf.Len() > 0 && buf.Len()+len(k)+len(v) > chunkBytes {
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

// add stores data under its content-hashed name and returns the name.
func (idx *Index) add(kind string, data []byte) string {
	sum := sha256.Sum256(data)
	name := fmt.Sprintf("%s.%s.json", kind, hex.EncodeToString(sum[:])[:hashHexDigits])
	idx.Files = append(idx.Files, File{Name: name, Data: data})
	return name
}

// collapse turns every run of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip cuts s to at most n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for range n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
