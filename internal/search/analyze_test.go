package search

import (
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"lowercase and punctuation", "Hello, World! It's v2.1", []string{"hello", "world", "it", "s", "v2", "1"}},
		{"unicode letters", "Über naïve CAFÉ", []string{"über", "naïve", "café"}},
		{"too long dropped", "a " + string(make([]byte, 0)) + "abcdefghijabcdefghijabcdefghijabcdefghijk b", []string{"a", "b"}},
		{"cjk bigrams", "検索エンジン", []string{"検索", "索エ", "エン", "ンジ", "ジン"}},
		{"lone cjk", "a 字 b", []string{"a", "字", "b"}},
		{"cjk next to latin", "Go言語です", []string{"go", "言語", "語で", "です"}},
		{"hangul", "한국어", []string{"한국", "국어"}},
		{"empty", " ... ", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, tok := range tokenize(tc.in) {
				got = append(got, tok.word)
				if tok.start < 0 || tok.end > len(tc.in) || tok.start >= tok.end {
					t.Errorf("token %q has bad span [%d,%d)", tok.word, tok.start, tok.end)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestStemAndStopWords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"channels", "channel"},
		{"installing", "instal"},
		{"installation", "instal"},
		{"v2", "v2"},
		{"café", "café"},
	} {
		if got := stem(tc.in); got != tc.want {
			t.Errorf("stem(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
	if !isStop("the") || isStop("server") {
		t.Errorf("isStop: the is a stop word, server is not")
	}
}

func TestEditDistance(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"server", "server", 0},
		{"sever", "server", 1},
		{"sevrer", "server", 1},
		{"servre", "server", 1},
		{"srvr", "server", 2},
		{"xyz", "server", 3},
	} {
		if got := editDistance([]rune(tc.a), []rune(tc.b), 2); got != tc.want {
			t.Errorf("editDistance(%q, %q): got %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestCollapseClip(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"  a \n\t b  c ", 10, "a b c"},
		{"abc  def", 4, "abc "},
		{"abc  def", 5, "abc d"},
		{"日本 語", 2, "日本"},
		{"", 3, ""},
	} {
		if got := collapseClip(tc.in, tc.n); got != tc.want {
			t.Errorf("collapseClip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
