package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/spf13/cobra"

	"herodot/corroborate"
	"herodot/document"
	"herodot/ingest"
	"herodot/store"
)

const defaultDB = "herodot.db"

func newIngest(streams IO) *cobra.Command {
	o := &analysisFlags{}
	var db string
	var workers, batch int
	c := &cobra.Command{
		Use:   "ingest [flags] PATH...",
		Short: "Analyse articles and keep them in a corpus database",
		Long: `Analyse articles and store them, with every layer, in a corpus database
(SQLite, one file). PATH is a file, a folder or - as for extract.

Articles are keyed by their content: an article stored already is skipped
before it is analysed, so running the same ingest again after an interruption
(Ctrl-C, a crash, kill -9) stores what is missing and nothing twice. Work is
spread over --workers goroutines and written in batches of --batch articles per
transaction. On a terminal, progress is shown on stderr; a summary follows.`,
		Example: `  herodot ingest --db news.db articles/
  herodot ingest --db news.db --workers 8 feed.jsonl`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("ingest needs at least one PATH (or - for standard input)")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if workers < 1 || batch < 1 {
				return usagef("--workers and --batch must be at least 1")
			}
			return runIngest(o, db, workers, batch, args, streams)
		},
	}
	o.register(c)
	c.Flags().StringVar(&db, "db", defaultDB, "the corpus database: a SQLite `FILE`, or a postgres:// URL")
	c.Flags().IntVar(&workers, "workers", runtime.NumCPU(), "analyses run at once")
	c.Flags().IntVar(&batch, "batch", 200, "articles stored per transaction")
	return c
}

// ingestStats counts what an ingest did.
type ingestStats struct {
	mu                         sync.Mutex
	stored, duplicates, failed int
	reasons                    map[string]int
	examples                   []string
}

func (s *ingestStats) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failed++
	msg := err.Error()
	reason := msg
	if ie, ok := err.(*ingest.InputError); ok {
		reason = ie.Err.Error()
	}
	if i := strings.Index(reason, ":"); i > 0 && i < 40 {
		reason = reason[:i]
	}
	s.reasons[reason]++
	if len(s.examples) < 5 {
		s.examples = append(s.examples, msg)
	}
}

func runIngest(o *analysisFlags, dbPath string, workers, batch int, paths []string, streams IO) error {
	opts, pipe, err := o.setup()
	if err != nil {
		return err
	}
	opts.Stdin = streams.In
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	stats := &ingestStats{reasons: map[string]int{}}
	jobs := make(chan *document.Document, workers*2)
	done := make(chan store.Encoded, workers*2)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				if err := pipe.Run(ctx, d); err != nil {
					stats.fail(fmt.Errorf("%s: %w", d.Input, err))
					continue
				}
				e, err := store.Encode(d)
				if err != nil {
					stats.fail(fmt.Errorf("%s: %w", d.Input, err))
					continue
				}
				done <- e
			}
		}()
	}
	// the writer: one transaction per batch
	writeErr := make(chan error, 1)
	go func() {
		var pending []store.Encoded
		flush := func() error {
			if len(pending) == 0 {
				return nil
			}
			added, dups, err := st.PutEncoded(context.Background(), pending)
			stats.mu.Lock()
			stats.stored += added
			stats.duplicates += dups
			stats.mu.Unlock()
			pending = pending[:0]
			return err
		}
		var err error
		for d := range done {
			pending = append(pending, d)
			if len(pending) >= batch && err == nil {
				err = flush()
			}
		}
		if err == nil {
			err = flush()
		}
		writeErr <- err
	}()

	progress := newProgress(streams.Err, stats)
	if progress.on {
		progress.total, progress.known = ingest.Count(paths)
	}
	for d, err := range ingest.Read(paths, opts) {
		if ctx.Err() != nil {
			break
		}
		if err != nil {
			stats.fail(err)
			continue
		}
		// an article stored already is not analysed again; one repeated
		// within this run is analysed twice and stored once (memory stays
		// flat: nothing grows with the number of articles)
		if has, herr := st.Has(ctx, d.ID); herr == nil && has {
			stats.mu.Lock()
			stats.duplicates++
			stats.mu.Unlock()
			continue
		}
		jobs <- d
		progress.tick()
	}
	close(jobs)
	wg.Wait()
	close(done)
	werr := <-writeErr
	progress.end()

	fmt.Fprintf(streams.Err, "herodot: ingest: %d stored, %d duplicates, %d failed, into %s\n", stats.stored, stats.duplicates, stats.failed, store.Redact(dbPath))
	for _, r := range sortedByCount(stats.reasons) {
		fmt.Fprintf(streams.Err, "  %d × %s\n", stats.reasons[r], r)
	}
	for _, e := range stats.examples {
		fmt.Fprintf(streams.Err, "  e.g. %s\n", e)
	}
	if werr != nil {
		return werr
	}
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted: what was stored is kept; run the same command again to go on")
	}
	if stats.failed > 0 {
		return errInputsFailed{stats.failed}
	}
	return nil
}

func sortedByCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	return keys
}

// progress shows how an ingest goes, on a terminal only.
type progress struct {
	w     io.Writer
	on    bool
	total int // articles to read, when known
	known bool
	start time.Time
	last  time.Time
	n     int
	stats *ingestStats
}

func newProgress(w io.Writer, stats *ingestStats) *progress {
	p := &progress{w: w, start: time.Now(), stats: stats}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) tick() {
	p.n++
	if !p.on || time.Since(p.last) < 500*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(p.n) / time.Since(p.start).Seconds()
	eta := ""
	if p.known && rate > 0 && p.total > p.n {
		eta = fmt.Sprintf(", %d%%, ETA %s", 100*p.n/p.total, (time.Duration(float64(p.total-p.n)/rate) * time.Second).Round(time.Second))
	}
	p.stats.mu.Lock()
	fmt.Fprintf(p.w, "\r%d read, %d stored, %d duplicates, %d failed, %.0f articles/s%s   ", p.n, p.stats.stored, p.stats.duplicates, p.stats.failed, rate, eta)
	p.stats.mu.Unlock()
}

func (p *progress) end() {
	if p.on {
		fmt.Fprintln(p.w)
	}
}

func newQuery(streams IO) *cobra.Command {
	var f store.Filter
	var db, format string
	c := &cobra.Command{
		Use:   "query [flags] events|attributions|entities|documents",
		Short: "Query a corpus database",
		Long: `List the events, attributions, entities or documents of a corpus database,
filtered by the flags that apply to each, as a table, JSON or CSV.

  events        --actor --target (actor-code prefixes: USA, USAGOV), --type, --status
  attributions  --kind (named, anonymous, outlet, document), --stance, --text (full text)
  entities      --type, --actor, --name
  documents     --text (full text)
  all           --outlet, --since, --until (publication dates), --limit`,
		Example: `  herodot query events --actor USA --type ASSAULT
  herodot query attributions --kind anonymous --stance asserted --format csv
  herodot query documents --text 'blockade AND oil'`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("query needs one of: %s", strings.Join(store.Kinds, ", "))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if format != "table" && format != "json" && format != "csv" {
				return usagef("--format: %q is not one of table, json, csv", format)
			}
			ok := false
			for _, k := range store.Kinds {
				ok = ok || k == args[0]
			}
			if !ok {
				return usagef("query: %q is not one of %s", args[0], strings.Join(store.Kinds, ", "))
			}
			st, err := openExisting(db)
			if err != nil {
				return err
			}
			defer st.Close()
			t, err := st.Query(context.Background(), args[0], f)
			if err != nil {
				return err
			}
			return writeTable(streams.Out, t, format)
		},
	}
	c.Flags().StringVar(&db, "db", defaultDB, "the corpus database: a SQLite `FILE`, or a postgres:// URL")
	c.Flags().StringVarP(&format, "format", "f", "table", "output format: table, json or csv")
	c.Flags().StringVar(&f.Actor, "actor", "", "events: actor code prefix")
	c.Flags().StringVar(&f.Target, "target", "", "events: target code prefix")
	c.Flags().StringVar(&f.Type, "type", "", "events: PLOVER type; entities: PERSON, ORG, GPE, LOC")
	c.Flags().StringVar(&f.Status, "status", "", "events: reported, denied, unconfirmed, planned, threatened, historical")
	c.Flags().StringVar(&f.Kind, "kind", "", "attributions: source kind")
	c.Flags().StringVar(&f.Stance, "stance", "", "attributions: stance")
	c.Flags().StringVar(&f.Name, "name", "", "entities: part of the name")
	c.Flags().StringVar(&f.Text, "text", "", "documents and attributions: full-text query (SQLite FTS5 syntax)")
	c.Flags().StringVar(&f.Outlet, "outlet", "", "the outlet that published the article")
	c.Flags().StringVar(&f.Since, "since", "", "published on or after `DATE`")
	c.Flags().StringVar(&f.Until, "until", "", "published on or before `DATE`")
	c.Flags().IntVar(&f.Limit, "limit", 0, "at most `N` rows (0: all)")
	return c
}

