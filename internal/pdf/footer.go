package pdf

import "html"

// headerTemplate is an empty header: without one, the browser prints the
// date and the title at the top of each page when the footer is on.
const headerTemplate = `<span></span>`

// footerTemplate returns the HTML of the footer: the title on the left
// and "page / total" on the right. An empty title shows the document's
// <title>. The browser's default font size in a footer is 0, so the
// template sets one.
func footerTemplate(title string) string {
	t := `<span class="title"></span>`
	if title != "" {
		t = `<span>` + html.EscapeString(title) + `</span>`
	}
	return `<div style="font-family:sans-serif;font-size:9px;color:#555;width:100%;margin:0 1cm;` +
		`display:flex;justify-content:space-between">` + t +
		`<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
}
