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
	"context"
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
	if m := c.nounModifier(noun, s.First, i); m != nil && (before == nil || m.entity != before.entity) &&
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
	if a, b, ok := c.pair(cs, i, j, hi); ok {
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

// finish reads the frame, status, time and place of an event whose
// trigger is token i of sentence si.
func (c *coder) finish(ev *document.Event, si, i int) {
	c.frame(ev, c.doc.Sentences[si].First, i)
	c.status(ev, si, i)
	c.when(ev, si, i)
	c.where(ev, si, i)
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
