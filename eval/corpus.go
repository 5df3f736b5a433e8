package eval

import (
	"strings"
)

// Pool combines the scores of many articles as the reference scorer
// does for a corpus: precision, recall and F1 from pooled counts for
// attributions, events and entities; counts summed; every other figure
// averaged, weighted by its layer's matched pairs where it has them.
func Pool(per []Scores) Scores {
	out := Scores{"articles": len(per)}
	count := func(k string) int {
		n := 0
		for _, d := range per {
			if v, ok := d[k].(int); ok {
				n += v
			}
		}
		return n
	}
	for _, l := range []struct{ layer, right string }{{"attr", "attr_tp"}, {"event", "event_tp"}, {"entity", "entity_right"}} {
		tp, right := count(l.layer+"_tp"), count(l.right)
		npred, ngold := count(l.layer+"_pred"), count(l.layer+"_gold")
		if ngold == 0 {
			continue
		}
		p := ratio(right, npred)
		r := float64(tp) / float64(ngold)
		out[l.layer+"_p"], out[l.layer+"_r"] = p, r
		f := 0.0
		if p+r != 0 {
			f = 2 * p * r / (p + r)
		}
		out[l.layer+"_f1"] = f
	}
	keys := map[string]bool{}
	for _, d := range per {
		for k := range d {
			if _, done := out[k]; !done {
				keys[k] = true
			}
		}
	}
	for k := range keys {
		if strings.HasSuffix(k, "_tp") || strings.HasSuffix(k, "_gold") || strings.HasSuffix(k, "_pred") || strings.HasSuffix(k, "_right") {
			out[k] = count(k)
			continue
		}
		layer, _, _ := strings.Cut(k, "_")
		var sum, plain float64
		tot, n := 0, 0
		for _, d := range per {
			v, ok := d[k]
			if !ok {
				continue
			}
			w := 1
			if x, has := d[layer+"_tp"]; has {
				w, _ = x.(int)
			}
			sum += num2(v) * float64(w)
			plain += num2(v)
			tot += w
			n++
		}
		if tot != 0 {
			out[k] = sum / float64(tot)
		} else {
			out[k] = plain / float64(max(n, 1))
		}
	}
	if g, _ := out["attr_gold"].(int); g != 0 {
		_, _, out["attr_strict_f1"] = prf(out["attr_strict_tp"].(int), out["attr_pred"].(int), g)
	}
	return out
}

func num2(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	return 0
}
