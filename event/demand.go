package event

// Demands reported with "must": "X said Y must …" is X's demand of Y.

import (
	"strings"

	"herodot/document"
)

// obligationReach is how far after a word of obligation ("must") the
// trigger of the act it demands may stand.
const obligationReach = 4

// triggerWithin reports whether a trigger starts at a token in [i, j).
func (c *coder) triggerWithin(i, j int) bool {
	for k := i; k < j; k++ {
		if n, _ := c.kb.Triggers.Match(c.lower[:j], k); n > 0 {
			return true
		}
	}
	return false
}

// demandCode is the CAMEO code of a demand.
const demandCode = "100"

// obligation codes a word of obligation that no trigger follows ("Sudan
// must return a helicopter") as a demand by the source that reports it,
// of the one who must act: no event when either is not coded.
func (c *coder) obligation(si, k int) (document.Event, bool) {
	sp := c.doc.Tokens[k].Span
	ev := document.Event{Sentence: si, Cameo: demandCode, Status: "reported", Trigger: document.Trigger{Span: sp, Text: c.doc.Text[sp.Start:sp.End]}}
	if !c.demandOf(&ev, k) {
		return ev, false
	}
	c.finish(&ev, si, k)
	return ev, true
}

// demandOf makes ev the demand that the source of the attribution whose
// content holds the obligation word at token k makes of the one named
// just before the word ("Russia said Sudan must …": Russia of Sudan). It
// reports whether it could: both must be coded.
func (c *coder) demandOf(ev *document.Event, k int) bool {
	cc, ok := c.kb.Cameo[demandCode]
	if !ok || c.passiveAfter(k) {
		return false
	}
	off := c.doc.Tokens[k].Start
	for ai := range c.doc.Attributions {
		a := &c.doc.Attributions[ai]
		if off < a.Content.Span.Start || off >= a.Content.Span.End {
			continue
		}
		src := c.sourceOf(a)
		if src == nil {
			return false
		}
		first, _ := c.tokenRange(a.Content.Span)
		subject := c.before(max(first, k-5), k, src)
		if subject == nil {
			return false
		}
		ev.Type, ev.Mode, ev.Quad = cc.Event, cc.Mode, c.kb.Quads[cc.Event]
		ev.Actor, ev.Target = c.argument(src, false), c.argument(subject, false)
		ev.Actors, ev.Targets = nil, nil
		return true
	}
	return false
}

// passiveAfter reports whether a passive follows the word at k ("must be
// defeated"): who must act is then not named, and the one named before
// is not asked to.
func (c *coder) passiveAfter(k int) bool {
	if k+2 >= len(c.lower) || c.lower[k+1] != "be" {
		return false
	}
	w := c.lower[k+2]
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn")
}

// sourceOf returns the coded mention that is an attribution's source, or nil.
func (c *coder) sourceOf(a *document.Attribution) *coded {
	if a.Source.Span != nil {
		if f, l := c.tokenRange(*a.Source.Span); f >= 0 {
			for k := range c.ms {
				if m := &c.ms[k]; m.first >= f && m.last <= l && c.arguable(m, nil) {
					return m
				}
			}
		}
	}
	if a.Source.Entity != nil {
		for k := range c.ms {
			if m := &c.ms[k]; m.entity == *a.Source.Entity && c.arguable(m, nil) {
				return m
			}
		}
	}
	return nil
}
