package gitinfo

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCommitsListsNewestCommitsWithTheirFiles(t *testing.T) {
	t.Parallel()
	dir := fixtureRepo(t)
	// A subject with the log's own separators, markup and a line break
	// inside its first paragraph; a body that must not show.
	odd := "Fix \x01 \x02 <b>&amp;</b> \"quoted\" 'single' café 日本語\nsecond line\n\nbody \x01 text\n"
	writeT(t, dir, "a.md", "# A\n\nagain\n")
	writeT(t, dir, "docs/new.md", "# New\n\nagain\n")
	writeT(t, dir, "docs/a b.md", "# A b\n\nagain\n")
	gitT(t, dir, "", "add", "-A")
	gitT(t, dir, "2023-06-07T08:09:10-07:00", "-c", "user.name=Zoë Ωmega", "commit", "-q", "--author=Zoë Ωmega <z@example.com>", "-m", odd)

	r, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	got := r.Commits()
	type row struct{ time, author, subject, files string }
	var rows []row
	for _, c := range got {
		if !isHash(c.Hash) {
			t.Errorf("commit %q: hash is not a full object name", c.Subject)
		}
		rows = append(rows, row{c.Time.Format(time.RFC3339), c.Author, c.Subject, strings.Join(c.Files, "|")})
	}
	want := []row{
		{"2023-06-07T08:09:10-07:00", "Zoë Ωmega", "Fix \x01 \x02 <b>&amp;</b> \"quoted\" 'single' café 日本語 second line", "a.md|docs/a b.md|docs/new.md"},
		{"2022-05-05T09:00:00Z", "Ann", "merge side", ""},
		{"2022-04-04T09:00:00Z", "Ann", "main change", "docs/日本語.md"},
		{"2022-03-03T09:00:00Z", "Ann", "side change", "docs/café.md"},
		{"2021-02-02T12:00:00+02:00", "Ann", "rename", "a.md|docs/new.md|docs/old.md"},
		{"2020-01-01T10:00:00Z", "Ann", "start", "a.md|docs/a b.md|docs/café.md|docs/old.md|docs/tab\tname.md|docs/日本語.md"},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("Commits:\ngot  %q\nwant %q", rows, want)
	}
	head := strings.TrimSpace(gitT(t, dir, "", "rev-parse", "HEAD"))
	if len(got) > 0 && got[0].Hash != head {
		t.Errorf("newest hash: got %s, want %s", got[0].Hash, head)
	}
	// The dates of Updated are unchanged by the commit list.
	if u, ok := r.Updated("docs/a b.md"); !ok || u.Format(time.RFC3339) != "2023-06-07T08:09:10-07:00" {
		t.Errorf("Updated(docs/a b.md): got %s, %v", u, ok)
	}
	if u, ok := r.Updated("docs/café.md"); !ok || u.Format(time.RFC3339) != "2022-03-03T09:00:00Z" {
		t.Errorf("Updated(docs/café.md): got %s, %v", u, ok)
	}
}

func TestCommitsFollowPathspec(t *testing.T) {
	t.Parallel()
	dir := fixtureRepo(t)
	r, err := OpenWith(context.Background(), dir, OpenOptions{Pathspec: "docs/café.md"})
	if err != nil {
		t.Fatal(err)
	}
	var subjects []string
	for _, c := range r.Commits() {
		subjects = append(subjects, c.Subject)
	}
	if want := []string{"side change", "start"}; !slices.Equal(subjects, want) {
		t.Errorf("got %q, want %q", subjects, want)
	}
}

func TestCommitsKeepsTheNewest(t *testing.T) {
	t.Parallel()
	dir := fixtureRepo(t)
	out, err := runner{dir: dir, env: gitEnv()}.run(context.Background(),
		"log", "--format=format:"+logFormat, "--name-only", "-z", "--no-renames")
	if err != nil {
		t.Fatal(err)
	}
	h, err := parseHistory(out, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.commits) != 2 || h.commits[0].Subject != "merge side" || h.commits[1].Subject != "main change" {
		t.Errorf("got %+v, want the merge and main change", h.commits)
	}
	// Commits past the bound still give dates.
	if got, want := len(h.updated), 7; got != want {
		t.Errorf("dates: got %d paths, want %d", got, want)
	}
}

func TestCommitsEmptyAndNil(t *testing.T) {
	t.Parallel()
	var r *Repo
	if r.Commits() != nil {
		t.Error("nil Repo: got commits")
	}
	needGit(t)
	dir := t.TempDir()
	gitT(t, dir, "", "init", "-q")
	r, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Commits()) != 0 {
		t.Errorf("repository without commits: got %d commits", len(r.Commits()))
	}
}

func TestParseHistorySubjectAndAuthorRecords(t *testing.T) {
	t.Parallel()
	hash := strings.Repeat("ab", 20)
	in := "\x011700000000 2023-11-14 22:13:20 +0100 " + hash + "\x00\x01Ann\x00\x01odd\na.md\x00b.md\x00\x00" +
		"\x011600000000 2020-09-13 12:26:40 +0000 " + hash + "\x00\x00\x00" +
		"\x011500000000 2017-07-14 02:40:00 +0000 " + hash + "\x00Bo\x00merge"
	h, err := parseHistory([]byte(in), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.commits) != 3 {
		t.Fatalf("got %d commits, want 3: %+v", len(h.commits), h.commits)
	}
	c := h.commits[0]
	if c.Author != "\x01Ann" || c.Subject != "\x01odd" || !slices.Equal(c.Files, []string{"a.md", "b.md"}) || c.Time.Format(time.RFC3339) != "2023-11-14T23:13:20+01:00" {
		t.Errorf("first commit: got %+v", c)
	}
	if c := h.commits[1]; c.Author != "" || c.Subject != "" || len(c.Files) != 0 {
		t.Errorf("empty commit: got %+v", c)
	}
	if c := h.commits[2]; c.Author != "Bo" || c.Subject != "merge" || len(c.Files) != 0 {
		t.Errorf("merge commit: got %+v", c)
	}
	if len(h.updated) != 2 {
		t.Errorf("got %d dates, want 2", len(h.updated))
	}
}

// isHash reports whether s is a full SHA-1 or SHA-256 object name.
func isHash(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
