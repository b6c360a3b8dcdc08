package liquid

import (
	"fmt"
	"strings"
	"testing"
)

// generate returns about size bytes of Markdown as GitBook writes it:
// prose with code spans, lists, fences holding tag-like text, and blocks
// of every kind, nested.
func generate(size int) []byte {
	parts := []string{
		"## Section %d\n\nSome prose with `inline code`, a [link](page.md) and **bold** text that runs on\nfor a while so lines have a realistic length, with {{ not.a.tag }} in it.\n\n",
		"{%% hint style=\"info\" %%}\n**Note %d:** back up the database first, then run `make migrate`.\n{%% endhint %%}\n\n",
		"{%% tabs %%}\n{%% tab title=\"macOS\" %%}\nRun `brew install acme`.\n{%% endtab %%}\n{%% tab title=\"Linux %d\" %%}\nRun `apt install acme`.\n{%% endtab %%}\n{%% endtabs %%}\n\n",
		"1. First step %d.\n2. Second step:\n\n   ```bash\n   echo '{%% not a tag %%}'\n   ```\n\n   {%% embed url=\"https://youtu.be/x\" %%}\n3. Third step with `` a ` b `` code.\n\n",
		"{%% code title=\"deploy-%d.sh\" overflow=\"wrap\" lineNumbers=\"true\" %%}\n```bash\n./deploy --prod\n```\n{%% endcode %%}\n\n",
		"| a | b |\n| --- | --- |\n| cell %d | `code` |\n| more | text |\n\n> Quoted text with a {%% include \"../.gitbook/includes/x.md\" %%} tag.\n\n",
		"{%% swagger method=\"get\" path=\"/v1/items/%d\" baseUrl=\"https://api.example.com\" summary=\"List items\" %%}\n{%% swagger-parameter in=\"query\" name=\"limit\" type=\"integer\" required=\"false\" %%}\nMax items.\n{%% endswagger-parameter %%}\n{%% endswagger %%}\n\n",
		"Plain paragraph number %d without anything special in it, written to pad the page\nwith the kind of text most of a handbook is made of: words, commas and full stops.\n\n",
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, parts[i%len(parts)], i)
	}
	return []byte(b.String())
}

func BenchmarkScan(b *testing.B) {
	src := generate(1 << 20)
	tags, errs := Scan(src)
	if len(errs) > 0 || len(tags) == 0 {
		b.Fatalf("got %d tags and errors %v", len(tags), errs)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(src)
	}
}

func BenchmarkPair(b *testing.B) {
	tags, _ := Scan(generate(1 << 20))
	b.ReportAllocs()
	for b.Loop() {
		Pair(tags)
	}
}
