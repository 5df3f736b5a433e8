// Package testcorpus finds the project's shared folder (the corpus, the
// benchmarks, the reference scorer) for tests and benchmarks, and skips
// them with a clear message where it is absent, as in a user's clone.
package testcorpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herodot/document"
)

// Shared returns the path of shared/<sub>, the folder beside the checkout,
// skipping tb when it is not there.
func Shared(tb testing.TB, sub string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skipf("shared/%s not found: no go.mod above the test's folder", sub)
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", sub)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not found: the test needs the project's shared folder beside the checkout", p)
	}
	return p
}

// NewsBodies returns the bodies of shared/corpus/news/*.txt, their
// metadata headers cut off.
func NewsBodies(tb testing.TB) []string {
	tb.Helper()
	dir := Shared(tb, filepath.Join("corpus", "news"))
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		s := string(data)
		if _, body, ok := strings.Cut(s, "\n---\n"); ok {
			s = body
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		tb.Skipf("no articles in %s", dir)
	}
	return out
}

// BenchStage times process over docs, which hold the layers it needs, and
// reports sentences/s. Documents are reused from one round to the next,
// so what a document keeps once worked out (its lower-case tokens) is not
// timed again.
func BenchStage(b *testing.B, docs []*document.Document, process func(context.Context, *document.Document) error) {
	sentences := 0
	for _, d := range docs {
		sentences += len(d.Sentences)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			_ = process(context.Background(), d)
		}
	}
	b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
