package eval

import (
	"encoding/json"
	"fmt"
	"herodot/internal/testcorpus"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestNormText(t *testing.T) {
	// expected values are what the reference scorer's norm() returns
	for in, want := range map[string]string{
		"“Hello,” U.S.-led talks’ end — 3.5% rise": "hello u.s led talks end 3.5 rise",
		"Ünïcode  ﬁne_print  don't -x- a..b":       "ünïcode fine_print don't x a b",
		"Diaz-Canel’s aides...said":                "diaz-canel's aides said",
		"１２３ＡＢＣ":                                   "123abc",
		"x.y.z- q'":                                "x.y.z q",
	} {
		if got := normText(in); got != want {
			t.Errorf("normText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOverlap(t *testing.T) {
	a, b := overlap("the the cat sat", "the cat")
	if a != 0.5 || b != 1 {
		t.Errorf("overlap = %v, %v; want 0.5, 1", a, b)
	}
}

func TestGreedyTies(t *testing.T) {
	// equal scores: the later gold item, then the later prediction, wins
	got := greedy(2, 2, func(i, j int) float64 { return 1 }, 0.5)
	if fmt.Sprint(got) != "[{1 1} {0 0}]" {
		t.Errorf("greedy = %v", got)
	}
}

func TestPyFloat(t *testing.T) {
	for f, want := range map[float64]string{
		1: "1.0", 0: "0.0", 0.5: "0.5", 2.0 / 3: "0.6666666666666666", 1e-05: "1e-05",
		0.0001: "0.0001", 1e16: "1e+16", 123456789012345.6: "123456789012345.6", 5.75: "5.75",
	} {
		if got := pyFloat(f); got != want {
			t.Errorf("pyFloat(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestScoreAttributionFields(t *testing.T) {
	gold := mustDecode(t, `{"attributions":[{"source":"two officials","kind":"anonymous","count":2,"stance":"denied","via":["Reuters"],"content":"the army crossed the river at night"}]}`)
	pred := mustDecode(t, `{"attributions":[{"source":{"text":"two officials","kind":"anonymous","count":2},"stance":"asserted","via":["reuters"],"content":{"text":"the army crossed the river"}}]}`)
	s := Score(gold, pred)
	if s["attr_tp"] != 1 || s["attr_stance_acc"] != 0.0 || s["attr_via_acc"] != 1.0 || s["attr_count_acc"] != 1.0 || s["attr_strict_tp"] != 0 {
		t.Errorf("scores %v", s)
	}
}

func mustDecode(t *testing.T, s string) Obj {
	t.Helper()
	o, err := Decode([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// sharedDir returns ../shared/<sub>, skipping the test where it is absent.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	return testcorpus.Shared(t, sub)
}

func python(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the parity test runs the reference scorer")
	}
	return p
}

// runScorer runs tools/score.py on a gold and a prediction folder.
func runScorer(t *testing.T, goldDir, predDir string) map[string]any {
	t.Helper()
	script := filepath.Join(sharedDir(t, "tools"), "score.py")
	out, err := exec.Command(python(t), script, goldDir, predDir, "--json").Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("score.py output %q: %v", out, err)
	}
	return m
}

// sameFigures compares two sets of figures: the same keys, and values
// equal up to the last bits that float summation order may change.
func sameFigures(t *testing.T, want map[string]any, got Scores) {
	t.Helper()
	var gm map[string]any
	if err := json.Unmarshal(got.MarshalPython(), &gm); err != nil {
		t.Fatal(err)
	}
	for k, wv := range want {
		gv, ok := gm[k]
		if !ok {
			t.Errorf("%s: missing (score.py: %v)", k, wv)
			continue
		}
		w, g := wv.(float64), gv.(float64)
		if math.Abs(w-g) > 1e-12*math.Max(1, math.Abs(w)) {
			t.Errorf("%s = %v, score.py says %v", k, g, w)
		}
	}
	for k := range gm {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: not in score.py's output", k)
		}
	}
}

// TestParityWithScorer scores predictions made by perturbing the gold
// files (items dropped, contents cut, stances, vias, times and codes
// changed, spurious items added) with both the reference scorer and this
// package, and requires the same figures.
func TestParityWithScorer(t *testing.T) {
	corpus := sharedDir(t, "corpus")
	golds, err := FindGold(corpus)
	if err != nil || len(golds) == 0 {
		t.Fatalf("gold files: %v %v", golds, err)
	}
	goldDir, predDir := t.TempDir(), t.TempDir()
	var per []Scores
	for n, g := range golds {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := os.ReadFile(strings.TrimSuffix(g, GoldSuffix) + ".txt")
		gold, err := Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		pred := perturb(gold, string(text), n)
		pb, err := json.Marshal(pred)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("a%02d", n)
		if err := os.WriteFile(filepath.Join(goldDir, name+GoldSuffix), data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(predDir, name+".json"), pb, 0o644); err != nil {
			t.Fatal(err)
		}
		pd, err := DecodePrediction(pb)
		if err != nil {
			t.Fatal(err)
		}
		per = append(per, Score(gold, pd))
		// and article by article
		sameFigures(t, runScorer(t, filepath.Join(goldDir, name+GoldSuffix), filepath.Join(predDir, name+".json")), per[n])
	}
	pooled := Pool(per)
	t.Logf("pooled figures of the perturbed predictions: %s", pooled.MarshalPython())
	sameFigures(t, runScorer(t, goldDir, predDir), pooled)
}

// perturb builds a prediction from a gold annotation, changing it in
// ways that exercise every rule of the scorer. n varies the changes.
func perturb(gold Obj, text string, n int) Obj {
	pred := Obj{"text": text}
	var ents []any
	for i, e := range objects(gold["entities"]) {
		if i%4 == 3 {
			continue
		}
		name := str(e["name"])
		if al := list(e["aliases"]); i%3 == 1 && len(al) > 0 {
			name = str(al[0])
		}
		var mentions []any
		for _, surface := range append([]any{e["name"]}, list(e["aliases"])...) {
			s := str(surface)
			if at := strings.Index(text, s); s != "" && at >= 0 {
				mentions = append(mentions, Obj{"text": s, "span": []any{at, at + len(s)}})
			}
		}
		actor := str(e["actor"])
		if i%5 == 2 && len(actor) > 3 {
			actor = actor[:3] + "XXX"
		}
		ents = append(ents, Obj{"name": name, "type": e["type"], "actor": actor, "mentions": mentions})
	}
	ents = append(ents, Obj{"name": "Nobody In Particular", "type": "PERSON"})
	pred["entities"] = ents

	var ats []any
	for i, a := range objects(gold["attributions"]) {
		if (i+n)%6 == 5 {
			continue
		}
		content := str(a["content"])
		if w := strings.Fields(content); i%2 == 1 && len(w) > 4 {
			content = strings.Join(w[:len(w)-2], " ")
		}
		stance := a["stance"]
		if i%4 == 2 {
			stance = "hedged"
		}
		via := a["via"]
		if i%5 == 3 {
			via = []any{"Someone"}
		}
		src := Obj{"text": a["source"], "kind": a["kind"], "count": a["count"]}
		if i%7 == 4 {
			src["text"] = "a person"
		}
		ats = append(ats, Obj{"source": src, "stance": stance, "via": via, "content": Obj{"text": content}})
	}
	ats = append(ats, Obj{"source": "a spokesman", "stance": "asserted", "content": "nothing that the gold has"})
	pred["attributions"] = ats

	var times []any
	for i, tm := range objects(gold["times"]) {
		v := tm["value"]
		if i%3 == 1 {
			v = "XXXX"
		}
		times = append(times, Obj{"text": tm["text"], "value": v})
	}
	pred["times"] = times

	var evs []any
	for i, e := range objects(gold["events"]) {
		if i%5 == 4 {
			continue
		}
		ev := Obj{"trigger": Obj{"text": e["trigger"]}, "type": e["type"], "quad": e["quad"], "actor": e["actor"], "target": e["target"]}
		if i%3 == 1 {
			ev["type"] = "CONSULT"
			ev["actor"] = Obj{"code": "ZZZ"}
		}
		evs = append(evs, ev)
	}
	pred["events"] = evs
	return pred
}
