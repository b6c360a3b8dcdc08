package book

import "testing"

func TestSlugify(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Help and support", "help-and-support"},
		{`"How to" guides for staff`, "how-to-guides-for-staff"},
		{"Don't panic", "dont-panic"},
		{"Mattermost Leadership Team (MLT)", "mattermost-leadership-team-mlt"},
		{"  Équipe & Café  ", "équipe-café"},
		{"", ""},
	} {
		if got := Slugify(tc.in); got != tc.want {
			t.Errorf("Slugify(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPageSlug(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"README.md", ""},
		{"company/README.md", "company"},
		{"ops/tech_writing.md", "tech_writing"},
		{"a/b/readme.md", "b"},
		{"how-to-access-airbase.md", "how-to-access-airbase"},
	} {
		if got := pageSlug(tc.in); got != tc.want {
			t.Errorf("pageSlug(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestResolvePath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		from, target, want string
		ok                 bool
	}{
		{"guide/install.md", "../company/about.md", "company/about.md", true},
		{"guide/install.md", "/company/about.md", "company/about.md", true},
		{"guide/install.md", "./setup.md", "guide/setup.md", true},
		{"guide/install.md", "../../etc/passwd", "", false},
		{"README.md", "..", "", false},
		{"README.md", "./", ".", true},
		{"a/b.md", "//x.md", "x.md", true},
	} {
		got, ok := ResolvePath(tc.from, tc.target)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ResolvePath(%q, %q): got %q, %v, want %q, %v", tc.from, tc.target, got, ok, tc.want, tc.ok)
		}
	}
}
