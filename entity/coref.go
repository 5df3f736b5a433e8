package entity

import (
	"strings"

	"herodot/document"
)

// corefer adds the mentions that refer back without a name: a personal
// pronoun ("he said"), "it" for an organisation, "the country", "his
// country", "the group", and a role noun with "the" ("the priest") that
// matches a person's title. Each goes to the nearest fitting entity
// mentioned before it, within the last few sentences.
func (x *extractor) corefer() {
	named := len(x.ms)
	for si, s := range x.doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			w := x.lower[i]
			switch {
			case w == "he" || w == "she" || w == "him":
				not := sexFemale
				if w == "she" {
					not = sexMale
				}
				if e := x.recent(si, i, named, func(en entity) bool { return en.typ == "PERSON" && x.sexOf(en) != not }); e >= 0 {
					x.refer(si, [2]int{i, i + 1}, e)
				}
			case w == "it" && !x.expletive(i):
				if e := x.recent(si, i, named, func(en entity) bool { return en.typ == "ORG" }); e >= 0 {
					x.refer(si, [2]int{i, i + 1}, e)
				}
			case (w == "the" || w == "his" || w == "her" || w == "its") && i+1 < s.Last:
				x.definite(si, i, named)
			}
		}
	}
}

// definite handles "the country", "his country", "the (armed) group" and
// "the <role>" at token i.
func (x *extractor) definite(si, i, named int) {
	s := x.doc.Sentences[si]
	j := i + 1
	if j+1 < s.Last && (x.lower[j] == "armed" || x.lower[j] == "militant" || x.lower[j] == "rebel") {
		j++
	}
	noun := x.lower[j]
	switch {
	case noun == "country" && (x.lower[i] == "his" || x.lower[i] == "her"):
		// the country of the person last mentioned
		if p := x.recent(si, i, named, func(en entity) bool { return en.typ == "PERSON" && en.country != "" }); p >= 0 {
			if e := x.countryEntity(x.ents[p].country); e >= 0 {
				x.refer(si, [2]int{i, j + 1}, e)
			}
		}
	case noun == "country" && x.lower[i] == "the":
		if e := x.recent(si, i, named, func(en entity) bool { return en.typ == "GPE" && len(en.code) == 3 }); e >= 0 {
			x.refer(si, [2]int{i, j + 1}, e)
		}
	case noun == "group" && x.lower[i] == "the":
		// "the group" is an armed group or a party, not an agency or a union of states
		isGroup := func(en entity) bool {
			s := en.sector
			if s == "" {
				s = codeSector(en.code)
			}
			return en.typ == "ORG" && (s == "REB" || s == "PTY") && !strings.HasPrefix(en.code, "IGO")
		}
		if e := x.recentWithin(si, i, 5, isGroup); e >= 0 {
			x.refer(si, [2]int{i, j + 1}, e)
		}
	case x.lower[i] == "the" && x.age(j, s.Last) > 0:
		// "the 93-year-old": the person last named
		if e := x.recent(si, i, named, func(en entity) bool { return en.typ == "PERSON" }); e >= 0 {
			x.refer(si, [2]int{i, j + x.age(j, s.Last)}, e)
		}
	case x.lower[i] == "the" && !x.isCap(j):
		if n, _ := x.kb.Agents.Match(x.lower[:s.Last], j); n > 0 {
			title := x.join([2]int{j, j + n})
			if e := x.titleHolder(len(x.ms), title); e >= 0 {
				x.refer(si, [2]int{i, j + n}, e)
			}
		}
	}
}

// age returns how many tokens from j say a person's age as a noun
// ("93-year-old", "93 year-old"), or 0.
func (x *extractor) age(j, last int) int {
	w := x.lower[j]
	if n := strings.TrimSuffix(w, "-year-old"); n != w && n != "" && strings.Trim(n, "0123456789") == "" {
		return 1
	}
	if j+1 < last && x.toks[j].Kind == document.Number && x.lower[j+1] == "year-old" {
		return 2
	}
	return 0
}

// expletive reports whether "it" at i stands for nothing: "it was not
// possible to", "it is likely that".
func (x *extractor) expletive(i int) bool {
	if i+2 >= len(x.lower) {
		return false
	}
	n := x.lower[i+1]
	if n != "is" && n != "was" && n != "'s" && n != "’s" && n != "seems" && n != "appears" {
		return false
	}
	for k := i + 2; k < len(x.lower) && k < i+6; k++ {
		if x.lower[k] == "to" || x.lower[k] == "that" {
			return true
		}
	}
	return false
}

// recent returns the entity that a word at token i refers back to: of
// the mentions that ok accepts, in this sentence before i or in the two
// sentences before it, the first of the nearest sentence that has one (a
// subject is named before an object), pronouns already resolved included;
// -1 if none.
func (x *extractor) recent(si, i, _ int, ok func(entity) bool) int {
	return x.recentWithin(si, i, 2, ok)
}

func (x *extractor) recentWithin(si, i, window int, ok func(entity) bool) int {
	for s := si; s >= si-window && s >= 0; s-- {
		best, bestStart := -1, 1<<30
		for _, k := range x.mentionsIn(s) {
			m := x.ms[k]
			if m.ent < 0 || m.tok[1] > i || !ok(x.ents[m.ent]) {
				continue
			}
			if m.tok[0] < bestStart {
				best, bestStart = m.ent, m.tok[0]
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

func (x *extractor) countryEntity(code string) int {
	for e, en := range x.ents {
		if en.typ == "GPE" && en.code == code {
			return e
		}
	}
	return -1
}

// refer adds a mention of entity e over tokens r.
func (x *extractor) refer(si int, r [2]int, e int) {
	x.ms = append(x.ms, mention{tok: r, sent: si, ent: e, typ: "REF"})
	x.ents[e].mentions = append(x.ents[e].mentions, len(x.ms)-1)
	if x.bySent != nil && x.bySentN == len(x.ms)-1 {
		x.bySent[si] = append(x.bySent[si], len(x.ms)-1)
		x.bySentN++
	}
}

// sex is what a person's titles say of them: "Mr", "spokesman", "wife",
// "Queen". It keeps "she" from a man and "he" from a woman.
type sex uint8

const (
	sexUnknown sex = iota
	sexMale
	sexFemale
)

// sexOf reads a person's sex from the first of their title words that
// the knowledge base's title sexes know.
func (x *extractor) sexOf(en entity) sex {
	for _, t := range en.titles {
		for _, w := range strings.Fields(strings.ToLower(t)) {
			switch x.kb.TitleSexes[w] {
			case "male":
				return sexMale
			case "female":
				return sexFemale
			}
		}
	}
	// no title tells: the first name may ("Jacob Zuma")
	if f := strings.Fields(en.name); len(f) > 1 {
		switch x.kb.FirstNames[f[0]] {
		case "male":
			return sexMale
		case "female":
			return sexFemale
		}
	}
	return sexUnknown
}
