package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"herodot/document"
	"herodot/internal/testcorpus"
)

// readAll reads paths and returns the documents and the errors.
func readAll(t *testing.T, paths []string, opts Options) ([]*document.Document, []error) {
	t.Helper()
	var docs []*document.Document
	var errs []error
	for d, err := range Read(paths, opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func one(t *testing.T, data string, opts Options) *document.Document {
	t.Helper()
	d, err := FromText([]byte(data), &opts)
	if err != nil {
		t.Fatalf("FromText: %v", err)
	}
	return d
}

const story = "The council met on Monday. It approved the budget.\n\nMembers said the vote was close.\n"

func TestHeader(t *testing.T) {
	d := one(t, "title: Council passes budget\ndate: 2024-05-06\nsource: Example Gazette\norigin: https://example.org/a\n---\n"+story, Options{})
	if d.Title != "Council passes budget" || d.Outlet != "Example Gazette" || d.URL != "https://example.org/a" {
		t.Errorf("metadata: title %q outlet %q url %q", d.Title, d.Outlet, d.URL)
	}
	if d.Published == nil || *d.Published != "2024-05-06" || d.ReferenceSource != document.RefPublished {
		t.Errorf("published %v (%s), want 2024-05-06 (published)", d.Published, d.ReferenceSource)
	}
	if strings.Contains(d.Text, "title:") || !strings.HasPrefix(d.Text, "The council met") {
		t.Errorf("header left in text: %q", d.Text)
	}
}

func TestHeaderUnknownDateFallsBackToFlag(t *testing.T) {
	d := one(t, "title: A\ndate: unknown\n---\n"+story, Options{Published: "2024-01-02"})
	if d.Published == nil || *d.Published != "2024-01-02" || d.ReferenceSource != document.RefFlag {
		t.Errorf("published %v (%s), want 2024-01-02 (flag)", d.Published, d.ReferenceSource)
	}
	if len(d.Warnings) != 0 {
		t.Errorf("an unknown date should not warn: %v", d.Warnings)
	}
}

func TestNoHeaderWithColonInFirstLine(t *testing.T) {
	text := "Note: the council met on Monday.\nIt approved the budget and members said the vote was close.\n"
	d := one(t, text, Options{})
	if !strings.HasPrefix(d.Text, "Note: the council") {
		t.Errorf("a first line with a colon and no --- is body, got %q", d.Text)
	}
}

func TestNoReferenceDate(t *testing.T) {
	d := one(t, story, Options{})
	if d.Published != nil || d.ReferenceDate != nil || d.ReferenceSource != document.RefNone {
		t.Errorf("published %v reference %v (%s), want none", d.Published, d.ReferenceDate, d.ReferenceSource)
	}
}

func TestDateline(t *testing.T) {
	d := one(t, "LIMA, March 4, 1987 - The central bank raised rates on Tuesday, officials said.\n", Options{Published: "2000-01-01"})
	if d.Published == nil || *d.Published != "1987-03-04" || d.ReferenceSource != document.RefDateline {
		t.Errorf("published %v (%s), want 1987-03-04 (dateline)", d.Published, d.ReferenceSource)
	}
	d = one(t, "LIMA, March 4 - The central bank raised rates, officials said.\n", Options{})
	if d.Published != nil {
		t.Errorf("a dateline without a year gave %v", *d.Published)
	}
}

func TestCleanText(t *testing.T) {
	d := one(t, "\ufeffFirst line.\r\nSecond\x07 line.\rThird line.\n", Options{})
	if d.Text != "First line.\nSecond  line.\nThird line." {
		t.Errorf("cleaned text %q", d.Text)
	}
}

func TestInvalidUTF8IsRepairedWithWarning(t *testing.T) {
	d := one(t, "Prices rose \xff\xfe sharply in May.\n", Options{})
	if !strings.Contains(d.Text, "\uFFFD") || len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "invalid UTF-8") {
		t.Errorf("text %q warnings %v", d.Text, d.Warnings)
	}
}

func TestUTF16(t *testing.T) {
	in := []byte{0xff, 0xfe}
	for _, r := range "Rain fell." {
		in = append(in, byte(r), 0)
	}
	d, err := FromText(in, &Options{})
	if err != nil || d.Text != "Rain fell." {
		t.Fatalf("UTF-16 text: %v %+v", err, d)
	}
}

func TestBadText(t *testing.T) {
	for name, tc := range map[string]struct {
		data string
		want error
	}{
		"empty":            {"", ErrEmpty},
		"white space":      {" \n\t\n ", ErrEmpty},
		"binary":           {"PK\x03\x04\x00\x00binary", ErrBinary},
		"only boilerplate": {"Read more\nContinue reading\n", ErrEmpty},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := FromText([]byte(tc.data), &Options{})
			if !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
		})
	}
}

