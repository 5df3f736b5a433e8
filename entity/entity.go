// Package entity is the pipeline stage that finds who and what a document
// names (PERSON, ORG, GPE, LOC, NORP), resolves the mentions of one
// referent into one entity, and gives each a CAMEO-style actor code.
//
// It reads capitalised runs of tokens and splits them with the knowledge
// base: countries, demonyms and capitals, institutions and metonyms
// (White House → USAGOV), outlets, titles and role nouns (with the sector
// they give), words that mark organisations and places. What is left is a
// name, typed by its words and its context. Within a document, a surname
// resolves to the most mentioned person of that name, an acronym to the
// organisation whose initials it is, a bare title ("the Foreign Minister")
// to the person who holds it.
package entity

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"herodot/document"
	"herodot/knowledge"
)

// Name is the stage's name in a pipeline.
const Name = "entity"

// Stage finds entities. The zero value uses the default knowledge base.
type Stage struct {
	KB *knowledge.Base
}

// Name returns "entity".
func (Stage) Name() string { return Name }

// Process sets doc.Entities. It needs the segment layer.
func (s Stage) Process(ctx context.Context, doc *document.Document) error {
	kb := knowledge.OrDefault(s.KB)
	x := newExtractor(doc, kb)
	for si := range doc.Sentences {
		if err := interrupted(ctx, si); err != nil {
			return err
		}
		x.sentence(si)
	}
	if err := x.resolve(ctx); err != nil {
		return err
	}
	x.corefer()
	doc.Entities = x.output()
	return nil
}

// interrupted checks, every so many steps of a long loop, whether the
// analysis was cancelled or ran out of time.
func interrupted(ctx context.Context, step int) error {
	if step%64 == 0 {
		return ctx.Err()
	}
	return nil
}

// mention is one naming of an entity in the text.
type mention struct {
	tok     [2]int // tokens of the name
	typ     string // PERSON, ORG, GPE, LOC, NORP; "" for a bare title or a pronoun
	name    string // canonical name: the country's name for a demonym
	code    string // actor code when the mention gives it (a country, an institution)
	country string // country code from context (a demonym before a title)
	sector  string // sector from a title, a role noun or an organisation word
	titles  []string
	sent    int
	ent     int // index into entities, -1 before resolution
	single  bool
	capital bool   // a capital used as a place
	canon   string // the shared name of an institution's several names
	guess   bool   // a place only by its preposition ("at Mugabe's house" is not one)
	kin     bool   // the surname was given by kinship ("his wife Grace"; see kinName)
}

type entity struct {
	typ      string
	name     string
	code     string
	country  string
	sector   string
	titles   []string
	mentions []int
	kin      bool // named with a kinsman's surname: a bare surname is not this one's
}

type extractor struct {
	doc   *document.Document
	kb    *knowledge.Base
	toks  []document.Token
	words []string
	lower []string
	ms    []mention
	ents  []entity
	main  *string // the document's main country, once counted
	// bySent indexes ms by sentence (when bySentN == len(ms)), so that
	// looking around a mention does not scan the whole document.
	bySent  map[int][]int
	bySentN int
	// orgFirst holds the first words of the organisation words, to pass
	// over names that hold none
	orgFirst map[string]bool
	forms    map[string][2]string // see orgForms
	// headline is set while a sentence in title case is read (see titleCase)
	headline bool
}

// mentionsIn returns the indexes in ms of sentence s's mentions.
func (x *extractor) mentionsIn(s int) []int {
	if x.bySent == nil || x.bySentN != len(x.ms) {
		x.bySent = make(map[int][]int, len(x.doc.Sentences))
		for i, m := range x.ms {
			x.bySent[m.sent] = append(x.bySent[m.sent], i)
		}
		x.bySentN = len(x.ms)
	}
	return x.bySent[s]
}

