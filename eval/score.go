// Package eval scores analysed documents against hand-made gold files
// (spec/eval.md). It follows the project's reference scorer,
// tools/score.py, rule for rule, so that `herodot eval` and the scorer
// give the same figures on the same predictions: matching by text, not
// offsets, greedy one-to-one pairing, and the corpus pooling rules.
//
// Gold and predicted documents are handled as decoded JSON (see Decode),
// as the reference scorer handles them, so that a prediction written by
// any tool can be scored.
package eval

import (
	"sort"
)

// Obj is a decoded JSON object.
type Obj = map[string]any

// Scores maps figure names to values: int for counts, float64 otherwise.
type Scores map[string]any

// Score scores one predicted document against its gold annotation.
func Score(gold, pred Obj) Scores {
	out := Scores{}
	for _, f := range []func(Obj, Obj) Scores{scoreEntities, scoreCoref, scoreAttributions, scoreTimes, scoreEvents, scoreBoilerplate} {
		for k, v := range f(gold, pred) {
			out[k] = v
		}
	}
	return out
}

type pair struct{ g, p int }

// greedy matches gold and predicted items one to one, best pairs first;
// ties go to the later gold item, then the later predicted one (the order
// of a reversed sort of (score, gold, pred) tuples).
func greedy(ng, np int, sim func(i, j int) float64, floor float64) []pair {
	type cand struct {
		s    float64
		i, j int
	}
	var cands []cand
	for i := 0; i < ng; i++ {
		for j := 0; j < np; j++ {
			if s := sim(i, j); s >= floor {
				cands = append(cands, cand{s, i, j})
			}
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		x, y := cands[a], cands[b]
		if x.s != y.s {
			return x.s > y.s
		}
		if x.i != y.i {
			return x.i > y.i
		}
		return x.j > y.j
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	var out []pair
	for _, c := range cands {
		if usedG[c.i] || usedP[c.j] {
			continue
		}
		usedG[c.i], usedP[c.j] = true, true
		out = append(out, pair{c.i, c.j})
	}
	return out
}

func prf(tp, npred, ngold int) (float64, float64, float64) {
	var p, r, f float64
	if npred > 0 {
		p = float64(tp) / float64(npred)
	}
	if ngold > 0 {
		r = float64(tp) / float64(ngold)
	}
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// ratio is a / b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func scoreEntities(gold, pred Obj) Scores {
	kinds := map[string]bool{"PERSON": true, "ORG": true, "GPE": true}
	var gEnts, pEnts []Obj
	for _, e := range list(gold["entities"]) {
		if o, ok := e.(Obj); ok && kinds[str(o["type"])] {
			gEnts = append(gEnts, o)
		}
	}
	for _, e := range list(pred["entities"]) {
		if o, ok := e.(Obj); ok && kinds[str(o["type"])] {
			pEnts = append(pEnts, o)
		}
	}
	match := func(g, p Obj) float64 {
		gn, pn := normText(str(g["name"])), normText(str(p["name"]))
		if pn == gn {
			return 1.0
		}
		if entityNames(p)[gn] {
			return 0.8
		}
		for _, a := range list(g["aliases"]) {
			if normText(str(a)) == pn {
				return 0.8
			}
		}
		return 0
	}
	pairs := greedy(len(gEnts), len(pEnts), func(i, j int) float64 { return match(gEnts[i], pEnts[j]) }, 0.8)
	right := 0
	for _, p := range pEnts {
		for _, g := range gEnts {
			if match(g, p) > 0 {
				right++
				break
			}
		}
	}
	p := ratio(right, len(pEnts))
	r := ratio(len(pairs), len(gEnts))
	var f float64
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	typed, exact, country := 0, 0, 0
	for _, pr := range pairs {
		g, pe := gEnts[pr.g], pEnts[pr.p]
		if str(g["type"]) == str(pe["type"]) && pe["type"] != nil {
			typed++
		}
		ga, pa := str(g["actor"]), str(pe["actor"])
		if ga != "" && pa == ga {
			exact++
		}
		if ga != "" && prefix(pa, 3) == prefix(ga, 3) {
			country++
		}
	}
	n := len(pairs)
	if n == 0 {
		n = 1
	}
	return Scores{"entity_p": p, "entity_r": r, "entity_f1": f, "entity_type_acc": ratio(typed, n),
		"actor_exact": ratio(exact, n), "actor_country": ratio(country, n),
		"entity_gold": len(gEnts), "entity_pred": len(pEnts), "entity_tp": len(pairs), "entity_right": right}
}

func entityNames(e Obj) map[string]bool {
	names := map[string]bool{normText(str(e["name"])): true}
	for _, m := range list(e["mentions"]) {
		if o, ok := m.(Obj); ok {
			names[normText(str(o["text"]))] = true
		}
	}
	for _, a := range list(e["aliases"]) {
		names[normText(str(a))] = true
	}
	delete(names, "")
	return names
}

func scoreCoref(gold, pred Obj) Scores {
	text := str(pred["text"])
	ents := list(pred["entities"])
	total, right := 0, 0
	for _, c := range list(gold["coreference"]) {
		co, _ := c.(Obj)
		total++
		mention, head := str(co["mention"]), str(co["head"])
		at := -1
		if text != "" {
			at = runeIndex(text, mention)
		}
		if at < 0 {
			continue
		}
		h0 := at + runeIndex(mention, head)
		h1 := h0 + len([]rune(head))
		b0, b1 := byteOffset(text, h0), byteOffset(text, h1)
		for _, e := range ents {
			eo, _ := e.(Obj)
			hit := false
			for _, m := range list(eo["mentions"]) {
				mo, _ := m.(Obj)
				sp := list(mo["span"])
				if len(sp) >= 2 && num(sp[0]) < float64(b1) && num(sp[1]) > float64(b0) {
					hit = true
					break
				}
			}
			if hit {
				if normText(str(eo["name"])) == normText(str(co["refers_to"])) {
					right++
				}
				break
			}
		}
	}
	return Scores{"coref_acc": ratio(right, total), "coref_n": total}
}

// textOf reads a field that is either an object with "text" or a string.
func textOf(v any) string {
	if o, ok := v.(Obj); ok {
		return str(o["text"])
	}
	return str(v)
}

func scoreAttributions(gold, pred Obj) Scores {
	gAt, pAt := objects(gold["attributions"]), objects(pred["attributions"])
	sim := func(i, j int) float64 {
		g, p := gAt[i], pAt[j]
		gc, pc := textOf(g["content"]), textOf(p["content"])
		if gc == "" { // a refusal to comment: matched on its source
			a, b := overlap(textOf(g["source"]), textOf(p["source"]))
			if equal(p["stance"], g["stance"]) && a >= 0.5 {
				return (a + b) / 2
			}
			return 0
		}
		a, b := overlap(gc, pc)
		if a < 0.5 || b < 0.3 {
			return 0
		}
		s1, s2 := overlap(textOf(g["source"]), textOf(p["source"]))
		return (a+b)/2 + 0.25*(s1+s2)/2
	}
	pairs := greedy(len(gAt), len(pAt), sim, 0.4)
	p, r, f := prf(len(pairs), len(pAt), len(gAt))
	fields := []string{"source", "kind", "stance", "count", "via"}
	hits, seen := map[string]int{}, map[string]int{}
	strict := 0
	for _, pr := range pairs {
		g, pa := gAt[pr.g], pAt[pr.p]
		ps := predSource(pa)
		for _, k := range fields {
			gv, has := g[k]
			if !has || k == "count" && gv == nil {
				continue
			}
			seen[k]++
			ok := false
			switch k {
			case "source":
				ok = sameSource(gv, ps["text"])
			case "kind":
				ok = equal(ps["kind"], gv)
			case "stance":
				ok = equal(pa["stance"], gv)
			case "count":
				ok = equal(ps["count"], gv)
			case "via":
				ok = sameStrings(list(pa["via"]), list(gv))
			}
			if ok {
				hits[k]++
			}
		}
		if strictMatch(g, pa) {
			strict++
		}
	}
	out := Scores{"attr_p": p, "attr_r": r, "attr_f1": f, "attr_gold": len(gAt), "attr_pred": len(pAt), "attr_tp": len(pairs),
		"attr_strict_tp": strict}
	_, _, out["attr_strict_f1"] = prf(strict, len(pAt), len(gAt))
	for _, k := range fields {
		if seen[k] > 0 {
			out["attr_"+k+"_acc"] = ratio(hits[k], seen[k])
		}
	}
	return out
}

// predSource is a predicted attribution's source as an object.
func predSource(p Obj) Obj {
	if o, ok := p["source"].(Obj); ok {
		return o
	}
	return Obj{"text": textOf(p["source"])}
}

func sameStrings(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if normText(str(a[i])) != normText(str(b[i])) {
			return false
		}
	}
	return true
}

// sameSource: half of each side's words shared, or the prediction is the
// gold source's core without its description. No gold source is right only
// when none is predicted.
func sameSource(goldText, predText any) bool {
	g, p := str(goldText), str(predText)
	if g == "" {
		return p == ""
	}
	a, b := overlap(g, p)
	return (a >= 0.5 && b >= 0.5) || (b >= 0.99 && (len(words(p)) >= 2 || a >= 0.25))
}

func strictMatch(g, p Obj) bool {
	ps := predSource(p)
	if !sameSource(g["source"], ps["text"]) {
		return false
	}
	if gk, ok := g["kind"]; ok && !equal(ps["kind"], gk) {
		return false
	}
	if gs, ok := g["stance"]; ok && !equal(p["stance"], gs) {
		return false
	}
	return true
}

func scoreTimes(gold, pred Obj) Scores {
	gT, pT := objects(gold["times"]), objects(pred["times"])
	sim := func(i, j int) float64 {
		a, b := overlap(str(gT[i]["text"]), str(pT[j]["text"]))
		if a >= 0.5 {
			return (a + b) / 2
		}
		return 0
	}
	pairs := greedy(len(gT), len(pT), sim, 0.5)
	val := 0
	for _, pr := range pairs {
		if pyStr(pT[pr.p]["value"]) == pyStr(gT[pr.g]["value"]) {
			val++
		}
	}
	_, r, _ := prf(len(pairs), len(pT), len(gT))
	return Scores{"time_found": r, "time_value_acc": ratio(val, len(gT)), "time_gold": len(gT)}
}

// codes returns the country prefixes of an event's actor or target: a
// string, an object with "code", or a list of either, plus the plural
// field for compound actors.
func codes(x Obj, k string) map[string]bool {
	out := map[string]bool{}
	for _, v := range []any{x[k], x[k+"s"]} {
		items, isList := v.([]any)
		if !isList {
			items = []any{v}
		}
		for _, it := range items {
			if o, ok := it.(Obj); ok {
				it = o["code"]
			}
			if s := str(it); s != "" {
				out[prefix(s, 3)] = true
			}
		}
	}
	return out
}

func sameCodes(g, p Obj, k string) bool {
	pc := codes(p, k)
	for c := range codes(g, k) {
		if pc[c] {
			return true
		}
	}
	return false
}

func scoreEvents(gold, pred Obj) Scores {
	gv, has := gold["events"]
	if !has {
		return Scores{}
	}
	gEv, pEv := objects(gv), objects(pred["events"])
	if len(gEv) == 0 {
		return Scores{"event_gold": 0, "event_pred": len(pEv), "event_tp": 0}
	}
	sim := func(i, j int) float64 {
		g, p := gEv[i], pEv[j]
		pt := normText(textOf(p["trigger"]))
		if pt == "" {
			return 0
		}
		found := false
		for _, t := range append([]any{textOf(g["trigger"])}, list(g["also_triggers"])...) {
			gt := normText(str(t))
			if gt != "" && prefix(gt, 4) == prefix(pt, 4) {
				found = true
				break
			}
		}
		if !found {
			return 0
		}
		s := 0.5
		if sameCodes(g, p, "actor") {
			s += 0.25
		}
		if sameCodes(g, p, "target") {
			s += 0.25
		}
		return s
	}
	pairs := greedy(len(gEv), len(pEv), sim, 0.5)
	p, r, f := prf(len(pairs), len(pEv), len(gEv))
	okType := func(g, p Obj) bool {
		for _, t := range append([]any{g["type"]}, list(g["also"])...) {
			if equal(p["type"], t) {
				return true
			}
		}
		return false
	}
	sameOrEmpty := func(g, p Obj, k string) bool {
		return sameCodes(g, p, k) || len(codes(g, k)) == 0 && len(codes(p, k)) == 0
	}
	typed, quad, triple := 0, 0, 0
	for _, pr := range pairs {
		g, pe := gEv[pr.g], pEv[pr.p]
		if okType(g, pe) {
			typed++
			if sameOrEmpty(g, pe, "actor") && sameOrEmpty(g, pe, "target") {
				triple++
			}
		}
		if equal(pe["quad"], g["quad"]) {
			quad++
		}
	}
	n := len(pairs)
	if n == 0 {
		n = 1
	}
	_, _, tf := prf(triple, len(pEv), len(gEv))
	return Scores{"event_p": p, "event_r": r, "event_f1": f, "event_type_acc": ratio(typed, n),
		"event_quad_acc": ratio(quad, n), "event_triple_f1": tf,
		"event_gold": len(gEv), "event_pred": len(pEv), "event_tp": len(pairs)}
}

func scoreBoilerplate(gold, pred Obj) Scores {
	text := normText(str(pred["text"]))
	bp := list(gold["boilerplate"])
	if len(bp) == 0 {
		return Scores{}
	}
	kept := 0
	for _, b := range bp {
		if containsStr(text, normText(str(b))) {
			kept++
		}
	}
	return Scores{"boilerplate_removed": float64(len(bp)-kept) / float64(len(bp))}
}
