package event

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"herodot/attribution"
	"herodot/document"
	"herodot/entity"
	"herodot/internal/testcorpus"
	"herodot/segment"
	"herodot/timex"
)

func analyse(t testing.TB, text, ref string) *document.Document {
	t.Helper()
	d := document.New(text)
	if ref != "" {
		d.ReferenceDate = &ref
	}
	for _, st := range []interface {
		Process(context.Context, *document.Document) error
	}{segment.Stage{}, entity.Stage{}, timex.Stage{}, attribution.Stage{}, Stage{}} {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func describe(evs []document.Event) string {
	var b strings.Builder
	for _, e := range evs {
		code := func(a *document.Argument) string {
			if a == nil {
				return "-"
			}
			return a.Code
		}
		att := "-"
		if e.Attribution != nil {
			att = *e.Attribution
		}
		fmt.Fprintf(&b, "\n  %s %s(%s) %s→%s %s by %s", e.ID, e.Type, e.Trigger.Text, code(e.Actor), code(e.Target), e.Status, att)
	}
	return b.String()
}

// withTrigger returns the event of d whose trigger is text, or nil.
func withTrigger(d *document.Document, text string) *document.Event {
	for i := range d.Events {
		if d.Events[i].Trigger.Text == text {
			return &d.Events[i]
		}
	}
	return nil
}

func only(t *testing.T, d *document.Document) document.Event {
	t.Helper()
	if len(d.Events) != 1 {
		t.Fatalf("%d events, want 1:%s", len(d.Events), describe(d.Events))
	}
	return d.Events[0]
}

func TestActorTypeTarget(t *testing.T) {
	e := only(t, analyse(t, "Peruvian troops began withdrawing from Bolivia on Monday.", "2024-05-08"))
	if e.Type != "RETREAT" || e.Mode != "withdraw" || e.Quad != "material_cooperation" || e.Actor == nil || e.Actor.Code != "PER" || e.Target == nil || e.Target.Code != "BOL" {
		t.Errorf("event:%s", describe([]document.Event{e}))
	}
	if e.Time == nil || e.Time.Value != "2024-05-06" {
		t.Errorf("time %+v", e.Time)
	}
}

func TestPassiveWithAgent(t *testing.T) {
	e := only(t, analyse(t, "Four Chilean soldiers were killed by Argentine forces.", ""))
	if e.Type != "ASSAULT" || e.Actor == nil || e.Actor.Code[:3] != "ARG" || e.Target == nil || e.Target.Code[:3] != "CHL" {
		t.Errorf("event:%s", describe([]document.Event{e}))
	}
}

func TestAttributionAndStatus(t *testing.T) {
	d := analyse(t, "The Kremlin denied that Russian jets attacked Georgia.", "")
	attack := withTrigger(d, "attacked")
	if attack == nil || attack.Attribution == nil || attack.Status != "denied" {
		t.Fatalf("the attack reported in a denial should be denied:%s", describe(d.Events))
	}
	e := only(t, analyse(t, "Two sources said Peru would withdraw from Bolivia.", ""))
	if e.Status != "planned" || e.Attribution == nil {
		t.Errorf("event:%s", describe([]document.Event{e}))
	}
}

func TestNeedsAnActor(t *testing.T) {
	if d := analyse(t, "The talks were held in a warm atmosphere.", ""); len(d.Events) != 0 {
		t.Errorf("events without a coded actor or target:%s", describe(d.Events))
	}
}

func TestBackReferenceIsNotANewEvent(t *testing.T) {
	d := analyse(t, "Cuban advisers began withdrawing from Venezuela. The withdrawal surprised analysts.", "")
	if len(d.Events) != 1 {
		t.Errorf("events:%s", describe(d.Events))
	}
}

func TestDefiniteNounWithNothingBeforeIsAnEvent(t *testing.T) {
	// "their withdrawal" refers back to nothing told before: it is the event
	e := only(t, analyse(t, "Peru said its forces had completed their withdrawal from Bolivia.", ""))
	if e.Type != "RETREAT" || e.Actor == nil || e.Actor.Code[:3] != "PER" {
		t.Errorf("event:%s", describe([]document.Event{e}))
	}
}

func TestOutletsAreNotActors(t *testing.T) {
	e := only(t, analyse(t, "Reuters reported that Peru expelled Chilean diplomats.", ""))
	if e.Actor == nil || e.Actor.Code != "PER" {
		t.Errorf("event:%s", describe([]document.Event{e}))
	}
}

func BenchmarkEvent(b *testing.B) {
	var docs []*document.Document
	for _, s := range testcorpus.NewsBodies(b) {
		docs = append(docs, analyse(b, s, "2020-01-01"))
	}
	testcorpus.BenchStage(b, docs, Stage{}.Process)
}

func TestQuantities(t *testing.T) {
	d := analyse(t, "The Peruvian government confirmed that 32 of its citizens were killed. More than 2,500 Bolivian civilians have fled. Two sources said Chile paid about 60 mln dlrs.", "")
	want := []string{
		"32 people killed PER ",
		"2500 people fled BOL MORE_THAN",
		"2 sources sources  ",
		"6e+07 USD  CHL APPROX",
	}
	var got []string
	for _, q := range d.Quantities {
		got = append(got, fmt.Sprintf("%v %s %s %s %s", q.Value, q.Unit, q.What, q.Of, q.Mod))
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("quantities:\n got %q\nwant %q", got, want)
	}
	for _, ev := range d.Events {
		if ev.Trigger.Text == "killed" && len(ev.Quantities) != 1 {
			t.Errorf("the killing should carry its death toll: %+v", ev.Quantities)
		}
	}
}

func TestAgeAndYearAreNotCounts(t *testing.T) {
	d := analyse(t, "In 1987, the 93 year-old leader met two diplomats.", "")
	if len(d.Quantities) != 1 || d.Quantities[0].Value != 2 {
		t.Errorf("quantities %+v", d.Quantities)
	}
}

func TestHaltedCooperationIsASanction(t *testing.T) {
	for _, tc := range []struct{ text, trigger, cameo string }{
		{"Norway suspended its development aid to Malawi on Friday.", "suspended its development aid", "162"},
		{"Chile cancelled a planned visit to Argentina by its defence minister.", "cancelled a planned visit", "161"},
	} {
		e := only(t, analyse(t, tc.text, "2024-05-08"))
		if e.Type != "SANCTION" || e.Trigger.Text != tc.trigger || e.Cameo != tc.cameo {
			t.Errorf("%q:%s", tc.text, describe([]document.Event{e}))
		}
	}
	// aid that flows is still aid
	d := analyse(t, "Norway sent aid to Malawi on Friday.", "2024-05-08")
	for _, e := range d.Events {
		if e.Type != "AID" {
			t.Errorf("aid sent:%s", describe(d.Events))
		}
	}
	if len(d.Events) == 0 {
		t.Error("aid sent: no event")
	}
}

func TestTargetStaysInItsClause(t *testing.T) {
	d := analyse(t, "Peru has been eager to withdraw its troops, but the Bolivian foreign minister told Chilean reporters that they would stay.", "")
	w := withTrigger(d, "withdraw")
	if w == nil {
		t.Fatalf("no withdrawal:%s", describe(d.Events))
	}
	if w.Target != nil && !w.Target.Inferred {
		t.Errorf("the withdrawal's target was taken from the clause after \", but\":%s", describe([]document.Event{*w}))
	}
}

func TestInternationalSanctionsAreSanction(t *testing.T) {
	// CAMEO 163 maps to COERCE; the trigger table gives sanctions PLOVER's own SANCTION
	e := only(t, analyse(t, "Canada imposed sanctions on Venezuela.", ""))
	if e.Type != "SANCTION" || e.Mode != "discontinue" || e.Quad != "material_conflict" || e.Cameo != "163" {
		t.Errorf("event:%s mode %s quad %s cameo %s", describe([]document.Event{e}), e.Mode, e.Quad, e.Cameo)
	}
}

func TestTargetIsNotTheSourceOfTheReport(t *testing.T) {
	d := analyse(t, "Peru will soon withdraw its troops, the Chilean foreign minister said.", "")
	e := only(t, d)
	if len(d.Attributions) != 1 || e.Attribution == nil {
		t.Fatalf("want the withdrawal reported by the minister: %d attributions:%s", len(d.Attributions), describe(d.Events))
	}
	if e.Target != nil && !e.Target.Inferred {
		t.Errorf("the target was taken from the report's source:%s", describe(d.Events))
	}
}

func TestNounWithToHasItsTarget(t *testing.T) {
	d := analyse(t, "Chile said Bolivia bought no rifles last year, but there were arms sales to Bolivia in May.", "")
	sales := withTrigger(d, "sales")
	if sales == nil || sales.Target == nil || sales.Target.Code[:3] != "BOL" {
		t.Fatalf("want sales to Bolivia:%s", describe(d.Events))
	}
	if sales.Actor != nil && sales.Actor.Code[:3] == "BOL" {
		t.Errorf("the sales' actor is their target's country:%s", describe(d.Events))
	}
}

func TestTheTwoCountriesAreBothActors(t *testing.T) {
	text := "Peru sent a delegation to Chile on Monday. Chile welcomed it, and Peru thanked Chile. The two countries signed a trade agreement."
	d := analyse(t, text, "")
	signed := withTrigger(d, "signed")
	if signed == nil {
		t.Fatalf("no event for \"The two countries signed\":%s", describe(d.Events))
	}
	codes := func(as []document.Argument) string {
		var out []string
		for _, a := range as {
			out = append(out, a.Code[:3])
		}
		return strings.Join(out, ",")
	}
	if got := codes(signed.Actors) + " / " + codes(signed.Targets); got != "CHL,PER / PER,CHL" {
		t.Errorf("actors / targets %s, want CHL,PER / PER,CHL (Chile is named most)", got)
	}
	if signed.Actor == nil || signed.Target == nil || signed.Actor.Code != signed.Actors[0].Code || signed.Target.Code != signed.Targets[0].Code {
		t.Errorf("actor and target must be the first of the lists:%s", describe(d.Events))
	}
	// a story about one country has no pair to stand for
	d = analyse(t, "Peru held talks in Lima. Both sides signed an agreement.", "")
	for _, e := range d.Events {
		if len(e.Actors) > 0 {
			t.Errorf("compound actors in a story of one country:%s", describe(d.Events))
		}
	}
}

func TestCompoundActors(t *testing.T) {
	codes := func(as []document.Argument) string {
		var out []string
		for _, a := range as {
			out = append(out, a.Code[:3])
		}
		return strings.Join(out, ",")
	}
	e := only(t, analyse(t, "Peru and Chile sent soldiers to Ecuador, Bolivia and Paraguay.", ""))
	if got := codes(e.Actors) + " / " + codes(e.Targets); got != "PER,CHL / ECU,BOL,PRY" {
		t.Errorf("actors / targets %s, want PER,CHL / ECU,BOL,PRY:%s", got, describe([]document.Event{e}))
	}
	if e.Actor == nil || e.Actor.Code != "PER" || e.Target == nil || e.Target.Code != "ECU" {
		t.Errorf("actor and target must be the first of their lists:%s", describe([]document.Event{e}))
	}
	// a comma alone sets off an apposition, not a list
	e = only(t, analyse(t, "Peru, a country of the Andes, sent soldiers to Bolivia.", ""))
	if len(e.Actors) > 0 || len(e.Targets) > 0 {
		t.Errorf("an apposition taken for a list: %s / %s", codes(e.Actors), codes(e.Targets))
	}
}

func TestMustIsADemandOfTheSource(t *testing.T) {
	// no trigger for the act demanded: the word of obligation is the trigger
	e := only(t, analyse(t, "Peru said on Monday that Chile must return the fishing boat.", ""))
	if e.Type != "REQUEST" || e.Trigger.Text != "must" || e.Actor == nil || e.Actor.Code != "PER" || e.Target == nil || e.Target.Code != "CHL" || e.Attribution == nil {
		t.Errorf("want Peru's demand of Chile:%s", describe([]document.Event{e}))
	}
	// a trigger for it: the act becomes the demand
	e = only(t, analyse(t, "Peru said that Chile must withdraw its troops.", ""))
	if e.Type != "REQUEST" || e.Trigger.Text != "withdraw" || e.Actor == nil || e.Actor.Code != "PER" || e.Target == nil || e.Target.Code != "CHL" {
		t.Errorf("want Peru's demand that Chile withdraw:%s", describe([]document.Event{e}))
	}
	// a passive after it names no one who must act
	if d := analyse(t, "Peru said the Chilean boat must be returned.", ""); len(d.Events) != 0 {
		t.Errorf("a demand made of the boat:%s", describe(d.Events))
	}
	// not reported by a coded source: no demand is made up
	if d := analyse(t, "Chile must return the fishing boat.", ""); len(d.Events) != 0 {
		t.Errorf("a demand without a source:%s", describe(d.Events))
	}
}

func TestEthnicGroupsAreOfTheirCountry(t *testing.T) {
	for text, want := range map[string]string{
		"Hundreds of ethnic Albanians demonstrated on Tuesday in Serbia.":   "SRB",
		"The Albanians of southern Serbia protested against Belgrade.":      "SRB",
		"Cubans in Venezuela protested against the government of Colombia.": "CUB", // abroad, not of Venezuela
		"Bosnian Serbs attacked Croatian villages.":                         "BIH",
		"Ethnic Turks protested in Sweden.":                                 "SWE",
	} {
		e := only(t, analyse(t, text, ""))
		if e.Actor == nil || e.Actor.Code[:3] != want {
			t.Errorf("%q: actor%s, want %s", text, describe([]document.Event{e}), want)
		}
	}
}

func TestOpposedToIsNotAPassive(t *testing.T) {
	e := only(t, analyse(t, "Peru is opposed to the Chilean plan.", ""))
	if e.Type != "REJECT" || e.Actor == nil || e.Actor.Code != "PER" || e.Target == nil || e.Target.Code != "CHL" {
		t.Errorf("want Peru's rejection of the Chilean plan:%s", describe([]document.Event{e}))
	}
}

func TestElidedSubjectIsTheFirstClauses(t *testing.T) {
	d := analyse(t, "Peru opened its border to traders from Chile, but was still refusing entry to Bolivians.", "")
	refusing := withTrigger(d, "refusing")
	if refusing == nil || refusing.Actor == nil || refusing.Actor.Code != "PER" {
		t.Errorf("\"…, but was still refusing\" is Peru's act:%s", describe(d.Events))
	}
}

func TestCompoundSubjectActsTogether(t *testing.T) {
	e := only(t, analyse(t, "Peru and Chile have restored diplomatic ties.", ""))
	if len(e.Actors) != 2 || e.Actor == nil || e.Actor.Code != "PER" || e.Target != nil {
		t.Errorf("want Peru and Chile as actors, Peru first, and no target inferred:%s actors %d", describe([]document.Event{e}), len(e.Actors))
	}
}

func TestReportedActWithNoSubjectIsTheSources(t *testing.T) {
	d := analyse(t, "Bolivian rebels on Friday rejected a Chilean peace plan, and said they also opposed the deployment of troops.", "")
	w := withTrigger(d, "opposed")
	if w == nil || w.Actor == nil || w.Actor.Code[:3] != "BOL" {
		t.Errorf("the opposition is the rebels', not Chile's:%s", describe(d.Events))
	}
}

func TestModifyingCountryIsNotTheActor(t *testing.T) {
	e := only(t, analyse(t, "The Afghan Taliban attacked a Pakistani convoy.", ""))
	if e.Actor == nil || e.Actor.Code != "AFGREB" {
		t.Errorf("the actor is the Taliban, not the word Afghan:%s", describe([]document.Event{e}))
	}
}

func TestWordsOfNamesAreNotTriggers(t *testing.T) {
	d := analyse(t, "Secretary General Luis Ban praised Chile, and the Peru Free Trade Agreement took effect.", "")
	for _, e := range d.Events {
		if e.Trigger.Text == "Ban" || e.Trigger.Text == "Free" || e.Trigger.Text == "Agreement" {
			t.Errorf("a word of a name taken for an act:%s", describe(d.Events))
		}
	}
}

func TestOfferedActIsOneEvent(t *testing.T) {
	e := only(t, analyse(t, "Peru offered to supply gas to Chile.", ""))
	if e.Trigger.Text != "offered" || e.Type != "AGREE" {
		t.Errorf("want the offer alone:%s", describe([]document.Event{e}))
	}
}

func TestDecliningToCommentIsNoAct(t *testing.T) {
	d := analyse(t, "Chile expelled two Peruvian diplomats. The Peruvian embassy refused to comment.", "")
	for _, e := range d.Events {
		if e.Trigger.Text == "refused" {
			t.Errorf("declining to comment taken for a rejection:%s", describe(d.Events))
		}
	}
}

func TestNameBeforeANounTrigger(t *testing.T) {
	for text, want := range map[string]string{
		"The ministers in Lima condemned Chile's invasion of Bolivia.": "CHL→BOL",
		"Bolivia said Chilean pressure on Peru grew.":                  "CHL→PER",
	} {
		d := analyse(t, text, "")
		got := ""
		for _, e := range d.Events {
			if e.Trigger.Text == "invasion" || e.Trigger.Text == "pressure" {
				if e.Actor != nil && e.Target != nil {
					got = e.Actor.Code[:3] + "→" + e.Target.Code[:3]
				}
			}
		}
		if got != want {
			t.Errorf("%q: %s, want %s:%s", text, got, want, describe(d.Events))
		}
	}
}

func TestPreventedActIsNoEvent(t *testing.T) {
	d := analyse(t, "The Chilean blockade has prevented Bolivia from shipping gas to Peru.", "")
	for _, e := range d.Events {
		if e.Trigger.Text == "shipping" {
			t.Errorf("a shipment that was prevented taken for one made:%s", describe(d.Events))
		}
	}
	if len(d.Events) == 0 {
		t.Errorf("the blockade itself is an event")
	}
}

func TestWhoMovesIsTheActor(t *testing.T) {
	e := only(t, analyse(t, "The deployment of Peruvian troops began in Bolivia.", ""))
	if e.Actor == nil || e.Actor.Code[:3] != "PER" {
		t.Errorf("the deployed troops are the actor:%s", describe([]document.Event{e}))
	}
}

func TestPassiveAgentFarOn(t *testing.T) {
	d := analyse(t, "The former minister has been accused of hiding millions of dollars in foreign banks, most of it stolen, by the Peruvian government.", "")
	acc := withTrigger(d, "accused")
	if acc == nil || acc.Actor == nil || acc.Actor.Code[:3] != "PER" {
		t.Errorf("the accusation is the Peruvian government's:%s", describe(d.Events))
	}
}

func TestCoupAndApology(t *testing.T) {
	e := only(t, analyse(t, "Bolivian army officers staged a coup against the government of Bolivia.", ""))
	if e.Type != "COERCE" {
		t.Errorf("a coup:%s", describe([]document.Event{e}))
	}
	e = only(t, analyse(t, "Peru apologized to Chile for the incident.", ""))
	if e.Type != "SUPPORT" || e.Actor == nil || e.Actor.Code != "PER" || e.Target == nil || e.Target.Code != "CHL" {
		t.Errorf("an apology:%s", describe([]document.Event{e}))
	}
}

func TestUnconfirmedCueIsNoAct(t *testing.T) {
	d := analyse(t, "Peru expelled two Chilean diplomats. A Peruvian source could not provide details of the expulsion.", "")
	if withTrigger(d, "provide") != nil {
		t.Errorf("failing to provide details taken for aid:%s", describe(d.Events))
	}
}
