package bookgen

import (
	_ "embed"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
)

//go:embed words.txt
var wordsText string

// wordList returns the embedded vocabulary, one lowercase ASCII word each.
var wordList = sync.OnceValue(func() []string { return strings.Fields(wordsText) })

// splitmix64 scrambles x, so that nearby page numbers seed unrelated
// streams.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// newRand returns the PCG stream number stream of seed.
func newRand(seed int64, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), splitmix64(stream)))
}

// between returns a random int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// logNormal draws from a log-normal law with the given median and sigma,
// clamped to [lo, hi].
func logNormal(r *rand.Rand, median, sigma float64, lo, hi int) int {
	v := int(median * math.Exp(sigma*r.NormFloat64()))
	return min(max(v, lo), hi)
}

// pick returns a random element of s.
func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// words returns n random vocabulary words.
func words(r *rand.Rand, n int) []string {
	ws := wordList()
	out := make([]string, n)
	for i := range out {
		out[i] = ws[r.IntN(len(ws))]
	}
	return out
}

// capitalize upper-cases the first letter of an ASCII word.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// plainSentence returns a sentence of lo to hi words with a capital and a
// period, and no markup: safe in YAML and table cells.
func plainSentence(r *rand.Rand, lo, hi int) string {
	ws := words(r, between(r, lo, hi))
	ws[0] = capitalize(ws[0])
	if len(ws) > 6 && chance(r, 0.3) {
		ws[len(ws)/2] += ","
	}
	return strings.Join(ws, " ") + "."
}
