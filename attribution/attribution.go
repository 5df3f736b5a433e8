// Package attribution is the pipeline stage that finds attributed
// statements: who says what, of what kind the source is, how many sources
// there are, through whom the claim travelled, and how firmly it is made.
//
// It works on tokens, sentences and quotations, with lexicons from the
// knowledge package (cue phrases with their stance, function words, source
// nouns, outlets and platforms, count words, hedges) and no parser. The
// constructions it reads:
//
//	X said (that) C            X told Reuters C           X said in a statement C
//	C, X said                  “C,” said X, a professor   according to X, C
//	C, according to X          X declined to comment      C could not be verified
//	X, who …, added C          …, suggesting C (the same source)
package attribution

import (
	"context"
	"strconv"
	"strings"
	"unicode"

	"herodot/document"
	"herodot/knowledge"
)

// Name is the stage's name in a pipeline.
const Name = "attribution"

// Stage finds attributions. The zero value uses the default knowledge base.
type Stage struct {
	KB *knowledge.Base
}

// Name returns "attribution".
func (Stage) Name() string { return Name }

// Process sets doc.Attributions. It needs the segment layer.
func (s Stage) Process(ctx context.Context, doc *document.Document) error {
	kb := knowledge.OrDefault(s.KB)
	a := newAnalysis(doc, kb)
	for si := range doc.Sentences {
		if si%64 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		a.sentence(si)
	}
	a.speakers()
	a.resolve()
	for i := range a.out {
		a.out[i].ID = "A" + strconv.Itoa(i+1)
	}
	doc.Attributions = a.out
	return nil
}

// analysis holds what one document's attribution pass works on.
type analysis struct {
	doc   *document.Document
	kb    *knowledge.Base
	toks  []document.Token
	words []string // token texts as written
	lower []string // token texts in lower case
	out   []document.Attribution
	// srcTok keeps, for each attribution, the token range of its source
	// (or -1) for the pronoun pass.
	srcTok [][2]int
}

func newAnalysis(doc *document.Document, kb *knowledge.Base) *analysis {
	a := &analysis{doc: doc, kb: kb, toks: doc.Tokens}
	a.words, a.lower = doc.Words(), doc.Lower()
	return a
}

// hit is a cue phrase found in a sentence: tokens [start, end).
type hit struct {
	start, end int
	cue        knowledge.Cue
}

// sentence finds the attributions of sentence si.
func (a *analysis) sentence(si int) {
	s := a.doc.Sentences[si]
	var hits []hit
	for i := s.First; i < s.Last; i++ {
		n, cue := a.kb.Cues.Match(a.lower[:s.Last], i)
		if n == 0 {
			continue
		}
		if cue.Kind == "ignore" {
			i += n - 1
			continue
		}
		if !a.cueHere(si, i, n, cue, hits) {
			continue
		}
		hits = append(hits, hit{i, i + n, cue})
		i += n - 1
	}
	hits = append(hits, a.nounCues(si, hits)...)
	sortHits(hits)
	if len(hits) == 0 {
		return
	}
	var claims []*claim
	for k, h := range hits {
		c := a.read(si, h, hits, k, claims)
		if c != nil {
			claims = append(claims, c)
		}
	}
	claims = a.dropNested(si, claims)
	for k, c := range claims {
		a.finish(si, c, claims, k)
	}
}

// claim is an attribution being read.
type claim struct {
	h          hit
	src        [2]int // source tokens [start, end), start == end when there is none
	srcKind    string // set when the construction decides it (document, outlet)
	via        []string
	content    [2]int // content tokens, start == end when there is none
	contentEnd int    // byte offset where the content may end at most
	before     bool   // the content comes before the source
	tail       int    // the first token after the cue's addressee and phrases, 0 when not read
	inherit    int    // index into claims of the claim whose source this one shares, or -1
}

