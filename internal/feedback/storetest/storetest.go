// Package storetest is the conformance suite every feedback.Store passes.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

// Run runs the suite; open returns a new, empty store for each subtest.
// The store is closed after each subtest that does not close it itself.
func Run(t *testing.T, open func(t *testing.T) feedback.Store) {
	t.Helper()
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s feedback.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"EachOrderAndFilter", testEachOrderAndFilter},
		{"EachStopsAtError", testEachStops},
		{"CountsPerDayAndRating", testCounts},
		{"Comments", testComments},
		{"Amend", testAmend},
		{"DuplicateID", testDuplicate},
		{"ConcurrentAdds", testConcurrent},
		{"CancelledContext", testCancelled},
		{"RejectsIncompleteEntries", testIncomplete},
		{"Closed", testClosed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { _ = s.Close() })
			tc.fn(t, s)
		})
	}
}

// base is a fixed time, 13:30 UTC, away from any midnight.
var base = time.Date(2025, 3, 14, 13, 30, 0, 0, time.UTC)

func entry(id string, at time.Time, page string, r feedback.Rating, comment string) feedback.Entry {
	return feedback.Entry{ID: id, Time: at, Page: page, Rating: r, Comment: comment}
}

func add(t *testing.T, s feedback.Store, es ...feedback.Entry) {
	t.Helper()
	for _, e := range es {
		if err := s.Add(context.Background(), e); err != nil {
			t.Fatalf("Add(%s): %v", e.ID, err)
		}
	}
}

func all(t *testing.T, s feedback.Store, f feedback.Filter) []feedback.Entry {
	t.Helper()
	var es []feedback.Entry
	if err := s.Each(context.Background(), f, func(e feedback.Entry) error {
		es = append(es, e)
		return nil
	}); err != nil {
		t.Fatalf("Each: %v", err)
	}
	return es
}

func ids(es []feedback.Entry) []string {
	var s []string
	for _, e := range es {
		s = append(s, e.ID)
	}
	return s
}

func wantIDs(t *testing.T, what string, got []feedback.Entry, want ...string) {
	t.Helper()
	if !slices.Equal(ids(got), want) {
		t.Errorf("%s: got %v, want %v", what, ids(got), want)
	}
}

func testRoundTrip(t *testing.T, s feedback.Store) {
	at := time.Date(2025, 3, 14, 23, 59, 58, 123456789, time.FixedZone("CET", 3600))
	in := feedback.Entry{
		ID:      feedback.NewID(),
		Time:    at,
		Page:    "/company/über-uns",
		Rating:  feedback.OK,
		Comment: "Très utile 👍, mais « long »\nligne deux",
		Version: "v2.1",
	}
	add(t, s, in)
	got := all(t, s, feedback.Filter{})
	if len(got) != 1 {
		t.Fatalf("got %d entries, want 1", len(got))
	}
	out := got[0]
	want := in
	want.Time = time.Date(2025, 3, 14, 22, 59, 58, 123000000, time.UTC)
	if out.Time.Location() != time.UTC {
		t.Errorf("time comes back in %v, want UTC", out.Time.Location())
	}
	if !out.Time.Equal(want.Time) || out.Time.Nanosecond() != 123000000 {
		t.Errorf("time %v, want %v (millisecond precision)", out.Time, want.Time)
	}
	out.Time, want.Time = time.Time{}, time.Time{}
	if out != want {
		t.Errorf("round trip:\n got %+v\nwant %+v", out, want)
	}
}

func testEachOrderAndFilter(t *testing.T, s feedback.Store) {
	// Added out of order; Each gives them oldest first.
	add(t, s,
		entry("c", base.Add(2*time.Hour), "/a", feedback.Good, ""),
		entry("a", base, "/a", feedback.Bad, ""),
		entry("d", base.Add(3*time.Hour), "/b", feedback.OK, ""),
		entry("b", base.Add(time.Hour), "/b", feedback.Good, "fine text"),
		entry("e", base.Add(4*time.Hour), "/c", feedback.Good, ""),
	)
	wantIDs(t, "all", all(t, s, feedback.Filter{}), "a", "b", "c", "d", "e")
	wantIDs(t, "From (inclusive)", all(t, s, feedback.Filter{From: base.Add(time.Hour)}), "b", "c", "d", "e")
	wantIDs(t, "To (exclusive)", all(t, s, feedback.Filter{To: base.Add(2 * time.Hour)}), "a", "b")
	wantIDs(t, "From and To", all(t, s, feedback.Filter{From: base.Add(time.Hour), To: base.Add(3 * time.Hour)}), "b", "c")
	wantIDs(t, "Pages", all(t, s, feedback.Filter{Pages: []string{"/b", "/c"}}), "b", "d", "e")
	wantIDs(t, "one page", all(t, s, feedback.Filter{Pages: []string{"/a"}}), "a", "c")
	wantIDs(t, "no pages", all(t, s, feedback.Filter{Pages: []string{}}))
	wantIDs(t, "unknown page", all(t, s, feedback.Filter{Pages: []string{"/nope"}}))
	wantIDs(t, "all three", all(t, s, feedback.Filter{From: base, To: base.Add(4 * time.Hour), Pages: []string{"/b"}}), "b", "d")
	// Another time zone names the same instants.
	ny := time.FixedZone("EST", -5*3600)
	wantIDs(t, "From in another zone", all(t, s, feedback.Filter{From: base.Add(3 * time.Hour).In(ny)}), "d", "e")
}

