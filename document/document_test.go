package document

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEmptyLayersAreArrays(t *testing.T) {
	b, err := json.Marshal(New("Rain fell."))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, layer := range []string{"removed", "sentences", "quotations", "entities", "attributions", "events", "times", "quantities"} {
		if !strings.Contains(s, `"`+layer+`":[]`) {
			t.Errorf("layer %s is not [] in %s", layer, s)
		}
	}
	for _, f := range []string{`"published":null`, `"reference_date":null`, `"reference_source":"none"`} {
		if !strings.Contains(s, f) {
			t.Errorf("%s missing in %s", f, s)
		}
	}
}

func TestSpansAndNestedLists(t *testing.T) {
	d := New("Ana Ruiz said the port is open.")
	d.Sentences = []Sentence{{Span: Span{0, 31}}}
	d.Entities = []Entity{{ID: "E1", Name: "Ana Ruiz", Type: "PERSON", Mentions: []Mention{{Span: Span{0, 8}, Text: "Ana Ruiz"}}}}
	d.Attributions = []Attribution{{ID: "A1", Stance: "asserted", Cue: Cue{Text: "said", Lemma: "say", Span: Span{9, 13}}}}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"sentences":[[0,31]]`, `"span":[0,8]`, `"titles":[]`, `"via":[]`, `"entity":null`, `"count":null`} {
		if !strings.Contains(s, want) {
			t.Errorf("%s missing in %s", want, s)
		}
	}
	if d.Entities[0].Titles != nil || d.Attributions[0].Via != nil {
		t.Error("marshalling changed the document")
	}
	var back Document
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Sentences) != 1 || back.Sentences[0].Span != (Span{0, 31}) || back.Entities[0].Mentions[0].Span != (Span{0, 8}) {
		t.Errorf("round trip: %+v", back)
	}
}

func TestContentID(t *testing.T) {
	if ContentID("a  b\n c") != ContentID("a b c") {
		t.Error("white space changes the ID")
	}
	if ContentID("a b c") == ContentID("a b d") || len(ContentID("x")) != 16 {
		t.Error("IDs of different texts collide or have the wrong length")
	}
}

func TestSentenceAt(t *testing.T) {
	d := New("One. Two. Three.")
	d.Sentences = []Sentence{{Span: Span{0, 4}}, {Span: Span{5, 9}}, {Span: Span{10, 16}}}
	for off, want := range map[int]int{0: 0, 3: 0, 4: -1, 5: 1, 12: 2, 16: -1} {
		if got := d.SentenceAt(off); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", off, got, want)
		}
	}
}

func TestLowerIsWorkedOutOnceAndFollowsTheTokens(t *testing.T) {
	d := New("Cuba SAID no")
	d.Tokens = []Token{{Span: Span{Start: 0, End: 4}}, {Span: Span{Start: 5, End: 9}}}
	got := d.Lower()
	if strings.Join(got, " ") != "cuba said" {
		t.Fatalf("Lower() = %q", got)
	}
	if &d.Lower()[0] != &got[0] {
		t.Error("Lower() worked out again for the same tokens")
	}
	d.Tokens = append(d.Tokens, Token{Span: Span{Start: 10, End: 12}})
	if got := d.Lower(); len(got) != 3 || got[2] != "no" {
		t.Errorf("after a token was added: %q", got)
	}
}
