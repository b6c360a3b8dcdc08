package expr

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxString bounds the length in bytes of a string an expression builds by
// concatenation, template literal or join; a longer result is undefined.
// Only very large scope values can reach it.
const maxString = 1 << 20

// maxJoinDepth bounds how deeply join and string conversion descend into
// nested arrays; deeper arrays convert to "", as do arrays containing
// themselves (which JavaScript's join also writes as "").
const maxJoinDepth = 32

// toString is JavaScript's ToString: undefined and null are "undefined" and
// "null", as they are in "a" + null.
func toString(v Value) string {
	switch v.kind {
	case Undefined:
		return "undefined"
	case Null:
		return "null"
	case Bool:
		if v.b {
			return "true"
		}
		return "false"
	case Number:
		return formatNumber(v.n)
	case String:
		return v.s
	case Object:
		return "[object Object]"
	case Array:
		s, _ := join(v.ref, ",")
		return s
	}
	return ""
}

// toPrimitive is JavaScript's ToPrimitive for the values of a scope:
// objects and arrays become their strings, other values stay.
func toPrimitive(v Value) Value {
	if v.isObjectish() {
		return stringValue(toString(v))
	}
	return v
}

// toNumber is JavaScript's ToNumber.
func toNumber(v Value) float64 {
	switch v.kind {
	case Null:
		return 0
	case Bool:
		if v.b {
			return 1
		}
		return 0
	case Number:
		return v.n
	case String:
		return stringToNumber(v.s)
	case Object, Array:
		return stringToNumber(toString(v))
	}
	return math.NaN()
}

// toInteger is JavaScript's ToIntegerOrInfinity, as string and array
// methods read their position arguments; undefined is def.
func toInteger(v Value, def float64) float64 {
	if v.kind == Undefined {
		return def
	}
	n := toNumber(v)
	if n != n {
		return 0
	}
	return math.Trunc(n)
}

// join joins the elements of an array with sep, as Array.prototype.join
// does: undefined and null elements are empty. It reports false when the
// result would be longer than maxString.
func join(ref any, sep string) (string, bool) {
	var b strings.Builder
	var stack [maxJoinDepth]Value
	ok := writeJoin(&b, ref, sep, stack[:0])
	if !ok {
		return "", false
	}
	return b.String(), true
}

// writeJoin writes the elements of an array to b; nested arrays are joined
// with commas, down to maxJoinDepth. outer holds the arrays being joined.
func writeJoin(b *strings.Builder, ref any, sep string, outer []Value) bool {
	a := Value{kind: Array, ref: ref}
	if len(outer) >= maxJoinDepth || slices.ContainsFunc(outer, func(o Value) bool { return sameObject(o, a) }) {
		return true
	}
	outer = append(outer, a)
	n := arrayLen(ref)
	for i := range n {
		if i > 0 {
			if b.Len()+len(sep) > maxString {
				return false
			}
			b.WriteString(sep)
		}
		e := arrayAt(ref, i)
		switch e.kind {
		case Undefined, Null:
		case Array:
			if !writeJoin(b, e.ref, ",", outer) {
				return false
			}
		default:
			s := toString(e)
			if b.Len()+len(s) > maxString {
				return false
			}
			b.WriteString(s)
		}
	}
	return true
}