func newExtractor(doc *document.Document, kb *knowledge.Base) *extractor {
	x := &extractor{doc: doc, kb: kb, toks: doc.Tokens}
	x.words, x.lower = doc.Words(), doc.Lower()
	x.ms = make([]mention, 0, len(doc.Tokens)/8+4)
	return x
}

func (x *extractor) isCap(i int) bool { return document.Capitalised(x.words[i]) }

// connectors may join the capitalised words of one name
// ("Organization of American States", "Joint Chiefs of Staff").
var connectors = map[string]bool{"of": true, "for": true, "de": true, "del": true, "da": true, "al": true, "bin": true, "von": true, "van": true}

// sentence finds the mentions of sentence si.
func (x *extractor) sentence(si int) {
	s := x.doc.Sentences[si]
	x.headline = x.titleCase(si)
	for i := s.First; i < s.Last; i++ {
		if !x.nameStart(i) {
			continue
		}
		j := i + 1
		for j < s.Last {
			if x.nameWord(j) {
				j++
				continue
			}
			if connectors[x.lower[j]] && j+1 < s.Last && x.nameWord(j+1) && !x.kb.NotNames[x.words[j+1]] {
				j++
				continue
			}
			break
		}
		x.run(si, i, j)
		i = j - 1
	}
}

// nameStart reports whether a name may start at token i.
func (x *extractor) nameStart(i int) bool {
	return x.nameWord(i)
}

// nameWord reports whether token i can be part of a name: a capitalised
// word, or an acronym with digits (G40, MI6).
func (x *extractor) nameWord(i int) bool {
	t := x.toks[i]
	if t.Kind != document.Word && t.Kind != document.Number {
		return false
	}
	if t.Kind == document.Number {
		return false
	}
	return x.isCap(i)
}

// piece is a part of a capitalised run, as the knowledge base reads it.
type piece struct {
	kind  string // place, inst, outlet, title, region, name
	tok   [2]int
	place knowledge.Place
	inst  knowledge.Institution
	sect  string
}

// run splits the capitalised run [i, j) of sentence si into mentions.
func (x *extractor) run(si, i, j int) {
	s := x.doc.Sentences[si]
	// a run's first word at the start of a sentence, or after a quotation
	// mark, may be an ordinary word written with a capital
	for i < j && (x.kb.NotNames[x.words[i]] || x.kb.Words[x.lower[i]] != knowledge.NoClass && x.isSentenceStart(s, i)) {
		i++
	}
	for j > i && connectors[x.lower[j-1]] {
		j--
	}
	if i >= j || x.quotedAlone(i, j) {
		return
	}
	if x.wholeRun(si, i, j) {
		return
	}
	var pieces []piece
	for k := i; k < j; {
		p, n := x.lookup(k, j)
		if n == 0 {
			// a name word: join it to the name piece being built
			if len(pieces) > 0 && pieces[len(pieces)-1].kind == "name" && pieces[len(pieces)-1].tok[1] == k {
				pieces[len(pieces)-1].tok[1] = k + 1
			} else {
				pieces = append(pieces, piece{kind: "name", tok: [2]int{k, k + 1}})
			}
			k++
			continue
		}
		pieces = append(pieces, p)
		k += n
	}
	if x.headline {
		pieces = x.namesSeenElsewhere(si, pieces)
	}
	// "Interior Minister", "Health Secretary": a word before a title is part of it
	for k := 0; k+1 < len(pieces); k++ {
		if pieces[k].kind == "name" && pieces[k+1].kind == "title" && pieces[k].tok[1]-pieces[k].tok[0] == 1 && x.orgSector(pieces[k].tok) != "" {
			pieces[k+1].tok[0] = pieces[k].tok[0]
			pieces = append(pieces[:k], pieces[k+1:]...)
		}
	}
	x.interpret(si, pieces, i, j)
}

