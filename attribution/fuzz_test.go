package attribution_test

import (
	"context"
	"testing"

	"herodot/attribution"
	"herodot/document"
	"herodot/entity"
	"herodot/pipeline"
	"herodot/segment"
	"herodot/timex"
)

var stances = map[string]bool{"asserted": true, "confirmed": true, "denied": true, "unconfirmed": true, "hedged": true, "declined": true}

// FuzzAttribution finds attributions in arbitrary text: nothing may
// panic; every cue, source and content lies in the text, and every
// stance is one of the six.
func FuzzAttribution(f *testing.F) {
	for _, s := range []string{
		"“We will not leave,” the minister said, according to two officials who told Reuters.",
		"Officials declined to comment. The figure could not be independently verified. She denied it.",
		"said said, according to according to \" \" “ ” ‘ ’ « » told told",
	} {
		f.Add(s)
	}
	p := pipeline.New(segment.Stage{}, entity.Stage{}, timex.Stage{}, attribution.Stage{})
	f.Fuzz(func(t *testing.T, text string) {
		d := document.New(text)
		if err := p.Run(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		in := func(sp document.Span) bool { return sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(text) }
		for _, a := range d.Attributions {
			if !in(a.Cue.Span) || !in(a.Content.Span) || a.Source.Span != nil && !in(*a.Source.Span) {
				t.Fatalf("attribution %+v outside the text", a)
			}
			if !stances[a.Stance] {
				t.Fatalf("attribution %+v: stance %q", a, a.Stance)
			}
		}
	})
}
