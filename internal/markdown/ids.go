package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// Slug turns heading text into an ID the way GitHub does: lower case,
// letters, marks, digits, '-' and '_' kept, each space turned into '-',
// everything else dropped. "Drafts at 1%, 50%, 99%" gives
// "drafts-at-1-50-99"; "Café ☕ menu" gives "café--menu".
func Slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case r == '_', unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsMark(r),
			unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ids hands out unique heading IDs within one document; it is goldmark's
// parser.IDs, created afresh for every Parse.
type ids struct {
	used map[string]bool
	next map[string]int // the suffix to try next for a base slug
}

func newIDs() *ids { return &ids{used: map[string]bool{}, next: map[string]int{}} }

// Generate returns the slug of value (plain text), made unique by a "-1",
// "-2", ... suffix. Text without any slug character gives "section".
func (s *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := max(s.next[base], 1); s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
		s.next[base] = i + 1
	}
	s.used[id] = true
	return []byte(id)
}

// Put reserves an ID written by the author.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }

// Interface guards
var _ parser.IDs = (*ids)(nil)