// titleCase reports whether sentence si is written in title case, as
// headlines are ("Clinton Hid Past Health Problems From Public"): most of
// its longer words are capitalised, so capitals do not mark names there.
func (x *extractor) titleCase(si int) bool {
	s := x.doc.Sentences[si]
	long, caps, small := 0, 0, 0
	for k := s.First; k < s.Last; k++ {
		if x.toks[k].Kind != document.Word {
			continue
		}
		// a capitalised word of a closed class inside the sentence ("From",
		// "The", "Is") is the mark of a headline
		if k > s.First && x.isCap(k) && x.toks[k-1].Kind == document.Word {
			switch x.kb.Words[x.lower[k]] {
			case knowledge.Det, knowledge.Pron, knowledge.Prep, knowledge.Sub, knowledge.Conj, knowledge.Aux:
				small++
			}
		}
		if len(x.words[k]) < 4 {
			continue
		}
		long++
		if x.isCap(k) {
			caps++
		}
	}
	return small > 0 && long >= 4 && caps*10 >= long*7
}

// namesSeenElsewhere keeps, of the unknown names of a title-case
// sentence, the words that the rest of the document writes as a name too
// ("Clinton" of "Clinton Hid Past Health Problems"); the other pieces stay.
func (x *extractor) namesSeenElsewhere(si int, pieces []piece) []piece {
	s := x.doc.Sentences[si]
	before, after := x.doc.Text[:x.toks[s.First].Start], x.doc.Text[x.toks[s.Last-1].End:]
	var out []piece
	for _, p := range pieces {
		if p.kind != "name" {
			out = append(out, p)
			continue
		}
		for a := p.tok[0]; a < p.tok[1]; {
			b := p.tok[1]
			for ; b > a; b-- {
				if name := x.join([2]int{a, b}); writtenAsName(before, name) || writtenAsName(after, name) {
					break
				}
			}
			if b == a {
				a++
				continue
			}
			out = append(out, piece{kind: "name", tok: [2]int{a, b}})
			a = b
		}
	}
	return out
}

// writtenAsName reports whether text holds name followed by a space, a
// comma, a full stop or an apostrophe, as a name ends.
func writtenAsName(text, name string) bool {
	for _, end := range []string{" ", ",", ".", "’", "'"} {
		if strings.Contains(text, name+end) {
			return true
		}
	}
	return false
}

// quotedAlone reports whether a run is all that a quotation holds
// ("the “Security Services”"): a quoted term, not a name.
func (x *extractor) quotedAlone(i, j int) bool {
	return i > 0 && j < len(x.toks) && x.toks[i-1].Kind == document.Quote && x.toks[j].Kind == document.Quote
}

// wholeRun reads a run that is one name as a whole: an organisation
// whose name ends in (or is built on) an organisation word ("New York
// University", "Ministry of Commerce", "U.S. Naval Academy"), or a place
// built on a place word ("Gulf of Venezuela"). A leading country gives
// the organisation its country. It reports whether it took the run.
func (x *extractor) wholeRun(si, i, j int) bool {
	if n, _ := x.kb.Institutions.Match(x.words[:j], i); n == j-i {
		return false
	}
	if n, _ := x.kb.Outlets.Match(x.words[:j], i); n == j-i {
		return false
	}
	start := i
	country := ""
	if n, pl := x.kb.Places.Match(x.words[:j], i); n > 0 && n < j-i && pl.Kind != "capital" {
		country = pl.Code
		start = i + n
	}
	last := x.words[j-1]
	of := -1
	for k := start + 1; k < j-1; k++ {
		if x.lower[k] == "of" {
			of = k
			break
		}
	}
	head := [2]int{j - 1, j}
	if of > 0 {
		head = [2]int{of - 1, of}
	}
	if sect := x.orgSector(head); sect != "" && !(x.kb.Titles.Has(x.lower[i]) && of < 0) {
		if n, _ := x.title(i, j); n > 0 && n < j-i && start == i {
			return false // "President X": a title, not an organisation
		}
		m := mention{tok: [2]int{i, j}, typ: "ORG", country: country, sent: si}
		// the most telling word of the whole name gives the sector ("U.S. Naval Academy")
		if all := x.orgSector([2]int{start, j}); all != "-" {
			m.sector = all
		}
		x.add(m)
		return true
	}
	if of > 0 && x.kb.PlaceWords[x.words[of-1]] != "" || x.kb.PlaceWords[last] == "LOC" && j-i > 1 {
		typ := x.kb.PlaceWords[x.words[head[0]]]
		if typ == "" {
			typ = "LOC"
		}
		x.add(mention{tok: [2]int{i, j}, typ: typ, country: country, sent: si})
		return true
	}
	return false
}

