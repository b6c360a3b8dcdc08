package feedback

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Rating is what a reader answered to "Was this helpful?".
type Rating string

// The three ratings, as GitBook offers them.
const (
	Good Rating = "good"
	OK   Rating = "ok"
	Bad  Rating = "bad"
)

// Ratings are the ratings in the order the widget shows them.
var Ratings = []Rating{Good, OK, Bad}

// ParseRating returns the rating named s.
func ParseRating(s string) (Rating, error) {
	switch r := Rating(s); r {
	case Good, OK, Bad:
		return r, nil
	}
	return "", fmt.Errorf("rating %q is not one of good, ok, bad", s)
}

// Score is the rating's worth in a page's score: 1 for good, 0.5 for ok
// and 0 for bad.
func (r Rating) Score() float64 {
	switch r {
	case Good:
		return 1
	case OK:
		return 0.5
	}
	return 0
}

// Comment length limits, in characters.
const (
	MinComment = 3
	MaxComment = 512
	// MaxPage is the longest page path accepted.
	MaxPage = 1024
)

// Entry is one rating of one page.
type Entry struct {
	ID      string    // random token (NewID); unique
	Time    time.Time // when it was given, UTC
	Page    string    // the page's URL path, such as "/company/about-mattermost"
	Rating  Rating
	Comment string // "" or MinComment to MaxComment characters
	Version string // the handbook version the reader saw; "" when there is one
}

// NewID returns a fresh random entry ID: 128 bits, hex-encoded.
func NewID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Validate checks what a reader sent: the page, the rating and the
// comment. It does not know which pages exist; the server checks that.
func (e *Entry) Validate() error {
	if e.Page == "" || !strings.HasPrefix(e.Page, "/") {
		return fmt.Errorf("page must be the page's URL path, starting with /")
	}
	if len(e.Page) > MaxPage || !utf8.ValidString(e.Page) {
		return fmt.Errorf("page is not a valid URL path")
	}
	if _, err := ParseRating(string(e.Rating)); err != nil {
		return err
	}
	return ValidateComment(e.Comment)
}

// ValidateComment checks a comment: valid UTF-8 without control
// characters other than newlines and tabs, and either empty or from
// MinComment to MaxComment characters once trimmed.
func ValidateComment(c string) error {
	if !utf8.ValidString(c) {
		return fmt.Errorf("comment is not valid UTF-8")
	}
	for _, r := range c {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f {
			return fmt.Errorf("comment contains a control character")
		}
	}
	n := utf8.RuneCountInString(strings.TrimSpace(c))
	if c != "" && n < MinComment {
		return fmt.Errorf("comment must be at least %d characters", MinComment)
	}
	if utf8.RuneCountInString(c) > MaxComment {
		return fmt.Errorf("comment must be at most %d characters", MaxComment)
	}
	return nil
}

// Filter selects entries. The zero Filter selects all of them.
type Filter struct {
	From, To time.Time // entries with From <= Time < To; a zero bound is open
	Pages    []string  // only these pages; nil means every page
}

// Count is how many entries one page got with one rating on one day.
type Count struct {
	Page   string
	Day    time.Time // midnight UTC
	Rating Rating
	N      int
}

// Store keeps feedback. Every method is safe for concurrent use.
type Store interface {
	// Add stores e. When it returns nil the entry is durable: it
	// survives the process being killed and the machine losing power.
	Add(ctx context.Context, e Entry) error
	// Amend sets the rating and the comment of the entry with the given
	// ID, if it was given at or after since; otherwise it returns
	// ErrNotFound.
	Amend(ctx context.Context, id string, r Rating, comment string, since time.Time) error
	// Counts returns the number of entries per page, day and rating,
	// ordered by page, day and rating.
	Counts(ctx context.Context, f Filter) ([]Count, error)
	// Comments returns up to limit entries with a comment, newest first.
	Comments(ctx context.Context, f Filter, limit int) ([]Entry, error)
	// Each calls fn with every selected entry, oldest first, and stops
	// at fn's first error, which it returns.
	Each(ctx context.Context, f Filter, fn func(Entry) error) error
	// Close releases the store; pending Adds finish first.
	Close() error
}
