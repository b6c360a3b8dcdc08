// Package expr parses and evaluates GitBook's variables, expressions and
// conditions (sections 4.20, 4.21 and 7.15 of the GitBook format reference,
// shared/spec/gitbook-format.md beside the repository): the JavaScript
// written in <code class="expression">space.vars.latest_version</code>,
// visitor.claims.unsigned.first_name ?? "there", and the conditions of
// {% if visitor.claims.plan === "enterprise" %} and {% elsif … %}.
//
// Expressions read three variables: space.vars (the space's
// .gitbook/vars.yaml), page.vars (the page's front matter) and
// visitor.claims (adaptive content; untrusted claims under
// visitor.claims.unsigned). NewScope builds that scope. The package imports
// only the standard library, never panics and runs no code: an expression
// is a safe subset of JavaScript with no loops, assignments, functions or
// side effects.
//
// Parse turns source into an *Expr, or an *Error with a byte offset, a
// lowercase message and a hint. Eval evaluates an Expr against a scope and
// returns a Value; Value.String is what GitBook prints and Value.Truthy
// decides a condition. Paths lists the variables an expression reads, for
// diagnostics and to tell whether it depends on the visitor. String prints
// the canonical form, which Parse reads back to the same Expr. Lookup reads
// a plain variable path, for the rare {% vars.name %} form.
//
// # Grammar
//
// Over UTF-8 text, in EBNF, lowest precedence first; white space
// (JavaScript's, line breaks included) may separate tokens:
//
//	expression  = coalesce , [ "?" , expression , ":" , expression ] ;
//	coalesce    = or , { "??" , or } ;   (* no unparenthesized || or && beside ?? *)
//	or          = and , { "||" , and } ;
//	and         = equality , { "&&" , equality } ;
//	equality    = relational , { ( "===" | "!==" | "==" | "!=" ) , relational } ;
//	relational  = additive , { ( "<" | "<=" | ">" | ">=" ) , additive } ;
//	additive    = multiplicative , { ( "+" | "-" ) , multiplicative } ;
//	multiplicative = unary , { ( "*" | "/" | "%" ) , unary } ;
//	unary       = ( "!" | "-" ) , unary | postfix ;
//	postfix     = primary , { member | call } ;
//	member      = ( "." | "?." ) , name | [ "?." ] , "[" , expression , "]" ;
//	call        = ( "." | "?." ) , method , "(" , [ expression , { "," , expression } , [ "," ] ] , ")" ;
//	method      = "toUpperCase" | "toLowerCase" | "trim" | "includes"
//	            | "startsWith" | "endsWith" | "join" ;
//	primary     = variable | literal | template | "(" , expression , ")" ;
//	literal     = number | string | "true" | "false" | "null" | "undefined"
//	            | "NaN" | "Infinity" ;
//	variable    = name - ( literal words | reserved words ) ;
//	name        = ( letter | "$" | "_" ) , { letter | digit | "$" | "_" } ;
//	number      = decimal | "0" , ( "x" | "X" ) , hex digit , { hex digit }
//	            | "0" , ( "o" | "O" ) , octal digit , { octal digit }
//	            | "0" , ( "b" | "B" ) , binary digit , { binary digit } ;
//	decimal     = ( integer , [ "." , { digit } ] | "." , digit , { digit } ) ,
//	              [ ( "e" | "E" ) , [ "+" | "-" ] , digit , { digit } ] ;
//	integer     = "0" | nonzero digit , { digit } ;
//	string      = '"' , { char | escape } , '"' | "'" , { char | escape } , "'" ;
//	template    = "`" , { char | escape | "${" , expression , "}" } , "`" ;
//	escape      = "\" , ( "n" | "t" | "r" | "b" | "f" | "v" | "0" | "x" hex hex
//	            | "u" hex hex hex hex | "u{" hex { hex } "}" | line break | other char ) ;
//
// In prose:
//
//   - Names follow JavaScript: letters are Unicode letters, and after the
//     first character Unicode digits and combining marks too. Any name,
//     reserved words included, may follow a dot: space.vars.default. A key
//     that is not a name is written in brackets: space.vars["release-date"].
//   - Strings cannot span lines (write \n). Escapes are JavaScript's; octal
//     escapes are errors, as in strict mode, and a lone surrogate (\uD800)
//     becomes U+FFFD, as Go strings are UTF-8. Template literals may span
//     lines and nest.
//   - Numbers are double-precision floats. 017 and 08 are errors (write
//     0o17); numeric separators (1_000) and BigInt (1n) are not supported.
//   - A call must name one of the allowed methods after a dot: a function
//     call f(), a computed call a["trim"]() and an optional call a.trim?.()
//     are errors. Methods outside the list are errors too.
//   - As in JavaScript, ?? cannot be mixed with || or && without
//     parentheses: a || b ?? c is an error.
//   - Everything else JavaScript has is an error with a hint: assignment
//     (=, +=, ++), statements (;, if, for), functions (function, =>), new,
//     this, typeof, delete, in, instanceof, the comma operator, spread,
//     bitwise operators, **, unary +, regular expressions, comments, array
//     and object literals and tagged templates. So are Liquid's and, or,
//     not and contains, and curly quotes.
//   - An expression is at most MaxLen bytes, and nests at most MaxDepth
//     levels, counting every operator, member access and call as one level
//     of the syntax tree, and every parenthesis.
//
// # Semantics
//
// Evaluation follows JavaScript, with one deliberate difference: reading a
// property of undefined or null gives undefined rather than throwing, as if
// every access were ?., because GitBook shows a missing variable as empty.
//
//   - Variables are the top-level keys of the scope. A missing key is
//     undefined; a key whose value is nil is null. Objects are maps with
//     string keys and arrays are slices (ValueOf lists the Go types).
//     Arrays and strings have length, and elements or UTF-16 code units by
//     index; objects have only their own keys (no prototype: x.constructor
//     is undefined unless the map holds it).
//   - + concatenates when either side is a string, after turning arrays
//     into their comma-joined elements and objects into "[object Object]";
//     otherwise it adds numbers. "v" + 1 is "v1", 1 + 2 + "3" is "33", and
//     "a" + undefined is "aundefined" (only a whole result that is undefined
//     or null prints as empty). - * / % convert to numbers: "" and null are
//     0, true is 1, undefined and "abc" are NaN.
//   - === compares type and value (NaN differs from itself, 0 equals -0,
//     objects equal only themselves); == converts first: "1" == 1,
//     1 == true, null == undefined, but null != 0. < <= > >= compare two
//     strings by UTF-16 code units and anything else as numbers; a
//     comparison with NaN (or undefined) is false.
//   - && and || return one of their operands and stop early; ?? returns its
//     right operand only when the left is undefined or null. !x and the
//     condition of ?: use truthiness (Value.Truthy).
//   - The string methods toUpperCase, toLowerCase (with Go's simple case
//     mapping, so "ß" stays "ß"), trim (JavaScript's white space),
//     includes, startsWith and endsWith (with their optional position
//     argument, in UTF-16 code units); the array methods includes (with
//     SameValueZero, so NaN is found) and join (default ","; undefined and
//     null elements are empty). A method called on a value of another type
//     is undefined, as is the value of a method name read as a property.
//   - Strings that an expression builds longer than 1 MiB are undefined,
//     and join descends at most 32 levels into nested arrays, so a scope
//     holding huge or self-containing arrays cannot exhaust memory.
//
// Value.String prints undefined and null as "", numbers as JavaScript does
// (3, 2.5, 1e+21, NaN, Infinity), booleans as true and false.
package expr