// isSentenceStart reports whether token i opens its sentence, after any
// quotation marks, brackets or dashes.
func (x *extractor) isSentenceStart(s document.Sentence, i int) bool {
	k := i - 1
	for k >= s.First && (x.toks[k].Kind == document.Quote || x.toks[k].Kind == document.Punct) {
		k--
	}
	return k < s.First
}

// lookup finds the longest knowledge-base phrase at k within [k, end):
// an institution, an outlet, a place, a region or a title.
func (x *extractor) lookup(k, end int) (piece, int) {
	words := x.words[:end]
	best, bn := piece{}, 0
	if n, inst := x.kb.Institutions.Match(words, k); n > bn {
		best, bn = piece{kind: "inst", tok: [2]int{k, k + n}, inst: inst}, n
	}
	if n, kind := x.kb.Outlets.Match(words, k); n > bn {
		if kind == "outlet" || kind == "platform" {
			best, bn = piece{kind: "outlet", tok: [2]int{k, k + n}}, n
		}
	}
	if n, pl := x.kb.Places.Match(words, k); n > bn {
		best, bn = piece{kind: "place", tok: [2]int{k, k + n}, place: pl}, n
	} else if n == 0 && isAllCaps(x.words[k]) && len(x.words[k]) > 2 {
		// WASHINGTON in a dateline
		tc := []string{titleCase(x.words[k])}
		if n, pl := x.kb.Places.Match(tc, 0); n == 1 && bn == 0 {
			best, bn = piece{kind: "place", tok: [2]int{k, k + 1}, place: pl}, 1
		}
	}
	if n, _ := x.kb.Regions.Match(words, k); n > bn {
		best, bn = piece{kind: "region", tok: [2]int{k, k + n}}, n
	}
	if n, sect := x.title(k, end); n > bn {
		best, bn = piece{kind: "title", tok: [2]int{k, k + n}, sect: sect}, n
	}
	return best, bn
}

// title matches a title at k: the titles table, or a role noun of the
// agents table written with capitals ("Foreign Minister"), with modifiers
// before it ("Interim President", "Deputy Prime Minister").
func (x *extractor) title(k, end int) (int, string) {
	start := k
	for k < end {
		switch x.lower[k] {
		case "interim", "acting", "former", "deputy", "vice", "chief", "senior", "first", "then", "outgoing", "incoming":
			k++
			continue
		}
		break
	}
	lw := x.lower[:end]
	n1, s1 := x.kb.Titles.Match(lw, k)
	n2, s2 := x.kb.Agents.Match(lw, k)
	if n2 > n1 && x.isCap(k) {
		n1, s1 = n2, s2
	}
	if n1 == 0 {
		return 0, ""
	}
	return k + n1 - start, s1
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// titleCase writes an all-capital word as a name is written: a capital
// at its start and after an apostrophe or hyphen (N'DJAMENA → N'Djamena).
func titleCase(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '\'' || r == '-' || r == '’'
	}
	return b.String()
}

