package yamldiag

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/handbookhq/handbook/internal/diag"
)

func TestSyntaxErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		src   string
		line0 int
		want  string
	}{
		{
			name: "colon in value on the first line",
			src:  "description: Owner: Harrison Eaton\n",
			want: "f.yaml:1:19: error: value of \"description\" contains \": \" and must be quoted\n\thint: write description: \"Owner: Harrison Eaton\", in quotes",
		},
		{
			name:  "colon in value with a line offset",
			src:   "icon: rocket\ndescription: Note: read this # why\n",
			line0: 2,
			want:  "f.yaml:3:18: error: value of \"description\" contains \": \" and must be quoted\n\thint: write description: \"Note: read this\", in quotes",
		},
		{
			name: "colon in a nested value",
			src:  "a: 1\nb:\n  c: 1\n  d: x: y\n",
			want: "f.yaml:4:7: error: value of \"d\" contains \": \" and must be quoted\n\thint: write d: \"x: y\", in quotes",
		},
		{
			name: "colon in a key with a hash",
			src:  "redirects:\n  a/b#c: d: e\n",
			want: "f.yaml:2:11: error: value of \"a/b#c\" contains \": \" and must be quoted\n\thint: write a/b#c: \"d: e\", in quotes",
		},
		{
			name: "over-indented key",
			src:  "a: b\n  c: d\n",
			want: "f.yaml:2:3: error: invalid YAML: mapping values are not allowed in this context\n\thint: check the indentation: a line indented more than the one above cannot start a new key; quote values that contain \": \"",
		},
		{
			name: "tab indentation",
			src:  "a:\n\t- x\n",
			want: "f.yaml:2:1: error: tab character in indentation\n\thint: indent with spaces; YAML does not allow tabs",
		},
		{
			name: "reserved character",
			src:  "handle: @someone\n",
			want: "f.yaml:1:9: error: value of \"handle\" starts with \"@\", which YAML reserves\n\thint: put the value in quotes",
		},
		{
			name: "unclosed quote",
			src:  "a: \"unterminated\nb: 2\n",
			want: "f.yaml:2: error: invalid YAML: found unexpected end of stream\n\thint: a quoted value or a bracket is not closed",
		},
		{
			name: "unknown alias",
			src:  "a: 1\nb: *nope\n",
			want: "f.yaml:2:4: error: alias \"*nope\" refers to an anchor that is not defined\n\thint: define the anchor first with &nope, or quote the value if \"*\" is meant as text",
		},
		{
			name: "missing colon",
			src:  "a: 1\nb: 2\nc 2\nd: 3\n",
			want: "f.yaml:3:1: error: invalid YAML: could not find expected ':'\n\thint: check the indentation, and that each line is \"key: value\"; quote values that contain \":\", \"#\" or start with a special character",
		},
		{
			name: "unclosed flow list",
			src:  "a: [1, 2\n",
			want: "f.yaml:1:1: error: invalid YAML: did not find expected ',' or ']'\n\thint: check the indentation, and that each line is \"key: value\"; quote values that contain \":\", \"#\" or start with a special character",
		},
		{
			name: "second document",
			src:  "a: 1\n---\nb: 2\n",
			want: "f.yaml:2:1: warning: only the first YAML document is read\n\thint: remove the \"---\" line and what follows it, or merge the documents",
		},
		{
			name: "empty",
			src:  "",
		},
		{
			name: "comment only",
			src:  "# nothing\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, ds := Parse("f.yaml", []byte(tc.src), tc.line0)
			if got := ds.Error(); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestPairs(t *testing.T) {
	t.Parallel()
	src := "a: 1\nb: &x {c: 2}\na: 3\nd: *x\n? [k]\n: v\n"
	doc, ds := Parse("f.yaml", []byte(src), 10)
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	pairs, ds := doc.Pairs(doc.Root, diag.Warning)
	var keys []string
	for _, p := range pairs {
		keys = append(keys, p.Key+"@"+doc.Pos(p.KeyNode).String())
	}
	if got, want := strings.Join(keys, " "), "a@f.yaml:10:1 b@f.yaml:11:1 d@f.yaml:13:1"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got, want := pairs[2].Value.Kind, yaml.MappingNode; got != want {
		t.Errorf("got alias kind %v, want %v", got, want)
	}
	want := "f.yaml:12:1: warning: key \"a\" is already set on line 10\n\thint: remove one of the two; only the first is used\n" +
		"f.yaml:14:3: error: a key must be a plain name, not a list"
	if got := ds.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestScalars(t *testing.T) {
	t.Parallel()
	doc, _ := Parse("f.yaml", []byte("s: text\nn: 2024\nt: true\nf: False\ny: yes\nz: ~\ne:\nl: [1]\nm: {a: 1}\nq: 'x'\nlong: "+strings.Repeat("x", 50)+"\n"), 1)
	pairs, _ := doc.Pairs(doc.Root, diag.Error)
	for _, tc := range []struct {
		key      string
		scalar   string
		isScalar bool
		b, isB   bool
		null     bool
		describe string
	}{
		{"s", "text", true, false, false, false, `the text "text"`},
		{"n", "2024", true, false, false, false, "the number 2024"},
		{"t", "true", true, true, true, false, "true"},
		{"f", "False", true, false, true, false, "False"},
		{"y", "yes", true, false, false, false, `the text "yes"`},
		{"z", "", false, false, false, true, "null"},
		{"e", "", false, false, false, true, "null"},
		{"l", "", false, false, false, false, "a list"},
		{"m", "", false, false, false, false, "a mapping"},
		{"q", "x", true, false, false, false, `the text "x"`},
		{"long", strings.Repeat("x", 50), true, false, false, false, `the text "` + strings.Repeat("x", 37) + `..."`},
	} {
		var v *yaml.Node
		for _, p := range pairs {
			if p.Key == tc.key {
				v = p.Value
			}
		}
		s, ok := Scalar(v)
		b, isB := Bool(v)
		if s != tc.scalar || ok != tc.isScalar || b != tc.b || isB != tc.isB || IsNull(v) != tc.null || Describe(v) != tc.describe {
			t.Errorf("%s: got %q %v %v %v %v %s, want %q %v %v %v %v %s", tc.key,
				s, ok, b, isB, IsNull(v), Describe(v), tc.scalar, tc.isScalar, tc.b, tc.isB, tc.null, tc.describe)
		}
	}
}

func TestCutByComment(t *testing.T) {
	t.Parallel()
	doc, _ := Parse("f.yaml", []byte("a: Use C # daily\nb: 'C # daily'\nc: true # ok\nd: >-\n  C # daily\n"), 1)
	pairs, _ := doc.Pairs(doc.Root, diag.Error)
	var got []string
	for _, p := range pairs {
		if CutByComment(p.Value) {
			got = append(got, p.Key)
		}
	}
	if g, w := strings.Join(got, ","), "a"; g != w {
		t.Errorf("got %q, want %q", g, w)
	}
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	known := []string{"title", "base_url", "logo", "links", "edit_url", "footer", "description"}
	for _, tc := range []struct{ key, want string }{
		{"Title", "title"},
		{"baseURL", "base_url"},
		{"base-url", "base_url"},
		{"editurl", "edit_url"},
		{"fotoer", "footer"},
		{"descripton", "description"},
		{"link", "links"},
		{"lgo", "logo"},
		{"log", "logo"},
		{"xyz", ""},
		{"colour", ""},
	} {
		if got := Suggest(tc.key, known); got != tc.want {
			t.Errorf("Suggest(%q): got %q, want %q", tc.key, got, tc.want)
		}
	}
}

func FuzzYAML(f *testing.F) {
	for _, s := range []string{"a: b: c\n", "a:\n\t- x\n", "x: *y\n", "a: [\n", "k: @x\n", "- a\nb: 1\n", "\uFEFFa: 1\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, ds := Parse("f.yaml", src, 3)
		for _, d := range ds {
			if d.Pos.Line < 3 {
				t.Errorf("got line %d, want >= 3: %v", d.Pos.Line, d)
			}
		}
		if doc.Root != nil {
			_, _ = doc.Pairs(doc.Root, diag.Error)
		}
	})
}
