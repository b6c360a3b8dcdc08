package bookgen

import (
	"bytes"
	"image/png"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var (
	// linkRE matches Markdown links and images: [text](dest "title").
	linkRE = regexp.MustCompile(`(!?)\[[^\]]*\]\((<[^>]+>|[^)\s]+)(?:\s+"[^"]*")?\)`)
	// imgRE matches the src of HTML images.
	imgRE     = regexp.MustCompile(`<img src="([^"]+)"`)
	headingRE = regexp.MustCompile(`(?m)^#{1,6} (.*)$`)
	idRE      = regexp.MustCompile(`id="([^"]+)"`)
	anchorRE  = regexp.MustCompile(`\s*<a [^>]*></a>`)
	// summaryRE matches one SUMMARY.md entry and its indentation.
	summaryRE = regexp.MustCompile(`^( *)\* \[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)$`)
)

// readTree returns every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// anchors returns the heading ids of a page: GitHub-style slugs of its
// headings and explicit id attributes.
func anchors(md []byte) map[string]bool {
	ids := map[string]bool{}
	for _, m := range headingRE.FindAllSubmatch(md, -1) {
		text := anchorRE.ReplaceAllString(string(m[1]), "")
		var b strings.Builder
		for _, r := range strings.ToLower(text) {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
				b.WriteRune(r)
			case r == ' ':
				b.WriteByte('-')
			}
		}
		ids[b.String()] = true
	}
	for _, m := range idRE.FindAllSubmatch(md, -1) {
		ids[string(m[1])] = true
	}
	return ids
}

// resolve turns a link destination written in the file from into a slash
// path from the book root and a fragment.
func resolve(from, dest string) (string, string) {
	dest = strings.TrimSuffix(strings.TrimPrefix(dest, "<"), ">")
	p, frag, _ := strings.Cut(dest, "#")
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	switch {
	case p == "":
		return from, frag
	case strings.HasPrefix(p, "/"):
		p = path.Clean(p[1:])
	default:
		p = path.Join(path.Dir(from), p)
	}
	if strings.HasSuffix(dest, "/") || !strings.Contains(path.Base(p), ".") {
		p = path.Join(p, "README.md")
	}
	return p, frag
}

