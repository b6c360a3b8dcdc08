package site

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/handbookhq/handbook/internal/diag"
	"github.com/handbookhq/handbook/internal/markdown"
	"github.com/handbookhq/handbook/internal/markdown/blocks"
	"github.com/handbookhq/handbook/internal/theme"
)

// themeDir holds a handbook's own theme templates, relative to the
// source folder: each *.html file replaces the theme's of the same name.
const themeDir = ".handbook/theme"

// themeOptions are the theme's options for this build: the blocks'
// styles and behaviour, and what the handbook customizes in
// handbook.yaml's theme mapping and in themeDir. A stylesheet that
// cannot be read is reported and left out.
func (s *builder) themeOptions() (theme.Options, error) {
	cfg := s.b.Site.Theme
	o := theme.Options{
		Base:     s.base,
		ExtraCSS: append(markdown.HighlightCSS(), blocks.CSS()...),
		ExtraJS:  blocks.JS(),
		Accent:   cfg.Accent,
	}
	if cfg.CSS != "" {
		data, err := fs.ReadFile(s.fsys, cfg.CSS)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			s.addDiags(diag.Warnf(s.cfgPos("theme.css"), "theme.css: %s does not exist", cfg.CSS).
				WithHint("write the path of a stylesheet relative to the repository root"))
		case err != nil:
			s.addDiags(diag.Warnf(s.cfgPos("theme.css"), "theme.css: %s cannot be read: %v", cfg.CSS, unwrapPath(err)))
		default:
			o.CustomCSS, o.CustomCSSName = data, cfg.CSS
		}
	}
	fi, err := fs.Stat(s.fsys, themeDir)
	switch {
	case err == nil && fi.IsDir():
		sub, err := fs.Sub(s.fsys, themeDir)
		if err != nil {
			return o, fmt.Errorf("%s: %w", themeDir, err)
		}
		o.Overrides = sub
	case err == nil:
		return o, fmt.Errorf("%s is a file; it must be a folder of templates", themeDir)
	case !errors.Is(err, fs.ErrNotExist):
		return o, fmt.Errorf("%s: %w", themeDir, err)
	}
	return o, nil
}

// compileTheme compiles the theme as the handbook customizes it. An
// override that cannot be used is named by its path in the repository.
func (s *builder) compileTheme() (*theme.Theme, error) {
	o, err := s.themeOptions()
	if err != nil {
		return nil, err
	}
	th, err := theme.Compile(o)
	var te *theme.TemplateError
	if errors.As(err, &te) {
		return nil, fmt.Errorf("%s/%w", themeDir, err)
	}
	return th, err
}

// unwrapPath drops the operation and path from a *fs.PathError, which
// the message names already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