func TestBoilerplate(t *testing.T) {
	text := "The council met on Monday.\n\nPhoto: Jane Roe/Getty Images\n\nIt approved the budget, members said.\n\nRead more\nMayor opens new bridge over river\nFloods close schools across the north"
	d := one(t, text, Options{})
	want := []document.Removed{
		{Text: "Photo: Jane Roe/Getty Images", Why: "photo credit"},
		{Text: "Read more", Why: "call to action"},
		{Text: "Mayor opens new bridge over river", Why: "related-story headline"},
		{Text: "Floods close schools across the north", Why: "related-story headline"},
	}
	if len(d.Removed) != len(want) {
		t.Fatalf("removed %v, want %v", d.Removed, want)
	}
	for i := range want {
		if d.Removed[i] != want[i] {
			t.Errorf("removed[%d] = %v, want %v", i, d.Removed[i], want[i])
		}
	}
	if d.Text != "The council met on Monday.\n\nIt approved the budget, members said." {
		t.Errorf("text %q", d.Text)
	}
}

func TestReuterSignOff(t *testing.T) {
	d := one(t, "The bank cut rates.\n\nIt said more cuts may follow. Reuter\n", Options{})
	if d.Text != "The bank cut rates.\n\nIt said more cuts may follow." {
		t.Errorf("text %q", d.Text)
	}
	if len(d.Removed) != 1 || d.Removed[0].Why != "sign-off" {
		t.Errorf("removed %v", d.Removed)
	}
}

func TestShortArticleKeepsItsLastLine(t *testing.T) {
	// a headline-like last line is kept when little else is left
	d := one(t, "Ministers meet in Oslo\nTalks begin on fishing rights", Options{})
	if len(d.Removed) != 0 {
		t.Errorf("removed %v from a two-line article", d.Removed)
	}
}

const page = `<!DOCTYPE html>
<html><head><title>Port strike ends | Example Times</title>
<meta property="og:site_name" content="Example Times">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Port strike ends","datePublished":"2025-09-14T08:30:00Z"}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Port strike ends</h1>
<p>Dock workers at the northern port returned to work on Sunday after a nine-day strike over pay, the union said in a statement.</p>
<p>The port authority confirmed that ships had begun to unload, and said the backlog would take a week to clear. Union leaders described the new contract as a fair compromise for both sides.</p>
<p>Shipping firms had diverted dozens of vessels to other ports during the stoppage, which cost the regional economy millions, according to the chamber of commerce.</p>
</article>
<footer>Copyright Example Times. All rights reserved.</footer>
</body></html>`

