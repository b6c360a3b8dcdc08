package blocks

import (
	"github.com/yuin/goldmark/parser"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// tableKey holds the *Table of the document being parsed.
var tableKey = parser.NewContextKey()

// Table is the per-document state of the block parsers: the paired tags
// of a prepared body, by offset, and the problems found while parsing. It
// lives in the parser.Context, so the parsers themselves hold no state.
type Table struct {
	starts   map[int]*liquid.Node // by offset of the start tag
	ends     map[int]*liquid.Node // by offset of the end tag
	problems []Problem
	seq      *int // tabs blocks numbered so far, shared with included files
}

// Problem is something wrong with a block, at a byte offset of the
// prepared source.
type Problem struct {
	Offset int
	Msg    string // lowercase, no final period
	Hint   string // optional: what to do about it
}

func newTable(src []byte, nodes []*liquid.Node) *Table {
	t := &Table{starts: map[int]*liquid.Node{}, ends: map[int]*liquid.Node{}}
	var walk func([]*liquid.Node)
	walk = func(ns []*liquid.Node) {
		for _, n := range ns {
			t.starts[n.Tag.Start] = n
			if n.End != nil {
				t.ends[n.End.Start] = n
			}
			walk(n.Children)
		}
	}
	walk(nodes)
	return t
}

// Share makes t number its tabs blocks after those of parent, the table of
// the page that includes t's file, so that their IDs do not repeat the
// page's.
func (t *Table) Share(parent *Table) {
	if parent != nil {
		if parent.seq == nil {
			parent.seq = new(int)
		}
		t.seq = parent.seq
	}
}

// next returns the number of the next tabs block.
func (t *Table) next() int {
	if t.seq == nil {
		t.seq = new(int)
	}
	*t.seq++
	return *t.seq
}

// Install puts t in the parser context pc, for the block parsers.
func (t *Table) Install(pc parser.Context) { pc.Set(tableKey, t) }

// Problems returns the problems found while preparing and parsing, in the
// order found.
func (t *Table) Problems() []Problem { return t.problems }

// problem records a problem once per offset and message.
func (t *Table) problem(off int, msg, hint string) {
	for _, p := range t.problems {
		if p.Offset == off && p.Msg == msg {
			return
		}
	}
	t.problems = append(t.problems, Problem{Offset: off, Msg: msg, Hint: hint})
}

// Start returns the tag starting at offset off, if any.
func (t *Table) Start(off int) *liquid.Node { return t.starts[off] }

// tableOf returns the table in pc, or an empty one.
func tableOf(pc parser.Context) *Table {
	if t, ok := pc.Get(tableKey).(*Table); ok {
		return t
	}
	return &Table{}
}
