package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"herodot/document"
)

func doc(id, text string) *document.Document {
	d := document.New(text)
	d.ID = id
	pub := "2024-03-01"
	d.Published, d.Outlet = &pub, "Example Wire"
	src := "two officials"
	two := 2
	d.Attributions = []document.Attribution{{ID: "A1", Source: document.Source{Text: src, Kind: "anonymous", Count: &two}, Cue: document.Cue{Text: "said", Lemma: "say"},
		Stance: "asserted", Quote: "indirect", Content: document.Content{Text: "the convoy crossed the border"}}}
	a := "A1"
	d.Events = []document.Event{{ID: "V1", Trigger: document.Trigger{Text: "crossed"}, Type: "ASSAULT", Quad: "material_conflict",
		Actor: &document.Argument{Text: "Peru", Code: "PERMIL"}, Target: &document.Argument{Text: "Chile", Code: "CHL"}, Attribution: &a, Status: "reported"}}
	d.Entities = []document.Entity{{ID: "E1", Name: "Peru", Type: "GPE", Actor: "PER", Mentions: []document.Mention{{Text: "Peru"}}}}
	return d
}

// backends runs fn with an empty SQLite store and, where a PostgreSQL
// server is given by HERODOT_TEST_POSTGRES (as .ci/run does), an empty
// PostgreSQL store.
func backends(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Run("sqlite", func(t *testing.T) {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		fn(t, s)
	})
	t.Run("postgres", func(t *testing.T) {
		fn(t, openPostgres(t))
	})
}

