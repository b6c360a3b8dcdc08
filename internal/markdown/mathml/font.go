package mathml

import (
	"strings"
	"unicode/utf8"
)

// font is a math alphabet, chosen by \mathbf and the like.
//
// MathML Core keeps only mathvariant="normal" (on a one-letter mi); browsers
// ignore the other values. So letters and digits are mapped to Unicode's
// Mathematical Alphanumeric Symbols (𝐱 for \mathbf{x}, ℝ for \mathbb{R})
// instead, which show the same everywhere.
type font uint8

const (
	fontDefault font = iota // italic letters, upright capital Greek
	fontRm                  // upright
	fontIt                  // italic
	fontBf                  // bold upright
	fontBi                  // bold italic
	fontBb                  // double-struck
	fontCal                 // script
	fontFrak                // fraktur
	fontSf                  // sans-serif
	fontTt                  // monospace
)

// fontCommands are the commands that set the font of their argument.
var fontCommands = map[string]font{
	"mathrm":       fontRm,
	"mathup":       fontRm,
	"mathit":       fontIt,
	"mathnormal":   fontDefault,
	"mathbf":       fontBf,
	"bold":         fontBf,
	"boldsymbol":   fontBi,
	"bm":           fontBi,
	"mathbb":       fontBb,
	"Bbb":          fontBb,
	"mathcal":      fontCal,
	"mathscr":      fontCal,
	"mathfrak":     fontFrak,
	"frak":         fontFrak,
	"mathsf":       fontSf,
	"mathtt":       fontTt,
	"mathbfit":     fontBi,
	"mathsfup":     fontSf,
	"operatorfont": fontRm,
}

// fontSwitches are the old-style commands that set the font of the rest of
// the group.
var fontSwitches = map[string]font{
	"rm": fontRm,
	"bf": fontBf,
	"it": fontIt,
	"sf": fontSf,
	"tt": fontTt,
}

// latin holds, for each font, where A and a start in Unicode's Mathematical
// Alphanumeric Symbols, and the letters that sit elsewhere because Unicode
// had them before.
var latin = [...]struct {
	upper, lower rune
	holes        map[rune]rune
}{
	fontIt: {0x1D434, 0x1D44E, map[rune]rune{'h': 'ℎ'}},
	fontBf: {0x1D400, 0x1D41A, nil},
	fontBi: {0x1D468, 0x1D482, nil},
	fontBb: {0x1D538, 0x1D552, map[rune]rune{
		'C': 'ℂ', 'H': 'ℍ', 'N': 'ℕ', 'P': 'ℙ', 'Q': 'ℚ', 'R': 'ℝ', 'Z': 'ℤ',
	}},
	fontCal: {0x1D49C, 0x1D4B6, map[rune]rune{
		'B': 'ℬ', 'E': 'ℰ', 'F': 'ℱ', 'H': 'ℋ', 'I': 'ℐ', 'L': 'ℒ', 'M': 'ℳ', 'R': 'ℛ',
		'e': 'ℯ', 'g': 'ℊ', 'o': 'ℴ',
	}},
	fontFrak: {0x1D504, 0x1D51E, map[rune]rune{
		'C': 'ℭ', 'H': 'ℌ', 'I': 'ℑ', 'R': 'ℜ', 'Z': 'ℨ',
	}},
	fontSf: {0x1D5A0, 0x1D5BA, nil},
	fontTt: {0x1D670, 0x1D68A, nil},
}

// digitBase holds where 0 starts for the fonts that have digits.
var digitBase = map[font]rune{
	fontBf: 0x1D7CE,
	fontBi: 0x1D7CE,
	fontBb: 0x1D7D8,
	fontSf: 0x1D7E2,
	fontTt: 0x1D7F6,
}

// greekBase holds where capital Alpha starts for the fonts that have Greek.
// Each alphabet runs: Α…Ω (with ϴ where Greek has no letter), ∇, α…ω, ∂, ϵ,
// ϑ, ϰ, ϕ, ϱ, ϖ.
var greekBase = map[font]rune{
	fontIt: 0x1D6E2,
	fontBf: 0x1D6A8,
	fontBi: 0x1D71C,
}

// greekIndex returns the place of r in a Greek math alphabet, or -1.
func greekIndex(r rune) int {
	switch {
	case r >= 0x391 && r <= 0x3A9 && r != 0x3A2:
		return int(r - 0x391)
	case r == '∇':
		return 25
	case r >= 0x3B1 && r <= 0x3C9:
		return 26 + int(r-0x3B1)
	}
	if i := strings.IndexRune("∂ϵϑϰϕϱϖ", r); i >= 0 {
		return 51 + utf8.RuneCountInString("∂ϵϑϰϕϱϖ"[:i])
	}
	return -1
}

// isUpperGreek reports whether r is a capital Greek letter, which TeX sets
// upright.
func isUpperGreek(r rune) bool { return r >= 0x391 && r <= 0x3A9 }

// italicizable reports whether s is one character that MathML sets in
// italic when it stands alone in an mi.
func italicizable(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if size != len(s) || size == 0 {
		return false
	}
	switch {
	case r < 0x80:
		return isLetter(byte(r))
	case r == 'ı' || r == 'ȷ' || r == 'ϴ':
		return true
	}
	return greekIndex(r) >= 0
}

// letter returns the mi for the letter r in font f.
func letter(f font, r rune) *node {
	m, upright := mapLetter(f, r)
	n := tok("mi", string(m))
	if upright {
		n.attrs = []attr{{"mathvariant", "normal"}}
	}
	return n
}

// mapLetter returns r in font f, and whether it must be marked upright.
func mapLetter(f font, r rune) (rune, bool) {
	switch {
	case r < 0x80 && isLetter(byte(r)):
		if f == fontRm {
			return r, true
		}
		if int(f) < len(latin) && latin[f].upper != 0 {
			l := latin[f]
			if m, ok := l.holes[r]; ok {
				return m, false
			}
			if r <= 'Z' {
				return l.upper + r - 'A', false
			}
			return l.lower + r - 'a', false
		}
		return r, false
	case greekIndex(r) >= 0:
		if base, ok := greekBase[f]; ok {
			if f == fontIt && !isUpperGreek(r) {
				return r, false
			}
			return base + rune(greekIndex(r)), false
		}
		if f == fontRm {
			return r, true
		}
		return r, isUpperGreek(r) || r == '∇'
	}
	return r, false
}

// mapDigits returns the digits in s in font f; other bytes stay.
func mapDigits(f font, s string) string {
	base, ok := digitBase[f]
	if !ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r = base + r - '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}
