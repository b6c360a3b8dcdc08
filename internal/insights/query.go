package insights

import (
	"fmt"
	"net/url"
	"slices"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

// day is one day.
const day = 24 * time.Hour

// period is a span of time the dashboard offers.
type period struct {
	Name  string // as in the query: "30d"
	Label string
	Days  int // length in days, today included; 0 means all time
}

// periods are the periods the dashboard offers, in the order it shows
// them.
var periods = []period{
	{"7d", "Last 7 days", 7},
	{"30d", "Last 30 days", 30},
	{"90d", "Last 90 days", 90},
	{"365d", "Last 365 days", 365},
	{"all", "All time", 0},
}

// defaultPeriod is the period shown when none is asked for.
const defaultPeriod = "30d"

// allSections is the section value that selects every page.
const allSections = "all"

// RemovedSection names the section of pages that have feedback but are
// no longer in the site.
const RemovedSection = "Removed pages"

// noSection names the section of pages that have none.
const noSection = "Other pages"

// query is what the dashboard and the CSV were asked to show.
type query struct {
	Period  string // a name from periods
	Days    int    // the period's length in days; 0 for all time
	Section string // a section of the site, or allSections
	From    time.Time
	To      time.Time // midnight after today
	Filter  feedback.Filter
}

// parseQuery reads the period and section from v for the site's pages at
// time now. An unknown period or section is an error, to show the user.
func parseQuery(v url.Values, pages []Page, now time.Time) (query, error) {
	q := query{Period: v.Get("period"), Section: v.Get("section")}
	if q.Period == "" {
		q.Period = defaultPeriod
	}
	i := slices.IndexFunc(periods, func(p period) bool { return p.Name == q.Period })
	if i < 0 {
		return query{}, fmt.Errorf("unknown period %q: use 7d, 30d, 90d, 365d or all", q.Period)
	}
	q.Days = periods[i].Days
	today := now.UTC().Truncate(day)
	q.To = today.Add(day)
	if q.Days > 0 {
		q.From = today.AddDate(0, 0, 1-q.Days)
	}
	q.Filter = feedback.Filter{From: q.From, To: q.To}

	if q.Section == "" {
		q.Section = allSections
	}
	if q.Section != allSections {
		for _, p := range pages {
			if sectionOf(p) == q.Section {
				q.Filter.Pages = append(q.Filter.Pages, p.Path)
			}
		}
		if q.Filter.Pages == nil {
			return query{}, fmt.Errorf("unknown section %q", q.Section)
		}
	}
	return q, nil
}

// values is q as a URL query, for links that keep the filters.
func (q query) values() url.Values {
	return url.Values{"period": {q.Period}, "section": {q.Section}}
}

// sectionOf is the name of p's section.
func sectionOf(p Page) string {
	if p.Section == "" {
		return noSection
	}
	return p.Section
}

// sections are the sections of pages, in reading order.
func sections(pages []Page) []string {
	var out []string
	for _, p := range pages {
		if s := sectionOf(p); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