// dropNested removes claims that sit inside the content of an earlier
// claim of the sentence without a break before them ("X said people were
// saying …"): what a source reports someone else said is part of its
// content. A claim after a comma or a semicolon, or sharing the earlier
// claim's source ("and said", ", adding"), stands on its own.
func (a *analysis) dropNested(si int, claims []*claim) []*claim {
	out := claims[:0]
	for k, c := range claims {
		nested := false
		at := c.h.start
		if c.src[0] < c.src[1] && c.src[0] < at {
			at = c.src[0]
		}
		for _, p := range claims[:k] {
			if p.before || c.inherit >= 0 || p.content[0] >= p.content[1] {
				continue
			}
			if at > p.content[0] && at < p.content[1] && at > a.doc.Sentences[si].First {
				b := a.lower[at-1]
				if b == "that" || b != "," && b != ";" && !a.kb.Words[b].IsClauseBreak() {
					nested = true
				}
			}
		}
		if !nested {
			out = append(out, c)
		}
	}
	return out
}

// cueHere decides whether a cue phrase of n words at i is used as a cue:
// not a capitalised word inside a sentence ("United States"), not inside a
// quotation (what a quoted speaker says is part of the content), not a
// passive ("could be told"), not a noun ("the report", "for comment"), not
// "by noting" after another cue.
func (a *analysis) cueHere(si, i, n int, cue knowledge.Cue, hits []hit) bool {
	s := a.doc.Sentences[si]
	if a.isCap(i) && i > s.First && a.toks[i-1].Kind != document.Quote {
		return false
	}
	if a.inQuotation(i) {
		return false
	}
	if cue.Kind != "verb" && cue.Kind != "thatverb" {
		return true
	}
	if a.nounUse(i, s.First) {
		return false
	}
	if i > s.First {
		p := a.lower[i-1]
		k := i - 1
		for k > s.First && a.kb.Words[a.lower[k]] == knowledge.Adv {
			k--
		}
		if b := a.lower[k]; (b == "be" || b == "been" || b == "being" || b == "is" || b == "are" || b == "was" || b == "were") && !strings.HasSuffix(a.lower[i], "ing") {
			return false // a passive: "could be told", "has not been previously reported" (not "is insisting")
		}
		if p == "by" && len(hits) > 0 && hits[len(hits)-1].end == i-1 {
			return false // "concluded by noting": part of the cue before
		}
	}
	if n == 1 && a.kb.CueNouns[a.lower[i]] && (!a.verbal(si, i) || len(hits) > 0 && hits[len(hits)-1].end == i) {
		return false // a noun, or the object of the cue before ("rejected claims that")
	}
	return true
}

// verbal reports whether a cue word that is also a noun is used as a
// verb: an auxiliary, a pronoun, "to" or an adverb before it, or "that", a
// colon, a comma or a quotation mark after it.
func (a *analysis) verbal(si, i int) bool {
	s := a.doc.Sentences[si]
	if i > s.First {
		p := a.lower[i-1]
		switch a.kb.Words[p] {
		case knowledge.Aux, knowledge.Pron, knowledge.Adv:
			return true
		}
		if p == "to" || p == "not" {
			return true
		}
		if a.kb.SourceNouns[p] == "document" && a.kb.SourceNouns[a.lower[i]] == "" {
			return true // "the poll shows", "the data suggest": a document does the showing
		}
	}
	if i+1 < s.Last {
		n := a.lower[i+1]
		return n == "that" || n == ":" || n == "," || a.toks[i+1].Kind == document.Quote
	}
	return false
}

// inQuotation reports whether token i lies inside a closed quotation (an
// unclosed one may be a stray mark, and proves nothing).
func (a *analysis) inQuotation(i int) bool {
	off := a.toks[i].Start
	for _, q := range a.doc.Quotations {
		if q.Inner.Start > off {
			break
		}
		if off < q.Inner.End && q.Closed {
			return true
		}
	}
	return false
}

// nounCues finds attributions made by a noun of a document and a clause:
// "a report that C", "claims that C".
func (a *analysis) nounCues(si int, hits []hit) []hit {
	s := a.doc.Sentences[si]
	var out []hit
	for i := s.First + 1; i+1 < s.Last; i++ {
		if a.lower[i+1] != "that" || a.kb.SourceNouns[a.lower[i]] != "document" || a.kb.Words[a.lower[i-1]] != knowledge.Det {
			continue
		}
		taken := false
		for _, h := range hits {
			if h.start <= i && i < h.end {
				taken = true
			}
		}
		if !taken && !a.inQuotation(i) {
			out = append(out, hit{i, i + 1, knowledge.Cue{Lemma: a.lower[i], Stance: "asserted", Kind: "noun"}})
		}
	}
	return out
}

