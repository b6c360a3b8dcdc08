// Package summary parses a GitBook SUMMARY.md, the table of contents of a
// space, into a Summary: an optional title, then groups of nested sidebar
// entries.
//
// Parse is pure: it takes the file's bytes and returns typed values and
// positioned diagnostics. It reads no other file and never checks that a
// target exists; resolving targets against the content root, spotting a
// file listed twice and creating pages is the loader's work.
//
// # Grammar
//
// The file is CommonMark, parsed with goldmark; the grammar below is over
// goldmark's block tree, not over raw lines, so anything CommonMark allows
// (setext headings, loose lists, reference links, "1." markers) is read the
// way any Markdown renderer would read it.
//
//	summary       = [ title ] , [ list ] , { group } ;
//	title         = "#" , inline text ;               (* first block only *)
//	group         = separator , { list } ;
//	separator     = group heading | rule ;
//	group heading = ( "##" | "###" ) , inline text , [ anchor ] ;
//	anchor        = "<a" , { attribute } , 'id="' , id , '"' , ">" , "</a>" ;
//	rule          = "---" | "***" | "___" ;            (* a thematic break *)
//	list          = item , { item } ;
//	item          = marker , entry , { indented list } ;
//	marker        = "*" | "-" | "+" | digits , ( "." | ")" ) ;
//	entry         = link | inline text ;
//	link          = "[" , inline text , "]" , "(" , target , [ link title ] , ")"
//	              | "<" , absolute url , ">" ;
//	target        = absolute url | [ "/" | "./" ] , path , [ "#" , fragment ]
//	              | "<" , path with spaces , ">" ;
//	link title    = '"' , text , '"' | "'" , text , "'" | "(" , text , ")" ;
//
// # Title and groups
//
// The first block, when it is a level-1 heading, is the title of the table
// of contents ("Table of contents", "Summary"). It is not a page and is not
// shown. A level-1 heading anywhere else starts a group, with a warning.
//
// A "##" heading starts a group: an unlinked label above the entries that
// follow it. "###" headings (HonKit) and thematic breaks ("---") are also
// separators; a break starts a group with an empty title. Entries before
// the first separator go in a leading group whose title is empty. A group
// title is plain text: inline formatting is dropped and backslash escapes
// are undone. A trailing empty anchor, as GitBook writes it,
//
//	## Company <a href="#company" id="company"></a>
//
// is removed from the title and its id kept in Group.ID. Headings of level
// 4 to 6 also start a group, with a warning. A group heading with no entries
// after it is kept, with a warning; an untitled group left empty by a
// thematic break is dropped.
//
// # Entries
//
// Each list item is one sidebar entry. Any marker is accepted ("*", "-",
// "+" or an ordered "1."), nested by 2 or 4 spaces or a tab, to any depth;
// a nested list makes child entries. The entry's title is the link text as
// plain text: backslash escapes and entities are undone ("\(MLT\)" becomes
// "(MLT)"), emphasis and code marks are dropped, an image counts as its alt
// text, and line breaks become spaces. An optional quoted link title
// ([Page](page.md "Short")) is kept in Item.LinkTitle: GitBook shows it in
// the sidebar and in previous/next links instead of the link text.
//
// The target is the destination as written, with "<...>" brackets removed,
// backslash escapes and entities undone and, for a local path, "%XX"
// percent-encoding decoded ("%20" becomes a space), except "%23", which stays
// encoded so that the first "#" always starts the fragment. A fragment
// ("page.md#section") is kept. A leading "/" or "./" is kept: both mean the
// root of the space, and the loader resolves them. A target with a URL
// scheme ("https:", "mailto:") or starting with "//" is External and is kept
// exactly as written, percent-encoding included.
//
// # Tolerated mistakes
//
// Odd input gives warnings, never errors, and Parse never panics:
//
//   - an entry with no link (plain text) is kept as an Item with an empty
//     Target, so its children still appear under it; the sidebar can show it
//     as an unlinked label. It gets the warning "sidebar entry %q has no link";
//   - an entry with more than one link, or text outside its link, uses the
//     first link; the rest is reported. When the extra text starts with a
//     list marker, the hint says the line is indented too far to nest;
//   - an empty list item is dropped, and its nested entries move up to its
//     place;
//   - an empty link target or an empty title is reported and kept;
//   - paragraphs, quotes, code blocks and HTML outside list items are
//     ignored with a warning (HTML comments silently);
//   - a UTF-8 byte order mark is removed before parsing; positions count from
//     the first character after it.
//
// Positions are 1-based line and column (in characters) of the entry's "["
// and of the group heading's first "#".
package summary
