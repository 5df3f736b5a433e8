package entity

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"herodot/document"
	"herodot/internal/testcorpus"
	"herodot/segment"
)

func analyse(t testing.TB, text string) *document.Document {
	t.Helper()
	d := document.New(text)
	if err := (segment.Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := (Stage{}).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func find(d *document.Document, name string) *document.Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	return nil
}

func names(d *document.Document) string {
	var out []string
	for _, e := range d.Entities {
		out = append(out, e.Type+":"+e.Name+"/"+e.Actor)
	}
	return strings.Join(out, ", ")
}

func TestTitleIsNotPartOfTheName(t *testing.T) {
	d := analyse(t, "Cuban Foreign Minister Ana Ruiz arrived in Caracas on Monday.")
	e := find(d, "Ana Ruiz")
	if e == nil || e.Type != "PERSON" || e.Actor != "CUBGOV" || len(e.Titles) != 1 || e.Titles[0] != "Foreign Minister" {
		t.Fatalf("entities: %s", names(d))
	}
}

func TestTitleNameOfCountry(t *testing.T) {
	d := analyse(t, "Queen Amara of Bolivia met Chilean envoys on Monday.")
	e := find(d, "Amara")
	if e == nil || e.Type != "PERSON" || e.Actor != "BOLGOV" {
		t.Fatalf("want Amara, of Bolivia's government, without \"of\" in her name; entities: %s", names(d))
	}
	if find(d, "Bolivia") == nil {
		t.Errorf("the country is an entity of its own; entities: %s", names(d))
	}
}

func TestLeadersGovernmentIsItsCountry(t *testing.T) {
	d := analyse(t, "The Obama administration said Iran must stop. Washington later denied it.")
	e := find(d, "United States")
	if e == nil || e.Actor != "USA" || len(e.Mentions) != 2 || e.Mentions[0].Text != "Obama administration" {
		t.Fatalf("want the Obama administration as the United States; entities: %s", names(d))
	}
	// a name that is no leader's is left as it was
	d = analyse(t, "The Ruiz administration said Iran must stop.")
	if e := find(d, "United States"); e != nil {
		t.Errorf("an unknown name taken for a leader; entities: %s", names(d))
	}
}

func TestOfficialOfAnIntergovernmentalBody(t *testing.T) {
	d := analyse(t, "U.N. Secretary-General Ana Ruiz said she would visit Peru.")
	e := find(d, "Ana Ruiz")
	if e == nil || e.Actor != "IGOUNO" || e.Country != "" {
		t.Fatalf("want Ana Ruiz of the U.N., of no country; entities: %s", names(d))
	}
}

func TestTitleCaseHeadline(t *testing.T) {
	d := analyse(t, "Ruiz Hid Budget Problems From Voters, Former Aide Says.\n\nMayor Ana Ruiz of Lima denied the report on Monday.")
	for _, e := range d.Entities {
		if strings.Contains(e.Name, "Hid") || strings.Contains(e.Name, "Budget") {
			t.Errorf("a headline's capitals taken for a name; entities: %s", names(d))
		}
	}
	if e := find(d, "Ana Ruiz"); e == nil || len(e.Mentions) != 2 {
		t.Errorf("the headline's Ruiz is the mayor; entities: %s", names(d))
	}
}

func TestKinTakesTheSurname(t *testing.T) {
	d := analyse(t, "President Robert Tembo arrived in Lusaka with his wife Grace. Grace waved. Tembo spoke later.")
	g, r := find(d, "Grace Tembo"), find(d, "Robert Tembo")
	if g == nil || len(g.Mentions) != 2 {
		t.Fatalf("want Grace Tembo, twice; entities: %s", names(d))
	}
	if r == nil || len(r.Mentions) != 2 || r.Mentions[1].Text != "Tembo" {
		t.Errorf("a bare surname is the president's, not his wife's; entities: %s", names(d))
	}
}

func TestDemonymAndCountryAreOneEntity(t *testing.T) {
	d := analyse(t, "Peru sent aid. Peruvian doctors arrived later.")
	e := find(d, "Peru")
	if e == nil || e.Actor != "PER" || len(e.Mentions) != 2 {
		t.Fatalf("entities: %s", names(d))
	}
}

func TestSurnameGoesToTheMostMentionedPerson(t *testing.T) {
	d := analyse(t, "President Lena Okafor met Sen. Tom Okafor. Later Lena Okafor spoke. Okafor said the talks went well.")
	lena := find(d, "Lena Okafor")
	if lena == nil || len(lena.Mentions) != 3 {
		t.Fatalf("entities: %s", names(d))
	}
}

func TestBareTitleJoinsItsHolder(t *testing.T) {
	d := analyse(t, "Defence Minister Omar Haddad visited the base. The Defence Minister praised the troops.")
	e := find(d, "Omar Haddad")
	if e == nil || len(e.Mentions) != 2 {
		t.Fatalf("entities: %s", names(d))
	}
}

func TestAcronymJoinsItsOrganisation(t *testing.T) {
	d := analyse(t, "The Central Intelligence Agency declined to comment. A CIA spokesman later confirmed the report.")
	e := find(d, "Central Intelligence Agency")
	if e == nil || e.Actor != "USASPY" || len(e.Mentions) != 2 {
		t.Fatalf("entities: %s", names(d))
	}
}

func TestOrganisationWords(t *testing.T) {
	d := analyse(t, "She teaches at the U.S. Naval Academy and at Lisbon University.")
	if e := find(d, "U.S. Naval Academy"); e == nil || e.Type != "ORG" || e.Actor != "USAMIL" {
		t.Errorf("entities: %s", names(d))
	}
	if e := find(d, "Lisbon University"); e == nil || e.Type != "ORG" {
		t.Errorf("entities: %s", names(d))
	}
}

func TestMetonymsAndInstitutions(t *testing.T) {
	d := analyse(t, "The White House and the Kremlin traded accusations.")
	if e := find(d, "White House"); e == nil || e.Actor != "USAGOV" {
		t.Errorf("entities: %s", names(d))
	}
	if e := find(d, "Kremlin"); e == nil || e.Actor != "RUSGOV" {
		t.Errorf("entities: %s", names(d))
	}
}

func TestCapitalAsPlaceOrAsGovernment(t *testing.T) {
	d := analyse(t, "A memorial was held in Lima. Lima says the border is closed.")
	if e := find(d, "Lima"); e == nil || e.Actor != "PER" {
		t.Errorf("a capital after 'in' is a place: %s", names(d))
	}
	if e := find(d, "Peru"); e == nil {
		t.Errorf("a capital as the subject stands for its country: %s", names(d))
	}
}

func TestLeaders(t *testing.T) {
	d := analyse(t, "Vladimir Putin spoke by phone with Emmanuel Macron.")
	if e := find(d, "Vladimir Putin"); e == nil || e.Actor != "RUSGOV" {
		t.Errorf("entities: %s", names(d))
	}
}

func TestRoleAfterTheName(t *testing.T) {
	d := analyse(t, "Maria Costa, a professor at the U.S. Naval Academy, disagreed.")
	if e := find(d, "Maria Costa"); e == nil || e.Actor != "USAEDU" {
		t.Errorf("entities: %s", names(d))
	}
}

func TestPronounsAndDescriptions(t *testing.T) {
	d := analyse(t, "Mr Okafor arrived on Monday. He said the talks would resume.")
	if e := find(d, "Okafor"); e == nil || len(e.Mentions) != 2 || e.Mentions[1].Text != "He" {
		t.Errorf("entities: %s", names(d))
	}
	d = analyse(t, "Spokeswoman Ana Sousa spoke first. Mr Tomas Reyes answered. She said the vote was fair.")
	if e := find(d, "Ana Sousa"); e == nil || e.Mentions[len(e.Mentions)-1].Text != "She" {
		t.Errorf("she should skip a man: %s", names(d))
	}
	// an age as a noun stands for the person named last
	d = analyse(t, "President Tomas Reyes met the press. The 81-year-old said he would not resign.")
	if e := find(d, "Tomas Reyes"); e == nil || len(e.Mentions) < 2 || e.Mentions[1].Text != "The 81-year-old" {
		t.Errorf("the 81-year-old is the president: %s", names(d))
	}
	// no title tells: the first name does
	d = analyse(t, "Grace Obi spoke first. Jacob Tembo answered. She said the talks went well.")
	if e := find(d, "Grace Obi"); e == nil || e.Mentions[len(e.Mentions)-1].Text != "She" {
		t.Errorf("she should skip a man named Jacob: %s", names(d))
	}
}

func TestNotNames(t *testing.T) {
	d := analyse(t, "Despite the rain, crowds gathered on Monday in March. However, nothing happened. The so-called “Security Services” left.")
	if len(d.Entities) != 0 {
		t.Errorf("entities: %s", names(d))
	}
}

func TestPlacesFromTheirWords(t *testing.T) {
	d := analyse(t, "The convoy crashed in Logar province near the Gulf of Aden, south of Kabul.")
	if e := find(d, "Logar"); e == nil || e.Type != "GPE" || e.Actor != "AFG" {
		t.Errorf("entities: %s", names(d))
	}
	if e := find(d, "Gulf of Aden"); e == nil || e.Type != "LOC" {
		t.Errorf("entities: %s", names(d))
	}
}

func TestSharedSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testcorpus.Shared(t, "corpus"), "cuba-venezuela.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := analyse(t, string(b))
	delcy, bruno := find(d, "Delcy Rodriguez"), find(d, "Bruno Rodriguez")
	if delcy == nil || bruno == nil || delcy.Actor != "VENGOV" || bruno.Actor != "CUBGOV" {
		t.Fatalf("the two Rodriguezes: %s", names(d))
	}
	if len(delcy.Mentions) < 6 {
		t.Errorf("Delcy Rodriguez has %d mentions, want the bare surnames too", len(delcy.Mentions))
	}
}

func BenchmarkEntity(b *testing.B) {
	var docs []*document.Document
	for _, s := range testcorpus.NewsBodies(b) {
		d := document.New(s)
		_ = segment.Stage{}.Process(context.Background(), d)
		docs = append(docs, d)
	}
	testcorpus.BenchStage(b, docs, Stage{}.Process)
}
