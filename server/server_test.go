package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"herodot/document"
	"herodot/ingest"
	"herodot/internal/demo"
	"herodot/knowledge"
	"herodot/pipeline"
	"herodot/store"
)

// hostile is an article written to attack the pages: markup and script in
// its title, its text, a source's name and a quotation.
const hostile = `title: <script>document.body.dataset.pwned='title'</script>Ministry says
source: <img src=x onerror="document.body.dataset.pwned='outlet'">
date: 2025-05-02
---
The ministry said <script>document.body.dataset.pwned='text'</script> the talks had failed.

"<b onmouseover=alert(1)>We will not sign</b>," said Minister "><svg onload=alert(2)> Jones.
`

// newTestServer serves a fresh store holding the demo story and the
// hostile article; token, if set, allows writing.
func newTestServer(t *testing.T, token string) (*httptest.Server, map[string]string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	kb := knowledge.Default()
	pipe := pipeline.Default(pipeline.Options{KB: kb})
	opts := ingest.Options{KB: kb, MaxBytes: ingest.DefaultMaxBytes}
	ids := map[string]string{}
	for name, text := range map[string][]byte{"demo": demo.Article, "hostile": []byte(hostile)} {
		d, err := ingest.FromText(text, &opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := pipe.Run(ctx, d); err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.Put(ctx, []*document.Document{d}); err != nil {
			t.Fatal(err)
		}
		ids[name] = d.ID
	}
	h, err := New(Options{Store: st, Pipeline: pipe, Ingest: opts, Token: token, MaxBody: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, ids
}

func get(t *testing.T, u string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func getJSON(t *testing.T, u string, v any) *http.Response {
	t.Helper()
	resp, body := get(t, u)
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%s: %v\n%s", u, err, body)
	}
	return resp
}

type items struct {
	Items  []map[string]string `json:"items"`
	Limit  int                 `json:"limit"`
	Offset int                 `json:"offset"`
	Total  int                 `json:"total"`
}

func TestAPIQueries(t *testing.T) {
	srv, ids := newTestServer(t, "")
	var docs items
	getJSON(t, srv.URL+"/api/documents", &docs)
	if len(docs.Items) != 2 {
		t.Fatalf("documents: got %d, want 2", len(docs.Items))
	}

	// the demo story's anonymous sources, and only those
	var anon items
	getJSON(t, srv.URL+"/api/attributions?kind=anonymous", &anon)
	if len(anon.Items) < 3 {
		t.Fatalf("anonymous attributions: got %d, want the demo's three or more: %v", len(anon.Items), anon.Items)
	}
	for _, a := range anon.Items {
		if a["kind"] != "anonymous" {
			t.Errorf("kind filter let through %v", a)
		}
	}
	var denied items
	getJSON(t, srv.URL+"/api/attributions?stance=denied", &denied)
	found := false
	for _, a := range denied.Items {
		found = found || strings.Contains(a["source"], "Amina Ousmane")
	}
	if !found {
		t.Errorf("the defence minister's denial is not among %v", denied.Items)
	}

	// paging: two pages of one cover what one page of two does
	var p1, p2, both items
	getJSON(t, srv.URL+"/api/entities?limit=1", &p1)
	getJSON(t, srv.URL+"/api/entities?limit=1&offset=1", &p2)
	getJSON(t, srv.URL+"/api/entities?limit=2", &both)
	if len(p1.Items) != 1 || len(p2.Items) != 1 || len(both.Items) != 2 ||
		p1.Items[0]["name"] != both.Items[0]["name"] || p2.Items[0]["name"] != both.Items[1]["name"] {
		t.Errorf("paging: %v + %v != %v", p1.Items, p2.Items, both.Items)
	}

	// one article, as extract writes it
	var d document.Document
	resp := getJSON(t, srv.URL+"/api/documents/"+ids["demo"], &d)
	if resp.StatusCode != 200 || d.ID != ids["demo"] || len(d.Attributions) == 0 || len(d.Events) == 0 {
		t.Errorf("document %s: status %d, %d attributions, %d events", ids["demo"], resp.StatusCode, len(d.Attributions), len(d.Events))
	}
	if resp, _ := get(t, srv.URL+"/api/documents/nosuch"); resp.StatusCode != 404 {
		t.Errorf("unknown document: status %d, want 404", resp.StatusCode)
	}

	var tl items
	getJSON(t, srv.URL+"/api/timeline?limit=1", &tl)
	if len(tl.Items) != 1 || tl.Total < 1 {
		t.Errorf("timeline: %d items of %d", len(tl.Items), tl.Total)
	}
	var g graph
	getJSON(t, srv.URL+"/api/graph", &g)
	if len(g.Nodes) == 0 {
		t.Error("graph: no actors")
	}
	var claims struct {
		Events []map[string]any `json:"events"`
	}
	getJSON(t, srv.URL+"/api/claims", &claims)
	if len(claims.Events) == 0 || claims.Events[0]["type"] == nil {
		t.Errorf("claims: %v", claims.Events)
	}
}

func TestExtractEndpoint(t *testing.T) {
	srv, _ := newTestServer(t, "")
	body := `{"text": "Two officials said on Monday that Peru had closed its border with Chile."}`
	resp, err := http.Post(srv.URL+"/api/extract", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var d document.Document
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || len(d.Attributions) != 1 || d.Attributions[0].Source.Kind != "anonymous" {
		t.Errorf("status %d, attributions %+v", resp.StatusCode, d.Attributions)
	}

	for _, tc := range []struct {
		name, ctype, body string
		status            int
	}{
		{"too large", "text/plain", strings.Repeat("The minister said so. ", 4000), http.StatusRequestEntityTooLarge},
		{"empty", "text/plain", "  \n", http.StatusUnprocessableEntity},
		{"binary", "text/plain", "\x00\x01\x02PK\x03\x04", http.StatusUnprocessableEntity},
		{"bad json", "application/json", `{"text": `, http.StatusUnprocessableEntity},
	} {
		resp, err := http.Post(srv.URL+"/api/extract", tc.ctype, strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		var e struct{ Error string }
		json.NewDecoder(resp.Body).Decode(&e)
		resp.Body.Close()
		if resp.StatusCode != tc.status || e.Error == "" {
			t.Errorf("%s: status %d (want %d), error %q", tc.name, resp.StatusCode, tc.status, e.Error)
		}
	}
}

func TestWritingNeedsToken(t *testing.T) {
	post := func(srv *httptest.Server, token string) int {
		req, _ := http.NewRequest("POST", srv.URL+"/api/documents", strings.NewReader("Officials said the port of Beira had reopened on Friday."))
		req.Header.Set("Content-Type", "text/plain")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	readOnly, _ := newTestServer(t, "")
	if got := post(readOnly, "anything"); got != http.StatusForbidden {
		t.Errorf("read-only server: status %d, want 403", got)
	}
	srv, _ := newTestServer(t, "s3cret")
	if got := post(srv, ""); got != http.StatusUnauthorized {
		t.Errorf("no token: status %d, want 401", got)
	}
	if got := post(srv, "wrong"); got != http.StatusUnauthorized {
		t.Errorf("wrong token: status %d, want 401", got)
	}
	if got := post(srv, "s3cret"); got != http.StatusCreated {
		t.Errorf("token: status %d, want 201", got)
	}
	if got := post(srv, "s3cret"); got != http.StatusOK {
		t.Errorf("the same article again: status %d, want 200", got)
	}
	var docs items
	getJSON(t, srv.URL+"/api/documents", &docs)
	if len(docs.Items) != 3 {
		t.Errorf("after one stored article: %d documents, want 3", len(docs.Items))
	}
}

// TestPagesEscapeArticleText checks that markup in an article's title,
// outlet, text and sources reaches the pages as text, never as markup.
func TestPagesEscapeArticleText(t *testing.T) {
	srv, ids := newTestServer(t, "")
	for _, p := range []string{"/", "/doc/" + ids["hostile"], "/claims", "/timeline", "/graph", "/api/documents/" + ids["hostile"]} {
		resp, body := get(t, srv.URL+p)
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", p, resp.StatusCode)
		}
		for _, bad := range []string{"<script>document", "<img src=x", "<b onmouseover", "<svg onload"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: the page holds raw markup %q from the article", p, bad)
			}
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: Content-Security-Policy %q", p, csp)
		}
		if resp.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s: CORS header set", p)
		}
	}
	// the text is still there, escaped
	_, body := get(t, srv.URL+"/doc/"+ids["hostile"])
	// a click on a source, cue or content leads to its entry in the panel
	_, demoPage := get(t, srv.URL+"/doc/"+ids["demo"])
	if !strings.Contains(demoPage, `href="#A1"`) || !strings.Contains(demoPage, `<li id="A1">`) || !strings.Contains(demoPage, `<li id="V1">`) {
		t.Error("the demo page's marks do not link to the panel's entries")
	}
	if !strings.Contains(body, "&lt;script&gt;document.body.dataset.pwned=&#39;text&#39;&lt;/script&gt;") {
		t.Error("the article's text is missing from its page")
	}
}

func TestPastePage(t *testing.T) {
	srv, _ := newTestServer(t, "")
	resp, err := http.PostForm(srv.URL+"/paste", url.Values{"text": {"A spokesman for the ministry denied that troops had crossed into Laos on Sunday."}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	body := string(b)
	if resp.StatusCode != 200 || !strings.Contains(body, "stance-denied") || !strings.Contains(body, "analysed, not stored") {
		t.Errorf("paste: status %d; the page does not show the denial:\n%s", resp.StatusCode, body)
	}
	// compound actors are listed, each with its code
	resp, err = http.PostForm(srv.URL+"/paste", url.Values{"text": {"Peru and Chile sent soldiers to Bolivia."}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if body := string(b); !strings.Contains(body, "Peru <code>PER</code>, Chile <code>CHL</code> → <i>sent</i>") {
		t.Errorf("paste: the event's two actors are not listed:\n%s", body)
	}
	resp, err = http.PostForm(srv.URL+"/paste", url.Values{"text": {"   "}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(string(b), `class="error"`) || strings.Contains(string(b), `{&#34;error`) {
		t.Errorf("empty paste: status %d, page:\n%s", resp.StatusCode, b)
	}
	var docs items
	getJSON(t, srv.URL+"/api/documents", &docs)
	if len(docs.Items) != 2 {
		t.Errorf("a pasted text was stored: %d documents", len(docs.Items))
	}
}

func TestPieces(t *testing.T) {
	text := "Officials said the port reopened."
	marks := []mark{
		{sp: document.Span{Start: 0, End: 9}, class: "src"},
		{sp: document.Span{Start: 10, End: 14}, class: "cue"},
		{sp: document.Span{Start: 15, End: 33}, class: "content", link: "A1"},
		{sp: document.Span{Start: 24, End: 32}, class: "trigger", link: "V1"},
		{sp: document.Span{Start: 19, End: 23}, class: "ent"},
		{sp: document.Span{Start: 30, End: 99}, class: "outside"}, // off the end: ignored
	}
	got := pieces(text, marks)
	var joined strings.Builder
	var classes []string
	for _, p := range got {
		joined.WriteString(p.Text)
		classes = append(classes, p.Classes)
	}
	if joined.String() != text {
		t.Fatalf("pieces lose text: %q", joined.String())
	}
	if got[0].Link != "" {
		t.Errorf("a mark with no link gave one: %+v", got[0])
	}
	var links []string
	for _, p := range got {
		links = append(links, p.Link)
	}
	// "reopened" is in the content and is a trigger: the narrower mark wins
	if strings.Join(links, "|") != "||||A1|A1|A1|V1|A1" {
		t.Errorf("links %q", links)
	}
	want := []string{"src", "", "cue", "", "content", "content ent", "content", "content trigger", "content"}
	if strings.Join(classes, "|") != strings.Join(want, "|") {
		t.Errorf("classes %q, want %q", classes, want)
	}
}
