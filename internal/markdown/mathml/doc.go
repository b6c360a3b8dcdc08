// Package mathml renders TeX math, as GitBook pages write it between $$ and
// $$ (section 4.9 of the GitBook format reference), to MathML at build time,
// so that pages show math without JavaScript. It follows KaTeX's dialect of
// TeX and writes MathML Core, which current browsers render natively. It
// imports only the standard library.
//
// Render is a pure function: the same source gives the same bytes. It
// always returns complete, well-formed MathML; when the source has problems
// it also returns an *Error for the first one, with its byte offset, so
// that callers can show the math and warn. Unknown commands show as
// <merror><mtext>\foo</mtext></merror>. Nesting deeper than 100 levels is an
// error too, and the rest of the source is dropped.
//
// # What is supported
//
//   - Letters (mi, italic), numbers (mn, 3.14 as one), operators and
//     relations (mo); "-" is a minus sign; primes, as in f'(x).
//   - Groups {…}, superscripts and subscripts x^2, x_i, x_i^2, x^{10}.
//   - \frac, \dfrac, \tfrac, \cfrac, \binom, \dbinom, \tbinom, and the infix
//     \over, \choose, \atop.
//   - \sqrt{x} and \sqrt[n]{x}.
//   - Accents over and under: \hat, \widehat, \bar, \overline, \underline,
//     \vec, \tilde, \widetilde, \dot, \ddot, \check, \breve, \acute, \grave,
//     \mathring, \overrightarrow and kin, \overbrace and \underbrace (which
//     take their label as a script), \overset, \underset, \stackrel,
//     \xrightarrow[below]{above} and kin.
//   - Large operators (\sum, \prod, \bigcup, …) with limits above and below
//     in display style, beside in inline style; integrals (\int, \iint,
//     \oint, …) with limits beside; \limits and \nolimits override.
//   - Function names: \sin, \cos, \tan, \log, \ln, \exp, \det, \dim, \ker,
//     … and \lim, \max, \min, \sup, \inf, \liminf, \limsup, \gcd, \Pr with
//     limits; \operatorname{…} and \operatorname*{…}; \mathop. They get the
//     thin spaces TeX puts around them (\sin x).
//   - \left, \middle and \right with stretchy delimiters, including "."
//     for none; \big, \Big, \bigg, \Bigg and their l, r and m forms.
//   - Environments \begin{…}…\end{…}: matrix, pmatrix, bmatrix, Bmatrix,
//     vmatrix, Vmatrix (and starred forms with [l|c|r]), smallmatrix,
//     cases, dcases, rcases, aligned, align, align*, split, alignedat,
//     gathered, gather, equation, array and darray with a column spec
//     ({lcr}, rules ignored), subarray; \\ (with an optional [2pt], ignored)
//     and \cr break rows; \hline is ignored; \substack{a\\b}. A \\ outside
//     any environment breaks the formula into centred lines.
//   - Text: \text, \textrm, \textbf, \textit, \textsf, \texttt, \mbox,
//     \emph, nested, with $…$ math inside, TeX's quotes and dashes, accents
//     such as \'{e} and \"{\i}, and the usual escapes; spaces are kept (as
//     no-break spaces).
//   - Fonts: \mathrm, \mathit, \mathbf, \boldsymbol, \bm, \mathbb, \mathcal,
//     \mathscr, \mathfrak, \mathsf, \mathtt, and the switches \rm, \bf, \it,
//     \sf, \tt. \mathrm{max} is one upright word.
//   - Greek letters, upper case upright and lower case italic, with \var
//     forms; letter-like symbols (\infty, \partial, \nabla, \hbar, \ell,
//     \emptyset, \aleph, \Re, \forall, \exists, …); dots (\ldots, \cdots,
//     \vdots, \ddots); delimiters (\langle, \lfloor, \lceil, \{, \|, …);
//     binary operators (\pm, \times, \cdot, \cup, \oplus, …); relations
//     (\leq, \geq, \neq, \approx, \equiv, \sim, \subset, \in, \notin, …);
//     arrows (\to, \Rightarrow, \iff, \mapsto, \longrightarrow, …); \not;
//     KaTeX's extra names such as \lt, \gt, \R, \N, \Z, \rarr, \isin.
//   - Spacing: \, \: \; \! \quad \qquad \enspace, \ and ~, \hspace{…},
//     \kern, \mkern, \mskip with em, ex, pt, px, mm, cm, in, pc, bp or mu.
//   - \phantom, \hphantom, \vphantom, \smash; \boxed; \color{…} (switch)
//     and \textcolor{…}{…} with a name or a #hex color; \displaystyle and
//     the other style switches; \tiny to \Huge; \pmod, \bmod, \mod.
//   - Comments from % to the end of the line.
//
// # Choices
//
// MathML Core keeps mathvariant only as "normal" on a one-letter mi, so
// fonts other than \mathrm are written as Unicode's Mathematical
// Alphanumeric Symbols (𝐱, ℝ, 𝒜); text styles (\textbf) are CSS on mtext.
// Delimiters typed outside \left … \right are marked stretchy="false", as
// in TeX they keep their size. Output has no xmlns (it is meant for HTML)
// and no TeX annotation.
//
// Not supported: macros (\newcommand, \def), \tag and equation numbers,
// \cancel and other crossing-out, \colorbox, \href, chemistry (\ce),
// commutative diagrams, and \begin{CD}.
package mathml
