package insights_test

import (
	"encoding/csv"
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/insights"
)

// assertContains fails unless body holds every one of want, in order.
func assertContains(t *testing.T, what, body string, want ...string) {
	t.Helper()
	rest := body
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("%s: lacks %q (or not in order)", what, w)
			continue
		}
		rest = rest[i+len(w):]
	}
}

// svgOf returns the dashboard's chart and how many bar groups it has,
// failing unless it is well-formed XML.
func svgOf(t *testing.T, body string) (string, int) {
	t.Helper()
	start, end := strings.Index(body, "<svg"), strings.Index(body, "</svg>")
	if start < 0 || end < start {
		t.Fatalf("no chart in the dashboard")
	}
	svg := body[start : end+len("</svg>")]
	d := xml.NewDecoder(strings.NewReader(svg))
	bars := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("chart is not well-formed XML: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "g" {
			for _, a := range el.Attr {
				if a.Name.Local == "class" && a.Value == "bar" {
					bars++
				}
			}
		}
	}
	return svg, bars
}

func TestDashboardShowsCountsAndScores(t *testing.T) {
	t.Parallel()
	res, body := get(t, newDashboard(t), "/_insights")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("got %d:\n%s", res.StatusCode, body)
	}
	assertContains(t, "summary", body, `<dd id="total">6</dd>`, `<dd id="score">58%</dd>`,
		`<dd>3 <small>50%</small></dd>`, `<dd>1 <small>17%</small></dd>`, `<dd>2 <small>33%</small></dd>`)
	// Sections in reading order, then the removed pages.
	assertContains(t, "sections", body,
		`<th scope="row">Start</th><td>2</td><td>0</td><td>0</td><td>2</td><td>100%</td>`,
		`<th scope="row">Operations</th><td>1</td><td>1</td><td>1</td><td>3</td><td>50%</td>`,
		`<th scope="row">Removed pages</th><td>0</td><td>0</td><td>1</td><td>1</td><td>0%</td>`)
	// Pages worst first; among equal scores, more ratings first.
	assertContains(t, "pages", body,
		`<code>/gone</code></th><td>Removed pages</td><td>0</td><td>0</td><td>1</td><td>1</td><td>0%</td>`,
		`<a href="/ops/backups">Backups</a></th><td>Operations</td><td>0</td><td>1</td><td>1</td><td>2</td><td>25%</td>`,
		`<a href="/">Home</a></th><td>Start</td><td>2</td><td>0</td><td>0</td><td>2</td><td>100%</td>`,
		`<a href="/ops/deploy">Deploy</a></th><td>Operations</td><td>1</td><td>0</td><td>0</td><td>1</td><td>100%</td>`)
	// Newest comment first, with its version.
	assertContains(t, "comments", body, "23 Nov 2026 11:00 UTC", "version v2", "Great start", "where did it go")
	assertContains(t, "csv link", body, `href="/_insights/feedback.csv?period=30d&amp;section=all"`)
	if _, bars := svgOf(t, body); bars != 30 {
		t.Errorf("chart: got %d bar groups, want one per day of 30", bars)
	}
}

func TestDashboardEscapesComments(t *testing.T) {
	t.Parallel()
	_, body := get(t, newDashboard(t), "/_insights")
	if strings.Contains(body, "<script>alert(1)</script>") {
		t.Error("the comment's script tag reached the page unescaped")
	}
	assertContains(t, "comments", body, "&lt;script&gt;alert(1)&lt;/script&gt; is all I see")
}

func TestDashboardFilters(t *testing.T) {
	t.Parallel()
	h := newDashboard(t)
	for _, tc := range []struct {
		query, total, score string
		bars                int
		absent              string
	}{
		{"?period=7d", "5", "50%", 7, "/ops/deploy\">Deploy"},
		{"?period=all", "7", "50%", 0, ""},
		{"?period=365d", "7", "50%", 53, ""},
		{"?section=Operations", "3", "50%", 30, "Great start"},
		{"?period=7d&section=Start", "2", "100%", 7, "is all I see"},
	} {
		res, body := get(t, h, "/_insights"+tc.query)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: got %d:\n%s", tc.query, res.StatusCode, body)
			continue
		}
		assertContains(t, tc.query, body, `<dd id="total">`+tc.total+`</dd>`, `<dd id="score">`+tc.score+`</dd>`)
		_, bars := svgOf(t, body)
		if tc.bars > 0 && bars != tc.bars {
			t.Errorf("%s: got %d bar groups, want %d", tc.query, bars, tc.bars)
		}
		if tc.absent != "" && strings.Contains(body, tc.absent) {
			t.Errorf("%s: shows %q", tc.query, tc.absent)
		}
	}
	// The removed page is left out once a section is chosen.
	if _, body := get(t, h, "/_insights?section=Operations"); strings.Contains(body, "/gone") || strings.Contains(body, "Removed pages") {
		t.Error("section Operations shows the removed page")
	}
	for _, q := range []string{"?period=2w", "?section=Nowhere"} {
		if res, body := get(t, h, "/_insights"+q); res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "unknown") {
			t.Errorf("%s: got %d %q, want 400", q, res.StatusCode, body)
		}
	}
}

func TestDashboardWithoutFeedback(t *testing.T) {
	t.Parallel()
	h := insights.New(insights.Options{
		Store:  openStore(t),
		Token:  testToken,
		Pages:  func() []insights.Page { return testPages },
		Logger: slog.New(slog.DiscardHandler),
		Now:    func() time.Time { return testNow },
	})
	res, body := get(t, h, "/_insights")
	if res.StatusCode != http.StatusOK || strings.Contains(body, "<svg") {
		t.Fatalf("got %d:\n%s", res.StatusCode, body)
	}
	assertContains(t, "empty", body, `<dd id="total">0</dd>`, `<dd id="score">—</dd>`, "No ratings in this period yet", "No comments in this period")
}

func TestCSVDownload(t *testing.T) {
	t.Parallel()
	h := newDashboard(t)
	res, body := get(t, h, "/_insights/feedback.csv?period=all&section=Operations")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("got %d:\n%s", res.StatusCode, body)
	}
	if got, want := res.Header.Get("Content-Disposition"), `attachment; filename="feedback-2026-11-24.csv"`; got != want {
		t.Errorf("Content-Disposition: got %q, want %q", got, want)
	}
	if got := res.Header.Get("Content-Type"); !strings.HasPrefix(got, "text/csv") {
		t.Errorf("Content-Type: got %q", got)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("read csv: %v\n%s", err, body)
	}
	want := [][]string{
		{"time", "page", "rating", "comment", "version"},
		{"2026-06-01T12:00:00Z", "/ops/deploy", "bad", "", ""},
		{"2026-11-01T07:00:00Z", "/ops/deploy", "good", "", ""},
		{"2026-11-20T08:00:00Z", "/ops/backups", "ok", "", ""},
		{"2026-11-23T11:00:00Z", "/ops/backups", "bad", "<script>alert(1)</script> is all I see", "v2"},
	}
	if len(rows) != len(want) {
		t.Fatalf("got %d rows, want %d:\n%s", len(rows), len(want), body)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: got %q, want %q", i, rows[i], want[i])
		}
	}
	if res, _ := get(t, h, "/_insights/feedback.csv?period=1d"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("bad period: got %d, want 400", res.StatusCode)
	}
}
