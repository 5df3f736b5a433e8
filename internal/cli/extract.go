package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"herodot/document"
	"herodot/ingest"
	"herodot/pipeline"
)

type extractOptions struct {
	analysisFlags
	format string
}

func newExtract(streams IO) *cobra.Command {
	o := &extractOptions{}
	c := &cobra.Command{
		Use:   "extract [flags] PATH...",
		Short: "Analyse articles and print what they report, and who says so",
		Long: `Analyse articles and print one result per article.

PATH is a file, a directory (every .txt, .text, .html, .htm, .jsonl and .ndjson
file under it), or - for standard input. A text file may start with a header of
"key: value" lines (title, date, source, url) closed by a line "---".

Formats:
  json   one JSON object (spec/output.md) for one article; JSON Lines for many
  jsonl  JSON Lines: one compact object per line
  text   a readable summary: sources and stances, entities, events, times

An input that fails (empty, binary, too large, unreadable, a bad JSON Lines
record) is reported on stderr with its name, the others are still processed,
and the exit code is 1.`,
		Example: `  herodot extract article.txt
  herodot extract --format text --published 2026-01-28 story.html
  cat feed.jsonl | herodot extract --format jsonl -`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("extract needs at least one PATH (or - for standard input)")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			return runExtract(c.Context(), o, args, streams)
		},
	}
	o.register(c)
	c.Flags().StringVarP(&o.format, "format", "f", "json", "output format: json, jsonl or text")
	return c
}

func runExtract(ctx context.Context, o *extractOptions, paths []string, streams IO) error {
	if o.format != "json" && o.format != "jsonl" && o.format != "text" {
		return usagef("--format: %q is not one of json, jsonl, text", o.format)
	}
	opts, pipe, err := o.setup()
	if err != nil {
		return err
	}
	opts.Stdin = streams.In
	if ctx == nil {
		ctx = context.Background()
	}
	out := bufio.NewWriter(streams.Out)
	defer out.Flush()
	w := newDocWriter(o.format, out)
	failed := processInputs(ctx, paths, opts, pipe, streams.Err, func(doc *document.Document) error {
		if err := w.write(doc); err != nil {
			return err
		}
		return out.Flush()
	})
	if err := w.close(); err != nil {
		return err
	}
	if failed > 0 {
		return errInputsFailed{failed}
	}
	return nil
}

// processInputs reads every input, runs the pipeline and hands each
// document to emit. Failures and warnings go to stderr, named by input;
// it returns how many inputs failed. An error from emit (a closed output)
// stops the run.
func processInputs(ctx context.Context, paths []string, opts ingest.Options, pipe *pipeline.Pipeline, stderr io.Writer, emit func(*document.Document) error) int {
	failed := 0
	for doc, err := range ingest.Read(paths, opts) {
		if err != nil {
			fmt.Fprintf(stderr, "herodot: %v\n", err)
			failed++
			continue
		}
		for _, w := range doc.Warnings {
			fmt.Fprintf(stderr, "herodot: %s: warning: %s\n", doc.Input, w)
		}
		if err := pipe.Run(ctx, doc); err != nil {
			fmt.Fprintf(stderr, "herodot: %s: %v\n", doc.Input, err)
			failed++
			continue
		}
		if err := emit(doc); err != nil {
			fmt.Fprintf(stderr, "herodot: writing output: %v\n", err)
			return failed + 1
		}
	}
	return failed
}

// docWriter writes documents in one output format. With "json", a single
// document is written indented; from the second one on, every document is
// written as one line (JSON Lines).
type docWriter struct {
	format  string
	w       io.Writer
	pending *document.Document // json: the first document, held until we know if there is a second
	n       int
}

func newDocWriter(format string, w io.Writer) *docWriter { return &docWriter{format: format, w: w} }

func (d *docWriter) write(doc *document.Document) error {
	d.n++
	switch d.format {
	case "text":
		if d.n > 1 {
			fmt.Fprintln(d.w)
		}
		return writeText(d.w, doc)
	case "jsonl":
		return writeLine(d.w, doc)
	}
	if d.n == 1 {
		d.pending = doc
		return nil
	}
	if d.pending != nil {
		if err := writeLine(d.w, d.pending); err != nil {
			return err
		}
		d.pending = nil
	}
	return writeLine(d.w, doc)
}

func (d *docWriter) close() error {
	if d.pending == nil {
		return nil
	}
	return encodeJSON(d.w, d.pending, "  ")
}

func writeLine(w io.Writer, doc *document.Document) error { return encodeJSON(w, doc, "") }

// encodeJSON writes doc and a newline, indented when indent is not empty,
// with <, > and & left as they are.
func encodeJSON(w io.Writer, doc *document.Document, indent string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	return enc.Encode(doc)
}