func TestHTML(t *testing.T) {
	d, err := FromHTML([]byte(page), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Published == nil || *d.Published != "2025-09-14" {
		t.Errorf("published %v, want 2025-09-14", d.Published)
	}
	if d.Outlet != "Example Times" {
		t.Errorf("outlet %q", d.Outlet)
	}
	if !strings.Contains(d.Title, "Port strike ends") {
		t.Errorf("title %q", d.Title)
	}
	if !strings.Contains(d.Text, "Dock workers at the northern port") || !strings.Contains(d.Text, "chamber of commerce") {
		t.Errorf("article text missing: %q", d.Text)
	}
	if strings.Contains(d.Text, "All rights reserved") || strings.Contains(d.Text, "Sport") {
		t.Errorf("page furniture kept: %q", d.Text)
	}
	if !strings.Contains(d.Text, "union said in a statement.\n\nThe port authority") {
		t.Errorf("paragraphs not separated: %q", d.Text)
	}
}

func TestMalformedHTML(t *testing.T) {
	d, err := FromHTML([]byte("<html><body><div><p>Rescuers searched the river <b>through the night<p>Two people were found alive</div></span></table>"), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "Rescuers searched the river") || !strings.Contains(d.Text, "Two people were found alive") {
		t.Errorf("text %q", d.Text)
	}
	if _, err := FromHTML([]byte("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>"), &Options{}); !errors.Is(err, ErrNoArticle) {
		t.Errorf("a page with no text: error %v, want ErrNoArticle", err)
	}
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "batch.jsonl", `{"id":"a1","text":"The river rose overnight.","title":"Floods","outlet":"Daily Example","published":"2023-02-03","url":"https://example.org/f"}
not json at all

{"id":"a2","html":"<html><body><article><p>The mayor resigned on Friday after a long inquiry into the city's accounts, officials said.</p></article></body></html>"}
{"id":"a3"}
`)
	docs, errs := readAll(t, []string{p}, Options{})
	if len(docs) != 2 || docs[0].ID != "a1" || docs[1].ID != "a2" {
		t.Fatalf("docs %v", docs)
	}
	if docs[0].Outlet != "Daily Example" || *docs[0].Published != "2023-02-03" || docs[0].Input != p+":1" {
		t.Errorf("first record: %+v", docs[0])
	}
	if !strings.Contains(docs[1].Text, "The mayor resigned") {
		t.Errorf("html record text %q", docs[1].Text)
	}
	if len(errs) != 2 {
		t.Fatalf("errors %v, want 2", errs)
	}
	if !strings.Contains(errs[0].Error(), "batch.jsonl:2: not a JSON object") {
		t.Errorf("bad line error %q", errs[0])
	}
	if !strings.Contains(errs[1].Error(), `batch.jsonl:5: record has neither "text" nor "html"`) {
		t.Errorf("empty record error %q", errs[1])
	}
}

func TestJSONLRecordTooLarge(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "big.jsonl", `{"text":"`+strings.Repeat("word ", 100)+`"}`+"\n"+`{"text":"Short one."}`+"\n")
	docs, errs := readAll(t, []string{p}, Options{MaxBytes: 200})
	if len(docs) != 1 || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
}

func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", "Second story text.")
	write(t, dir, "a.txt", "First story text.")
	write(t, dir, "sub/c.html", "<html><body><p>Third story text, in a folder.</p></body></html>")
	write(t, dir, "notes.md", "not an article")
	write(t, dir, "x.gold.json", "{}")
	write(t, dir, ".hidden/d.txt", "hidden")
	docs, errs := readAll(t, []string{dir}, Options{})
	if len(errs) != 0 {
		t.Fatalf("errors %v", errs)
	}
	var got []string
	for _, d := range docs {
		got = append(got, filepath.Base(d.Input))
	}
	if strings.Join(got, ",") != "a.txt,b.txt,c.html" {
		t.Errorf("read %v", got)
	}
}

func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "A story.")
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	docs, errs := readAll(t, []string{dir}, Options{})
	if len(docs) != 1 || len(errs) != 0 {
		t.Errorf("docs %d errs %v", len(docs), errs)
	}
}

