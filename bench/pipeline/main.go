// Command pipeline measures the whole analysis over a folder of articles:
// articles/s, sentences/s, MB/s and allocations per article, per stage
// and in total, on one goroutine, and the process's peak memory. With -n
// it streams that many articles (the folder's, over and over), reading
// each again from disk, and reports peak memory at every tenfold step, to
// show that memory does not grow with the run.
//
//	go run ./bench/pipeline -dir ../shared/corpus/news -n 100000
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"herodot/document"
	"herodot/ingest"
	"herodot/internal/cli"
	"herodot/knowledge"
	"herodot/pipeline"
)

func main() {
	dir := flag.String("dir", "../shared/corpus/news", "a folder of articles (.txt)")
	n := flag.Int("n", 0, "articles to stream (default: each article of the folder, 20 times)")
	flag.Parse()
	cli.TuneGC() // as the herodot command runs
	files, _ := filepath.Glob(filepath.Join(*dir, "*.txt"))
	if len(files) == 0 {
		fmt.Fprintf(os.Stderr, "pipeline: no .txt articles in %s\n", *dir)
		os.Exit(2)
	}
	if *n <= 0 {
		*n = 20 * len(files)
	}
	kb := knowledge.Default()
	opts := ingest.Options{KB: kb, MaxBytes: ingest.DefaultMaxBytes}
	stages := pipeline.Default(pipeline.Options{KB: kb}).Stages()
	spent := make([]time.Duration, len(stages))
	allocs := make([]uint64, len(stages))
	var bytes, sentences int
	ctx := context.Background()
	read := func(i int) *document.Document {
		data, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			fmt.Fprintln(os.Stderr, "pipeline:", err)
			os.Exit(1)
		}
		doc, err := ingest.FromText(data, &opts)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pipeline:", err)
			os.Exit(1)
		}
		return doc
	}
	// allocations are counted in a pass of their own over the folder,
	// before the timed run: reading the counts stops the world
	counted := len(files)
	var ms runtime.MemStats
	for i := range counted {
		doc := read(i)
		for s, st := range stages {
			runtime.ReadMemStats(&ms)
			before := ms.Mallocs
			if err := st.Process(ctx, doc); err != nil {
				fmt.Fprintln(os.Stderr, "pipeline:", err)
				os.Exit(1)
			}
			runtime.ReadMemStats(&ms)
			allocs[s] += ms.Mallocs - before
		}
	}
	next := 1000
	start := time.Now()
	for i := 0; i < *n; i++ {
		doc := read(i)
		for s, st := range stages {
			t0 := time.Now()
			if err := st.Process(ctx, doc); err != nil {
				fmt.Fprintln(os.Stderr, "pipeline:", err)
				os.Exit(1)
			}
			spent[s] += time.Since(t0)
		}
		bytes += len(doc.Text)
		sentences += len(doc.Sentences)
		if i+1 == next {
			fmt.Printf("after %d articles: peak RSS %s\n", next, peak())
			next *= 10
		}
	}
	wall := time.Since(start)
	var total time.Duration
	var totalAllocs uint64
	fmt.Printf("\n%d articles, %d sentences, %.1f MB, one goroutine, %d cores (GOMAXPROCS %d)\n", *n, sentences, float64(bytes)/1e6, runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Printf("%-12s %12s %12s %10s %14s\n", "stage", "articles/s", "sentences/s", "MB/s", "allocs/article")
	row := func(name string, d time.Duration, a uint64) {
		s := d.Seconds()
		fmt.Printf("%-12s %12.0f %12.0f %10.1f %14.0f\n", name, float64(*n)/s, float64(sentences)/s, float64(bytes)/1e6/s, float64(a)/float64(counted))
	}
	for s, st := range stages {
		row(st.Name(), spent[s], allocs[s])
		total += spent[s]
		totalAllocs += allocs[s]
	}
	row("all stages", total, totalAllocs)
	fmt.Printf("with reading and ingest, wall clock: %.0f articles/s; peak RSS %s\n", float64(*n)/wall.Seconds(), peak())
	fmt.Printf("RESULT articles_per_s=%.1f\n", float64(*n)/wall.Seconds())
}

// peak is the process's peak resident memory, from /proc.
func peak() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.Join(strings.Fields(line)[1:], " ")
		}
	}
	return "unknown"
}