func testEachStops(t *testing.T, s feedback.Store) {
	for i := range 5 {
		add(t, s, entry(fmt.Sprint(i), base.Add(time.Duration(i)*time.Minute), "/p", feedback.Good, ""))
	}
	stop := errors.New("enough")
	var seen []string
	err := s.Each(context.Background(), feedback.Filter{}, func(e feedback.Entry) error {
		seen = append(seen, e.ID)
		if len(seen) == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("Each returned %v, want fn's error", err)
	}
	if !slices.Equal(seen, []string{"0", "1"}) {
		t.Errorf("fn saw %v, want [0 1]", seen)
	}
}

func testCounts(t *testing.T, s feedback.Store) {
	midnight := time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC)
	add(t, s,
		entry("1", midnight.Add(-time.Millisecond), "/a", feedback.Good, ""),
		entry("2", midnight.Add(-time.Hour), "/a", feedback.Good, ""),
		entry("3", midnight.Add(-time.Hour), "/a", feedback.Bad, ""),
		entry("4", midnight, "/a", feedback.Good, ""),
		entry("5", midnight.Add(time.Hour), "/a", feedback.OK, ""),
		entry("6", midnight.Add(time.Hour), "/b", feedback.Bad, ""),
		// 23:30 the day before in New York is already the 15th in UTC.
		entry("7", time.Date(2025, 3, 14, 20, 30, 0, 0, time.FixedZone("EDT", -4*3600)), "/b", feedback.Bad, ""),
	)
	day1, day2 := midnight.AddDate(0, 0, -1), midnight
	got, err := s.Counts(context.Background(), feedback.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []feedback.Count{
		{Page: "/a", Day: day1, Rating: feedback.Good, N: 2},
		{Page: "/a", Day: day1, Rating: feedback.Bad, N: 1},
		{Page: "/a", Day: day2, Rating: feedback.Good, N: 1},
		{Page: "/a", Day: day2, Rating: feedback.OK, N: 1},
		{Page: "/b", Day: day2, Rating: feedback.Bad, N: 2},
	}
	checkCounts(t, "all", got, want)

	got, err = s.Counts(context.Background(), feedback.Filter{From: midnight, Pages: []string{"/a"}})
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, "filtered", got, want[2:4])

	got, err = s.Counts(context.Background(), feedback.Filter{To: midnight.Add(-time.Millisecond)})
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, "To", got, []feedback.Count{
		{Page: "/a", Day: day1, Rating: feedback.Good, N: 1},
		{Page: "/a", Day: day1, Rating: feedback.Bad, N: 1},
	})
}

func checkCounts(t *testing.T, what string, got, want []feedback.Count) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d counts %+v, want %+v", what, len(got), got, want)
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Page != w.Page || !g.Day.Equal(w.Day) || g.Day.Location() != time.UTC || g.Rating != w.Rating || g.N != w.N {
			t.Errorf("%s: count %d is %+v, want %+v (day at midnight UTC)", what, i, g, w)
		}
	}
}

func testComments(t *testing.T, s feedback.Store) {
	add(t, s,
		entry("old", base, "/a", feedback.Good, "first comment"),
		entry("none", base.Add(time.Minute), "/a", feedback.Good, ""),
		entry("mid", base.Add(2*time.Minute), "/b", feedback.Bad, "second comment"),
		entry("new", base.Add(3*time.Minute), "/a", feedback.OK, "third comment"),
		entry("none2", base.Add(4*time.Minute), "/b", feedback.OK, ""),
	)
	ctx := context.Background()
	got, err := s.Comments(ctx, feedback.Filter{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "newest first, without empty comments", got, "new", "mid", "old")
	if len(got) == 3 && (got[0].Comment != "third comment" || got[0].Rating != feedback.OK || got[0].Page != "/a") {
		t.Errorf("comment entry %+v", got[0])
	}
	got, err = s.Comments(ctx, feedback.Filter{}, 2)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "limit", got, "new", "mid")
	got, err = s.Comments(ctx, feedback.Filter{Pages: []string{"/a"}, To: base.Add(3 * time.Minute)}, 10)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "filtered", got, "old")
	if _, err := s.Comments(ctx, feedback.Filter{}, -1); err == nil {
		t.Error("a negative limit gave no error")
	}
}

