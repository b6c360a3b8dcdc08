package mathml

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// renderTest is a TeX source with the exact MathML it gives, and the first
// error, if any, with its byte offset.
type renderTest struct {
	name    string
	tex     string
	display bool
	want    string
	err     string
	off     int
}

// renderTests are sources without errors.
var renderTests = []renderTest{
	{
		name: "letters and numbers",
		tex:  `x+1`,
		want: `<math><mi>x</mi><mo>+</mo><mn>1</mn></math>`,
	},
	{
		name: "minus sign",
		tex:  `a-b`,
		want: `<math><mi>a</mi><mo>−</mo><mi>b</mi></math>`,
	},
	{
		name: "decimal number",
		tex:  `3.14`,
		want: `<math><mn>3.14</mn></math>`,
	},
	{
		name: "scripts",
		tex:  `x_i^2`,
		want: `<math><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup></math>`,
	},
	{
		name: "script takes one digit",
		tex:  `x^23`,
		want: `<math><msup><mi>x</mi><mn>2</mn></msup><mn>3</mn></math>`,
	},
	{
		name: "braced script",
		tex:  `x^{10}`,
		want: `<math><msup><mi>x</mi><mn>10</mn></msup></math>`,
	},
	{
		name: "primes",
		tex:  `f'(x)+g''`,
		want: `<math><msup><mi>f</mi><mo>′</mo></msup><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mo>+</mo><msup><mi>g</mi><mo>″</mo></msup></math>`,
	},
	{
		name: "script with no base",
		tex:  `^2`,
		want: `<math><msup><mrow></mrow><mn>2</mn></msup></math>`,
	},
	{
		name: "fraction",
		tex:  `\frac{a}{b}`,
		want: `<math><mfrac><mi>a</mi><mi>b</mi></mfrac></math>`,
	},
	{
		name: "fraction of single digits",
		tex:  `\frac12`,
		want: `<math><mfrac><mn>1</mn><mn>2</mn></mfrac></math>`,
	},
	{
		name: "display fraction",
		tex:  `\dfrac{1}{2}`,
		want: `<math><mstyle displaystyle="true" scriptlevel="0"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle></math>`,
	},
	{
		name:    "text fraction",
		tex:     `\tfrac{1}{2}`,
		display: true,
		want:    `<math display="block"><mstyle displaystyle="false" scriptlevel="0"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle></math>`,
	},
	{
		name: "binomial",
		tex:  `\binom{n}{k}`,
		want: `<math><mrow><mo fence="true" form="prefix">(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo fence="true" form="postfix">)</mo></mrow></math>`,
	},
	{
		name: "infix over",
		tex:  `a \over b`,
		want: `<math><mfrac><mi>a</mi><mi>b</mi></mfrac></math>`,
	},
	{
		name: "square root",
		tex:  `\sqrt{2}`,
		want: `<math><msqrt><mn>2</mn></msqrt></math>`,
	},
	{
		name: "nth root",
		tex:  `\sqrt[3]{x}`,
		want: `<math><mroot><mi>x</mi><mn>3</mn></mroot></math>`,
	},
	{
		name:    "sum in display",
		tex:     `\sum_{i=1}^n i`,
		display: true,
		want:    `<math display="block"><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><mi>i</mi></math>`,
	},
	{
		name: "sum inline",
		tex:  `\sum_{i=1}^n i`,
		want: `<math><msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup><mi>i</mi></math>`,
	},
	{
		name:    "integral in display",
		tex:     `\int_0^1 f(x)\,dx`,
		display: true,
		want:    `<math display="block"><msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mspace width="0.1667em"></mspace><mi>d</mi><mi>x</mi></math>`,
	},
	{
		name: "limits forced inline",
		tex:  `\sum\limits_{i} x_i`,
		want: `<math><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>x</mi><mi>i</mi></msub></math>`,
	},
	{
		name:    "nolimits in display",
		tex:     `\sum\nolimits_{i} x_i`,
		display: true,
		want:    `<math display="block"><msub><mo>∑</mo><mi>i</mi></msub><msub><mi>x</mi><mi>i</mi></msub></math>`,
	},
	{
		name:    "limit in display",
		tex:     `\lim_{x \to 0} f`,
		display: true,
		want:    `<math display="block"><munder><mi>lim</mi><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder><mspace width="0.1667em"></mspace><mi>f</mi></math>`,
	},
	{
		name: "function names are spaced",
		tex:  `2\sin x + \cos(y)`,
		want: `<math><mn>2</mn><mspace width="0.1667em"></mspace><mi>sin</mi><mspace width="0.1667em"></mspace><mi>x</mi><mo>+</mo><mi>cos</mi><mo stretchy="false">(</mo><mi>y</mi><mo stretchy="false">)</mo></math>`,
	},
	{
		name: "operatorname",
		tex:  `\operatorname{Var}(X)`,
		want: `<math><mi>Var</mi><mo stretchy="false">(</mo><mi>X</mi><mo stretchy="false">)</mo></math>`,
	},
	{
		name:    "operatorname with limits",
		tex:     `\operatorname*{arg\,max}_x f`,
		display: true,
		want:    `<math display="block"><munder><mrow><mi>arg</mi><mspace width="0.1667em"></mspace><mi>max</mi></mrow><mi>x</mi></munder><mspace width="0.1667em"></mspace><mi>f</mi></math>`,
	},
	{
		name: "left right",
		tex:  `\left( \frac{a}{b} \right)`,
		want: `<math><mrow><mo fence="true" form="prefix">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo fence="true" form="postfix">)</mo></mrow></math>`,
	},
	{
		name: "left middle right with no delimiter",
		tex:  `\left\{ x \middle| x > 0 \right.`,
		want: `<math><mrow><mo fence="true" form="prefix">{</mo><mi>x</mi><mo fence="true" form="infix" stretchy="true">|</mo><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow></math>`,
	},
	{
		name: "plain delimiters do not stretch",
		tex:  `[0, 1) \{a\} \langle x \rangle`,
		want: `<math><mo stretchy="false">[</mo><mn>0</mn><mo>,</mo><mn>1</mn><mo stretchy="false">)</mo><mo stretchy="false">{</mo><mi>a</mi><mo stretchy="false">}</mo><mo stretchy="false">⟨</mo><mi>x</mi><mo stretchy="false">⟩</mo></math>`,
	},
	{
		name: "absolute value",
		tex:  `\lvert x \rvert = |x|`,
		want: `<math><mo stretchy="false">|</mo><mi>x</mi><mo stretchy="false">|</mo><mo>=</mo><mi>|</mi><mi>x</mi><mi>|</mi></math>`,
	},
	{
		name: "big delimiter",
		tex:  `\bigl( x \bigr)`,
		want: `<math><mo stretchy="true" minsize="1.2em" maxsize="1.2em">(</mo><mi>x</mi><mo stretchy="true" minsize="1.2em" maxsize="1.2em">)</mo></math>`,
	},
	{
		name:    "pmatrix",
		tex:     `\begin{pmatrix} a & b \\ c & d \end{pmatrix}`,
		display: true,
		want:    `<math display="block"><mrow><mo fence="true" form="prefix">(</mo><mtable displaystyle="false"><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo fence="true" form="postfix">)</mo></mrow></math>`,
	},
	{
		name:    "bmatrix trailing row break",
		tex:     `\begin{bmatrix} 1 \\ 2 \\ \end{bmatrix}`,
		display: true,
		want:    `<math display="block"><mrow><mo fence="true" form="prefix">[</mo><mtable displaystyle="false"><mtr><mtd><mn>1</mn></mtd></mtr><mtr><mtd><mn>2</mn></mtd></mtr></mtable><mo fence="true" form="postfix">]</mo></mrow></math>`,
	},
	{
		name:    "cases",
		tex:     `f(x) = \begin{cases} 1 & x \geq 0 \\ 0 & \text{otherwise} \end{cases}`,
		display: true,
		want:    `<math display="block"><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mo>=</mo><mrow><mo fence="true" form="prefix">{</mo><mtable displaystyle="false"><mtr><mtd columnalign="left" style="text-align:left"><mn>1</mn></mtd><mtd columnalign="left" style="text-align:left"><mi>x</mi><mo>≥</mo><mn>0</mn></mtd></mtr><mtr><mtd columnalign="left" style="text-align:left"><mn>0</mn></mtd><mtd columnalign="left" style="text-align:left"><mtext>otherwise</mtext></mtd></mtr></mtable></mrow></math>`,
	},
	{
		name:    "aligned",
		tex:     `\begin{aligned} a &= b + c \\ &= d \end{aligned}`,
		display: true,
		want:    `<math display="block"><mtable displaystyle="true"><mtr><mtd columnalign="right" style="text-align:right;padding-right:0"><mi>a</mi></mtd><mtd columnalign="left" style="text-align:left;padding-left:0"><mo>=</mo><mi>b</mi><mo>+</mo><mi>c</mi></mtd></mtr><mtr><mtd columnalign="right" style="text-align:right;padding-right:0"></mtd><mtd columnalign="left" style="text-align:left;padding-left:0"><mo>=</mo><mi>d</mi></mtd></mtr></mtable></math>`,
	},
	{
		name:    "array with column spec",
		tex:     `\begin{array}{l|r} x & 1 \end{array}`,
		display: true,
		want:    `<math display="block"><mtable displaystyle="false"><mtr><mtd columnalign="left" style="text-align:left"><mi>x</mi></mtd><mtd columnalign="right" style="text-align:right"><mn>1</mn></mtd></mtr></mtable></math>`,
	},
	{
		name:    "top level line break",
		tex:     `a = b \\ c = d`,
		display: true,
		want:    `<math display="block"><mtable displaystyle="true"><mtr><mtd><mi>a</mi><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi><mo>=</mo><mi>d</mi></mtd></mtr></mtable></math>`,
	},
	{
		name: "text keeps spaces",
		tex:  `\text{if } x > 0`,
		want: "<math><mtext>if\u00a0</mtext><mi>x</mi><mo>&gt;</mo><mn>0</mn></math>",
	},
	{
		name: "text with math inside",
		tex:  `\text{for all $n$}`,
		want: "<math><mrow><mtext>for\u00a0all\u00a0</mtext><mi>n</mi></mrow></math>",
	},
	{
		name: "bold text",
		tex:  `\textbf{Note:} x`,
		want: `<math><mtext style="font-weight:bold">Note:</mtext><mi>x</mi></math>`,
	},
	{
		name: "double-struck and bold",
		tex:  `\mathbb{R}^n \ni \mathbf{v}`,
		want: `<math><msup><mi>ℝ</mi><mi>n</mi></msup><mo>∋</mo><mi>𝐯</mi></math>`,
	},
	{
		name: "calligraphic and fraktur",
		tex:  `\mathcal{L} \mathfrak{g}`,
		want: `<math><mi>ℒ</mi><mi>𝔤</mi></math>`,
	},
	{
		name: "upright word and letter",
		tex:  `\mathrm{max}\, \mathrm{d}x`,
		want: `<math><mi>max</mi><mspace width="0.1667em"></mspace><mi mathvariant="normal">d</mi><mi>x</mi></math>`,
	},
	{
		name: "bold Greek",
		tex:  `\boldsymbol{\alpha} \mathbf{\Gamma}`,
		want: `<math><mi>𝜶</mi><mi>𝚪</mi></math>`,
	},
	{
		name: "Greek letters",
		tex:  `\alpha \beta \Gamma \Delta \varepsilon \pi`,
		want: `<math><mi>α</mi><mi>β</mi><mi mathvariant="normal">Γ</mi><mi mathvariant="normal">Δ</mi><mi>ε</mi><mi>π</mi></math>`,
	},
	{
		name: "letter-like symbols",
		tex:  `\partial f / \partial x \nabla \infty \hbar \ell`,
		want: `<math><mi>∂</mi><mi>f</mi><mi>/</mi><mi>∂</mi><mi>x</mi><mi mathvariant="normal">∇</mi><mi>∞</mi><mi>ℏ</mi><mi>ℓ</mi></math>`,
	},
	{
		name: "relations",
		tex:  `a \leq b \geq c \neq d \approx e \equiv f`,
		want: `<math><mi>a</mi><mo>≤</mo><mi>b</mi><mo>≥</mo><mi>c</mi><mo>≠</mo><mi>d</mi><mo>≈</mo><mi>e</mi><mo>≡</mo><mi>f</mi></math>`,
	},
	{
		name: "binary operators",
		tex:  `a \cdot b \times c \pm d \div e`,
		want: `<math><mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>±</mo><mi>d</mi><mo>÷</mo><mi>e</mi></math>`,
	},
	{
		name: "arrows",
		tex:  `A \to B \Rightarrow C \iff D \mapsto E`,
		want: `<math><mi>A</mi><mo>→</mo><mi>B</mi><mo>⇒</mo><mi>C</mi><mo>⟺</mo><mi>D</mi><mo>↦</mo><mi>E</mi></math>`,
	},
	{
		name: "sets and logic",
		tex:  `\forall x \in A, \exists y \notin B: A \subset B \cup C \cap D`,
		want: `<math><mi>∀</mi><mi>x</mi><mo>∈</mo><mi>A</mi><mo>,</mo><mi>∃</mi><mi>y</mi><mo>∉</mo><mi>B</mi><mo>:</mo><mi>A</mi><mo>⊂</mo><mi>B</mi><mo>∪</mo><mi>C</mi><mo>∩</mo><mi>D</mi></math>`,
	},
	{
		name: "dots",
		tex:  `1, 2, \ldots, n \quad a_1 + \cdots + a_n`,
		want: `<math><mn>1</mn><mo>,</mo><mn>2</mn><mo>,</mo><mo>…</mo><mo>,</mo><mi>n</mi><mspace width="1em"></mspace><msub><mi>a</mi><mn>1</mn></msub><mo>+</mo><mo>⋯</mo><mo>+</mo><msub><mi>a</mi><mi>n</mi></msub></math>`,
	},
	{
		name: "accents",
		tex:  `\hat{x} \bar{y} \vec{v} \tilde{n} \dot{q}`,
		want: `<math><mover accent="true"><mi>x</mi><mo stretchy="false">^</mo></mover><mover accent="true"><mi>y</mi><mo stretchy="false">¯</mo></mover><mover accent="true"><mi>v</mi><mo stretchy="false">→</mo></mover><mover accent="true"><mi>n</mi><mo stretchy="false">~</mo></mover><mover accent="true"><mi>q</mi><mo stretchy="false">˙</mo></mover></math>`,
	},
	{
		name: "wide accents",
		tex:  `\overline{AB} \underline{x} \widehat{xyz}`,
		want: `<math><mover accent="true"><mrow><mi>A</mi><mi>B</mi></mrow><mo stretchy="true">‾</mo></mover><munder accentunder="true"><mi>x</mi><mo stretchy="true">‾</mo></munder><mover accent="true"><mrow><mi>x</mi><mi>y</mi><mi>z</mi></mrow><mo stretchy="true">^</mo></mover></math>`,
	},
	{
		name: "overbrace with label",
		tex:  `\overbrace{a+b}^{n}`,
		want: `<math><mover><mover><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy="true">⏞</mo></mover><mi>n</mi></mover></math>`,
	},
	{
		name: "spacing commands",
		tex:  `a\,b\:c\;d\quad e\qquad f\!g`,
		want: `<math><mi>a</mi><mspace width="0.1667em"></mspace><mi>b</mi><mspace width="0.2222em"></mspace><mi>c</mi><mspace width="0.2778em"></mspace><mi>d</mi><mspace width="1em"></mspace><mi>e</mi><mspace width="2em"></mspace><mi>f</mi><mspace width="-0.1667em"></mspace><mi>g</mi></math>`,
	},
	{
		name: "hspace and kern",
		tex:  `a\hspace{1em}b\kern2mu c`,
		want: `<math><mi>a</mi><mspace width="1em"></mspace><mi>b</mi><mspace width="0.1111em"></mspace><mi>c</mi></math>`,
	},
	{
		name: "escaping",
		tex:  `a<b>c \text{<&>"}`,
		want: `<math><mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo><mi>c</mi><mtext>&lt;&amp;&gt;&quot;</mtext></math>`,
	},
	{
		name: "escaped specials",
		tex:  `\$ \% \& \# \_ \{ \}`,
		want: `<math><mi>$</mi><mi>%</mi><mi>&amp;</mi><mi>#</mi><mi>_</mi><mo stretchy="false">{</mo><mo stretchy="false">}</mo></math>`,
	},
	{
		name: "color switch",
		tex:  `\color{red} x + y`,
		want: `<math><mstyle mathcolor="red"><mi>x</mi><mo>+</mo><mi>y</mi></mstyle></math>`,
	},
	{
		name: "textcolor",
		tex:  `\textcolor{#0a0}{x} + y`,
		want: `<math><mstyle mathcolor="#0a0"><mi>x</mi></mstyle><mo>+</mo><mi>y</mi></math>`,
	},
	{
		name: "negation",
		tex:  `a \not= b \not\in C`,
		want: `<math><mi>a</mi><mo>≠</mo><mi>b</mi><mo>∉</mo><mi>C</mi></math>`,
	},
	{
		name: "unicode input",
		tex:  `α ≤ β`,
		want: `<math><mi>α</mi><mo>≤</mo><mi>β</mi></math>`,
	},
	{
		name: "comment",
		tex:  "x % a comment\n + y",
		want: `<math><mi>x</mi><mo>+</mo><mi>y</mi></math>`,
	},
	{
		name: "phantom",
		tex:  `\phantom{x}y`,
		want: `<math><mphantom><mi>x</mi></mphantom><mi>y</mi></math>`,
	},
	{
		name: "pmod",
		tex:  `a \equiv b \pmod{n}`,
		want: `<math><mi>a</mi><mo>≡</mo><mi>b</mi><mrow><mspace width="1em"></mspace><mo stretchy="false">(</mo><mi>mod</mi><mspace width="0.3333em"></mspace><mi>n</mi><mo stretchy="false">)</mo></mrow></math>`,
	},
	{
		name: "extensible arrow",
		tex:  `A \xrightarrow{f} B`,
		want: `<math><mi>A</mi><mover><mo stretchy="true">→</mo><mi>f</mi></mover><mi>B</mi></math>`,
	},
	{
		name:    "substack",
		tex:     `\sum_{\substack{i<n \\ j<m}} a_{ij}`,
		display: true,
		want:    `<math display="block"><munder><mo>∑</mo><mtable displaystyle="false"><mtr><mtd style="padding:0"><mi>i</mi><mo>&lt;</mo><mi>n</mi></mtd></mtr><mtr><mtd style="padding:0"><mi>j</mi><mo>&lt;</mo><mi>m</mi></mtd></mtr></mtable></munder><msub><mi>a</mi><mrow><mi>i</mi><mi>j</mi></mrow></msub></math>`,
	},
	{
		name: "display style switch",
		tex:  `\displaystyle \sum_i x_i`,
		want: `<math><mstyle displaystyle="true" scriptlevel="0"><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>x</mi><mi>i</mi></msub></mstyle></math>`,
	},
	{
		name: "empty",
		tex:  `  `,
		want: `<math></math>`,
	},
	{
		name: "invalid characters",
		tex:  "\x00\xff",
		want: `<math><mi>�</mi><mi>�</mi></math>`,
	},
	{
		name: "lt and gt",
		tex:  `a \lt b \gt c`,
		want: `<math><mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo><mi>c</mi></math>`,
	},
	{
		name: "KaTeX letter shortcuts",
		tex:  `x \in \R, n \in \N`,
		want: `<math><mi>x</mi><mo>∈</mo><mi>ℝ</mi><mo>,</mo><mi>n</mi><mo>∈</mo><mi>ℕ</mi></math>`,
	},
	{
		name:    "square root keeps display style",
		tex:     `\sqrt{\sum_i x_i}`,
		display: true,
		want:    `<math display="block"><msqrt><mrow><munder><mo>∑</mo><mi>i</mi></munder><msub><mi>x</mi><mi>i</mi></msub></mrow></msqrt></math>`,
	},
	{
		name:    "fraction parts are not display style",
		tex:     `\frac{\sum_i x_i}{n}`,
		display: true,
		want:    `<math display="block"><mfrac><mrow><msub><mo>∑</mo><mi>i</mi></msub><msub><mi>x</mi><mi>i</mi></msub></mrow><mi>n</mi></mfrac></math>`,
	},
	{
		name: "other fonts",
		tex:  `\mathit{\Omega} \mathsf{A} \mathtt{x1}`,
		want: `<math><mi>𝛺</mi><mi>𝖠</mi><mrow><mi>𝚡</mi><mn>𝟷</mn></mrow></math>`,
	},
	{
		name:    "continued fraction",
		tex:     `\cfrac{1}{1+\cfrac{1}{x}}`,
		display: true,
		want:    `<math display="block"><mstyle displaystyle="true" scriptlevel="0"><mfrac><mn>1</mn><mrow><mn>1</mn><mo>+</mo><mstyle displaystyle="true" scriptlevel="0"><mfrac><mn>1</mn><mi>x</mi></mfrac></mstyle></mrow></mfrac></mstyle></math>`,
	},
	{
		name:    "vmatrix",
		tex:     `\begin{vmatrix} a & b \\ c & d \end{vmatrix}`,
		display: true,
		want:    `<math display="block"><mrow><mo fence="true" form="prefix">|</mo><mtable displaystyle="false"><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo fence="true" form="postfix">|</mo></mrow></math>`,
	},
	{
		name: "smallmatrix",
		tex:  `\left(\begin{smallmatrix} 1 & 0 \\ 0 & 1 \end{smallmatrix}\right)`,
		want: `<math><mrow><mo fence="true" form="prefix">(</mo><mtable displaystyle="false" scriptlevel="1"><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable><mo fence="true" form="postfix">)</mo></mrow></math>`,
	},
	{
		name:    "gathered",
		tex:     `\begin{gathered} a \\ b + c \end{gathered}`,
		display: true,
		want:    `<math display="block"><mtable displaystyle="true"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi><mo>+</mo><mi>c</mi></mtd></mtr></mtable></math>`,
	},
	{
		name:    "equation is not a table",
		tex:     `\begin{equation} E = mc^2 \end{equation}`,
		display: true,
		want:    `<math display="block"><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow></math>`,
	},
	{
		name: "extensible arrow with text below",
		tex:  `\xleftarrow[g]{f}`,
		want: `<math><munderover><mo stretchy="true">←</mo><mi>g</mi><mi>f</mi></munderover></math>`,
	},
	{
		name: "stackrel and underset",
		tex:  `a \stackrel{def}{=} b \underset{n}{\max}`,
		want: `<math><mi>a</mi><mover><mo>=</mo><mrow><mi>d</mi><mi>e</mi><mi>f</mi></mrow></mover><mi>b</mi><mspace width="0.1667em"></mspace><munder><mi>max</mi><mi>n</mi></munder></math>`,
	},
	{
		name: "Big delimiters",
		tex:  `\Big( \bigg| \Bigg\}`,
		want: `<math><mo stretchy="true" minsize="1.8em" maxsize="1.8em">(</mo><mo stretchy="true" minsize="2.4em" maxsize="2.4em">|</mo><mo stretchy="true" minsize="3em" maxsize="3em">}</mo></math>`,
	},
	{
		name: "boxed",
		tex:  `\boxed{x = 1}`,
		want: `<math><mrow style="border:0.06em solid;padding:0.15em 0.3em"><mi>x</mi><mo>=</mo><mn>1</mn></mrow></math>`,
	},
	{
		name: "text quotes and dashes",
		tex:  "\\text{``a'' -- b --- c}",
		want: "<math><mtext>“a”\u00a0–\u00a0b\u00a0—\u00a0c</mtext></math>",
	},
	{
		name: "text accents",
		tex:  `\text{Poincar\'e, na\"{\i}ve}`,
		want: "<math><mtext>Poincare\u0301,\u00a0na\u0131\u0308ve</mtext></math>",
	},
	{
		name: "text of one token",
		tex:  `\text a \mbox{b}`,
		want: `<math><mtext>a</mtext><mtext>b</mtext></math>`,
	},
	{
		name: "nested text styles",
		tex:  `\textbf{a \textit{b}} \emph{c} \texttt{d}`,
		want: "<math><mrow><mtext style=\"font-weight:bold\">a\u00a0</mtext><mtext style=\"font-weight:bold;font-style:italic\">b</mtext></mrow><mtext style=\"font-style:italic\">c</mtext><mtext style=\"font-family:monospace\">d</mtext></math>",
	},
	{
		name: "font switch",
		tex:  `{\rm abc} \bf x`,
		want: `<math><mi>abc</mi><mi>𝐱</mi></math>`,
	},
	{
		name: "size switch",
		tex:  `\large x`,
		want: `<math><mstyle mathsize="1.2em"><mi>x</mi></mstyle></math>`,
	},
	{
		name:    "text style switch turns off limits",
		tex:     `\textstyle \sum_i x`,
		display: true,
		want:    `<math display="block"><mstyle displaystyle="false" scriptlevel="0"><msub><mo>∑</mo><mi>i</mi></msub><mi>x</mi></mstyle></math>`,
	},
	{
		name:    "mathop",
		tex:     `\mathop{\rm Res}_{z=0} f`,
		display: true,
		want:    `<math display="block"><munder><mi>Res</mi><mrow><mi>z</mi><mo>=</mo><mn>0</mn></mrow></munder><mspace width="0.1667em"></mspace><mi>f</mi></math>`,
	},
	{
		name: "mathrel",
		tex:  `a \mathrel{\#} b`,
		want: `<math><mi>a</mi><mo>#</mo><mi>b</mi></math>`,
	},
	{
		name: "not before a letter",
		tex:  `\not a`,
		want: `<math><mi>a̸</mi></math>`,
	},
	{
		name: "row spacing",
		tex:  `\begin{matrix} a \\[2pt] [b] \end{matrix}`,
		want: `<math><mtable displaystyle="false"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mo stretchy="false">[</mo><mi>b</mi><mo stretchy="false">]</mo></mtd></mtr></mtable></math>`,
	},
	{
		name:    "alignedat",
		tex:     `\begin{alignedat}{2} a &= b & c &= d \end{alignedat}`,
		display: true,
		want:    `<math display="block"><mtable displaystyle="true"><mtr><mtd columnalign="right" style="text-align:right;padding-right:0"><mi>a</mi></mtd><mtd columnalign="left" style="text-align:left;padding-left:0"><mo>=</mo><mi>b</mi></mtd><mtd columnalign="right" style="text-align:right;padding-right:0"><mi>c</mi></mtd><mtd columnalign="left" style="text-align:left;padding-left:0"><mo>=</mo><mi>d</mi></mtd></mtr></mtable></math>`,
	},
	{
		name: "rcases",
		tex:  `\begin{rcases} a \\ b \end{rcases}`,
		want: `<math><mrow><mtable displaystyle="false"><mtr><mtd columnalign="left" style="text-align:left"><mi>a</mi></mtd></mtr><mtr><mtd columnalign="left" style="text-align:left"><mi>b</mi></mtd></mtr></mtable><mo fence="true" form="postfix">}</mo></mrow></math>`,
	},
	{
		name: "primes and superscript",
		tex:  `f'^2`,
		want: `<math><msup><mi>f</mi><mrow><mo>′</mo><mn>2</mn></mrow></msup></math>`,
	},
	{
		name:    "liminf",
		tex:     `\liminf_{n} a_n`,
		display: true,
		want:    `<math display="block"><munder><mi>lim inf</mi><mi>n</mi></munder><mspace width="0.1667em"></mspace><msub><mi>a</mi><mi>n</mi></msub></math>`,
	},
	{
		name: "dots in text",
		tex:  `\text{\dots\ and \$5 \& 10\%}`,
		want: "<math><mtext>…\u00a0and\u00a0$5\u00a0&amp;\u00a010%</mtext></math>",
	},
}

func TestRender(t *testing.T) {
	t.Parallel()
	runRenderTests(t, renderTests)
}

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	runRenderTests(t, errorTests)
}

// runRenderTests renders each test's source and compares the MathML and the
// error with what the test wants.
func runRenderTests(t *testing.T, tests []renderTest) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Render(tc.tex, tc.display)
			if got != tc.want {
				t.Errorf("Render(%q):\ngot  %s\nwant %s", tc.tex, got, tc.want)
			}
			checkXML(t, got)
			if tc.err == "" {
				if err != nil {
					t.Errorf("Render(%q): got error %v, want none", tc.tex, err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Render(%q): got error %v, want *Error %q", tc.tex, err, tc.err)
			}
			if e.Msg != tc.err || e.Offset != tc.off {
				t.Errorf("Render(%q): got error %q at %d, want %q at %d", tc.tex, e.Msg, e.Offset, tc.err, tc.off)
			}
		})
	}
}

// checkXML fails unless s is one well-formed XML element.
func checkXML(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("got malformed XML %q: %v", s, err)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 {
				t.Fatalf("got text outside the math element in %q", s)
			}
		}
	}
	if roots != 1 {
		t.Fatalf("got %d root elements in %q, want 1", roots, s)
	}
}
