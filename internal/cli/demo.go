package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"herodot/ingest"
	"herodot/internal/demo"
)

func newDemo(streams IO) *cobra.Command {
	var format string
	c := &cobra.Command{
		Use:   "demo",
		Short: "Analyse a short built-in story and print the summary",
		Long: `Analyse a short wire-style story built into herodot (a fictional one, written
for this demo) and print what herodot finds in it. Use --format json to see
the full JSON output.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usagef("--format: %q is not one of text, json", format)
			}
			f := &analysisFlags{maxBytes: ingest.DefaultMaxBytes, maxSents: defaultMaxSentences, maxTime: defaultMaxTime}
			opts, pipe, err := f.setup()
			if err != nil {
				return err
			}
			doc, err := ingest.FromText(demo.Article, &opts)
			if err != nil {
				return fmt.Errorf("demo article: %w", err)
			}
			doc.Input = "(built-in demo story)"
			if err := pipe.Run(context.Background(), doc); err != nil {
				return err
			}
			if format == "json" {
				return encodeJSON(streams.Out, doc, "  ")
			}
			return writeText(streams.Out, doc)
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return c
}
