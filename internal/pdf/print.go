package pdf

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdpio "github.com/chromedp/cdproto/io"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Print starts a headless browser, opens o.URL, waits until the document,
// its images and its fonts are loaded, prints it to PDF and writes the
// PDF to o.Out through a temporary file beside it. The PDF uses the page
// size of the document's CSS @page rule, prints backgrounds, has an
// outline made from the headings and is tagged; o.Footer adds a footer.
//
// Cancelling ctx, or reaching o.Timeout, stops the browser, and o.Out is
// left as it was.
func Print(ctx context.Context, o Options) (Result, error) {
	if err := o.validate(); err != nil {
		return Result{}, fmt.Errorf("print to PDF: %w", err)
	}
	chrome, err := FindChrome(o.Chrome)
	if err != nil {
		return Result{}, fmt.Errorf("print to PDF: %w", err)
	}
	timeout := o.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	o.progress("starting " + chrome)
	allocOpts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("hide-scrollbars", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, allocOpts...)
	defer cancelAlloc()
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()

	res, err := chromedp.Run(tabCtx, printAction(o))
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
			err = fmt.Errorf("%w (%w)", err, ctxErr)
		}
		return Result{}, fmt.Errorf("print %s to PDF: %w", o.URL, err)
	}
	return res, nil
}

// printAction loads the document, waits for it and writes the PDF.
func printAction(o Options) chromedp.Action[Result] {
	return func(ctx context.Context, t *chromedp.Target) (Result, error) {
		o.progress("loading " + o.URL)
		if err := load(ctx, t, o.URL); err != nil {
			return Result{}, err
		}
		o.progress("waiting for images and fonts")
		if err := waitReady(ctx, t); err != nil {
			return Result{}, err
		}
		if o.Ready != "" {
			o.progress("waiting for the document to finish drawing")
			if err := waitScript(ctx, t, o.Ready); err != nil {
				return Result{}, err
			}
		}
		o.progress("printing")
		p := page.PrintToPDFParams{
			PrintBackground:         ptr(true),
			PreferCSSPageSize:       ptr(true),
			GenerateDocumentOutline: ptr(true),
			GenerateTaggedPDF:       ptr(true),
			TransferMode:            page.PrintToPDFTransferModeReturnAsStream,
		}
		if o.Footer {
			p.DisplayHeaderFooter = ptr(true)
			p.HeaderTemplate = headerTemplate
			p.FooterTemplate = footerTemplate(o.Title)
		}
		printed, err := cdp.Call(ctx, t, page.PrintToPDF, p)
		if err != nil {
			return Result{}, fmt.Errorf("Page.printToPDF: %w", err)
		}
		o.progress("writing " + o.Out)
		return writeStream(ctx, t, printed.Stream, o.Out)
	}
}

// load navigates to u and waits for its load event. An HTTP error status
// is an error, so that a 404 page is not printed as the document.
func load(ctx context.Context, t *chromedp.Target, u string) error {
	resp, err := chromedp.NavigateResponse(u)(ctx, t)
	if err != nil {
		return fmt.Errorf("load %s: %w", u, err)
	}
	if resp != nil && resp.Status >= 400 {
		return fmt.Errorf("load %s: HTTP status %d %s", u, resp.Status, resp.StatusText)
	}
	return nil
}

// readyScript loads lazy images at once, then tells whether the document
// and all its images are loaded (complete is also true for a broken image,
// which then prints as broken rather than blocking the print).
const readyScript = `(() => {
	for (const img of document.querySelectorAll('img[loading=lazy]')) img.loading = 'eager';
	return document.readyState === 'complete' && Array.from(document.images).every(img => img.complete);
})()`

// waitReady waits until the document and its images are loaded, then
// until its fonts are.
func waitReady(ctx context.Context, t *chromedp.Target) error {
	if _, err := chromedp.Poll[bool](readyScript, chromedp.WithPollingInterval(50*time.Millisecond))(ctx, t); err != nil {
		return fmt.Errorf("wait for the document and its images: %w", err)
	}
	if _, err := chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)(ctx, t); err != nil {
		return fmt.Errorf("wait for the document's fonts: %w", err)
	}
	return nil
}

// waitScript waits until the expression ready is true, for at most
// ReadyTimeout; a document that never gets there is printed as it is.
func waitScript(ctx context.Context, t *chromedp.Target, ready string) error {
	wctx, cancel := context.WithTimeout(ctx, ReadyTimeout)
	defer cancel()
	_, err := chromedp.Poll[bool]("Boolean("+ready+")", chromedp.WithPollingInterval(50*time.Millisecond))(wctx, t)
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("wait for the document to finish drawing: %w", err)
	}
	return nil
}

// writeStream reads the browser's stream h with IO.read until its end,
// writing it to out through a temporary file, and closes the stream.
func writeStream(ctx context.Context, t *chromedp.Target, h cdpio.StreamHandle, out string) (res Result, err error) {
	defer func() {
		// The browser keeps the stream until it is closed, also when the
		// read failed or ctx ended.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if _, cerr := cdp.Call(cctx, t, cdpio.Close, cdpio.CloseParams{Handle: h}); cerr != nil && err == nil {
			err = fmt.Errorf("close the PDF stream: %w", cerr)
		}
	}()
	f, err := createAtomic(out)
	if err != nil {
		return Result{}, err
	}
	committed := false
	defer func() {
		if !committed {
			f.discard()
		}
	}()
	for {
		chunk, err := cdp.Call(ctx, t, cdpio.Read, cdpio.ReadParams{Handle: h, Size: 1 << 20})
		if err != nil {
			return Result{}, fmt.Errorf("read the PDF stream: %w", err)
		}
		if _, err := f.Write(chunk.Data); err != nil {
			return Result{}, err
		}
		if chunk.EOF {
			break
		}
	}
	if err := f.commit(); err != nil {
		return Result{}, err
	}
	committed = true
	return Result{Bytes: f.n, Pages: f.pages.n}, nil
}

// ptr returns a pointer to v, for the optional fields of the protocol.
func ptr[T any](v T) *T { return &v }
