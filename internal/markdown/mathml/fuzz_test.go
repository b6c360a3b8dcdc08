package mathml

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

// FuzzRender renders arbitrary TeX: no panic, two renders give the same
// MathML and error, the MathML is one well-formed math element, and an
// error is an *Error with an offset in the source and a lowercase message.
func FuzzRender(f *testing.F) {
	for _, tc := range append(renderTests, errorTests...) {
		f.Add(tc.tex, tc.display)
	}
	for _, tex := range benchInputs {
		f.Add(tex, true)
	}
	f.Fuzz(func(t *testing.T, tex string, display bool) {
		got, err := Render(tex, display)
		got2, err2 := Render(tex, display)
		if got != got2 {
			t.Fatalf("Render(%q): got different MathML from two renders:\n%s\n%s", tex, got, got2)
		}
		if (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("Render(%q): got different errors from two renders: %v, %v", tex, err, err2)
		}
		checkXML(t, got)
		prefix := "<math>"
		if display {
			prefix = `<math display="block">`
		}
		if !strings.HasPrefix(got, prefix) || !strings.HasSuffix(got, "</math>") {
			t.Fatalf("Render(%q): got %q, want a %s element", tex, got, prefix)
		}
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Render(%q): got error %T, want *Error", tex, err)
		}
		if e.Offset < 0 || e.Offset > len(tex) {
			t.Fatalf("Render(%q): got error offset %d, want within 0-%d", tex, e.Offset, len(tex))
		}
		if e.Msg == "" || unicode.IsUpper(rune(e.Msg[0])) || strings.HasSuffix(e.Msg, ".") {
			t.Fatalf("Render(%q): got error message %q, want lowercase without a final period", tex, e.Msg)
		}
	})
}
