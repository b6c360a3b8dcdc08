package expr

import (
	"errors"
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzExpr parses arbitrary input: no panic; an error is an *Error with an
// offset inside the input; an expression's canonical form parses back to
// the same canonical form, paths and value; evaluation is deterministic.
func FuzzExpr(f *testing.F) {
	for _, tc := range parseErrorTests {
		if len(tc.in) <= 1<<10 {
			f.Add(tc.in)
		}
	}
	for _, tc := range stringTests {
		f.Add(tc.in)
	}
	for _, tc := range evalTests {
		f.Add(tc.in)
	}
	scope := testScope()
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("got error %T, want *Error", err)
			}
			if pe.Offset < 0 || pe.Offset > len(src) || pe.Msg == "" {
				t.Fatalf("got offset %d and message %q for %d bytes", pe.Offset, pe.Msg, len(src))
			}
			return
		}
		s := e.String()
		if !utf8.ValidString(s) {
			t.Fatalf("canonical form %q is not UTF-8", s)
		}
		v := e.Eval(scope)
		if v2 := e.Eval(scope); !sameValue(v, v2) {
			t.Fatalf("%s: got %v then %v", s, v, v2)
		}
		_ = v.String()
		_ = v.Truthy()
		if len(s) > MaxLen {
			return // escapes and spaces made it longer than Parse accepts
		}
		e2, err := Parse(s)
		if err != nil {
			t.Fatalf("canonical form %s of %q: %v", s, src, err)
		}
		if s2 := e2.String(); s2 != s {
			t.Fatalf("canonical form of %q: got %s, then %s", src, s, s2)
		}
		if !slices.Equal(e.Paths(), e2.Paths()) {
			t.Fatalf("%s: paths %q, then %q", s, e.Paths(), e2.Paths())
		}
		if v2 := e2.Eval(scope); !sameValue(v, v2) {
			t.Fatalf("%s: got %v, then %v", s, v, v2)
		}
	})
}

// sameValue reports whether two values are the same, NaN included.
func sameValue(a, b Value) bool {
	return sameValueZero(a, b) || a.kind == Object && b.kind == Object && a.String() == b.String()
}
