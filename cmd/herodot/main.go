// Command herodot turns news reports into structured, sourced event data.
// Run 'herodot --help' for its commands.
package main

import (
	"os"

	"herodot/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Stdio()))
}
