package attribution

import (
	"strconv"
	"strings"

	"herodot/document"
	"herodot/knowledge"
)

// maxSource is the longest source phrase, in tokens, read back from a cue.
const maxSource = 16

// sourceBefore finds the source of a cue at pos by reading back from it:
// past adverbs and auxiliaries ("further stated", "has also said"), past a
// verb and "to" ("strived to emphasize"), over an appositive between
// commas ("X, a professor at Y, said"), and through the noun phrase until a
// clause boundary. It returns the token range, empty when there is none.
func (a *analysis) sourceBefore(si, pos int) [2]int {
	first := a.doc.Sentences[si].First
	none := [2]int{pos, pos}
	i := a.skipVerbGroup(first, pos-1)
	if i > first && a.lower[i] == "to" && a.kb.Words[a.lower[i-1]] == knowledge.NoClass && !a.isCap(i-1) && !a.isPunct(i-1) {
		i = a.skipVerbGroup(first, i-2)
	}
	// "the source, who said …": the source is what the relative pronoun
	// stands for
	if i > first && (a.lower[i] == "who" || a.lower[i] == "which") && a.words[i-1] == "," {
		i -= 2
	}
	// "Sen. Mitch McConnell (R-Ky.) said": a bracket before the cue
	if i > first && a.words[i] == ")" {
		for k := i - 1; k > first && k > i-8; k-- {
			if a.words[k] == "(" {
				i = k - 1
				break
			}
		}
	}
	if i < first {
		return none
	}
	if a.words[i] != "," && !isDash(a.words[i]) {
		r, _ := a.collectNP(first, i)
		if r[0] >= r[1] {
			return none
		}
		return [2]int{a.trimLead(r[0], r[1]), r[1]}
	}
	// the cue follows a comma: an appositive stands between it and the
	// source. Try the commas that could open it, nearest first, and take
	// the first whose noun phrase ends cleanly.
	for _, p := range a.appositiveOpenings(first, i) {
		r, clean := a.collectNP(first, a.skipVerbGroup(first, p-1))
		if clean && r[0] < r[1] {
			return [2]int{a.trimLead(r[0], r[1]), r[1]}
		}
	}
	// "the F.B.I. director, James B. Comey, said": a name in apposition to
	// a role is part of the source
	if p := a.prevComma(first, i); p > first && a.bareName(p+1, i) && !a.isCap(p-1) && a.toks[p-1].Kind == document.Word {
		if r, clean := a.collectNP(first, p-1); clean && r[0] < r[1] {
			return [2]int{a.trimLead(r[0], r[1]), i}
		}
	}
	return none
}

// collectNP reads a noun phrase back from token i and returns its range.
// clean reports whether it stopped at a boundary a source may start at
// (the sentence start, punctuation, a clause word), not inside a clause
// (an auxiliary, a verb of saying) or at the length limit.
func (a *analysis) collectNP(first, i int) ([2]int, bool) {
	end := i + 1
	start := end
	for k := i; k >= first; k-- {
		w := a.lower[k]
		if a.toks[k].Kind == document.Quote || a.isPunct(k) {
			return [2]int{start, end}, true
		}
		switch a.kb.Words[w] {
		case knowledge.Sub:
			return [2]int{start, end}, true
		case knowledge.Aux:
			return [2]int{start, end}, false
		case knowledge.Conj:
			// "Hungarian and Romanian officials", "neither the Cuban nor the
			// Venezuelan governments"; not "it withdrew and officials said"
			if k == first || !(a.isCap(k-1) || a.pairedConj(first, k)) || start == end {
				return [2]int{start, end}, true
			}
		}
		if n, cue := a.kb.Cues.Match(a.lower, k); n > 0 && (cue.Kind == "verb" || cue.Kind == "thatverb") && k+n <= start &&
			!strings.HasSuffix(w, "ing") && !a.nounUse(k, first) && !(n == 1 && a.kb.CueNouns[w] && !a.verbal(a.doc.SentenceAt(a.toks[k].Start), k)) &&
			!a.participle(first, k, n) {
			return [2]int{start, end}, false
		}
		start = k
		if end-start >= maxSource {
			return [2]int{start, end}, false
		}
	}
	return [2]int{start, end}, true
}

