package event

import (
	"strconv"
	"strings"

	"herodot/document"
)

// quantities finds the counted facts of the document: people (and what
// happened to them), money, and sources. "32 of its citizens were killed"
// → 32 people, killed; "about 60 mln dlrs" → 60000000 USD, APPROX; "More
// than 2,500 Afghan civilians have been killed" → 2500, MORE_THAN, of AFG.
func (c *coder) quantities() []document.Quantity {
	var out []document.Quantity
	// a counted fact has its number within its first four words (after
	// "more than" and "$"): where none is near, no reading is tried
	near := -1                             // the first number at or after k
	nums := make([]int, len(c.doc.Tokens)) // the first number at or after each token, or -1
	for k := len(c.doc.Tokens) - 1; k >= 0; k-- {
		if _, ok := c.count(k); ok {
			near = k
		}
		nums[k] = near
	}
	for si, s := range c.doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			if nums[i] < 0 || nums[i] > i+3 {
				continue
			}
			if q, n, ok := c.quantity(si, i, s.Last); ok {
				out = append(out, q)
				i += n - 1
			}
		}
	}
	return out
}

// quantity reads a counted fact that starts at token i.
func (c *coder) quantity(si, i, end int) (document.Quantity, int, bool) {
	q := document.Quantity{}
	k := i
	// modifiers: "more than", "at least", "about", "nearly"
	switch w := c.lower[k]; {
	case (w == "more" || w == "over") && k+1 < end && c.lower[k+1] == "than":
		q.Mod, k = "MORE_THAN", k+2
	case w == "at" && k+1 < end && c.lower[k+1] == "least":
		q.Mod, k = "MORE_THAN", k+2
	case w == "fewer" || w == "less" && k+1 < end && c.lower[k+1] == "than":
		q.Mod, k = "LESS_THAN", k+2
	case w == "about" || w == "roughly" || w == "nearly" || w == "almost" || w == "around" || w == "approximately" || w == "some" || w == "up":
		q.Mod, k = "APPROX", k+1
		if w == "up" && k < end && c.lower[k] == "to" {
			q.Mod, k = "LESS_THAN", k+1
		}
	}
	if k >= end {
		return q, 0, false
	}
	unit := ""
	if w := c.kb.QuantityWords.At(c.lower[k]); w.Kind == "noun" && len(c.lower[k]) == 1 {
		unit, k = w.Value, k+1 // "$" before the number
	}
	if k >= end {
		return q, 0, false
	}
	v, ok := c.count(k)
	if !ok {
		return q, 0, false
	}
	k++
	if k < end {
		if w := c.kb.QuantityWords.At(c.lower[k]); w.Kind == "scale" {
			f, _ := strconv.ParseFloat(w.Value, 64)
			v *= f
			k++
		}
	}
	// "32 of its citizens"
	if k+1 < end && c.lower[k] == "of" {
		k++
		if c.kb.Words[c.lower[k]] != 0 {
			k++
		}
	}
	// words before the noun: "Afghan civilians", "United States service members"
	nounAt := -1
	for j := k; j < end && j < k+4; j++ {
		if strings.Contains(c.lower[j], "-old") || c.lower[j] == "old" || c.doc.Tokens[j].Kind == document.Number {
			return q, 0, false // an age, or another number
		}
		if _, isNum := c.kb.Numbers.Get(c.lower[j]); isNum && j > k {
			break
		}
		if w := c.kb.QuantityWords.At(strings.TrimSuffix(c.lower[j], ".")); w.Kind == "noun" {
			nounAt = j
			if unit == "" {
				unit = w.Value
			}
			break
		}
		if c.doc.Tokens[j].Kind != document.Word {
			break
		}
	}
	if nounAt < 0 && unit == "" {
		return q, 0, false
	}
	last := k - 1
	if nounAt >= 0 {
		last = nounAt
		// "service members", "security advisers": a second noun ends the phrase
		if nounAt+1 < end && c.kb.QuantityWords.At(c.lower[nounAt+1]).Kind == "noun" && c.kb.QuantityWords.At(c.lower[nounAt+1]).Value == unit {
			last = nounAt + 1
		}
	}
	q.Value = v
	switch unit {
	case "people", "sources":
		q.Unit = unit
		if unit == "sources" {
			q.What = "sources"
		} else if nounAt >= 0 {
			q.What = c.lower[last]
		}
	default:
		q.Unit = unit
	}
	// what happened to them: "were killed", "have been wounded"
	for j := last + 1; j < end && j < last+5; j++ {
		w := c.lower[j]
		if qw := c.kb.QuantityWords.At(w); qw.Kind == "verb" && unit != "sources" {
			q.What = qw.Value
			last = j
			break
		}
		if w != "were" && w != "was" && w != "have" && w != "has" && w != "had" && w != "been" && w != "are" && w != "be" && w != "reportedly" {
			break
		}
	}
	if unit != "sources" {
		q.Of = c.whose(si, i, last)
	}
	sp := document.Span{Start: c.doc.Tokens[i].Start, End: c.doc.Tokens[last].End}
	q.Span, q.Text = sp, c.doc.Text[sp.Start:sp.End]
	return q, last + 1 - i, true
}

// count reads a number at token k: digits (2,500; 1.5; 110m; 1bn) or a
// number word (eleven). A year or an age is not a count.
func (c *coder) count(k int) (float64, bool) {
	w := c.lower[k]
	if c.doc.Tokens[k].Kind == document.Number {
		scale := 1.0
		switch {
		case strings.HasSuffix(w, "bn"):
			w, scale = strings.TrimSuffix(w, "bn"), 1e9
		case strings.HasSuffix(w, "m"):
			w, scale = strings.TrimSuffix(w, "m"), 1e6
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
		if err != nil {
			return 0, false
		}
		return v * scale, true
	}
	if n, ok := c.kb.Numbers.Get(w); ok && w != "a" && w != "an" && w != "single" && w != "lone" {
		return float64(n), true
	}
	return 0, false
}

// whose gives the actor code of whom a count is: a country or group
// named inside the phrase, else the nearest entity named before it in the
// sentence ("32 of its citizens": the government that said so).
func (c *coder) whose(si, i, last int) string {
	for _, m := range c.ms {
		if m.first >= i && m.last <= last+1 {
			return m.code
		}
	}
	first := c.doc.Sentences[si].First
	if b := c.before(first, i, nil); b != nil {
		code := b.code
		if len(code) > 3 && (strings.HasSuffix(code, "GOV") || strings.HasSuffix(code, "MIL")) && b.typ == "ORG" {
			return code[:3]
		}
		return code
	}
	return ""
}

// attach gives each event the quantities of its sentence whose phrase
// holds its trigger or lies within a few tokens of it.
func (c *coder) attach(qs []document.Quantity) {
	for k := range c.doc.Events {
		ev := &c.doc.Events[k]
		for _, q := range qs {
			s := c.doc.Sentences[ev.Sentence].Span
			if q.Span.Start < s.Start || q.Span.End > s.End {
				continue
			}
			d := ev.Trigger.Span.Start - q.Span.End
			if q.Span.Contains(ev.Trigger.Span) || d >= 0 && d < 40 {
				ev.Quantities = append(ev.Quantities, q)
			}
		}
	}
}
