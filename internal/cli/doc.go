// Package cli is the handbook command line: one file per subcommand. It is
// the only package that reads flags and the environment or writes to the
// terminal; everything else takes typed options.
//
// Exit codes: 0 on success (warnings included), 1 on errors, 2 on usage
// errors.
package cli
