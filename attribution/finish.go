package attribution

import (
	"herodot/document"
	"herodot/knowledge"
)

// finish turns claim k of a sentence into an Attribution: it bounds the
// content by the next claim, trims it, and sets kind, count, via, stance
// and quote.
func (a *analysis) finish(si int, c *claim, claims []*claim, k int) {
	ct := c.content
	if !c.before && c.h.cue.Kind != "refusal" {
		// forward content ends where the next claim of the sentence begins
		for _, n := range claims[k+1:] {
			at := n.h.start
			if n.src[0] < n.src[1] && n.src[0] < at && n.inherit < 0 {
				at = n.src[0]
			}
			if at > ct[0] && at < ct[1] {
				ct[1] = at
				break
			}
		}
	}
	ct = a.trimContent(ct, c.h.cue.Kind != "passive")
	refusal := c.h.cue.Kind == "refusal"
	if !refusal && ct[0] >= ct[1] {
		return
	}
	at := document.Attribution{Sentence: si, Via: c.via, Stance: c.h.cue.Stance}
	at.Cue = document.Cue{
		Text:  a.doc.Text[a.toks[c.h.start].Start:a.toks[c.h.end-1].End],
		Lemma: c.h.cue.Lemma,
		Span:  document.Span{Start: a.toks[c.h.start].Start, End: a.toks[c.h.end-1].End},
	}
	kind := c.srcKind
	srcTok := [2]int{-1, -1}
	if c.src[0] < c.src[1] {
		srcTok = c.src
		sp := document.Span{Start: a.toks[c.src[0]].Start, End: a.toks[c.src[1]-1].End}
		at.Source.Text = a.doc.Text[sp.Start:sp.End]
		at.Source.Span = &sp
		cls := a.classify(c.src)
		if kind == "" || cls == "pronoun" && kind != "document" {
			kind = cls
		}
		at.Source.Count = a.count(c.src, cls)
		a.link(&at, kind)
	}
	at.Source.Kind = kind
	if refusal {
		at.Quote = "none"
		at.Content = document.Content{Span: document.Span{Start: at.Cue.Span.End, End: at.Cue.Span.End}}
	} else {
		sp := a.contentSpan(ct, c.before)
		sp = a.extendQuote(si, c, sp)
		at.Content = document.Content{Span: sp, Text: a.doc.Text[sp.Start:sp.End]}
		at.Quote = a.quoteType(sp)
		at.Stance = a.stance(at.Stance, ct)
	}
	a.out = append(a.out, at)
	a.srcTok = append(a.srcTok, srcTok)
}

// trimContent drops punctuation, quotation marks that open or close
// nothing inside, "that", and a trailing conjunction from a content range.
func (a *analysis) trimContent(r [2]int, dropThat bool) [2]int {
	for r[0] < r[1] && (a.isPunct(r[0]) || dropThat && a.lower[r[0]] == "that") {
		r[0]++
	}
	for r[1] > r[0] {
		w := a.lower[r[1]-1]
		if a.isPunct(r[1]-1) || a.kb.Words[w] == knowledge.Conj {
			r[1]--
			continue
		}
		break
	}
	return r
}

// contentSpan turns a content token range into a byte span. A content
// that is one quotation is its inner text; a content before the source
// that ends a quotation opened in an earlier sentence takes in the whole
// quotation ("“C1. C2,” she said.").
func (a *analysis) contentSpan(r [2]int, before bool) document.Span {
	sp := document.Span{Start: a.toks[r[0]].Start, End: a.toks[r[1]-1].End}
	for _, q := range a.doc.Quotations {
		if q.Span.Start > sp.End {
			break
		}
		if q.Span.Start == sp.Start && q.Span.End >= sp.End-1 && q.Span.End <= sp.End+1 {
			return q.Inner // exactly a quotation
		}
		if before && q.Closed && q.Inner.Start < sp.Start && q.Span.End > sp.Start && q.Span.End <= sp.End+2 {
			sp.Start = q.Inner.Start
			if q.Span.End >= sp.End {
				sp.End = q.Inner.End
			}
			return sp
		}
	}
	// a content that starts with an opening mark and ends at its closing one
	return sp
}

