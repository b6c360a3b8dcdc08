package liquid

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzLiquid runs Parse, Scan and Pair on arbitrary input: no panic, Scan
// is deterministic and agrees with Parse, every offset is in bounds with
// Start < Stop, and Pair's tree is well nested and accounts for every tag.
// It is seeded from the table tests and from the pages of the blocks'
// golden files.
func FuzzLiquid(f *testing.F) {
	golden, _ := filepath.Glob("../blocks/testdata/*.txtar")
	for _, file := range golden {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range ar.Files {
			if strings.HasSuffix(s.Name, ".md") && !strings.HasSuffix(s.Name, ".degraded.md") {
				f.Add(s.Data)
			}
		}
	}
	for _, tc := range parseTests {
		f.Add([]byte(tc.in))
	}
	for _, tc := range parseErrorTests {
		f.Add([]byte(tc.in))
	}
	for _, tc := range scanTests {
		f.Add([]byte(tc.in))
	}
	for _, tc := range pairTests {
		f.Add([]byte(tc.in))
	}
	f.Add(generate(2000))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkParse(t, src)
		tags, errs := Scan(src)
		tags2, errs2 := Scan(src)
		if !reflect.DeepEqual(tags, tags2) || !reflect.DeepEqual(errs, errs2) {
			t.Fatal("got different results from two scans")
		}
		checkTags(t, src, tags)
		checkErrors(t, src, errs)
		nodes, perrs := Pair(tags)
		checkErrors(t, src, perrs)
		checkTree(t, tags, nodes, perrs)
	})
}

// checkParse checks Parse on src as it is.
func checkParse(t *testing.T, src []byte) {
	t.Helper()
	tag, n, err := Parse(src)
	if n < 0 || n > len(src) {
		t.Fatalf("Parse: got n %d, want within 0-%d", n, len(src))
	}
	if bytes.HasPrefix(src, []byte("{%")) && n < 2 {
		t.Fatalf("Parse: got n %d, want at least 2", n)
	}
	if err != nil {
		if _, ok := err.(*Error); !ok {
			t.Fatalf("Parse: got error %T, want *Error", err)
		}
		return
	}
	if tag.Start != 0 || tag.Stop != n {
		t.Fatalf("Parse: got tag %d-%d, want 0-%d", tag.Start, tag.Stop, n)
	}
}

// checkTags checks the offsets of tags found in src, and that Parse at each
// tag's start gives the same tag.
func checkTags(t *testing.T, src []byte, tags []Tag) {
	t.Helper()
	prev := 0
	for _, tag := range tags {
		if tag.Start < prev || tag.Start >= tag.Stop || tag.Stop > len(src) {
			t.Fatalf("got tag at %d-%d after %d in %d bytes", tag.Start, tag.Stop, prev, len(src))
		}
		prev = tag.Stop
		if !bytes.HasPrefix(src[tag.Start:], []byte("{%")) || !bytes.HasSuffix(src[:tag.Stop], []byte("%}")) {
			t.Fatalf("got tag %q, want one in {%% … %%}", src[tag.Start:tag.Stop])
		}
		if tag.Name == "" {
			t.Fatalf("got tag %q without a name", src[tag.Start:tag.Stop])
		}
		at := tag.Start
		for _, a := range tag.Args {
			if a.Start < at || a.Start >= a.Stop || a.Stop > tag.Stop ||
				a.ValueStart < a.Start || a.ValueStart > a.ValueStop || a.ValueStop > a.Stop {
				t.Fatalf("got arg %+v in tag %d-%d", a, tag.Start, tag.Stop)
			}
			at = a.Stop
		}
		again, n, err := Parse(src[tag.Start:])
		if err != nil || n != tag.Stop-tag.Start {
			t.Fatalf("Parse of scanned tag %q: got %d, %v", src[tag.Start:tag.Stop], n, err)
		}
		shift(&again, tag.Start)
		if !reflect.DeepEqual(again, tag) {
			t.Fatalf("Parse of scanned tag: got %+v, want %+v", again, tag)
		}
	}
}

// shift moves the offsets of t by d.
func shift(t *Tag, d int) {
	t.Start += d
	t.Stop += d
	for i := range t.Args {
		a := &t.Args[i]
		a.Start += d
		a.Stop += d
		a.ValueStart += d
		a.ValueStop += d
	}
}

// checkErrors checks that each error is in bounds and reads as a message.
func checkErrors(t *testing.T, src []byte, errs []*Error) {
	t.Helper()
	for _, e := range errs {
		if e.Offset < 0 || e.Offset > len(src) {
			t.Fatalf("got error %v outside 0-%d", e, len(src))
		}
		if e.Msg == "" || strings.HasSuffix(e.Msg, ".") || strings.ToLower(e.Msg[:1]) != e.Msg[:1] {
			t.Fatalf("got message %q, want lowercase without final period", e.Msg)
		}
	}
}

// checkTree checks that nodes, paired from tags, list tags in source order
// with each node's children between its tag and its end tag, and that every
// tag is in the tree or dropped as a stray end tag.
func checkTree(t *testing.T, tags []Tag, nodes []*Node, errs []*Error) {
	t.Helper()
	seen, prev := 0, 0
	var walk func([]*Node)
	walk = func(ns []*Node) {
		for _, n := range ns {
			if n.Tag.End || n.Tag.Start < prev {
				t.Fatalf("got node %+v after offset %d", n.Tag, prev)
			}
			prev = n.Tag.Stop
			seen++
			walk(n.Children)
			if n.End == nil {
				continue
			}
			if !n.End.End || n.End.Name != n.Tag.Name || n.End.Start < prev {
				t.Fatalf("got end %+v for %+v after offset %d", *n.End, n.Tag, prev)
			}
			prev = n.End.Stop
			seen++
		}
	}
	walk(nodes)
	dropped := 0
	for _, e := range errs {
		if strings.HasPrefix(e.Msg, "unexpected end tag") || strings.HasSuffix(e.Msg, "takes no end tag") {
			dropped++
		}
	}
	if seen+dropped != len(tags) {
		t.Fatalf("got %d tags in the tree and %d dropped, want %d", seen, dropped, len(tags))
	}
}
