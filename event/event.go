// Package event is the pipeline stage that codes events: who did what to
// whom, when and where, in the PLOVER ontology with the nearest CAMEO
// code, and — what event coders leave out — the attribution that reports
// each event and the status that follows from it (reported, denied,
// unconfirmed, planned, threatened, historical).
//
// A trigger word (data/event-triggers.tsv) gives the CAMEO code, and the
// CAMEO → PLOVER table its event type and mode. The actor is the nearest
// entity with an actor code before the trigger, the target the nearest
// after it (the other way round in a passive, with "by" or "during" naming
// the actor). Precision comes first: an event needs a coded actor or target.
package event

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"

	"herodot/document"
	"herodot/knowledge"
)

// Name is the stage's name in a pipeline.
const Name = "event"

// Stage codes events. The zero value uses the default knowledge base.
type Stage struct {
	KB *knowledge.Base
}

// Name returns "event".
func (Stage) Name() string { return Name }

// coded is a mention of an entity that has an actor code.
type coded struct {
	first, last int // tokens [first, last)
	seq         int // the order of listing, entity by entity, that ties keep
	entity      string
	text        string
	code        string
	typ         string
}

type coder struct {
	doc    *document.Document
	kb     *knowledge.Base
	lower  []string
	ms     []coded  // by first token
	places []coded  // the mentions of places, in the order of the entities
	names  []bool   // the tokens inside names of organisations and people (see inName)
	mains  []*coded // the document's countries, most mentioned first
	counts map[string]int
}

// Process sets doc.Events and doc.Quantities. It needs the segment and entity layers, and
// uses the attribution and timex layers when they are there.
func (s Stage) Process(ctx context.Context, doc *document.Document) error {
	kb := knowledge.OrDefault(s.KB)
	c := &coder{doc: doc, kb: kb}
	c.lower = doc.Lower()
	c.index()
	doc.Events = nil
	doc.Quantities = c.quantities()
	for si, s := range doc.Sentences {
		if si%64 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		for i := s.First; i < s.Last; i++ {
			n, tr := kb.Triggers.Match(c.lower[:s.Last], i)
			if n == 0 {
				// "Russia said Sudan must return the helicopter": a demand
				// with no trigger for the act demanded
				if kb.Frames.At(c.lower[i]) == "obligation" && !c.triggerWithin(i+1, min(i+obligationReach+1, s.Last)) {
					if ev, ok := c.obligation(si, i); ok {
						ev.ID = "V" + strconv.Itoa(len(doc.Events)+1)
						doc.Events = append(doc.Events, ev)
					}
				}
				continue
			}
			if c.inName(i) || c.declining(i) || c.prevented(s.First, i) {
				// "the Swiss Agency for Development and Cooperation"
				i += n - 1
				continue
			}
			start := i
			if h, code := c.halt(s.First, i, tr); h >= 0 {
				start, tr = h, knowledge.Trigger{Code: code}
			}
			if c.complement(si, start) {
				// "offered to supply", "agreed to withdraw": the act is what
				// the event before it offers or agrees, not an event of its own
				i += n - 1
				continue
			}
			if ev, ok := c.code(si, start, i+n, tr); ok {
				ev.ID = "V" + strconv.Itoa(len(doc.Events)+1)
				doc.Events = append(doc.Events, ev)
			}
			i += n - 1
		}
	}
	c.attach(doc.Quantities)
	return nil
}

// haltReach is how far before a trigger a word that reverses it may stand
// ("suspended its military aid").
const haltReach = 5

// halt looks, in the few words before a cooperative trigger at token i,
// for a word that reverses it ("suspended … aid", "cancelled … visit"):
// it returns where that word starts and the reversal's CAMEO code, or -1.
func (c *coder) halt(first, i int, tr knowledge.Trigger) (int, string) {
	cc, ok := c.kb.Cameo[tr.Code]
	if !ok {
		return -1, ""
	}
	for end := i; end > first && end > i-haltReach; end-- {
		for n := 1; n <= 3 && end-n >= first; n++ {
			if got, codes := c.kb.Halts.Match(c.lower[:end], end-n); got == n {
				if code, ok := codes[cc.Event]; ok {
					return end - n, code
				}
			}
		}
	}
	return -1, ""
}

