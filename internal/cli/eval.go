package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"herodot/eval"
)

type evalOptions struct {
	analysisFlags
	json    bool
	predDir string
	plover  string
	split   string
}

func newEval(streams IO) *cobra.Command {
	o := &evalOptions{}
	c := &cobra.Command{
		Use:   "eval [flags] PATH | eval --plover FILE [--split dev|test|all]",
		Short: "Score herodot's analysis against hand-made gold files",
		Long: `Score herodot's analysis against gold annotations (spec/eval.md).

For every NAME.gold.json under PATH (searched recursively), herodot analyses the
sibling NAME.txt, with the gold file's reference_date as the fallback reference
date, and scores the result as tools/score.py does. It prints one line per
article, then the pooled figures of all articles and a summary line.

With --json it prints only the pooled figures, as one JSON object whose keys
and values are those of 'score.py GOLD_DIR PRED_DIR --json' on the same
predictions. --pred-dir writes each prediction to DIR/NAME.json, so that
score.py can be run on them.

With --plover FILE it codes the sentences of the PLOVER gold-standard records
(PLOVER_GSR_CAMEO.txt) instead and prints event type accuracy and macro-F1 and
actor and recipient country accuracy. Old PLOVER names are mapped (DEMAND →
REQUEST, DISAPPROVE and INVESTIGATE → ACCUSE, FIGHT → ASSAULT), and the records'
older country codes ITL, JAP and VTN are read as ITA, JPN and VNM. --split dev (the
default) takes the records whose number is not a multiple of 3; --split test the
others, which are held out for reporting.`,
		Example: `  herodot eval ../shared/corpus
  herodot eval --json --pred-dir /tmp/pred ../shared/corpus/news`,
		Args: func(c *cobra.Command, args []string) error {
			if o.plover != "" {
				if len(args) != 0 {
					return usagef("eval --plover takes the gold file as its value, and no PATH")
				}
				return nil
			}
			if len(args) != 1 {
				return usagef("eval needs one PATH (a folder of gold files, or one gold file)")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if o.plover != "" {
				return runPLOVER(c.Context(), o, streams)
			}
			return runEval(c.Context(), o, args[0], streams)
		},
	}
	o.register(c)
	c.Flags().BoolVar(&o.json, "json", false, "print the pooled figures as one JSON object")
	c.Flags().StringVar(&o.predDir, "pred-dir", "", "write each article's prediction to `DIR`/NAME.json")
	c.Flags().StringVar(&o.plover, "plover", "", "score event coding against the PLOVER gold records in `FILE`")
	c.Flags().StringVar(&o.split, "split", "dev", "with --plover: dev, test or all")
	return c
}

func runEval(ctx context.Context, o *evalOptions, root string, streams IO) error {
	opts, pipe, err := o.setup()
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	arts, err := eval.Runner{Pipeline: pipe, Ingest: opts}.Run(ctx, root)
	if err != nil {
		return err
	}
	if o.predDir != "" {
		if err := writePredictions(o.predDir, arts); err != nil {
			return err
		}
	}
	pooled := eval.Corpus(arts)
	if o.json {
		_, err := fmt.Fprintf(streams.Out, "%s\n", pooled.MarshalPython())
		return err
	}
	return writeEvalText(streams.Out, arts, pooled)
}

func runPLOVER(ctx context.Context, o *evalOptions, streams IO) error {
	split := eval.PLOVERSplit(o.split)
	if split != eval.SplitDev && split != eval.SplitTest && split != eval.SplitAll {
		return usagef("--split: %q is not one of dev, test, all", o.split)
	}
	_, pipe, err := o.setup()
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	s, err := eval.PLOVER(ctx, o.plover, split, pipe)
	if err != nil {
		return err
	}
	if o.json {
		_, err := fmt.Fprintf(streams.Out, "%s\n", s.MarshalPython())
		return err
	}
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if f, ok := s[k].(float64); ok {
			fmt.Fprintf(streams.Out, "%-24s %.3f\n", k, f)
		} else {
			fmt.Fprintf(streams.Out, "%-24s %v\n", k, s[k])
		}
	}
	return nil
}

func writePredictions(dir string, arts []eval.Article) error {
	for _, a := range arts {
		p := filepath.Join(dir, filepath.FromSlash(a.Name)+".json")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		err = encodeJSON(f, a.Doc, "  ")
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// evalColumns are the per-article figures shown in the table.
var evalColumns = []struct{ key, head string }{
	{"attr_f1", "attr"}, {"attr_strict_f1", "strict"}, {"entity_f1", "entity"},
	{"coref_acc", "coref"}, {"time_value_acc", "time"}, {"event_f1", "event"}, {"boilerplate_removed", "boiler"},
}

func writeEvalText(w io.Writer, arts []eval.Article, pooled eval.Scores) error {
	p := &printer{w: w}
	head := fmt.Sprintf("%-24s", "article")
	for _, c := range evalColumns {
		head += fmt.Sprintf(" %7s", c.head)
	}
	p.line("%s", head)
	for _, a := range arts {
		row := fmt.Sprintf("%-24s", a.Name)
		for _, c := range evalColumns {
			if v, ok := a.Scores[c.key].(float64); ok {
				row += fmt.Sprintf(" %7.3f", v)
			} else {
				row += fmt.Sprintf(" %7s", "-")
			}
		}
		p.line("%s", row)
	}
	p.line("\npooled over %d articles:", len(arts))
	keys := make([]string, 0, len(pooled))
	for k := range pooled {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if f, ok := pooled[k].(float64); ok {
			p.line("%-22s %.3f", k, f)
		} else {
			p.line("%-22s %v", k, pooled[k])
		}
	}
	f := func(k string) float64 { v, _ := pooled[k].(float64); return v }
	p.line("summary: attr_f1=%.2f attr_strict_f1=%.2f entity_f1=%.2f coref=%.2f time=%.2f event_f1=%.2f",
		f("attr_f1"), f("attr_strict_f1"), f("entity_f1"), f("coref_acc"), f("time_value_acc"), f("event_f1"))
	return p.err
}