// openPostgres empties the test database and opens it as a store.
func openPostgres(t *testing.T) *Store {
	t.Helper()
	dsn := os.Getenv("HERODOT_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("no PostgreSQL server: set HERODOT_TEST_POSTGRES to a test database URL (.ci/postgres.sh starts one)")
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`); err != nil {
		db.Close()
		t.Skipf("PostgreSQL at %s not usable: %v", redact(dsn), err)
	}
	db.Close()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestPutIsIdempotent(t *testing.T) { backends(t, testPutIsIdempotent) }

func testPutIsIdempotent(t *testing.T, s *Store) {
	ctx := context.Background()
	added, dups, err := s.Put(ctx, []*document.Document{doc("a", "Troops crossed the border."), doc("b", "Talks resumed.")})
	if err != nil || added != 2 || dups != 0 {
		t.Fatalf("first put: %d added, %d dups, %v", added, dups, err)
	}
	added, dups, err = s.Put(ctx, []*document.Document{doc("a", "Troops crossed the border.")})
	if err != nil || added != 0 || dups != 1 {
		t.Fatalf("second put: %d added, %d dups, %v", added, dups, err)
	}
	if n, _ := s.Count(ctx); n != 2 {
		t.Errorf("%d documents, want 2", n)
	}
	tab, _ := s.Query(ctx, "events", Filter{})
	if len(tab.Rows) != 2 {
		t.Errorf("%d event rows, want 2 (one per stored document)", len(tab.Rows))
	}
	got, err := s.Document(ctx, "a")
	if err != nil || got.Text != "Troops crossed the border." || len(got.Events) != 1 {
		t.Errorf("round trip: %+v %v", got, err)
	}
}

func TestQueryFilters(t *testing.T) { backends(t, testQueryFilters) }

func testQueryFilters(t *testing.T, s *Store) {
	ctx := context.Background()
	s.Put(ctx, []*document.Document{doc("a", "Troops crossed the border near the river.")})
	for _, tc := range []struct {
		kind string
		f    Filter
		want int
	}{
		{"events", Filter{Actor: "PER"}, 1},
		{"events", Filter{Actor: "CHL"}, 0},
		{"events", Filter{Type: "assault", Target: "CHL"}, 1},
		{"events", Filter{Since: "2024-04-01"}, 0},
		{"attributions", Filter{Kind: "anonymous", Stance: "asserted"}, 1},
		{"attributions", Filter{Text: "convoy"}, 1},
		{"attributions", Filter{Text: "tanks"}, 0},
		{"entities", Filter{Type: "GPE", Name: "Per"}, 1},
		{"documents", Filter{Text: "river"}, 1},
		{"documents", Filter{Outlet: "Other"}, 0},
	} {
		tab, err := s.Query(ctx, tc.kind, tc.f)
		if err != nil || len(tab.Rows) != tc.want {
			t.Errorf("%s %+v: %d rows, %v; want %d", tc.kind, tc.f, len(tab.Rows), err, tc.want)
		}
	}
	if _, err := s.Query(ctx, "nonsense", Filter{}); err == nil {
		t.Error("an unknown query kind should fail")
	}
}

func TestSimhash(t *testing.T) {
	story := "Cuban advisers have begun leaving Venezuela as pressure mounts on the government in Caracas, several sources said. " +
		"The advisers had worked in the security services for more than a decade and trained the presidential guard. " +
		"Officials in Havana did not respond to requests for comment, and the ministry in Caracas declined to comment. " +
		"Analysts said the departures could weaken the government's hold on the armed forces in the coming months. "
	a := story + "The news agency first reported the move on Tuesday."
	b := story + "A news agency first reported the move on Wednesday." // a lightly edited copy
	c := "The central bank raised interest rates by half a point to curb inflation, the governor told parliament. " +
		"Markets had expected a smaller rise, and the currency gained against the dollar after the announcement. " +
		"Exporters warned that the stronger currency would hurt sales abroad in the second half of the year."
	if !NearDuplicate(Simhash(a), Simhash(b)) {
		t.Error("two copies of one story should be near-duplicates")
	}
	if NearDuplicate(Simhash(a), Simhash(c)) {
		t.Error("two different stories should not be near-duplicates")
	}
}

func TestMigrationsOnReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(context.Background(), []*document.Document{doc("a", "Text.")})
	s.Close()
	s, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(context.Background()); n != 1 {
		t.Errorf("%d documents after reopening, want 1", n)
	}
}

func TestEachAndEventRows(t *testing.T) { backends(t, testEachAndEventRows) }

func testEachAndEventRows(t *testing.T, s *Store) {
	ctx := context.Background()
	if _, _, err := s.Put(ctx, []*document.Document{doc("a", "First story."), doc("b", "Second story.")}); err != nil {
		t.Fatal(err)
	}
	var ids []string
	if err := s.Each(ctx, func(d *document.Document) error { ids = append(ids, d.ID); return nil }); err != nil || len(ids) != 2 || ids[0] != "a" {
		t.Errorf("Each: %v %v", ids, err)
	}
	rows, err := s.EventRows(ctx)
	if err != nil || len(rows) != 2 || rows[0].SourceKind != "anonymous" || rows[0].Actor != "PERMIL" {
		t.Errorf("EventRows: %+v %v", rows, err)
	}
}

func TestCompoundActorsAreFound(t *testing.T) { backends(t, testCompoundActorsAreFound) }

func testCompoundActorsAreFound(t *testing.T, s *Store) {
	ctx := context.Background()
	d := doc("a", "Peru and Chile sent troops to Bolivia and Ecuador.")
	peru, chile := document.Argument{Text: "Peru", Code: "PER"}, document.Argument{Text: "Chile", Code: "CHLMIL"}
	bolivia, ecuador := document.Argument{Text: "Bolivia", Code: "BOL"}, document.Argument{Text: "Ecuador", Code: "ECU"}
	d.Events[0].Actor, d.Events[0].Actors = &peru, []document.Argument{peru, chile}
	d.Events[0].Target, d.Events[0].Targets = &bolivia, []document.Argument{bolivia, ecuador}
	if _, _, err := s.Put(ctx, []*document.Document{d}); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[Filter]int{{Actor: "PER"}: 1, {Actor: "CHL"}: 1, {Actor: "CHLMIL"}: 1, {Actor: "BOL"}: 0, {Target: "ECU"}: 1, {Target: "PER"}: 0} {
		if tab, err := s.Query(ctx, "events", f); err != nil || len(tab.Rows) != want {
			t.Errorf("events %+v: %d rows, %v; want %d", f, len(tab.Rows), err, want)
		}
	}
}

func TestVersionOneDatabaseGetsCompoundColumns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`CREATE TABLE schema_version (version INTEGER NOT NULL)`, migrations[0], `INSERT INTO schema_version (version) VALUES (1)`} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.Put(context.Background(), []*document.Document{doc("a", "Troops crossed the border.")}); err != nil {
		t.Fatalf("put into a migrated version 1 database: %v", err)
	}
	if tab, err := s.Query(context.Background(), "events", Filter{Actor: "PER"}); err != nil || len(tab.Rows) != 1 {
		t.Errorf("query after migration: %d rows, %v", len(tab.Rows), err)
	}
}
