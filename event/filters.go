package event

// The triggers that are no event: a word of a name, a cue of declining,
// a prevented act, and the act that an offer or a refusal is of.

import "strings"

// prevented reports whether the act at token i is one that someone was
// kept from doing ("prevented Venezuela from shipping oil"): it did not
// happen.
func (c *coder) prevented(first, i int) bool {
	if i < 2 || c.lower[i-1] != "from" || !strings.HasSuffix(c.lower[i], "ing") {
		return false
	}
	for k := i - 2; k >= first && k >= i-7; k-- {
		if c.kb.Frames.At(c.lower[k]) == "prevent" {
			return true
		}
	}
	return false
}

// declining reports whether token i is in the cue of an attribution that
// declines or fails to say ("refused to comment", "could not provide
// details"): a source that says nothing does no act.
func (c *coder) declining(i int) bool {
	off := c.doc.Tokens[i].Start
	for _, a := range c.doc.Attributions {
		if (a.Stance == "declined" || a.Stance == "unconfirmed") && off >= a.Cue.Span.Start && off < a.Cue.Span.End {
			return true
		}
	}
	return false
}

// complement reports whether the trigger at token i is the act that the
// event just before it in the sentence offers, agrees, refuses, demands or
// threatens ("offered to supply", "refused to withdraw").
func (c *coder) complement(si, i int) bool {
	if len(c.doc.Events) == 0 || i < 2 || c.lower[i-1] != "to" {
		return false
	}
	prev := c.doc.Events[len(c.doc.Events)-1]
	if prev.Sentence != si || c.doc.Tokens[i-2].End != prev.Trigger.Span.End {
		return false
	}
	switch prev.Type {
	case "AGREE", "REJECT", "REQUEST", "THREATEN":
		return true
	}
	return false
}

// inName reports whether token i is inside the name of an organisation
// or a person, where a word is part of the name, not an act. The names
// are marked by index.
func (c *coder) inName(i int) bool { return c.names[i] }
