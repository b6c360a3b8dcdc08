package check

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/diag"
)

// sample is a report with an error with a hint and a code, and a warning
// at a whole file, without either.
func sample() *Report {
	r := &Report{}
	r.Add(
		diag.Warnf(diag.Pos{File: "b.md"}, "plain warning"),
		diag.Warnf(diag.Pos{File: "a, b:c.md", Line: 3, Col: 7}, "link target %q does not exist", "x%y.md").
			WithHint("fix it,\nnow").WithCode(diag.BrokenLink),
	)
	return r
}

func TestTextFormat(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	r := sample()
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	want := "a, b:c.md:3:7: error: link target \"x%y.md\" does not exist\n\thint: fix it,\nnow\nb.md: warning: plain warning\n"
	if got := buf.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := r.Summary(); got != "1 error, 1 warning" {
		t.Errorf("got summary %q, want %q", got, "1 error, 1 warning")
	}
}

func TestSummary(t *testing.T) {
	t.Parallel()
	e := diag.Errorf(diag.Pos{File: "a.md"}, "e")
	w := diag.Warnf(diag.Pos{File: "a.md"}, "w")
	for _, tc := range []struct {
		diags           diag.List
		want            string
		failed, fStrict bool
	}{
		{nil, "no problems", false, false},
		{diag.List{w}, "1 warning", false, true},
		{diag.List{w, w}, "2 warnings", false, true},
		{diag.List{e}, "1 error", true, true},
		{diag.List{e, e, e, w}, "3 errors, 1 warning", true, true},
	} {
		r := &Report{}
		r.Add(tc.diags...)
		if got := r.Summary(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
		if r.Failed(false) != tc.failed || r.Failed(true) != tc.fStrict {
			t.Errorf("%s: got failed %v, strict %v; want %v, %v", tc.want, r.Failed(false), r.Failed(true), tc.failed, tc.fStrict)
		}
	}
}

func TestJSONFormat(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := sample().WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Diagnostics []map[string]any `json:"diagnostics"`
		Errors      int              `json:"errors"`
		Warnings    int              `json:"warnings"`
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if got.Errors != 1 || got.Warnings != 1 || len(got.Diagnostics) != 2 {
		t.Fatalf("got %d errors, %d warnings, %d diagnostics; want 1, 1, 2", got.Errors, got.Warnings, len(got.Diagnostics))
	}
	want := map[string]any{
		"file": "a, b:c.md", "line": 3.0, "column": 7.0, "severity": "error", "code": "broken-link",
		"message": `link target "x%y.md" does not exist`, "hint": "fix it,\nnow",
	}
	for k, v := range want {
		if got.Diagnostics[0][k] != v {
			t.Errorf("%s: got %v, want %v", k, got.Diagnostics[0][k], v)
		}
	}
	if len(got.Diagnostics[0]) != len(want) {
		t.Errorf("got fields %v, want exactly %v", got.Diagnostics[0], want)
	}
	if d := got.Diagnostics[1]; d["line"] != 0.0 || d["code"] != "" || d["hint"] != "" || d["severity"] != "warning" {
		t.Errorf("got %v, want line 0, empty code and hint, a warning", d)
	}
}

func TestJSONFormatEmpty(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (&Report{}).WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(strings.Fields(buf.String()), ""); got != `{"diagnostics":[],"errors":0,"warnings":0}` {
		t.Errorf("got %s, want an empty list, not null", got)
	}
}

func TestGitHubFormat(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := sample().WriteGitHub(&buf, func(f string) string { return "docs/" + f }); err != nil {
		t.Fatal(err)
	}
	want := "::error file=docs/a%2C b%3Ac.md,line=3,col=7,title=broken-link::link target \"x%25y.md\" does not exist%0Ahint: fix it,%0Anow\n" +
		"::warning file=docs/b.md::plain warning\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestGitHubCommandWithoutFile(t *testing.T) {
	t.Parallel()
	d := diag.Diagnostic{Severity: diag.Error, Msg: "a\r\nb", Code: diag.FrontMatter}
	if got, want := githubCommand(d, nil), "::error title=front-matter::a%0D%0Ab"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	d = diag.Diagnostic{Pos: diag.Pos{File: "x.md", Line: 4}, Severity: diag.Warning, Msg: "m"}
	if got, want := githubCommand(d, nil), "::warning file=x.md,line=4::m"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
