package htmlfilter

import (
	"reflect"
	"testing"
)

func TestScheme(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"https://x", "https"},
		{"HTTP://x", "http"},
		{"  javascript:x", "javascript"},
		{"java\tscript:x", "javascript"},
		{"\x01javascript:x", "javascript"},
		{"mailto:a@b", "mailto"},
		{"page.md", ""},
		{"./a:b", ""},
		{"../a.md#x:y", ""},
		{":x", ""},
		{"1http:x", ""},
		{"a b:c", ""},
	} {
		if got := Scheme(tc.in); got != tc.want {
			t.Errorf("Scheme(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUnsafe(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in          string
		image, want bool
	}{
		{"javascript:alert(1)", false, true},
		{"JavaScript:alert(1)", true, true},
		{"vbscript:x", false, true},
		{"data:text/html,x", false, true},
		{"data:image/png;base64,AA", false, true},
		{"data:image/png;base64,AA", true, false},
		{"data: IMAGE/svg+xml,x", true, false},
		{"data:text/html,x", true, true},
		{"https://x", false, false},
		{"page.md", false, false},
	} {
		if got := Unsafe(tc.in, tc.image); got != tc.want {
			t.Errorf("Unsafe(%q, %v) = %v, want %v", tc.in, tc.image, got, tc.want)
		}
	}
}

func TestExternal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"https://x", true},
		{"http://x", true},
		{"//cdn.example/x", true},
		{"/local", false},
		{"mailto:a@b", false},
		{"#frag", false},
	} {
		if got := External(tc.in); got != tc.want {
			t.Errorf("External(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestParseSrcset(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want []candidate
	}{
		{"a.png", []candidate{{url: "a.png"}}},
		{"a.png 1x, b.png 2x", []candidate{{url: "a.png", desc: "1x"}, {url: "b.png", desc: "2x", off: 10}}},
		{"a.png, b.png 100w", []candidate{{url: "a.png"}, {url: "b.png", desc: "100w", off: 7}}},
		{"a.png,b.png 100w", []candidate{{url: "a.png,b.png", desc: "100w"}}}, // commas inside a URL
		{" a.png (x, y) 1x ,", []candidate{{url: "a.png", desc: "(x, y) 1x", off: 1}}},
		{"", nil},
	} {
		if got := parseSrcset(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("parseSrcset(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}