func TestLinksToFiles(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	target := write(t, other, "story.txt", "A linked story.")
	if err := os.Symlink(target, filepath.Join(dir, "linked.txt")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if err := os.Symlink(filepath.Join(other, "gone.txt"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	docs, errs := readAll(t, []string{dir}, Options{})
	if len(docs) != 1 || docs[0].Text != "A linked story." {
		t.Errorf("docs %v", docs)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "dangling.txt: no such file") {
		t.Errorf("errors %v, want the dangling link reported", errs)
	}
}

func TestBadPaths(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.txt", "A good story.")
	empty := write(t, dir, "empty.txt", "")
	big := write(t, dir, "big.txt", strings.Repeat("x", 300))
	docs, errs := readAll(t, []string{filepath.Join(dir, "missing.txt"), empty, big, good}, Options{MaxBytes: 100})
	if len(docs) != 1 || docs[0].Input != good {
		t.Errorf("docs %v", docs)
	}
	want := []string{"missing.txt: no such file or directory", "empty.txt: empty article", "big.txt: input too large"}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for i, w := range want {
		var ie *InputError
		if !errors.As(errs[i], &ie) || !strings.Contains(errs[i].Error(), w) {
			t.Errorf("error %d: %v, want it to contain %q", i, errs[i], w)
		}
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop reads")
	}
	dir := t.TempDir()
	p := write(t, dir, "secret.txt", "A story.")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, errs := readAll(t, []string{p}, Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "permission denied") {
		t.Errorf("errors %v", errs)
	}
}

func TestStdin(t *testing.T) {
	docs, errs := readAll(t, []string{"-"}, Options{Stdin: strings.NewReader("<html><body><p>A story from a pipe, told in HTML.</p></body></html>")})
	if len(errs) != 0 || len(docs) != 1 || !strings.Contains(docs[0].Text, "A story from a pipe") || docs[0].Input != "-" {
		t.Fatalf("docs %v errs %v", docs, errs)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-01-28":                      "2026-01-28",
		"2026-01-28T23:10:00+01:00":       "2026-01-28",
		"January 28, 2026":                "2026-01-28",
		"Jan. 28, 2026":                   "2026-01-28",
		"Sept. 3, 2019":                   "2019-09-03",
		"28 January 2026":                 "2026-01-28",
		"Wed, 28 Jan 2026 10:00:00 +0000": "2026-01-28",
	} {
		if got, ok := ParseDate(in); !ok || got != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "unknown", "yesterday", "2026-13-45"} {
		if got, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q) = %q, want failure", in, got)
		}
	}
}

// sharedNews returns ../shared/corpus/news, skipping where it is absent.
func sharedNews(t testing.TB) string {
	return testcorpus.Shared(t, filepath.Join("corpus", "news"))
}

func TestSharedNewsCorpus(t *testing.T) {
	dir := sharedNews(t)
	docs, errs := readAll(t, []string{dir}, Options{})
	if len(errs) != 0 {
		t.Errorf("errors: %v", errs)
	}
	if len(docs) != 54 {
		t.Errorf("%d documents, want 54", len(docs))
	}
	for _, d := range docs {
		if d.Title == "" || d.Outlet == "" {
			t.Errorf("%s: title %q outlet %q", d.Input, d.Title, d.Outlet)
		}
		if strings.Contains(d.Text, "\n---\n") || strings.HasPrefix(d.Text, "title:") {
			t.Errorf("%s: header left in the text", d.Input)
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte("title: A\ndate: 2024-01-01\n---\nBody text. Reuter\nRead more\nA trailing related headline here"))
	f.Add([]byte("\ufeff\r\n\x01x\xff"))
	f.Add([]byte("LIMA, March 4, 1987 - Text."))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := FromText(data, &Options{})
		if err != nil {
			return
		}
		if strings.TrimSpace(d.Text) == "" {
			t.Fatal("document with empty text")
		}
		if !utf8Valid(d.Text) {
			t.Fatal("text is not valid UTF-8")
		}
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(page))
	f.Add([]byte("<p>unclosed <b><i>tags"))
	f.Add([]byte("<html><script>x</script>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := FromHTML(data, &Options{})
		if err == nil && strings.TrimSpace(d.Text) == "" {
			t.Fatal("document with empty text")
		}
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"text":"A."}` + "\n" + `{"html":"<p>B.</p>"}` + "\nbad\n"))
	f.Add([]byte(`{"text":null,"id":5}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for d, err := range Read([]string{"-"}, Options{Stdin: strings.NewReader(string(data)), Format: FormatJSONL, MaxBytes: 1 << 16}) {
			if err == nil && strings.TrimSpace(d.Text) == "" {
				t.Fatal("document with empty text")
			}
		}
	})
}

