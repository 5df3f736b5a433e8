// Package knowledge holds herodot's lexicons and gazetteers: plain data
// files embedded in the binary (data/), each with its origin and licence
// in its header, and a user's own file that adds to or overrides them.
//
// A user file is tab-separated text; each line names the table it adds
// to in its first column and gives that table's columns after it:
//
//	abbreviation	Gov.	title
//	starter	nevertheless
//	quotetag	quipped
//	cue	scoffed	scoff	hedged	verb
//	outlet	The Daily Example	outlet	-
//	sourcenoun	whistleblower	anonymous
//	country	USA	the States	name
//	institution	Foggy Bottom	ORG	USAGOV	Department of State
//	leader	Ana Ruiz	PERGOV
//	boilerplate	call to action	line	^watch the video$
//	halt	mothballed	AID	162
//	frame	scrapped	stop
//	titlesex	abbess	female
//
// Lines that are empty or start with # are ignored.
package knowledge

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"maps"
	"os"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed data
var dataFS embed.FS

// AbbrevClass says how an abbreviation behaves at a possible sentence end.
type AbbrevClass uint8

// Abbreviation classes (see data/abbreviations.tsv).
const (
	NotAbbrev AbbrevClass = iota
	AbbrevTitle
	AbbrevMonth
	AbbrevGeneral
)

// Cue is an attribution cue of data/cues.tsv.
type Cue struct {
	Lemma  string
	Stance string
	Kind   string // verb, thatverb, prep, refusal, passive, impersonal, ignore
}

// WordClass is the class of a closed-class word (data/function-words.tsv).
type WordClass uint8

// Word classes.
const (
	NoClass WordClass = iota
	Det
	Pron
	Prep
	Sub
	Conj
	Aux
	Adv
	Time
)

// IsClauseBreak reports whether a word of class c opens a new clause or
// joins two ("while", "but", "and").
func (c WordClass) IsClauseBreak() bool { return c == Sub || c == Conj }

var wordClasses = map[string]WordClass{"det": Det, "pron": Pron, "prep": Prep, "sub": Sub, "conj": Conj, "aux": Aux, "adv": Adv, "time": Time}

var cueStances = map[string]bool{"asserted": true, "confirmed": true, "denied": true, "unconfirmed": true, "hedged": true, "declined": true}
var cueKinds = map[string]bool{"verb": true, "thatverb": true, "prep": true, "refusal": true, "passive": true, "impersonal": true, "ignore": true}

// Pattern is a boilerplate pattern: lines (or the tail of the last line)
// that match it are removed from a plain-text article, for Reason.
type Pattern struct {
	Reason string
	Tail   bool // matches the end of the last line rather than a whole line
	Re     *regexp.Regexp
	// Need is text, in lower case, that every match holds ("contributed "
	// in "contributed (reporting )?to this…"), or "": a line without it
	// need not be tried.
	Need string
}

// required returns the longest ASCII literal that a top-level sequence
// of the expression always holds, in lower case, or "".
func required(expr string) string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return ""
	}
	re = re.Simplify()
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	best := ""
	for _, p := range parts {
		if p.Op != syntax.OpLiteral {
			continue
		}
		lit := strings.ToLower(string(p.Rune))
		ascii := true
		for i := 0; i < len(lit); i++ {
			ascii = ascii && lit[i] < 0x80
		}
		if ascii && len(lit) > len(best) {
			best = lit
		}
	}
	return best
}

