package blocks

import "testing"

func TestTabSlug(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ title, want string }{
		{"macOS", "macos"},
		{"Self-hosted", "self-hosted"},
		{"Node.js", "node-js"},
		{"C++", "cplusplus"},
		{"C#", "csharp"},
		{"  Docker  Compose ", "docker-compose"},
		{"Café", "café"},
		{"index.js", "index-js"},
		{"???", ""},
		{"", ""},
	} {
		if got := tabSlug(tc.title); got != tc.want {
			t.Errorf("tabSlug(%q): got %q, want %q", tc.title, got, tc.want)
		}
	}
}