// formatNumber writes f as JavaScript's Number.prototype.toString does: the
// shortest digits that read back as f, in plain notation from 1e-7 to 1e21
// and in exponent notation outside it.
func formatNumber(f float64) string {
	switch {
	case f != f:
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	case f == math.Trunc(f) && math.Abs(f) < 1<<53:
		return strconv.FormatInt(int64(f), 10)
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±xx
	i := strings.IndexByte(e, 'e')
	digits := strings.Replace(e[:i], ".", "", 1)
	x, _ := strconv.Atoi(e[i+1:])
	k, n := len(digits), x+1 // f = 0.digits × 10ⁿ
	switch {
	case k <= n && n <= 21:
		return sign + digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return sign + digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return sign + "0." + strings.Repeat("0", -n) + digits
	}
	exp := strconv.Itoa(n - 1)
	if n-1 >= 0 {
		exp = "+" + exp
	}
	if k == 1 {
		return sign + digits + "e" + exp
	}
	return sign + digits[:1] + "." + digits[1:] + "e" + exp
}

// stringToNumber is JavaScript's StringToNumber: surrounding white space is
// ignored, "" is 0, decimal literals with an optional sign and "Infinity"
// are read, 0x, 0o and 0b integers too (without a sign), and anything else
// is NaN.
func stringToNumber(s string) float64 {
	s = strings.TrimFunc(s, isSpace)
	if s == "" {
		return 0
	}
	if len(s) > 2 && s[0] == '0' {
		if base := radix(s[1]); base != 0 {
			if f, ok := parseRadix(s[2:], base); ok {
				return f
			}
			return math.NaN()
		}
	}
	body := s
	if body[0] == '+' || body[0] == '-' {
		body = body[1:]
	}
	if body == "Infinity" {
		if s[0] == '-' {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	if decimalLen(body) != len(body) {
		return math.NaN()
	}
	f, _ := strconv.ParseFloat(s, 64) // out of range gives ±Inf or 0, as in JavaScript
	return f
}

// radix returns the base of a "0x", "0o" or "0b" prefix's letter, or 0.
func radix(c byte) int {
	switch c | 0x20 {
	case 'x':
		return 16
	case 'o':
		return 8
	case 'b':
		return 2
	}
	return 0
}

// parseRadix reads digits, an integer in base, rounding to the nearest
// float64. It reports false when digits is empty or holds a non-digit.
func parseRadix(digits string, base int) (float64, bool) {
	if digits == "" {
		return 0, false
	}
	for i := 0; i < len(digits); i++ {
		if digitVal(digits[i]) >= base {
			return 0, false
		}
	}
	if u, err := strconv.ParseUint(digits, base, 64); err == nil {
		return float64(u), true
	}
	var n big.Int
	if _, ok := n.SetString(digits, base); !ok {
		return 0, false
	}
	f, _ := new(big.Float).SetInt(&n).Float64()
	return f, true
}

// digitVal returns the value of a digit in any base up to 36, or 36.
func digitVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c|0x20 && c|0x20 <= 'z':
		return int(c|0x20-'a') + 10
	}
	return 36
}

// decimalLen returns the length of the unsigned decimal literal at the start
// of s (digits, an optional fraction and an optional exponent, with at least
// one digit before the exponent), or 0.
func decimalLen(s string) int {
	i, digits := 0, 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0
	}
	if i < len(s) && s[i]|0x20 == 'e' {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isSpace reports whether r is JavaScript white space or a line terminator.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

// utf16Len returns the length of s in UTF-16 code units, JavaScript's
// length; each invalid byte counts as one.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// utf16Offset returns the byte offset in s of UTF-16 index i (0 ≤ i), or
// len(s) past the end. It reports false when i falls inside a surrogate
// pair; the offset is then that of the next code point.
func utf16Offset(s string, i int) (int, bool) {
	u := 0
	for off, r := range s {
		if u >= i {
			return off, true
		}
		u++
		if r >= 0x10000 {
			if u == i {
				return off + utf8.RuneLen(r), false
			}
			u++
		}
	}
	return len(s), true
}

// charAt returns the code unit at UTF-16 index i of s as a string: a lone
// half of a surrogate pair becomes U+FFFD. Out of range is undefined.
func charAt(s string, i int) Value {
	u := 0
	for _, r := range s {
		if u == i {
			if r >= 0x10000 {
				return stringValue(string(utf8.RuneError))
			}
			return stringValue(string(r))
		}
		u++
		if r >= 0x10000 {
			if u == i {
				return stringValue(string(utf8.RuneError))
			}
			u++
		}
		if u > i {
			break
		}
	}
	return undefined
}

// compareStrings compares a and b by UTF-16 code units, as JavaScript's < does.
func compareStrings(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := firstUnit(ra), firstUnit(rb)
			if ua != ub {
				return cmpInt(ua, ub)
			}
			return cmpInt(int(ra), int(rb)) // same high surrogate: the low ones order as the code points
		}
		a, b = a[na:], b[nb:]
	}
	return cmpInt(len(a), len(b))
}

// firstUnit returns the first UTF-16 code unit of r.
func firstUnit(r rune) int {
	if r >= 0x10000 {
		return 0xD800 + int((r-0x10000)>>10)
	}
	return int(r)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
