package insights

import (
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestTallyScore(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		tally Tally
		want  string
	}{
		{Tally{}, "—"},
		{Tally{Good: 1}, "100%"},
		{Tally{Bad: 3}, "0%"},
		{Tally{Good: 1, OK: 1, Bad: 1}, "50%"},
		{Tally{Good: 2, OK: 1}, "83%"},
	} {
		if got := tc.tally.ScoreText(); got != tc.want {
			t.Errorf("%+v: got score %q, want %q", tc.tally, got, tc.want)
		}
	}
	if got := (Tally{Good: 1, OK: 2, Bad: 1}).Share("ok"); got != "50%" {
		t.Errorf("share of ok: got %q, want 50%%", got)
	}
}

func TestAggregatePerPageAndSection(t *testing.T) {
	t.Parallel()
	pages := []Page{
		{Path: "/", Title: "Home", Section: "Start"},
		{Path: "/ops/backups", Title: "Backups", Section: "Operations"},
		{Path: "/ops/deploy", Title: "Deploy", Section: "Operations"},
		{Path: "/people", Title: "People", Section: "Team"},
	}
	d1, d2 := date("2026-11-20"), date("2026-11-22")
	counts := []feedback.Count{
		{Page: "/", Day: d1, Rating: feedback.Good, N: 3},
		{Page: "/gone", Day: d1, Rating: feedback.Bad, N: 1},
		{Page: "/ops/backups", Day: d1, Rating: feedback.Bad, N: 2},
		{Page: "/ops/backups", Day: d2, Rating: feedback.Good, N: 1},
		{Page: "/ops/deploy", Day: d2, Rating: feedback.OK, N: 2},
	}
	rep := aggregate(counts, pages, allSections, date("2026-11-20"), date("2026-11-23"))

	if rep.Total != (Tally{Good: 4, OK: 2, Bad: 3}) {
		t.Errorf("total: got %+v", rep.Total)
	}
	var got []string
	for _, p := range rep.Pages {
		got = append(got, p.Path+" "+p.Section+" "+p.ScoreText())
	}
	want := []string{"/gone Removed pages 0%", "/ops/backups Operations 33%", "/ops/deploy Operations 50%", "/ Start 100%"}
	if len(got) != len(want) {
		t.Fatalf("pages: got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("page %d: got %q, want %q", i, got[i], want[i])
		}
	}
	if !rep.Pages[0].Removed || rep.Pages[1].Removed {
		t.Errorf("removed flags: got %+v", rep.Pages)
	}

	got = nil
	for _, s := range rep.Sections {
		got = append(got, s.Name+" "+s.ScoreText())
	}
	want = []string{"Start 100%", "Operations 40%", "Team —", "Removed pages 0%"}
	if len(got) != len(want) {
		t.Fatalf("sections: got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %d: got %q, want %q", i, got[i], want[i])
		}
	}

	if len(rep.Trend) != 3 {
		t.Fatalf("trend: got %d buckets, want 3", len(rep.Trend))
	}
	if rep.Trend[0].Tally != (Tally{Good: 3, Bad: 3}) || rep.Trend[1].Total() != 0 || rep.Trend[2].Tally != (Tally{Good: 1, OK: 2}) {
		t.Errorf("trend: got %+v", rep.Trend)
	}
}

func TestAggregateWithoutRatings(t *testing.T) {
	t.Parallel()
	rep := aggregate(nil, []Page{{Path: "/", Title: "Home", Section: "Start"}}, allSections, time.Time{}, date("2026-11-23"))
	if rep.Trend != nil || rep.Pages != nil || rep.Total.Total() != 0 {
		t.Errorf("got %+v, want an empty report", rep)
	}
	if len(rep.Sections) != 1 || rep.Sections[0].ScoreText() != "—" {
		t.Errorf("sections: got %+v", rep.Sections)
	}
}

func TestTrendIsWeeklyOverNinetyDays(t *testing.T) {
	t.Parallel()
	to := date("2026-11-24")
	counts := []feedback.Count{
		{Page: "/", Day: date("2026-11-23"), Rating: feedback.Good, N: 1},
		{Page: "/", Day: date("2026-11-17"), Rating: feedback.Bad, N: 2},
	}
	for _, tc := range []struct {
		days, buckets, width int
	}{
		{7, 7, 1},
		{90, 90, 1},
		{91, 13, 7},
		{365, 53, 7},
	} {
		b := trend(counts, to.AddDate(0, 0, -tc.days), to)
		if len(b) != tc.buckets || b[0].Days != tc.width {
			t.Errorf("%d days: got %d buckets of %d days, want %d of %d", tc.days, len(b), b[0].Days, tc.buckets, tc.width)
			continue
		}
		var sum Tally
		for _, x := range b {
			sum = sum.plus(x.Tally)
		}
		if sum != (Tally{Good: 1, Bad: 2}) {
			t.Errorf("%d days: buckets sum to %+v", tc.days, sum)
		}
		if last := b[len(b)-1]; !last.Start.AddDate(0, 0, last.Days).Equal(to) {
			t.Errorf("%d days: last bucket %v + %d days does not end at %v", tc.days, last.Start, last.Days, to)
		}
	}
}

func TestParseQuery(t *testing.T) {
	t.Parallel()
	pages := []Page{{Path: "/", Section: "Start"}, {Path: "/a", Section: "Ops"}, {Path: "/b", Section: "Ops"}, {Path: "/c"}}
	now := time.Date(2026, 11, 24, 15, 30, 0, 0, time.UTC)
	q, err := parseQuery(map[string][]string{}, pages, now)
	if err != nil {
		t.Fatal(err)
	}
	if q.Period != "30d" || !q.From.Equal(date("2026-10-26")) || !q.To.Equal(date("2026-11-25")) || q.Filter.Pages != nil {
		t.Errorf("default: got %+v", q)
	}
	q, err = parseQuery(map[string][]string{"period": {"all"}, "section": {"Ops"}}, pages, now)
	if err != nil {
		t.Fatal(err)
	}
	if !q.From.IsZero() || len(q.Filter.Pages) != 2 || q.Filter.Pages[1] != "/b" {
		t.Errorf("all, Ops: got %+v", q)
	}
	q, err = parseQuery(map[string][]string{"section": {noSection}}, pages, now)
	if err != nil || len(q.Filter.Pages) != 1 || q.Filter.Pages[0] != "/c" {
		t.Errorf("%s: got %+v, %v", noSection, q, err)
	}
	for _, bad := range []map[string][]string{{"period": {"2d"}}, {"section": {"Nowhere"}}} {
		if _, err := parseQuery(bad, pages, now); err == nil {
			t.Errorf("%v: got no error", bad)
		}
	}
}
