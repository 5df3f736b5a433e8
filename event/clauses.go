package event

// Clauses, passives and back references: where an event's arguments are
// sought.

import (
	"slices"
	"strings"

	"herodot/document"
	"herodot/knowledge"
)

// passiveAux are the forms of "be" and "get" that make a participle after
// them a passive.
var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true, "got": true, "get": true}

// window returns the tokens to seek arguments in: the content of the
// attribution that holds token i, or the sentence.
func (c *coder) window(si, i int) (int, int) {
	s := c.doc.Sentences[si]
	off := c.doc.Tokens[i].Start
	for _, a := range c.doc.Attributions {
		if off >= a.Content.Span.Start && off < a.Content.Span.End {
			f, l := c.tokenRange(a.Content.Span)
			if f >= 0 {
				return max(f, s.First), min(l, s.Last)
			}
		}
	}
	return s.First, s.Last
}

// backReference reports whether a trigger is a noun that refers back to
// an event told before ("the withdrawal", "The departure follows"): a
// definite determiner before it, no "of", "on" or "against" after, and an
// event of its type or code told before it in the document.
func (c *coder) backReference(first, i, j int, ev document.Event) bool {
	if i == first {
		return false
	}
	if !slices.ContainsFunc(c.doc.Events, func(e document.Event) bool { return e.Type == ev.Type || e.Cameo == ev.Cameo }) {
		return false
	}
	switch c.lower[i-1] {
	case "the", "this", "that", "these", "those", "its", "their", "his", "her":
	default:
		return false
	}
	if j < len(c.lower) {
		switch c.lower[j] {
		case "of", "on", "against", "by":
			return false
		}
	}
	// a verb after a determiner is not possible: only nouns refer back
	w := c.lower[i]
	return !strings.HasSuffix(w, "ed")
}

// passive reports whether the trigger at i follows a form of "be" (an
// adverb between allowed): "were killed", "has been captured".
func (c *coder) passive(first, i int) bool {
	k := i - 1
	for k >= first && c.kb.Words[c.lower[k]] == knowledge.Adv {
		k--
	}
	if i+1 < len(c.lower) && c.lower[i+1] == "to" && c.kb.Statives.At(c.lower[i]) {
		return false // "Israel is opposed to the plan" is Israel's stand
	}
	return k >= first && passiveAux[c.lower[k]] && (strings.HasSuffix(c.lower[i], "ed") || strings.HasSuffix(c.lower[i], "en") || strings.HasSuffix(c.lower[i], "wn"))
}

// agent returns the coded mention after "by" or "during" that follows a
// passive trigger in its clause, or nil: a "by" a few words on may name
// its agent further away, one further on must name it at once ("accused
// of misusing public funds, much of it embezzled, by the government").
func (c *coder) agent(j, last int) *coded {
	end := c.clauseEnd(j, last)
	for k := j; k < end && k < j+25; k++ {
		if c.lower[k] == "by" || c.lower[k] == "during" {
			if m := c.after(k+1, last, nil); m != nil && (m.first <= k+4 || k < j+6) {
				return m
			}
		}
	}
	return nil
}

// clauseWords open a clause: the subject of a trigger comes after the
// last of them before it.
var clauseWords = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "while": true, "whereas": true, "although": true,
	"because": true, "since": true, "when": true, "after": true, "before": true, "but": true, "and": true, ";": true, ":": true, "if": true}

// clauseStart returns the first token of the clause that holds token i,
// looking back no further than lo.
func (c *coder) clauseStart(lo, i int) int {
	for k := i - 1; k > lo; k-- {
		if clauseWords[c.lower[k]] && !c.joinsNames(k) {
			return k + 1
		}
	}
	return lo
}

// joinsNames reports whether the "and" or "or" at token k joins two coded
// mentions ("Peru and Chile signed"), not two clauses.
func (c *coder) joinsNames(k int) bool {
	if c.lower[k] != "and" && c.lower[k] != "or" {
		return false
	}
	n := c.firstAtOrAfter(k + 1)
	if n == len(c.ms) || c.ms[n].first != k+1 {
		return false
	}
	for p := n - 1; p >= 0 && c.ms[p].first >= k-16; p-- {
		if c.ms[p].last == k {
			return true
		}
	}
	return false
}

// clauseEnd returns where the clause that a trigger ends at j gives way to
// another coordinated one (", but", ", while", "; "), looking no further
// than hi: the target is not sought past it.
func (c *coder) clauseEnd(j, hi int) int {
	for k := j; k < hi; k++ {
		switch c.lower[k] {
		case ";":
			return k
		case "but", "while", "whereas", "although", "though":
			if k > j && c.lower[k-1] == "," {
				return k
			}
		}
	}
	return hi
}

// elided reports whether the clause that starts at cs and holds the
// trigger at i joins the one before it with "and" or "but" and has no
// subject of its own: it opens with an auxiliary, an adverb or the
// trigger itself (", but was still refusing", "and rejected").
func (c *coder) elided(lo, cs, i int) bool {
	if cs <= lo || c.lower[cs-1] != "and" && c.lower[cs-1] != "but" {
		return false
	}
	if cs == i {
		return true
	}
	switch c.kb.Words[c.lower[cs]] {
	case knowledge.Aux, knowledge.Adv:
		return true
	}
	return false
}
