// Package markdown turns a page body written the way GitBook writes
// Markdown into HTML. It knows nothing of pages, books or sites: links and
// images are resolved through a Resolver the caller passes to Render.
//
// # Basics
//
// One Engine (one goldmark.Markdown) is built per build and shared by every
// worker. Parse and Render are separate steps: Parse gives a Doc whose title
// and headings (with their final IDs) can be read before rendering, for the
// page header and the "On this page" outline; Render writes the body and
// returns Problems, each at a byte offset of the source, for positioned
// diagnostics (see package diag).
//
// The flavour is CommonMark with GFM tables, strikethrough, task lists and
// autolinks, plus footnotes; no typographer.
//
// # What Render decides
//
//   - Headings get GitHub-style IDs (see Slug), made unique with "-1",
//     "-2"... GitBook's explicit anchors (`## Title <a id="x"></a>`) win and
//     leave the visible text. Each heading ends with a permalink,
//     <a class="anchor" href="#id" aria-label="Permalink">#</a>. The first
//     level-1 heading is the title and is not rendered. A heading that
//     skips a level ("##" then "####") is written one level below the
//     last, with class "hb-hN" giving its written level N, so that screen
//     readers find no gap; Headings keeps the written levels.
//   - Links and images go through the Resolver. A destination that cannot be
//     resolved keeps its text (<span class="broken-link">, or the alt text in
//     <span class="broken-image">) and gives a Problem at the destination.
//     Links to http(s) get rel="noopener". Autolinks are absolute and stay.
//   - An image alone in its paragraph is a <figure>, captioned with the
//     image's title. Images load lazily.
//   - Tables are wrapped in <div class="table-wrap"> and aligned with align
//     attributes, so pages need no inline styles.
//   - Fenced code is highlighted by chroma with CSS classes (HighlightCSS is
//     the stylesheet); unknown languages are plain escaped code; mermaid
//     fences stay text in <pre class="mermaid"> for the browser.
//   - Raw HTML goes through the allow-list in package htmlfilter: the HTML
//     GitBook writes passes, scripts and embeds never do, and text written
//     like a tag ("<summary of incident>") shows as text.
//   - GitBook's blocks written as raw HTML get their look: icons
//     (<i class="fa-github">) become inline SVG, text colours and
//     highlights become hb-color-*/hb-bg-* classes, buttons get their
//     data-icon, a search button (<button data-action="search">) stays
//     for the site's search to take over and other action buttons go.
//     Tables with data-view="cards" become a grid of cards, tables with
//     typed or hidden columns a table showing checkboxes, ratings and
//     select labels (cards.go, richtable.go), and a <picture> with a dark
//     variant two images the page's theme chooses between (figure.go).
//     Their plain Markdown is a list of links, a pipe table and
//     "![alt](src)" with an italic caption (degradehtml.go).
//
// # Caveats
//
// Output is byte-for-byte deterministic with one exception: chroma allows
// each regular-expression match 250 ms, so a process starved of CPU for that
// long could highlight a code block differently.
package markdown
