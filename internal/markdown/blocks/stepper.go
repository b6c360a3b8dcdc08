package blocks

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/handbookhq/handbook/internal/markdown/liquid"
)

// Kinds of the stepper blocks (section 4.13).
var (
	// KindStepper is a {% stepper %} block.
	KindStepper = ast.NewNodeKind("Stepper")
	// KindStep is one {% step %} of a stepper.
	KindStep = ast.NewNodeKind("Step")
)

// Stepper is the stepper block: {% stepper %} holding {% step %} …
// {% endstep %} blocks, shown as numbered vertical steps. A heading that
// starts a step is its title; it keeps its ID and its place in the page
// outline.
var Stepper Def = stepper{}

type stepper struct{}

func (stepper) Names() []string { return []string{"stepper", "step"} }

func (stepper) Extend(m goldmark.Markdown) {
	extend(m, NewTagParser(newStepperBlock, "stepper", "step"), kindRenderers{
		KindStepper: checked(checkStepper, renderStepper),
		KindStep:    captured(renderStep),
	})
}

func newStepperBlock(n *liquid.Node) ast.Node {
	if n.Tag.Name == "stepper" {
		return NewBlock(KindStepper, n)
	}
	return NewBlock(KindStep, n)
}

// Degrade writes the steps as an ordered list, one item a step, its
// content indented under the number, so that headings, code fences and
// lists inside steps stay what they are: "1. ### Install", then the
// step's text.
func (stepper) Degrade(d *Degrader, n *liquid.Node, inner []byte) {
	if n.Tag.Name == "stepper" {
		d.Blank()
		d.Write(trimBlankLines(inner))
		d.Blank()
		return
	}
	marker := strconv.Itoa(siblingIndex(d, n)) + "."
	pad := strings.Repeat(" ", len(marker)+1)
	d.Blank()
	body := trimBlankLines(d.Dedent(inner))
	if len(body) == 0 {
		d.Line(marker)
	}
	first := true
	for line := range bytes.Lines(body) {
		line = bytes.TrimRight(line, "\r\n")
		switch {
		case first:
			d.Line(marker + " " + string(line))
			first = false
		case len(bytes.TrimSpace(line)) == 0:
			d.Write([]byte("\n"))
		default:
			d.Line(pad + string(line))
		}
	}
	d.Blank()
}

// stepperData is what templates/stepper.html gets.
type stepperData struct {
	Steps []stepData
}

// stepData is one step of stepperData.
type stepData struct {
	Number int // from 1
	// Titled is set when the step starts with a heading, its title.
	Titled bool
	Body   template.HTML
}

func checkStepper(env Env, node ast.Node, b *Block) {
	for p := node.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == KindStep {
			env.Problem(b.Tag.Start, "stepper inside a step", "GitBook does not nest steppers: end the step first, or use a numbered list")
			break
		}
	}
	strayChild(env, node, KindStep, "stepper", "step")
}

func renderStepper(env Env, _ ast.Node, b *Block, rest template.HTML, collected []any) error {
	writeRest(env, rest)
	data := stepperData{Steps: collectedOf[stepData](collected)}
	for i := range data.Steps {
		data.Steps[i].Number = i + 1
	}
	if len(data.Steps) == 0 {
		env.Problem(b.Tag.Start, `empty "stepper" block`, "add {% step %} … {% endstep %} blocks inside it, or remove it")
		return nil
	}
	return env.Exec("stepper.html", data)
}

func renderStep(env Env, node ast.Node, _ *Block, body template.HTML, _ []any) error {
	_, titled := node.FirstChild().(*ast.Heading)
	s := stepData{Number: 1, Titled: titled, Body: body}
	if p := node.Parent(); p != nil && p.Kind() == KindStepper {
		env.Collect(s)
		return nil
	}
	env.Problem(BlockOf(node).Tag.Start, `"step" outside "stepper"`,
		"put it between {% stepper %} and {% endstepper %}; it is shown as a stepper of one step")
	return env.Exec("stepper.html", stepperData{Steps: []stepData{s}})
}
