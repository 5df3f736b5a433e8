package cli

import (
	"bytes"
	"encoding/json"
	"herodot/internal/testcorpus"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// run runs the command line and returns its exit code, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, IO{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func shared(t *testing.T, sub string) string {
	t.Helper()
	return testcorpus.Shared(t, sub)
}

// specFields are the top-level fields of spec/output.md.
var specFields = []string{"id", "title", "outlet", "url", "published", "reference_date", "reference_source",
	"text", "removed", "sentences", "entities", "attributions", "events", "times", "quantities"}

func TestExtractSeed(t *testing.T) {
	seed := filepath.Join(shared(t, "corpus"), "cuba-venezuela.txt")
	code, out, errs := run(t, "", "extract", "--format", "json", seed)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not one JSON object: %v", err)
	}
	for _, f := range specFields {
		if _, ok := doc[f]; !ok {
			t.Errorf("field %q missing", f)
		}
	}
	for _, layer := range []string{"removed", "sentences", "entities", "attributions", "events", "times", "quantities"} {
		if _, ok := doc[layer].([]any); !ok {
			t.Errorf("layer %q is %v, want an array", layer, doc[layer])
		}
	}
	if n := len(doc["sentences"].([]any)); n != 28 {
		t.Errorf("%d sentences, want 28", n)
	}
	removed := doc["removed"].([]any)
	if len(removed) != 1 || !strings.Contains(removed[0].(map[string]any)["text"].(string), "Nobel medal") {
		t.Errorf("removed %v, want the related headline", removed)
	}
	if strings.Contains(doc["text"].(string), "Nobel medal") {
		t.Error("the related headline is still in the text")
	}
	if doc["reference_source"] != "none" || doc["published"] != nil {
		t.Errorf("reference %v / published %v, want none / null", doc["reference_source"], doc["published"])
	}
}

func TestExtractNewsCorpus(t *testing.T) {
	news := filepath.Join(shared(t, "corpus"), "news")
	code, out, errs := run(t, "", "extract", "--format", "jsonl", news)
	if code != ExitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 54 {
		t.Errorf("%d documents, want 54", len(lines))
	}
	for _, l := range lines {
		var d map[string]any
		if err := json.Unmarshal([]byte(l), &d); err != nil || len(d["sentences"].([]any)) == 0 {
			t.Errorf("bad document line: %v", err)
		}
	}
}

func TestExtractJSONForManyIsJSONLines(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", "The first story ends here.")
	b := writeFile(t, dir, "b.txt", "The second story ends here.")
	code, out, _ := run(t, "", "extract", a, b)
	if code != ExitOK || strings.Count(strings.TrimSpace(out), "\n") != 1 {
		t.Errorf("exit %d, output %q: want two JSON lines", code, out)
	}
}

