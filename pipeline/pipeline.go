// Package pipeline runs analysis stages over Documents in order. Each
// stage reads the layers that earlier stages added and adds its own.
// Stages hold no per-document state, so one Pipeline serves many
// goroutines.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"herodot/attribution"
	"herodot/document"
	"herodot/entity"
	"herodot/event"
	"herodot/knowledge"
	"herodot/segment"
	"herodot/timex"
)

// Stage is one step of the analysis.
type Stage interface {
	// Name is the stage's name, one of Slots for the built-in stages.
	Name() string
	// Process adds the stage's layer to doc.
	Process(ctx context.Context, doc *document.Document) error
}

// Slots are the layers of the default pipeline, in the order they run.
// A slot with no stage yet is skipped.
var Slots = []string{"segment", "entity", "timex", "attribution", "event"}

// Options configure the default pipeline.
type Options struct {
	// KB is the knowledge base the stages use; nil means knowledge.Default().
	KB *knowledge.Base
	// Disable names slots to leave out.
	Disable []string
	// Limits bound the analysis of one document.
	Limits Limits
}

// Limits bound the work on one document; zero means no limit.
type Limits struct {
	// Sentences is the most sentences a document may have: a longer one
	// fails once it is segmented, before the costlier layers run.
	Sentences int
	// Time is the longest the stages may take over one document.
	Time time.Duration
}

// LimitError is the error of a document over a limit.
type LimitError struct {
	What  string // "sentences" or "time"
	Limit string
	Got   string // "" when not measured (time)
}

func (e *LimitError) Error() string {
	if e.Got != "" {
		return fmt.Sprintf("too many %s: %s, over the limit of %s (--max-%s)", e.What, e.Got, e.Limit, e.What)
	}
	return fmt.Sprintf("the analysis took longer than the limit of %s (--max-%s)", e.Limit, e.What)
}

// Pipeline is an ordered list of stages.
type Pipeline struct {
	stages []Stage
	limits Limits
}

// WithLimits returns a copy of p that applies l to every document.
func (p *Pipeline) WithLimits(l Limits) *Pipeline {
	return &Pipeline{stages: p.stages, limits: l}
}

// New returns a pipeline of the given stages, run in that order.
func New(stages ...Stage) *Pipeline {
	return &Pipeline{stages: append([]Stage(nil), stages...)}
}

// Default returns the standard pipeline: every layer herodot has, in the
// order of Slots.
func Default(opts Options) *Pipeline {
	kb := knowledge.OrDefault(opts.KB)
	built := map[string]Stage{
		segment.Name:     segment.Stage{KB: kb},
		entity.Name:      entity.Stage{KB: kb},
		timex.Name:       timex.Stage{KB: kb},
		attribution.Name: attribution.Stage{KB: kb},
		event.Name:       event.Stage{KB: kb},
	}
	off := map[string]bool{}
	for _, d := range opts.Disable {
		off[d] = true
	}
	p := &Pipeline{limits: opts.Limits}
	for _, slot := range Slots {
		if s, ok := built[slot]; ok && !off[slot] {
			p.stages = append(p.stages, s)
		}
	}
	return p
}

// Stages returns the pipeline's stages in order.
func (p *Pipeline) Stages() []Stage { return append([]Stage(nil), p.stages...) }

// Names returns the names of the pipeline's stages in order.
func (p *Pipeline) Names() []string {
	names := make([]string, len(p.stages))
	for i, s := range p.stages {
		names[i] = s.Name()
	}
	return names
}

// Run runs every stage over doc. It stops at the first stage that fails,
// or when ctx is done, and returns an error naming the stage. A stage that
// panics fails with an error that carries the stack, so that one bad
// document does not stop a run over many.
func (p *Pipeline) Run(ctx context.Context, doc *document.Document) error {
	if p.limits.Time > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, p.limits.Time, &LimitError{What: "time", Limit: p.limits.Time.String()})
		defer cancel()
	}
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return cause(ctx, err)
		}
		if err := runStage(ctx, s, doc); err != nil {
			return cause(ctx, err)
		}
		if max := p.limits.Sentences; max > 0 && len(doc.Sentences) > max {
			return &LimitError{What: "sentences", Limit: fmt.Sprint(max), Got: fmt.Sprint(len(doc.Sentences))}
		}
	}
	return nil
}

// cause replaces the error of a stage stopped by the time limit with the
// limit's own error.
func cause(ctx context.Context, err error) error {
	var le *LimitError
	if c := context.Cause(ctx); errors.As(c, &le) && errors.Is(err, context.DeadlineExceeded) {
		return le
	}
	return err
}

func runStage(ctx context.Context, s Stage, doc *document.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("stage %s: internal error: %v\n%s", s.Name(), r, debug.Stack())
		}
	}()
	if err := s.Process(ctx, doc); err != nil {
		return fmt.Errorf("stage %s: %w", s.Name(), err)
	}
	return nil
}
