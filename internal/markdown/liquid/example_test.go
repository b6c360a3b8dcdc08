package liquid_test

import (
	"fmt"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

func ExampleScan() {
	src := []byte("{% hint style=\"info\" %}\nWrite `{% endhint %}` to close it.\n{% endhint %}\n")
	tags, errs := liquid.Scan(src)
	for _, t := range tags {
		style, _ := t.Arg("style")
		fmt.Printf("%d-%d %s end=%v style=%q\n", t.Start, t.Stop, t.Name, t.End, style)
	}
	fmt.Println(len(errs), "errors")
	// Output:
	// 0-23 hint end=false style="info"
	// 59-72 hint end=true style=""
	// 0 errors
}

func ExamplePair() {
	src := []byte(`{% tabs %}
{% tab title="Video" %}
{% embed url="https://youtu.be/x" %}
{% endtab %}
{% tab title="Steps" %}
{% stepper %}
{% step %}
Install.
{% endstep %}
{% endstepper %}
{% endtab %}
{% endtabs %}
{% hint style="danger" %}
`)
	tags, _ := liquid.Scan(src)
	nodes, errs := liquid.Pair(tags)
	var show func(ns []*liquid.Node, indent string)
	show = func(ns []*liquid.Node, indent string) {
		for _, n := range ns {
			fmt.Printf("%s%s (%v, end tag %v)\n", indent, n.Tag, liquid.KindOf(n.Tag.Name), n.End != nil)
			show(n.Children, indent+"  ")
		}
	}
	show(nodes, "")
	for _, e := range errs {
		fmt.Printf("offset %d: %s\n  hint: %s\n", e.Offset, e.Msg, e.Hint)
	}
	// Output:
	// {% tabs %} (paired, end tag true)
	//   {% tab title="Video" %} (paired, end tag true)
	//     {% embed url="https://youtu.be/x" %} (optional, end tag false)
	//   {% tab title="Steps" %} (paired, end tag true)
	//     {% stepper %} (paired, end tag true)
	//       {% step %} (paired, end tag true)
	// {% hint style="danger" %} (paired, end tag false)
	// offset 201: unclosed "hint" block
	//   hint: add {% endhint %} after its content
}
