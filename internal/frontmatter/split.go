package frontmatter

import "bytes"

var bom = []byte("\uFEFF")

// Split separates a leading YAML front matter block ("---\n...\n---\n", also
// with CRLF, after an optional byte order mark) from the body. It returns
// the YAML between the delimiter lines, the body after the closing line, and
// the byte offset of the body in src, so that callers can map body offsets
// to file lines. An empty block gives empty, non-nil YAML.
//
// Without front matter it returns nil YAML, body = src and offset 0. An
// opening "---" with no closing one is not front matter (GitBook renders it
// as a thematic break): Split returns no front matter and no error.
func Split(src []byte) (yaml []byte, body []byte, bodyOffset int) {
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
	}
	line, next := nextLine(src, start)
	if !isDelimiter(line) {
		return nil, src, 0
	}
	for pos := next; pos < len(src); {
		line, nl := nextLine(src, pos)
		if isDelimiter(line) {
			return src[next:pos], src[nl:], nl
		}
		pos = nl
	}
	return nil, src, 0
}

// nextLine returns the line starting at off, without its line ending, and
// the offset of the next line.
func nextLine(src []byte, off int) (line []byte, next int) {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return src[off:], len(src)
	}
	return bytes.TrimSuffix(src[off:off+i], []byte("\r")), off + i + 1
}

func isDelimiter(line []byte) bool {
	return string(bytes.TrimRight(line, " \t")) == "---"
}
