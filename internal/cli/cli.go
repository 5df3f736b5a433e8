// Package cli is the herodot command line: its commands, flags, output
// formats and exit codes. cmd/herodot only calls Main.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"herodot/ingest"
	"herodot/knowledge"
	"herodot/pipeline"
)

// Exit codes that scripts can rely on.
const (
	ExitOK      = 0 // everything was processed
	ExitFailure = 1 // some input failed; the others were processed
	ExitUsage   = 2 // the command line was wrong; nothing was processed
)

// Version is the program's version, set at build time with
// -ldflags "-X herodot/internal/cli.Version=v1.2.3"; otherwise it comes
// from the module's build information.
var Version = ""

// IO holds the streams a command reads and writes.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// usageError is a mistake in the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// errInputsFailed reports that some inputs failed; each was reported on
// stderr already.
type errInputsFailed struct{ n int }

func (e errInputsFailed) Error() string {
	if e.n == 1 {
		return "1 input failed"
	}
	return fmt.Sprintf("%d inputs failed", e.n)
}

// Main runs the command line args (without the program name) and
// returns the exit code.
func Main(args []string, streams IO) int {
	TuneGC()
	root := newRoot(streams)
	root.SetArgs(args)
	err := root.Execute()
	return exitCode(err, streams.Err)
}

// GCPercent is the garbage collector's target that herodot runs with
// when GOGC is not set. The analysis keeps a small live heap (a few MB)
// and allocates quickly, so at Go's default of 100 the collector runs
// very often; at 200 the pipeline runs about 14% faster for about 4 MB
// more at peak (bench/README.md).
const GCPercent = 200

// TuneGC sets the collector's target to GCPercent unless the GOGC
// environment variable says otherwise.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
}

// exitCode maps an error to an exit code, printing it.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return ExitOK
	}
	var ue usageError
	var failed errInputsFailed
	switch {
	case errors.As(err, &failed):
		fmt.Fprintf(stderr, "herodot: %v\n", err)
		return ExitFailure
	case errors.As(err, &ue) || isCobraUsage(err):
		fmt.Fprintf(stderr, "herodot: %v\nRun 'herodot --help' for usage.\n", err)
		return ExitUsage
	}
	fmt.Fprintf(stderr, "herodot: %v\n", err)
	return ExitFailure
}

// isCobraUsage recognises the errors cobra makes for unknown commands and
// bad arguments, which are usage errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "accepts ", "requires at least", "invalid argument", "flag needs an argument"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

func newRoot(streams IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "herodot",
		Short: "Sourced event data from news reports",
		Long: `herodot turns news reports into structured, sourced event data: who did what
to whom, when and where, and who says so, and how firmly.

It reads plain text, text with a "key: value" header, HTML pages and JSON Lines,
and writes one JSON object per article (see the output contract in the README).

Exit codes: 0 all inputs processed, 1 some input failed (the others were
processed), 2 the command line was wrong.

Environment: GOGC sets the garbage collector's target (herodot's default is
200: faster, for a few MB more memory).`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.CompletionOptions.DisableDefaultCmd = true
	root.AddCommand(newExtract(streams), newIngest(streams), newQuery(streams), newClaims(streams), newExport(streams), newEval(streams), newServe(streams), newDemo(streams), newVersion(streams))
	return root
}

// analysisFlags are the flags shared by the commands that analyse text.
type analysisFlags struct {
	published string
	maxBytes  int64
	kbFile    string
	inFormat  string
	private   bool
	maxSents  int
	maxTime   time.Duration
}

func (f *analysisFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.published, "published", "", "reference `DATE` (YYYY-MM-DD) for inputs whose metadata and dateline give none")
	c.Flags().Int64Var(&f.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest input file, or JSON Lines record, to read (`BYTES`)")
	c.Flags().StringVar(&f.kbFile, "kb", "", "a knowledge `FILE` that adds to or overrides the built-in lexicons")
	c.Flags().StringVar(&f.inFormat, "input-format", "auto", "input format: auto, text, html, jsonl or feed (auto decides by file name and content)")
	c.Flags().BoolVar(&f.private, "allow-private", false, "let URLs on private and loopback addresses be fetched")
	c.Flags().IntVar(&f.maxSents, "max-sentences", defaultMaxSentences, "most sentences in one article; a longer one fails (`N`)")
	c.Flags().DurationVar(&f.maxTime, "max-time", defaultMaxTime, "longest analysis of one article; a slower one fails")
}

// The default limits on one article: far above any news article (a long
// one has 150 sentences and takes milliseconds), low enough that garbage
// cannot hold a run up.
const (
	defaultMaxSentences = 20000
	defaultMaxTime      = 30 * time.Second
)

// setup checks the flags and builds the ingest options and the pipeline.
func (f *analysisFlags) setup() (ingest.Options, *pipeline.Pipeline, error) {
	opts := ingest.Options{MaxBytes: f.maxBytes, AllowPrivate: f.private}
	if f.maxBytes <= 0 {
		return opts, nil, usagef("--max-bytes must be positive, got %d", f.maxBytes)
	}
	if f.maxSents <= 0 || f.maxTime <= 0 {
		return opts, nil, usagef("--max-sentences and --max-time must be positive")
	}
	if f.published != "" {
		d, ok := ingest.ParseDate(f.published)
		if !ok {
			return opts, nil, usagef("--published: %q is not a date (use YYYY-MM-DD)", f.published)
		}
		opts.Published = d
	}
	switch f.inFormat {
	case "auto", "":
	case "text", "html", "jsonl", "feed":
		opts.Format = ingest.Format(f.inFormat)
	default:
		return opts, nil, usagef("--input-format: %q is not one of auto, text, html, jsonl, feed", f.inFormat)
	}
	kb := knowledge.Default()
	if f.kbFile != "" {
		var err error
		if kb, err = knowledge.WithUserFile(f.kbFile); err != nil {
			return opts, nil, usagef("--kb: %v", err)
		}
	}
	opts.KB = kb
	return opts, pipeline.Default(pipeline.Options{KB: kb, Limits: pipeline.Limits{Sentences: f.maxSents, Time: f.maxTime}}), nil
}

func newVersion(streams IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print herodot's version",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			fmt.Fprintf(streams.Out, "herodot %s\n", version())
			return nil
		},
	}
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		if v == "" || v == "(devel)" {
			v = "dev"
		}
		return v + " (" + bi.GoVersion + ")"
	}
	return "dev"
}

// Stdio returns the process's own streams.
func Stdio() IO { return IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr} }
