package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// GitBook writes images as figures: <figure><img src alt><figcaption>…
// </figcaption></figure>, drawings as <img class="gitbook-drawing">, and an
// image with a dark-mode variant as a <picture> whose <source> has
// media="(prefers-color-scheme: dark)". The filter keeps figures as they
// are. A picture with a dark variant is written as two images, classed
// hb-only-light and hb-only-dark, so that the page's own theme switch, not
// only the system's, chooses which one shows.

// themedPictures rewrites the pictures with a dark variant in frag as two
// images. ok is false when frag has none.
func themedPictures(frag []byte) (h string, ok bool) {
	var out strings.Builder
	z := html.NewTokenizer(bytes.NewReader(frag))
	pos, pic := 0, -1 // pic: where the open <picture> starts
	var light, dark string
	var img map[string]string
	for {
		tt := z.Next()
		start := pos
		pos += len(z.Raw())
		if tt == html.ErrorToken {
			if pic >= 0 {
				out.Write(frag[pic:])
			}
			return out.String(), ok
		}
		if pic < 0 && tt != html.StartTagToken {
			out.Write(frag[start:pos])
			continue
		}
		name, attrs := "", map[string]string(nil)
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			name, attrs = tagAttrs(z)
		} else if tt == html.EndTagToken {
			n, _ := z.TagName()
			name = "/" + string(n)
		}
		switch {
		case pic < 0 && name == "picture":
			pic, light, dark, img = start, "", "", nil
		case pic < 0:
			out.Write(frag[start:pos])
		case name == "source":
			u := firstCandidate(attrs["srcset"])
			switch colorScheme(attrs["media"]) {
			case "dark":
				dark = u
			case "light":
				light = u
			}
		case name == "img":
			img = attrs
		case name == "/picture":
			if dark == "" || img == nil {
				out.Write(frag[pic:pos])
			} else {
				if light == "" {
					light = img["src"]
				}
				out.WriteString(themedImg(img, light, "hb-only-light"))
				out.WriteString(themedImg(img, dark, "hb-only-dark"))
				ok = true
			}
			pic = -1
		}
	}
}

// themedImg writes img again with src and one more class.
func themedImg(img map[string]string, src, class string) string {
	s := `<img src="` + attrEscape(src) + `" alt="` + attrEscape(img["alt"]) + `" class="` + attrEscape(strings.TrimSpace(img["class"]+" "+class)) + `"`
	for _, k := range []string{"width", "height", "title"} {
		if v, ok := img[k]; ok {
			s += " " + k + `="` + attrEscape(v) + `"`
		}
	}
	return s + ">"
}

// colorScheme returns "dark" or "light" for a media query that chooses a
// colour scheme, "" for any other.
func colorScheme(media string) string {
	m := strings.ToLower(strings.Join(strings.Fields(media), ""))
	switch {
	case strings.Contains(m, "prefers-color-scheme:dark"):
		return "dark"
	case strings.Contains(m, "prefers-color-scheme:light"):
		return "light"
	}
	return ""
}

// firstCandidate returns the URL of the first candidate of a srcset.
func firstCandidate(srcset string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(srcset), ",")
	u, _, _ := strings.Cut(strings.TrimSpace(first), " ")
	return u
}

// figureMarkdown is the plain form of an HTML block that is only images:
// a figure, a picture, an <img> (a drawing). Each image is written
// "![alt](src)" on its line (the light variant of a picture), and a caption
// follows as an italic line. ok is false for a block holding anything else.
func figureMarkdown(frag []byte) (lines []string, ok bool) {
	z := html.NewTokenizer(bytes.NewReader(frag))
	var caption []byte
	capStart := -1
	light := "" // the light source of the picture being read
	pos := 0
	for {
		tt := z.Next()
		start := pos
		pos += len(z.Raw())
		if capStart >= 0 {
			if tt == html.EndTagToken {
				if n, _ := z.TagName(); string(n) == "figcaption" {
					caption = append(caption, frag[capStart:start]...)
					capStart = -1
				}
			}
			if tt != html.ErrorToken {
				continue
			}
		}
		switch tt {
		case html.ErrorToken:
			if capStart >= 0 {
				caption = append(caption, frag[capStart:]...)
			}
			if len(lines) == 0 {
				return nil, false
			}
			if md, _ := htmlMarkdown(caption, " "); md != "" {
				lines = append(lines, "*"+md+"*")
			}
			return lines, true
		case html.TextToken:
			if len(bytes.TrimSpace(z.Text())) > 0 {
				return nil, false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, attrs := tagAttrs(z)
			switch name {
			case "figure":
			case "picture":
				light = ""
			case "source":
				if colorScheme(attrs["media"]) == "light" {
					light = firstCandidate(attrs["srcset"])
				}
			case "figcaption":
				capStart = pos
			case "img":
				src := strings.TrimSpace(attrs["src"])
				if light != "" {
					src, light = light, ""
				}
				if src != "" {
					lines = append(lines, "!["+mdEscape(strings.TrimSpace(attrs["alt"]))+"]("+markdownDest(src)+")")
				}
			default:
				return nil, false
			}
		case html.EndTagToken:
			switch n, _ := z.TagName(); string(n) {
			case "figure", "picture":
			default:
				return nil, false
			}
		}
	}
}
