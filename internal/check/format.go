package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/handbookhq/handbook/internal/diag"
)

// Formats names the output formats, as --format takes them.
var Formats = []string{"text", "json", "github"}

// Summary returns the line that sums up a report: "no problems", or
// counts such as "3 errors, 1 warning".
func (r *Report) Summary() string {
	errs, warnings := r.Count()
	switch {
	case errs == 0 && warnings == 0:
		return "no problems"
	case warnings == 0:
		return plural(errs, "error")
	case errs == 0:
		return plural(warnings, "warning")
	}
	return plural(errs, "error") + ", " + plural(warnings, "warning")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// WriteText writes the diagnostics as the build prints them: one
// "file:line:col: severity: message" line each, followed by an indented
// "hint:" line when there is a hint.
func (r *Report) WriteText(w io.Writer) error {
	for _, d := range r.Diags {
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return fmt.Errorf("write diagnostics: %w", err)
		}
	}
	return nil
}

// jsonReport is the JSON document WriteJSON writes. Its field names are
// part of the command's interface: add fields, never rename them.
type jsonReport struct {
	Diagnostics []jsonDiag `json:"diagnostics"`
	Errors      int        `json:"errors"`
	Warnings    int        `json:"warnings"`
}

// jsonDiag is one diagnostic in JSON. Line and column are 0 when
// unknown; code and hint are "" when there is none.
type jsonDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

// WriteJSON writes the report as one JSON document:
//
//	{"diagnostics": [{"file", "line", "column", "severity", "code",
//	  "message", "hint"}, ...], "errors": N, "warnings": N}
//
// An empty report has "diagnostics": [].
func (r *Report) WriteJSON(w io.Writer) error {
	out := jsonReport{Diagnostics: make([]jsonDiag, 0, len(r.Diags))}
	out.Errors, out.Warnings = r.Count()
	for _, d := range r.Diags {
		out.Diagnostics = append(out.Diagnostics, jsonDiag{
			File: d.Pos.File, Line: d.Pos.Line, Column: d.Pos.Col,
			Severity: d.Severity.String(), Code: d.Code, Message: d.Msg, Hint: d.Hint,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write diagnostics: %w", err)
	}
	return nil
}

// WriteGitHub writes the diagnostics as GitHub Actions workflow commands,
// which GitHub shows as annotations on the files of a pull request:
//
//	::error file=F,line=L,col=C,title=CODE::MESSAGE%0Ahint: HINT
//
// GitHub wants F relative to the repository root (the workspace), while
// diagnostics name files relative to the handbook's source folder: path
// maps one to the other; nil keeps names as they are.
func (r *Report) WriteGitHub(w io.Writer, path func(file string) string) error {
	for _, d := range r.Diags {
		if _, err := io.WriteString(w, githubCommand(d, path)+"\n"); err != nil {
			return fmt.Errorf("write diagnostics: %w", err)
		}
	}
	return nil
}

// githubCommand formats one diagnostic as a workflow command.
func githubCommand(d diag.Diagnostic, path func(string) string) string {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(d.Severity.String())
	var props []string
	if file := d.Pos.File; file != "" {
		if path != nil {
			file = path(file)
		}
		props = append(props, "file="+escapeProperty(file))
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
			if d.Pos.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
			}
		}
	}
	if d.Code != "" {
		props = append(props, "title="+escapeProperty(d.Code))
	}
	if len(props) > 0 {
		b.WriteByte(' ')
		b.WriteString(strings.Join(props, ","))
	}
	b.WriteString("::")
	msg := d.Msg
	if d.Hint != "" {
		msg += "\nhint: " + d.Hint
	}
	b.WriteString(escapeData(msg))
	return b.String()
}

// escapeData escapes a workflow command's message, as GitHub's toolkit
// does (escapeData in @actions/core).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value, as
// GitHub's toolkit does (escapeProperty in @actions/core).
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
