package corroborate

import (
	"math/rand/v2"
	"strings"
	"testing"

	"herodot/store"
)

const wire = "Peruvian troops began withdrawing from the border on Monday, three officials said. The defence ministry " +
	"confirmed that the first units had left and said more would follow within the week, while the army declined to comment. " +
	"Residents of the border towns described long convoys moving north through the night and said the roads were closed."

func TestClaimsCountCopiesOnce(t *testing.T) {
	copyA, copyB := store.Simhash(wire+" Reported by the Example Wire."), store.Simhash(wire+" Reported by the Sample Herald.")
	other := store.Simhash("An entirely different report about the central bank raising interest rates to curb inflation in the capital.")
	rows := []store.EventRow{
		{Doc: "a", Outlet: "Example Wire", Simhash: copyA, Type: "RETREAT", Actor: "PERMIL", Target: "CHL", SourceKind: "anonymous", Stance: "asserted"},
		{Doc: "b", Outlet: "Sample Herald", Simhash: copyB, Type: "RETREAT", Actor: "PER", Target: "CHLGOV", SourceKind: "anonymous", Stance: "asserted"},
		{Doc: "c", Outlet: "Other Post", Simhash: other, Type: "RETREAT", Actor: "PER", Target: "CHL", SourceKind: "named", Stance: "denied"},
		{Doc: "c", Outlet: "Other Post", Simhash: other, Type: "ASSAULT", Actor: "CHL", Target: "PER"},
	}
	claims := Claims(rows)
	if len(claims) != 2 {
		t.Fatalf("%d claims, want 2", len(claims))
	}
	c := claims[0]
	if c.Type != "RETREAT" || len(c.Articles) != 3 || c.Stories != 2 || len(c.Outlets) != 3 || c.Anonymous != 2 || c.Named != 1 || c.Stances["denied"] != 1 {
		t.Errorf("claim %+v", c)
	}
	if s := c.Summary(); !strings.Contains(s, "RETREAT PER → CHL: 3 articles, 2 independent") || !strings.Contains(s, "2 anonymous") {
		t.Errorf("summary %q", s)
	}
	if claims[1].Narrated != 1 {
		t.Errorf("an event the outlet tells itself: %+v", claims[1])
	}
}

func TestStatements(t *testing.T) {
	rows := []store.StatementRow{
		{Doc: "a", Outlet: "Example Wire", Source: "three officials", Kind: "anonymous", Stance: "asserted", Content: "the troops would leave the border area before the end of the month"},
		{Doc: "b", Outlet: "Sample Herald", Source: "a senior official", Kind: "anonymous", Stance: "asserted", Content: "troops would leave the border area before the end of this month"},
		{Doc: "c", Outlet: "Other Post", Source: "the minister", Kind: "named", Stance: "denied", Content: "the troops would leave the border area before the end of the month"},
		{Doc: "c", Outlet: "Other Post", Source: "the mayor", Kind: "named", Stance: "asserted", Content: "yes"},
		{Doc: "d", Outlet: "Other Post", Source: "the bank", Kind: "named", Stance: "asserted", Content: "interest rates will rise by half a point next week"},
	}
	st := Statements(rows)
	if len(st) != 1 || len(st[0].Articles) != 3 || st[0].Named != 1 || st[0].Anonymous != 2 || st[0].Stances["denied"] != 1 {
		t.Fatalf("statements %+v", st)
	}
}

// TestCandidatesMissNoSimilarPair checks the prefix filter against every
// pair of many small word sets drawn from a small vocabulary, so that
// similar pairs are common.
func TestCandidatesMissNoSimilarPair(t *testing.T) {
	vocab := strings.Fields("troops left the town on monday after a clash with rebels officials said two sources")
	rng := rand.New(rand.NewPCG(1, 2))
	sets := make([]map[string]bool, 300)
	for i := range sets {
		sets[i] = map[string]bool{}
		for n := 3 + rng.IntN(8); len(sets[i]) < n; {
			sets[i][vocab[rng.IntN(len(vocab))]] = true
		}
	}
	cands := candidates(sets, statementSimilarity)
	similar := 0
	for i := range sets {
		got := map[int]bool{}
		for _, j := range cands(i) {
			got[j] = true
		}
		for j := i + 1; j < len(sets); j++ {
			if jaccard(sets[i], sets[j]) >= statementSimilarity {
				similar++
				if !got[j] {
					t.Fatalf("sets %d and %d are similar (%.2f) but not candidates", i, j, jaccard(sets[i], sets[j]))
				}
			}
		}
	}
	if similar == 0 {
		t.Fatal("no similar pairs drawn: the test tests nothing")
	}
}