func sortHits(h []hit) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j].start < h[j-1].start; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

// nounUse reports whether the cue word at i is used as a noun ("the
// report", "his claims"), not as a verb.
func (a *analysis) nounUse(i, first int) bool {
	if i == first {
		return false
	}
	p := a.lower[i-1]
	switch a.kb.Words[p] {
	case knowledge.Det:
		return p != "that" && p != "both" && p != "neither" && p != "all" && p != "each"
	}
	return false
}

// read works out the source and the content's side of one cue.
func (a *analysis) read(si int, h hit, hits []hit, k int, prev []*claim) *claim {
	s := a.doc.Sentences[si]
	c := &claim{h: h, inherit: -1}
	switch h.cue.Kind {
	case "prep":
		return a.readAccording(si, c)
	case "passive":
		c.content = [2]int{a.clauseStart(si, h.start, prev), h.start}
		c.srcKind = "outlet"
		return c
	case "noun":
		// "a report that C": the noun phrase is the source
		c.src = [2]int{h.start - 1, h.end}
		c.srcKind = "document"
		c.content = [2]int{h.end + 1, s.Last}
		return c
	case "impersonal":
		j := h.end
		if j < s.Last && a.lower[j] == "that" {
			j++
		}
		c.content = [2]int{j, s.Last}
		c.srcKind = "outlet"
		return c
	}
	// an -ing cue after a comma, with no subject of its own, shares the
	// source of the claim before it: "…, suggesting that C"; so does a cue
	// after "and", "but" or "then": "X said C1 and said C2", "X voted and
	// says C"
	coord := a.coordinated(s.First, h.start)
	if (coord || strings.HasSuffix(a.lower[h.start], "ing") && h.start > s.First && a.words[h.start-1] == ",") && len(prev) > 0 {
		c.inherit = len(prev) - 1
		c.src = prev[len(prev)-1].src
	} else if coord {
		c.src = a.clauseSubject(si)
		if c.src[0] == c.src[1] {
			return nil
		}
	} else if src, ok := a.invertedSource(si, h); ok {
		c.src = src
		c.before = true
	} else {
		c.src = a.sourceBefore(si, h.start)
		if c.src[0] == c.src[1] && strings.HasSuffix(a.lower[h.start], "ing") && h.start > s.First && a.words[h.start-1] == "," {
			// "Sanders denounced the attacks, saying C": the subject of
			// the sentence says it
			c.src = a.clauseSubject(si)
		}
		if c.src[0] == c.src[1] {
			return nil
		}
	}
	if h.cue.Kind == "refusal" || a.negatedSource(c.src) {
		c.h.cue.Stance = "declined"
		c.h.cue.Kind = "refusal"
		return c
	}
	if c.before {
		c.content = [2]int{a.clauseStart(si, h.start, prev), h.start}
		return c
	}
	j := a.afterCue(si, c)
	c.tail = j
	if q, ok := a.quoteBefore(si, c.src[0]); ok {
		if j < s.Last && a.toks[j].Kind == document.Quote || a.quoteResumes(j, s.Last) {
			// "“C1,” X said, “C2.”": the content is both parts
			c.content = [2]int{q, s.Last}
		} else {
			// "“C,” X said, adding …": the quotation is the content
			c.content = [2]int{q, c.src[0]}
			if cs := a.clauseStart(si, q, prev); a.leadsInto(cs, q) {
				// "… send a clear message that a top priority ‘is
				// increasing taxes,’ X said": the quotation ends the content
				c.content[0] = cs
			}
		}
		c.before = true
		return c
	}
	if j >= s.Last || a.onlyPunct(j, s.Last) || a.shortTail(j, s.Last) {
		// "C, X said." — the content is what came before the source
		c.before = true
		c.content = [2]int{a.clauseStart(si, c.src[0], prev), c.src[0]}
		return c
	}
	if h.cue.Kind == "thatverb" && !a.clauseFollows(j, s.Last) && !a.documentSource(c.src) {
		return nil // "maintains ties", "quoted a post": no reported clause
	}
	if a.lower[j] == "that" || a.lower[j] == ":" {
		j++
	}
	c.content = [2]int{j, s.Last}
	return c
}