func TestGeneratedBookResolves(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := Generate(dir, Options{Pages: 300, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)

	// SUMMARY.md lists every page file exactly once, and nothing else.
	listed := map[string]int{}
	for i, line := range strings.Split(string(files["SUMMARY.md"]), "\n") {
		if !strings.Contains(line, "* [") {
			continue
		}
		m := summaryRE.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("SUMMARY.md:%d: unparsed entry %q", i+1, line)
			continue
		}
		if depth := len(m[1])/2 + 1; depth > 4 {
			t.Errorf("SUMMARY.md:%d: got depth %d, want at most 4", i+1, depth)
		}
		listed[strings.TrimPrefix(m[2], "/")]++
	}
	var pages []string
	for name := range files {
		if strings.HasSuffix(name, ".md") && name != "SUMMARY.md" {
			pages = append(pages, name)
		}
	}
	slices.Sort(pages)
	if got, want := len(pages), 300; got != want {
		t.Errorf("got %d page files, want %d", got, want)
	}
	for _, p := range pages {
		if listed[p] != 1 {
			t.Errorf("%s: listed %d times in SUMMARY.md, want once", p, listed[p])
		}
		delete(listed, p)
	}
	for p, n := range listed {
		t.Errorf("SUMMARY.md lists %s (%d times), which does not exist", p, n)
	}

	// Every link, anchor and image resolves.
	ids := map[string]map[string]bool{}
	idsOf := func(p string) map[string]bool {
		if ids[p] == nil {
			ids[p] = anchors(files[p])
		}
		return ids[p]
	}
	check := func(from, dest string, image bool) bool {
		target, frag := resolve(from, dest)
		if _, ok := files[target]; !ok {
			t.Errorf("%s: link %q: %s does not exist", from, dest, target)
			return false
		}
		if image && !strings.HasPrefix(target, ".gitbook/assets/") {
			t.Errorf("%s: image %q outside .gitbook/assets", from, dest)
		}
		if frag != "" && !idsOf(target)[frag] {
			t.Errorf("%s: link %q: no anchor %q in %s", from, dest, frag, target)
		}
		return frag != ""
	}
	var links, frags, images int
	forms := map[string]int{}
	hidden := 0
	for _, p := range pages {
		md := files[p]
		if fm, ok := bytes.CutPrefix(md, []byte("---\n")); ok {
			fm, _, _ = bytes.Cut(fm, []byte("\n---\n"))
			var meta struct {
				Description string
				Hidden      bool
			}
			if err := yaml.Unmarshal(fm, &meta); err != nil {
				t.Errorf("%s: front matter: %v", p, err)
			}
			if meta.Hidden {
				hidden++
			}
		}
		for _, m := range linkRE.FindAllSubmatch(md, -1) {
			dest := string(m[2])
			if strings.HasPrefix(dest, "https://") {
				continue
			}
			image := len(m[1]) > 0
			if check(p, dest, image) {
				frags++
			}
			if image {
				images++
				switch {
				case strings.HasPrefix(dest, "<"):
					forms["angle"]++
				case strings.Contains(dest, "%20"):
					forms["escaped"]++
				}
			} else {
				links++
			}
		}
		for _, m := range imgRE.FindAllSubmatch(md, -1) {
			check(p, string(m[1]), true)
			images++
			forms["figure"]++
		}
	}
	if links < 1000 || frags < 100 || images < 60 || hidden < 3 {
		t.Errorf("got %d links, %d anchors, %d images, %d hidden pages: want at least 1000, 100, 60, 3",
			links, frags, images, hidden)
	}
	t.Logf("%d pages: %d links (%d with anchors), %d images %v, %d hidden", len(pages), links, frags, images, forms, hidden)
	for _, f := range []string{"angle", "escaped", "figure"} {
		if forms[f] == 0 {
			t.Errorf("got no image in %s form, want some", f)
		}
	}

	// Assets are valid PNG files; some names have spaces and "(1)".
	spaced := 0
	for name, b := range files {
		if !strings.HasPrefix(name, ".gitbook/assets/") {
			continue
		}
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if strings.Contains(name, " (") {
			spaced++
		}
	}
	if spaced == 0 {
		t.Errorf("got no asset name with spaces and a (n) suffix, want some")
	}

	// .gitbook.yaml parses, and its redirects point at existing pages.
	var cfg struct {
		Root      string
		Structure struct{ Readme, Summary string }
		Redirects map[string]string
	}
	if err := yaml.Unmarshal(files[".gitbook.yaml"], &cfg); err != nil {
		t.Fatalf(".gitbook.yaml: %v", err)
	}
	if cfg.Root != "./" || cfg.Structure.Summary != "SUMMARY.md" || cfg.Structure.Readme != "README.md" {
		t.Errorf(".gitbook.yaml: got %+v", cfg)
	}
	if got, want := len(cfg.Redirects), 5; got != want {
		t.Errorf("got %d redirects, want %d", got, want)
	}
	for from, to := range cfg.Redirects {
		if _, ok := files[from+".md"]; ok {
			t.Errorf("redirect %s shadows an existing page", from)
		}
		check(".gitbook.yaml", to, false)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	t.Parallel()
	gen := func(seed int64) map[string][]byte {
		dir := t.TempDir()
		if err := Generate(dir, Options{Pages: 200, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		return readTree(t, dir)
	}
	a, b, c := gen(3), gen(3), gen(4)
	if len(a) != len(b) {
		t.Fatalf("got %d and %d files for one seed, want equal", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs with one seed", name)
		}
	}
	if bytes.Equal(a["SUMMARY.md"], c["SUMMARY.md"]) {
		t.Errorf("seeds 3 and 4 gave the same SUMMARY.md, want different books")
	}
}

func TestGenerateOptions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		o          Options
		wantGroups int
		wantDepth  int // deepest SUMMARY.md nesting
		wantAssets bool
	}{
		{"one page", Options{Pages: 1}, 0, 1, false},
		{"two pages", Options{Pages: 2}, 1, 1, false},
		{"more groups than pages", Options{Pages: 3, Groups: 5}, 2, 1, false},
		{"flat", Options{Pages: 60, Groups: 3, Depth: 1}, 3, 1, true},
		{"two levels, no images", Options{Pages: 200, Depth: 2, ImagesEvery: -1}, 1, 2, false},
		{"default groups", Options{Pages: 1200, Seed: 2}, 2, 4, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if err := Generate(dir, tc.o); err != nil {
				t.Fatal(err)
			}
			sum, err := os.ReadFile(filepath.Join(dir, "SUMMARY.md"))
			if err != nil {
				t.Fatal(err)
			}
			var entries, groups, depth int
			for _, line := range strings.Split(string(sum), "\n") {
				if strings.HasPrefix(line, "## ") {
					groups++
				}
				if m := summaryRE.FindStringSubmatch(line); m != nil {
					entries++
					depth = max(depth, len(m[1])/2+1)
				}
			}
			if entries != tc.o.Pages {
				t.Errorf("got %d SUMMARY.md entries, want %d", entries, tc.o.Pages)
			}
			if groups != tc.wantGroups {
				t.Errorf("got %d groups, want %d", groups, tc.wantGroups)
			}
			if depth != tc.wantDepth {
				t.Errorf("got depth %d, want %d", depth, tc.wantDepth)
			}
			_, err = os.Stat(filepath.Join(dir, ".gitbook", "assets"))
			if got := err == nil; got != tc.wantAssets {
				t.Errorf("got assets %v, want %v", got, tc.wantAssets)
			}
		})
	}
}

