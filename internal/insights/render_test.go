package insights

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

func TestTemplatesRender(t *testing.T) {
	t.Parallel()
	pages := []Page{{Path: "/a", Title: "A & B", Section: "S"}}
	counts := []feedback.Count{{Page: "/a", Day: date("2026-11-20"), Rating: feedback.Good, N: 2}}
	d := dashboardData{
		PeriodOptions:  []option{{"30d", "Last 30 days", true}},
		SectionOptions: []option{{allSections, "All sections", true}, {"S", "S", false}},
		Period:         "Last 30 days",
		From:           date("2026-10-26"),
		To:             date("2026-11-24"),
		Report:         aggregate(counts, pages, allSections, date("2026-10-26"), date("2026-11-25")),
		Comments: []commentRow{{
			Time: time.Date(2026, 11, 20, 9, 5, 0, 0, time.UTC), Page: pages[0],
			Rating: feedback.Good, Comment: "<b>bold</b>", Version: "v1",
		}},
		CSV: Prefix + "/feedback.csv?period=30d",
	}
	d.Chart = chartSVG(d.Trend)
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, "dashboard.html", d); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{
		`<th scope="row">S</th><td>2</td><td>0</td><td>0</td><td>2</td><td>100%</td>`,
		`<a href="/a">A &amp; B</a>`,
		`&lt;b&gt;bold&lt;/b&gt;`,
		`<option value="30d" selected>Last 30 days</option>`,
		`<g class="bar">`,
		"26 Oct 2026 – 24 Nov 2026",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	buf.Reset()
	if err := templates.ExecuteTemplate(&buf, "login.html", loginData{Wrong: true}); err != nil || !strings.Contains(buf.String(), "not right") {
		t.Errorf("login: %v\n%s", err, buf.String())
	}
}
