package blocks

import "github.com/yuin/goldmark"

// All returns every block GitBook defines, in a new slice.
func All() []Def {
	return []Def{
		Hint,
		IncludeDef,
		UpdatesDef,
		Prompt,
		If,
		Code,
		Tabs,
		Embed,
		Stepper,
		Columns,
		ContentRef,
		File,
		Swagger,
		APIMethod,
		OpenAPI,
		Math,
		Unknown,
	}
}

// Extension returns the goldmark extension of defs and of the tags no
// block claims (shown literally, with a warning).
func Extension(defs []Def) goldmark.Extender { return extension(defs) }

type extension []Def

// Extend implements goldmark.Extender.
func (x extension) Extend(m goldmark.Markdown) {
	for _, d := range x {
		d.Extend(m)
	}
}
