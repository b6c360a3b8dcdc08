package expr

import "testing"

// benchExprs are expressions as GitBook pages write them.
var benchExprs = []string{
	"space.vars.latest_version",
	`visitor.claims.unsigned.first_name ?? "there"`,
	`visitor.claims.plan === "enterprise"`,
	`!visitor.claims.beta`,
	`visitor.claims.roles.includes("admin") && visitor.claims.seats >= 10`,
	"`v${space.vars.latest_version} (${space.vars.tags.join(\", \")})`",
}

func BenchmarkEval(b *testing.B) {
	scope := testScope()
	exprs := make([]*Expr, len(benchExprs))
	for i, src := range benchExprs {
		e, err := Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		exprs[i] = e
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range exprs {
			_ = e.Eval(scope).String()
		}
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range benchExprs {
			if _, err := Parse(src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
