package expr_test

import (
	"fmt"

	"github.com/handbookhq/handbook/internal/markdown/expr"
)

func Example() {
	scope := expr.NewScope(
		map[string]any{"latest_version": "2.3"},
		nil,
		map[string]any{"plan": "enterprise", "unsigned": map[string]any{}},
	)
	for _, src := range []string{
		"space.vars.latest_version",
		`visitor.claims.unsigned.first_name ?? "there"`,
		`visitor.claims.plan==='enterprise'`,
		"space.vars.missing",
	} {
		e, err := expr.Parse(src)
		if err != nil {
			fmt.Println(err)
			continue
		}
		v := e.Eval(scope)
		fmt.Printf("%s → %q truthy=%v paths=%q\n", e, v, v.Truthy(), e.Paths())
	}
	// Output:
	// space.vars.latest_version → "2.3" truthy=true paths=["space.vars.latest_version"]
	// visitor.claims.unsigned.first_name ?? "there" → "there" truthy=true paths=["visitor.claims.unsigned.first_name"]
	// visitor.claims.plan === "enterprise" → "true" truthy=true paths=["visitor.claims.plan"]
	// space.vars.missing → "" truthy=false paths=["space.vars.missing"]
}

func ExampleParse_error() {
	_, err := expr.Parse(`visitor.claims.plan = "enterprise"`)
	var pe *expr.Error
	if e, ok := err.(*expr.Error); ok {
		pe = e
	}
	fmt.Println(pe.Offset, pe.Msg)
	fmt.Println("hint:", pe.Hint)
	// Output:
	// 20 assignment is not allowed
	// hint: use === to compare values
}