// interpret turns the pieces of a run into mentions.
func (x *extractor) interpret(si int, pieces []piece, i, j int) {
	var country string // a country or demonym before a title or name
	var igo string     // an intergovernmental organisation before a title
	var titles []string
	sector := ""
	for pi := 0; pi < len(pieces); pi++ {
		p := pieces[pi]
		text := x.join(p.tok)
		switch p.kind {
		case "place":
			nextName := pi+1 < len(pieces) && (pieces[pi+1].kind == "title" || pieces[pi+1].kind == "name")
			// "U.S. Naval Academy": a place before an organisation's name is part of it
			if pi+1 < len(pieces) && pieces[pi+1].kind == "name" && x.orgSector(pieces[pi+1].tok) != "" {
				q := pieces[pi+1]
				x.add(mention{tok: [2]int{p.tok[0], q.tok[1]}, typ: "ORG", sector: x.orgSector(q.tok), country: p.place.Code, sent: si})
				pi++
				continue
			}
			x.addPlace(si, p)
			if nextName {
				country = p.place.Code
			}
		case "inst":
			m := mention{tok: p.tok, typ: p.inst.Type, code: p.inst.Code, sent: si}
			if p.inst.Canon != "" {
				m.canon = p.inst.Canon
			}
			x.add(m)
			if pi+1 < len(pieces) && pieces[pi+1].kind == "title" {
				country, sector = codeCountry(p.inst.Code), codeSector(p.inst.Code)
				if strings.HasPrefix(p.inst.Code, "IGO") {
					// "U.N. Secretary-General Kofi Annan" is of the U.N.
					igo = p.inst.Code
				}
			}
		case "outlet":
			x.add(mention{tok: p.tok, typ: "ORG", code: x.kb.OutletLand[text] + "MED", sent: si})
		case "region":
			x.add(mention{tok: p.tok, typ: "LOC", sent: si})
		case "title":
			titles = append(titles, text)
			if p.sect != "" {
				sector = p.sect
			}
			// a title with no name after it: "The Foreign Minister said"
			if pi == len(pieces)-1 {
				x.add(mention{tok: p.tok, typ: "", titles: []string{text}, sector: sector, country: country, sent: si})
			}
		case "name":
			// "King Hassan of Morocco": the connector ends the name, and
			// the place after it is the person's country
			tok := p.tok
			if tok[1]-tok[0] > 1 && connectors[x.lower[tok[1]-1]] && pi+1 < len(pieces) && pieces[pi+1].kind == "place" && pieces[pi+1].place.Kind != "demonym" {
				tok[1]--
				if country == "" {
					country = pieces[pi+1].place.Code
				}
			}
			n := len(x.ms)
			x.addName(si, tok, titles, sector, country)
			if igo != "" && len(x.ms) > n && x.ms[n].typ == "PERSON" {
				x.ms[n].code = igo
			}
			titles, sector, country, igo = nil, "", "", ""
		}
	}
}

func (x *extractor) join(r [2]int) string {
	if r[0] >= r[1] {
		return ""
	}
	return x.doc.Text[x.toks[r[0]].Start:x.toks[r[1]-1].End]
}

func (x *extractor) add(m mention) {
	m.ent = -1
	if m.name == "" {
		m.name = x.join(m.tok)
	}
	x.ms = append(x.ms, m)
}

// addPlace adds a country, demonym or capital mention. A capital after a
// preposition of place ("in Caracas") is a place of its own; otherwise
// ("Washington says") it stands for its country.
func (x *extractor) addPlace(si int, p piece) {
	m := mention{tok: p.tok, typ: "GPE", code: p.place.Code, sent: si}
	switch p.place.Kind {
	case "country", "demonym":
		m.name = x.kb.CountryNames[p.place.Code]
	case "capital":
		if x.afterPlacePreposition(p.tok[0]) {
			m.capital = true
		} else {
			m.name = x.kb.CountryNames[p.place.Code]
		}
	}
	x.add(m)
}

var placePrepositions = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "from": true, "across": true, "around": true, "through": true, "capital": true}

