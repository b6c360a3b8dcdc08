package pdf

import "testing"

// TestPageCounter counts page objects, and not page tree nodes, whether
// the PDF comes whole or one byte at a time, so that a match split
// between two pieces is counted once.
func TestPageCounter(t *testing.T) {
	t.Parallel()
	const doc = "1 0 obj\n<</Type /Pages /Count 3 /Kids [2 0 R 3 0 R 4 0 R]>>\nendobj\n" +
		"2 0 obj\n<</Type /Page\n/Parent 1 0 R>>\nendobj\n" +
		"3 0 obj\n<</Type/Page/Parent 1 0 R>>\nendobj\n" +
		"4 0 obj\n<</Parent 1 0 R /Type /Page>>\nendobj\n%%EOF\n"
	for _, size := range []int{len(doc), 1, 5, 13} {
		var c pageCounter
		for i := 0; i < len(doc); i += size {
			c.feed([]byte(doc[i:min(i+size, len(doc))]))
		}
		if c.n != 3 {
			t.Errorf("in pieces of %d bytes: counted %d pages, want 3", size, c.n)
		}
	}
}
