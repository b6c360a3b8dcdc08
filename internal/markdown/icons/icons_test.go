package icons_test

import (
	"strings"
	"testing"

	"github.com/handbookhq/handbook/internal/markdown/icons"
)

// Starts of the path data of a few icons, as Font Awesome Free 7 draws them.
const (
	githubPath   = `<path d="M216.5 362.5c-66-8-112.5-55.5-112.5-117 `
	warningPath  = `<path d="M256 0c14.7 0 28.2 8.1 35.2 21l216 400`
	solidBell    = `<path d="M224 0c-17.7 0-32 14.3-32 32l0 3.2C119 50 `
	regularBell  = `<path d="M224 0c-13.3 0-24 10.7-24 24l0 9.7C118.6 4`
	rocketPath   = `<path d="M128 320L24.5 320c-24.9 0-40.2-27.1-27.4`
	circleInfo   = `<path d="M256 512a256 256 0 1 0 0-512 256 256`
	appleViewBox = `viewBox="0 0 384 512"`
)

func TestSVG(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   string
		want string // a part of the SVG; "" when there is no icon
	}{
		{"brand with prefix", "fa-github", githubPath},
		{"brand bare", "github", githubPath},
		{"brand with style", "fa-brands fa-github", githubPath},
		{"brand with short style", "fab fa-github", githubPath},
		{"style after the name", "fa-github fab", githubPath},
		{"wrong style falls back", "fa-solid fa-github", githubPath},
		{"hint icon", "triangle-exclamation", warningPath},
		{"alias", "exclamation-triangle", warningPath},
		{"old alias with prefix", "fa-warning", warningPath},
		{"tab icon", "apple", appleViewBox},
		{"button icon", "rocket", rocketPath},
		{"bare name prefers solid", "bell", solidBell},
		{"solid", "fa-solid fa-bell", solidBell},
		{"regular", "fa-regular fa-bell", regularBell},
		{"regular short", "far fa-bell", regularBell},
		{"alias in regular", "far fa-info-circle", `viewBox="0 0 512 512"`},
		{"alias in solid", "info-circle", circleInfo},
		{"modifiers ignored", "fa-solid fa-fw fa-lg fa-rocket", rocketPath},
		{"version 4 class", "fa fa-github", githubPath},
		{"upper case", "FA-GitHub", githubPath},
		{"surrounding space", "  fa-github\t", githubPath},
		{"unknown", "fa-no-such-icon", ""},
		{"pro only", "rectangle-terminal", ""},
		{"empty", "", ""},
		{"only a style", "fa-solid", ""},
		{"only modifiers", "fa fa-fw", ""},
		{"prefix alone", "fa-", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, ok := icons.SVG(tc.in)
			if tc.want == "" {
				if ok || got != "" {
					t.Errorf("SVG(%q) = %q, %v; want no icon", tc.in, got, ok)
				}
				return
			}
			if !ok || !strings.Contains(got, tc.want) {
				t.Errorf("SVG(%q) = %.200q, %v; want it to contain %q", tc.in, got, ok, tc.want)
			}
		})
	}
}

func TestSVGMarkup(t *testing.T) {
	t.Parallel()
	got, ok := icons.SVG("fa-github")
	if !ok {
		t.Fatal("SVG(fa-github): no icon")
	}
	const start = `<svg xmlns="http://www.w3.org/2000/svg" class="icon" aria-hidden="true" fill="currentColor" width="1em" height="1em" viewBox="0 0 512 512">` + githubPath
	if !strings.HasPrefix(got, start) {
		t.Errorf("got %.300q, want it to start with %q", got, start)
	}
	if !strings.HasSuffix(got, `z"/></svg>`) {
		t.Errorf("got %q, want it to end with the path and </svg>", got[max(0, len(got)-40):])
	}
}

func TestRegularDiffersFromSolid(t *testing.T) {
	t.Parallel()
	s, _ := icons.SVG("fa-solid fa-star")
	r, _ := icons.SVG("fa-regular fa-star")
	if s == "" || r == "" || s == r {
		t.Errorf("solid and regular star: got %.80q and %.80q, want two different icons", s, r)
	}
}

func BenchmarkSVG(b *testing.B) {
	names := []string{"fa-github", "triangle-exclamation", "fa-regular fa-bell", "fa-solid fa-fw fa-rocket", "fa-no-such-icon"}
	icons.SVG("")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		icons.SVG(names[i%len(names)])
	}
}