// index lists the mentions of entities that have an actor code, by
// token, and the mentions of places.
func (c *coder) index() {
	n := 0
	for _, e := range c.doc.Entities {
		n += len(e.Mentions)
	}
	c.ms = make([]coded, 0, n)
	for _, e := range c.doc.Entities {
		place := e.Type == "GPE" || e.Type == "LOC"
		if e.Actor == "" && !place {
			continue
		}
		for _, m := range e.Mentions {
			f, l := c.tokenRange(m.Span)
			if f < 0 {
				continue
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
		s := c.sentenceOf(m.first)
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

// sentenceOf returns the sentence that holds token i.
func (c *coder) sentenceOf(i int) document.Sentence {
	ss := c.doc.Sentences
	k := sort.Search(len(ss), func(k int) bool { return ss[k].Last > i })
	if k < len(ss) {
		return ss[k]
	}
	return document.Sentence{}
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

var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true, "got": true, "get": true}

// code builds the event of a trigger at tokens [i, j) of sentence si.
func (c *coder) code(si, i, j int, tr knowledge.Trigger) (document.Event, bool) {
	s := c.doc.Sentences[si]
	cc, ok := c.kb.Cameo[tr.Code]
	if !ok {
		return document.Event{}, false
	}
	ev := document.Event{Sentence: si, Type: cc.Event, Mode: cc.Mode, Cameo: tr.Code, Quad: c.kb.Quads[cc.Event], Status: "reported"}
	if tr.Event != "" {
		ev.Type, ev.Mode, ev.Quad = tr.Event, "", c.kb.Quads[tr.Event]
	}
	if tr.Mode != "" {
		ev.Mode = tr.Mode
	}
	sp := document.Span{Start: c.doc.Tokens[i].Start, End: c.doc.Tokens[j-1].End}
	ev.Trigger = document.Trigger{Span: sp, Text: c.doc.Text[sp.Start:sp.End]}

	if c.backReference(s.First, i, j, ev) {
		return ev, false
	}
	// the arguments are sought in the reported content that holds the
	// trigger first, then in the sentence
	lo, hi := c.window(si, i)
	// the actor is the subject: the first coded mention of the clause
	// the trigger is in, else the nearest one before it
	cs := c.clauseStart(lo, i)
	before := c.first(cs, i)
	if before == nil && c.elided(lo, cs, i) {
		// "Benin opened its borders, but was still refusing Ghanaians":
		// the subject is the first clause's
		before = c.first(lo, cs)
	}
	if before == nil {
		before = c.before(lo, i, nil)
	}
	if before == nil && lo > s.First {
		before = c.first(s.First, i)
	}
	// the target is sought after the trigger, within its clause and
	// within the reported content: what follows the content is its source
	after := c.otherCountry(j, c.clauseEnd(j, hi), before)
	noun := !strings.HasSuffix(c.lower[i], "ing") && !strings.HasSuffix(c.lower[i], "ed")
	if m := c.modifier(s.First, i); noun && m != nil && (before == nil || m.entity != before.entity) &&
		(m.typ != "PERSON" || strings.HasPrefix(ev.Quad, "verbal")) {
		// "U.S. pressure", "Israel's attack", "Trump's demands": the name
		// before a noun trigger is its actor; a person's is the one acted
		// on when the act is material ("Kennedy's assassination")
		before = m
		if after != nil && (after.entity == m.entity || sameCountry(after, m)) {
			after = c.otherCountry(j, c.clauseEnd(j, hi), m)
		}
	}
	if noun && before == nil && j+1 < hi && c.lower[j] == "of" {
		// "the deployment of NATO troops", "the withdrawal of Cuban
		// advisers": who moves is the actor
		switch ev.Type {
		case "RETREAT", "MOBILIZE":
			if m := c.after(j+1, hi, nil); m != nil && m.first <= j+3 {
				before, after = m, c.otherCountry(m.last, c.clauseEnd(m.last, hi), m)
			}
		}
	}
	noActor := false
	fromSource := j < s.Last && c.lower[j] == "from" && ev.Quad == "verbal_conflict"
	if j < s.Last && noun && (c.lower[j] == "by" || fromSource) && !c.passive(s.First, i) {
		// "an attack by the rebels", "pressure from Washington" (a demand,
		// a threat, a charge from someone): the actor follows; what came
		// before is the target
		if agent := c.after(j+1, s.Last, nil); agent != nil && agent.first <= j+3 {
			before, after = agent, c.before(s.First, i, agent)
		}
	} else if c.passive(s.First, i) {
		// "32 citizens were killed during the U.S. operation"
		agent := c.agent(j, s.Last)
		before, after = agent, before
		if agent == nil {
			before, after = nil, c.before(s.First, i, nil)
		}
	} else if noun && j < hi && c.lower[j] == "to" {
		// "arms sales to Tehran", "a visit to Haiti": the target follows;
		// an actor of the target's own country came from another clause
		if t := c.after(j+1, hi, nil); t != nil && t.first <= j+3 {
			after = t
			if before != nil && (before.entity == t.entity || sameCountry(before, t)) {
				before = nil
			}
		}
	} else if noun && j < s.Last && (c.lower[j] == "on" || c.lower[j] == "against") {
		// "the attacks on the United States": the target follows
		if t := c.after(j+1, s.Last, nil); t != nil && t.first <= j+3 {
			after = t
			if before != nil && before.entity == t.entity {
				before = nil
			}
			noActor = before == nil
		}
	}
	if a, b, ok := c.pair(c.clauseStart(lo, i), i, j, hi); ok {
		// "The two countries signed agreements", "a deal between the two
		// nations": the story's two countries, each the other's target
		if after != nil && sameCountry(after, a) {
			a, b = b, a
		}
		ev.Actor, ev.Target = c.argument(a, false), c.argument(b, false)
		ev.Actors = []document.Argument{*c.argument(a, false), *c.argument(b, false)}
		ev.Targets = []document.Argument{*c.argument(b, false), *c.argument(a, false)}
		c.finish(&ev, si, i)
		return ev, true
	}
	if before == nil && after == nil {
		return ev, false
	}
	// a side the sentence leaves open is most likely the other of the
	// story's main countries ("Cuban advisers are departing" — from Venezuela)
	// compound actors and targets: "Peru and Chile signed", "talks with
	// Peru, Chile and Bolivia"
	var actors, targets []*coded
	if before != nil {
		actors = c.coordinated(before, after, s.First, i)
	}
	if after != nil {
		targets = c.coordinated(after, before, j, s.Last)
	}
	inferredActor, inferredTarget := false, false
	if before == nil && !noActor {
		before, inferredActor = c.mainOther(after), true
	} else if after == nil && before != nil && len(actors) < 2 {
		// (several actors acting together have no target to infer)
		after, inferredTarget = c.mainOther(before), true
	}
	if before != nil {
		ev.Actor = c.argument(before, inferredActor)
	}
	if after != nil {
		ev.Target = c.argument(after, inferredTarget)
	}
	if len(actors) > 1 || len(targets) > 1 {
		for _, m := range actors {
			ev.Actors = append(ev.Actors, *c.argument(m, false))
		}
		for _, m := range targets {
			ev.Targets = append(ev.Targets, *c.argument(m, false))
		}
		// actor and target are the first of their lists
		if len(ev.Actors) > 0 {
			ev.Actor = &ev.Actors[0]
		} else if ev.Actor != nil {
			ev.Actors = []document.Argument{*ev.Actor}
		}
		if len(ev.Targets) > 0 {
			ev.Target = &ev.Targets[0]
		} else if ev.Target != nil {
			ev.Targets = []document.Argument{*ev.Target}
		}
	}
	c.finish(&ev, si, i)
	// "Russia said Sudan must return the helicopter it seized"
	for k := i - 1; k >= s.First && k >= i-obligationReach; k-- {
		if c.kb.Frames.At(c.lower[k]) == "obligation" {
			c.demandOf(&ev, k)
			break
		}
	}
	return ev, true
}

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

// finish reads the frame, status, time and place of an event whose
// trigger is token i of sentence si.
func (c *coder) finish(ev *document.Event, si, i int) {
	c.frame(ev, c.doc.Sentences[si].First, i)
	c.status(ev, si, i)
	c.when(ev, si, i)
	c.where(ev, si, i)
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
	if not != nil && (m.entity == not.entity || len(m.code) >= 3 && len(not.code) >= 3 && m.code[:3] == not.code[:3] && m.typ == "GPE") {
		return false
	}
	return true
}

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
	if i+1 < len(c.lower) && c.lower[i+1] == "to" && statives[c.lower[i]] {
		return false // "Israel is opposed to the plan" is Israel's stand
	}
	return k >= first && passiveAux[c.lower[k]] && (strings.HasSuffix(c.lower[i], "ed") || strings.HasSuffix(c.lower[i], "en") || strings.HasSuffix(c.lower[i], "wn"))
}

// statives are the participles that, before "to", say a state of their
// subject ("opposed to", "committed to"), not an act done to it.
var statives = map[string]bool{"opposed": true, "committed": true, "dedicated": true, "devoted": true, "determined": true, "entitled": true, "inclined": true, "obliged": true}

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

// modal words before a trigger that make the event a plan or a threat.
var planned = map[string]bool{"will": true, "would": true, "plans": true, "plan": true, "planned": true, "intends": true, "intend": true,
	"to": true, "shall": true, "going": true, "expected": true, "vowed": true, "pledged": true, "promised": true}

// status ties the event to the attribution that reports it and reads
// its status from that attribution's stance, from modality and negation.
func (c *coder) status(ev *document.Event, si, i int) {
	off := c.doc.Tokens[i].Start
	for k := range c.doc.Attributions {
		a := &c.doc.Attributions[k]
		if a.Cue.Span.Start == off || off >= a.Content.Span.Start && off < a.Content.Span.End {
			id := a.ID
			ev.Attribution = &id
			if a.Cue.Span.Start != off {
				switch a.Stance {
				case "denied":
					ev.Status = "denied"
				case "unconfirmed":
					ev.Status = "unconfirmed"
				}
			}
			break
		}
	}
	first := c.doc.Sentences[si].First
	for k := i - 1; k >= first && k >= i-3; k-- {
		w := c.lower[k]
		if w == "not" || w == "never" || w == "n't" {
			ev.Status = "denied"
			return
		}
		if planned[w] {
			if ev.Type == "THREATEN" {
				ev.Status = "threatened"
			} else if ev.Status == "reported" {
				ev.Status = "planned"
			}
			return
		}
	}
	if ev.Type == "THREATEN" && ev.Status == "reported" {
		ev.Status = "threatened"
	}
}

// when gives the event the time expression of its sentence nearest to
// the trigger; an event more than a year before the reference date is
// historical.
func (c *coder) when(ev *document.Event, si, i int) {
	s := c.doc.Sentences[si].Span
	off := c.doc.Tokens[i].Start
	best, dist := -1, 1<<30
	for k, t := range c.doc.Times {
		if t.Span.Start < s.Start || t.Span.End > s.End {
			continue
		}
		d := t.Span.Start - off
		if d < 0 {
			d = -d
		}
		if d < dist {
			best, dist = k, d
		}
	}
	if best < 0 {
		return
	}
	t := c.doc.Times[best]
	ev.Time = &document.TimeRef{Text: t.Text, Value: t.Value}
	if c.doc.ReferenceDate != nil && len(t.Value) >= 4 && ev.Status == "reported" {
		if y, err := strconv.Atoi(t.Value[:4]); err == nil {
			if ref, err := strconv.Atoi((*c.doc.ReferenceDate)[:4]); err == nil && y < ref-1 {
				ev.Status = "historical"
			}
		}
	}
}

// where gives the event a place named after "in", "at" or "near" in its
// sentence, after the trigger.
func (c *coder) where(ev *document.Event, si, i int) {
	s := c.doc.Sentences[si]
	for _, m := range c.places {
		f := m.first
		if f <= i || f >= s.Last || f == 0 {
			continue
		}
		p := c.lower[f-1]
		if p == "the" && f > 1 {
			p = c.lower[f-2]
		}
		if p == "in" || p == "at" || p == "near" {
			country := m.code
			if len(country) > 3 {
				country = country[:3]
			}
			ev.Location = &document.Location{Text: m.text, Country: country}
			return
		}
	}
}

// frame reads the word a few words before trigger i that frames the act
// it names (the knowledge base's event frames: a stop, a refusal, a
// demand, an intent) and recodes the event as PLOVER codes the frame.
func (c *coder) frame(ev *document.Event, first, i int) {
	for k := i - 1; k >= first && k >= i-4; k-- {
		var typ string
		switch f := c.kb.Frames.At(c.lower[k]); {
		case f == "stop" && strings.HasSuffix(ev.Quad, "cooperation"):
			typ = "SANCTION"
		case f == "refusal":
			typ = "REJECT"
		case f == "demand" || f == "obligation":
			typ = "REQUEST"
		case f == "intent":
			if strings.HasSuffix(ev.Quad, "conflict") {
				typ = "THREATEN"
			} else {
				typ = "AGREE"
			}
		default:
			continue
		}
		if typ == ev.Type {
			return
		}
		ev.Type, ev.Quad = typ, c.kb.Quads[typ]
		ev.Mode = ""
		return
	}
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

// modifier returns the coded mention that stands right before a noun
// trigger at token i, after "'s" perhaps ("U.S. pressure", "Israel's
// attack"), or nil.
func (c *coder) modifier(first, i int) *coded {
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
// or a person, where a word is part of the name, not an act.
func (c *coder) inName(i int) bool {
	if c.names == nil {
		c.names = make([]bool, len(c.doc.Tokens))
		for _, e := range c.doc.Entities {
			if e.Type != "ORG" && e.Type != "PERSON" {
				continue
			}
			for _, m := range e.Mentions {
				if f, l := c.tokenRange(m.Span); f >= 0 && l-f > 1 {
					for k := f; k < l; k++ {
						c.names[k] = true
					}
				}
			}
		}
	}
	return c.names[i]
}

// firstAtOrAfter returns the index in ms of the first mention that starts
// at token i or after it.
func (c *coder) firstAtOrAfter(i int) int {
	return sort.Search(len(c.ms), func(k int) bool { return c.ms[k].first >= i })
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
