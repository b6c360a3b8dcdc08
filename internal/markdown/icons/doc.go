// Package icons draws Font Awesome icons as inline SVG. GitBook names them
// in several places: <i class="fa-github">:github:</i> in page text, the
// icon of a hint or a tab (icon="triangle-exclamation") and the data-icon
// of a button; SVG turns any of these names into markup that takes the
// size and colour of the text around it.
//
// # Data
//
// The icons are Font Awesome Free's solid, regular and brands sets (icons
// CC BY 4.0, see LICENSE.txt), kept in icons.gen.txt.gz and decoded once, on
// first use. The file is gzipped text written by internal/gen from the npm
// package @fortawesome/fontawesome-free; regenerate it rather than edit it.
// After a comment line it holds one section per style, "@solid",
// "@regular" and "@brands", each a sorted list of lines:
//
//	name W H PATH    an icon drawn in viewBox="0 0 W H" by <path d="PATH"/>
//	name =other      an alias: drawn as other, an earlier icon of the style
//
// # Names
//
// A name is a class attribute or a bare icon name, with or without the
// "fa-" prefix: "fa-github", "github", "fa-solid fa-bolt", "fab fa-github".
// The first word that names an icon is used; other words (fa-fw, fa-lg)
// are ignored. A style word (fa-solid/fas, fa-regular/far,
// fa-brands/fab) chooses the style when the icon has it; otherwise, and
// for a bare name, solid comes before regular and regular before brands.
// Font Awesome's aliases work too (exclamation-triangle draws
// triangle-exclamation). Pro-only icons and styles are not available.
package icons
