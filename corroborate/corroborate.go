// Package corroborate finds the same claim across articles and says how
// well it is sourced: how many articles report it, how many of them are
// independent (copies of one wire story count once), which outlets, how
// many named and anonymous sources, and with what stances.
package corroborate

import (
	"fmt"
	"sort"
	"strings"

	"herodot/store"
)

// Claim is an event reported by one or more articles: the same type, the
// same actor country and the same target country.
type Claim struct {
	Type, Actor, Target string
	Articles            []string       // document IDs
	Stories             int            // independent stories: near-identical articles count once
	Outlets             []string       // distinct outlets
	Named, Anonymous    int            // reports attributed to named or anonymous sources
	Documents, Narrated int            // reports attributed to documents or outlets, and told by the outlet itself
	Stances             map[string]int // stance of each attributed report
	Statuses            map[string]int
	Triggers            []string
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
		if !contains(c.Articles, r.Doc) {
			c.Articles = append(c.Articles, r.Doc)
			simhash[r.Doc] = r.Simhash
		}
		if r.Outlet != "" && !contains(c.Outlets, r.Outlet) {
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
		if !contains(c.Triggers, strings.ToLower(r.Trigger)) {
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

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
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