func (x *extractor) afterPlacePreposition(i int) bool {
	k := i - 1
	if k >= 0 && x.lower[k] == "the" {
		k--
	}
	if k < 0 {
		return false
	}
	// "Pangram area of Sarkh": "of" after a word of place
	if x.lower[k] == "of" && k > 0 && x.kb.PlaceWords[x.lower[k-1]] == "GPE" {
		return true
	}
	return placePrepositions[x.lower[k]]
}

// orgSector returns the sector of a name made an organisation by one of
// its words, "-" for an organisation word with no sector, or "".
func (x *extractor) orgSector(r [2]int) string {
	if x.orgFirst == nil {
		x.orgFirst = make(map[string]bool, len(x.kb.OrgWords))
		for _, ow := range x.kb.OrgWords {
			if len(ow.Words) > 0 {
				x.orgFirst[ow.Words[0]] = true
			}
		}
	}
	some := false
	for k := r[0]; k < r[1] && !some; k++ {
		some = x.orgFirst[x.words[k]]
	}
	if !some {
		return ""
	}
	for _, ow := range x.kb.OrgWords {
		for k := r[0]; k+len(ow.Words) <= r[1]; k++ {
			match := true
			for n, w := range ow.Words {
				if x.words[k+n] != w {
					match = false
					break
				}
			}
			if match {
				if ow.Sector == "" {
					return "-"
				}
				return ow.Sector
			}
		}
	}
	return ""
}

// addName adds a name that the knowledge base does not know, typed by
// its words and context.
func (x *extractor) addName(si int, r [2]int, titles []string, sector, country string) {
	m := mention{tok: r, titles: titles, sector: sector, country: country, sent: si, single: r[1]-r[0] == 1}
	last := x.words[r[1]-1]
	next := ""
	if r[1] < len(x.words) {
		next = x.words[r[1]]
	}
	if country := x.leaderCountry(r); country != "" {
		// "the Bush administration", "the Maduro government": the country,
		// by the government its leader heads, as "Washington" is
		m.tok[1]++
		m.typ, m.code, m.name, m.single = "GPE", country, x.kb.CountryNames[country], false
		x.add(m)
		return
	}
	switch {
	case len(titles) > 0:
		m.typ = "PERSON"
	case x.orgSector(r) != "":
		m.typ = "ORG"
		if s := x.orgSector(r); s != "-" {
			m.sector = s
		}
	case x.kb.PlaceWords[last] != "":
		m.typ = x.kb.PlaceWords[last]
	case x.kb.PlaceWords[next] == "GPE":
		m.typ = "GPE" // "Logar province"
	case m.single && (hasTwoCaps(x.words[r[0]]) || hasDigit(x.words[r[0]])):
		m.typ = "ORG" // an acronym: DGCIM, Zanu-PF, G40
	case x.afterPlacePreposition(r[0]) && !x.isPersonContext(r):
		m.typ = "GPE" // "in Pangram", unless it is the name of someone known
		m.guess = true
	case x.isPersonContext(r) || !m.single:
		m.typ = "PERSON"
	default:
		m.typ = "PERSON" // resolved against known people, or dropped
	}
	if m.typ == "ORG" && m.sector == "" {
		m.sector = x.nounAfter(r[1])
	}
	x.add(m)
}

// leaderCountry returns the country whose government a name followed by
// "administration", "government" or "regime" stands for, when the name is
// a leader's ("the Bush administration": USA), or "".
func (x *extractor) leaderCountry(r [2]int) string {
	if r[1] >= len(x.lower) {
		return ""
	}
	switch x.lower[r[1]] {
	case "administration", "government", "regime":
	default:
		return ""
	}
	code, ok := x.kb.Leader(x.join(r))
	if !ok || len(code) < 3 || x.kb.CountryNames[code[:3]] == "" {
		return ""
	}
	return code[:3]
}

// nounAfter returns the sector of a lower-case role noun right after a
// name ("the G40 political faction", "the ruling Zanu-PF party"), or "".
func (x *extractor) nounAfter(k int) string {
	for n := k; n < len(x.lower) && n < k+3; n++ {
		if x.isCap(n) || x.toks[n].Kind != document.Word {
			return ""
		}
		if m, sect := x.kb.Agents.Match(x.lower, n); m > 0 && sect != "MED" {
			return sect
		}
	}
	return ""
}