// extendQuote widens a content to the whole of a quotation that the cue
// interrupts or that runs on past the sentence: "“C1,” X said, “C2.”",
// "“C1,” X said. “C2.”", "X said: “C1. C2.”". A following sentence is
// taken in only when it opens with the quotation mark, in the same
// paragraph, and holds no cue of its own.
func (a *analysis) extendQuote(si int, c *claim, sp document.Span) document.Span {
	s := a.doc.Sentences[si]
	// the quotation the content ends in runs past the sentence
	for _, q := range a.doc.Quotations {
		if q.Span.Start >= sp.End {
			break
		}
		// the content opens the quotation (its mark or its first word)
		opens := q.Span.Start >= sp.Start && q.Span.Start <= sp.Start+1 || q.Inner.Start == sp.Start
		if (opens || q.Inner.Start <= sp.Start) && q.Inner.End > s.End && q.Inner.End > sp.End {
			sp.End = q.Inner.End
		}
	}
	if !c.before {
		return sp
	}
	// after "X said": ", “C2”" in the same sentence or the next one
	j := max(c.h.end, c.src[1], c.tail)
	if j < s.Last && a.description(j, s.Last) {
		j = s.Last // "said Ana Ruiz, a professor at …."
	}
	for j < s.Last && (a.isPunct(j) || a.timePhrase(j, s.Last) > 0) {
		if n := a.timePhrase(j, s.Last); n > 0 {
			j += n
			continue
		}
		j++
	}
	if j < s.Last && a.shortTail(j, s.Last) {
		j = s.Last // "said in an interview."
	}
	if j >= s.Last {
		if si+1 >= len(a.doc.Sentences) {
			return sp
		}
		next := a.doc.Sentences[si+1]
		if a.toks[next.First].Para || a.sentenceHasCue(si+1) {
			return sp
		}
		j = next.First
	}
	if a.toks[j].Kind != document.Quote {
		return sp
	}
	for _, q := range a.doc.Quotations {
		if q.Span.Start == a.toks[j].Start {
			sp.End = q.Inner.End
			break
		}
	}
	return sp
}

// description reports whether tokens [j, end) only describe the source
// ("…, a professor at Cairo University.", "…, who is regarded as …"): they
// open with a comma and hold no quotation mark and no cue.
func (a *analysis) description(j, end int) bool {
	if a.words[j] != "," {
		return false
	}
	for k := j; k < end; k++ {
		if a.toks[k].Kind == document.Quote {
			return false
		}
		if n, c := a.kb.Cues.Match(a.lower[:end], k); n > 0 && c.Kind != "ignore" && !a.inQuotation(k) {
			return false
		}
	}
	return true
}

// sentenceHasCue reports whether a sentence holds a cue outside quotations.
func (a *analysis) sentenceHasCue(si int) bool {
	s := a.doc.Sentences[si]
	for i := s.First; i < s.Last; i++ {
		if n, _ := a.kb.Cues.Match(a.lower[:s.Last], i); n > 0 && !a.inQuotation(i) {
			return true
		}
	}
	return false
}

// quoteType says how much of a content span is in quotation marks.
func (a *analysis) quoteType(sp document.Span) string {
	quoted := 0
	for _, q := range a.doc.Quotations {
		if q.Span.Start >= sp.End {
			break
		}
		in := document.Span{Start: max(q.Inner.Start, sp.Start), End: min(q.Inner.End, sp.End)}
		if in.End > in.Start {
			quoted += in.End - in.Start
		}
	}
	switch {
	case quoted == 0:
		return "indirect"
	case quoted >= sp.Len()-2:
		return "direct"
	}
	return "partial"
}

