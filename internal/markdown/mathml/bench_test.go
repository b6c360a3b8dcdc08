package mathml

import "testing"

// benchInputs are formulas of the kinds handbooks hold.
var benchInputs = []string{
	`E = mc^2`,
	`x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}`,
	`\sum_{i=1}^{n} i = \frac{n(n+1)}{2}`,
	`\int_{-\infty}^{\infty} e^{-x^2}\,dx = \sqrt{\pi}`,
	`\lim_{x \to 0} \frac{\sin x}{x} = 1`,
	`\mathbf{A} = \begin{pmatrix} a_{11} & a_{12} \\ a_{21} & a_{22} \end{pmatrix}`,
	`f(x) = \begin{cases} x^2 & \text{if } x \geq 0 \\ -x & \text{otherwise} \end{cases}`,
	`\begin{aligned} (a+b)^2 &= (a+b)(a+b) \\ &= a^2 + 2ab + b^2 \end{aligned}`,
	`P(A \mid B) = \frac{P(B \mid A)\,P(A)}{P(B)}`,
	`\left\| \vec{v} \right\| = \sqrt{\sum_{k} v_k^2} \quad \forall v \in \mathbb{R}^n`,
	`\text{SLA} = \frac{\text{uptime}}{\text{total time}} \times 100\%`,
	`O(n \log n) \subset O(n^2)`,
}

func BenchmarkRender(b *testing.B) {
	size := 0
	for _, tex := range benchInputs {
		if _, err := Render(tex, true); err != nil {
			b.Fatalf("Render(%q): %v", tex, err)
		}
		size += len(tex)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, tex := range benchInputs {
			Render(tex, true)
		}
	}
}
