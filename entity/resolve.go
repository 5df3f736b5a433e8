package entity

import (
	"context"
	"strings"

	"herodot/knowledge"
)

// resolve groups mentions into entities: one per country, per
// institution, per organisation (an acronym joins the organisation it
// abbreviates), per full name; then single names and bare titles join the
// person they stand for, by salience.
func (x *extractor) resolve(ctx context.Context) error {
	byKey := map[string]int{}
	newEnt := func(m mention) int {
		x.ents = append(x.ents, entity{typ: m.typ, name: m.name, kin: m.kin})
		return len(x.ents) - 1
	}
	// full names first
	for i := range x.ms {
		m := &x.ms[i]
		if m.typ == "" || m.single && m.typ == "PERSON" || m.guess {
			continue
		}
		key := m.typ + ":" + normName(m.name)
		if m.typ == "GPE" && !m.capital && m.code != "" {
			key = "GPE:" + m.code
		}
		if m.canon != "" {
			key = "INST:" + m.canon
		}
		if m.typ == "PERSON" {
			x.appositive(m)
		}
		e, ok := byKey[key]
		if !ok && m.typ == "ORG" {
			e, ok = x.acronymOf(m, byKey)
		}
		if !ok {
			e = newEnt(*m)
			byKey[key] = e
		}
		x.attach(e, i)
	}
	// single names and bare titles
	for i := range x.ms {
		if err := interrupted(ctx, i); err != nil {
			return err
		}
		m := &x.ms[i]
		switch {
		case m.typ == "PERSON" && m.single:
			if e := x.person(i); e >= 0 {
				x.attach(e, i)
			} else if e, ok := x.acronymOf(m, byKey); ok {
				x.attach(e, i)
			} else if len(m.titles) > 0 || x.isPersonContext(m.tok) {
				x.kinName(i)
				key := "PERSON:" + normName(m.name)
				e, ok := byKey[key]
				if !ok {
					x.appositive(m)
					e = newEnt(*m)
					byKey[key] = e
				}
				x.attach(e, i)
			}
		case m.guess:
			if e := x.person(i); e >= 0 {
				m.typ = "PERSON"
				x.attach(e, i)
				continue
			}
			key := "GPE:" + normName(m.name)
			e, ok := byKey[key]
			if !ok {
				e = newEnt(*m)
				byKey[key] = e
			}
			x.attach(e, i)
		case m.typ == "":
			if e := x.titleHolder(i, m.titles[0]); e >= 0 {
				x.attach(e, i)
			}
		}
	}
	x.actors()
	return nil
}

// kinName names a person known by a first name and a word of kinship
// after "his" or "her" with the surname of the person named last before
// ("Robert Mugabe … his wife Grace": Grace Mugabe).
func (x *extractor) kinName(i int) {
	m := &x.ms[i]
	k := m.tok[0] - 1
	if k < 1 || !x.kb.Kin[x.lower[k]] || x.lower[k-1] != "his" && x.lower[k-1] != "her" {
		return
	}
	for p := i - 1; p >= 0; p-- {
		o := x.ms[p]
		if o.typ != "PERSON" || o.ent < 0 {
			continue
		}
		if name := x.ents[o.ent].name; strings.Contains(name, " ") {
			m.name += name[strings.LastIndexByte(name, ' '):]
			m.kin = true
		}
		return
	}
}

// normName folds a name for comparison: no leading "the", lower case.
func normName(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = s[4:]
	}
	return strings.ToLower(s)
}

// attach adds mention i to entity e and takes in what the mention says of it.
func (x *extractor) attach(e, i int) {
	m := &x.ms[i]
	m.ent = e
	en := &x.ents[e]
	en.mentions = append(en.mentions, i)
	if en.typ == "" {
		en.typ = m.typ
	}
	// a full name names the person better than a surname
	if m.typ == "PERSON" && !m.single && len(m.name) > len(en.name) {
		en.name = m.name
	}
	if en.code == "" && m.code != "" {
		en.code = m.code
	}
	if en.country == "" && m.country != "" {
		en.country = m.country
	}
	if en.sector == "" && m.sector != "" {
		en.sector = m.sector
	}
	for _, t := range m.titles {
		dup := false
		for _, have := range en.titles {
			if strings.EqualFold(have, t) {
				dup = true
			}
		}
		if !dup {
			en.titles = append(en.titles, t)
		}
	}
}

// person returns the person entity a single name stands for: of the
// people whose name has it as first or last word, the one mentioned most
// before it (salience), then the one mentioned last; -1 when none.
func (x *extractor) person(i int) int {
	w := x.words[x.ms[i].tok[0]]
	best, bestCount, bestLast := -1, -1, -1
	for e := range x.ents {
		en := x.ents[e]
		if en.typ != "PERSON" {
			continue
		}
		sp := strings.IndexByte(en.name, ' ')
		if sp < 0 || en.name[:sp] != w && (en.kin || en.name[strings.LastIndexByte(en.name, ' ')+1:] != w) {
			continue // a surname given by kinship ("his wife Grace") names the other one
		}
		count, last := 0, -1
		for _, mi := range en.mentions {
			if mi < i {
				count++
				last = mi
			}
		}
		if count > bestCount || count == bestCount && last > bestLast {
			best, bestCount, bestLast = e, count, last
		}
	}
	return best
}