// Base is a loaded knowledge base. The zero value is empty; use Default
// for the embedded data, or New and Add to build one. A Base must not be
// changed once stages use it; it is then safe for concurrent reads.
type Base struct {
	Abbrev      map[string]AbbrevClass
	Starters    map[string]bool
	QuoteTags   map[string]bool
	Boilerplate []Pattern

	// Attribution lexicons. Cues and Hedges are matched on lower-cased
	// words, Outlets on words as written.
	Cues        Phrases[Cue]
	Hedges      Phrases[bool]
	Outlets     Phrases[string]   // value: outlet or platform
	OutletLand  map[string]string // outlet name → country code
	Words       map[string]WordClass
	SourceNouns map[string]string // value: anonymous, document or outlet
	Numbers     Lexicon[int]
	CueNouns    map[string]bool // cue words that are also common nouns

	// Entity knowledge. Places and Institutions are matched on words as
	// written; Agents and Titles on lower-cased words.
	Places       Phrases[Place]
	Institutions Phrases[Institution]
	Agents       Phrases[string]   // role noun → sector
	Titles       Phrases[string]   // title before a name → sector, "" for none
	OrgWords     []OrgWord         // in order of priority
	Leaders      map[string]string // full name → code; read with Leader
	// leadersByLast holds the leaders' names of several words by their last word
	leadersByLast map[string][]string
	CountryNames  map[string]string // code → common name
	PlaceWords    map[string]string // word that ends a place name → GPE or LOC
	Regions       Phrases[string]   // named regions → LOC
	NotNames      map[string]bool

	// Event knowledge: trigger words (lower case) with their CAMEO code, the
	// CAMEO → PLOVER table, and the quad class of each PLOVER event.
	Triggers Phrases[Trigger]
	// TitleSexes tells, of a title word, whether it is a man's or a
	// woman's ("spokeswoman" → female).
	TitleSexes map[string]string
	// Kin are the title words of kinship ("wife", "son"): "his wife Grace"
	// bears the surname of the one "his" stands for.
	Kin map[string]bool
	// FirstNames tells, of a first name, whether its bearer is a man or a
	// woman, when no title does.
	FirstNames map[string]string
	// PairPhrases stand for the two countries a story is about ("the two
	// countries", "both sides").
	PairPhrases Phrases[bool]
	// Statives are the participles that before "to" say their subject's
	// state, not a passive ("opposed to", "committed to").
	Statives Lexicon[bool]
	// Frames are the words before a trigger that frame its act: word →
	// stop, refusal, demand, obligation, intent or prevent.
	Frames Lexicon[string]
	// Halts are the words that reverse a cooperative event a few words on
	// ("suspended … aid"): word → the PLOVER event reversed → CAMEO code.
	Halts Phrases[map[string]string]
	Cameo map[string]CameoCode
	Quads map[string]string

	// QuantityWords maps the lower-case words of counted facts (data/quantity-words.tsv).
	QuantityWords Lexicon[TimeWord]

	// TimeWords maps the lower-case words of time expressions to their kind
	// and value (data/time-words.tsv).
	TimeWords Lexicon[TimeWord]
}

// Trigger is a word that expresses an event.
type Trigger struct {
	Code  string // CAMEO code
	Mode  string // PLOVER mode, when the word says more than its code
	Event string // PLOVER event, when the word's is not its code's
}

// CameoCode is a CAMEO event code's PLOVER event and mode.
type CameoCode struct {
	Event, Mode, Label string
}

// TimeWord is a word of a time expression or of a counted fact, with its
// kind and value.
type TimeWord struct {
	Kind  string // month, weekday, part, vague, unit, edge, relative
	Value string
}

// Place is a name of a country, a demonym or a capital.
type Place struct {
	Code string // ISO 3166-1 alpha-3
	Kind string // country, demonym or capital
}

// Institution is an organisation or a metonym and the actor it stands for.
type Institution struct {
	Type  string // ORG or GPE
	Code  string // actor code
	Canon string // the name shared by the names of one referent, or ""
}

// OrgWord is a word that marks an organisation's name, with its sector.
type OrgWord struct {
	Words  []string
	Sector string
}

var (
	defaultOnce sync.Once
	defaultBase *Base
	defaultErr  error
)

// Default returns the knowledge base built from the embedded data files.
// It is loaded once and shared; callers must not modify it (use Clone).
func Default() *Base {
	defaultOnce.Do(func() {
		defaultBase, defaultErr = loadEmbedded()
	})
	if defaultErr != nil {
		// The embedded files are part of the binary and tested: failing to
		// read them is a build defect, not a run-time condition.
		panic("knowledge: embedded data: " + defaultErr.Error())
	}
	return defaultBase
}

