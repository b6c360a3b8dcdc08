package frontmatter

import "testing"

func TestSplit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		src    string
		yaml   string
		isNil  bool
		body   string
		offset int
	}{
		{"none", "# Title\n", "", true, "# Title\n", 0},
		{"empty file", "", "", true, "", 0},
		{"simple", "---\ndescription: x\n---\n# T\n", "description: x\n", false, "# T\n", 23},
		{"crlf", "---\r\ndescription: x\r\n---\r\n# T\r\n", "description: x\r\n", false, "# T\r\n", 26},
		{"bom", "\uFEFF---\na: 1\n---\nbody", "a: 1\n", false, "body", 16},
		{"empty block", "---\n---\nbody", "", false, "body", 8},
		{"closing at end of file", "---\na: 1\n---", "a: 1\n", false, "", 12},
		{"trailing spaces on delimiters", "--- \na: 1\n---\t\nbody", "a: 1\n", false, "body", 15},
		{"multi-line block", "---\ndescription: >-\n  folded\n  text\n---\n\n# T", "description: >-\n  folded\n  text\n", false, "\n# T", 40},
		{"unclosed is a thematic break", "---\n\nSome text\n", "", true, "---\n\nSome text\n", 0},
		{"opening only", "---", "", true, "---", 0},
		{"not on the first line", "\n---\na: 1\n---\n", "", true, "\n---\na: 1\n---\n", 0},
		{"four dashes", "----\na: 1\n----\n", "", true, "----\na: 1\n----\n", 0},
		{"dots do not close", "---\na: 1\n...\nbody\n", "", true, "---\na: 1\n...\nbody\n", 0},
		{"later rule closes", "---\na: 1\n---\nx\n---\n", "a: 1\n", false, "x\n---\n", 13},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tc.src)
			yml, body, off := Split(src)
			if (yml == nil) != tc.isNil || string(yml) != tc.yaml {
				t.Errorf("got yaml %q (nil=%v), want %q (nil=%v)", yml, yml == nil, tc.yaml, tc.isNil)
			}
			if string(body) != tc.body || off != tc.offset {
				t.Errorf("got body %q at %d, want %q at %d", body, off, tc.body, tc.offset)
			}
			if string(src[off:]) != string(body) {
				t.Errorf("got src[%d:] = %q, want the body %q", off, src[off:], body)
			}
		})
	}
}
