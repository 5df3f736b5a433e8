package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"herodot/document"
	"herodot/ingest"
	"herodot/pipeline"
)

// GoldSuffix ends the name of a gold file; the article it annotates is
// the sibling file with the suffix replaced by ".txt".
const GoldSuffix = ".gold.json"

// Article is one scored article of a corpus.
type Article struct {
	// Name is the gold file's path relative to the corpus root, without
	// GoldSuffix (news/002).
	Name   string
	Gold   string // path of the gold file
	Text   string // path of the article
	Doc    *document.Document
	Scores Scores
}

// Runner analyses the articles of a corpus and scores them.
type Runner struct {
	Pipeline *pipeline.Pipeline
	Ingest   ingest.Options
}

// FindGold returns the gold files under root (or root itself when it is
// a gold file), in lexical order.
func FindGold(root string) ([]string, error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		if !strings.HasSuffix(root, GoldSuffix) {
			return nil, fmt.Errorf("%s: not a gold file (*%s) or a directory", root, GoldSuffix)
		}
		return []string{root}, nil
	}
	var out []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), GoldSuffix) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// Run scores every gold file under root against the pipeline's analysis
// of its article. The gold file's reference_date is given to ingest as the
// fallback date (as --published is), since gold files name the date their
// times were resolved against.
func (r Runner) Run(ctx context.Context, root string) ([]Article, error) {
	golds, err := FindGold(root)
	if err != nil {
		return nil, err
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("%s: no gold files (*%s)", root, GoldSuffix)
	}
	base := root
	if info, err := os.Stat(root); err == nil && !info.IsDir() {
		base = filepath.Dir(root)
	}
	var out []Article
	for _, g := range golds {
		a, err := r.article(ctx, base, g)
		if err != nil {
			return out, err
		}
		out = append(out, a)
	}
	return out, nil
}

func (r Runner) article(ctx context.Context, base, goldPath string) (Article, error) {
	a := Article{Gold: goldPath, Text: strings.TrimSuffix(goldPath, GoldSuffix) + ".txt"}
	rel, err := filepath.Rel(base, goldPath)
	if err != nil {
		rel = filepath.Base(goldPath)
	}
	a.Name = filepath.ToSlash(strings.TrimSuffix(rel, GoldSuffix))
	data, err := os.ReadFile(goldPath)
	if err != nil {
		return a, err
	}
	gold, err := Decode(data)
	if err != nil {
		return a, fmt.Errorf("%s: %w", goldPath, err)
	}
	opts := r.Ingest
	if d, ok := gold["reference_date"].(string); ok && d != "" {
		opts.Published = d
	}
	var doc *document.Document
	for d, err := range ingest.Read([]string{a.Text}, opts) {
		if err != nil {
			return a, err
		}
		doc = d
		break
	}
	if doc == nil {
		return a, errors.New(a.Text + ": no document read")
	}
	if err := r.Pipeline.Run(ctx, doc); err != nil {
		return a, fmt.Errorf("%s: %w", a.Text, err)
	}
	a.Doc = doc
	pred, err := predictionOf(doc)
	if err != nil {
		return a, err
	}
	a.Scores = Score(gold, pred)
	return a, nil
}

// predictionOf turns a document into decoded JSON, as the reference
// scorer reads it from a file.
func predictionOf(doc *document.Document) (Obj, error) {
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return Decode(b)
}

// Corpus pools the articles' scores.
func Corpus(arts []Article) Scores {
	per := make([]Scores, len(arts))
	for i, a := range arts {
		per[i] = a.Scores
	}
	return Pool(per)
}