// New returns an empty knowledge base.
func New() *Base {
	return &Base{Abbrev: map[string]AbbrevClass{}, Starters: map[string]bool{}, QuoteTags: map[string]bool{},
		Words: map[string]WordClass{}, SourceNouns: map[string]string{}, CueNouns: map[string]bool{},
		Leaders: map[string]string{}, OutletLand: map[string]string{}, CountryNames: map[string]string{}, PlaceWords: map[string]string{}, NotNames: map[string]bool{},
		Cameo: map[string]CameoCode{}, Quads: map[string]string{}}
}

// Clone returns a copy of b that can be extended without changing b.
func (b *Base) Clone() *Base {
	return &Base{
		Abbrev: maps.Clone(b.Abbrev), Starters: maps.Clone(b.Starters), QuoteTags: maps.Clone(b.QuoteTags),
		Boilerplate: slices.Clone(b.Boilerplate),
		Cues:        b.Cues.clone(), Hedges: b.Hedges.clone(), Outlets: b.Outlets.clone(), OutletLand: maps.Clone(b.OutletLand),
		Words: maps.Clone(b.Words), SourceNouns: maps.Clone(b.SourceNouns), Numbers: b.Numbers.clone(), CueNouns: maps.Clone(b.CueNouns),
		Places: b.Places.clone(), Institutions: b.Institutions.clone(), Agents: b.Agents.clone(), Titles: b.Titles.clone(),
		OrgWords: slices.Clone(b.OrgWords), Leaders: maps.Clone(b.Leaders), leadersByLast: cloneLists(b.leadersByLast), CountryNames: maps.Clone(b.CountryNames),
		PlaceWords: maps.Clone(b.PlaceWords), Regions: b.Regions.clone(), NotNames: maps.Clone(b.NotNames),
		Triggers: b.Triggers.clone(), Halts: cloneHalts(&b.Halts), Frames: b.Frames.clone(), PairPhrases: b.PairPhrases.clone(), Statives: b.Statives.clone(), TitleSexes: maps.Clone(b.TitleSexes), FirstNames: maps.Clone(b.FirstNames), Kin: maps.Clone(b.Kin), Cameo: maps.Clone(b.Cameo), Quads: maps.Clone(b.Quads),
		QuantityWords: b.QuantityWords.clone(), TimeWords: b.TimeWords.clone(),
	}
}

// Leader returns the country code of the leader called name: by the full
// name, or by a single word that is the last of one or more leaders' names
// ("Maduro") when they all have the same code.
func (b *Base) Leader(name string) (string, bool) {
	if code, ok := b.Leaders[name]; ok {
		return code, true
	}
	if strings.Contains(name, " ") {
		return "", false
	}
	found := ""
	for _, full := range b.leadersByLast[name] {
		code := b.Leaders[full]
		if found != "" && found != code {
			return "", false
		}
		found = code
	}
	return found, found != ""
}

// OrDefault returns b, or the default knowledge base when b is nil: what
// a stage with no base of its own uses.
func OrDefault(b *Base) *Base {
	if b == nil {
		return Default()
	}
	return b
}

// WithUserFile returns a copy of the default base extended by the user
// file at path.
func WithUserFile(path string) (*Base, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := Default().Clone()
	if err := b.AddUser(f, path); err != nil {
		return nil, err
	}
	return b, nil
}

