package insights

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

// Tally counts ratings.
type Tally struct {
	Good, OK, Bad int
}

// add counts n ratings r.
func (t *Tally) add(r feedback.Rating, n int) {
	switch r {
	case feedback.Good:
		t.Good += n
	case feedback.OK:
		t.OK += n
	case feedback.Bad:
		t.Bad += n
	}
}

// plus is the sum of t and u.
func (t Tally) plus(u Tally) Tally {
	return Tally{t.Good + u.Good, t.OK + u.OK, t.Bad + u.Bad}
}

// Total is the number of ratings.
func (t Tally) Total() int { return t.Good + t.OK + t.Bad }

// Score is the mean of the ratings' feedback.Rating.Score as a
// percentage (good 100, ok 50, bad 0), and false when there are none.
func (t Tally) Score() (float64, bool) {
	n := t.Total()
	if n == 0 {
		return 0, false
	}
	s := float64(t.Good)*feedback.Good.Score() + float64(t.OK)*feedback.OK.Score() + float64(t.Bad)*feedback.Bad.Score()
	return 100 * s / float64(n), true
}

// ScoreText is the score rounded to a whole percentage, such as "75%",
// or "—" without ratings.
func (t Tally) ScoreText() string {
	s, ok := t.Score()
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", math.Round(s))
}

// Share is the share of ratings that are r, such as "40%".
func (t Tally) Share(r string) string {
	n := t.Total()
	if n == 0 {
		return "—"
	}
	var k int
	switch feedback.Rating(r) {
	case feedback.Good:
		k = t.Good
	case feedback.OK:
		k = t.OK
	case feedback.Bad:
		k = t.Bad
	}
	return fmt.Sprintf("%.0f%%", math.Round(100*float64(k)/float64(n)))
}

// PageRow is one page's ratings.
type PageRow struct {
	Page
	Removed bool // the page is no longer in the site
	Tally
}

// SectionRow is one section's ratings.
type SectionRow struct {
	Name string
	Tally
}

// Bucket is the ratings of one bar of the trend: a day, or a week.
type Bucket struct {
	Start time.Time // midnight UTC
	Days  int       // 1 or 7; the last week may be shorter
	Tally
}

// Report is what the dashboard shows of the selected counts.
type Report struct {
	Total    Tally
	Sections []SectionRow // in reading order, then RemovedSection
	Pages    []PageRow    // pages with ratings, worst score first
	Trend    []Bucket     // oldest first; nil when there are no ratings
}

// aggregate sums counts per page, per section and per day or week of the
// period [from, to). A zero from starts the trend at the first count.
// sectionFilter is allSections or the section shown.
func aggregate(counts []feedback.Count, pages []Page, sectionFilter string, from, to time.Time) Report {
	var rep Report
	known := make(map[string]Page, len(pages))
	for _, p := range pages {
		if _, dup := known[p.Path]; !dup {
			known[p.Path] = p
		}
	}
	perPage := map[string]*PageRow{}
	var first time.Time
	for _, c := range counts {
		if c.N <= 0 {
			continue
		}
		row := perPage[c.Page]
		if row == nil {
			p, ok := known[c.Page]
			if !ok {
				p = Page{Path: c.Page, Title: c.Page, Section: RemovedSection}
			}
			row = &PageRow{Page: p, Removed: !ok}
			perPage[c.Page] = row
		}
		row.add(c.Rating, c.N)
		rep.Total.add(c.Rating, c.N)
		if d := c.Day.UTC(); first.IsZero() || d.Before(first) {
			first = d
		}
	}

	bySection := map[string]*Tally{}
	var names []string
	for _, s := range sections(pages) {
		if sectionFilter == allSections || s == sectionFilter {
			names = append(names, s)
			bySection[s] = &Tally{}
		}
	}
	for _, row := range perPage {
		rep.Pages = append(rep.Pages, *row)
		s := sectionOf(row.Page)
		if bySection[s] == nil {
			names = append(names, s)
			bySection[s] = &Tally{}
		}
		*bySection[s] = bySection[s].plus(row.Tally)
	}
	slices.SortStableFunc(names, func(a, b string) int {
		// Removed pages go last; the rest keep reading order.
		return boolCmp(a == RemovedSection, b == RemovedSection)
	})
	for _, s := range names {
		rep.Sections = append(rep.Sections, SectionRow{Name: s, Tally: *bySection[s]})
	}

	order := make(map[string]int, len(pages))
	for i, p := range pages {
		if _, dup := order[p.Path]; !dup {
			order[p.Path] = i
		}
	}
	slices.SortFunc(rep.Pages, func(a, b PageRow) int {
		sa, _ := a.Score()
		sb, _ := b.Score()
		switch {
		case sa != sb:
			if sa < sb {
				return -1
			}
			return 1
		case a.Total() != b.Total():
			return b.Total() - a.Total() // more ratings first
		case a.Removed != b.Removed:
			return boolCmp(a.Removed, b.Removed)
		case a.Removed:
			return strings.Compare(a.Path, b.Path)
		}
		return order[a.Path] - order[b.Path]
	})

	if rep.Total.Total() > 0 {
		if from.IsZero() {
			from = first
		}
		rep.Trend = trend(counts, from, to)
	}
	return rep
}

// boolCmp orders false before true.
func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// maxDailyDays is the longest span, in days, the trend shows day by day;
// longer spans are shown week by week.
const maxDailyDays = 90

// trend sums counts into buckets from from to to: one per day, or one per
// week when the span is longer than maxDailyDays. Counts outside the span
// are left out.
func trend(counts []feedback.Count, from, to time.Time) []Bucket {
	span := int(to.Sub(from) / day)
	if span <= 0 {
		return nil
	}
	width := 1
	if span > maxDailyDays {
		width = 7
	}
	var out []Bucket
	for start := from; start.Before(to); start = start.AddDate(0, 0, width) {
		n := width
		if end := start.AddDate(0, 0, width); end.After(to) {
			n = int(to.Sub(start) / day)
		}
		out = append(out, Bucket{Start: start, Days: n})
	}
	for _, c := range counts {
		d := c.Day.UTC()
		if d.Before(from) || !d.Before(to) || c.N <= 0 {
			continue
		}
		i := int(d.Sub(from)/day) / width
		out[i].add(c.Rating, c.N)
	}
	return out
}
