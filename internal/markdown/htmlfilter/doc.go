// Package htmlfilter sanitizes the raw HTML written inside Markdown pages
// against an allow-list, with golang.org/x/net/html's tokenizer.
//
// # Rules
//
// A tag is real HTML only if its element is allowed and each of its
// attributes is a known HTML attribute. Then:
//
//   - Allowed: the HTML GitBook writes (a, img, figure, figcaption, picture,
//     source, tables, p, br, hr, div, span, details, summary, sup, sub,
//     inline text elements, code, pre, kbd, lists, blockquote, h1-h6, dl,
//     video and audio) with global attributes (id, class, title, lang, dir,
//     align, role, hidden, translate, aria-*, data-*) and per-element ones
//     (href, src, srcset, alt, width, height, media, colspan, rowspan, open,
//     start, type, ...). Other known attributes (style, target, rel,
//     autoplay, on* handlers) are dropped; a style's text-align is kept as
//     align.
//   - Dropped with their content: script, style, iframe, object, embed, svg,
//     math, template, noscript, textarea, select, title and the like.
//   - Dropped, content kept: form controls and document structure (form,
//     input, button, label, html, body); meta, link and base go entirely.
//   - Everything else prints literally, as escaped text: "<customer>",
//     "<time>", "<summary of incident>" (of and incident are no attributes),
//     "<Run ID>". Authors write such placeholders; hiding them would lose text.
//
// GitBook's own markup gets more (gitbook.go): the text colour and
// background of a style attribute, when GitBook offers them (IsColor),
// become classes on <mark>, <span> and <i> (other colours go, and
// Filter.Problem hears of them); with Filter.Icon set, an icon
// (<i class="fa-…">) is drawn as SVG in place of its fallback text and
// data-icon adds one to a button (a name it cannot draw is reported to
// Filter.Problem); a search button (<button data-action="search">) and an
// ask button, which opens the search too, pass as type="button", and any
// other button is dropped, its text kept.
//
// URL attributes (href, src, srcset, poster) lose javascript:, vbscript: and
// data: values (data:image/ stays for images) and then go to Filter.URL, the
// caller's resolver. Comments and doctypes are dropped.
//
// A Filter serves one document: it tracks the elements fragments opened,
// drops end tags that would close markup it did not open, and Close ends
// what is left open, so page content cannot break the page around it.
package htmlfilter