// acronymOf finds the organisation an acronym abbreviates, or that
// abbreviates a name ("CIA" and "Central Intelligence Agency").
func (x *extractor) acronymOf(m *mention, byKey map[string]int) (int, bool) {
	name, nameInits := x.orgForms(m.name)
	for e := range x.ents {
		en := x.ents[e]
		if en.typ != "ORG" {
			continue
		}
		other, otherInits := x.orgForms(en.name)
		if strings.EqualFold(other, name) || otherInits == name || nameInits == other {
			return e, true
		}
	}
	return -1, false
}

// orgForms returns an organisation's name without a leading place, and
// its initials, remembered per document.
func (x *extractor) orgForms(name string) (stripped, inits string) {
	if f, ok := x.forms[name]; ok {
		return f[0], f[1]
	}
	if x.forms == nil {
		x.forms = map[string][2]string{}
	}
	stripped = stripPlace(x.kb, name)
	inits = initials(stripped)
	x.forms[name] = [2]string{stripped, inits}
	return stripped, inits
}

// stripPlace drops a country name or demonym from the front of a name
// ("U.S. Central Intelligence Agency" → "Central Intelligence Agency").
func stripPlace(kb *knowledge.Base, name string) string {
	w := strings.Fields(name)
	if len(w) > 1 {
		if n, _ := kb.Places.Match(w, 0); n > 0 && n < len(w) {
			return strings.Join(w[n:], " ")
		}
		if strings.EqualFold(w[0], "the") {
			return strings.Join(w[1:], " ")
		}
	}
	return name
}

// initials returns the capitals that begin the words of a name of two
// words or more, skipping connectors: "Central Intelligence Agency" → CIA.
func initials(name string) string {
	w := strings.Fields(name)
	if len(w) < 2 {
		return "\x00"
	}
	var b strings.Builder
	for _, p := range w {
		if connectors[strings.ToLower(p)] || strings.EqualFold(p, "the") {
			continue
		}
		b.WriteByte(p[0])
	}
	return b.String()
}

// titleHolder returns the person whose titles include title (a bare
// title such as "the Foreign Minister"), the latest mentioned before i.
func (x *extractor) titleHolder(i int, title string) int {
	title = normName(title)
	best, bestLast := -1, -1
	for e := range x.ents {
		en := x.ents[e]
		if en.typ != "PERSON" {
			continue
		}
		for _, t := range en.titles {
			if normName(t) == title || strings.HasSuffix(normName(t), " "+title) {
				last := -1
				for _, mi := range en.mentions {
					if mi < i {
						last = mi
					}
				}
				if last > bestLast {
					best, bestLast = e, last
				}
			}
		}
	}
	return best
}

// appositive reads a role after a name ("Frank Mora, former U.S.
// ambassador to …", "X, a professor at the U.S. Naval Academy") or before
// it ("spokeswoman Sondra McCarty"), for the person's title, sector and
// country.
func (x *extractor) appositive(m *mention) {
	if len(m.titles) > 0 {
		return
	}
	// "cabinet ministers Jonathan Moyo and Saviour Kasukuwere": the second
	// name shares the role of the first
	if k := m.tok[0] - 1; k > 0 && x.lower[k] == "and" {
		for pi := range x.ms {
			p := &x.ms[pi]
			if p.tok[1] == k && p.typ == "PERSON" && len(p.titles) > 0 {
				m.titles, m.sector, m.country = p.titles, p.sector, p.country
				return
			}
		}
	}
	// "The priest, Fidelis Mukonori,": a role and a comma before the name
	if k := m.tok[0] - 1; k > 1 && x.words[k] == "," {
		for n := 3; n >= 1; n-- {
			st := k - n
			if st < 1 || x.lower[st-1] != "the" {
				continue
			}
			if got, sect := x.kb.Agents.Match(x.lower[:k], st); got == n {
				m.titles = append(m.titles, x.join([2]int{st, k}))
				if sect != "MED" {
					m.sector = sect
				}
				return
			}
		}
	}
	// before: a role noun, and an organisation or a place before it
	if n := x.roleBefore(m.tok[0]); n > 0 {
		start := m.tok[0] - n
		role := x.join([2]int{start, m.tok[0]})
		m.titles = append(m.titles, role)
		_, sect := x.kb.Agents.Match(x.lower, start)
		if n, ts := x.kb.Titles.Match(x.lower, start); n > 0 {
			sect = ts // the titles table overrides ("spokesman": no sector of its own)
		}
		if sect != "" && sect != "MED" {
			m.sector = sect
		}
		// "State Department spokeswoman", "Taliban spokesman"
		for k := range x.ms {
			o := x.ms[k]
			if o.tok[1] == start && o.code != "" {
				m.country = codeCountry(o.code)
				if m.sector == "" {
					m.sector = codeSector(o.code)
				}
			}
		}
		return
	}
	// after: ", (a|an|the)? (former …)? (place)? role (at|of ORG)?"
	k := m.tok[1]
	if k >= len(x.words) || x.words[k] != "," {
		return
	}
	k++
	if k < len(x.words) && (x.lower[k] == "a" || x.lower[k] == "an" || x.lower[k] == "the") {
		k++
	}
	start := k
	country := ""
	for k < len(x.words) && k < start+4 {
		if n, pl := x.kb.Places.Match(x.words, k); n > 0 {
			country = pl.Code
			k += n
			continue
		}
		if n, sect := x.kb.Agents.Match(x.lower, k); n > 0 {
			m.titles = append(m.titles, x.join([2]int{start, k + n}))
			if sect != "MED" && x.lower[start] != "former" {
				m.sector = sect // a former office gives no sector
			}
			m.country = country
			k += n
			// "at the U.S. Naval Academy": the organisation's country
			if m.country == "" && k+1 < len(x.words) && (x.lower[k] == "at" || x.lower[k] == "of" || x.lower[k] == "for") {
				for _, o := range x.ms {
					if o.tok[0] >= k+1 && o.tok[0] <= k+2 && o.country != "" {
						m.country = o.country
					}
				}
			}
			return
		}
		if x.isCap(k) || x.kb.Words[x.lower[k]] == knowledge.Sub {
			return
		}
		k++
	}
}

