package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/hbtest"
)

// seedFeedback writes a feedback database in dir with three entries, one
// a day from 1 to 3 March 2026.
func seedFeedback(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	entries := []feedback.Entry{
		{Page: "/a", Rating: feedback.Good, Comment: "clear and short"},
		{Page: "/b", Rating: feedback.Bad, Comment: "=1+1 is wrong", Version: "v2"},
		{Page: "/a", Rating: feedback.OK},
	}
	for i := range entries {
		entries[i].Time = time.Date(2026, 3, 1+i, 12, 0, 0, 0, time.UTC)
	}
	if err := hbtest.FeedbackStore(t, dir, entries...).Close(); err != nil {
		t.Fatal(err)
	}
}

// runMain runs the command line and returns its exit code and output.
func runMain(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestFeedbackExportCSVToStandardOutput(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	seedFeedback(t, filepath.Join(src, ".handbook"))
	code, out, errOut := runMain("feedback", "export", src)
	if code != 0 {
		t.Fatalf("exit code %d:\n%s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("read csv: %v\n%s", err, out)
	}
	want := []string{
		"time,page,rating,comment,version",
		"2026-03-01T12:00:00Z,/a,good,clear and short,",
		"2026-03-02T12:00:00Z,/b,bad,'=1+1 is wrong,v2",
		"2026-03-03T12:00:00Z,/a,ok,,",
	}
	if len(rows) != len(want) {
		t.Fatalf("got %d rows, want %d:\n%s", len(rows), len(want), out)
	}
	for i := range want {
		if got := strings.Join(rows[i], ","); got != want[i] {
			t.Errorf("row %d: got %q, want %q", i, got, want[i])
		}
	}
}

func TestFeedbackExportJSONToFile(t *testing.T) {
	t.Parallel()
	data, dir := t.TempDir(), t.TempDir()
	seedFeedback(t, data)
	out := filepath.Join(dir, "feedback.json")
	code, stdout, errOut := runMain("feedback", "export", "--format", "json", "--data", data,
		"--since", "2026-03-02", "--until", "2026-03-02", "--out", out)
	if code != 0 {
		t.Fatalf("exit code %d:\n%s", code, errOut)
	}
	if stdout != "" {
		t.Errorf("wrote to standard output too: %q", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]string
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	if len(got) != 1 || got[0]["page"] != "/b" || got[0]["comment"] != "=1+1 is wrong" || got[0]["version"] != "v2" {
		t.Errorf("got %v, want the one entry of 2 March", got)
	}
	names, _ := os.ReadDir(dir)
	if len(names) != 1 {
		t.Errorf("the output folder holds %d files, want only feedback.json: %v", len(names), names)
	}
}

func TestFeedbackExportRefusesBadFlags(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	seedFeedback(t, data)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xml"}, "--format must be csv or json"},
		{[]string{"--since", "March"}, "--since must be a date"},
		{[]string{"--until", "2026-13-01"}, "--until must be a date"},
		{[]string{"--since", "2026-03-03", "--until", "2026-03-01"}, "--since must not be after --until"},
		{[]string{"--nope"}, "flag provided but not defined"},
		{[]string{"a", "b"}, "too many arguments"},
	} {
		args := append([]string{"feedback", "export", "--data", data}, tc.args...)
		code, out, errOut := runMain(args...)
		if code != 2 || !strings.Contains(errOut, tc.want) || out != "" {
			t.Errorf("%v: got exit code %d, stderr %q, want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

func TestFeedbackExportWithoutDatabase(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	code, _, errOut := runMain("feedback", "export", src)
	if code != 1 || !strings.Contains(errOut, "no feedback database at") {
		t.Errorf("got exit code %d, stderr %q, want 1 and no feedback database", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(src, ".handbook")); err == nil {
		t.Error("the export made a data folder")
	}
}

func TestFeedbackWithoutSubcommandListsThem(t *testing.T) {
	t.Parallel()
	code, _, errOut := runMain("feedback")
	if code != 2 || !strings.Contains(errOut, "Subcommands:") || !strings.Contains(errOut, "export") {
		t.Errorf("got exit code %d, stderr %q", code, errOut)
	}
	code, _, errOut = runMain("feedback", "import")
	if code != 2 || !strings.Contains(errOut, `unknown subcommand "import"`) {
		t.Errorf("unknown subcommand: got exit code %d, stderr %q", code, errOut)
	}
}