func utf8Valid(s string) bool { return utf8.ValidString(s) }

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.org/</link>
<item><title>Port strike ends</title><link>https://example.org/a</link><pubDate>Sun, 14 Sep 2025 08:30:00 GMT</pubDate>
<description><![CDATA[<p>Dock workers returned to work on Sunday after a nine-day strike, the union said.</p>]]></description></item>
<item><title>Empty</title><link>https://example.org/b</link></item>
<item><title>Mayor resigns</title><link>https://example.org/c</link><pubDate>Mon, 15 Sep 2025 10:00:00 GMT</pubDate>
<description>The mayor resigned on Monday after an inquiry into the city's accounts.</description></item>
</channel></rss>`

func TestFeed(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "wire.rss", rss)
	docs, errs := readAll(t, []string{p}, Options{})
	if len(docs) != 2 || len(errs) != 1 {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	d := docs[0]
	if d.Title != "Port strike ends" || d.Outlet != "Example Wire" || d.URL != "https://example.org/a" || *d.Published != "2025-09-14" || !strings.Contains(d.Text, "Dock workers returned") {
		t.Errorf("first item: %+v", d)
	}
	if !strings.Contains(errs[0].Error(), "wire.rss#2: feed item has no content") {
		t.Errorf("error %v", errs[0])
	}
	// the same feed with no telling name, through standard input
	docs, _ = readAll(t, []string{"-"}, Options{Stdin: strings.NewReader(rss)})
	if len(docs) != 2 {
		t.Errorf("a feed on standard input: %d documents", len(docs))
	}
	if _, errs := readAll(t, []string{write(t, dir, "bad.rss", "<rss><channel><item>")}, Options{}); len(errs) != 1 {
		t.Errorf("a broken feed: %v", errs)
	}
}

func TestURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != UserAgent {
			http.Error(w, "who are you", http.StatusForbidden)
			return
		}
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, page)
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, rss)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	// a loopback address is refused unless allowed
	if _, errs := readAll(t, []string{srv.URL + "/story"}, Options{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "refused") {
		t.Fatalf("loopback without --allow-private: %v", errs)
	}
	docs, errs := readAll(t, []string{srv.URL + "/story", srv.URL + "/feed", srv.URL + "/missing"}, Options{AllowPrivate: true})
	if len(docs) != 3 || len(errs) != 2 || !strings.Contains(errs[1].Error(), "404") {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	if docs[0].URL != srv.URL+"/story" || !strings.Contains(docs[0].Text, "Dock workers at the northern port") {
		t.Errorf("page: %+v", docs[0])
	}
	big := Options{AllowPrivate: true, MaxBytes: 100}
	if _, errs := readAll(t, []string{srv.URL + "/story"}, big); len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Errorf("a page over the limit: %v", errs)
	}
}

// warcRecord writes one WARC response record holding an HTTP response.
func warcResponse(uri, contentType, body string) string {
	http := "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n\r\n" + body
	return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + fmt.Sprintf("%08x-0000-4000-8000-000000000000", len(uri)+len(body)) + ">\r\n" +
		"WARC-Date: 2025-09-14T08:30:00Z\r\nWARC-Target-URI: " + uri + "\r\n" +
		"Content-Type: application/http; msgtype=response\r\nContent-Length: " + fmt.Sprint(len(http)) + "\r\n\r\n" + http + "\r\n\r\n"
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	records := []string{
		warcResponse("https://example.org/story", "text/html", page),
		warcResponse("https://example.org/logo.png", "image/png", "\x89PNG"),
		warcResponse("https://example.org/other", "text/html; charset=utf-8", "<html><body><p>The mayor resigned on Monday after an inquiry, officials said.</p></body></html>"),
	}
	content := strings.Join(records, "")
	var gz bytes.Buffer
	for _, r := range records { // one gzip member per record, as crawlers write them
		zw := gzip.NewWriter(&gz)
		zw.Write([]byte(r))
		zw.Close()
	}
	p := filepath.Join(dir, "crawl.warc.gz")
	if err := os.WriteFile(p, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, errs := readAll(t, []string{dir}, Options{})
	if len(errs) != 0 || len(docs) != 2 {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	if docs[0].URL != "https://example.org/story" || !strings.Contains(docs[0].Text, "Dock workers") || docs[1].Published == nil || *docs[1].Published != "2025-09-14" {
		t.Errorf("documents: %+v / %+v", docs[0], docs[1])
	}
	// a WARC cut in the middle of a record: the records before it are read, the damage reported
	cut := filepath.Join(dir, "cut.warc")
	os.WriteFile(cut, []byte(content[:len(content)-200]), 0o644)
	docs, errs = readAll(t, []string{cut}, Options{})
	if len(docs) != 2 && len(docs) != 1 || len(errs) != 1 {
		t.Errorf("truncated WARC: %d docs, errors %v", len(docs), errs)
	}
}

func TestCount(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "A.")
	write(t, dir, "sub/b.html", "<p>B.</p>")
	write(t, dir, "notes.md", "not counted")
	if n, known := Count([]string{dir, filepath.Join(dir, "a.txt")}); !known || n != 3 {
		t.Errorf("Count = %d, %v; want 3, true", n, known)
	}
	write(t, dir, "batch.jsonl", "{}")
	if _, known := Count([]string{dir}); known {
		t.Error("a JSON Lines file makes the count unknown")
	}
	if _, known := Count([]string{"-"}); known {
		t.Error("standard input makes the count unknown")
	}
}

func BenchmarkFromText(b *testing.B) {
	bodies := testcorpus.NewsBodies(b)
	opts := Options{}
	var n int
	for _, s := range bodies {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range bodies {
			if _, err := FromText([]byte(s), &opts); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(bodies)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// FuzzFeed reads arbitrary bytes as an RSS or Atom feed: nothing may
// panic, and every item read has text.
func FuzzFeed(f *testing.F) {
	f.Add([]byte(rss))
	f.Add([]byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><content type="html">&lt;p&gt;Troops left.&lt;/p&gt;</content></entry></feed>`))
	f.Add([]byte(`<rss><channel><item><description>unclosed`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for d, err := range Read([]string{"-"}, Options{Stdin: bytes.NewReader(data), Format: FormatFeed, MaxBytes: 1 << 16}) {
			if err == nil && strings.TrimSpace(d.Text) == "" {
				t.Fatal("document with empty text")
			}
		}
	})
}

// FuzzWARC reads arbitrary bytes as a WARC file: nothing may panic, and
// every record read has text.
func FuzzWARC(f *testing.F) {
	rec := warcResponse("https://example.org/a", "text/html", "<html><body><p>The mayor resigned on Monday after an inquiry, officials said.</p></body></html>")
	f.Add([]byte(rec))
	f.Add([]byte(rec[:len(rec)/2]))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f.warc")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for d, err := range Read([]string{p}, Options{MaxBytes: 1 << 16}) {
			if err == nil && strings.TrimSpace(d.Text) == "" {
				t.Fatal("document with empty text")
			}
		}
	})
}
