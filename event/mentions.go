package event

// The coded mentions of a document: finding actors and targets among them.

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"herodot/document"
)

// index lists the mentions of entities that have an actor code, by
// token, the mentions of places, and the tokens inside the names of
// organisations and people (see inName).
func (c *coder) index() {
	n := 0
	for _, e := range c.doc.Entities {
		n += len(e.Mentions)
	}
	c.ms = make([]coded, 0, n)
	c.names = make([]bool, len(c.doc.Tokens))
	for _, e := range c.doc.Entities {
		place := e.Type == "GPE" || e.Type == "LOC"
		named := e.Type == "ORG" || e.Type == "PERSON"
		if e.Actor == "" && !place && !named {
			continue
		}
		for _, m := range e.Mentions {
			f, l := c.tokenRange(m.Span)
			if f < 0 {
				continue
			}
			if named && l-f > 1 {
				for k := f; k < l; k++ {
					c.names[k] = true
				}
			}
			cm := coded{first: f, last: l, seq: len(c.ms), entity: e.ID, text: m.Text, code: e.Actor, typ: e.Type}
			if e.Actor != "" {
				c.ms = append(c.ms, cm)
			}
			if place {
				c.places = append(c.places, cm)
			}
		}
	}
	slices.SortFunc(c.ms, func(a, b coded) int { return cmp.Or(a.first-b.first, a.seq-b.seq) })
	c.residences()
}

// residences codes an ethnic group by the country it lives in, as CAMEO
// codes actors: "ethnic Albanians in south Serbia", "ethnic Turks … in
// Sweden", "the Albanians of southern Serbia" are of Serbia and Sweden,
// "Bosnian Serbs" of Bosnia.
// A demonym is taken for such a group after "ethnic", or when it is a
// noun followed by "of" and a place ("Cubans in Venezuela" are Cubans
// abroad). The country is that place's; for an ethnic group, the first
// other country named after it in its sentence, else the first before it.
func (c *coder) residences() {
	words := c.doc.Words()
	for k := range c.ms {
		m := &c.ms[k]
		if m.typ != "GPE" || len(m.code) != 3 {
			continue
		}
		if n, pl := c.kb.Places.Match(words[:m.last], m.first); n != m.last-m.first || pl.Kind != "demonym" {
			continue
		}
		// "Bosnian Serbs", "Croatian Serb refugees": of the first country
		if k > 0 {
			if prev := &c.ms[k-1]; prev.last == m.first && prev.typ == "GPE" && len(prev.code) >= 3 {
				if n, pl := c.kb.Places.Match(words[:prev.last], prev.first); n == prev.last-prev.first && pl.Kind == "demonym" {
					m.code = prev.code[:3]
					continue
				}
			}
		}
		ethnic := m.first > 0 && c.lower[m.first-1] == "ethnic"
		noun := m.last < len(c.lower) && c.lower[m.last] == "of"
		if !ethnic && !noun {
			continue
		}
		si := c.doc.SentenceAt(c.doc.Tokens[m.first].Start)
		if si < 0 {
			continue
		}
		s := c.doc.Sentences[si]
		var home *coded
		for o := c.firstAtOrAfter(s.First); o < len(c.ms) && c.ms[o].first < s.Last; o++ {
			other := &c.ms[o]
			if other.typ != "GPE" || len(other.code) < 3 || other.code[:3] == m.code || other.first < s.First || other.last > s.Last {
				continue
			}
			if !ethnic && (other.first <= m.last || other.first > m.last+4) {
				continue // after "of", the place must follow at once
			}
			if home == nil || other.first > m.first && (home.first < m.first || other.first < home.first) {
				home = other
			}
		}
		if home != nil {
			m.code = home.code[:3]
		}
	}
}

// tokenRange returns the tokens a byte span covers, or -1.
func (c *coder) tokenRange(sp document.Span) (int, int) {
	toks := c.doc.Tokens
	f := sort.Search(len(toks), func(i int) bool { return toks[i].End > sp.Start })
	if f >= len(toks) || toks[f].Start >= sp.End {
		return -1, -1
	}
	l := f
	for l < len(toks) && toks[l].Start < sp.End {
		l++
	}
	return f, l
}

