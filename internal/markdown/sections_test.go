package markdown_test

import (
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/markdown"
)

func TestSections(t *testing.T) {
	t.Parallel()
	src := "# Title\n\nIntro *text* with `code`.\n\n" +
		"## Setup <a href=\"#install\" id=\"install\"></a>\n\nRun it.\n\n```sh\nmake build\n```\n\n" +
		"{% hint style=\"info\" %}\nHinted words.\n{% endhint %}\n\n" +
		"### Table\n\n| A | B |\n|---|---|\n| cell one | cell two |\n\n<div><p>Raw <b>html</b></p></div>\n"
	d := markdown.New().Parse([]byte(src))
	got := d.Sections()
	want := []markdown.Section{
		{Text: "Intro text with code."},
		{ID: "install", Heading: "Setup", Level: 2, Text: "Run it.\nmake build\nHinted words."},
		{ID: "table", Heading: "Table", Level: 3, Text: "A\nB\ncell one\ncell two\nRaw html"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sections %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, s := range got {
		if strings.Contains(s.Text, "Title") {
			t.Errorf("the page title is in section %q", s.ID)
		}
	}
}
