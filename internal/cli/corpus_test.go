package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"herodot/document"
	"herodot/store"
)

// TestMain lets a test run this package's test binary as the herodot
// command (HERODOT_TEST_MAIN=1), to kill it midway.
func TestMain(m *testing.M) {
	if os.Getenv("HERODOT_TEST_MAIN") == "1" {
		os.Exit(Main(os.Args[1:], Stdio()))
	}
	os.Exit(m.Run())
}

// writeArticles writes n short articles of its own into dir.
func writeArticles(t *testing.T, dir string, n int) {
	t.Helper()
	countries := []string{"Peru", "Chile", "Bolivia", "Ecuador", "Colombia"}
	for i := 0; i < n; i++ {
		a, b := countries[i%5], countries[(i+1)%5]
		text := fmt.Sprintf("title: Story %d\ndate: 2024-05-%02d\nsource: Example Wire\n---\n"+
			"%s began withdrawing troops from %s on Monday, two officials told the Example Wire. "+
			"The defence ministry said %d soldiers had left the border area. Dispatch number %d.\n", i, i%28+1, a, b, i%90+10, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func count(t *testing.T, db string) int {
	t.Helper()
	s, err := store.Open(context.Background(), db)
	if err != nil {
		return 0
	}
	defer s.Close()
	n, _ := s.Count(context.Background())
	return n
}

func TestIngestResumesAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: ingests a few thousand articles")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	os.Mkdir(src, 0o755)
	const n = 3000
	writeArticles(t, src, n)
	db := filepath.Join(dir, "c.db")

	cmd := exec.Command(os.Args[0], "ingest", "--db", db, "--workers", "1", "--batch", "10", src)
	cmd.Env = append(os.Environ(), "HERODOT_TEST_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for count(t, db) < 100 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Kill() // SIGKILL: no chance to clean up
	cmd.Wait()
	before := count(t, db)
	if before == 0 || before >= n {
		t.Skipf("the ingest was killed at %d of %d articles: nothing to resume", before, n)
	}

	code, _, errs := run(t, "", "ingest", "--db", db, src)
	if code != ExitOK {
		t.Fatalf("second ingest: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, fmt.Sprintf("%d stored, %d duplicates", n-before, before)) {
		t.Errorf("second ingest summary %q, want %d stored and %d duplicates", errs, n-before, before)
	}
	if got := count(t, db); got != n {
		t.Errorf("%d articles stored, want every one of %d exactly once", got, n)
	}
	s, _ := store.Open(context.Background(), db)
	defer s.Close()
	tab, _ := s.Query(context.Background(), "attributions", store.Filter{})
	if len(tab.Rows) != 2*n {
		t.Errorf("%d attributions, want the two of each article (%d)", len(tab.Rows), 2*n)
	}
}

func TestCorpusCommands(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	os.Mkdir(src, 0o755)
	writeArticles(t, src, 12)
	os.WriteFile(filepath.Join(src, "broken.jsonl"), []byte("{nope\n"), 0o644)
	db := filepath.Join(dir, "c.db")

	code, _, errs := run(t, "", "ingest", "--db", db, src)
	if code != ExitFailure || !strings.Contains(errs, "12 stored, 0 duplicates, 1 failed") {
		t.Fatalf("ingest: exit %d, stderr %q", code, errs)
	}
	if code, _, errs = run(t, "", "ingest", "--db", db, filepath.Join(src, "a00001.txt")); code != ExitOK || !strings.Contains(errs, "0 stored, 1 duplicates") {
		t.Errorf("ingesting a stored article again: exit %d, %q", code, errs)
	}

	code, out, _ := run(t, "", "query", "events", "--db", db, "--actor", "PER", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != ExitOK || err != nil || len(rows) < 2 || rows[0][0] != "doc" {
		t.Fatalf("query events csv: exit %d, %v, %q", code, err, out)
	}
	for _, r := range rows[1:] {
		if !strings.HasPrefix(r[5], "PER") {
			t.Errorf("an event of actor %s among --actor PER", r[5])
		}
	}
	code, out, _ = run(t, "", "query", "attributions", "--db", db, "--kind", "anonymous", "--format", "json")
	var ats []map[string]string
	if code != ExitOK || json.Unmarshal([]byte(out), &ats) != nil || len(ats) != 12 || ats[0]["source"] != "two officials" {
		t.Errorf("query attributions json: exit %d, %d rows", code, len(ats))
	}

	code, out, _ = run(t, "", "claims", "--db", db)
	if code != ExitOK || !strings.Contains(out, "RETREAT PER → CHL") || !strings.Contains(out, "anonymous") {
		t.Errorf("claims: exit %d, %q", code, out)
	}

	for _, f := range []string{"jsonl", "plover", "csv", "tsv"} {
		code, out, errs := run(t, "", "export", "--db", db, "--format", f)
		if code != ExitOK {
			t.Errorf("export %s: exit %d: %s", f, code, errs)
			continue
		}
		switch f {
		case "jsonl", "plover":
			lines := strings.Split(strings.TrimSpace(out), "\n")
			for _, l := range lines {
				var m map[string]any
				if err := json.Unmarshal([]byte(l), &m); err != nil {
					t.Errorf("export %s: a line is not JSON: %v", f, err)
					break
				}
			}
			if f == "jsonl" && len(lines) != 12 {
				t.Errorf("export jsonl: %d documents, want 12", len(lines))
			}
		case "csv":
			if _, err := csv.NewReader(bytes.NewReader([]byte(out))).ReadAll(); err != nil {
				t.Errorf("export csv: %v", err)
			}
		case "tsv":
			for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if strings.Count(l, "\t") != 12 {
					t.Errorf("export tsv: a row of %d columns: %q", strings.Count(l, "\t")+1, l)
					break
				}
			}
		}
	}
	pq := filepath.Join(dir, "events.parquet")
	if code, _, errs := run(t, "", "export", "--db", db, "--format", "parquet", "--output", pq); code != ExitOK {
		t.Fatalf("export parquet: exit %d: %s", code, errs)
	}
	f, err := os.Open(pq)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	evs, err := parquet.Read[parquetEvent](f, info.Size())
	if err != nil || len(evs) == 0 || evs[0].Doc == "" || evs[0].Type == "" {
		t.Errorf("parquet read back: %d rows, %v", len(evs), err)
	}
	if code, _, _ := run(t, "", "export", "--db", db, "--format", "parquet"); code != ExitUsage {
		t.Errorf("parquet to standard output: exit %d, want a usage error", code)
	}
	if code, _, errs := run(t, "", "query", "events", "--db", filepath.Join(dir, "none.db")); code != ExitFailure || !strings.Contains(errs, "no corpus database there") {
		t.Errorf("query on a missing database: exit %d, %q", code, errs)
	}
}

// TestSharedCorpusInStore ingests the shared corpus and checks what query
// and claims find in it.
func TestSharedCorpusInStore(t *testing.T) {
	corpus := shared(t, "corpus")
	db := filepath.Join(t.TempDir(), "c.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, corpus); code != ExitOK || !strings.Contains(errs, "55 stored, 0 duplicates, 0 failed") {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	_, out, _ := run(t, "", "query", "attributions", "--db", db, "--kind", "anonymous", "--text", "withdrawing", "--format", "json")
	var ats []map[string]string
	if err := json.Unmarshal([]byte(out), &ats); err != nil || len(ats) == 0 || ats[0]["source"] != "11 sources familiar with the matter" || ats[0]["count"] != "11" || ats[0]["via"] != "Reuters" {
		t.Errorf("the seed's first attribution: %v %v", ats, err)
	}
	_, out, _ = run(t, "", "query", "events", "--db", db, "--type", "ASSAULT", "--actor", "AFGREB", "--format", "json")
	var evs []map[string]string
	if err := json.Unmarshal([]byte(out), &evs); err != nil || len(evs) == 0 {
		t.Errorf("the Taliban's claimed attacks: %v", err)
	}
	for _, e := range evs {
		if e["status"] != "unconfirmed" && e["status"] != "reported" {
			t.Errorf("status %q", e["status"])
		}
	}
	_, out, _ = run(t, "", "claims", "--db", db, "--format", "json")
	var claims struct {
		Events []struct {
			Type, Actor, Target string
			Articles            []string
		}
	}
	if err := json.Unmarshal([]byte(out), &claims); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range claims.Events {
		if c.Actor == "USA" && c.Target == "IRN" && len(c.Articles) >= 3 {
			found = true
		}
	}
	if !found {
		t.Errorf("the 1987 Iran arms stories: no claim USA → IRN across three articles")
	}
}

func TestPLOVERExportKeepsCompoundActors(t *testing.T) {
	d := document.New("Peru and Chile sent troops to Bolivia.")
	peru, chile, bolivia := document.Argument{Text: "Peru", Code: "PER"}, document.Argument{Text: "Chile", Code: "CHL"}, document.Argument{Text: "Bolivia", Code: "BOL"}
	d.Events = []document.Event{{ID: "V1", Type: "AID", Trigger: document.Trigger{Text: "sent"}, Actor: &peru, Actors: []document.Argument{peru, chile}, Target: &bolivia}}
	rs := ploverRecords(d)
	if len(rs) != 1 || len(rs[0].Source) != 2 || rs[0].Source[1].Code != "CHL" || len(rs[0].Target) != 1 || rs[0].Target[0].Code != "BOL" {
		t.Errorf("PLOVER record: %+v", rs)
	}
}
