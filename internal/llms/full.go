package llms

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
)

// DefaultBatch is how many pages one llms-full file holds, as on GitBook.
const DefaultBatch = 100

// FullName returns the output path of llms-full file i: "llms-full.txt"
// for the first, then "llms-full-2.txt", "llms-full-3.txt" and so on.
func FullName(i int) string {
	if i == 0 {
		return "llms-full.txt"
	}
	return "llms-full-" + strconv.Itoa(i+1) + ".txt"
}

// Batches returns how many llms-full files n pages take, size to a file;
// there is always at least one.
func Batches(n, size int) int {
	if size < 1 {
		size = DefaultBatch
	}
	return max(1, (n+size-1)/size)
}

// WriteFull writes one llms-full file: the Markdown of its pages in order,
// separated by blank lines. When next is not empty the file ends with a
// rule and a "Next Page" link to it.
func WriteFull(w io.Writer, docs [][]byte, next string) error {
	bw := bufio.NewWriter(w)
	for i, d := range docs {
		if i > 0 {
			bw.WriteString("\n")
		}
		bw.Write(bytes.TrimRight(d, "\n"))
		bw.WriteString("\n")
	}
	if next != "" {
		bw.WriteString("\n---\n\n[Next Page](" + linkDest(next) + ")\n")
	}
	return bw.Flush()
}
