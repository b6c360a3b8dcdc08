package mathml

import "unicode/utf8"

// symKind says how a symbol is set.
type symKind uint8

const (
	sOrd     symKind = iota // mi: an ordinary symbol such as ∞
	sLetter                 // mi through the font: Greek letters
	sBin                    // mo, binary operator
	sRel                    // mo, relation
	sOpen                   // mo, opening delimiter, not stretched
	sClose                  // mo, closing delimiter, not stretched
	sPunct                  // mo, punctuation
	sPostfix                // mo, closing symbol such as !
	sMo                     // mo, ordinary: dots
	sLarge                  // mo, large operator with limits in display style
	sInt                    // mo, large operator with limits beside it
	sFn                     // mi, function name
	sFnLim                  // mi, function name with limits in display style
)

// symbol is a command or character that stands for one token.
type symbol struct {
	kind symKind
	text string
}

// node returns the MathML for s in font f.
func (s symbol) node(f font) *node {
	var n *node
	switch s.kind {
	case sOrd:
		return tok("mi", s.text)
	case sLetter:
		r, _ := utf8.DecodeRuneInString(s.text)
		return letter(f, r)
	case sBin:
		n = tok("mo", s.text)
		n.cls = clsBin
	case sRel:
		n = tok("mo", s.text)
		n.cls = clsRel
	case sOpen:
		n = tok("mo", s.text, attr{"stretchy", "false"})
		n.cls = clsOpen
	case sClose:
		n = tok("mo", s.text, attr{"stretchy", "false"})
		n.cls = clsClose
	case sPunct:
		n = tok("mo", s.text)
		n.cls = clsPunct
	case sPostfix:
		n = tok("mo", s.text)
		n.cls = clsClose
	case sMo:
		n = tok("mo", s.text)
	case sLarge, sInt:
		n = tok("mo", s.text)
		n.cls = clsLarge
		if s.kind == sLarge {
			n.lim = limDisplay
		}
	case sFn, sFnLim:
		n = upright(s.text)
		n.cls = clsOp
		if s.kind == sFnLim {
			n.lim = limDisplay
		}
	}
	return n
}

// charAtoms are the ASCII characters that are not letters or digits.
var charAtoms = map[rune]symbol{
	'+': {sBin, "+"},
	'-': {sBin, "−"},
	'*': {sBin, "∗"},
	'=': {sRel, "="},
	'<': {sRel, "<"},
	'>': {sRel, ">"},
	':': {sRel, ":"},
	',': {sPunct, ","},
	';': {sPunct, ";"},
	'!': {sPostfix, "!"},
	'?': {sPostfix, "?"},
	'(': {sOpen, "("},
	'[': {sOpen, "["},
	')': {sClose, ")"},
	']': {sClose, "]"},
	'|': {sOrd, "|"},
	'/': {sOrd, "/"},
	'.': {sOrd, "."},
	'@': {sOrd, "@"},
	'"': {sOrd, "\""},
	'#': {sOrd, "#"},
	'$': {sOrd, "$"},
	'`': {sOrd, "‘"},
}