func TestDefaultGroups(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ pages, groups, want int }{
		{1, 0, 1}, {499, 0, 1}, {1000, 0, 2}, {5000, 0, 10}, {6000, 0, 12}, {100000, 0, 12}, {100000, 20, 20},
	} {
		if got := (Options{Pages: tc.pages, Groups: tc.groups}).withDefaults().Groups; got != tc.want {
			t.Errorf("pages %d, groups %d: got %d groups, want %d", tc.pages, tc.groups, got, tc.want)
		}
	}
}

func TestGenerateRefuses(t *testing.T) {
	t.Parallel()
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "notes.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, dir, want string
		o               Options
	}{
		{"no pages", t.TempDir(), "want at least 1", Options{}},
		{"non-empty directory", full, "not empty", Options{Pages: 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := Generate(tc.dir, tc.o)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestPageSizesLikeCorpus keeps pages close to the Mattermost handbook's
// (median 2.7 KB, mean 4.8 KB of Markdown).
func TestPageSizesLikeCorpus(t *testing.T) {
	t.Parallel()
	o := Options{Pages: 2000, Seed: 1}.withDefaults()
	b := plan(o)
	sizes := make([]int, len(b.pages))
	total := 0
	for i, pg := range b.pages {
		sizes[i] = len(renderPage(b, o, pg))
		total += sizes[i]
	}
	slices.Sort(sizes)
	median, mean := sizes[len(sizes)/2], total/len(sizes)
	if median < 2000 || median > 3500 || mean < 3500 || mean > 6000 {
		t.Errorf("got median %d and mean %d bytes, want about 2700 and 4800", median, mean)
	}
}

func TestRelPath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ from, to, want string }{
		{"README.md", "a/b.md", "a/b.md"},
		{"a/b.md", "a/c.md", "c.md"},
		{"a/b/README.md", "a/c.md", "../c.md"},
		{"a/b/c/d.md", "x/y.md", "../../../x/y.md"},
		{"a/b.md", "README.md", "../README.md"},
		{"a/b/README.md", "a/b/c/README.md", "c/README.md"},
		{"a/b.md", ".gitbook/assets/image (1).png", "../.gitbook/assets/image (1).png"},
	} {
		if got := relPath(tc.from, tc.to); got != tc.want {
			t.Errorf("relPath(%q, %q): got %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}
