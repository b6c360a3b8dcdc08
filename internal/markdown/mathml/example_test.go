package mathml_test

import (
	"fmt"

	"github.com/handbookhq/handbook/internal/markdown/mathml"
)

func ExampleRender() {
	out, err := mathml.Render(`x^2 \leq \frac{a}{b}`, false)
	fmt.Println(out, err)
	out, err = mathml.Render(`\sqrt{x} + \foo`, true)
	fmt.Println(out)
	fmt.Println(err)
	// Output:
	// <math><msup><mi>x</mi><mn>2</mn></msup><mo>≤</mo><mfrac><mi>a</mi><mi>b</mi></mfrac></math> <nil>
	// <math display="block"><msqrt><mi>x</mi></msqrt><mo>+</mo><merror><mtext>\foo</mtext></merror></math>
	// unknown command "\\foo"
}
