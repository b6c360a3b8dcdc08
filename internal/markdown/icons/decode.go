package icons

import (
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
)

// decode reads the gzipped icon data (format in the package doc) into
// rendered <svg> elements by name. The data is embedded and checked by the
// tests, so a malformed file is a build mistake and panics.
func decode(gz string) map[string]icon {
	text, err := gunzip(gz)
	if err != nil {
		panic(fmt.Sprintf("icons: embedded data: %v", err))
	}
	icons := make(map[string]icon, 2900)
	style := -1
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		n++
		fail := func(msg string) {
			panic(fmt.Sprintf("icons: embedded data line %d: %s", n, msg))
		}
		switch {
		case line == "" || line[0] == '#':
			continue
		case line[0] == '@':
			switch line[1:] {
			case "solid":
				style = solid
			case "regular":
				style = regular
			case "brands":
				style = brands
			default:
				fail("unknown style " + line)
			}
			continue
		case style < 0:
			fail("icon before a style")
		}
		name, rest, _ := strings.Cut(line, " ")
		ic := icons[name]
		if target, ok := strings.CutPrefix(rest, "="); ok {
			if ic[style] = icons[target][style]; ic[style] == "" {
				fail(fmt.Sprintf("alias of unknown icon %q", target))
			}
			icons[name] = ic
			continue
		}
		w, rest, _ := strings.Cut(rest, " ")
		h, path, _ := strings.Cut(rest, " ")
		if w == "" || h == "" || path == "" {
			fail("want \"name W H PATH\" or \"name =other\"")
		}
		ic[style] = render(w, h, path)
		icons[name] = ic
	}
	return icons
}

func render(w, h, path string) string {
	const (
		open = `<svg xmlns="http://www.w3.org/2000/svg" class="icon" aria-hidden="true" fill="currentColor" width="1em" height="1em" viewBox="0 0 `
		mid  = `"><path d="`
		end  = `"/></svg>`
	)
	var b strings.Builder
	b.Grow(len(open) + len(w) + 1 + len(h) + len(mid) + len(path) + len(end))
	b.WriteString(open)
	b.WriteString(w)
	b.WriteByte(' ')
	b.WriteString(h)
	b.WriteString(mid)
	b.WriteString(path)
	b.WriteString(end)
	return b.String()
}

func gunzip(gz string) (string, error) {
	r, err := gzip.NewReader(strings.NewReader(gz))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if len(gz) >= 4 { // the trailer holds the size, modulo 2³²
		b.Grow(int(binary.LittleEndian.Uint32([]byte(gz[len(gz)-4:]))))
	}
	if _, err := io.Copy(&b, r); err != nil {
		return "", err
	}
	return b.String(), r.Close()
}
