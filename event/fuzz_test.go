package event_test

import (
	"context"
	"testing"

	"herodot/document"
	"herodot/pipeline"
)

// FuzzEvent codes events in arbitrary text: nothing may panic; every
// trigger lies in the text, every event has a type and quad class, and
// an event's attribution names one of the document's attributions.
func FuzzEvent(f *testing.F) {
	for _, s := range []string{
		"Troops from Chad attacked rebels in Sudan on Monday, killing 12, officials said.",
		"Peru and Chile signed a deal. Iran denied it had threatened Israel. 2,000 people fled.",
		"attack attack killed killed deal deal 1 2 3 million",
	} {
		f.Add(s)
	}
	p := pipeline.Default(pipeline.Options{})
	f.Fuzz(func(t *testing.T, text string) {
		d := document.New(text)
		if err := p.Run(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, a := range d.Attributions {
			ids[a.ID] = true
		}
		for _, e := range d.Events {
			sp := e.Trigger.Span
			if sp.Start < 0 || sp.Start >= sp.End || sp.End > len(text) {
				t.Fatalf("event %+v: trigger outside the text", e)
			}
			if e.Type == "" || e.Quad == "" {
				t.Fatalf("event %+v without a type or quad", e)
			}
			if e.Attribution != nil && !ids[*e.Attribution] {
				t.Fatalf("event %+v names an attribution the document does not have", e)
			}
		}
	})
}
