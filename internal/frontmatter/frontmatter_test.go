package frontmatter

import (
	"reflect"
	"testing"
)

func TestDefault(t *testing.T) {
	t.Parallel()
	want := FrontMatter{Layout: Layout{true, true, true, true, true, true, "default"}}
	if got := Default(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	got, ds := Parse("p.md", nil, 2)
	if !reflect.DeepEqual(got, want) || len(ds) != 0 {
		t.Errorf("got %+v %v for no YAML, want %+v and no diagnostics", got, ds, want)
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	def := Default()
	with := func(f func(*FrontMatter)) FrontMatter {
		fm := def
		f(&fm)
		return fm
	}
	for _, tc := range []struct {
		name  string
		yaml  string
		want  FrontMatter
		diags string
	}{
		{"empty", "", def, ""},
		{"comment only", "# nothing\n", def, ""},
		{"description", "description: A Guide to Time Off\n", with(func(f *FrontMatter) { f.Description = "A Guide to Time Off" }), ""},
		{
			"folded description",
			"description: >-\n  After hitting an issue, we should\n  complete a retrospective.\n",
			with(func(f *FrontMatter) { f.Description = "After hitting an issue, we should complete a retrospective." }),
			"",
		},
		{"quoted description with a colon", "description: 'Owner: Harrison Eaton'\n", with(func(f *FrontMatter) { f.Description = "Owner: Harrison Eaton" }), ""},
		{"percent in a plain description", "description: 50% - this page is a Work-In-Progress\n", with(func(f *FrontMatter) { f.Description = "50% - this page is a Work-In-Progress" }), ""},
		{"null description", "description: null\n", def, ""},
		{"number as description", "description: 2024\n", with(func(f *FrontMatter) { f.Description = "2024" }), ""},
		{
			"flags and icon",
			"icon: rocket\nhidden: true\nnoIndex: true\nnoRobotsIndex: false\n",
			with(func(f *FrontMatter) { f.Icon, f.Hidden, f.NoIndex = "rocket", true, true }),
			"",
		},
		{"visibility private", "visibility: private\n", with(func(f *FrontMatter) { f.Private = true }), ""},
		{"visibility public", "visibility: public\n", def, ""},
		{"visibility null", "visibility:\n", def, ""},
		{"quoted visibility", "visibility: \"private\"\n", with(func(f *FrontMatter) { f.Private = true }), ""},
		{
			"misspelt visibility keeps the page private",
			"visibility: privat\n",
			with(func(f *FrontMatter) { f.Private = true }),
			"p.md:2:13: error: front matter key \"visibility\" must be private or public, not the text \"privat\"\n\thint: write private or public",
		},
		{
			"visibility in capitals",
			"visibility: Public\n",
			with(func(f *FrontMatter) { f.Private = true }),
			"p.md:2:13: error: front matter key \"visibility\" must be private or public, not the text \"Public\"\n\thint: write private or public",
		},
		{
			"visibility as a boolean",
			"icon: lock\nvisibility: true\n",
			with(func(f *FrontMatter) { f.Icon, f.Private = "lock", true }),
			"p.md:3:13: error: front matter key \"visibility\" must be private or public, not true\n\thint: write private or public",
		},
		{
			"visibility as a list",
			"visibility: [private]\n",
			with(func(f *FrontMatter) { f.Private = true }),
			"p.md:2:13: error: front matter key \"visibility\" must be private or public, not a list\n\thint: write private or public",
		},
		{
			"visibility in capitals as a key",
			"Visibility: private\n",
			def,
			"p.md:2:1: error: unknown front matter key \"Visibility\"\n\thint: did you mean \"visibility\"? the page is public until the key is spelt right",
		},
		{
			"misspelt visibility key",
			"visiblity: private\n",
			def,
			"p.md:2:1: error: unknown front matter key \"visiblity\"\n\thint: did you mean \"visibility\"? the page is public until the key is spelt right",
		},
		{
			"layout from the spec",
			`layout:
  width: wide
  title: { visible: false }
  description: { visible: false }
  tableOfContents: { visible: true }
  outline: { visible: false }
  pagination: { visible: false }
  metadata: { visible: true }
  tags: { visible: false }
  actions: { visible: false }
  cover: { visible: true, size: hero, mask: none }
`,
			with(func(f *FrontMatter) {
				f.Layout = Layout{Title: false, Description: false, TableOfContents: true, Outline: false, Pagination: false, Metadata: true, Width: "wide"}
			}),
			"",
		},
		{
			"other known keys are accepted",
			"cover: .gitbook/assets/hero.png\ncoverY: -40\ncoverHeight: 250.5\nif: visitor.claims.unsigned.isBeta\nvars:\n  product: Acme\ntags:\n  - guide\n  - tag: setup\n    primary: true\n",
			func() FrontMatter { fm := def; fm.Vars = map[string]any{"product": "Acme"}; return fm }(),
			"",
		},
		{
			"mis-cased key",
			"Description: >-\n  Welcome to the People Team page.\n",
			def,
			"p.md:2:1: warning: unknown front matter key \"Description\"\n\thint: did you mean \"description\"?",
		},
		{
			"unknown key without a close match",
			"author: Jane\n",
			def,
			"p.md:2:1: warning: unknown front matter key \"author\"\n\thint: GitBook ignores it; known keys are description, icon, cover, coverY, coverHeight, hidden, noIndex, noRobotsIndex, if, vars, tags, layout, visibility",
		},
		{
			"typo in a key",
			"noindex: true\nhiden: true\n",
			def,
			"p.md:2:1: warning: unknown front matter key \"noindex\"\n\thint: did you mean \"noIndex\"?\n" +
				"p.md:3:1: warning: unknown front matter key \"hiden\"\n\thint: did you mean \"hidden\"?",
		},
		{
			"unknown layout keys",
			"layout:\n  widht: wide\n  title: { visble: false }\n",
			def,
			"p.md:3:3: warning: unknown layout key \"widht\"\n\thint: did you mean \"width\"?\n" +
				"p.md:4:12: warning: unknown layout.title key \"visble\"\n\thint: did you mean \"visible\"?",
		},
		{
			"unknown width",
			"layout:\n  width: full\n",
			def,
			"p.md:3:10: warning: unknown layout width \"full\"\n\thint: use \"default\" or \"wide\"; the page uses the default width",
		},
		{
			"wrong types are errors",
			"hidden: yes\ndescription: [a, b]\nlayout: wide\ncoverY: top\ntags: guide\nvars: 3\n",
			def,
			"p.md:2:9: error: front matter key \"hidden\" must be true or false, not the text \"yes\"\n\thint: write hidden: true or hidden: false\n" +
				"p.md:3:14: error: front matter key \"description\" must be text, not a list\n\thint: write the text on the same line, in quotes if it contains \": \", or as a block: description: >-\n" +
				"p.md:4:9: error: front matter key \"layout\" must be a mapping, not the text \"wide\"\n\thint: indent \"name: value\" lines under layout:\n" +
				"p.md:5:9: error: front matter key \"coverY\" must be a number, not the text \"top\"\n\thint: write a number of pixels, such as coverY: 0\n" +
				"p.md:6:7: error: front matter key \"tags\" must be a list, not the text \"guide\"\n\thint: write a list of tag names, such as tags: [guide, setup]\n" +
				"p.md:7:7: error: front matter key \"vars\" must be a mapping, not the number 3\n\thint: indent \"name: value\" lines under vars:",
		},
		{
			"wrong types inside layout",
			"layout:\n  title: false\n  outline: { visible: 'no' }\n",
			def,
			"p.md:3:10: error: front matter key \"layout.title\" must be a mapping, not false\n\thint: write title: { visible: false }, indented under layout:\n" +
				"p.md:4:23: error: front matter key \"layout.outline.visible\" must be true or false, not the text \"no\"\n\thint: write visible: true or visible: false",
		},
		{
			"null values keep defaults",
			"hidden:\nlayout:\n  title:\n  outline: { visible: ~ }\n",
			def,
			"",
		},
		{
			"unquoted colon",
			"description: Owner: Harrison Eaton\n",
			def,
			"p.md:2:19: error: value of \"description\" contains \": \" and must be quoted\n\thint: write description: \"Owner: Harrison Eaton\", in quotes",
		},
		{
			"unquoted colon on a later line",
			"icon: book\ndescription: Note: this is old\n",
			def,
			"p.md:3:18: error: value of \"description\" contains \": \" and must be quoted\n\thint: write description: \"Note: this is old\", in quotes",
		},
		{
			"hash cuts a value",
			"description: Use C # daily\n",
			with(func(f *FrontMatter) { f.Description = "Use C" }),
			"p.md:2:14: warning: value of \"description\" ends at \" #\", which starts a comment\n\thint: put the whole value in quotes if the \"#\" is part of it",
		},
		{
			"duplicate key",
			"description: a\ndescription: b\n",
			with(func(f *FrontMatter) { f.Description = "a" }),
			"p.md:3:1: error: key \"description\" is already set on line 2\n\thint: remove one of the two; only the first is used",
		},
		{
			"not a mapping",
			"just some text\n",
			def,
			"p.md:2:1: error: front matter must be a mapping of keys to values, not the text \"just some text\"\n\thint: write one \"key: value\" per line between the \"---\" lines, such as \"description: What this page is about\"",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, ds := Parse("p.md", []byte(tc.yaml), 2)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if g := ds.Error(); g != tc.diags {
				t.Errorf("diagnostics:\ngot:\n%s\nwant:\n%s", g, tc.diags)
			}
		})
	}
}

func TestSplitThenParseLines(t *testing.T) {
	t.Parallel()
	src := []byte("\uFEFF---\r\nicon: x\r\nhidden: maybe\r\n---\r\n# Page\r\n")
	yml, body, off := Split(src)
	_, ds := Parse("a/b.md", yml, 2)
	if got, want := ds.Error(), "a/b.md:3:9: error: front matter key \"hidden\" must be true or false, not the text \"maybe\"\n\thint: write hidden: true or hidden: false"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if string(body) != "# Page\r\n" || off != len(src)-len(body) {
		t.Errorf("got body %q at %d, want \"# Page\\r\\n\" at %d", body, off, len(src)-len(body))
	}
}