// leadsInto reports whether the words in tokens [from, q) lead into the
// quotation that opens at q as part of one statement: there are at least
// three, and none is a quotation mark.
func (a *analysis) leadsInto(from, q int) bool {
	words := 0
	for k := from; k < q; k++ {
		if a.toks[k].Kind == document.Quote {
			return false
		}
		if a.toks[k].Kind == document.Word {
			words++
		}
	}
	return words >= 3
}

// quoteResumes reports whether, after a short phrase at j ("at a rally",
// "on Tuesday"), a comma and a quotation mark resume the quotation:
// "“C1,” X said at a rally, “C2.”".
func (a *analysis) quoteResumes(j, end int) bool {
	for k := j; k < end && k < j+8; k++ {
		if a.toks[k].Kind == document.Quote {
			return false
		}
		if a.words[k] == "," {
			return k+1 < end && a.toks[k+1].Kind == document.Quote
		}
	}
	return false
}

// documentSource reports whether a source is a document by its noun ("a
// poll", "the video"): what a document shows or finds is reported even
// with no clause after the cue ("a poll shows Sanders leading").
func (a *analysis) documentSource(src [2]int) bool {
	for k := src[0]; k < src[1]; k++ {
		if a.kb.SourceNouns[a.lower[k]] == "document" {
			return true
		}
	}
	return false
}

// quoteBefore reports whether a closed quotation ends right before token
// i (a comma between allowed), and returns its first token.
func (a *analysis) quoteBefore(si, i int) (int, bool) {
	s := a.doc.Sentences[si]
	k := i - 1
	for k >= s.First && a.words[k] == "," {
		k--
	}
	if k < s.First || a.toks[k].Kind != document.Quote {
		return 0, false
	}
	end := a.toks[k].End
	for _, q := range a.doc.Quotations {
		if q.Span.End == end && q.Closed {
			for t := s.First; t <= k; t++ {
				if a.toks[t].Start == q.Span.Start {
					return t, true
				}
			}
		}
	}
	return 0, false
}

// coordinated reports whether the cue at i follows "and", "but" or
// "then" (adverbs between allowed): its subject is further back.
func (a *analysis) coordinated(first, i int) bool {
	k := i - 1
	for k >= first && (a.kb.Words[a.lower[k]] == knowledge.Adv && a.lower[k] != "then" || a.kb.Words[a.lower[k]] == knowledge.Aux) {
		k-- // "and also said", "and are insisting"
	}
	if k < first {
		return false
	}
	w := a.lower[k]
	return w == "and" || w == "but" || w == "then" || w == "yet"
}

// clauseSubject returns the subject at the start of a sentence: a pronoun,
// or a determiner and capitalised words ("The Arizona Republican"), up to
// the first word in lower case.
func (a *analysis) clauseSubject(si int) [2]int {
	s := a.doc.Sentences[si]
	k := s.First
	for k < s.Last && a.toks[k].Kind == document.Quote {
		k++
	}
	start := k
	if k < s.Last && a.kb.Words[a.lower[k]] == knowledge.Pron {
		return [2]int{k, k + 1}
	}
	if k < s.Last && a.kb.Words[a.lower[k]] == knowledge.Det {
		k++
	}
	n := k
	for n < s.Last && n < k+6 && (a.isCap(n) || a.lower[n] == "’s" || a.lower[n] == "'s") && a.kb.Words[a.lower[n]] == knowledge.NoClass {
		n++
	}
	if n == k && k > start {
		// "The governor", "The ministry": a title, a role or a source noun
		if m, _ := a.kb.Titles.Match(a.lower[:s.Last], k); m > 0 {
			n = k + m
		} else if m, _ := a.kb.Agents.Match(a.lower[:s.Last], k); m > 0 {
			n = k + m
		} else if a.kb.SourceNouns[a.lower[k]] != "" {
			n = k + 1
		}
	}
	if n == k {
		return [2]int{start, start}
	}
	return [2]int{start, n}
}

// clauseWords open a reported question or condition after "asked",
// "wondered" and the like.
var clauseWords = map[string]bool{"whether": true, "if": true, "why": true, "how": true, "what": true, "when": true, "where": true, "who": true}

