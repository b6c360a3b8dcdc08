// Package liquid lexes the Liquid-like block tags GitBook writes in
// Markdown, such as {% hint style="info" %} … {% endhint %}, with exact byte
// offsets, and pairs start and end tags into a tree. It knows nothing of
// Markdown blocks or HTML: the block parsers of package blocks build on it.
// It imports only the standard library and never evaluates anything; a
// "{{ … }}" is not a tag (GitBook shows it literally).
//
// Parse lexes one tag, Scan finds every tag of a page and Pair nests them.
// Every offset is a byte offset in the input; callers turn offsets into
// file:line:col. Errors (*Error) carry an offset, a lowercase message and a
// hint.
//
// # Grammar
//
// Over bytes, in EBNF; section numbers here and below are those of the
// GitBook format reference, shared/spec/gitbook-format.md beside the
// repository (section 4.0 for the syntax):
//
//	tag        = "{%" , [ "-" ] , sp , body , sp , [ "-" ] , "%}" ;
//	body       = cond name , sep , condition
//	           | [ "end" ] , name , { sep , arg } ;
//	cond name  = "if" | "elsif" ;
//	name       = letter , { letter | digit | "-" | "_" | "." } ;
//	arg        = key , sp , "=" , sp , value | value ;
//	key        = ( letter | "_" ) , { letter | digit | "-" | "_" | "." | ":" } ;
//	value      = quoted | bare ;
//	quoted     = '"' , { escape | char - ( '"' | newline ) } , '"'
//	           | "'" , { escape | char - ( "'" | newline ) } , "'" ;
//	escape     = "\" , ( '"' | "'" | "\" ) ;
//	bare       = bare char , { bare char } ;
//	bare char  = char - ( space | '"' | "'" ) ;   (* and not at "%}", "-%}" or "{%" *)
//	condition  = { quoted | char - ( '"' | "'" ) } ; (* up to "%}"; not empty *)
//	sep        = space , sp ;
//	sp         = { space } ;                       (* no blank line *)
//	space      = " " | tab | newline | CR | FF | VT ;
//	letter     = "A" … "Z" | "a" … "z" ;
//
// In prose:
//
//   - A tag may be written on one line or spread over several, with any
//     spaces and line breaks between its parts, but it cannot span a blank
//     line, and a quoted value ends on its line. A tag may start anywhere in
//     a line: indented in a list item, or in the compact form
//     {% tab title="A" %} text {% endtab %}.
//   - Names are kept as written. GitBook writes them in lower case and they
//     are compared case-sensitively, so {% HINT %} is an unknown tag. A name
//     of more than three bytes starting with "end" and a letter is an end
//     tag: {% endhint %} has Name "hint" and End set; {% end %} is a tag
//     named "end". Unknown names are not errors here.
//   - Arguments are key="value", key='value', key=bare (legacy GitBook
//     writes required=true and httpCode=200) or positional: a quoted or bare
//     value with an empty Key, as in {% include "a.md" %}. Arguments are
//     separated by spaces; "a="1"b" is an error, not two arguments. In
//     quoted values \", \' and \\ are undone and other backslashes kept. A
//     bare word runs to a space, a quote, "%}", "-%}" or "{%".
//   - The condition of {% if … %} and {% elsif … %} (section 4.21) is not
//     split into arguments: it is kept raw, trimmed of surrounding spaces, as
//     one positional argument, such as visitor.claims.plan === "enterprise".
//     Quoted strings in it may hold "%}".
//   - "{%-" and "-%}" (Liquid's whitespace control) are accepted and
//     recorded in Tag.Trim; a "-" right before "%}" is always the marker.
//     End tags may carry arguments; they are lexed and kept.
//   - Malformed tags are errors: an unterminated tag (no "%}" before the end
//     of the file, a blank line or another "{%"), a missing or invalid name,
//     an unclosed quote, a missing value after "=", a missing attribute name
//     before "=", arguments not separated by spaces, an empty condition.
//
// # Scanning a page
//
// Scan looks for "{%" in a whole page and skips what Markdown shows as code,
// where a tag is literal text:
//
//   - Fenced code blocks: a line of three or more backticks or tildes
//     (backtick fences with no backtick after them) opens a block that ends
//     at a line of at least as many of the same character, or at the end of
//     the page. The fence may follow any indentation, blockquote markers and
//     list markers: GitBook indents fences inside list items, and Scan does
//     not track list items, so it cannot apply CommonMark's three-space
//     limit. For the same reason indented code blocks are not recognised;
//     GitBook never writes them.
//   - Code spans: a run of backticks up to the next run of the same length,
//     possibly on a later line of the same paragraph, as CommonMark says.
//     A paragraph here ends at a blank line, a fence, a line starting with
//     "{%", a heading, a thematic break or setext underline, or a list item.
//     A run with no closing run is literal text. A backslash before a
//     backtick or before the "{" of "{%" makes it literal.
//
// Raw HTML is not code to Scan: a tag written inside an HTML <pre> or
// <code> element, or in an HTML comment, is found like any other.
//
// Scan works in time linear in the page: it resumes after each tag, and
// after a malformed one at the point where lexing stopped, and it finds
// closing backtick runs with cmark's memo of the last run of each length.
//
// # Pairing
//
// Pair nests the tags Scan returns. Each name has a Kind (KindOf); the
// section each name comes from is in brackets.
//
// Paired, needing an end tag:
//
//	hint [4.1]; tabs, tab [4.2]; code [4.4]; content-ref [4.6];
//	openapi, openapi-operation, openapi-schemas [4.8];
//	swagger, swagger-description, swagger-parameter, swagger-response [4.8];
//	api-method, api-method-summary, api-method-description, api-method-spec,
//	api-method-request, api-method-path-parameters,
//	api-method-query-parameters, api-method-headers,
//	api-method-body-parameters, api-method-form-data-parameters,
//	api-method-parameter, api-method-response, api-method-response-example,
//	api-method-response-example-description [4.8, legacy];
//	stepper, step [4.13]; columns, column [4.15]; if [4.21];
//	updates, update [4.23]; prompt [4.24];
//	code-tabs, code-tabs-item [4.26, legacy]
//
// Optionally paired, with an end tag only when they carry a caption:
//
//	embed [4.5]; file [4.7]
//
// Single, never with an end tag:
//
//	include [4.22]; page-ref [4.6, 4.26]
//
// Clauses, which split an if block and are children of it:
//
//	else, elsif [4.21; else is not documented by GitBook but is Liquid's]
//
// Expandable blocks are HTML (<details>, section 4.3), not tags. Every other
// name is Unknown and pairs like an optional tag, so a block GitBook adds
// later still nests; the block layer warns about it.
//
// An optional or unknown tag is paired when its end tag follows at the same
// level: an end tag pairs with the innermost open tag of its name. A
// tentative tag still open when an enclosing block ends, or at the end of the
// page, stands alone, and the tags after it move up beside it. Errors, each
// at an offset and with a hint:
//
//   - an end tag with no open tag of its name ("unexpected end tag"), or the
//     end tag of a single tag or clause; the end tag is dropped;
//   - a paired block still open when an enclosing block's end tag comes or
//     the page ends ("unclosed"); the node keeps its children and a nil End;
//   - else or elsif not directly inside an if block.
//
// Pair checks pairing only: which blocks may nest in which (a tab outside
// tabs, a stepper in a step) is for the block layer.
package liquid