func TestExtractText(t *testing.T) {
	code, out, _ := run(t, "title: Bridge reopens\ndate: 2025-04-01\n---\nThe bridge reopened on Monday, the city said.", "extract", "--format", "text", "-")
	if code != ExitOK || !strings.Contains(out, "Bridge reopens") || !strings.Contains(out, "reference date: 2025-04-01 (published)") {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func writeFile(t *testing.T, dir, name string, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadInputs gives each bad input, then a good one, to extract: the bad
// one is reported by name, the good one is still processed, and the exit
// code says whether anything failed.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", "Officials said the dam held overnight.")
	loopDir := filepath.Join(dir, "loop")
	if err := os.MkdirAll(loopDir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, loopDir, "inside.txt", "A story inside a folder that links to itself.")
	_ = os.Symlink(loopDir, filepath.Join(loopDir, "again"))
	mixed := filepath.Join(dir, "mixed")
	_ = os.MkdirAll(mixed, 0o755)
	writeFile(t, mixed, "ok.txt", "The talks resumed on Tuesday.")
	writeFile(t, mixed, "blank.txt", "   \n")
	emptyDir := filepath.Join(dir, "nothing")
	_ = os.MkdirAll(emptyDir, 0o755)
	bigLine := writeFile(t, dir, "line.txt", strings.Repeat("x", 50<<20))
	big := []string{"--max-bytes", "10000000"}
	tests := []struct {
		name    string
		content string // written to a file of the name below, unless empty and file is set
		file    string
		path    string   // used instead of a written file
		args    []string // flags instead of --max-bytes 1000
		code    int
		stderr  string
		docs    int // documents in the output, the good one included
	}{
		{name: "empty file", file: "empty.txt", content: "", code: 1, stderr: "empty.txt: empty article", docs: 1},
		{name: "white space only", file: "space.txt", content: " \n\t \n", code: 1, stderr: "space.txt: empty article", docs: 1},
		{name: "binary", file: "image.txt", content: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", code: 1, stderr: "image.txt: binary file", docs: 1},
		{name: "invalid UTF-8 is repaired", file: "latin1.txt", content: "Caf\xe9 owners protested on Friday.", code: 0, stderr: "latin1.txt: warning: invalid UTF-8", docs: 2},
		{name: "too large", file: "huge.txt", content: strings.Repeat("All quiet on the border. ", 50), code: 1, stderr: "huge.txt: input too large", docs: 1},
		{name: "missing path", path: filepath.Join(dir, "nowhere.txt"), code: 1, stderr: "nowhere.txt: no such file or directory", docs: 1},
		{name: "path under a file", path: filepath.Join(good, "child.txt"), code: 1, stderr: "child.txt: not a directory", docs: 1},
		{name: "malformed HTML is read", file: "broken.html", content: "<html><body><div><p>Troops withdrew from the town <b>on Sunday</div></table></span>", code: 0, docs: 2},
		{name: "HTML page with no article", file: "empty.html", content: "<html><head><script>x()</script></head><body></body></html>", code: 1, stderr: "empty.html: no article text found", docs: 1},
		{name: "JSONL with a bad line", file: "feed.jsonl", content: "{\"text\":\"Rain fell.\"}\n{oops\n{\"text\":\"Snow fell.\"}\n", code: 1, stderr: "feed.jsonl:2: not a JSON object", docs: 3},
		{name: "unbalanced quotes", file: "quotes.txt", content: "He said \"we will \u201cnot leave\u201d\u2019 and \u00abthen.", code: 0, docs: 2},
		{name: "symlink loop", path: loopDir, code: 0, docs: 2},
		{name: "folder with a bad file", path: mixed, code: 1, stderr: "blank.txt: empty article", docs: 2},
		{name: "a 50 MB single line", path: bigLine, code: 1, stderr: "line.txt: input too large", docs: 1},
		{name: "100,000 quotation marks", file: "marks.txt", content: strings.Repeat(`"`, 100000), args: big, code: 0, docs: 2},
		{name: "a run-on sentence of 100,000 words", file: "runon.txt", content: strings.Repeat("Officials Of The Ministry Said ", 20000), args: big, code: 0, docs: 2},
		{name: "too many sentences", file: "many.txt", content: strings.Repeat("The convoy moved on. ", 50), args: []string{"--max-sentences", "20"}, code: 1, stderr: "many.txt: too many sentences: 50, over the limit of 20 (--max-sentences)", docs: 1},
		{name: "deeply nested HTML", file: "nested.html", content: strings.Repeat("<div>", 5000) + "<p>Troops withdrew on Sunday, officials said.</p>", args: big, code: 1, stderr: "nested.html: malformed HTML", docs: 1},
		{name: "feed with broken XML", file: "news.rss", content: `<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</title><description>Troops left`, code: 1, stderr: "news.rss: not a readable feed", docs: 1},
		{name: "truncated WARC", file: "crawl.warc", content: "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\nWARC-Target-URI: http://example.org/a\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Troops left", code: 1, stderr: "crawl.warc#1: truncated WARC", docs: 1},
		{name: "NUL bytes in text", file: "nul.txt", content: "Troops left\x00\x00\x00\x00 the town\x00 on Monday.\x00\x00\x00\x00\x00\x00", code: 1, stderr: "nul.txt: binary file", docs: 1},
		{name: "header and no body", file: "header.txt", content: "title: A story\ndate: 2025-01-02\n---\n", code: 1, stderr: "header.txt: empty article", docs: 1},
		{name: "empty folder", path: emptyDir, code: 1, stderr: "no articles", docs: 1},
		{name: "UTF-16 with a byte-order mark", file: "utf16.txt", content: "\xff\xfeT\x00r\x00o\x00o\x00p\x00s\x00 \x00l\x00e\x00f\x00t\x00.\x00", code: 0, docs: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.path
			if p == "" {
				p = writeFile(t, dir, tt.file, tt.content)
			}
			args := tt.args
			if args == nil {
				args = []string{"--max-bytes", "1000"}
			}
			code, out, errs := run(t, "", append(append([]string{"extract", "--format", "jsonl"}, args...), p, good)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errs)
			}
			if tt.stderr != "" && !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr %q, want it to contain %q", errs, tt.stderr)
			}
			if tt.stderr == "" && strings.Contains(errs, "herodot: ") && tt.code == 0 {
				t.Errorf("unexpected stderr %q", errs)
			}
			if n := strings.Count(out, "\n"); n != tt.docs {
				t.Errorf("%d documents out, want %d", n, tt.docs)
			}
			if strings.Contains(errs, "panic") {
				t.Errorf("panic: %s", errs)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"extract"},
		{"extract", "--format", "xml", "a.txt"},
		{"extract", "--published", "last tuesday", "a.txt"},
		{"extract", "--no-such-flag", "a.txt"},
		{"extract", "--max-bytes", "0", "a.txt"},
		{"eval"},
		{"demo", "extra"},
		{"version", "extra"},
		{"serve", "extra"},
		{"serve", "--max-body", "0"},
		{"serve", "--max-time", "-1s"},
		{"extract", "--max-sentences", "0", "a.txt"},
	} {
		code, _, errs := run(t, "", args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, code, ExitUsage, errs)
		}
		if !strings.Contains(errs, "herodot: ") {
			t.Errorf("%v: stderr %q has no message", args, errs)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range [][]string{{"--help"}, {"extract", "--help"}, {"eval", "--help"}, {"demo", "--help"}, {"serve", "--help"}, {"version", "--help"}} {
		code, out, _ := run(t, "", cmd...)
		if code != ExitOK || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d, output %q", cmd, code, out)
		}
	}
	_, out, _ := run(t, "", "extract", "--help")
	for _, flag := range []string{"--format", "--published", "--max-bytes", "--kb", "--input-format"} {
		if !strings.Contains(out, flag) {
			t.Errorf("extract --help does not explain %s", flag)
		}
	}
}

func TestDemo(t *testing.T) {
	code, out, errs := run(t, "", "demo")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Chad pulls troops back", "reference date: 2026-03-12 (published)", "removed (related-story headline): Chad and Sudan agree"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "", "version")
	if code != ExitOK || !strings.HasPrefix(out, "herodot ") {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestUserKnowledgeFile(t *testing.T) {
	dir := t.TempDir()
	kb := writeFile(t, dir, "mine.tsv", "abbreviation\tCmdte.\ttitle\n")
	in := "The unit was led by Cmdte. Ortega for a year. It was disbanded."
	_, out, _ := run(t, in, "extract", "-")
	_, outKB, _ := run(t, in, "extract", "--kb", kb, "-")
	count := func(s string) int {
		var d struct{ Sentences [][2]int }
		_ = json.Unmarshal([]byte(s), &d)
		return len(d.Sentences)
	}
	if count(out) != 3 || count(outKB) != 2 {
		t.Errorf("sentences without the file %d (want 3), with it %d (want 2)", count(out), count(outKB))
	}
	bad := writeFile(t, dir, "bad.tsv", "nosuchtable\tx\n")
	if code, _, errs := run(t, in, "extract", "--kb", bad, "-"); code != ExitUsage || !strings.Contains(errs, "bad.tsv:1: unknown table") {
		t.Errorf("bad kb file: exit %d, stderr %q", code, errs)
	}
}

// TestEvalParity checks that 'herodot eval --json' prints the figures of
// 'score.py GOLD_DIR PRED_DIR --json' on the predictions it wrote, for a
// folder of gold files and, flattened, for the whole corpus.
func TestEvalParity(t *testing.T) {
	corpus := shared(t, "corpus")
	script := filepath.Join(shared(t, "tools"), "score.py")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the parity test runs the reference scorer")
	}
	for _, root := range []string{filepath.Join(corpus, "news"), corpus} {
		pred := t.TempDir()
		code, out, errs := run(t, "", "eval", "--json", "--pred-dir", pred, root)
		if code != ExitOK {
			t.Fatalf("eval %s: exit %d: %s", root, code, errs)
		}
		// score.py reads one folder: lay gold files and predictions flat
		goldFlat, predFlat := t.TempDir(), t.TempDir()
		err := filepath.Walk(pred, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(pred, p)
			name := strings.ReplaceAll(strings.TrimSuffix(rel, ".json"), string(filepath.Separator), "__")
			gold, _ := filepath.Abs(filepath.Join(root, strings.TrimSuffix(rel, ".json")+".gold.json"))
			if err := os.Symlink(gold, filepath.Join(goldFlat, name+".gold.json")); err != nil {
				return err
			}
			return os.Rename(p, filepath.Join(predFlat, name+".json"))
		})
		if err != nil {
			t.Fatal(err)
		}
		ref, err := exec.Command(py, script, goldFlat, predFlat, "--json").Output()
		if err != nil {
			t.Fatalf("score.py: %v", err)
		}
		var want, got map[string]any
		if err := json.Unmarshal(ref, &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("eval --json output %q: %v", out, err)
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d figures, score.py has %d", root, len(got), len(want))
		}
		for k, w := range want {
			g, ok := got[k].(float64)
			if !ok || math.Abs(g-w.(float64)) > 1e-12 {
				t.Errorf("%s: %s = %v, score.py says %v", root, k, got[k], w)
			}
		}
	}
}

func TestTuneGCLeavesAUsersGOGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)

	t.Setenv("GOGC", "")
	TuneGC()
	if got := debug.SetGCPercent(100); got != GCPercent {
		t.Errorf("without GOGC: collector target %d, want %d", got, GCPercent)
	}

	t.Setenv("GOGC", "150")
	debug.SetGCPercent(150) // what the runtime read from GOGC at start
	TuneGC()
	if got := debug.SetGCPercent(100); got != 150 {
		t.Errorf("with GOGC=150: collector target %d, want 150 kept", got)
	}
}
