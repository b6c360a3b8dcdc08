package blocks

import "testing"

func TestHumanSize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{-1, ""}, {0, "0 B"}, {1023, "1023 B"}, {1024, "1 KB"}, {1536, "1.5 KB"}, {2048, "2 KB"},
		{10 * 1024, "10 KB"}, {5 << 20, "5 MB"}, {1288490188, "1.2 GB"},
	} {
		if got := humanSize(tc.n); got != tc.want {
			t.Errorf("humanSize(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
