// Package corroborate finds the same claim across articles and says how
// well it is sourced: how many articles report it, how many of them are
// independent (copies of one wire story count once), which outlets, how
// many named and anonymous sources, and with what stances.
package corroborate

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"herodot/store"
)

// Claim is an event reported by one or more articles: the same type, the
// same actor country and the same target country.
type Claim struct {
	Type      string         `json:"type"`
	Actor     string         `json:"actor"`
	Target    string         `json:"target"`
	Articles  []string       `json:"articles"`  // document IDs
	Stories   int            `json:"stories"`   // independent stories: near-identical articles count once
	Outlets   []string       `json:"outlets"`   // distinct outlets
	Named     int            `json:"named"`     // reports attributed to named sources
	Anonymous int            `json:"anonymous"` // reports attributed to anonymous sources
	Documents int            `json:"documents"` // reports attributed to documents or outlets
	Narrated  int            `json:"narrated"`  // reports told by the outlet itself, with no source
	Stances   map[string]int `json:"stances"`   // stance of each attributed report
	Statuses  map[string]int `json:"statuses"`
	Triggers  []string       `json:"triggers"`
}

// Claims groups events into claims, most reported first.
func Claims(rows []store.EventRow) []Claim {
	type key struct{ typ, actor, target string }
	byKey := map[key]*Claim{}
	var order []key
	simhash := map[string]uint64{}
	for _, r := range rows {
		k := key{r.Type, country(r.Actor), country(r.Target)}
		c, ok := byKey[k]
		if !ok {
			c = &Claim{Type: k.typ, Actor: k.actor, Target: k.target, Stances: map[string]int{}, Statuses: map[string]int{}}
			byKey[k] = c
			order = append(order, k)
		}
		if !slices.Contains(c.Articles, r.Doc) {
			c.Articles = append(c.Articles, r.Doc)
			simhash[r.Doc] = r.Simhash
		}
		if r.Outlet != "" && !slices.Contains(c.Outlets, r.Outlet) {
			c.Outlets = append(c.Outlets, r.Outlet)
		}
		switch r.SourceKind {
		case "named":
			c.Named++
		case "anonymous":
			c.Anonymous++
		case "document", "outlet":
			c.Documents++
		default:
			c.Narrated++
		}
		if r.Stance != "" {
			c.Stances[r.Stance]++
		}
		c.Statuses[r.Status]++
		if !slices.Contains(c.Triggers, strings.ToLower(r.Trigger)) {
			c.Triggers = append(c.Triggers, strings.ToLower(r.Trigger))
		}
	}
	out := make([]Claim, 0, len(order))
	for _, k := range order {
		c := byKey[k]
		c.Stories = stories(c.Articles, simhash)
		out = append(out, *c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Stories != out[j].Stories {
			return out[i].Stories > out[j].Stories
		}
		return len(out[i].Articles) > len(out[j].Articles)
	})
	return out
}

// stories counts the articles that are not near-copies of one another.
func stories(docs []string, simhash map[string]uint64) int {
	var reps []uint64
	for _, d := range docs {
		h := simhash[d]
		copyOf := false
		for _, r := range reps {
			if store.NearDuplicate(h, r) {
				copyOf = true
				break
			}
		}
		if !copyOf {
			reps = append(reps, h)
		}
	}
	return len(reps)
}

func country(code string) string {
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}

