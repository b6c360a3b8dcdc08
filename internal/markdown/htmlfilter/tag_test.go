package htmlfilter

import "testing"

func TestLiteral(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"<customer>", true},
		{"<summary of incident>", true},
		{"<summary>", false},
		{"<b>", false},
		{"</b>", false},
		{"</customer>", true},
		{"<script>", false}, // dropped, not shown
		{"<time>", true},
		{`<a href="x" target="_blank">`, false},
		{`<a hreff="x">`, true},
		{"<!-- c -->", false},
	} {
		if got := Literal([]byte(tc.in)); got != tc.want {
			t.Errorf("Literal(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestAnchorID(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{`<a href="#structure" id="structure">`, "structure", true},
		{`<a id="balance-settings">`, "balance-settings", true},
		{`<A ID="Up">`, "Up", true},
		{`<a name="old">`, "old", true},
		{`<a href="page.md" id="x">`, "", false},
		{`<a href="#x">`, "", false},
		{`<abbr id="x">`, "", false},
		{`<span id="x">`, "", false},
	} {
		got, ok := AnchorID([]byte(tc.in))
		if got != tc.want || ok != tc.ok {
			t.Errorf("AnchorID(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDropsContent(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"<script>", "script"},
		{`<SCRIPT src="x">`, "script"},
		{"<style>", "style"},
		{"<svg viewBox='0 0 1 1'>", "svg"},
		{"<iframe src=x>", "iframe"},
		{"<script/>", ""},
		{"<scripts>", ""},
		{"<b>", ""},
		{"</script>", ""},
		{"<meta charset=x>", ""},
	} {
		if got := DropsContent([]byte(tc.in)); got != tc.want {
			t.Errorf("DropsContent(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
