package htmlfilter

import "io"

// escape writes b with the five HTML-special characters escaped.
func escape(w Writer, b []byte) error {
	last := 0
	for i, c := range b {
		var esc string
		switch c {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		if _, err := w.Write(b[last:i]); err != nil {
			return err
		}
		if _, err := w.WriteString(esc); err != nil {
			return err
		}
		last = i + 1
	}
	_, err := w.Write(b[last:])
	return err
}

// escapeString is escape for a string.
func escapeString(w Writer, s string) error {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		case '\'':
			esc = "&#39;"
		default:
			continue
		}
		if _, err := w.WriteString(s[last:i]); err != nil {
			return err
		}
		if _, err := w.WriteString(esc); err != nil {
			return err
		}
		last = i + 1
	}
	_, err := w.WriteString(s[last:])
	return err
}

func writeStrings(w io.StringWriter, ss ...string) error {
	for _, s := range ss {
		if _, err := w.WriteString(s); err != nil {
			return err
		}
	}
	return nil
}

// WriteEscaped writes s to w with the HTML special characters escaped, for
// text or a quoted attribute value.
func WriteEscaped(w Writer, s string) error { return escapeString(w, s) }