// clauseFollows reports whether a reported clause starts at j: "that", a
// colon, a question word, or a quotation in what follows.
func (a *analysis) clauseFollows(j, end int) bool {
	if a.lower[j] == "that" || a.lower[j] == ":" || clauseWords[a.lower[j]] {
		return true
	}
	// "rejected a report that C", "denied claims that C"
	for k := j + 1; k < end && k < j+5; k++ {
		if a.isPunct(k) {
			break
		}
		if a.lower[k] == "that" && (a.kb.SourceNouns[a.lower[k-1]] != "" || a.kb.CueNouns[a.lower[k-1]]) {
			return true
		}
	}
	for k := j; k < end; k++ {
		if a.toks[k].Kind == document.Quote {
			return true
		}
	}
	return false
}

// readAccording reads "according to X, C" and "C, according to X".
func (a *analysis) readAccording(si int, c *claim) *claim {
	s := a.doc.Sentences[si]
	start := c.h.end
	end := start
	for end < s.Last && !a.isPunct(end) {
		end++
	}
	if end == start {
		return nil
	}
	c.src = [2]int{start, end}
	// what is left after the source's comma, and what came before "according to"
	after := [2]int{end, s.Last}
	if end < s.Last && a.words[end] == "," {
		after[0] = end + 1
	}
	before := [2]int{a.clauseStart(si, c.h.start, nil), c.h.start}
	if a.words[after[0]:after[1]] != nil && wordCount(a, after) > wordCount(a, before) {
		c.content = after
	} else {
		c.content = before
		c.before = true
	}
	return c
}

func wordCount(a *analysis, r [2]int) int {
	n := 0
	for i := r[0]; i < r[1]; i++ {
		if a.toks[i].Kind == document.Word || a.toks[i].Kind == document.Number {
			n++
		}
	}
	return n
}

// negatedSource reports whether a source denies itself a statement:
// "Neither the Cuban nor the Venezuelan governments responded".
func (a *analysis) negatedSource(src [2]int) bool {
	if src[0] == src[1] {
		return false
	}
	w := a.lower[src[0]]
	return w == "neither" || w == "none" || w == "nobody" || w == "no"
}

// afterCue returns the first token of the content after the cue: past an
// addressee ("told Reuters"), phrases such as "in a statement" or "on
// Twitter", and time expressions. It records via and a document kind.
func (a *analysis) afterCue(si int, c *claim) int {
	s := a.doc.Sentences[si]
	j := c.h.end
	for guard := 0; j < s.Last && guard < 6; guard++ {
		w := a.lower[j]
		switch {
		case w == "by" && j+1 < s.Last && strings.HasSuffix(a.lower[j+1], "ing"):
			// "concluded by noting that"
			if n, _ := a.kb.Cues.Match(a.lower[:s.Last], j+1); n > 0 {
				j += 1 + n
				continue
			}
		case w == "to" && j+1 < s.Last:
			// "stated to Reuters", "suggested to reporters"
			if n, kind := a.kb.Outlets.Match(a.words[:s.Last], j+1); n > 0 && kind == "outlet" {
				c.via = append(c.via, strings.Join(a.words[j+1:j+1+n], " "))
				j += 1 + n
				continue
			}
			if j+1 < s.Last && (a.lower[j+1] == "reporters" || a.lower[j+1] == "journalists") {
				j += 2
				continue
			}
		case w == "in" || w == "on" || w == "via" || w == "through":
			if n, ok := a.channel(c, j, s.Last); ok {
				j += n
				continue
			}
			if n := a.timePhrase(j, s.Last); n > 0 {
				j += n
				continue
			}
		case w == "late" || w == "early" || w == "earlier" || w == "last" || w == "this" || w == "yesterday" || w == "today" || a.kb.Words[w] == knowledge.Time:
			if n := a.timePhrase(j, s.Last); n > 0 {
				j += n
				continue
			}
		case w == ",":
			// ", in a statement," or ", on Tuesday,"
			if j+1 < s.Last {
				if n, ok := a.channel(c, j+1, s.Last); ok {
					j += 1 + n
					continue
				}
			}
		}
		if c.h.cue.Lemma == "tell" && j == c.h.end {
			if n := a.addressee(c, j, s.Last); n > 0 {
				j += n
				continue
			}
		}
		break
	}
	for j < s.Last && a.words[j] == "," {
		j++
	}
	return j
}

