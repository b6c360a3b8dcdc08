package htmlfilter

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// testIcon knows two icons, drawn as short placeholders.
func testIcon(name string) (string, bool) {
	for w := range strings.FieldsSeq(name) {
		switch strings.TrimPrefix(w, "fa-") {
		case "github":
			return `<svg class="icon">G</svg>`, true
		case "rocket":
			return `<svg class="icon">R</svg>`, true
		}
	}
	return "", false
}

func TestWriteGitBookMarkup(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in, want string
	}{
		{name: "icon drawn", in: `<i class="fa-github">:github:</i> GitHub`, want: `<svg class="icon">G</svg> GitHub`},
		{name: "icon alone", in: `<i class="fa-rocket">`, want: `<svg class="icon">R</svg>`},
		{name: "empty icon", in: `<i class="fa-rocket"></i>!`, want: `<svg class="icon">R</svg>!`},
		{name: "icon with colour", in: `<i class="fa-rocket" style="color:$primary;">:rocket:</i>`, want: `<span class="hb-color-primary"><svg class="icon">R</svg></span>`},
		{name: "unknown icon keeps fallback", in: `<i class="fa-nope">:nope:</i>`, want: `<i class="fa-nope">:nope:</i>`},
		{name: "unclosed icon keeps text", in: `<i class="fa-rocket">go on`, want: `<i class="fa-rocket">go on</i>`},
		{name: "plain italic", in: `<i>it</i>`, want: `<i>it</i>`},
		{name: "nested italic in icon", in: `<i class="fa-rocket"><i>x</i></i>y`, want: `<svg class="icon">R</svg>y`},
		{name: "button icon", in: `<a href="/s" class="button primary" data-icon="rocket">Go</a>`, want: `<a href="/s" class="button primary" data-icon="rocket"><svg class="icon">R</svg>Go</a>`},
		{name: "button unknown icon", in: `<a class="button secondary" data-icon="nope">Off</a>`, want: `<a class="button secondary" data-icon="nope">Off</a>`},
		{name: "search button", in: `<button type="submit" class="button primary" data-action="search" data-query="vpn" onclick="x()">Search…</button>`, want: `<button type="button" class="button primary" data-action="search" data-query="vpn">Search…</button>`},
		{name: "ask button searches", in: `a<button type="button" class="button secondary" data-action="ask" data-query="How?">Ask…</button>b`, want: `a<button type="button" class="button secondary" data-action="ask" data-query="How?">Ask…</button>b`},
		{name: "unknown action keeps text", in: `a<button data-action="call" data-query="x">Call</button>b`, want: `aCallb`},
		{name: "form button keeps text", in: `<button>Go</button>`, want: `Go`},
		{name: "mark colour", in: `<mark style="color:red;">r</mark>`, want: `<mark class="hb-color-red">r</mark>`},
		{name: "mark both", in: `<mark style="color:$info;background-color:YELLOW">x</mark>`, want: `<mark class="hb-color-info hb-bg-yellow">x</mark>`},
		{name: "mark css dropped", in: `<mark style="color:#f00;background:url(x)">x</mark>`, want: `<mark>x</mark>`},
		{name: "span class kept", in: `<span class="note" style="color:green">x</span>`, want: `<span class="note hb-color-green">x</span>`},
		{name: "table colour dropped", in: `<td style="color:red">x</td>`, want: `<td>x</td>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := Filter{Icon: testIcon}
			var b bytes.Buffer
			if err := f.Write(&b, []byte(tc.in), false); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(&b); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSuffix(b.String(), "\n"); got != tc.want {
				t.Errorf("Write(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSkipsContent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{`<script>`, "script"},
		{`<i class="fa-github">`, "i"},
		{`<i class="fab fa-github extra">`, "i"},
		{`<i class="fa-nope">`, ""},
		{`<i>`, ""},
		{`<i class="fa-github"/>`, ""},
		{`<button data-action="ask">`, ""},
		{`<button data-action="search">`, ""},
		{`<button>`, ""},
		{`</i>`, ""},
	} {
		if got := SkipsContent([]byte(tc.in), testIcon); got != tc.want {
			t.Errorf("SkipsContent(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNestKeepsOuterOpen(t *testing.T) {
	t.Parallel()
	var f Filter
	var b bytes.Buffer
	write := func(s string) {
		if err := f.Write(&b, []byte(s), false); err != nil {
			t.Fatal(err)
		}
	}
	write("<details>")
	n := f.Nest()
	write("<b>cell</details>")
	if err := f.Unnest(&b, n); err != nil {
		t.Fatal(err)
	}
	write("</details>")
	if want := "<details><b>cell</b></details>"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestIsColor(t *testing.T) {
	t.Parallel()
	for _, c := range []string{"red", "purple", "primary", "danger"} {
		if !IsColor(c) {
			t.Errorf("IsColor(%q) = false", c)
		}
	}
	for _, c := range []string{"", "$red", "Red", "#fff", "teal"} {
		if IsColor(c) {
			t.Errorf("IsColor(%q) = true", c)
		}
	}
}

func TestWriteReportsUnknownColoursAndIcons(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want []string // "offset: message"
	}{
		{in: `<mark style="color:red;background-color:$info">x</mark>`},
		{in: `<mark style="text-align:center">x</mark>`},
		{in: `<i class="fa-rocket">:r:</i>`},
		{in: `<mark style="color:#ff0000">x</mark>`, want: []string{`19: unknown text colour "#ff0000"`}},
		{in: `<span style="color: teal; background: url(x)">x</span>`, want: []string{
			`20: unknown text colour "teal"`, `38: unknown highlight colour "url(x)"`,
		}},
		{in: `<td style="color:teal">x</td>`}, // colours only count on text
		{in: `a <i class="fa-nope">:nope:</i>`, want: []string{`12: unknown icon "fa-nope"`}},
		{in: `<a class="button" data-icon="nope">Go</a>`, want: []string{`29: unknown icon "nope"`}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			var got []string
			f := Filter{Icon: testIcon, Problem: func(off int, msg, hint string) {
				if hint == "" {
					t.Errorf("no hint for %q", msg)
				}
				got = append(got, strconv.Itoa(off)+": "+msg)
			}}
			var b bytes.Buffer
			if err := f.Write(&b, []byte(tc.in), false); err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}
