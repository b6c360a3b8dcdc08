// Package diag holds positioned diagnostics: what is wrong in an author's
// file, where (file, line, column) and what to do about it.
//
// Every other package reports problems with author input through this
// package, so that build, serve and check print them the same way, sorted,
// as "file:line:col: message".
package diag
