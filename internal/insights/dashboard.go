package insights

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"time"

	"github.com/handbookhq/handbook/internal/feedback"
)

// maxComments is how many of the latest comments the dashboard shows.
const maxComments = 50

// option is one choice of a filter.
type option struct {
	Value, Label string
	Selected     bool
}

// commentRow is one comment as the dashboard shows it.
type commentRow struct {
	Time    time.Time
	Page    Page
	Removed bool
	Rating  feedback.Rating
	Comment string
	Version string
}

// dashboardData is what the dashboard template shows.
type dashboardData struct {
	PeriodOptions  []option
	SectionOptions []option
	Period         string // the period's label
	Section        string // the section's name, or "" for all
	From, To       time.Time
	Report
	Chart    template.HTML
	Comments []commentRow
	CSV      string // the CSV's URL with the same filters
}

// dashboard shows the insights for the period and section asked for.
func (h *handler) dashboard(w http.ResponseWriter, r *http.Request) {
	if !h.authorized(r) {
		h.showLogin(w, false)
		return
	}
	pages := h.o.Pages()
	q, err := parseQuery(r.URL.Query(), pages, h.o.Now())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	counts, err := h.o.Store.Counts(ctx, q.Filter)
	if err != nil {
		h.fail(w, r, fmt.Errorf("count feedback: %w", err))
		return
	}
	comments, err := h.o.Store.Comments(ctx, q.Filter, maxComments)
	if err != nil {
		h.fail(w, r, fmt.Errorf("read comments: %w", err))
		return
	}

	d := dashboardData{
		From:   q.From,
		To:     q.To.Add(-day),
		Report: aggregate(counts, pages, q.Section, q.From, q.To),
		CSV:    Prefix + "/feedback.csv?" + q.values().Encode(),
	}
	d.Chart = chartSVG(d.Trend)
	for _, p := range periods {
		d.PeriodOptions = append(d.PeriodOptions, option{p.Name, p.Label, p.Name == q.Period})
		if p.Name == q.Period {
			d.Period = p.Label
		}
	}
	d.SectionOptions = append(d.SectionOptions, option{allSections, "All sections", q.Section == allSections})
	for _, s := range sections(pages) {
		d.SectionOptions = append(d.SectionOptions, option{s, s, s == q.Section})
	}
	if q.Section != allSections {
		d.Section = q.Section
	}
	known := make(map[string]Page, len(pages))
	for _, p := range pages {
		known[p.Path] = p
	}
	for _, e := range comments {
		p, ok := known[e.Page]
		if !ok {
			p = Page{Path: e.Page, Title: e.Page, Section: RemovedSection}
		}
		d.Comments = append(d.Comments, commentRow{
			Time: e.Time.UTC(), Page: p, Removed: !ok, Rating: e.Rating, Comment: e.Comment, Version: e.Version,
		})
	}
	h.render(w, http.StatusOK, "dashboard.html", d)
}

// csv sends the entries the dashboard's filters select as a CSV file.
func (h *handler) csv(w http.ResponseWriter, r *http.Request) {
	if !h.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="handbook insights"`)
		http.Error(w, "log in at "+Prefix+" or send Authorization: Bearer TOKEN", http.StatusUnauthorized)
		return
	}
	now := h.o.Now()
	q, err := parseQuery(r.URL.Query(), h.o.Pages(), now)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/csv; charset=utf-8")
	hd.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="feedback-%s.csv"`, now.UTC().Format("2006-01-02")))
	cw := &countingWriter{w: w}
	if err := feedback.WriteCSV(r.Context(), cw, h.o.Store, q.Filter); err != nil {
		if cw.n > 0 {
			// Too late for an error status: the download is cut short.
			h.o.Logger.Error("insights: csv export cut short", "err", err)
			return
		}
		hd.Del("Content-Disposition")
		h.fail(w, r, err)
	}
}

// countingWriter counts what was written through it.
type countingWriter struct {
	w http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// render executes the template name with data and sends it with status.
func (h *handler) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, name, data); err != nil {
		h.o.Logger.Error("insights: render", "template", name, "err", err)
		http.Error(w, "the page could not be shown", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail logs err and answers 503 when the store cannot be reached, 500
// otherwise, with a message that tells nothing of the cause.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	msg := "the feedback could not be read"
	if errors.Is(err, feedback.ErrUnavailable) {
		status = http.StatusServiceUnavailable
		msg = "the feedback store is unavailable; try again shortly"
	}
	h.o.Logger.Error("insights: "+r.URL.Path, "status", status, "err", err)
	http.Error(w, msg, status)
}