// openExisting opens a corpus database that must exist already.
func openExisting(path string) (*store.Store, error) {
	if store.IsPostgres(path) {
		return store.Open(context.Background(), path)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: no corpus database there (run herodot ingest --db %s first)", path, path)
	}
	return store.Open(context.Background(), path)
}

func writeTable(w io.Writer, t store.Table, format string) error {
	switch format {
	case "json":
		out := make([]map[string]string, len(t.Rows))
		for i, r := range t.Rows {
			m := map[string]string{}
			for j, c := range t.Columns {
				m[c] = r[j]
			}
			out[i] = m
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(t.Columns)
		cw.WriteAll(t.Rows)
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.Columns, "\t"))
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = clip(c, 60)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func newClaims(streams IO) *cobra.Command {
	var db, format string
	var min int
	c := &cobra.Command{
		Use:   "claims [flags]",
		Short: "List the claims of a corpus and how well each is sourced",
		Long: `Group the events of a corpus into claims (the same type between the same
countries) and say, for each, how many articles report it, how many of those
are independent (near-identical copies of one wire story count once), from
which outlets, on how many named and anonymous sources, and with what stances.
Then list the statements that more than one article reports in near-identical
words, with who is said to have made them.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usagef("--format: %q is not one of text, json", format)
			}
			st, err := openExisting(db)
			if err != nil {
				return err
			}
			defer st.Close()
			rows, err := st.EventRows(context.Background())
			if err != nil {
				return err
			}
			var out []corroborate.Claim
			for _, cl := range corroborate.Claims(rows) {
				if len(cl.Articles) >= min {
					out = append(out, cl)
				}
			}
			srows, err := st.StatementRows(context.Background())
			if err != nil {
				return err
			}
			statements := corroborate.Statements(srows)
			if format == "json" {
				enc := json.NewEncoder(streams.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]any{"events": out, "statements": statements})
			}
			fmt.Fprintf(streams.Out, "Events (%d):\n", len(out))
			for _, cl := range out {
				fmt.Fprintln(streams.Out, "  "+cl.Summary())
			}
			fmt.Fprintf(streams.Out, "\nStatements reported by more than one article (%d):\n", len(statements))
			for _, s := range statements {
				fmt.Fprintln(streams.Out, "  "+s.Summary())
			}
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", defaultDB, "the corpus database: a SQLite `FILE`, or a postgres:// URL")
	c.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	c.Flags().IntVar(&min, "min-articles", 1, "list only claims reported by at least `N` articles")
	return c
}

func newExport(streams IO) *cobra.Command {
	var db, format, output string
	c := &cobra.Command{
		Use:   "export [flags]",
		Short: "Export a corpus database",
		Long: `Export a corpus database:

  jsonl    every document, as extract writes it (spec/output.md)
  plover   one PLOVER record per event (JSON Lines), with herodot's provenance
           fields: the document, the sentence, the attribution and the status
  csv      the events table
  tsv      events in a GDELT-like layout: date, actors, CAMEO code, quad class, URL
  parquet  the events, with their attribution's source, kind and stance, as a
           Parquet file for pandas or R (needs --output)`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			st, err := openExisting(db)
			if err != nil {
				return err
			}
			defer st.Close()
			if format == "parquet" && (output == "" || output == "-") {
				return usagef("--format parquet writes a file: give it with --output FILE")
			}
			w := streams.Out
			if output != "" && output != "-" {
				f, err := os.Create(output)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriter(w)
			defer bw.Flush()
			return exportTo(bw, st, format)
		},
	}
	c.Flags().StringVar(&db, "db", defaultDB, "the corpus database: a SQLite `FILE`, or a postgres:// URL")
	c.Flags().StringVarP(&format, "format", "f", "jsonl", "jsonl, plover, csv or tsv")
	c.Flags().StringVarP(&output, "output", "o", "", "write to `FILE` (default: standard output)")
	return c
}

func exportTo(w io.Writer, st *store.Store, format string) error {
	ctx := context.Background()
	switch format {
	case "jsonl":
		return st.Each(ctx, func(d *document.Document) error { return encodeJSON(w, d, "") })
	case "plover":
		return st.Each(ctx, func(d *document.Document) error {
			for _, r := range ploverRecords(d) {
				b, err := json.Marshal(r)
				if err != nil {
					return err
				}
				if _, err := fmt.Fprintf(w, "%s\n", b); err != nil {
					return err
				}
			}
			return nil
		})
	case "csv":
		t, err := st.Query(ctx, "events", store.Filter{})
		if err != nil {
			return err
		}
		return writeTable(w, t, "csv")
	case "tsv":
		fmt.Fprintln(w, strings.Join([]string{"EventID", "Date", "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name", "EventCode", "PLOVER", "QuadClass", "Status", "SourceKind", "Stance", "SourceURL"}, "\t"))
		return st.Each(ctx, func(d *document.Document) error {
			for _, v := range d.Events {
				date := strings.ReplaceAll(published(d), "-", "")
				kind, stance := "", ""
				for _, a := range d.Attributions {
					if v.Attribution != nil && a.ID == *v.Attribution {
						kind, stance = a.Source.Kind, a.Stance
					}
				}
				row := []string{d.ID + "-" + v.ID, date, argCode(v.Actor), argName(v.Actor), argCode(v.Target), argName(v.Target), v.Cameo, v.Type, quadNumber(v.Quad), v.Status, kind, stance, d.URL}
				for i := range row {
					row[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(row[i])
				}
				if _, err := fmt.Fprintln(w, strings.Join(row, "\t")); err != nil {
					return err
				}
			}
			return nil
		})
	case "parquet":
		pw := parquet.NewGenericWriter[parquetEvent](w)
		err := st.Each(ctx, func(d *document.Document) error {
			_, err := pw.Write(parquetEvents(d))
			return err
		})
		if cerr := pw.Close(); err == nil {
			err = cerr
		}
		return err
	}
	return usagef("--format: %q is not one of jsonl, plover, csv, tsv, parquet", format)
}

// parquetEvent is a row of the Parquet export: an event with its document
// and the attribution that reports it.
type parquetEvent struct {
	Doc         string `parquet:"doc"`
	Event       string `parquet:"event"`
	Published   string `parquet:"published"`
	Outlet      string `parquet:"outlet"`
	URL         string `parquet:"url"`
	Type        string `parquet:"type"`
	Mode        string `parquet:"mode"`
	Cameo       string `parquet:"cameo"`
	Quad        string `parquet:"quad"`
	Actor       string `parquet:"actor"`
	ActorText   string `parquet:"actor_text"`
	Target      string `parquet:"target"`
	TargetText  string `parquet:"target_text"`
	Trigger     string `parquet:"trigger"`
	Time        string `parquet:"time"`
	Location    string `parquet:"location"`
	Status      string `parquet:"status"`
	Source      string `parquet:"source"`
	SourceKind  string `parquet:"source_kind"`
	SourceCount int32  `parquet:"source_count"`
	Stance      string `parquet:"stance"`
	Via         string `parquet:"via"`
}

// published is a document's publication date, or "".
func published(d *document.Document) string {
	if d.Published == nil {
		return ""
	}
	return *d.Published
}

func parquetEvents(d *document.Document) []parquetEvent {
	var out []parquetEvent
	pub := published(d)
	for _, v := range d.Events {
		r := parquetEvent{Doc: d.ID, Event: v.ID, Published: pub, Outlet: d.Outlet, URL: d.URL, Type: v.Type, Mode: v.Mode, Cameo: v.Cameo,
			Quad: v.Quad, Actor: argCode(v.Actor), ActorText: argName(v.Actor), Target: argCode(v.Target), TargetText: argName(v.Target),
			Trigger: v.Trigger.Text, Status: v.Status}
		if v.Time != nil {
			r.Time = v.Time.Value
		}
		if v.Location != nil {
			r.Location = v.Location.Text
		}
		for _, a := range d.Attributions {
			if v.Attribution != nil && a.ID == *v.Attribution {
				r.Source, r.SourceKind, r.Stance, r.Via = a.Source.Text, a.Source.Kind, a.Stance, strings.Join(a.Via, " > ")
				if a.Source.Count != nil {
					r.SourceCount = int32(*a.Source.Count)
				}
			}
		}
		out = append(out, r)
	}
	return out
}

func argCode(a *document.Argument) string {
	if a == nil {
		return ""
	}
	return a.Code
}

func argName(a *document.Argument) string {
	if a == nil {
		return ""
	}
	return a.Text
}

// quadNumber is GDELT's QuadClass: 1 verbal cooperation … 4 material conflict.
func quadNumber(q string) string {
	return map[string]string{"verbal_cooperation": "1", "material_cooperation": "2", "verbal_conflict": "3", "material_conflict": "4"}[q]
}

// ploverRecord is an event in the PLOVER record format, with herodot's
// provenance.
type ploverRecord struct {
	ID        string        `json:"id"`
	Date      string        `json:"date"`
	Event     string        `json:"event"`
	Mode      string        `json:"mode"`
	Source    []ploverActor `json:"source"`
	Target    []ploverActor `json:"target"`
	EventText string        `json:"eventText"`
	Text      string        `json:"text"`
	Herodot   ploverHerodot `json:"herodot"`
}

type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
}

type ploverHerodot struct {
	Doc         string                `json:"doc"`
	URL         string                `json:"url"`
	Outlet      string                `json:"outlet"`
	CAMEO       string                `json:"cameo"`
	Status      string                `json:"status"`
	Attribution *document.Attribution `json:"attribution"`
}

// ploverActors lists an event's actors (or targets) as PLOVER does: all of
// a compound list, else the one.
func ploverActors(one *document.Argument, list []document.Argument) []ploverActor {
	out := []ploverActor{}
	for _, a := range list {
		out = append(out, ploverActor{a.Text, a.Code})
	}
	if len(out) == 0 && one != nil {
		out = append(out, ploverActor{one.Text, one.Code})
	}
	return out
}

func ploverRecords(d *document.Document) []ploverRecord {
	var out []ploverRecord
	date := published(d)
	for _, v := range d.Events {
		r := ploverRecord{ID: d.ID + "-" + v.ID, Date: date, Event: v.Type, Mode: v.Mode, EventText: v.Trigger.Text,
			Source: []ploverActor{}, Target: []ploverActor{},
			Herodot: ploverHerodot{Doc: d.ID, URL: d.URL, Outlet: d.Outlet, CAMEO: v.Cameo, Status: v.Status}}
		if v.Sentence >= 0 && v.Sentence < len(d.Sentences) {
			r.Text = d.Slice(d.Sentences[v.Sentence].Span)
		}
		r.Source, r.Target = ploverActors(v.Actor, v.Actors), ploverActors(v.Target, v.Targets)
		for i := range d.Attributions {
			if v.Attribution != nil && d.Attributions[i].ID == *v.Attribution {
				r.Herodot.Attribution = &d.Attributions[i]
			}
		}
		out = append(out, r)
	}
	return out
}
