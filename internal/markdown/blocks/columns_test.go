package blocks

import "testing"

func TestParsePercent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want string // formatted; "" when not valid
	}{
		{"40%", "40"},
		{" 33.333% ", "33.33"},
		{"66.666%", "66.67"},
		{"0.5%", "0.5"},
		{"0%", ""},
		{"100%", ""},
		{"40", ""},
		{"40px", ""},
		{"-10%", ""},
		{"1e1%", ""},
		{"50%;color:red", ""},
		{"%", ""},
		{"", ""},
	} {
		v, ok := parsePercent(tc.in)
		got := ""
		if ok {
			got = formatPercent(v)
		}
		if got != tc.want {
			t.Errorf("parsePercent(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}
