package timex_test

import (
	"context"
	"testing"

	"herodot/document"
	"herodot/entity"
	"herodot/pipeline"
	"herodot/segment"
	"herodot/timex"
)

// FuzzTimex reads times in arbitrary text against a reference date:
// nothing may panic, every time lies in the text and has a value.
func FuzzTimex(f *testing.F) {
	for _, s := range []string{
		"On Monday, three weeks ago, in mid-December 2019 and late last year, the 1990s, 10 days, March 4.",
		"in the coming days in recent weeks the previous year a decade earlier 2,000 years",
		"mid- late- early-  -  - 0 00 9999 12/31 31/12",
	} {
		f.Add(s, "2024-02-29")
	}
	p := pipeline.New(segment.Stage{}, entity.Stage{}, timex.Stage{})
	f.Fuzz(func(t *testing.T, text, ref string) {
		d := document.New(text)
		d.ReferenceDate = &ref
		if err := p.Run(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, tm := range d.Times {
			if tm.Span.Start < 0 || tm.Span.Start >= tm.Span.End || tm.Span.End > len(text) || tm.Value == "" {
				t.Fatalf("time %+v: outside the text or without a value", tm)
			}
		}
	})
}
