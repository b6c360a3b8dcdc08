package config

import (
	"fmt"
	"testing"
)

func TestParseSiteVersions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want string
	}{
		{
			"ref, title and path",
			"versions:\n  - ref: \"0.2.1\"\n    title: Current\n    path: current\n",
			"[{0.2.1 Current current handbook.yaml:2:5}]",
		},
		{
			"title and path default from the ref",
			"versions:\n  - ref: main\n  - ref: release/0.2.0\n",
			"[{main main main handbook.yaml:2:5} {release/0.2.0 release/0.2.0 release-0.2.0 handbook.yaml:3:5}]",
		},
		{
			"runs of other characters become one dash, trimmed",
			"versions:\n  - ref: '@{v1}/ü//x+'\n",
			"[{@{v1}/ü//x+ @{v1}/ü//x+ v1-x handbook.yaml:2:5}]",
		},
		{
			"a number as ref is read as written",
			"versions:\n  - ref: 1.10\n",
			"[{1.10 1.10 1.10 handbook.yaml:2:5}]",
		},
		{
			"flow mappings",
			"versions: [{ref: v2, title: Two}, {ref: v1, path: one}]\n",
			"[{v2 Two v2 handbook.yaml:1:12} {v1 v1 one handbook.yaml:1:35}]",
		},
		{"null", "versions:\n", "[]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, ds := ParseSite("handbook.yaml", []byte(tc.src))
			if len(ds) != 0 {
				t.Fatalf("got diagnostics:\n%s\nwant none", ds.Error())
			}
			if got := fmt.Sprint(s.Versions); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestParseSiteVersionPositions(t *testing.T) {
	t.Parallel()
	s, _ := ParseSite("handbook.yaml", []byte("versions:\n  - ref: main\n    path: latest\n"))
	for key, want := range map[string]string{
		"versions":        "handbook.yaml:2:3",
		"versions.0":      "handbook.yaml:2:5",
		"versions.0.ref":  "handbook.yaml:2:10",
		"versions.0.path": "handbook.yaml:3:11",
	} {
		if got := s.Pos[key].String(); got != want {
			t.Errorf("Pos[%q]: got %s, want %s", key, got, want)
		}
	}
}

func TestParseSiteVersionDiagnostics(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, diags, versions string
	}{
		{
			"not a list",
			"versions: main\n",
			`handbook.yaml:1:11: error: "versions" must be a list of versions, each with a ref, not the text "main"
	hint: write a list with one "- ref: <branch or tag>" per version, the default version first`,
			"[]",
		},
		{
			"item not a mapping",
			"versions:\n  - main\n  - ref: v1\n",
			`handbook.yaml:2:5: error: "versions.0" must be a version with a ref, not the text "main"
	hint: write a list with one "- ref: <branch or tag>" per version, the default version first`,
			"[{v1 v1 v1 handbook.yaml:3:5}]",
		},
		{
			"missing ref",
			"versions:\n  - ref: v2\n  - title: Old\n",
			`handbook.yaml:3:5: error: version 2 has no ref
	hint: give every version a ref: the git branch or tag it is built from, such as "ref: release/1.0"`,
			"[{v2 v2 v2 handbook.yaml:2:5}]",
		},
		{
			"ref starting with a dash",
			"versions:\n  - ref: --all\n",
			`handbook.yaml:2:10: error: version ref "--all" is not a git branch or tag name
	hint: a branch or tag name has no spaces and does not start with "-"`,
			"[]",
		},
		{
			"ref with a space",
			"versions:\n  - ref: 'release 1'\n",
			`handbook.yaml:2:10: error: version ref "release 1" is not a git branch or tag name
	hint: a branch or tag name has no spaces and does not start with "-"`,
			"[]",
		},
		{
			"duplicate ref",
			"versions:\n  - ref: main\n  - ref: main\n    path: other\n",
			`handbook.yaml:3:5: error: version ref "main" is already listed on line 2
	hint: list each branch or tag once`,
			"[{main main main handbook.yaml:2:5}]",
		},
		{
			"duplicate path after defaults",
			"versions:\n  - ref: release/1\n  - ref: release-1\n",
			`handbook.yaml:3:5: error: version path "release-1" is already used by the version on line 2
	hint: give one of the two versions a different path`,
			"[{release/1 release/1 release-1 handbook.yaml:2:5}]",
		},
		{
			"path with a slash",
			"versions:\n  - ref: main\n    path: a/b\n",
			`handbook.yaml:3:11: error: version path "a/b" is not a URL segment
	hint: start the path with a letter or digit and use only letters, digits, ".", "_" and "-", such as "path: 1.0"`,
			"[]",
		},
		{
			"path of two dots",
			"versions:\n  - ref: main\n    path: ..\n",
			`handbook.yaml:3:11: error: version path ".." is not a URL segment
	hint: start the path with a letter or digit and use only letters, digits, ".", "_" and "-", such as "path: 1.0"`,
			"[]",
		},
		{
			"ref that gives no path",
			"versions:\n  - ref: '...'\n",
			`handbook.yaml:2:10: error: version ref "..." gives no URL path
	hint: give the version a path of letters, digits, ".", "_" and "-", such as "path: 1.0"`,
			"[]",
		},
		{
			"unknown key",
			"versions:\n  - ref: main\n    branch: main\n",
			`handbook.yaml:3:5: error: unknown key "branch" in a version
	hint: valid keys are ref, title, path`,
			"[{main main main handbook.yaml:2:5}]",
		},
		{
			"title of the wrong type",
			"versions:\n  - ref: main\n    title: [a]\n",
			`handbook.yaml:3:12: error: "versions.0.title" must be text, not a list`,
			"[{main main main handbook.yaml:2:5}]",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, ds := ParseSite("handbook.yaml", []byte(tc.src))
			if got := ds.Error(); got != tc.diags {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.diags)
			}
			if got := fmt.Sprint(s.Versions); got != tc.versions {
				t.Errorf("got versions %s, want %s", got, tc.versions)
			}
		})
	}
}

func TestVersionPath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ ref, want string }{
		{"0.2.1", "0.2.1"},
		{"release/0.2.0", "release-0.2.0"},
		{"refs/tags/v1.0", "refs-tags-v1.0"},
		{"feature//x", "feature-x"},
		{"/x/", "x"},
		{"v1_beta", "v1_beta"},
	} {
		if got := versionPath(tc.ref); got != tc.want {
			t.Errorf("versionPath(%q): got %q, want %q", tc.ref, got, tc.want)
		}
	}
}