// symbols are the commands that stand for one token.
var symbols = map[string]symbol{
	// Greek, lower case.
	"alpha": {sLetter, "α"}, "beta": {sLetter, "β"}, "gamma": {sLetter, "γ"},
	"delta": {sLetter, "δ"}, "epsilon": {sLetter, "ϵ"}, "varepsilon": {sLetter, "ε"},
	"zeta": {sLetter, "ζ"}, "eta": {sLetter, "η"}, "theta": {sLetter, "θ"},
	"vartheta": {sLetter, "ϑ"}, "iota": {sLetter, "ι"}, "kappa": {sLetter, "κ"},
	"varkappa": {sLetter, "ϰ"}, "lambda": {sLetter, "λ"}, "mu": {sLetter, "μ"},
	"nu": {sLetter, "ν"}, "xi": {sLetter, "ξ"}, "omicron": {sLetter, "ο"},
	"pi": {sLetter, "π"}, "varpi": {sLetter, "ϖ"}, "rho": {sLetter, "ρ"},
	"varrho": {sLetter, "ϱ"}, "sigma": {sLetter, "σ"}, "varsigma": {sLetter, "ς"},
	"tau": {sLetter, "τ"}, "upsilon": {sLetter, "υ"}, "phi": {sLetter, "ϕ"},
	"varphi": {sLetter, "φ"}, "chi": {sLetter, "χ"}, "psi": {sLetter, "ψ"},
	"omega": {sLetter, "ω"}, "digamma": {sOrd, "ϝ"},
	// Greek, upper case.
	"Alpha": {sLetter, "Α"}, "Beta": {sLetter, "Β"}, "Gamma": {sLetter, "Γ"},
	"Delta": {sLetter, "Δ"}, "Epsilon": {sLetter, "Ε"}, "Zeta": {sLetter, "Ζ"},
	"Eta": {sLetter, "Η"}, "Theta": {sLetter, "Θ"}, "Iota": {sLetter, "Ι"},
	"Kappa": {sLetter, "Κ"}, "Lambda": {sLetter, "Λ"}, "Mu": {sLetter, "Μ"},
	"Nu": {sLetter, "Ν"}, "Xi": {sLetter, "Ξ"}, "Omicron": {sLetter, "Ο"},
	"Pi": {sLetter, "Π"}, "Rho": {sLetter, "Ρ"}, "Sigma": {sLetter, "Σ"},
	"Tau": {sLetter, "Τ"}, "Upsilon": {sLetter, "Υ"}, "Phi": {sLetter, "Φ"},
	"Chi": {sLetter, "Χ"}, "Psi": {sLetter, "Ψ"}, "Omega": {sLetter, "Ω"},
	"varGamma": {sOrd, "𝛤"}, "varDelta": {sOrd, "𝛥"}, "varTheta": {sOrd, "𝛩"},
	"varLambda": {sOrd, "𝛬"}, "varXi": {sOrd, "𝛯"}, "varPi": {sOrd, "𝛱"},
	"varSigma": {sOrd, "𝛴"}, "varUpsilon": {sOrd, "𝛶"}, "varPhi": {sOrd, "𝛷"},
	"varPsi": {sOrd, "𝛹"}, "varOmega": {sOrd, "𝛺"},

	// Letter-like and other ordinary symbols.
	"infty": {sOrd, "∞"}, "partial": {sLetter, "∂"}, "nabla": {sLetter, "∇"},
	"emptyset": {sOrd, "∅"}, "varnothing": {sOrd, "∅"}, "hbar": {sOrd, "ℏ"},
	"hslash": {sOrd, "ℏ"}, "ell": {sOrd, "ℓ"}, "wp": {sOrd, "℘"},
	"Re": {sOrd, "ℜ"}, "Im": {sOrd, "ℑ"}, "aleph": {sOrd, "ℵ"},
	"beth": {sOrd, "ℶ"}, "gimel": {sOrd, "ℷ"}, "daleth": {sOrd, "ℸ"},
	"imath": {sLetter, "ı"}, "jmath": {sLetter, "ȷ"}, "eth": {sOrd, "ð"},
	"mho": {sOrd, "℧"}, "Finv": {sOrd, "Ⅎ"}, "Game": {sOrd, "⅁"},
	"forall": {sOrd, "∀"}, "exists": {sOrd, "∃"}, "nexists": {sOrd, "∄"},
	"complement": {sOrd, "∁"}, "neg": {sOrd, "¬"}, "lnot": {sOrd, "¬"},
	"top": {sOrd, "⊤"}, "bot": {sOrd, "⊥"}, "angle": {sOrd, "∠"},
	"measuredangle": {sOrd, "∡"}, "sphericalangle": {sOrd, "∢"},
	"triangle": {sOrd, "△"}, "square": {sOrd, "□"}, "Box": {sOrd, "□"},
	"blacksquare": {sOrd, "■"}, "lozenge": {sOrd, "◊"}, "blacklozenge": {sOrd, "⧫"},
	"bigstar": {sOrd, "★"}, "diamondsuit": {sOrd, "♢"}, "heartsuit": {sOrd, "♡"},
	"clubsuit": {sOrd, "♣"}, "spadesuit": {sOrd, "♠"}, "flat": {sOrd, "♭"},
	"natural": {sOrd, "♮"}, "sharp": {sOrd, "♯"}, "prime": {sOrd, "′"},
	"backprime": {sOrd, "‵"}, "dagger": {sOrd, "†"}, "dag": {sOrd, "†"},
	"ddagger": {sOrd, "‡"}, "ddag": {sOrd, "‡"}, "S": {sOrd, "§"},
	"P": {sOrd, "¶"}, "checkmark": {sOrd, "✓"}, "degree": {sOrd, "°"},
	"copyright": {sOrd, "©"}, "circledR": {sOrd, "®"}, "surd": {sOrd, "√"},
	"backslash": {sOrd, "\\"}, "vert": {sOrd, "|"}, "Vert": {sOrd, "‖"},
	"|": {sOrd, "‖"}, "#": {sOrd, "#"}, "$": {sOrd, "$"}, "%": {sOrd, "%"},
	"&": {sOrd, "&"}, "_": {sOrd, "_"}, "pounds": {sOrd, "£"},
	"yen": {sOrd, "¥"}, "euro": {sOrd, "€"}, "textdollar": {sOrd, "$"},
	"colon": {sPunct, ":"}, "ldotp": {sPunct, "."}, "cdotp": {sPunct, "⋅"},

	// Dots.
	"ldots": {sMo, "…"}, "dots": {sMo, "…"}, "dotsc": {sMo, "…"},
	"dotso": {sMo, "…"}, "mathellipsis": {sMo, "…"}, "cdots": {sMo, "⋯"},
	"dotsb": {sMo, "⋯"}, "dotsm": {sMo, "⋯"}, "dotsi": {sMo, "⋯"},
	"vdots": {sMo, "⋮"}, "ddots": {sMo, "⋱"}, "iddots": {sMo, "⋰"},

	// Delimiters, not stretched.
	"{": {sOpen, "{"}, "}": {sClose, "}"}, "lbrace": {sOpen, "{"},
	"rbrace": {sClose, "}"}, "lbrack": {sOpen, "["}, "rbrack": {sClose, "]"},
	"langle": {sOpen, "⟨"}, "rangle": {sClose, "⟩"}, "lfloor": {sOpen, "⌊"},
	"rfloor": {sClose, "⌋"}, "lceil": {sOpen, "⌈"}, "rceil": {sClose, "⌉"},
	"lvert": {sOpen, "|"}, "rvert": {sClose, "|"}, "lVert": {sOpen, "‖"},
	"rVert": {sClose, "‖"}, "lgroup": {sOpen, "⟮"}, "rgroup": {sClose, "⟯"},
	"ulcorner": {sOpen, "⌜"}, "urcorner": {sClose, "⌝"},
	"llcorner": {sOpen, "⌞"}, "lrcorner": {sClose, "⌟"},

	// Binary operators.
	"pm": {sBin, "±"}, "mp": {sBin, "∓"}, "times": {sBin, "×"},
	"div": {sBin, "÷"}, "cdot": {sBin, "⋅"}, "ast": {sBin, "∗"},
	"star": {sBin, "⋆"}, "circ": {sBin, "∘"}, "bullet": {sBin, "∙"},
	"oplus": {sBin, "⊕"}, "ominus": {sBin, "⊖"}, "otimes": {sBin, "⊗"},
	"oslash": {sBin, "⊘"}, "odot": {sBin, "⊙"}, "cup": {sBin, "∪"},
	"cap": {sBin, "∩"}, "sqcup": {sBin, "⊔"}, "sqcap": {sBin, "⊓"},
	"vee": {sBin, "∨"}, "lor": {sBin, "∨"}, "wedge": {sBin, "∧"},
	"land": {sBin, "∧"}, "setminus": {sBin, "∖"}, "smallsetminus": {sBin, "∖"},
	"wr": {sBin, "≀"}, "diamond": {sBin, "⋄"}, "bigtriangleup": {sBin, "△"},
	"bigtriangledown": {sBin, "▽"}, "triangleleft": {sBin, "◃"},
	"triangleright": {sBin, "▹"}, "uplus": {sBin, "⊎"}, "amalg": {sBin, "⨿"},
	"ltimes": {sBin, "⋉"}, "rtimes": {sBin, "⋊"}, "bigcirc": {sBin, "◯"},
	"dotplus": {sBin, "∔"}, "divideontimes": {sBin, "⋇"}, "intercal": {sBin, "⊺"},
	"boxplus": {sBin, "⊞"}, "boxminus": {sBin, "⊟"}, "boxtimes": {sBin, "⊠"},
	"boxdot": {sBin, "⊡"}, "circledast": {sBin, "⊛"}, "circledcirc": {sBin, "⊚"},

	// Relations.
	"leq": {sRel, "≤"}, "le": {sRel, "≤"}, "geq": {sRel, "≥"},
	"ge": {sRel, "≥"}, "neq": {sRel, "≠"}, "ne": {sRel, "≠"},
	"approx": {sRel, "≈"}, "approxeq": {sRel, "≊"}, "equiv": {sRel, "≡"},
	"sim": {sRel, "∼"}, "simeq": {sRel, "≃"}, "cong": {sRel, "≅"},
	"propto": {sRel, "∝"}, "varpropto": {sRel, "∝"}, "ll": {sRel, "≪"},
	"gg": {sRel, "≫"}, "lll": {sRel, "⋘"}, "ggg": {sRel, "⋙"},
	"subset": {sRel, "⊂"}, "supset": {sRel, "⊃"}, "subseteq": {sRel, "⊆"},
	"supseteq": {sRel, "⊇"}, "subsetneq": {sRel, "⊊"}, "supsetneq": {sRel, "⊋"},
	"nsubseteq": {sRel, "⊈"}, "nsupseteq": {sRel, "⊉"}, "sqsubset": {sRel, "⊏"},
	"sqsupset": {sRel, "⊐"}, "sqsubseteq": {sRel, "⊑"}, "sqsupseteq": {sRel, "⊒"},
	"in": {sRel, "∈"}, "notin": {sRel, "∉"}, "ni": {sRel, "∋"},
	"owns": {sRel, "∋"}, "mid": {sRel, "∣"}, "nmid": {sRel, "∤"},
	"parallel": {sRel, "∥"}, "nparallel": {sRel, "∦"}, "perp": {sRel, "⊥"},
	"models": {sRel, "⊨"}, "vdash": {sRel, "⊢"}, "dashv": {sRel, "⊣"},
	"vDash": {sRel, "⊨"}, "Vdash": {sRel, "⊩"}, "prec": {sRel, "≺"},
	"succ": {sRel, "≻"}, "preceq": {sRel, "⪯"}, "succeq": {sRel, "⪰"},
	"doteq": {sRel, "≐"}, "asymp": {sRel, "≍"}, "bowtie": {sRel, "⋈"},
	"leqslant": {sRel, "⩽"}, "geqslant": {sRel, "⩾"}, "lesssim": {sRel, "≲"},
	"gtrsim": {sRel, "≳"}, "lessgtr": {sRel, "≶"}, "gtrless": {sRel, "≷"},
	"nless": {sRel, "≮"}, "ngtr": {sRel, "≯"}, "nleq": {sRel, "≰"},
	"ngeq": {sRel, "≱"}, "nsim": {sRel, "≁"}, "ncong": {sRel, "≇"},
	"coloneqq": {sRel, "≔"}, "eqqcolon": {sRel, "≕"}, "coloneq": {sRel, "≔"},
	"triangleq": {sRel, "≜"}, "smile": {sRel, "⌣"}, "frown": {sRel, "⌢"},
	"therefore": {sRel, "∴"}, "because": {sRel, "∵"}, "Colon": {sRel, "∷"},
	"vartriangleleft": {sRel, "⊲"}, "vartriangleright": {sRel, "⊳"},
	"trianglelefteq": {sRel, "⊴"}, "trianglerighteq": {sRel, "⊵"},
	"between": {sRel, "≬"}, "pitchfork": {sRel, "⋔"}, "multimap": {sRel, "⊸"},

	// Arrows.
	"to": {sRel, "→"}, "rightarrow": {sRel, "→"}, "gets": {sRel, "←"},
	"leftarrow": {sRel, "←"}, "leftrightarrow": {sRel, "↔"},
	"Rightarrow": {sRel, "⇒"}, "Leftarrow": {sRel, "⇐"},
	"Leftrightarrow": {sRel, "⇔"}, "longrightarrow": {sRel, "⟶"},
	"longleftarrow": {sRel, "⟵"}, "longleftrightarrow": {sRel, "⟷"},
	"Longrightarrow": {sRel, "⟹"}, "Longleftarrow": {sRel, "⟸"},
	"Longleftrightarrow": {sRel, "⟺"}, "implies": {sRel, "⟹"},
	"impliedby": {sRel, "⟸"}, "iff": {sRel, "⟺"}, "mapsto": {sRel, "↦"},
	"longmapsto": {sRel, "⟼"}, "uparrow": {sRel, "↑"}, "downarrow": {sRel, "↓"},
	"updownarrow": {sRel, "↕"}, "Uparrow": {sRel, "⇑"}, "Downarrow": {sRel, "⇓"},
	"Updownarrow": {sRel, "⇕"}, "nearrow": {sRel, "↗"}, "searrow": {sRel, "↘"},
	"swarrow": {sRel, "↙"}, "nwarrow": {sRel, "↖"}, "hookrightarrow": {sRel, "↪"},
	"hookleftarrow": {sRel, "↩"}, "rightharpoonup": {sRel, "⇀"},
	"rightharpoondown": {sRel, "⇁"}, "leftharpoonup": {sRel, "↼"},
	"leftharpoondown": {sRel, "↽"}, "rightleftharpoons": {sRel, "⇌"},
	"leftrightharpoons": {sRel, "⇋"}, "leadsto": {sRel, "⇝"},
	"rightsquigarrow": {sRel, "⇝"}, "twoheadrightarrow": {sRel, "↠"},
	"twoheadleftarrow": {sRel, "↞"}, "nrightarrow": {sRel, "↛"},
	"nleftarrow": {sRel, "↚"}, "nRightarrow": {sRel, "⇏"}, "nLeftarrow": {sRel, "⇍"},
	"nleftrightarrow": {sRel, "↮"}, "nLeftrightarrow": {sRel, "⇎"},
	"circlearrowleft": {sRel, "↺"}, "circlearrowright": {sRel, "↻"},
	"curvearrowleft": {sRel, "↶"}, "curvearrowright": {sRel, "↷"},
	"leftleftarrows": {sRel, "⇇"}, "rightrightarrows": {sRel, "⇉"},
	"leftrightarrows": {sRel, "⇆"}, "rightleftarrows": {sRel, "⇄"},
	"upuparrows": {sRel, "⇈"}, "downdownarrows": {sRel, "⇊"},
	"Lsh": {sRel, "↰"}, "Rsh": {sRel, "↱"}, "Lleftarrow": {sRel, "⇚"},
	"Rrightarrow": {sRel, "⇛"}, "longleftrightarrows": {sRel, "⟷"},

	// Large operators.
	"sum": {sLarge, "∑"}, "prod": {sLarge, "∏"}, "coprod": {sLarge, "∐"},
	"bigcup": {sLarge, "⋃"}, "bigcap": {sLarge, "⋂"}, "bigvee": {sLarge, "⋁"},
	"bigwedge": {sLarge, "⋀"}, "bigoplus": {sLarge, "⨁"}, "bigotimes": {sLarge, "⨂"},
	"bigodot": {sLarge, "⨀"}, "biguplus": {sLarge, "⨄"}, "bigsqcup": {sLarge, "⨆"},
	"int": {sInt, "∫"}, "iint": {sInt, "∬"}, "iiint": {sInt, "∭"},
	"oint": {sInt, "∮"}, "oiint": {sInt, "∯"}, "oiiint": {sInt, "∰"},
	"intop": {sLarge, "∫"}, "smallint": {sInt, "∫"},

	// Function names.
	"sin": {sFn, "sin"}, "cos": {sFn, "cos"}, "tan": {sFn, "tan"},
	"cot": {sFn, "cot"}, "sec": {sFn, "sec"}, "csc": {sFn, "csc"},
	"arcsin": {sFn, "arcsin"}, "arccos": {sFn, "arccos"}, "arctan": {sFn, "arctan"},
	"arccot": {sFn, "arccot"}, "sinh": {sFn, "sinh"}, "cosh": {sFn, "cosh"},
	"tanh": {sFn, "tanh"}, "coth": {sFn, "coth"}, "sech": {sFn, "sech"},
	"csch": {sFn, "csch"}, "log": {sFn, "log"}, "ln": {sFn, "ln"},
	"lg": {sFn, "lg"}, "exp": {sFn, "exp"}, "deg": {sFn, "deg"},
	"dim": {sFn, "dim"}, "ker": {sFn, "ker"}, "hom": {sFn, "hom"},
	"arg": {sFn, "arg"}, "sgn": {sFn, "sgn"}, "tg": {sFn, "tg"},
	"ctg": {sFn, "ctg"}, "det": {sFnLim, "det"}, "gcd": {sFnLim, "gcd"},
	"Pr": {sFnLim, "Pr"}, "lim": {sFnLim, "lim"}, "liminf": {sFnLim, "lim\u2009inf"},
	"limsup": {sFnLim, "lim\u2009sup"}, "max": {sFnLim, "max"}, "min": {sFnLim, "min"},
	"sup": {sFnLim, "sup"}, "inf": {sFnLim, "inf"}, "argmax": {sFnLim, "arg\u2009max"},
	"argmin": {sFnLim, "arg\u2009min"}, "injlim": {sFnLim, "inj\u2009lim"},
	"projlim": {sFnLim, "proj\u2009lim"},

	// KaTeX's other names for symbols above.
	"lt": {sRel, "<"}, "gt": {sRel, ">"}, "lang": {sOpen, "⟨"}, "rang": {sClose, "⟩"},
	"lparen": {sOpen, "("}, "rparen": {sClose, ")"}, "llbracket": {sOpen, "⟦"},
	"rrbracket": {sClose, "⟧"}, "thetasym": {sLetter, "ϑ"}, "infin": {sOrd, "∞"},
	"isin": {sRel, "∈"}, "sub": {sRel, "⊂"}, "sube": {sRel, "⊆"}, "supe": {sRel, "⊇"},
	"empty": {sOrd, "∅"}, "alef": {sOrd, "ℵ"}, "alefsym": {sOrd, "ℵ"},
	"weierp": {sOrd, "℘"}, "image": {sOrd, "ℑ"}, "real": {sOrd, "ℜ"},
	"exist": {sOrd, "∃"}, "harr": {sRel, "↔"}, "hArr": {sRel, "⇔"}, "Harr": {sRel, "⇔"},
	"lrarr": {sRel, "↔"}, "lrArr": {sRel, "⇔"}, "Lrarr": {sRel, "⇔"},
	"rarr": {sRel, "→"}, "rArr": {sRel, "⇒"}, "Rarr": {sRel, "⇒"},
	"larr": {sRel, "←"}, "lArr": {sRel, "⇐"}, "Larr": {sRel, "⇐"},
	"uarr": {sRel, "↑"}, "uArr": {sRel, "⇑"}, "Uarr": {sRel, "⇑"},
	"darr": {sRel, "↓"}, "dArr": {sRel, "⇓"}, "Darr": {sRel, "⇓"},
	"bull": {sBin, "∙"}, "clubs": {sOrd, "♣"}, "diamonds": {sOrd, "♢"},
	"hearts": {sOrd, "♡"}, "spades": {sOrd, "♠"}, "sdot": {sBin, "⋅"},
	"plusmn": {sBin, "±"}, "And": {sOrd, "&"}, "R": {sOrd, "ℝ"}, "Reals": {sOrd, "ℝ"},
	"reals": {sOrd, "ℝ"}, "N": {sOrd, "ℕ"}, "natnums": {sOrd, "ℕ"}, "Z": {sOrd, "ℤ"},
	"Q": {sOrd, "ℚ"}, "C": {sOrd, "ℂ"}, "Complex": {sOrd, "ℂ"}, "cnums": {sOrd, "ℂ"},
	"Bbbk": {sOrd, "𝕜"},
}