// coordinated returns m with the coded mentions of other entities joined
// to it in a list ("Peru and Chile", "Peru, Chile and Bolivia"), in the
// order of the text, within tokens [lo, hi), leaving out the other side of
// the event (not). A list ends in "and" or "or":
// a comma alone more often sets off an apposition ("Colin Powell, US
// Secretary of State") or a place's country ("Baikonur, Kazakhstan").
func (c *coder) coordinated(m, not *coded, lo, hi int) []*coded {
	// join tells what the tokens between two mentions are: 0 not a join,
	// 1 a comma, 2 "and" or "or" (", and" too)
	join := func(from, to int) int {
		if from >= to || to-from > 2 {
			return 0
		}
		kind := 1
		for k := from; k < to; k++ {
			switch c.lower[k] {
			case "and", "or":
				kind = 2
			case ",":
			default:
				return 0
			}
		}
		return kind
	}
	list, joins := []*coded{m}, []int{}
	has := func(e string) bool {
		return slices.ContainsFunc(list, func(o *coded) bool { return o.entity == e })
	}
	// before m, nearest first; mentions are sorted by their first token,
	// and a list's names stand close together
	const near = 16
	for k := c.firstAtOrAfter(m.first) - 1; k >= 0 && c.ms[k].first >= m.first-near*len(list); k-- {
		o, at := &c.ms[k], list[0]
		if o.last <= at.first && o.first >= lo && c.arguable(o, not) && !has(o.entity) {
			if j := join(o.last, at.first); j > 0 {
				list, joins = append([]*coded{o}, list...), append([]int{j}, joins...)
			}
		}
	}
	// after it
	for k := c.firstAtOrAfter(m.last); k < len(c.ms) && c.ms[k].first <= list[len(list)-1].last+2; k++ {
		o, at := &c.ms[k], list[len(list)-1]
		if o.first >= at.last && o.last <= hi && c.arguable(o, not) && !has(o.entity) {
			if j := join(at.last, o.first); j > 0 {
				list, joins = append(list, o), append(joins, j)
			}
		}
	}
	// the list runs to its last "and"; m must be in it
	last := -1
	for q, j := range joins {
		if j == 2 {
			last = q
		}
	}
	list = list[:last+2]
	if !slices.Contains(list, m) || len(list) < 2 {
		return []*coded{m}
	}
	return list
}

// argument makes an event's actor or target of a coded mention.
func (c *coder) argument(m *coded, inferred bool) *document.Argument {
	return &document.Argument{Entity: strPtr(m.entity), Text: m.text, Code: m.code, Inferred: inferred}
}

// pair finds a phrase that stands for the story's two countries ("the two
// countries", "both sides") as the subject of a trigger at [i, j) — in
// its clause before it, from lo, with no coded mention before it there —
// or after it behind "between" ("a deal between the two nations"), no
// further than hi. It returns the story's two main countries, when the
// story is about two.
func (c *coder) pair(lo, i, j, hi int) (*coded, *coded, bool) {
	found := false
	for k := lo; k < i && !found; k++ {
		if n, _ := c.kb.PairPhrases.Match(c.lower[:i], k); n > 0 {
			found = c.first(lo, k) == nil
		}
	}
	for k := j; k < hi && k < j+4 && !found; k++ {
		if c.lower[k] == "between" {
			n, _ := c.kb.PairPhrases.Match(c.lower[:hi], k+1)
			found = n > 0
		}
	}
	if !found {
		return nil, nil, false
	}
	c.countries()
	if len(c.mains) < 2 || c.domestic() {
		return nil, nil, false
	}
	return c.mains[0], c.mains[1], true
}

func strPtr(s string) *string { return &s }

// sameCountry reports whether two mentions' codes are of one country.
func sameCountry(a, b *coded) bool {
	return len(a.code) >= 3 && len(b.code) >= 3 && a.code[:3] == b.code[:3]
}

// before returns the nearest coded mention that ends before token i and
// starts at or after first, or nil. News outlets are sources, not actors.
func (c *coder) before(first, i int, not *coded) *coded {
	var best *coded
	for k := c.firstAtOrAfter(first); k < len(c.ms) && c.ms[k].first < i; k++ {
		m := &c.ms[k]
		if m.last <= i && c.arguable(m, not) {
			best = m
		}
	}
	return best
}

// after returns the nearest coded mention that starts at or after token j
// and ends by last, other than the entity not (the actor), or nil.
func (c *coder) after(j, last int, not *coded) *coded {
	for k := c.firstAtOrAfter(j); k < len(c.ms) && c.ms[k].first < last; k++ {
		m := &c.ms[k]
		if m.last <= last && c.arguable(m, not) {
			return m
		}
	}
	return nil
}

