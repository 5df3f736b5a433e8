package attribution

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herodot/document"
	"herodot/internal/testcorpus"
	"herodot/segment"
)

func analyse(t testing.TB, text string) []document.Attribution {
	t.Helper()
	d := document.New(text)
	if err := (segment.Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := (Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d.Attributions
}

// one returns the only attribution of text, failing otherwise.
func one(t *testing.T, text string) document.Attribution {
	t.Helper()
	ats := analyse(t, text)
	if len(ats) != 1 {
		t.Fatalf("%q: %d attributions, want 1: %s", text, len(ats), describe(ats))
	}
	return ats[0]
}

func describe(ats []document.Attribution) string {
	var b strings.Builder
	for _, a := range ats {
		fmt.Fprintf(&b, "\n  [%s] src=%q kind=%s cue=%q stance=%s via=%v quote=%s content=%q", a.ID, a.Source.Text, a.Source.Kind, a.Cue.Text, a.Stance, a.Via, a.Quote, a.Content.Text)
	}
	return b.String()
}

func count(a document.Attribution) string {
	if a.Source.Count == nil {
		return "null"
	}
	return fmt.Sprint(*a.Source.Count)
}

func TestConstructions(t *testing.T) {
	tests := []struct {
		name, text                 string
		source, cue, content, kind string
	}{
		{"X said that C", "The mayor said that the bridge would reopen in May.",
			"The mayor", "said", "the bridge would reopen in May", "named"},
		{"X said C", "Ana Ruiz said the talks had failed.",
			"Ana Ruiz", "said", "the talks had failed", "named"},
		{"C, X said", "The talks had failed, Ana Ruiz said.",
			"Ana Ruiz", "said", "The talks had failed", "named"},
		{"quoted C, X said", "“We will not leave,” the governor said.",
			"the governor", "said", "We will not leave,", "named"},
		{"inverted with an appositive", "“The dam is safe,” said Omar Haddad, a professor at Cairo University.",
			"Omar Haddad", "said", "The dam is safe,", "named"},
		{"X told an outlet C", "Two diplomats told Reuters the embassy would close.",
			"Two diplomats", "told", "the embassy would close", "anonymous"},
		{"according to X, C", "According to the ministry, exports fell by a third.",
			"the ministry", "According to", "exports fell by a third", "named"},
		{"C, according to X", "Exports fell by a third, according to customs data.",
			"customs data", "according to", "Exports fell by a third", "document"},
		{"said in a statement", "The army said in a statement that two soldiers were wounded.",
			"The army", "said", "two soldiers were wounded", "document"},
		{"a quotation resumed after a phrase", "“The deal is off,” the mayor said at a rally, “and it will stay off.”",
			"the mayor", "said", "“The deal is off,” the mayor said at a rally, “and it will stay off.”", "named"},
		{"X did something, saying C", "The governor vetoed the bill on Friday, saying it would raise taxes.",
			"The governor", "saying", "it would raise taxes", "named"},
		{"a document shows an object", "A new poll shows the senator leading her rival by six points.",
			"A new poll", "shows", "the senator leading her rival by six points", "document"},
		{"added", "The official added that more troops were on their way.",
			"The official", "added", "more troops were on their way", "anonymous"},
		{"appositive between commas", "Lena Park, an analyst at the institute, noted that prices had doubled.",
			"Lena Park", "noted", "prices had doubled", "named"},
		{"adverb before the cue", "A senior aide further revealed that the plan was shelved.",
			"A senior aide", "revealed", "the plan was shelved", "anonymous"},
		{"a statement said", "The statement said the port was closed to shipping.",
			"The statement", "said", "the port was closed to shipping", "document"},
		{"an outlet reported", "Reuters reported that the convoy had turned back.",
			"Reuters", "reported", "the convoy had turned back", "outlet"},
		{"a report that", "The minister rejected a report that the army had fired on protesters.",
			"The minister", "rejected", "a report that the army had fired on protesters", "named"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ats := analyse(t, tt.text)
			var found *document.Attribution
			for i := range ats {
				if ats[i].Cue.Text == tt.cue {
					found = &ats[i]
				}
			}
			if found == nil {
				t.Fatalf("no attribution with cue %q in %q:%s", tt.cue, tt.text, describe(ats))
			}
			if found.Source.Text != tt.source || found.Content.Text != tt.content || found.Source.Kind != tt.kind {
				t.Errorf("%q:\n got source %q (%s), content %q\nwant source %q (%s), content %q",
					tt.text, found.Source.Text, found.Source.Kind, found.Content.Text, tt.source, tt.kind, tt.content)
			}
		})
	}
}

func TestStance(t *testing.T) {
	for text, want := range map[string]string{
		"The ministry said the border was open.":                                 "asserted",
		"The ministry confirmed that the border was open.":                       "confirmed",
		"The ministry acknowledged that the border was open.":                    "confirmed",
		"The ministry denied that the border was open.":                          "denied",
		"The ministry rejected claims that the border was open.":                 "denied",
		"Other sources could not confirm whether the border was open.":           "unconfirmed",
		"The ministry suggested that the border was open.":                       "hedged",
		"A diplomat cautioned that the border may close soon.":                   "hedged",
		"The ministry said the border will likely reopen next week.":             "hedged",
		`"We categorically deny that any troops crossed," the spokeswoman said.`: "denied",
	} {
		if got := one(t, text).Stance; got != want {
			t.Errorf("%q: stance %s, want %s", text, got, want)
		}
	}
}

func TestDeclined(t *testing.T) {
	for _, text := range []string{
		"The embassy declined to comment.",
		"The company did not respond to requests for comment.",
		"A police spokesman could not be reached for comment.",
		"Neither the army nor the rebels responded to requests for comment.",
	} {
		a := one(t, text)
		if a.Stance != "declined" || a.Content.Text != "" || a.Quote != "none" {
			t.Errorf("%q: stance %s, content %q, quote %s; want declined, empty, none", text, a.Stance, a.Content.Text, a.Quote)
		}
	}
}

func TestUnverifiable(t *testing.T) {
	a := one(t, "The figure could not be independently verified.")
	if a.Stance != "unconfirmed" || a.Content.Text != "The figure" || a.Source.Text != "" {
		t.Errorf("passive: %s", describe([]document.Attribution{a}))
	}
	a = one(t, "It was not possible to independently verify the claim.")
	if a.Stance != "unconfirmed" || a.Content.Text != "the claim" {
		t.Errorf("impersonal: %s", describe([]document.Attribution{a}))
	}
}

func TestCount(t *testing.T) {
	for text, want := range map[string]string{
		"Eleven sources familiar with the matter told Reuters the deal was off.": "11",
		"11 sources familiar with the matter told Reuters the deal was off.":     "11",
		"Two sources said the deal was off.":                                     "2",
		"A source said the deal was off.":                                        "1",
		"Sources said the deal was off.":                                         "null",
		"Officials said the deal was off.":                                       "null",
		"Both ministers said the deal was off.":                                  "2",
		"The prime minister said the deal was off.":                              "1",
	} {
		if got := count(one(t, text)); got != want {
			t.Errorf("%q: count %s, want %s", text, got, want)
		}
	}
}

func TestVia(t *testing.T) {
	for text, want := range map[string]string{
		"The official told Reuters the deal was off.":                        "Reuters",
		"A White House official stated to Reuters that the deal was off.":    "Reuters",
		"The general told US media that the troops would stay.":              "US media",
		"The spokesman said on Twitter that the deal was off.":               "Twitter",
		"The president said in a post on Truth Social that the deal is off.": "Truth Social",
		"The minister said the deal was off.":                                "",
	} {
		if got := strings.Join(one(t, text).Via, " → "); got != want {
			t.Errorf("%q: via %q, want %q", text, got, want)
		}
	}
	if k := one(t, "The spokesman said on Twitter that the deal was off.").Source.Kind; k != "document" {
		t.Errorf("a post on a platform: kind %s, want document", k)
	}
}

func TestQuoteKinds(t *testing.T) {
	for text, want := range map[string]string{
		`“The deal is off,” the minister said.`:                       "direct",
		`The minister said the deal was “completely dead” by Friday.`: "partial",
		"The minister said the deal was off.":                         "indirect",
	} {
		if got := one(t, text).Quote; got != want {
			t.Errorf("%q: quote %s, want %s", text, got, want)
		}
	}
}

func TestPronounTakesItsAntecedentsKind(t *testing.T) {
	ats := analyse(t, "A senior official said the talks had stalled. He added that a new round was planned.")
	if len(ats) != 2 || ats[1].Source.Text != "He" || ats[1].Source.Kind != "anonymous" {
		t.Errorf("pronoun source:%s", describe(ats))
	}
}

func TestParticipleSharesTheSource(t *testing.T) {
	ats := analyse(t, "A diplomat told Reuters the talks had stalled, suggesting that a deal was unlikely.")
	if len(ats) != 2 || ats[1].Source.Text != "A diplomat" || ats[1].Stance != "hedged" || ats[0].Content.Text != "the talks had stalled" {
		t.Errorf("participle:%s", describe(ats))
	}
}

func TestTwoClaimsInOneSentence(t *testing.T) {
	ats := analyse(t, "While two sources noted that the troops had left, the ministry insisted that they remained.")
	if len(ats) != 2 || ats[0].Content.Text != "the troops had left" || ats[1].Source.Text != "the ministry" {
		t.Errorf("two claims:%s", describe(ats))
	}
}

func TestQuoteOverSeveralSentences(t *testing.T) {
	a := one(t, "“The convoy was stopped at dawn,” the officer said. “Nobody was allowed through.”")
	if !strings.Contains(a.Content.Text, "Nobody was allowed through") {
		t.Errorf("content %q does not take in the quote's second sentence", a.Content.Text)
	}
}

func TestCueInsideAQuoteIsContent(t *testing.T) {
	a := one(t, "“They told us the road was closed,” the driver said.")
	if a.Source.Text != "the driver" {
		t.Errorf("source %q, want the driver", a.Source.Text)
	}
}

func TestNotCues(t *testing.T) {
	for _, text := range []string{
		"Troops from the United States arrived on Monday.",
		"The report was published on Monday.",
		"The department has not been previously reported to the police.",
		"The two countries maintain close ties.",
		"They asked for more time.",
	} {
		if ats := analyse(t, text); len(ats) != 0 {
			t.Errorf("%q: %s", text, describe(ats))
		}
	}
}

func TestSharedCorpusFigures(t *testing.T) {
	dir := testcorpus.Shared(t, "corpus")
	b, err := os.ReadFile(filepath.Join(dir, "cuba-venezuela.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ats := analyse(t, string(b))
	var anonymous, declined int
	for _, a := range ats {
		if a.Source.Kind == "anonymous" {
			anonymous++
		}
		if a.Stance == "declined" {
			declined++
		}
	}
	if len(ats) < 20 || anonymous < 8 || declined != 1 {
		t.Errorf("seed article: %d attributions, %d anonymous, %d declined", len(ats), anonymous, declined)
	}
}

func BenchmarkAttribution(b *testing.B) {
	var docs []*document.Document
	sentences := 0
	for _, s := range testcorpus.NewsBodies(b) {
		d := document.New(s)
		_ = segment.Stage{}.Process(context.Background(), d)
		sentences += len(d.Sentences)
		docs = append(docs, d)
	}
	testcorpus.BenchStage(b, docs, Stage{}.Process)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*sentences), "ns/sentence")
}

func TestTranscriptTurnsAndSignedQuotes(t *testing.T) {
	text := "BREAKING: Senate passes the budget.\n\n" +
		"MORALES: Will you raise taxes? Voters want to know.\n\n" +
		"IBARRA: No. Not this year, and not next year.\n\n" +
		"MORALES: Thank you.\n\n" +
		"“We waited six hours to vote.” ― Lucia Fernández\n"
	ats := analyse(t, text)
	var got []string
	for _, a := range ats {
		got = append(got, a.Source.Text+"|"+a.Cue.Text+"|"+a.Content.Text+"|"+a.Quote)
	}
	want := []string{
		"MORALES|:|Will you raise taxes? Voters want to know.|direct",
		"IBARRA|:|No. Not this year, and not next year.|direct",
		"MORALES|:|Thank you.|direct",
		"Lucia Fernández|―|We waited six hours to vote.|direct",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestQuotationThatEndsTheContent(t *testing.T) {
	a := one(t, "The plan sends a clear message that a top priority “is cutting taxes,” Ms. Ruiz said.")
	if !strings.HasPrefix(a.Content.Text, "The plan sends a clear message") || a.Quote != "partial" {
		t.Errorf("the content is the whole statement, the quotation its end:%s", describe([]document.Attribution{a}))
	}
	a = one(t, "“We are cutting taxes,” Ms. Ruiz said.")
	if a.Content.Text != "We are cutting taxes," || a.Quote != "direct" {
		t.Errorf("a quotation alone is the content:%s", describe([]document.Attribution{a}))
	}
}

func TestProgressiveCueAndAuxiliaryAfterAnd(t *testing.T) {
	ats := analyse(t, "The ministers are under pressure and are insisting the talks resume, a source said.")
	if len(ats) != 2 || ats[0].Cue.Text != "insisting" || ats[0].Content.Text != "the talks resume" || ats[1].Source.Text != "a source" {
		t.Errorf("want the ministers' insistence inside the source's report:%s", describe(ats))
	}
	a := one(t, "Chile is saying the border will stay closed.")
	if a.Source.Text != "Chile" || a.Cue.Text != "saying" {
		t.Errorf("a progressive is no passive:%s", describe([]document.Attribution{a}))
	}
}
