package markdown

import (
	"bytes"
	"html/template"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// GitBook writes images as figures: <figure><img src alt><figcaption>…
// </figcaption></figure>, drawings as <img class="gitbook-drawing">, and an
// image with a dark-mode variant as a <picture> whose <source> has
// media="(prefers-color-scheme: dark)". An HTML block made of such images
// only is written by templates/figure.html (package blocks); an image
// with a dark variant becomes two images, classed hb-only-light and
// hb-only-dark, so that the page's own theme switch, not only the
// system's, chooses which one shows. In a block holding other HTML too,
// pictures with a dark variant are rewritten the same way (themedPictures)
// and the rest is filtered as written.

// figureData is what templates/figure.html gets: one image block.
type figureData struct {
	Figure  bool // written as a <figure>, which holds the images and the caption
	Images  []figureImage
	Caption template.HTML // "" for none
}

// figureImage is an image of a figure.
type figureImage struct {
	URL    template.URL // "" when the image cannot be found: Alt shows instead (as a paragraph outside a figure)
	Dark   template.URL // the image in dark mode, or ""
	Alt    string
	Class  string // as written, such as "gitbook-drawing"
	Width  string // as written, or ""
	Height string
	Title  string
}

// figure is an image block as written: a figure, a picture or an image.
type figure struct {
	figure            bool
	images            []figureSource
	capStart, capStop int // the caption's content in the fragment; capStart is 0 for none
}

// figureSource is an image of a figure as written: an <img>, alone or in
// a <picture> with a light and a dark source.
type figureSource struct {
	attrs           map[string]string
	at              int // where the <img> starts in the fragment
	light, dark     string
	lightAt, darkAt int
}

// figureRef is an image source to resolve: where it is written, where its
// URL goes.
type figureRef struct {
	dest string
	at   int
	url  *string
}

// figureImgAttrs are the attributes of an <img> a figure keeps (loading
// and decoding are written anew).
var figureImgAttrs = map[string]bool{"src": true, "alt": true, "class": true, "width": true, "height": true, "title": true, "loading": true, "decoding": true}

// parseFigures reads frag as image blocks: figures, pictures and images,
// with nothing but white space around them. ok is false when frag holds
// anything else, such as an image with other attributes or a picture
// whose sources are not for a colour scheme.
func parseFigures(frag []byte) (figs []figure, ok bool) {
	z := html.NewTokenizer(bytes.NewReader(frag))
	var (
		cur      *figure       // the open <figure>
		pic      *figureSource // the open <picture>
		capDepth int           // inside a <figcaption>: how deep
	)
	add := func(src figureSource) {
		if cur != nil {
			cur.images = append(cur.images, src)
		} else {
			figs = append(figs, figure{images: []figureSource{src}})
		}
	}
	pos := 0
	for {
		tt := z.Next()
		start := pos
		pos += len(z.Raw())
		if capDepth > 0 {
			switch tt {
			case html.ErrorToken:
				return nil, false
			case html.StartTagToken:
				if n, _ := z.TagName(); string(n) == "figcaption" {
					capDepth++
				}
			case html.EndTagToken:
				if n, _ := z.TagName(); string(n) == "figcaption" {
					if capDepth--; capDepth == 0 {
						cur.capStop = start
					}
				}
			}
			continue
		}
		switch tt {
		case html.ErrorToken:
			return figs, cur == nil && pic == nil && len(figs) > 0 && z.Err() == io.EOF
		case html.TextToken:
			if len(bytes.TrimSpace(z.Text())) > 0 {
				return nil, false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, attrs := tagAttrs(z)
			switch {
			case name == "figure" && cur == nil && pic == nil && len(attrs) == 0:
				cur = &figure{figure: true}
			case name == "picture" && pic == nil && len(attrs) == 0:
				pic = &figureSource{}
			case name == "source" && pic != nil && len(attrs) == 2 && attrs["srcset"] != "":
				switch colorScheme(attrs["media"]) {
				case "dark":
					pic.dark, pic.darkAt = firstCandidate(attrs["srcset"]), start
				case "light":
					pic.light, pic.lightAt = firstCandidate(attrs["srcset"]), start
				default:
					return nil, false
				}
			case name == "img" && (pic == nil || pic.attrs == nil) && onlyAttrs(attrs, figureImgAttrs):
				if pic == nil {
					add(figureSource{attrs: attrs, at: start})
				} else {
					pic.attrs, pic.at = attrs, start
				}
			case name == "figcaption" && tt == html.StartTagToken && cur != nil && pic == nil && cur.capStart == 0:
				cur.capStart, capDepth = pos, 1
			default:
				return nil, false
			}
		case html.EndTagToken:
			switch n, _ := z.TagName(); {
			case string(n) == "figure" && cur != nil && pic == nil && len(cur.images) > 0:
				figs = append(figs, *cur)
				cur = nil
			case string(n) == "picture" && pic != nil && pic.attrs != nil:
				add(*pic)
				pic = nil
			default:
				return nil, false
			}
		default: // a comment or doctype
			return nil, false
		}
	}
}

// onlyAttrs reports whether every attribute of attrs is in allowed.
func onlyAttrs(attrs map[string]string, allowed map[string]bool) bool {
	for k := range attrs {
		if !allowed[k] {
			return false
		}
	}
	return true
}

// figures writes image blocks through templates/figure.html.
func (b richBlock) figures(figs []figure) error {
	for _, f := range figs {
		d := figureData{Figure: f.figure}
		for _, src := range f.images {
			d.Images = append(d.Images, b.figureImage(src))
		}
		if f.capStart > 0 {
			h, err := b.html(f.capStart, f.capStop)
			if err != nil {
				return err
			}
			d.Caption = template.HTML(strings.TrimSpace(string(h))) // #nosec: filtered
		}
		if err := b.st.Exec("figure.html", d); err != nil {
			return err
		}
	}
	return nil
}

// figureImage resolves the sources of an image. Each broken one is
// reported; the image shows the light source, or the <img>'s own, or,
// failing both, the dark one.
func (b richBlock) figureImage(src figureSource) figureImage {
	a := src.attrs
	img := figureImage{Alt: a["alt"], Class: strings.TrimSpace(a["class"]), Width: a["width"], Height: a["height"], Title: a["title"]}
	var own, light, dark string
	refs := []figureRef{{strings.TrimSpace(a["src"]), src.at, &own}, {src.light, src.lightAt, &light}, {src.dark, src.darkAt, &dark}}
	slices.SortFunc(refs, func(x, y figureRef) int { return x.at - y.at }) // reported in the order written
	for _, r := range refs {
		if r.dest != "" {
			*r.url, _ = b.resolve(r.dest, r.at, true)
		}
	}
	if own != "" && strings.TrimSpace(img.Alt) == "" {
		b.st.noAlt(b.st.srcOffset(b.offsetOf(a["src"], src.at)), strings.TrimSpace(a["src"]))
	}
	if light == "" {
		light = own
	}
	if light == "" {
		light, dark = dark, ""
	}
	img.URL, img.Dark = template.URL(light), template.URL(dark) // #nosec: checked by resolve
	return img
}

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
func figureMarkdown(frag []byte, links mdLinks) (lines []string, ok bool) {
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
			if md, _ := htmlMarkdown(caption, " ", links); md != "" {
				lines = append(lines, "*"+md+"*")
			}
			for len(lines) > 0 && lines[len(lines)-1] == "" {
				lines = lines[:len(lines)-1]
			}
			return lines, len(lines) > 0
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
					lines = append(lines, "!["+mdEscape(strings.TrimSpace(attrs["alt"]))+"]("+markdownDest(links.image(src))+")")
				}
			default:
				return nil, false
			}
		case html.EndTagToken:
			switch n, _ := z.TagName(); string(n) {
			case "figure": // its caption, and a blank line before the next
				if md, _ := htmlMarkdown(caption, " ", links); md != "" {
					lines = append(lines, "*"+md+"*")
				}
				caption = nil
				lines = append(lines, "")
			case "picture":
			default:
				return nil, false
			}
		}
	}
}