// stance adjusts a cue's stance for the content: a hedge word makes an
// assertion hedged ("agents likely remain"), and a quoted first-person
// denial makes it a denial ("We categorically deny that …").
func (a *analysis) stance(st string, ct [2]int) string {
	if st != "asserted" {
		return st
	}
	for k := ct[0]; k < ct[1]; k++ {
		w := a.lower[k]
		if (w == "we" || w == "i") && k+1 < ct[1] {
			j := a.skipAdverbsForward(k+1, ct[1])
			if n, cue := a.kb.Cues.Match(a.lower[:ct[1]], j); n > 0 && cue.Stance == "denied" {
				return "denied"
			}
		}
		if n, _ := a.kb.Hedges.Match(a.lower[:ct[1]], k); n > 0 {
			return "hedged"
		}
	}
	return st
}

func (a *analysis) skipAdverbsForward(j, end int) int {
	for j < end && a.kb.Words[a.lower[j]] == knowledge.Adv {
		j++
	}
	return j
}

// definite anonymous sources that refer back: "the official", "the source".
func (a *analysis) refersBack(src [2]int) bool {
	if src[0] < 0 {
		return false
	}
	if src[1]-src[0] == 1 {
		return pronouns[a.lower[src[0]]]
	}
	return false
}

// resolve gives a pronoun source the kind, entity and affiliation of the
// source it stands for: the nearest earlier source that is not itself a
// pronoun, and for he and she one that is a person or group.
func (a *analysis) resolve() {
	for i := range a.out {
		at := &a.out[i]
		if at.Source.Kind != "pronoun" && !(a.refersBack(a.srcTok[i]) && at.Source.Kind == "document") {
			continue
		}
		p := a.lower[a.srcTok[i][0]]
		kind := "named"
		for j := i - 1; j >= 0; j-- {
			prev := a.out[j]
			if prev.Source.Kind == "pronoun" || prev.Source.Text == "" {
				continue
			}
			if (p == "he" || p == "she") && prev.Source.Kind != "named" && prev.Source.Kind != "anonymous" {
				continue
			}
			kind = prev.Source.Kind
			at.Source.Entity, at.Source.Affiliation = prev.Source.Entity, prev.Source.Affiliation
			break
		}
		if at.Source.Kind == "pronoun" {
			at.Source.Kind = kind
		}
	}
}

// link ties a source to the entity it names, when the entity layer found
// one in it, and gives its affiliation: the entity's actor code for a named
// source; for an anonymous one, the country or institution it names and
// the sector of its role ("a White House official" → USAGOV, "a former
// Venezuelan intelligence official" → VENSPY).
func (a *analysis) link(at *document.Attribution, kind string) {
	sp := *at.Source.Span
	// the entity named last in the source is its head ("Sudan's Foreign
	// Ministry" is the ministry); a person wins over what describes them
	var best *document.Entity
	bestEnd := -1
	for i := range a.doc.Entities {
		e := &a.doc.Entities[i]
		for _, m := range e.Mentions {
			if m.Span.Start < sp.Start || m.Span.End > sp.End {
				continue
			}
			person := best != nil && best.Type == "PERSON"
			if best == nil || e.Type == "PERSON" && !person || m.Span.End > bestEnd && (e.Type == "PERSON" || !person) {
				best, bestEnd = e, m.Span.End
			}
		}
	}
	if best == nil {
		return
	}
	if kind != "anonymous" {
		id := best.ID
		at.Source.Entity = &id
		if best.Actor != "" {
			aff := best.Actor
			at.Source.Affiliation = &aff
		}
		return
	}
	aff := best.Actor
	if len(aff) == 3 { // a country: add the sector of the source's role
		if sect := a.roleSector(sp); sect != "" {
			aff += sect
		}
	}
	if aff != "" {
		at.Source.Affiliation = &aff
	}
}

// roleSector returns the sector of the role noun that ends the longest
// agents phrase inside a span ("intelligence official" → SPY).
func (a *analysis) roleSector(sp document.Span) string {
	sector := ""
	for i, t := range a.toks {
		if t.Start < sp.Start || t.End > sp.End {
			continue
		}
		if n, s := a.kb.Agents.Match(a.lower, i); n > 0 && a.toks[i+n-1].End <= sp.End && s != "MED" {
			if sector == "" || n > 1 {
				sector = s
			}
		}
	}
	return sector
}
