package feedback_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
	"github.com/handbookhq/handbook/internal/hbtest"
)

func TestCSVCellNeutralisesFormulas(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                   "",
		"plain words":        "plain words",
		"/company/about":     "/company/about",
		"=HYPERLINK(\"x\")":  "'=HYPERLINK(\"x\")",
		"+1 for this":        "'+1 for this",
		"-2+3":               "'-2+3",
		"@SUM(A1)":           "'@SUM(A1)",
		"\tindented":         "'\tindented",
		"\rcarriage":         "'\rcarriage",
		"a = b":              "a = b",
		"'already quoted":    "'already quoted",
		"ünïcödé =not first": "ünïcödé =not first",
	} {
		if got := feedback.CSVCell(in); got != want {
			t.Errorf("CSVCell(%q): got %q, want %q", in, got, want)
		}
	}
}

// exportEntries are the entries the export tests seed, newest first, so
// that the export's order is its own.
var exportEntries = []feedback.Entry{
	{Time: time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC), Page: "/b", Rating: feedback.Bad, Comment: "=cmd|' /C calc'!A0", Version: "v1"},
	{Time: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC), Page: "/a", Rating: feedback.OK, Comment: "comma, \"quotes\"\nand a newline"},
	{Time: time.Date(2026, 2, 28, 23, 59, 0, 0, time.UTC), Page: "/a", Rating: feedback.Good},
}

func openExportStore(t *testing.T) feedback.Store {
	t.Helper()
	return hbtest.FeedbackStore(t, "", exportEntries...)
}

func TestWriteCSV(t *testing.T) {
	t.Parallel()
	st := openExportStore(t)
	var buf bytes.Buffer
	if err := feedback.WriteCSV(context.Background(), &buf, st, feedback.Filter{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	want := [][]string{
		{"time", "page", "rating", "comment", "version"},
		{"2026-02-28T23:59:00Z", "/a", "good", "", ""},
		{"2026-03-01T08:00:00Z", "/a", "ok", "comma, \"quotes\"\nand a newline", ""},
		{"2026-03-02T09:30:00Z", "/b", "bad", "'=cmd|' /C calc'!A0", "v1"},
	}
	if len(rows) != len(want) {
		t.Fatalf("got %d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		if strings.Join(rows[i], "\x00") != strings.Join(want[i], "\x00") {
			t.Errorf("row %d: got %q, want %q", i, rows[i], want[i])
		}
	}

	buf.Reset()
	f := feedback.Filter{From: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Pages: []string{"/a"}}
	if err := feedback.WriteCSV(context.Background(), &buf, st, f); err != nil {
		t.Fatal(err)
	}
	if rows, _ := csv.NewReader(&buf).ReadAll(); len(rows) != 2 || rows[1][2] != "ok" {
		t.Errorf("filtered: got %q, want the header and the ok on /a", rows)
	}
}

func TestWriteJSON(t *testing.T) {
	t.Parallel()
	st := openExportStore(t)
	var buf bytes.Buffer
	if err := feedback.WriteJSON(context.Background(), &buf, st, feedback.Filter{}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]string
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, buf.String())
	}
	if len(got) != 3 {
		t.Fatalf("got %d entries, want 3:\n%s", len(got), buf.String())
	}
	want := map[string]string{"time": "2026-03-02T09:30:00Z", "page": "/b", "rating": "bad", "comment": "=cmd|' /C calc'!A0", "version": "v1"}
	for k, v := range want {
		if got[2][k] != v {
			t.Errorf("last entry's %s: got %q, want %q", k, got[2][k], v)
		}
	}
	if len(got[2]) != len(want) || got[0]["time"] != "2026-02-28T23:59:00Z" {
		t.Errorf("entries: got %v", got)
	}

	buf.Reset()
	f := feedback.Filter{Pages: []string{"/nowhere"}}
	if err := feedback.WriteJSON(context.Background(), &buf, st, f); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "[]\n" {
		t.Errorf("nothing selected: got %q, want an empty array", got)
	}
}
