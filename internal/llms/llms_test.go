package llms

import (
	"strings"
	"testing"
)

func TestWriteIndex(t *testing.T) {
	t.Parallel()
	pages := []Page{
		{Title: "Home", Markdown: "/README.md", Description: "Start\n  here"},
		{Title: "Values [draft]", Markdown: "/company/values (old).md", Group: "Company"},
		{Title: "Pay", Markdown: "/company/pay.md", Group: "Company", Depth: 1},
		{Title: "On-call", Markdown: "/eng/on-call.md", Group: "Engineering"},
	}
	var b strings.Builder
	if err := WriteIndex(&b, "Acme\nHandbook", "What we do.", pages); err != nil {
		t.Fatal(err)
	}
	want := `# Acme Handbook

> What we do.

- [Home](/README.md): Start here

## Company

- [Values \[draft\]](/company/values%20%28old%29.md)
- [Pay](/company/pay.md)

## Engineering

- [On-call](/eng/on-call.md)
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestWriteFull(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := WriteFull(&b, [][]byte{[]byte("# A\n\nText\n\n"), []byte("# B\n")}, "/llms-full-2.txt"); err != nil {
		t.Fatal(err)
	}
	want := "# A\n\nText\n\n# B\n\n---\n\n[Next Page](/llms-full-2.txt)\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	for _, tc := range []struct{ n, size, want int }{{0, 100, 1}, {1, 100, 1}, {100, 100, 1}, {101, 100, 2}, {283, 100, 3}, {7, 2, 4}, {5, 0, 1}} {
		if got := Batches(tc.n, tc.size); got != tc.want {
			t.Errorf("Batches(%d, %d) = %d, want %d", tc.n, tc.size, got, tc.want)
		}
	}
	if FullName(0) != "llms-full.txt" || FullName(2) != "llms-full-3.txt" {
		t.Errorf("FullName: %q, %q", FullName(0), FullName(2))
	}
}

func TestClosest(t *testing.T) {
	t.Parallel()
	pages := []Page{
		{Title: "Home", URL: "/"},
		{Title: "Travel and expenses", URL: "https://h.test/docs/policies/travel"},
		{Title: "Security", URL: "https://h.test/docs/policies/security"},
		{Title: "Your first week", URL: "https://h.test/docs/onboarding/first-week"},
		{Title: "Onboarding", URL: "https://h.test/docs/onboarding"},
	}
	for _, tc := range []struct {
		path string
		want string // the best page's title
	}{
		{"/docs/policies/travl.md", "Travel and expenses"},
		{"/docs/policy/securty.md", "Security"},
		{"/onboarding/first-weeks.md", "Your first week"},
		{"/expenses.md", "Travel and expenses"},
		{"/docs/onboard.md", "Onboarding"},
	} {
		got := Closest(pages, tc.path, 3)
		if len(got) == 0 || got[0].Title != tc.want {
			t.Errorf("Closest(%q) = %v, want %q first", tc.path, titles(got), tc.want)
		}
	}
	if got := Closest(pages, "/zzzz-qqqq.md", 5); len(got) != 0 {
		t.Errorf("Closest of an unrelated path = %v, want none", titles(got))
	}
	if got := Closest(pages, "/policies.md", 1); len(got) != 1 {
		t.Errorf("Closest with n=1 gave %d pages", len(got))
	}
}

func TestWriteNotFound(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	_ = WriteNotFound(&b, "/a`b.md", []Page{{Title: "A", Markdown: "/a.md", Description: "The A"}}, "/llms.txt")
	want := "# Page Not Found\n\nThere is no page at `/ab.md`.\n\nThe closest pages are:\n\n- [A](/a.md): The A\n\nEvery page is listed in [llms.txt](/llms.txt).\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func titles(ps []Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Title)
	}
	return out
}