// Summary is a one-line account of a claim's sourcing: "ASSAULT USA → AFG:
// 3 articles, 2 independent, from Reuters and AP; 1 named source, 2
// anonymous; asserted 2, unconfirmed 1".
func (c Claim) Summary() string {
	arrow := func(s string) string {
		if s == "" {
			return "?"
		}
		return s
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s → %s: %d article%s, %d independent", c.Type, arrow(c.Actor), arrow(c.Target), len(c.Articles), plural(len(c.Articles)), c.Stories)
	if len(c.Outlets) > 0 {
		fmt.Fprintf(&b, ", from %s", strings.Join(c.Outlets, ", "))
	}
	var src []string
	if c.Named > 0 {
		src = append(src, fmt.Sprintf("%d named", c.Named))
	}
	if c.Anonymous > 0 {
		src = append(src, fmt.Sprintf("%d anonymous", c.Anonymous))
	}
	if c.Documents > 0 {
		src = append(src, fmt.Sprintf("%d documents or outlets", c.Documents))
	}
	if c.Narrated > 0 {
		src = append(src, fmt.Sprintf("%d told by the outlet", c.Narrated))
	}
	fmt.Fprintf(&b, "; sources: %s", strings.Join(src, ", "))
	if len(c.Stances) > 0 {
		var st []string
		for _, k := range sortedKeys(c.Stances) {
			st = append(st, fmt.Sprintf("%s %d", k, c.Stances[k]))
		}
		fmt.Fprintf(&b, "; %s", strings.Join(st, ", "))
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Statement is a statement reported, in near-identical words, by more
// than one article: who said it, of what kind, with what stance.
type Statement struct {
	Content   string         `json:"content"`  // as the first article words it
	Articles  []string       `json:"articles"` // document IDs
	Stories   int            `json:"stories"`  // independent stories: near-identical articles count once
	Outlets   []string       `json:"outlets"`
	Sources   []string       `json:"sources"`   // the sources as each article names them
	Named     int            `json:"named"`     // reports by named sources
	Anonymous int            `json:"anonymous"` // reports by anonymous sources
	Stances   map[string]int `json:"stances"`   // stance of each report
}

// minStatementWords is the shortest content compared: shorter ones
// ("yes", "the talks") are too common to tell a claim by.
const minStatementWords = 6

// Statements finds the statements that several articles report:
// attributions whose contents share most of their words.
func Statements(rows []store.StatementRow) []Statement {
	type item struct {
		row   store.StatementRow
		words map[string]bool
	}
	var items []item
	for _, r := range rows {
		w := wordSet(r.Content)
		if len(w) >= minStatementWords {
			items = append(items, item{r, w})
		}
	}
	sets := make([]map[string]bool, len(items))
	for i, it := range items {
		sets[i] = it.words
	}
	cands := candidates(sets, statementSimilarity)
	used := make([]bool, len(items))
	var out []Statement
	for i := range items {
		if used[i] {
			continue
		}
		group := []int{i}
		for _, j := range cands(i) {
			if !used[j] && items[j].row.Doc != items[i].row.Doc && jaccard(items[i].words, items[j].words) >= statementSimilarity {
				group = append(group, j)
			}
		}
		if len(group) < 2 {
			continue
		}
		st := Statement{Content: items[i].row.Content, Stances: map[string]int{}}
		simhash := map[string]uint64{}
		for _, g := range group {
			used[g] = true
			r := items[g].row
			if !slices.Contains(st.Articles, r.Doc) {
				st.Articles = append(st.Articles, r.Doc)
				simhash[r.Doc] = r.DocSimhash
			}
			if r.Outlet != "" && !slices.Contains(st.Outlets, r.Outlet) {
				st.Outlets = append(st.Outlets, r.Outlet)
			}
			if r.Source != "" && !slices.Contains(st.Sources, r.Source) {
				st.Sources = append(st.Sources, r.Source)
			}
			switch r.Kind {
			case "named":
				st.Named++
			case "anonymous":
				st.Anonymous++
			}
			st.Stances[r.Stance]++
		}
		if len(st.Articles) < 2 {
			continue
		}
		st.Stories = stories(st.Articles, simhash)
		out = append(out, st)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Stories > out[j].Stories })
	return out
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}

// statementSimilarity is the least Jaccard similarity of the word sets
// of two statements that are one.
const statementSimilarity = 0.6

// candidates indexes word sets so that the sets that may reach Jaccard
// similarity t with set i are found without comparing every pair: two
// such sets must share a word among the first few of each, words ordered
// rarest first (prefix filtering). The function it returns gives, for i,
// the indexes above i of the sets that share a prefix word with it, in
// increasing order; it is a superset of the sets similar to i.
func candidates(sets []map[string]bool, t float64) func(i int) []int {
	df := map[string]int{}
	for _, s := range sets {
		for w := range s {
			df[w]++
		}
	}
	index := map[string][]int{}
	prefixes := make([][]string, len(sets))
	for i, s := range sets {
		words := make([]string, 0, len(s))
		for w := range s {
			words = append(words, w)
		}
		sort.Slice(words, func(a, b int) bool {
			if df[words[a]] != df[words[b]] {
				return df[words[a]] < df[words[b]]
			}
			return words[a] < words[b]
		})
		n := len(words) - int(math.Ceil(t*float64(len(words)))) + 1
		if n > len(words) {
			n = len(words)
		}
		prefixes[i] = words[:n]
		for _, w := range prefixes[i] {
			index[w] = append(index[w], i)
		}
	}
	return func(i int) []int {
		seen := map[int]bool{}
		var out []int
		for _, w := range prefixes[i] {
			for _, j := range index[w] {
				if j > i && !seen[j] {
					seen[j] = true
					out = append(out, j)
				}
			}
		}
		sort.Ints(out)
		return out
	}
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// Summary is a one-line account of a statement's sourcing.
func (s Statement) Summary() string {
	var st []string
	for _, k := range sortedKeys(s.Stances) {
		st = append(st, fmt.Sprintf("%s %d", k, s.Stances[k]))
	}
	content := s.Content
	if len(content) > 100 {
		content = content[:100] + "…"
	}
	return fmt.Sprintf("%q: %d articles, %d independent, from %s; sources: %s (%d named, %d anonymous); %s",
		content, len(s.Articles), s.Stories, strings.Join(s.Outlets, ", "), strings.Join(s.Sources, "; "), s.Named, s.Anonymous, strings.Join(st, ", "))
}