// arguable reports whether a mention can be an actor or target: not a
// news outlet, and not the entity or country already taken.
func (c *coder) arguable(m, not *coded) bool {
	if strings.HasSuffix(m.code, "MED") || m.typ == "LOC" {
		return false
	}
	if not != nil && (m.entity == not.entity || sameCountry(m, not) && m.typ == "GPE") {
		return false
	}
	return true
}

// otherCountry returns the nearest arguable mention after token j, of a
// country other than not's when there is one, else of any.
func (c *coder) otherCountry(j, last int, not *coded) *coded {
	first := c.after(j, last, not)
	if not == nil || first == nil || len(not.code) < 3 || len(first.code) < 3 || first.code[:3] != not.code[:3] {
		return first
	}
	for k := c.firstAtOrAfter(j); k < len(c.ms) && c.ms[k].first < last; k++ {
		m := &c.ms[k]
		if m.last <= last && c.arguable(m, not) && len(m.code) >= 3 && m.code[:3] != not.code[:3] {
			return m
		}
	}
	return first
}

// mainOther returns a country mention of the document's most-mentioned
// country other than other's, or nil.
func (c *coder) mainOther(other *coded) *coded {
	if other == nil || len(other.code) < 3 {
		return nil
	}
	c.countries()
	if len(c.mains) == 0 {
		return nil
	}
	if c.domestic() {
		return c.mains[0] // a story of one country: its own
	}
	for _, m := range c.mains {
		if m.code != other.code[:3] {
			return m
		}
	}
	return nil
}

// domestic reports whether the story is about one country: it names it
// at least two and a half times as often as any other (a heuristic; a
// story between two countries names the second about half as often).
func (c *coder) domestic() bool {
	if len(c.mains) == 0 {
		return false
	}
	if len(c.mains) == 1 {
		return true
	}
	return 2*c.counts[c.mains[0].code] >= 5*c.counts[c.mains[1].code]
}

// countries counts the document's country mentions once, and lists the
// countries most mentioned first.
func (c *coder) countries() {
	if c.counts != nil {
		return
	}
	c.counts = map[string]int{}
	first := map[string]*coded{}
	for k := range c.ms {
		m := &c.ms[k]
		if m.typ == "GPE" && len(m.code) == 3 {
			c.counts[m.code]++
			if first[m.code] == nil {
				first[m.code] = m
			}
		}
	}
	for code := range c.counts {
		c.mains = append(c.mains, first[code])
	}
	sort.Slice(c.mains, func(a, b int) bool {
		ca, cb := c.counts[c.mains[a].code], c.counts[c.mains[b].code]
		return ca > cb || ca == cb && c.mains[a].code < c.mains[b].code
	})
}

// nounModifier returns the coded mention that stands right before a noun
// trigger at token i, after "'s" perhaps ("U.S. pressure", "Israel's
// attack"), or nil; nil too when the trigger is no noun.
func (c *coder) nounModifier(noun bool, first, i int) *coded {
	if !noun {
		return nil
	}
	end := i
	if end > first && (c.lower[end-1] == "'s" || c.lower[end-1] == "’s") {
		end--
	}
	k := c.firstAtOrAfter(end) - 1
	for ; k >= 0 && c.ms[k].first >= first && c.ms[k].first > end-8; k-- {
		if m := &c.ms[k]; m.last == end && c.arguable(m, nil) {
			return m
		}
	}
	return nil
}

// firstAtOrAfter returns the index in ms of the first mention that starts
// at token i or after it.
func (c *coder) firstAtOrAfter(i int) int {
	return sort.Search(len(c.ms), func(k int) bool { return c.ms[k].first >= i })
}

// first returns the first arguable coded mention in tokens [lo, i), or nil.
func (c *coder) first(lo, i int) *coded {
	for k := c.firstAtOrAfter(lo); k < len(c.ms) && c.ms[k].first < i; k++ {
		m := &c.ms[k]
		if m.last <= i && c.arguable(m, nil) {
			// "the Afghan Taliban": a country's name or demonym that
			// modifies the name after it is not the head
			if m.typ == "GPE" && k+1 < len(c.ms) {
				if h := &c.ms[k+1]; h.first == m.last && h.last <= i && h.typ != "GPE" && c.arguable(h, nil) {
					return h
				}
			}
			return m
		}
	}
	return nil
}