func loadEmbedded() (*Base, error) {
	b := New()
	for _, t := range []struct {
		file  string
		table string
	}{
		{"data/abbreviations.tsv", "abbreviation"},
		{"data/sentence-starters.txt", "starter"},
		{"data/boilerplate.tsv", "boilerplate"},
		{"data/quote-tags.txt", "quotetag"},
		{"data/cues.tsv", "cue"},
		{"data/hedges.txt", "hedge"},
		{"data/outlets.tsv", "outlet"},
		{"data/function-words.tsv", "word"},
		{"data/source-nouns.tsv", "sourcenoun"},
		{"data/numbers.tsv", "number"},
		{"data/cue-nouns.txt", "cuenoun"},
		{"data/countries.tsv", "countryrow"},
		{"data/country-aliases.tsv", "country"},
		{"data/institutions.tsv", "institution"},
		{"data/agents.tsv", "agent"},
		{"data/titles.tsv", "title"},
		{"data/org-words.tsv", "orgword"},
		{"data/title-sexes.tsv", "titlesex"},
		{"data/first-names.tsv", "firstname"},
		{"data/leaders.tsv", "leader"},
		{"data/place-words.tsv", "placeword"},
		{"data/not-names.txt", "notname"},
		{"data/pair-phrases.txt", "pairphrase"},
		{"data/statives.txt", "stative"},
		{"data/time-words.tsv", "timeword"},
		{"data/cameo-plover.tsv", "cameo"},
		{"data/plover-quads.tsv", "quad"},
		{"data/event-triggers.tsv", "trigger"},
		{"data/event-halts.tsv", "halt"},
		{"data/event-frames.tsv", "frame"},
		{"data/quantity-words.tsv", "quantityword"},
	} {
		f, err := dataFS.Open(t.file)
		if err != nil {
			return nil, err
		}
		err = eachRow(f, t.file, func(line int, cols []string) error {
			return b.add(t.table, cols)
		})
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return b, nil
}

// AddUser adds the rows of a user file (see the package documentation);
// name is used in error messages.
func (b *Base) AddUser(r io.Reader, name string) error {
	return eachRow(r, name, func(line int, cols []string) error {
		return b.add(cols[0], cols[1:])
	})
}

// tableColumns gives the number of columns each table takes.
var tableColumns = map[string]int{"abbreviation": 2, "starter": 1, "boilerplate": 3, "quotetag": 1,
	"cue": 4, "hedge": 1, "outlet": 3, "word": 2, "sourcenoun": 2, "number": 2, "cuenoun": 1,
	"countryrow": 5, "country": 3, "institution": 4, "agent": 2, "title": 2, "orgword": 2, "leader": 2, "placeword": 3, "notname": 1, "pairphrase": 1, "stative": 1, "timeword": 3,
	"cameo": 3, "quad": 2, "trigger": 3, "halt": 3, "frame": 2, "titlesex": 2, "firstname": 2, "quantityword": 3}

var abbrevClasses = map[string]AbbrevClass{"title": AbbrevTitle, "month": AbbrevMonth, "general": AbbrevGeneral}

func (b *Base) add(table string, cols []string) error {
	n, ok := tableColumns[table]
	if !ok {
		return fmt.Errorf("unknown table %q", table)
	}
	if len(cols) < n {
		return fmt.Errorf("table %s needs %d columns, got %d", table, n, len(cols))
	}
	switch table {
	case "abbreviation":
		c, ok := abbrevClasses[cols[1]]
		if !ok {
			return fmt.Errorf("abbreviation %q: unknown class %q (title, month or general)", cols[0], cols[1])
		}
		b.Abbrev[cols[0]] = c
	case "starter":
		b.Starters[strings.ToLower(cols[0])] = true
	case "quotetag":
		b.QuoteTags[strings.ToLower(cols[0])] = true
	case "cue":
		if !cueStances[cols[2]] || !cueKinds[cols[3]] {
			return fmt.Errorf("cue %q: stance %q or kind %q unknown", cols[0], cols[2], cols[3])
		}
		b.Cues.Add(strings.ToLower(cols[0]), Cue{Lemma: cols[1], Stance: cols[2], Kind: cols[3]})
	case "hedge":
		b.Hedges.Add(strings.ToLower(cols[0]), true)
	case "outlet":
		if cols[1] != "outlet" && cols[1] != "platform" {
			return fmt.Errorf("outlet %q: kind must be outlet or platform, got %q", cols[0], cols[1])
		}
		b.Outlets.Add(cols[0], cols[1])
		if cols[2] != "-" {
			b.OutletLand[cols[0]] = cols[2]
		}
	case "word":
		c, ok := wordClasses[cols[1]]
		if !ok {
			return fmt.Errorf("word %q: unknown class %q", cols[0], cols[1])
		}
		b.Words[strings.ToLower(cols[0])] = c
	case "sourcenoun":
		if cols[1] != "anonymous" && cols[1] != "document" && cols[1] != "outlet" {
			return fmt.Errorf("source noun %q: kind must be anonymous, document or outlet, got %q", cols[0], cols[1])
		}
		b.SourceNouns[strings.ToLower(cols[0])] = cols[1]
	case "countryrow":
		code, name := cols[0], cols[1]
		b.CountryNames[code] = name
		b.addPlace(name, code, "country")
		for _, n := range splitBar(cols[2]) {
			b.addPlace(n, code, "country")
		}
		for _, d := range splitBar(cols[3]) {
			b.addPlace(d, code, "demonym")
		}
		for _, c := range splitBar(cols[4]) {
			b.addPlace(c, code, "capital")
		}
	case "country":
		if cols[2] != "name" && cols[2] != "demonym" && cols[2] != "capital" {
			return fmt.Errorf("country %q: kind must be name, demonym or capital, got %q", cols[1], cols[2])
		}
		kind := cols[2]
		if kind == "name" {
			kind = "country"
		}
		b.addPlace(cols[1], cols[0], kind)
	case "institution":
		if cols[1] != "ORG" && cols[1] != "GPE" {
			return fmt.Errorf("institution %q: type must be ORG or GPE, got %q", cols[0], cols[1])
		}
		canon := cols[3]
		if canon == "-" {
			canon = ""
		}
		b.Institutions.Add(cols[0], Institution{Type: cols[1], Code: cols[2], Canon: canon})
	case "agent":
		b.Agents.Add(strings.ToLower(cols[0]), cols[1])
	case "title":
		sector := cols[1]
		if sector == "-" {
			sector = ""
		}
		b.Titles.Add(strings.ToLower(cols[0]), sector)
	case "orgword":
		sector := cols[1]
		if sector == "-" {
			sector = ""
		}
		b.OrgWords = append(b.OrgWords, OrgWord{Words: strings.Fields(cols[0]), Sector: sector})
	case "leader":
		if _, had := b.Leaders[cols[0]]; !had {
			if i := strings.LastIndexByte(cols[0], ' '); i >= 0 {
				if b.leadersByLast == nil {
					b.leadersByLast = map[string][]string{}
				}
				last := cols[0][i+1:]
				b.leadersByLast[last] = append(b.leadersByLast[last], cols[0])
			}
		}
		b.Leaders[cols[0]] = cols[1]
	case "placeword":
		if cols[1] != "GPE" && cols[1] != "LOC" || cols[2] != "word" && cols[2] != "name" {
			return fmt.Errorf("place word %q: want GPE|LOC and word|name", cols[0])
		}
		if cols[2] == "word" {
			b.PlaceWords[cols[0]] = cols[1]
		} else {
			b.Regions.Add(cols[0], cols[1])
		}
	case "notname":
		b.NotNames[cols[0]] = true
	case "stative":
		b.Statives.Set(strings.ToLower(cols[0]), true)
	case "pairphrase":
		b.PairPhrases.Add(strings.ToLower(cols[0]), true)
	case "cameo":
		mode := cols[2]
		if mode == "-" {
			mode = ""
		}
		label := ""
		if len(cols) > 3 {
			label = cols[3]
		}
		b.Cameo[cols[0]] = CameoCode{Event: cols[1], Mode: mode, Label: label}
	case "quad":
		b.Quads[cols[0]] = cols[1]
	case "titlesex":
		if cols[1] != "male" && cols[1] != "female" {
			return fmt.Errorf("titlesex %q: %q is not male or female", cols[0], cols[1])
		}
		if b.TitleSexes == nil {
			b.TitleSexes = map[string]string{}
		}
		b.TitleSexes[strings.ToLower(cols[0])] = cols[1]
		if len(cols) > 2 && cols[2] == "kin" {
			if b.Kin == nil {
				b.Kin = map[string]bool{}
			}
			b.Kin[strings.ToLower(cols[0])] = true
		}
	case "firstname":
		if cols[1] != "male" && cols[1] != "female" {
			return fmt.Errorf("firstname %q: %q is not male or female", cols[0], cols[1])
		}
		if b.FirstNames == nil {
			b.FirstNames = map[string]string{}
		}
		b.FirstNames[cols[0]] = cols[1]
	case "frame":
		switch cols[1] {
		case "stop", "refusal", "demand", "obligation", "intent", "prevent":
		default:
			return fmt.Errorf("frame %q: %q is not one of stop, refusal, demand, obligation, intent, prevent", cols[0], cols[1])
		}
		b.Frames.Set(strings.ToLower(cols[0]), cols[1])
	case "halt":
		if _, ok := b.Cameo[cols[2]]; !ok {
			return fmt.Errorf("halt %q: CAMEO code %q is not in cameo-plover.tsv", cols[0], cols[2])
		}
		words := strings.Fields(strings.ToLower(cols[0]))
		n, m := b.Halts.Match(words, 0)
		if n != len(words) || m == nil {
			m = map[string]string{}
		}
		m[cols[1]] = cols[2]
		b.Halts.Add(strings.Join(words, " "), m)
	case "trigger":
		if _, ok := b.Cameo[cols[1]]; !ok {
			return fmt.Errorf("trigger %q: CAMEO code %q is not in cameo-plover.tsv", cols[0], cols[1])
		}
		mode := cols[2]
		if mode == "-" {
			mode = ""
		}
		event := ""
		if len(cols) > 3 && cols[3] != "-" {
			if _, ok := b.Quads[cols[3]]; !ok {
				return fmt.Errorf("trigger %q: %q is not a PLOVER event", cols[0], cols[3])
			}
			event = cols[3]
		}
		b.Triggers.Add(strings.ToLower(cols[0]), Trigger{Code: cols[1], Mode: mode, Event: event})
	case "quantityword":
		if cols[1] != "noun" && cols[1] != "verb" && cols[1] != "scale" {
			return fmt.Errorf("quantity word %q: kind must be noun, verb or scale", cols[0])
		}
		b.QuantityWords.Set(strings.ToLower(cols[0]), TimeWord{Kind: cols[1], Value: cols[2]})
	case "timeword":
		b.TimeWords.Set(strings.ToLower(cols[0]), TimeWord{Kind: cols[1], Value: cols[2]})
	case "cuenoun":
		b.CueNouns[strings.ToLower(cols[0])] = true
	case "number":
		n, err := strconv.Atoi(cols[1])
		if err != nil {
			return fmt.Errorf("number %q: %v", cols[0], err)
		}
		b.Numbers.Set(strings.ToLower(cols[0]), n)
	case "boilerplate":
		re, err := regexp.Compile("(?i)" + cols[2])
		if err != nil {
			return fmt.Errorf("boilerplate pattern: %w", err)
		}
		if cols[1] != "line" && cols[1] != "tail" {
			return fmt.Errorf("boilerplate: where must be line or tail, got %q", cols[1])
		}
		b.Boilerplate = append(b.Boilerplate, Pattern{Reason: cols[0], Tail: cols[1] == "tail", Re: re, Need: required("(?i)" + cols[2])})
	}
	return nil
}

func splitBar(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// addPlace adds a place name and, for a demonym in -an or -i, its plural
// ("Cubans", "Iraqis").
func (b *Base) addPlace(name, code, kind string) {
	b.Places.Add(name, Place{Code: code, Kind: kind})
	if kind == "demonym" && (strings.HasSuffix(name, "an") || strings.HasSuffix(name, "i")) {
		b.Places.Add(name+"s", Place{Code: code, Kind: kind})
	}
}

// eachRow calls fn with the tab-separated columns of every line of r that
// is neither empty nor a comment.
func eachRow(r io.Reader, name string, fn func(line int, cols []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if err := fn(n, cols); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func cloneLists(m map[string][]string) map[string][]string {
	c := make(map[string][]string, len(m))
	for k, v := range m {
		c[k] = slices.Clone(v)
	}
	return c
}

// cloneHalts clones the halts' table and the map of each of its phrases.
func cloneHalts(h *Phrases[map[string]string]) Phrases[map[string]string] {
	c := h.clone()
	for _, list := range c.byFirst {
		for i := range list {
			list[i].val = maps.Clone(list[i].val)
		}
	}
	return c
}
