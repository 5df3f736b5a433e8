package timex

import (
	"context"
	"testing"

	"herodot/document"
	"herodot/internal/testcorpus"
	"herodot/segment"
)

func times(t testing.TB, text, ref string) []document.Time {
	t.Helper()
	d := document.New(text)
	if ref != "" {
		d.ReferenceDate = &ref
	}
	if err := (segment.Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := (Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d.Times
}

func TestValues(t *testing.T) {
	tests := []struct {
		text, ref, want, wantText, mod string
	}{
		{"The raid took place on January 3.", "2026-01-28", "2026-01-03", "January 3", ""},
		{"The raid took place on December 5.", "2026-01-28", "2025-12-05", "December 5", ""},
		{"They met on Jan. 11.", "2026-01-28", "2026-01-11", "Jan. 11", ""},
		{"The attacks of September 11, 2001 changed everything.", "2019-11-20", "2001-09-11", "September 11, 2001", ""},
		{"It was signed on 4 March 1987.", "", "1987-03-04", "4 March 1987", ""},
		{"Prices peaked in January 2004.", "", "2004-01", "January 2004", ""},
		{"Since mid-December, the port has been closed.", "2026-01-28", "2025-12", "mid-December", "MID"},
		{"The talks stalled in late March.", "2026-05-02", "2026-03", "late March", "END"},
		{"They last met in January.", "1987-04-05", "1987-01", "January", ""},
		{"The last ballot was held last November.", "1987-04-05", "1986-11", "last November", ""},
		{"The pact dates from the late 2000s.", "2026-01-28", "200", "the late 2000s", "END"},
		{"Growth stalled in the mid 1990's.", "", "199", "the mid 1990's", "MID"},
		{"The party was founded in 1980.", "", "1980", "1980", ""},
		{"The envoy arrived on Wednesday.", "2017-11-16", "2017-11-15", "on Wednesday", ""},
		{"The envoy arrived on Wednesday.", "2019-11-20", "2019-11-20", "on Wednesday", ""},
		{"The envoy arrived on Friday.", "", "XXXX-WXX-5", "on Friday", ""},
		{"Troops moved in on Tuesday night.", "2017-11-16", "2017-11-14TNI", "on Tuesday night", ""},
		{"He returned late on Wednesday.", "2017-11-16", "2017-11-15", "late on Wednesday", "END"},
		{"The helicopter was hit last night.", "2019-11-20", "2019-11-19TNI", "last night", ""},
		{"Shipments rose last month.", "1987-04-05", "1987-03", "last month", ""},
		{"Shipments rose this month.", "2017-11-16", "2017-11", "this month", ""},
		{"The ban was imposed late last year.", "1987-04-05", "1986", "late last year", "END"},
		{"He was sacked a week ago.", "2017-11-16", "2017-11-09", "a week ago", ""},
		{"The rebels struck yesterday.", "2024-06-10", "2024-06-09", "yesterday", ""},
		{"Workers have left in recent weeks.", "2026-01-28", "PAST_REF", "in recent weeks", ""},
		{"The troops are currently in the north.", "2026-01-28", "PRESENT_REF", "currently", ""},
		{"Advisers were recently removed.", "2026-01-28", "PAST_REF", "recently", ""},
		{"It rained over the last five days.", "", "P5D", "the last five days", ""},
		{"They fought an 18-year insurgency.", "", "P18Y", "18-year", ""},
		{"She has been ill for more than a year.", "", "P1Y", "more than a year", "MORE_THAN"},
		{"The hearing lasted 32 minutes.", "", "PT32M", "32 minutes", ""},
		{"Rescuers worked for hours.", "", "PTXH", "hours", ""},
		{"Forces will stay for several more years.", "", "PXY", "several more years", ""},
	}
	for _, tt := range tests {
		got := times(t, tt.text, tt.ref)
		if len(got) != 1 {
			t.Errorf("%q (ref %s): %d times %+v, want 1", tt.text, tt.ref, len(got), got)
			continue
		}
		if got[0].Value != tt.want || got[0].Text != tt.wantText || got[0].Mod != tt.mod {
			t.Errorf("%q (ref %s): %q = %s %s, want %q = %s %s", tt.text, tt.ref, got[0].Text, got[0].Value, got[0].Mod, tt.wantText, tt.want, tt.mod)
		}
	}
}

func TestAnAgeIsNotATime(t *testing.T) {
	for _, text := range []string{"The 93 year-old refused to resign.", "A 40-year-old man was arrested.", "She is 50 years old."} {
		if got := times(t, text, "2020-01-01"); len(got) != 0 {
			t.Errorf("%q: %+v", text, got)
		}
	}
}

func TestNotTimes(t *testing.T) {
	for _, text := range []string{"You may leave now that the vote is over.", "The 2000 troops left.", "Theresa May spoke.", "They paid $2004 in fees."} {
		if got := times(t, text, "2020-01-01"); len(got) != 0 {
			t.Errorf("%q: %+v", text, got)
		}
	}
}

func TestThePreviousYear(t *testing.T) {
	got := times(t, "In 2004, imports rose 21% on the previous year.", "")
	if len(got) != 2 || got[1].Value != "2003" {
		t.Errorf("%+v", got)
	}
}

func BenchmarkTimex(b *testing.B) {
	var docs []*document.Document
	ref := "2020-01-01"
	for _, s := range testcorpus.NewsBodies(b) {
		d := document.New(s)
		d.ReferenceDate = &ref
		_ = segment.Stage{}.Process(context.Background(), d)
		docs = append(docs, d)
	}
	testcorpus.BenchStage(b, docs, Stage{}.Process)
}
