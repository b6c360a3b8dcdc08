package theme

import (
	"crypto/sha256"
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// minified remembers the last minified output of each asset name, so
// that the builds of a process (versions, live rebuilds) minify the
// theme's unchanging files once.
var minified sync.Map // name → minifyEntry

type minifyEntry struct {
	sum [sha256.Size]byte
	out []byte
}

// minify returns the stylesheet or script data minified, chosen by the
// extension of name. The output depends only on data. An error names the
// asset and, when esbuild gives one, the line.
func minify(name string, data []byte) ([]byte, error) { return minifyAs(name, name, data) }

// minifyAs is minify for the asset name, with its errors naming it label.
func minifyAs(name, label string, data []byte) ([]byte, error) {
	var loader api.Loader
	switch path.Ext(name) {
	case ".css":
		loader = api.LoaderCSS
	case ".js":
		loader = api.LoaderJS
	default:
		return data, nil
	}
	sum := sha256.Sum256(data)
	if e, ok := minified.Load(name); ok && e.(minifyEntry).sum == sum {
		return e.(minifyEntry).out, nil
	}
	res := api.Transform(string(data), api.TransformOptions{
		Loader:            loader,
		Sourcefile:        label,
		Target:            api.ES2017,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Sourcemap:         api.SourceMapNone,
		LegalComments:     api.LegalCommentsNone,
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return nil, minifyError(label, res.Errors)
	}
	minified.Store(name, minifyEntry{sum: sum, out: res.Code})
	return res.Code, nil
}

// minifyError describes esbuild's errors for the asset name, at most
// three of them.
func minifyError(name string, msgs []api.Message) error {
	var parts []string
	for i, m := range msgs {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(msgs)-i))
			break
		}
		if m.Location != nil {
			parts = append(parts, fmt.Sprintf("line %d: %s", m.Location.Line, m.Text))
		} else {
			parts = append(parts, m.Text)
		}
	}
	return fmt.Errorf("minify %s: %s", name, strings.Join(parts, "; "))
}