// isPersonContext reports whether a name is followed by a verb of saying
// or preceded by a role noun ("spokeswoman Sondra McCarty").
func (x *extractor) isPersonContext(r [2]int) bool {
	if r[1] < len(x.lower) {
		if n, c := x.kb.Cues.Match(x.lower, r[1]); n > 0 && (c.Kind == "verb" || c.Kind == "thatverb") {
			return true
		}
	}
	return r[0] > 0 && x.roleBefore(r[0]) > 0
}

// roleBefore returns how many lower-case role-noun tokens end right
// before token i ("spokeswoman", "opposition leader", "cabinet ministers").
func (x *extractor) roleBefore(i int) int {
	for n := 3; n >= 1; n-- {
		k := i - n
		if k < 0 || x.isCap(k) {
			continue
		}
		if m, _ := x.kb.Agents.Match(x.lower[:i], k); m == n {
			return n
		}
		if m, _ := x.kb.Titles.Match(x.lower[:i], k); m == n {
			return n
		}
	}
	return 0
}

func hasDigit(w string) bool {
	return strings.IndexFunc(w, unicode.IsDigit) >= 0
}

func hasTwoCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

func codeCountry(code string) string {
	if len(code) >= 3 && !isSectorCode(code[:3]) {
		return code[:3]
	}
	return ""
}

func codeSector(code string) string {
	if len(code) >= 6 {
		return code[3:6]
	}
	if len(code) == 3 && isSectorCode(code) {
		return code
	}
	return ""
}

var sectorCodes = map[string]bool{"GOV": true, "MIL": true, "COP": true, "SPY": true, "OPP": true, "REB": true, "MED": true, "EDU": true,
	"BUS": true, "NGO": true, "IGO": true, "JUD": true, "LEG": true, "CVL": true, "REF": true, "HLH": true, "PTY": true, "REL": true}

func isSectorCode(s string) bool { return sectorCodes[s] }

// output builds the Entity layer: entities in order of first mention,
// with IDs, names, actor codes, titles and mentions.
func (x *extractor) output() []document.Entity {
	order := make([]int, 0, len(x.ents))
	for i, e := range x.ents {
		if len(e.mentions) > 0 {
			order = append(order, i)
		}
	}
	first := func(e entity) int { return x.toks[x.ms[e.mentions[0]].tok[0]].Start }
	sort.SliceStable(order, func(a, b int) bool { return first(x.ents[order[a]]) < first(x.ents[order[b]]) })
	byStart := func(e entity) {
		sort.Slice(e.mentions, func(a, b int) bool { return x.ms[e.mentions[a]].tok[0] < x.ms[e.mentions[b]].tok[0] })
	}
	out := make([]document.Entity, 0, len(order))
	for n, ei := range order {
		e := x.ents[ei]
		de := document.Entity{ID: "E" + strconv.Itoa(n+1), Name: e.name, Type: e.typ, Titles: e.titles, Country: e.country}
		de.Actor = actorCode(e)
		byStart(e)
		for _, mi := range e.mentions {
			m := x.ms[mi]
			sp := document.Span{Start: x.toks[m.tok[0]].Start, End: x.toks[m.tok[1]-1].End}
			de.Mentions = append(de.Mentions, document.Mention{Span: sp, Text: x.doc.Text[sp.Start:sp.End]})
		}
		out = append(out, de)
	}
	return out
}

// actorCode composes an entity's CAMEO-style code: a country and a sector
// where known, or the code an institution or a country gives.
func actorCode(e entity) string {
	if e.code != "" {
		if e.typ == "GPE" && len(e.code) == 3 {
			return e.code
		}
		return e.code
	}
	return e.country + e.sector
}
