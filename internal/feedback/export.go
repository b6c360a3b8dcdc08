package feedback

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// CSVHeader is the first row WriteCSV writes: the names of its columns.
var CSVHeader = []string{"time", "page", "rating", "comment", "version"}

// WriteCSV writes the entries f selects from st to w as CSV, oldest
// first: a CSVHeader row, then one row per entry with the time in RFC 3339
// UTC. A cell that a spreadsheet would read as a formula gets a leading
// apostrophe (see CSVCell).
func WriteCSV(ctx context.Context, w io.Writer, st Store, f Filter) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	err := st.Each(ctx, f, func(e Entry) error {
		return cw.Write([]string{
			e.Time.UTC().Format(time.RFC3339),
			CSVCell(e.Page),
			CSVCell(string(e.Rating)),
			CSVCell(e.Comment),
			CSVCell(e.Version),
		})
	})
	if err != nil {
		return fmt.Errorf("export feedback as csv: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// CSVCell neutralises a cell that a spreadsheet would run as a formula:
// one starting with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe. Other cells are returned as they are.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// jsonEntry is an Entry as WriteJSON writes it.
type jsonEntry struct {
	Time    string `json:"time"`
	Page    string `json:"page"`
	Rating  Rating `json:"rating"`
	Comment string `json:"comment"`
	Version string `json:"version"`
}

// WriteJSON writes the entries f selects from st to w as one JSON array
// of objects {time, page, rating, comment, version}, oldest first, one
// object a line. Entries are written as they are read, never all held in
// memory.
func WriteJSON(ctx context.Context, w io.Writer, st Store, f Filter) error {
	bw := bufio.NewWriter(w)
	sep := "[\n"
	err := st.Each(ctx, f, func(e Entry) error {
		b, err := json.Marshal(jsonEntry{
			Time:    e.Time.UTC().Format(time.RFC3339),
			Page:    e.Page,
			Rating:  e.Rating,
			Comment: e.Comment,
			Version: e.Version,
		})
		if err != nil {
			return err
		}
		if _, err := bw.WriteString(sep); err != nil {
			return err
		}
		sep = ",\n"
		_, err = bw.Write(b)
		return err
	})
	if err != nil {
		return fmt.Errorf("export feedback as json: %w", err)
	}
	end := "\n]\n"
	if sep == "[\n" {
		end = "[]\n"
	}
	if _, err := bw.WriteString(end); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
