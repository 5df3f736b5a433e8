package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"herodot/pipeline"
)

// records written for this test in the layout of the PLOVER gold records
const ploverRecords = `[
{"id": "T-AGREE-0001", "event": "AGREE", "eventText": "agreed",
 "text": "Peru agreed to a ceasefire with Chile on Monday.",
 "source": [{"actorText": "Peru", "code": "PER"}], "target": [{"actorText": "Chile", "code": "CHL"}]},
{"id": "T-SANCTION-0002", "event": "SANCTION", "eventText": "imposed sanctions",
 "text": "Italy imposed sanctions on Bolivia.",
 "source": [{"actorText": "Italy", "code": "ITL"}], "target": [{"actorText": "Bolivia", "code": "BOL"}]},
{"id": "T-ASSAULT-0003", "event": "FIGHT", "eventText": "attacked",
 "text": "Chilean troops attacked a Peruvian post.",
 "source": [{"actorText": "Chilean troops", "code": "CHLMIL"}], "target": ""},
{"id": "T-DEMAND-0004", "event": "DEMAND", "eventText": "said must return",
 "text": "Peru said on Tuesday that Chile must return the fishing boat.",
 "source": [{"actorText": "Peru", "code": "PER"}], "target": [{"actorText": "Chile", "code": "CHL"}]},
{"id": "T-DOC-0005", "event": "DOCUMENT", "text": ""}
]`

func TestPLOVERSplitsNamesAndCodes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gsr.txt")
	if err := os.WriteFile(path, []byte(ploverRecords), 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := pipeline.Default(pipeline.Options{})
	dev, err := PLOVER(context.Background(), path, SplitDev, pipe)
	if err != nil {
		t.Fatal(err)
	}
	// dev holds the records whose number is not a multiple of 3; DEMAND is
	// scored as REQUEST; the gold's ITL is Italy's ISO code ITA
	for k, want := range map[string]any{"plover_records": 3, "plover_type_acc": 1.0, "plover_actor_country": 1.0, "plover_target_country": 1.0} {
		if dev[k] != want {
			t.Errorf("dev %s = %v, want %v (all: %v)", k, dev[k], want, dev)
		}
	}
	test, err := PLOVER(context.Background(), path, SplitTest, pipe)
	if err != nil {
		t.Fatal(err)
	}
	// FIGHT is scored as ASSAULT; an empty target is no record to score
	if test["plover_records"] != 1 || test["plover_type_acc"] != 1.0 || test["plover_target_records"] != 0 {
		t.Errorf("test split: %v", test)
	}
}