// addressee skips whom a source told: an outlet (recorded in via),
// "reporters", a pronoun, or a name up to "that".
func (a *analysis) addressee(c *claim, j, end int) int {
	if n, kind := a.kb.Outlets.Match(a.words[:end], j); n > 0 && kind == "outlet" {
		c.via = append(c.via, strings.Join(a.words[j:j+n], " "))
		return n
	}
	switch a.words[j] {
	case "reporters", "journalists", "him", "her", "them", "me", "us", "parliament", "lawmakers", "Parliament", "Congress":
		return 1
	}
	// "told US media its forces …": a short noun phrase ending in an outlet noun
	for k := j; k < end && k < j+4; k++ {
		if a.kb.SourceNouns[a.lower[k]] == "outlet" {
			c.via = append(c.via, strings.Join(a.words[j:k+1], " "))
			return k + 1 - j
		}
		if a.isPunct(k) || a.lower[k] == "that" {
			break
		}
	}
	// a name or a noun phrase, up to "that" within a few words
	for k := j; k < end && k < j+12; k++ {
		if a.lower[k] == "that" {
			np := [2]int{j, k}
			if g := a.genericOutlet(np); g != "" {
				c.via = append(c.via, g)
			}
			return k - j
		}
		if a.isPunct(k) || a.toks[k].Kind == document.Quote {
			break
		}
	}
	// a capitalised name ("told President Jacob Zuma …", "told the Senate
	// Foreign Relations Committee …")
	k := j
	if k < end && a.lower[k] == "the" {
		k++
	}
	n := k
	for n < end && a.isCap(n) && a.kb.Words[a.lower[n]] == knowledge.NoClass {
		n++
	}
	if n == k {
		return 0
	}
	return n - j
}

// genericOutlet returns the text of np when it names an outlet.
func (a *analysis) genericOutlet(np [2]int) string {
	if np[0] >= np[1] {
		return ""
	}
	start := np[0]
	if a.lower[start] == "the" {
		start++
	}
	if n, kind := a.kb.Outlets.Match(a.words[:np[1]], start); n > 0 && kind == "outlet" && start+n == np[1] {
		return strings.Join(a.words[start:np[1]], " ")
	}
	if a.kb.SourceNouns[a.lower[np[1]-1]] == "outlet" {
		return strings.Join(a.words[np[0]:np[1]], " ")
	}
	return ""
}

// channel reads "in a statement", "in a post on Truth Social", "on
// Twitter", "in an interview with the BBC" at j, recording what they say of
// the source; it returns the number of tokens read.
func (a *analysis) channel(c *claim, j, end int) (int, bool) {
	w := a.lower[j]
	if (w == "on" || w == "via" || w == "through") && j+1 < end {
		if n, kind := a.kb.Outlets.Match(a.words[:end], j+1); n > 0 {
			c.via = append(c.via, strings.Join(a.words[j+1:j+1+n], " "))
			if kind == "platform" {
				c.srcKind = "document"
			}
			return 1 + n, true
		}
	}
	if w != "in" || j+2 >= end {
		return 0, false
	}
	k := j + 1
	if a.kb.Words[a.lower[k]] == knowledge.Det {
		k++
	}
	// adjectives before the noun: "in a written statement"
	for k < end && k < j+5 && a.kb.SourceNouns[a.lower[k]] == "" && a.lower[k] != "interview" && !a.isPunct(k) {
		k++
	}
	if k >= end {
		return 0, false
	}
	noun := a.lower[k]
	switch {
	case a.kb.SourceNouns[noun] == "document":
		c.srcKind = "document"
		k++
		// "in a post on Truth Social", "in a statement on its website"
		if k+1 < end && (a.lower[k] == "on" || a.lower[k] == "to") {
			if n, kind := a.kb.Outlets.Match(a.words[:end], k+1); n > 0 {
				c.via = append(c.via, strings.Join(a.words[k+1:k+1+n], " "))
				_ = kind
				k += 1 + n
			}
		}
		return k - j, true
	case noun == "interview":
		k++
		if k+1 < end && a.lower[k] == "with" {
			if n, kind := a.kb.Outlets.Match(a.words[:end], k+1); n > 0 && kind == "outlet" {
				c.via = append(c.via, strings.Join(a.words[k+1:k+1+n], " "))
				k += 1 + n
			}
		}
		return k - j, true
	}
	return 0, false
}