// appositiveOpenings returns, nearest first, the commas (or dashes) before
// the comma at k that could open an appositive or a parenthetical closed
// at k ("X, an associate professor at Y, told"; "Other sources, however,
// could not").
func (a *analysis) appositiveOpenings(first, k int) []int {
	var out []int
	if p := k - 2; p > first && a.words[p] == "," {
		if c := a.kb.Words[a.lower[k-1]]; c == knowledge.Sub || c == knowledge.Adv {
			return []int{p} // one word: ", however,"
		}
	}
	for p := k - 1; p >= first && p > k-40; p-- {
		w := a.words[p]
		if a.toks[p].Kind == document.Quote {
			break
		}
		if w != "," && !isDash(w) || p == k-1 || p == first {
			continue
		}
		after := a.isCap(p-1) || a.kb.SourceNouns[a.lower[p-1]] == "anonymous" || a.words[p-1] == ")"
		if after && a.opensAppositive(p+1, k) {
			out = append(out, p)
		}
	}
	return out
}

// skipVerbGroup moves back from i over adverbs, auxiliaries and
// negation, returning the index of the first token that is none of them.
func (a *analysis) skipVerbGroup(first, i int) int {
	for i >= first {
		w := a.lower[i]
		c := a.kb.Words[w]
		if c == knowledge.Adv || c == knowledge.Aux || w == "not" || w == "n't" || w == "never" {
			i--
			continue
		}
		break
	}
	return i
}

// opensAppositive reports whether tokens [i, k) can be an appositive: a
// description ("a professor at Y", "who …", "former …", "Mrs. Obama's
// chief of staff") rather than a name standing alone ("In Caracas, Ana
// Ruiz, …": "Ana Ruiz" is the source, not a description of Caracas).
func (a *analysis) opensAppositive(i, k int) bool {
	w := a.lower[i]
	if a.kb.Words[w] == knowledge.Det || w == "who" || w == "which" || w == "whose" || w == "former" || w == "then" || !a.isCap(i) {
		return true
	}
	// capitalised: a description has a word in lower case before any comma
	for j := i; j < k; j++ {
		if a.words[j] == "," || isDash(a.words[j]) {
			return false
		}
		if !a.isCap(j) && a.toks[j].Kind == document.Word {
			return true
		}
	}
	return false
}

// bareName reports whether tokens [i, k) are a name alone, as in "the
// F.B.I. director, James B. Comey, said".
func (a *analysis) bareName(i, k int) bool {
	if i >= k {
		return false
	}
	for j := i; j < k; j++ {
		if !a.isCap(j) || a.kb.Words[a.lower[j]] != knowledge.NoClass {
			return false
		}
	}
	return true
}

func isDash(w string) bool { return w == "—" || w == "–" || w == "―" || w == "-" || w == "--" }

// trimLead drops a leading preposition phrase from a source read back
// from its cue ("In May the minister" → "the minister") and a leading
// conjunction.
func (a *analysis) trimLead(start, end int) int {
	if a.kb.Words[a.lower[start]] == knowledge.Conj && start+1 < end {
		start++
	}
	if a.kb.Words[a.lower[start]] != knowledge.Prep {
		return start
	}
	// "In January Secretary of State …": a time after the preposition
	if k := start + 1; k < end-1 && (a.isMonth(a.lower[k]) || a.kb.Words[a.lower[k]] == knowledge.Time || a.toks[k].Kind == document.Number) {
		k++
		for k < end-1 && a.toks[k].Kind == document.Number {
			k++
		}
		return k
	}
	for k := start + 1; k < end-1; k++ {
		if a.kb.Words[a.lower[k]] == knowledge.Det || a.kb.Words[a.lower[k]] == knowledge.Pron {
			return k
		}
	}
	return start
}

// invertedSource reads the source after a cue in "“C,” said X" or
// "C, says X, a professor at Y.".
func (a *analysis) invertedSource(si int, h hit) ([2]int, bool) {
	s := a.doc.Sentences[si]
	if h.start == s.First || h.end >= s.Last || h.cue.Lemma == "tell" {
		return [2]int{}, false
	}
	p := a.words[h.start-1]
	if p != "," && a.toks[h.start-1].Kind != document.Quote {
		return [2]int{}, false
	}
	j := h.end
	w := a.lower[j]
	if !(a.isCap(j) || a.kb.Words[w] == knowledge.Det || a.kb.Words[w] == knowledge.Pron) || w == "that" {
		return [2]int{}, false
	}
	k := j
	for k < s.Last && k < j+10 {
		w := a.lower[k]
		if a.isPunct(k) || a.toks[k].Kind == document.Quote || a.kb.Words[w] == knowledge.Sub || a.kb.Words[w] == knowledge.Time {
			break
		}
		if (w == "on" || w == "in") && k > j || a.kb.Words[w] == knowledge.Aux {
			break
		}
		k++
	}
	if k == j || k-j > 8 {
		return [2]int{}, false
	}
	// the source closes the clause: what follows is the end, a comma (an
	// appositive), a relative clause, or a time or channel phrase, never
	// more of a clause
	if k < s.Last && !a.isPunct(k) && a.lower[k] != "on" && a.lower[k] != "in" && a.kb.Words[a.lower[k]] != knowledge.Time &&
		a.lower[k] != "who" && a.lower[k] != "whose" {
		return [2]int{}, false
	}
	return [2]int{j, k}, true
}

