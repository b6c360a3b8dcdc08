package pdf

import (
	"errors"
	"fmt"
	"net/url"
	"time"
)

// DefaultTimeout bounds a whole [Print] when [Options.Timeout] is zero:
// starting the browser, loading the document and writing the PDF.
const DefaultTimeout = 2 * time.Minute

// ReadyTimeout bounds the wait for [Options.Ready].
const ReadyTimeout = 30 * time.Second

// Options says what [Print] prints and where.
type Options struct {
	// Chrome is the path of the browser; empty means [FindChrome]("").
	Chrome string
	// URL is the document to print: an http:// or https:// URL (usually
	// on loopback, served by the caller) or a file:// URL.
	URL string
	// Out is the path of the PDF file to write. Its folder must exist.
	Out string
	// Title is shown in the footer; empty means the document's <title>.
	Title string
	// Footer prints a footer on every page with the title and
	// "page / total pages". The footer is drawn in the bottom page margin,
	// so the document's @page rule must leave one (about 1.5cm).
	Footer bool
	// Ready, when set, is a JavaScript expression that the document
	// makes true once it has finished drawing (diagrams drawn by a
	// script). Print waits for it after the images and fonts, for at
	// most ReadyTimeout, and then prints what there is.
	Ready string
	// Progress, when set, is called with a short description of each
	// stage as it starts, such as "loading https://...".
	Progress func(stage string)
	// Timeout bounds the whole print; zero means [DefaultTimeout].
	Timeout time.Duration
}

// Result describes the PDF that [Print] wrote.
type Result struct {
	// Bytes is the size of the file written.
	Bytes int64
	// Pages is the number of pages, counted from the page objects as the
	// file is written; zero when they could not be counted.
	Pages int
}

// validate checks the options that need no browser.
func (o Options) validate() error {
	if o.URL == "" {
		return errors.New("no URL to print")
	}
	u, err := url.Parse(o.URL)
	if err != nil {
		return fmt.Errorf("URL to print: %w", err)
	}
	switch u.Scheme {
	case "http", "https", "file":
	default:
		return fmt.Errorf("URL to print %q: scheme must be http, https or file", o.URL)
	}
	if o.Out == "" {
		return errors.New("no output path for the PDF")
	}
	if o.Timeout < 0 {
		return fmt.Errorf("timeout %v is negative", o.Timeout)
	}
	return nil
}

// progress reports a stage to o.Progress when it is set.
func (o Options) progress(stage string) {
	if o.Progress != nil {
		o.Progress(stage)
	}
}
