// Package demo holds the built-in demo story: a short wire-style article
// written for herodot, with named and anonymous sources, a confirmation, a
// denial, a refusal to comment, dates and a death toll. It is fiction, and
// it serves the demo command and the tests that need an article of the
// project's own.
package demo

import _ "embed"

// Article is the demo story, as text with a "key: value" header.
//
//go:embed demo.txt
var Article []byte
