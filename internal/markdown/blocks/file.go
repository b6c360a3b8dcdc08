package blocks

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// KindFile is the kind of file blocks (section 4.7).
var KindFile = ast.NewNodeKind("File")

// File is the file block: {% file src="../.gitbook/assets/handbook.pdf" %},
// with an optional caption as content up to {% endfile %} (or, in older
// pages, as a caption argument). It is a download card with the file's
// name, type and size.
var File Def = fileDef{}

type fileDef struct{}

func (fileDef) Names() []string { return []string{"file"} }

func (fileDef) Extend(m goldmark.Markdown) {
	extendKind(m, KindFile, captured(renderFile), "file")
}

// Degrade writes a link to the file, "[name](url)", followed by the
// caption: on the same line after a colon when it is one paragraph.
func (fileDef) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	src, _ := n.Tag.Arg("src")
	src = strings.TrimSpace(src)
	caption := bytes.TrimSpace(d.Dedent(inner))
	if legacy, _ := n.Tag.Arg("caption"); strings.TrimSpace(legacy) != "" && len(caption) == 0 {
		caption = []byte(strings.TrimSpace(legacy))
	}
	d.Blank()
	line := ""
	if src != "" {
		line = linkText(fileName(src))
		if ref, ok := d.Env().File(src); ok && linkable(src) {
			line = "[" + linkText(fileName(firstNonEmpty(ref.Name, src))) + "](" + markdownDest(ref.URL) + ")"
		}
	}
	text, one := oneLine(caption)
	switch {
	case line != "" && one:
		d.Line(line + ": " + text)
	case line != "":
		d.Line(line)
		if len(caption) > 0 {
			d.Blank()
			d.Quote("", caption)
		}
	default:
		d.Quote("", caption)
	}
	d.Blank()
}

// fileData is what templates/file.html gets.
type fileData struct {
	URL       string // "" when the file cannot be found
	Name      string // file name, without folders
	Type      string // "PDF", from the extension
	Size      string // "2 KB"; "" when unknown
	Icon      string // Font Awesome name for the type
	FullWidth bool
	Caption   template.HTML
}

func renderFile(env Env, _ ast.Node, b *Block, body template.HTML, _ []any) error {
	args := &argReader{env: env, block: "file", tag: b.Tag}
	src := args.str("src")
	data := fileData{FullWidth: args.flag("fullWidth"), Caption: body}
	if legacy := args.str("caption"); legacy != "" {
		data.Caption = env.Markdown(legacy) + body
	}
	off := argOffset(b.Tag, "src")
	switch {
	case src == "":
		args.problem(off, "file without a src", `write {% file src="../.gitbook/assets/name.pdf" %}`)
	case !linkable(src):
		data.Name = src
		args.problem(off, "file src "+quote(src)+" is not a file or web address", "upload the file to .gitbook/assets/ and link to it")
	default:
		data.Name = fileName(src)
		if ref, ok := env.File(src, off); ok {
			data.URL, data.Size = ref.URL, humanSize(ref.Size)
			if ref.Name != "" {
				data.Name = fileName(ref.Name)
			}
		}
	}
	args.done("src", "caption", "fullWidth")
	if data.Name == "" {
		_, _ = env.WriteString(string(body)) // nothing to download; the caption stays
		return nil
	}
	data.Type, data.Icon = fileType(data.Name)
	return env.Exec("file.html", data)
}

// fileName returns the last element of a file link, percent-decoded,
// without its query or fragment. A name that does not decode (a "%" of
// its own) is kept as it is.
func fileName(src string) string {
	src, _, _ = strings.Cut(src, "#")
	src, _, _ = strings.Cut(src, "?")
	src = strings.TrimSuffix(src, "/")
	if dec, err := url.PathUnescape(src); err == nil {
		src = dec
	}
	return path.Base(src)
}

// humanSize returns a size in bytes as people read it: "512 B", "2 KB",
// "1.5 MB"; "" for a negative (unknown) size.
func humanSize(n int64) string {
	if n < 0 {
		return ""
	}
	if n < 1024 {
		return strconv.FormatInt(n, 10) + " B"
	}
	units := []string{"KB", "MB", "GB", "TB"}
	f, i := float64(n)/1024, 0
	for f >= 1024 && i < len(units)-1 {
		f, i = f/1024, i+1
	}
	prec := 0
	if f < 10 {
		prec = 1
	}
	s := strconv.FormatFloat(f, 'f', prec, 64)
	return strings.TrimSuffix(s, ".0") + " " + units[i]
}

// fileIcons maps file extensions to the icon of their kind.
var fileIcons = map[string]string{
	"pdf": "file-pdf",
	"zip": "file-zipper", "gz": "file-zipper", "tgz": "file-zipper", "tar": "file-zipper", "bz2": "file-zipper",
	"xz": "file-zipper", "7z": "file-zipper", "rar": "file-zipper", "zst": "file-zipper",
	"png": "file-image", "jpg": "file-image", "jpeg": "file-image", "gif": "file-image", "svg": "file-image",
	"webp": "file-image", "avif": "file-image", "bmp": "file-image", "tif": "file-image", "tiff": "file-image",
	"ico": "file-image", "heic": "file-image",
	"txt": "file-lines", "md": "file-lines", "rtf": "file-lines", "log": "file-lines",
	"csv": "file-csv", "tsv": "file-csv",
	"doc": "file-word", "docx": "file-word", "odt": "file-word", "pages": "file-word",
	"xls": "file-excel", "xlsx": "file-excel", "ods": "file-excel", "numbers": "file-excel",
	"ppt": "file-powerpoint", "pptx": "file-powerpoint", "odp": "file-powerpoint", "key": "file-powerpoint",
	"mp4": "file-video", "mov": "file-video", "webm": "file-video", "mkv": "file-video", "avi": "file-video", "m4v": "file-video",
	"mp3": "file-audio", "wav": "file-audio", "ogg": "file-audio", "flac": "file-audio", "m4a": "file-audio", "aac": "file-audio",
	"json": "file-code", "yaml": "file-code", "yml": "file-code", "xml": "file-code", "html": "file-code",
	"js": "file-code", "ts": "file-code", "go": "file-code", "py": "file-code", "sh": "file-code", "sql": "file-code",
	"toml": "file-code", "css": "file-code",
}

// fileType returns the type label ("PDF") and icon of a file name.
func fileType(name string) (label, icon string) {
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
	if ext == "" {
		return "", "file"
	}
	icon, ok := fileIcons[ext]
	if !ok {
		icon = "file"
	}
	return strings.ToUpper(ext), icon
}