// delimiters are what may follow \left, \right, \middle and \big: commands
// here, and the characters in delimChars.
var delimiters = map[string]string{
	"{": "{", "}": "}", "|": "‖", "lbrace": "{", "rbrace": "}",
	"lbrack": "[", "rbrack": "]", "langle": "⟨", "rangle": "⟩",
	"lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
	"vert": "|", "Vert": "‖", "lvert": "|", "rvert": "|",
	"lVert": "‖", "rVert": "‖", "lgroup": "⟮", "rgroup": "⟯",
	"uparrow": "↑", "downarrow": "↓", "updownarrow": "↕",
	"Uparrow": "⇑", "Downarrow": "⇓", "Updownarrow": "⇕",
	"backslash": "\\", "ulcorner": "⌜", "urcorner": "⌝",
	"llcorner": "⌞", "lrcorner": "⌟", "lmoustache": "⎰", "rmoustache": "⎱",
	"lang": "⟨", "rang": "⟩", "lparen": "(", "rparen": ")", "lt": "⟨", "gt": "⟩",
	"llbracket": "⟦", "rrbracket": "⟧",
}

// delimChars are the characters that may follow \left and the like; "."
// stands for no delimiter. < and > are angle brackets there.
var delimChars = map[rune]string{
	'(': "(", ')': ")", '[': "[", ']': "]", '|': "|", '/': "/",
	'.': "", '<': "⟨", '>': "⟩",
}

