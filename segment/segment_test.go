package segment

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herodot/document"
	"herodot/internal/testcorpus"
	"herodot/knowledge"
)

func sentences(t *testing.T, text string) []string {
	t.Helper()
	d := document.New(text)
	if err := (Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = d.Slice(s.Span)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "The talks ended. Both sides left.",
			[]string{"The talks ended.", "Both sides left."}},
		{"country abbreviation mid-sentence", "The U.S. envoy met U.N. staff in Geneva. They spoke for an hour.",
			[]string{"The U.S. envoy met U.N. staff in Geneva.", "They spoke for an hour."}},
		{"abbreviation ends a sentence before a starter", "The aid came from the U.S. The shipment arrived on time.",
			[]string{"The aid came from the U.S.", "The shipment arrived on time."}},
		{"titles before names", "Mr. Okafor and Gen. Salas met Sen. Ruiz and Dr. Lind at St. Mary's.",
			[]string{"Mr. Okafor and Gen. Salas met Sen. Ruiz and Dr. Lind at St. Mary's."}},
		{"month before a day", "The vote is due on Jan. 3 in the capital. Observers will attend.",
			[]string{"The vote is due on Jan. 3 in the capital.", "Observers will attend."}},
		{"company suffix", "Shares of Acme Inc. rose sharply. Analysts were surprised.",
			[]string{"Shares of Acme Inc. rose sharply.", "Analysts were surprised."}},
		{"initials", "The letter was signed by John F. Kennedy in 1961. It was later lost.",
			[]string{"The letter was signed by John F. Kennedy in 1961.", "It was later lost."}},
		{"decimals and times", "Growth slowed to 2.5 percent at 10.30 a.m. on Monday. Markets fell.",
			[]string{"Growth slowed to 2.5 percent at 10.30 a.m. on Monday.", "Markets fell."}},
		{"ellipsis inside a quotation", `He said "we will stay ... whatever happens" and left. Nobody replied.`,
			[]string{`He said "we will stay ... whatever happens" and left.`, "Nobody replied."}},
		{"ellipsis before a new sentence", "The list went on... The meeting ran late.",
			[]string{"The list went on...", "The meeting ran late."}},
		{"doubled period", "The structure stayed intact.. Neither side commented.",
			[]string{"The structure stayed intact..", "Neither side commented."}},
		{"sentence ends inside quotes", `She said: “The border is closed.” Trucks waited for days.`,
			[]string{`She said: “The border is closed.”`, "Trucks waited for days."}},
		{"question in quotes goes on in lower case", `“Why now?” he asked. Nobody answered.`,
			[]string{`“Why now?” he asked.`, "Nobody answered."}},
		{"paragraph break", "Rain fell across the region\nRoads were closed.",
			[]string{"Rain fell across the region", "Roads were closed."}},
		{"hard-wrapped line goes on", "The minister said the plan\nwould be ready in May.",
			[]string{"The minister said the plan\nwould be ready in May."}},
		{"quotation then a name and a verb of saying", `“Did he agree?” Holmes testified. The hearing went on.`,
			[]string{`“Did he agree?” Holmes testified.`, "The hearing went on."}},
		{"a verb of saying that opens a clause starts a new sentence", `She said: "We deny it." She added that talks would go on.`,
			[]string{`She said: "We deny it."`, "She added that talks would go on."}},
		{"closing mark after a space", "“We are ready. ” Then the talks began.",
			[]string{"“We are ready. ”", "Then the talks began."}},
		{"possessive after an abbreviation", "It shaped the U.K.’s Dec. 12 election. Voters noticed.",
			[]string{"It shaped the U.K.’s Dec. 12 election.", "Voters noticed."}},
		{"exclamation", "Stop the vote! The crowd shouted for hours.",
			[]string{"Stop the vote!", "The crowd shouted for hours."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(t, tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sentences of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokenSpans(t *testing.T) {
	text := "Diaz-Canel’s aides, in the U.S., paid $1,000 at 10:30."
	toks := Tokenize(text, knowledge.Default())
	var got []string
	for _, tk := range toks {
		got = append(got, text[tk.Start:tk.End])
	}
	want := []string{"Diaz-Canel", "’s", "aides", ",", "in", "the", "U.S.", ",", "paid", "$", "1,000", "at", "10:30", "."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tokens:\n got %q\nwant %q", got, want)
	}
	if toks[12].Kind != document.Number {
		t.Errorf("10:30 is %v, want number", toks[12].Kind)
	}
}

func TestTokenSpansAreBytes(t *testing.T) {
	text := "Café «Société» reopened."
	for _, tk := range Tokenize(text, knowledge.Default()) {
		if tk.Start < 0 || tk.End > len(text) || tk.Start >= tk.End {
			t.Fatalf("bad span %v in %q", tk.Span, text)
		}
	}
	toks := Tokenize(text, knowledge.Default())
	if got := text[toks[0].Start:toks[0].End]; got != "Café" {
		t.Errorf("first token %q, want Café", got)
	}
}

func quotations(t *testing.T, text string) []string {
	t.Helper()
	d := document.New(text)
	if err := (Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range d.Quotations {
		s := d.Slice(q.Inner)
		if !q.Closed {
			s += " (unclosed)"
		}
		out = append(out, s)
	}
	return out
}

func TestQuotations(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"straight double", `He called it "a disaster" and "a shame".`, []string{"a disaster", "a shame"}},
		{"curly double", "She said “we are ready” on Friday.", []string{"we are ready"}},
		{"single inside double", `“They told us ‘go home’ at once,” he said.`, []string{"They told us ‘go home’ at once,", "go home"}},
		{"a straight mark that can only open starts a new quotation", `"We will look again. "All of it must be checked."`,
			[]string{"We will look again. (unclosed)", "All of it must be checked."}},
		{"straight single", "The so-called 'peace plan' failed.", []string{"peace plan"}},
		{"guillemets", "Il a dit «non» deux fois.", []string{"non"}},
		{"low-high German", "Er sagte „nein“ zweimal.", []string{"nein"}},
		{"apostrophes are not quotes", "Rodriguez’s aides, the ’90s and don’t mind the Smiths’ car.", nil},
		{"apostrophe inside a single quote", "He wrote ‘Cuba’s aid is over’ in May.", []string{"Cuba’s aid is over"}},
		{"possessive after a name inside a quote", `“Reuters’ sources were wrong,” she said.`, []string{"Reuters’ sources were wrong,"}},
		{"multi-paragraph quote", "“The first part goes here.\n\n“The second part ends here,” he said.",
			[]string{"The first part goes here.\n\n“The second part ends here,"}},
		{"unclosed at paragraph end", "He said “we will see.\nThen he left.", []string{"we will see. (unclosed)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quotations(t, tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("quotations of %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestManyQuotationMarks(t *testing.T) {
	text := strings.Repeat(`"a `, 100000)
	d := document.New(text)
	if err := (Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quotations) != 100000 {
		t.Errorf("got %d quotations from 100000 opening marks, want 100000", len(d.Quotations))
	}
}

func TestSeedArticle(t *testing.T) {
	dir := testcorpus.Shared(t, "corpus")
	b, err := os.ReadFile(filepath.Join(dir, "cuba-venezuela.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// the last line is a related-story headline that ingest removes
	text := strings.TrimSpace(string(b))
	text = text[:strings.LastIndexByte(text, '\n')]
	got := sentences(t, text)
	if len(got) != 28 {
		t.Errorf("seed article: %d sentences, want 28", len(got))
	}
	for _, s := range got {
		if strings.HasSuffix(s, "U.S.") || strings.HasSuffix(s, "Mr.") {
			t.Errorf("sentence cut after an abbreviation: %q", s)
		}
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"The U.S. envoy met Mr. Okafor on Jan. 3. He left.",
		`“Quote,” he said. 'Another' one... «x» „y“`,
		"intact.. Neither\n\n“para one\n\n“para two,” she said.",
		"’90s don’t Smiths’ \"\"\" '' ‘’ “”",
		"\xff\xfe invalid \x00 bytes",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := document.New(text)
		if err := (Stage{}).Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		prev := 0
		for _, s := range d.Sentences {
			if s.Start < prev || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("bad sentence span %v (previous end %d, text %d bytes)", s.Span, prev, len(text))
			}
			prev = s.End
		}
		for _, q := range d.Quotations {
			if !q.Span.Contains(q.Inner) || q.Span.End > len(text) {
				t.Fatalf("bad quotation %+v", q)
			}
		}
	})
}

func BenchmarkSegment(b *testing.B) {
	texts := testcorpus.NewsBodies(b)
	var bytes, sents int
	for _, t := range texts {
		bytes += len(t)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sents = 0
		for _, t := range texts {
			d := &document.Document{Text: t}
			_ = Stage{}.Process(context.Background(), d)
			sents += len(d.Sentences)
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func TestOverlongSentenceIsCut(t *testing.T) {
	text := strings.Repeat("alpha beta gamma delta ", 200) + "end. Next one."
	got := sentences(t, text)
	if len(got) != 5 {
		t.Fatalf("got %d sentences, want 4 pieces of the run-on and the last one", len(got))
	}
	if got[4] != "Next one." {
		t.Errorf("last sentence %q", got[4])
	}
	if n := len(strings.Fields(got[0])); n != MaxSentenceTokens {
		t.Errorf("first piece has %d words, want %d", n, MaxSentenceTokens)
	}
	if strings.Join(got, " ") != text {
		t.Error("cutting lost text")
	}
}
