package blocks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/util"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// argOffset returns the offset of the value of t's argument key, or of the
// tag when it has none, for problems about it.
func argOffset(t liquid.Tag, key string) int {
	for _, a := range t.Args {
		if a.Key == key {
			return a.ValueStart
		}
	}
	return t.Start
}

// backslashEscape returns s with a backslash before each of the
// characters in special.
func backslashEscape(s, special string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(special, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// collectedOf returns the values of type T among what the children of a
// parent block collected, in order.
func collectedOf[T any](collected []any) []T {
	var items []T
	for _, v := range collected {
		if it, ok := v.(T); ok {
			items = append(items, it)
		}
	}
	return items
}

// quote returns s in double quotes, as messages name values.
func quote(s string) string { return strconv.Quote(s) }

// writeEscaped writes b with HTML special characters escaped.
func writeEscaped(w util.BufWriter, b []byte) {
	for _, c := range b {
		switch c {
		case '<':
			_, _ = w.WriteString("&lt;")
		case '>':
			_, _ = w.WriteString("&gt;")
		case '&':
			_, _ = w.WriteString("&amp;")
		case '"':
			_, _ = w.WriteString("&#34;")
		default:
			_ = w.WriteByte(c)
		}
	}
}

// toString prints a variable's value.
func toString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(v)
}
