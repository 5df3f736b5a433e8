package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"herodot/document"
	"herodot/ingest"
	"herodot/pipeline"
)

// ploverRecord is a record of the PLOVER gold-standard file.
type ploverRecord struct {
	ID        string       `json:"id"`
	Date      string       `json:"date"`
	Event     string       `json:"event"`
	EventText string       `json:"eventText"`
	Text      string       `json:"text"`
	Source    ploverActors `json:"source"`
	Target    ploverActors `json:"target"`
}

// ploverActors is a list of actors; the gold file writes "" for none.
type ploverActors []ploverActor

func (p *ploverActors) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		*p = nil
		return nil
	}
	var as []ploverActor
	if err := json.Unmarshal(b, &as); err != nil {
		return err
	}
	*p = as
	return nil
}

type ploverActor struct {
	Text string `json:"actorText"`
	Code string `json:"code"`
}

// ploverNames maps the PLOVER 0.5b1 event names of the gold records to
// the current ones.
var ploverNames = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

// legacyCodes maps the country codes of the gold records that are not
// ISO 3166 (older CAMEO spellings) to the ISO codes herodot writes.
var legacyCodes = map[string]string{"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}

// PLOVERSplit chooses records by their number: the test split is the
// records whose number is a multiple of 3, the dev split the others.
type PLOVERSplit string

// Splits of the PLOVER gold records.
const (
	SplitDev  PLOVERSplit = "dev"
	SplitTest PLOVERSplit = "test"
	SplitAll  PLOVERSplit = "all"
)

// PLOVER codes every record of the gold file in split with the pipeline
// and scores the sentence-level coding: event type accuracy and macro-F1
// (a record with no event counts as NONE), and the share of records whose
// actor and recipient country the predicted event has.
func PLOVER(ctx context.Context, path string, split PLOVERSplit, pipe *pipeline.Pipeline) (Scores, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var recs []ploverRecord
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var golds, preds []string
	actorHit, actorN, targetHit, targetN := 0, 0, 0, 0
	for _, r := range recs {
		if r.Event == "DOCUMENT" || r.Text == "" || !inSplit(r.ID, split) {
			continue
		}
		gold := r.Event
		if n, ok := ploverNames[gold]; ok {
			gold = n
		}
		opts := ingest.Options{Published: r.Date}
		doc, err := ingest.FromText([]byte(r.Text), &opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.ID, err)
		}
		if err := pipe.Run(ctx, doc); err != nil {
			return nil, fmt.Errorf("%s: %w", r.ID, err)
		}
		ev := mainEvent(doc, r.EventText)
		pred := "NONE"
		if ev != nil {
			pred = ev.Type
		}
		golds, preds = append(golds, gold), append(preds, pred)
		if codes := countries(r.Source); len(codes) > 0 {
			actorN++
			if ev != nil && ev.Actor != nil && codes[prefix3(ev.Actor.Code)] {
				actorHit++
			}
		}
		if codes := countries(r.Target); len(codes) > 0 {
			targetN++
			if ev != nil && ev.Target != nil && codes[prefix3(ev.Target.Code)] {
				targetHit++
			}
		}
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("%s: no records in split %s", path, split)
	}
	right := 0
	for i := range golds {
		if golds[i] == preds[i] {
			right++
		}
	}
	return Scores{
		"plover_records":          len(golds),
		"plover_type_acc":         ratio(right, len(golds)),
		"plover_type_macro_f1":    macroF1(golds, preds),
		"plover_actor_country":    ratio(actorHit, actorN),
		"plover_target_country":   ratio(targetHit, targetN),
		"plover_actor_records":    actorN,
		"plover_target_records":   targetN,
		"plover_events_predicted": countNot(preds, "NONE"),
	}, nil
}

func inSplit(id string, split PLOVERSplit) bool {
	if split == SplitAll {
		return true
	}
	n, err := strconv.Atoi(id[max(0, len(id)-4):])
	if err != nil {
		return false
	}
	test := n%3 == 0
	return test == (split == SplitTest)
}

// mainEvent picks the event a sentence is coded with: the one whose
// trigger is in the gold event text, else the first.
func mainEvent(doc *document.Document, eventText string) *document.Event {
	if len(doc.Events) == 0 {
		return nil
	}
	et := strings.ToLower(eventText)
	for i := range doc.Events {
		if t := strings.ToLower(doc.Events[i].Trigger.Text); t != "" && strings.Contains(et, t) {
			return &doc.Events[i]
		}
	}
	return &doc.Events[0]
}

func countries(as []ploverActor) map[string]bool {
	out := map[string]bool{}
	for _, a := range as {
		if c := prefix3(a.Code); c != "" {
			if iso, ok := legacyCodes[c]; ok {
				c = iso
			}
			out[c] = true
		}
	}
	return out
}

func prefix3(code string) string {
	if len(code) < 3 {
		return ""
	}
	return code[:3]
}

func countNot(xs []string, v string) int {
	n := 0
	for _, x := range xs {
		if x != v {
			n++
		}
	}
	return n
}

// macroF1 averages the F1 of every gold label (the mean over the classes
// the gold records use).
func macroF1(golds, preds []string) float64 {
	labels := map[string]bool{}
	for _, g := range golds {
		labels[g] = true
	}
	names := make([]string, 0, len(labels))
	for l := range labels {
		names = append(names, l)
	}
	sort.Strings(names)
	sum := 0.0
	for _, l := range names {
		tp, fp, fn := 0, 0, 0
		for i := range golds {
			switch {
			case golds[i] == l && preds[i] == l:
				tp++
			case golds[i] != l && preds[i] == l:
				fp++
			case golds[i] == l && preds[i] != l:
				fn++
			}
		}
		_, _, f := prf(tp, tp+fp, tp+fn)
		sum += f
	}
	return sum / float64(len(names))
}
