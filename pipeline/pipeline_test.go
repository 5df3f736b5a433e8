package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"herodot/document"
	"herodot/ingest"
	"herodot/internal/testcorpus"
)

type stageFunc struct {
	name string
	fn   func(*document.Document) error
}

func (s stageFunc) Name() string { return s.name }
func (s stageFunc) Process(_ context.Context, d *document.Document) error {
	return s.fn(d)
}

func TestOrderAndErrors(t *testing.T) {
	var seen []string
	mark := func(n string) stageFunc {
		return stageFunc{n, func(*document.Document) error { seen = append(seen, n); return nil }}
	}
	boom := stageFunc{"boom", func(*document.Document) error { return errors.New("bad input") }}
	p := New(mark("a"), boom, mark("c"))
	err := p.Run(context.Background(), document.New("x"))
	if err == nil || err.Error() != "stage boom: bad input" {
		t.Errorf("error %v", err)
	}
	if strings.Join(seen, ",") != "a" {
		t.Errorf("stages run: %v", seen)
	}
}

func TestPanicBecomesError(t *testing.T) {
	p := New(stageFunc{"crash", func(d *document.Document) error { _ = d.Sentences[5]; return nil }})
	err := p.Run(context.Background(), document.New("x"))
	if err == nil || !strings.Contains(err.Error(), "stage crash: internal error") {
		t.Errorf("error %v", err)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Default(Options{}).Run(ctx, document.New("x")); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v", err)
	}
}

func TestDefault(t *testing.T) {
	p := Default(Options{})
	if got := strings.Join(p.Names(), ","); got != "segment,entity,timex,attribution,event" {
		t.Errorf("default stages %s", got)
	}
	if got := strings.Join(Default(Options{Disable: []string{"attribution", "entity", "timex", "event"}}).Names(), ","); got != "segment" {
		t.Errorf("stages with attribution disabled: %s", got)
	}
	d := document.New("The port reopened. Ships came in.")
	if err := p.Run(context.Background(), d); err != nil || len(d.Sentences) != 2 {
		t.Errorf("err %v, %d sentences", err, len(d.Sentences))
	}
}

// BenchmarkPipeline runs the default pipeline over the articles of
// ../shared/corpus/news, read once beforehand.
func BenchmarkPipeline(b *testing.B) {
	dir := testcorpus.Shared(b, filepath.Join("corpus", "news"))
	var texts []*document.Document
	var size int
	for d, err := range ingest.Read([]string{dir}, ingest.Options{}) {
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, d)
		size += len(d.Text)
	}
	p := Default(Options{})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	sents := 0
	for i := 0; i < b.N; i++ {
		for _, src := range texts {
			d := &document.Document{Text: src.Text, ID: src.ID}
			if err := p.Run(context.Background(), d); err != nil {
				b.Fatal(err)
			}
			sents += len(d.Sentences)
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// FuzzPipeline runs every stage over arbitrary text: nothing may panic,
// and every span must lie inside the text.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{
		"Cuban Foreign Minister Ana Ruiz said on Monday that troops had withdrawn from Peru, according to two sources.",
		"“We deny it,” the White House said. It declined to comment. The figure could not be verified.",
		"CARACAS, Jan 28 (Reuters) - Mr. X, a professor at the U.S. Naval Academy, told Reuters the 93 year-old had left in mid-December.",
		"\"\"\" ‘’ «» „“ , , , said said according to",
		"",
	} {
		f.Add(s)
	}
	p := Default(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		d := document.New(text)
		if err := p.Run(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		ok := func(sp document.Span) bool { return sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(text) }
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if !ok(m.Span) {
					t.Fatalf("entity mention %+v outside the text", m)
				}
			}
		}
		for _, a := range d.Attributions {
			if !ok(a.Cue.Span) || !ok(a.Content.Span) {
				t.Fatalf("attribution %+v outside the text", a)
			}
		}
		for _, tm := range d.Times {
			if !ok(tm.Span) {
				t.Fatalf("time %+v outside the text", tm)
			}
		}
		for _, e := range d.Events {
			if !ok(e.Trigger.Span) {
				t.Fatalf("event %+v outside the text", e)
			}
		}
	})
}

// waitStage works until it is told to stop.
type waitStage struct{}

func (waitStage) Name() string { return "wait" }
func (waitStage) Process(ctx context.Context, _ *document.Document) error {
	<-ctx.Done()
	return ctx.Err()
}

func TestLimits(t *testing.T) {
	text := strings.Repeat("The convoy moved on. ", 30)
	p := Default(Options{Limits: Limits{Sentences: 20}})
	err := p.Run(context.Background(), document.New(text))
	var le *LimitError
	if !errors.As(err, &le) || le.What != "sentences" || le.Got != "30" {
		t.Errorf("30 sentences over a limit of 20: got %v", err)
	}
	if err := p.WithLimits(Limits{Sentences: 30}).Run(context.Background(), document.New(text)); err != nil {
		t.Errorf("30 sentences within a limit of 30: %v", err)
	}

	slow := New(waitStage{}).WithLimits(Limits{Time: 20 * time.Millisecond})
	err = slow.Run(context.Background(), document.New("Anything."))
	if !errors.As(err, &le) || le.What != "time" || !strings.Contains(err.Error(), "20ms") {
		t.Errorf("a stage over the time limit: got %v", err)
	}
	// a cancelled run is not a time limit
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := slow.Run(ctx, document.New("Anything.")); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled run: got %v", err)
	}
}