// timePhrase returns the length of a time expression at j ("on Tuesday",
// "late on Wednesday", "last week", "earlier this month", "on January 3").
func (a *analysis) timePhrase(j, end int) int {
	k := j
	for k < end && k < j+5 {
		w := a.lower[k]
		switch {
		case w == "on" || w == "late" || w == "early" || w == "earlier" || w == "last" || w == "this" || w == "next" || w == "in" && k+1 < end && a.isMonth(a.lower[k+1]):
			k++
			continue
		case a.kb.Words[w] == knowledge.Time || a.isMonth(w) || w == "week" || w == "month" || w == "year" || w == "night" || w == "morning" || w == "afternoon" || w == "evening":
			k++
			continue
		case a.toks[k].Kind == document.Number && k > j:
			k++
			continue
		}
		break
	}
	// a time phrase must hold a word of time, not just "on" or "last"
	for i := j; i < k; i++ {
		w := a.lower[i]
		if a.kb.Words[w] == knowledge.Time || a.isMonth(w) || w == "week" || w == "month" || w == "year" || w == "night" || w == "morning" || w == "afternoon" || w == "evening" || w == "earlier" {
			return k - j
		}
	}
	return 0
}

// isMonth reports whether w (in lower case) names a month.
func (a *analysis) isMonth(w string) bool { return a.kb.TimeWords.At(w).Kind == "month" }

// clauseStart returns where content that comes before position end
// starts: the sentence start, or just after the last claim of the sentence
// that ends before end.
func (a *analysis) clauseStart(si, end int, prev []*claim) int {
	start := a.datelineEnd(si)
	for _, c := range prev {
		last := max(c.h.end, c.src[1])
		if !c.before && c.content[1] > last {
			last = c.content[1]
		}
		if last <= end && last > start {
			start = last
		}
	}
	return start
}

// tailPreps open the short phrases that may follow a cue at the end of a
// sentence: "said at the time", "said during a hearing", "said without
// further comment".
var tailPreps = map[string]bool{"at": true, "on": true, "in": true, "during": true, "without": true, "after": true, "before": true, "with": true, "from": true, "to": true, "by": true, "of": true, "for": true}

// shortTail reports whether tokens [j, end) are a short phrase that closes
// the sentence after a cue, with no clause of its own.
func (a *analysis) shortTail(j, end int) bool {
	words := 0
	for k := j; k < end; k++ {
		if a.toks[k].Kind == document.Quote || a.lower[k] == "that" || a.lower[k] == ":" {
			return false
		}
		if a.toks[k].Kind == document.Word || a.toks[k].Kind == document.Number {
			words++
		}
	}
	if words > 5 || words == 0 {
		return false
	}
	return tailPreps[a.lower[j]] || a.kb.Words[a.lower[j]] == knowledge.Time || a.lower[j] == ","
}

// datelineEnd returns the first token after a dateline that opens the
// sentence ("CARACAS, Jan 28 (Reuters) - "), or the sentence's first token.
func (a *analysis) datelineEnd(si int) int {
	s := a.doc.Sentences[si]
	if s.Last-s.First < 4 || !isAllCapsWord(a.words[s.First]) {
		return s.First
	}
	for k := s.First + 1; k < s.Last && k < s.First+14; k++ {
		if w := a.words[k]; w == "-" || w == "—" || w == "–" || w == "--" {
			return k + 1
		}
	}
	return s.First
}

func isAllCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// onlyPunct reports whether tokens [i, j) are all punctuation or quotation marks.
func (a *analysis) onlyPunct(i, j int) bool {
	for k := i; k < j; k++ {
		if a.toks[k].Kind == document.Word || a.toks[k].Kind == document.Number {
			return false
		}
	}
	return true
}

func (a *analysis) isPunct(i int) bool {
	return a.toks[i].Kind == document.Punct && a.words[i] != "&"
}

func (a *analysis) isCap(i int) bool { return document.Capitalised(a.words[i]) }