// negations are what \not makes of the symbols that have a negated form.
var negations = map[string]string{
	"=": "≠", "<": "≮", ">": "≯", "∈": "∉", "∋": "∌", "⊂": "⊄", "⊃": "⊅",
	"⊆": "⊈", "⊇": "⊉", "≡": "≢", "∼": "≁", "≈": "≉", "≅": "≇", "≤": "≰",
	"≥": "≱", "∣": "∤", "∥": "∦", "≃": "≄", "≺": "⊀", "≻": "⊁", "⊢": "⊬",
	"⊨": "⊭", "→": "↛", "←": "↚", "↔": "↮", "⇒": "⇏", "⇐": "⇍", "⇔": "⇎",
	"∃": "∄",
}

// styleSwitches are the commands that change the style or size of the rest
// of the group, with the mstyle attributes that do it.
var styleSwitches = map[string][]attr{
	"displaystyle":      {{"displaystyle", "true"}, {"scriptlevel", "0"}},
	"textstyle":         {{"displaystyle", "false"}, {"scriptlevel", "0"}},
	"scriptstyle":       {{"displaystyle", "false"}, {"scriptlevel", "1"}},
	"scriptscriptstyle": {{"displaystyle", "false"}, {"scriptlevel", "2"}},
	"tiny":              {{"mathsize", "0.5em"}},
	"scriptsize":        {{"mathsize", "0.7em"}},
	"footnotesize":      {{"mathsize", "0.8em"}},
	"small":             {{"mathsize", "0.9em"}},
	"normalsize":        {{"mathsize", "1em"}},
	"large":             {{"mathsize", "1.2em"}},
	"Large":             {{"mathsize", "1.44em"}},
	"LARGE":             {{"mathsize", "1.728em"}},
	"huge":              {{"mathsize", "2.074em"}},
	"Huge":              {{"mathsize", "2.488em"}},
}