func testAmend(t *testing.T, s feedback.Store) {
	ctx := context.Background()
	add(t, s, entry("x", base, "/a", feedback.Bad, ""), entry("y", base, "/a", feedback.Good, ""))
	if err := s.Amend(ctx, "x", feedback.OK, "now with a comment", base); err != nil {
		t.Fatalf("Amend: %v", err)
	}
	got := all(t, s, feedback.Filter{})
	if len(got) != 2 || got[0].Rating != feedback.OK || got[0].Comment != "now with a comment" || !got[0].Time.Equal(base) {
		t.Errorf("after Amend: %+v", got)
	}
	if len(got) == 2 && (got[1].Rating != feedback.Good || got[1].Comment != "") {
		t.Errorf("Amend changed another entry: %+v", got[1])
	}
	if err := s.Amend(ctx, "nope", feedback.OK, "", base); !errors.Is(err, feedback.ErrNotFound) {
		t.Errorf("Amend of an unknown ID = %v, want ErrNotFound", err)
	}
	if err := s.Amend(ctx, "y", feedback.Bad, "too late now", base.Add(time.Millisecond)); !errors.Is(err, feedback.ErrNotFound) {
		t.Errorf("Amend of an entry older than since = %v, want ErrNotFound", err)
	}
	if err := s.Amend(ctx, "y", "great", "", base); err == nil || errors.Is(err, feedback.ErrNotFound) {
		t.Errorf("Amend with a bad rating = %v, want an error other than ErrNotFound", err)
	}
	got = all(t, s, feedback.Filter{})
	if len(got) == 2 && (got[1].Rating != feedback.Good || got[1].Comment != "") {
		t.Errorf("refused Amends changed the entry: %+v", got[1])
	}
}

func testDuplicate(t *testing.T, s feedback.Store) {
	add(t, s, entry("dup", base, "/first", feedback.Good, ""))
	if err := s.Add(context.Background(), entry("dup", base.Add(time.Hour), "/second", feedback.Bad, "")); err == nil {
		t.Fatal("a second entry with the same ID was accepted")
	}
	got := all(t, s, feedback.Filter{})
	if len(got) != 1 || got[0].Page != "/first" {
		t.Errorf("after the duplicate: %+v, want the first entry alone", got)
	}
	// The store still works.
	add(t, s, entry("other", base, "/first", feedback.Good, ""))
}

func testConcurrent(t *testing.T, s feedback.Store) {
	const n = 300
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			errs <- s.Add(context.Background(), entry(feedback.NewID(), base.Add(time.Duration(i)*time.Second), "/p", feedback.Ratings[i%3], ""))
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("Add: %v", err)
		}
	}
	if got := len(all(t, s, feedback.Filter{})); got != n {
		t.Errorf("stored %d entries, want %d", got, n)
	}
	counts, err := s.Counts(context.Background(), feedback.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, c := range counts {
		total += c.N
	}
	if total != n {
		t.Errorf("Counts add up to %d, want %d", total, n)
	}
}

// testCancelled: an Add whose context is already cancelled returns an
// error and stores nothing.
func testCancelled(t *testing.T, s feedback.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Add(ctx, entry("x", base, "/p", feedback.Good, "")); !errors.Is(err, context.Canceled) {
		t.Errorf("Add with a cancelled context = %v, want context.Canceled", err)
	}
	if got := all(t, s, feedback.Filter{}); len(got) != 0 {
		t.Errorf("stored %v", ids(got))
	}
}

func testIncomplete(t *testing.T, s feedback.Store) {
	for _, e := range []feedback.Entry{
		{Time: base, Page: "/p", Rating: feedback.Good},
		{ID: "t", Page: "/p", Rating: feedback.Good},
		{ID: "r", Time: base, Page: "/p", Rating: "great"},
	} {
		if err := s.Add(context.Background(), e); err == nil {
			t.Errorf("Add(%+v) = nil, want an error", e)
		}
	}
	if got := all(t, s, feedback.Filter{}); len(got) != 0 {
		t.Errorf("stored %v", ids(got))
	}
}

func testClosed(t *testing.T, s feedback.Store) {
	add(t, s, entry("x", base, "/p", feedback.Good, ""))
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	ctx := context.Background()
	if err := s.Add(ctx, entry("y", base, "/p", feedback.Good, "")); !errors.Is(err, feedback.ErrClosed) {
		t.Errorf("Add after Close = %v, want ErrClosed", err)
	}
	if _, err := s.Counts(ctx, feedback.Filter{}); !errors.Is(err, feedback.ErrClosed) {
		t.Errorf("Counts after Close = %v, want ErrClosed", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}
