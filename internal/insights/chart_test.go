package insights

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/feedback"
)

// svgShape is what a test reads of a chart.
type svgShape struct {
	root      xml.StartElement
	bars      int      // <g class="bar">
	barTitles []string // each bar's <title>
	rects     int
	lines     int // <polyline class="score">
	dots      int // <circle class="score-dot">
}

// parseSVG reads s as XML, failing the test if it is not well-formed.
func parseSVG(t *testing.T, s string) svgShape {
	t.Helper()
	var sh svgShape
	d := xml.NewDecoder(strings.NewReader(s))
	inBar, depth := false, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("chart is not well-formed XML: %v\n%s", err, s)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				sh.root = el
			}
			class := attr(el, "class")
			switch {
			case el.Name.Local == "g" && class == "bar":
				sh.bars++
				inBar = true
			case el.Name.Local == "rect":
				sh.rects++
			case el.Name.Local == "polyline" && class == "score":
				sh.lines++
			case el.Name.Local == "circle" && class == "score-dot":
				sh.dots++
			case el.Name.Local == "title" && inBar:
				var text string
				if err := d.DecodeElement(&text, &el); err != nil {
					t.Fatal(err)
				}
				sh.barTitles = append(sh.barTitles, text)
				depth--
			}
		case xml.EndElement:
			depth--
			if el.Name.Local == "g" {
				inBar = false
			}
		}
	}
	return sh
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func TestChartHasOneBarGroupPerDay(t *testing.T) {
	t.Parallel()
	counts := []feedback.Count{
		{Page: "/", Day: date("2026-11-18"), Rating: feedback.Good, N: 3},
		{Page: "/", Day: date("2026-11-18"), Rating: feedback.Bad, N: 1},
		{Page: "/<b>", Day: date("2026-11-20"), Rating: feedback.OK, N: 2},
		{Page: "/", Day: date("2026-11-21"), Rating: feedback.Good, N: 1},
	}
	svg := string(chartSVG(trend(counts, date("2026-11-18"), date("2026-11-25"))))
	sh := parseSVG(t, svg)
	if sh.root.Name.Local != "svg" || attr(sh.root, "role") != "img" {
		t.Errorf("root: got %v", sh.root)
	}
	if label := attr(sh.root, "aria-label"); !strings.Contains(label, "7 ratings, 4 good, 2 ok, 1 bad") {
		t.Errorf("aria-label: got %q", label)
	}
	if sh.bars != 7 || len(sh.barTitles) != 7 {
		t.Fatalf("got %d bar groups with %d titles, want 7", sh.bars, len(sh.barTitles))
	}
	if sh.barTitles[0] != "Wed 18 Nov 2026: 3 good, 0 ok, 1 bad; score 75%" || sh.barTitles[1] != "Thu 19 Nov 2026: no ratings" {
		t.Errorf("titles: got %q", sh.barTitles)
	}
	if sh.rects != 4 {
		t.Errorf("got %d rects, want 4 (good and bad on the 18th, ok on the 20th, good on the 21st)", sh.rects)
	}
	// The score line breaks on the 19th, which has no ratings: a dot on
	// the 18th, a line from the 20th to the 21st.
	if sh.lines != 1 || sh.dots != 3 {
		t.Errorf("got %d score lines and %d dots, want 1 and 3", sh.lines, sh.dots)
	}
	if strings.Contains(svg, "style=") {
		t.Error("chart uses inline styles, which the Content-Security-Policy forbids")
	}
}

func TestChartWeekly(t *testing.T) {
	t.Parallel()
	counts := []feedback.Count{{Page: "/", Day: date("2026-06-01"), Rating: feedback.Good, N: 1}}
	sh := parseSVG(t, string(chartSVG(trend(counts, date("2025-11-25"), date("2026-11-25")))))
	if sh.bars != 53 || !strings.HasPrefix(sh.barTitles[0], "Week of 25 Nov 2025") {
		t.Errorf("got %d bars, first %q; want 53 weeks", sh.bars, sh.barTitles[0])
	}
}

func TestChartEmpty(t *testing.T) {
	t.Parallel()
	if got := chartSVG(nil); got != "" {
		t.Errorf("got %q, want nothing", got)
	}
}

func TestNiceCeil(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]int{0: 2, 1: 2, 3: 4, 4: 4, 5: 10, 11: 20, 21: 40, 45: 50, 51: 100, 120: 200} {
		if got := niceCeil(n); got != want {
			t.Errorf("niceCeil(%d): got %d, want %d", n, got, want)
		}
	}
}