// spaces are the spacing commands of fixed width.
var spaces = map[string]string{
	",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em",
	"medspace": "0.2222em", ";": "0.2778em", "thickspace": "0.2778em",
	"enspace": "0.5em", "quad": "1em", "qquad": "2em", "!": "-0.1667em",
	"negthinspace": "-0.1667em", "negmedspace": "-0.2222em",
	"negthickspace": "-0.2778em",
}

// accent is how an accent command is set: the character, whether it
// stretches over its base, whether it goes under, and whether it is a brace
// (set apart from its base, with limits).
type accent struct {
	text    string
	stretch bool
	under   bool
	brace   bool
}

// accents are the commands that put a mark over or under their argument.
var accents = map[string]accent{
	"hat":                  {text: "^"},
	"widehat":              {text: "^", stretch: true},
	"check":                {text: "ˇ"},
	"widecheck":            {text: "ˇ", stretch: true},
	"tilde":                {text: "~"},
	"widetilde":            {text: "~", stretch: true},
	"bar":                  {text: "¯"},
	"overline":             {text: "‾", stretch: true},
	"underline":            {text: "‾", stretch: true, under: true},
	"underbar":             {text: "‾", stretch: true, under: true},
	"vec":                  {text: "→"},
	"dot":                  {text: "˙"},
	"ddot":                 {text: "¨"},
	"dddot":                {text: "⃛"},
	"breve":                {text: "˘"},
	"acute":                {text: "´"},
	"grave":                {text: "`"},
	"mathring":             {text: "˚"},
	"overrightarrow":       {text: "→", stretch: true},
	"overleftarrow":        {text: "←", stretch: true},
	"overleftrightarrow":   {text: "↔", stretch: true},
	"underrightarrow":      {text: "→", stretch: true, under: true},
	"underleftarrow":       {text: "←", stretch: true, under: true},
	"underleftrightarrow":  {text: "↔", stretch: true, under: true},
	"overbrace":            {text: "⏞", stretch: true, brace: true},
	"underbrace":           {text: "⏟", stretch: true, under: true, brace: true},
	"overgroup":            {text: "⏠", stretch: true},
	"undergroup":           {text: "⏡", stretch: true, under: true},
	"overparen":            {text: "⏜", stretch: true},
	"underparen":           {text: "⏝", stretch: true, under: true},
	"overrightharpoon":     {text: "⇀", stretch: true},
	"overleftharpoon":      {text: "↼", stretch: true},
	"Overrightarrow":       {text: "⇒", stretch: true},
	"underlinesegment":     {text: "‾", stretch: true, under: true},
	"overlinesegment":      {text: "‾", stretch: true},
	"utilde":               {text: "~", stretch: true, under: true},
	"wideparen":            {text: "⏜", stretch: true},
	"overleftrightharpoon": {text: "⥊", stretch: true},
}

// arrows are the extensible arrows, \xrightarrow[below]{above} and the like.
var arrows = map[string]string{
	"xrightarrow": "→", "xleftarrow": "←", "xleftrightarrow": "↔",
	"xRightarrow": "⇒", "xLeftarrow": "⇐", "xLeftrightarrow": "⇔",
	"xmapsto": "↦", "xhookrightarrow": "↪", "xhookleftarrow": "↩",
	"xrightharpoonup": "⇀", "xrightharpoondown": "⇁", "xleftharpoonup": "↼",
	"xleftharpoondown": "↽", "xrightleftharpoons": "⇌", "xleftrightharpoons": "⇋",
	"xtwoheadrightarrow": "↠", "xtwoheadleftarrow": "↞", "xlongequal": "=",
}

// bigSizes are the heights of \big, \Big, \bigg and \Bigg delimiters.
var bigSizes = map[string]string{
	"big": "1.2em", "Big": "1.8em", "bigg": "2.4em", "Bigg": "3em",
}
