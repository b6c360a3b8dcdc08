package insights

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// The chart's size in SVG user units; it scales to the page's width.
const (
	chartW      = 720
	chartH      = 260
	chartLeft   = 44 // room for the count axis
	chartRight  = 58 // room for the score axis
	chartTop    = 26 // room for the axes' names
	chartBottom = 34 // room for the dates
)

// chartSVG draws the trend as an inline SVG: one stacked bar per bucket
// (good at the bottom, then ok, then bad), each with a <title> for hover,
// and the score as a line on its own axis. It needs no script and no
// inline style: the colours come from the style sheet's classes, which
// follow the light or dark colour scheme. No buckets draws nothing.
func chartSVG(buckets []Bucket) template.HTML {
	if len(buckets) == 0 {
		return ""
	}
	var total Tally
	top := 0
	for _, b := range buckets {
		total = total.plus(b.Tally)
		top = max(top, b.Total())
	}
	top = niceCeil(top)
	plotW := float64(chartW - chartLeft - chartRight)
	plotH := float64(chartH - chartTop - chartBottom)
	base := float64(chartTop) + plotH
	slot := plotW / float64(len(buckets))
	barW := max(slot*0.7, 1)
	weekly := buckets[0].Days > 1 || len(buckets) > 1 && buckets[1].Start.Sub(buckets[0].Start) > day

	var sb strings.Builder
	unit := "day"
	if weekly {
		unit = "week"
	}
	first, last := buckets[0].Start, buckets[len(buckets)-1].Start
	noun := "ratings"
	if total.Total() == 1 {
		noun = "rating"
	}
	label := fmt.Sprintf("Ratings per %s from %s to %s: %d %s, %d good, %d ok, %d bad; score %s",
		unit, first.Format("2 Jan 2006"), last.Format("2 Jan 2006"), total.Total(), noun, total.Good, total.OK, total.Bad, total.ScoreText())
	fmt.Fprintf(&sb, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s">`,
		chartW, chartH, html.EscapeString(label))
	fmt.Fprintf(&sb, `<title>%s</title>`, html.EscapeString(label))

	// Grid and axes: counts on the left, the score on the right.
	for _, f := range []float64{0, 0.5, 1} {
		y := base - f*plotH
		fmt.Fprintf(&sb, `<line class="grid" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, chartLeft, y, chartW-chartRight, y)
		fmt.Fprintf(&sb, `<text class="axis" x="%d" y="%.1f" text-anchor="end">%s</text>`, chartLeft-6, y+4, countLabel(f*float64(top)))
		fmt.Fprintf(&sb, `<text class="axis score-axis" x="%d" y="%.1f">%.0f%%</text>`, chartW-chartRight+6, y+4, f*100)
	}
	fmt.Fprintf(&sb, `<text class="axis" x="%d" y="%d">ratings</text>`, 2, chartTop-14)
	fmt.Fprintf(&sb, `<text class="axis score-axis" x="%d" y="%d" text-anchor="end">score</text>`, chartW-2, chartTop-14)

	// One bar group per bucket; the score is a line through the buckets
	// with ratings, broken where there are none.
	var runs [][]string
	var run []string
	for i, b := range buckets {
		x := float64(chartLeft) + float64(i)*slot + (slot-barW)/2
		fmt.Fprintf(&sb, `<g class="bar"><title>%s</title>`, html.EscapeString(bucketTitle(b, weekly)))
		y := base
		for _, part := range []struct {
			class string
			n     int
		}{{"good", b.Good}, {"ok", b.OK}, {"bad", b.Bad}} {
			if part.n == 0 {
				continue
			}
			h := float64(part.n) / float64(top) * plotH
			y -= h
			fmt.Fprintf(&sb, `<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, part.class, x, y, barW, h)
		}
		sb.WriteString(`</g>`)
		s, ok := b.Score()
		if !ok {
			if run != nil {
				runs, run = append(runs, run), nil
			}
			continue
		}
		run = append(run, fmt.Sprintf("%.1f,%.1f", x+barW/2, base-s/100*plotH))
	}
	if run != nil {
		runs = append(runs, run)
	}
	for _, r := range runs {
		if len(r) > 1 {
			fmt.Fprintf(&sb, `<polyline class="score" points="%s"/>`, strings.Join(r, " "))
		}
		for _, p := range r {
			x, y, _ := strings.Cut(p, ",")
			fmt.Fprintf(&sb, `<circle class="score-dot" cx="%s" cy="%s" r="3"/>`, x, y)
		}
	}

	// Dates under about six of the bars.
	step := max(1, (len(buckets)+5)/6)
	format := "2 Jan"
	if first.Year() != last.Year() {
		format = "Jan 2006"
	}
	for i := 0; i < len(buckets); i += step {
		x := float64(chartLeft) + (float64(i)+0.5)*slot
		fmt.Fprintf(&sb, `<text class="axis" x="%.1f" y="%d" text-anchor="middle">%s</text>`, x, chartH-chartBottom+18, buckets[i].Start.Format(format))
	}
	fmt.Fprintf(&sb, `<line class="baseline" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, chartLeft, base, chartW-chartRight, base)
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// bucketTitle is the hover text of one bar.
func bucketTitle(b Bucket, weekly bool) string {
	when := b.Start.Format("Mon 2 Jan 2006")
	if weekly {
		when = "Week of " + b.Start.Format("2 Jan 2006")
	}
	if b.Total() == 0 {
		return when + ": no ratings"
	}
	return fmt.Sprintf("%s: %d good, %d ok, %d bad; score %s", when, b.Good, b.OK, b.Bad, b.ScoreText())
}

// niceCeil rounds n up to 1, 2, 4 or 5 times a power of ten that is even
// (at least 2), so that the axis's middle mark is a whole number.
func niceCeil(n int) int {
	if n <= 2 {
		return 2
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 4, 5} {
			if m*p >= n && (m*p)%2 == 0 {
				return m * p
			}
		}
	}
}

// countLabel formats an axis count.
func countLabel(f float64) string {
	return fmt.Sprintf("%.0f", f)
}