// pronouns that stand for a source named earlier.
var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true}

// classify returns the kind of a source: outlet, document, anonymous or
// named ("pronoun" for a pronoun, resolved later).
func (a *analysis) classify(src [2]int) string {
	if src[1]-src[0] == 1 && pronouns[a.lower[src[0]]] {
		return "pronoun"
	}
	start := src[0]
	if a.lower[start] == "the" {
		start++
	}
	if start < src[1] {
		if n, kind := a.kb.Outlets.Match(a.words[:src[1]], start); n > 0 && kind == "outlet" && start+n == src[1] {
			return "outlet"
		}
	}
	if kind := a.kb.SourceNouns[a.lower[a.head(src)]]; kind != "" {
		return kind
	}
	return "named"
}

// head returns the index of a source's head word: the word before its
// first modifier that follows a noun ("sources familiar with …",
// "forecasts from …"), else its last word.
func (a *analysis) head(src [2]int) int {
	for k := src[0] + 1; k < src[1]; k++ {
		w := a.lower[k]
		// "reports seen by Reuters": a participle opens a modifier
		if k+1 < src[1] && a.lower[k+1] == "by" && !a.isCap(k) && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) {
			return k - 1
		}
		if (a.kb.Words[w] == knowledge.Prep || a.kb.Words[w] == knowledge.Sub) && !a.isCap(k-1) {
			return k - 1
		}
		if a.kb.Words[w] == knowledge.Prep && a.kb.SourceNouns[a.lower[k-1]] != "" {
			return k - 1
		}
	}
	last := src[1] - 1
	for last > src[0] && a.toks[last].Kind != document.Word {
		last--
	}
	return last
}

// count returns how many sources a source phrase claims: a number before
// its head ("11 sources", "two sources", "a source"), 2 for "both" and
// "neither … nor", none for a plural without a number, else 1.
func (a *analysis) count(src [2]int, kind string) *int {
	one := func(n int) *int { return &n }
	h := a.head(src)
	for k := src[0]; k <= h && k < src[1]; k++ {
		w := a.lower[k]
		if w == "neither" || w == "both" {
			return one(2)
		}
		if a.toks[k].Kind == document.Number {
			if n, err := strconv.Atoi(strings.ReplaceAll(w, ",", "")); err == nil && n > 0 {
				return one(n)
			}
		}
		if n, ok := a.kb.Numbers.Get(w); ok && k < h {
			return one(n)
		}
	}
	if kind == "pronoun" {
		if a.lower[src[0]] == "they" || a.lower[src[0]] == "we" {
			return nil
		}
		return one(1)
	}
	if isPlural(a.lower[h]) && (!a.isCap(h) || a.kb.SourceNouns[a.lower[h]] != "") {
		return nil
	}
	return one(1)
}

// isPlural guesses whether a lower-case noun is plural.
func isPlural(w string) bool {
	switch w {
	case "people", "police", "media", "staff", "data", "figures", "sources":
		return true
	case "news", "analysis", "series", "press", "us", "bus", "status", "campus", "crisis", "basis":
		return false
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// prevComma returns the index of the comma before k in the sentence, or -1.
func (a *analysis) prevComma(first, k int) int {
	for p := k - 1; p >= first && p > k-12; p-- {
		if a.words[p] == "," {
			return p
		}
	}
	return -1
}

// pairedConj reports whether the conjunction at k pairs with "neither",
// "either" or "both" a few words before it ("neither the army nor the
// rebels").
func (a *analysis) pairedConj(first, k int) bool {
	for p := k - 1; p >= first && p > k-6; p-- {
		switch a.lower[p] {
		case "neither", "either", "both":
			return true
		}
		if a.isPunct(p) {
			return false
		}
	}
	return false
}

// participle reports whether a cue word of n tokens at k modifies the noun
// before it ("the group blamed for the attack", "the official quoted by
// the paper"): a noun before, a preposition after, no auxiliary.
func (a *analysis) participle(first, k, n int) bool {
	if k == first || k+n >= len(a.lower) || !strings.HasSuffix(a.lower[k], "ed") {
		return false
	}
	switch a.lower[k+n] {
	case "for", "by", "of", "as", "in", "with":
	default:
		return false
	}
	p := a.lower[k-1]
	c := a.kb.Words[p]
	return c == knowledge.NoClass && !a.isPunct(k-1)
}
