package markdown

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// TestHTMLBlockTemplatesCanBeOverridden renders GitBook's HTML blocks and
// math with a handbook's own templates, which get the documented fields.
func TestHTMLBlockTemplatesCanBeOverridden(t *testing.T) {
	t.Parallel()
	tmpl := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	e, err := NewWith(Options{Templates: fstest.MapFS{
		"cards.html":  tmpl(`<ul class="my-cards">{{range .Cards}}<li data-href="{{.URL}}">{{.Title}}: {{range .Cells}}{{.}};{{end}}</li>{{end}}</ul>` + "\n"),
		"table.html":  tmpl(`<table class="my-table">{{range .Rows}}<tr>{{range .Cells}}<td>{{.Type}}/{{.Checked}}/{{.Stars}}of{{.Max}}/{{range .Labels}}{{.Text}}-{{.Color}}{{end}}/{{.Body}}</td>{{end}}</tr>{{end}}</table>` + "\n"),
		"figure.html": tmpl(`{{range .Images}}<my-img light="{{.URL}}" dark="{{.Dark}}" alt="{{.Alt}}">{{end}}<my-caption>{{.Caption}}</my-caption>` + "\n"),
		"button.html": tmpl(`<my-button data-style="{{.Style}}" data-action="{{.Action}}" data-query="{{.Query}}" href="{{.URL}}">{{.Label}}</my-button>`),
		"math.html":   tmpl(`<my-math data-tex="{{.TeX}}" data-display="{{.Display}}">{{.MathML}}</my-math>`),
	}})
	if err != nil {
		t.Fatal(err)
	}
	src := `<table data-view="cards"><thead><tr><th></th><th data-hidden data-card-target></th></tr></thead><tbody><tr><td><strong>Team</strong></td><td><a href="ok.md">ok</a></td></tr></tbody></table>

<table><thead><tr><th data-type="checkbox">Done</th><th data-type="rating">Score</th><th>Status<select><option value="a" label="Open" color="green"></option></select></th><th>Name</th></tr></thead><tbody><tr><td>true</td><td>3</td><td><span data-option="a">Open</span></td><td><em>Ana</em></td></tr></tbody></table>

<figure><picture><source srcset=".gitbook/assets/d.png" media="(prefers-color-scheme: dark)"><img src=".gitbook/assets/l.png" alt="Map"></picture><figcaption><p>The map</p></figcaption></figure>

<a href="ok.md" class="button primary">Go <em>now</em></a> <button class="button secondary" data-action="ask" data-query="taxis?">Ask</button> $$x^2$$
`
	var b bytes.Buffer
	problems, err := e.Render(&b, e.Parse([]byte(src)), testResolver{})
	if err != nil || len(problems) > 0 {
		t.Fatalf("Render: %v %v", err, problems)
	}
	for _, want := range []string{
		`<ul class="my-cards"><li data-href="/ok">Team: <strong>Team</strong>;</li></ul>`,
		`<td>checkbox/true/0of0//</td><td>rating/false/3of5//</td><td>select/false/0of0/Open-green/</td><td>/false/0of0//<em>Ana</em></td>`,
		`<my-img light="/assets/l.png" dark="/assets/d.png" alt="Map"><my-caption><p>The map</p></my-caption>`,
		`<my-button data-style="primary" data-action="" data-query="" href="/ok">Go <em>now</em></my-button>`,
		`<my-button data-style="secondary" data-action="ask" data-query="taxis?" href="">Ask</my-button>`,
		`<my-math data-tex="x^2" data-display="false"><math>`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %s in\n%s", want, b.String())
		}
	}
}