// actors fills in each entity's country and sector from what its
// mentions say, the leaders table, and, for a titled person with no
// country, the nearest country named in the sentence.
func (x *extractor) actors() {
	for e := range x.ents {
		en := &x.ents[e]
		switch en.typ {
		case "GPE", "LOC":
			if en.code == "" && en.country == "" {
				en.country = x.nearbyCode(en.mentions[0])
				if en.country == "" {
					en.country = x.mainCountry()
				}
			}
		case "PERSON":
			if strings.HasPrefix(en.code, "IGO") {
				continue // an official of an intergovernmental body has no country of its own
			}
			if code := x.leader(en); code != "" {
				en.country, en.sector = codeCountry(code), codeSector(code)
			}
			if en.country == "" && len(en.titles) > 0 {
				for _, mi := range en.mentions {
					if c := x.nearestCountry(mi); c != "" {
						en.country = c
						break
					}
				}
				if en.country == "" {
					en.country = x.homeCountry()
				}
			}
			if en.country == "" {
				en.country = x.mainCountry() // a guess: people in a story are mostly of its country
			}
		case "ORG":
			if en.code == "" && en.country == "" && en.sector != "MED" {
				en.country = x.nearbyCode(en.mentions[0])
				if en.country == "" {
					en.country = x.homeCountry()
				}
			}
		}
	}
}

// nearestCountry returns the country of the country mention nearest to
// mention i in its sentence, before it if any.
func (x *extractor) nearestCountry(i int) string {
	m := x.ms[i]
	best, dist := "", 1<<30
	for _, k := range x.mentionsIn(m.sent) {
		o := x.ms[k]
		if o.typ != "GPE" || o.code == "" {
			continue
		}
		d := m.tok[0] - o.tok[1]
		if d < 0 {
			continue // only what comes before the mention
		}
		if d < dist {
			best, dist = o.code, d
		}
	}
	return best
}

// leader returns the actor code of a person in the leaders table, by
// full name, or by surname for a one-word name that one leader has.
func (x *extractor) leader(en *entity) string {
	code, _ := x.kb.Leader(en.name)
	return code
}

// mainCountry returns the country the document names most, or "".
func (x *extractor) mainCountry() string {
	if x.main != nil {
		return *x.main
	}
	counts := map[string]int{}
	best := ""
	for _, m := range x.ms {
		if m.typ == "GPE" && len(m.code) == 3 {
			counts[m.code]++
			if counts[m.code] > counts[best] || counts[m.code] == counts[best] && m.code < best {
				best = m.code
			}
		}
	}
	x.main = &best
	return best
}

// nearbyCode returns the country of the nearest mention, before or after
// mention i in its sentence, that has one (a country, a capital, an
// institution): where an unknown place lies ("Ostend, Belgium").
func (x *extractor) nearbyCode(i int) string {
	m := x.ms[i]
	best, dist := "", 1<<30
	for _, o := range x.ms {
		if o.sent != m.sent {
			continue
		}
		c := codeCountry(o.code)
		if c == "" {
			c = o.country
		}
		if c == "" {
			continue
		}
		d := m.tok[0] - o.tok[1]
		if d < 0 {
			d = o.tok[0] - m.tok[1]
		}
		if d >= 0 && d < dist {
			best, dist = c, d
		}
	}
	return best
}

// homeCountry returns the country of the dateline ("WASHINGTON, April 5 -")
// when the text opens with one, else the document's main country.
func (x *extractor) homeCountry() string {
	for _, m := range x.ms {
		if m.sent != 0 {
			break
		}
		if m.tok[0] <= 1 && m.typ == "GPE" && len(m.code) == 3 && isAllCaps(x.words[m.tok[0]]) {
			return m.code
		}
	}
	return x.mainCountry()
}
