// Command shuffle writes a synthetic corpus for benchmarks: n articles
// made of sentences drawn, with a fixed seed, from the plain-text articles
// of a folder. The articles it reads are not copied whole, and what it
// writes is meant for a temporary folder, never for the repository.
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	src := flag.String("src", "../shared/corpus/news", "folder of .txt articles to draw sentences from")
	out := flag.String("out", "", "folder to write the articles to")
	n := flag.Int("n", 20000, "number of articles")
	per := flag.Int("sentences", 12, "sentences per article")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "shuffle: -out is required")
		os.Exit(2)
	}
	if err := run(*src, *out, *n, *per, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "shuffle:", err)
		os.Exit(1)
	}
}

func run(src, out string, n, per int, seed int64) error {
	files, err := filepath.Glob(filepath.Join(src, "*.txt"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("%s: no .txt articles", src)
	}
	var sentences []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		s := string(b)
		if _, body, ok := strings.Cut(s, "\n---\n"); ok {
			s = body
		}
		for _, p := range strings.Split(strings.ReplaceAll(s, "\n", " "), ". ") {
			if p = strings.TrimSpace(p); len(p) > 20 {
				sentences = append(sentences, p+".")
			}
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewSource(seed))
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "title: Synthetic article %d\ndate: 2024-%02d-%02d\nsource: Bench Wire %d\n---\n", i, i%12+1, i%28+1, i%7)
		for k := 0; k < per; k++ {
			b.WriteString(sentences[r.Intn(len(sentences))])
			if k%4 == 3 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		name := filepath.Join(out, fmt.Sprintf("%03d", i/1000), fmt.Sprintf("s%06d.txt", i))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
