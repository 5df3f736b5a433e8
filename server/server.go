// Package server serves a corpus over HTTP: a JSON API (documents,
// entities, attributions, events, claims, a timeline and an actor graph,
// with the filters and paging of herodot query, and an analysis of posted
// text) and web pages that show an article's sourcing at a glance.
//
// Article text is data from the internet: every page is rendered by
// html/template, which escapes it; pages carry a strict Content Security
// Policy and load nothing from elsewhere; request bodies and times are
// bounded; there are no CORS headers. The server is read-only unless it
// has a token, which then guards the endpoints that write.
package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"herodot/corroborate"
	"herodot/document"
	"herodot/ingest"
	"herodot/pipeline"
	"herodot/store"
)

//go:embed templates static
var assets embed.FS

// Options configure a server.
type Options struct {
	Store    *store.Store
	Pipeline *pipeline.Pipeline
	Ingest   ingest.Options
	// Token, when set, allows the endpoints that write, for requests that
	// carry it as "Authorization: Bearer TOKEN".
	Token string
	// MaxBody bounds a request body (default 2 MB); Timeout the analysis of
	// one posted article (default 10 s).
	MaxBody int64
	Timeout time.Duration
}

type server struct {
	o    Options
	tmpl *template.Template

	mu    sync.Mutex // guards cache
	cache struct {
		ok         bool
		docs       int
		claims     []corroborate.Claim
		statements []corroborate.Statement
	}
}

// New returns the server's handler.
func New(o Options) (http.Handler, error) {
	if o.MaxBody <= 0 {
		o.MaxBody = 2 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	t, err := template.New("").Funcs(funcs).ParseFS(assets, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s := &server{o: o, tmpl: t}
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /doc/{id}", s.docPage)
	mux.HandleFunc("GET /paste", s.pastePage)
	mux.HandleFunc("POST /paste", s.pasteAnalyse)
	mux.HandleFunc("GET /claims", s.claimsPage)
	mux.HandleFunc("GET /timeline", s.timelinePage)
	mux.HandleFunc("GET /graph", s.graphPage)
	mux.HandleFunc("GET /api/documents/{id}", s.apiDocument)
	for _, k := range store.Kinds {
		mux.HandleFunc("GET /api/"+k, s.apiQuery(k))
	}
	mux.HandleFunc("GET /api/claims", s.apiClaims)
	mux.HandleFunc("GET /api/timeline", s.apiTimeline)
	mux.HandleFunc("GET /api/graph", s.apiGraph)
	mux.HandleFunc("POST /api/extract", s.apiExtract)
	mux.HandleFunc("POST /api/documents", s.apiStore)
	return headers(mux), nil
}

// headers sets the security headers of every answer.
func headers(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		h.ServeHTTP(w, r)
	})
}

// render writes a page; it is built whole first, so that a template error
// gives a clean error answer rather than half a page.
func (s *server) render(w http.ResponseWriter, status int, name string, data any) {
	var b bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		http.Error(w, "page error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func apiError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// filter reads the query filters and paging of a request.
func filter(r *http.Request) store.Filter {
	q := r.URL.Query()
	f := store.Filter{Actor: q.Get("actor"), Target: q.Get("target"), Type: q.Get("type"), Status: q.Get("status"),
		Kind: q.Get("kind"), Stance: q.Get("stance"), Outlet: q.Get("outlet"), Name: q.Get("name"), Text: q.Get("text"),
		Since: q.Get("since"), Until: q.Get("until"), Limit: 100}
	if n, err := strconv.Atoi(q.Get("limit")); err == nil && n > 0 && n <= 1000 {
		f.Limit = n
	}
	if n, err := strconv.Atoi(q.Get("offset")); err == nil && n > 0 {
		f.Offset = n
	}
	return f
}

// rows turns a table into objects, one per row.
func rows(t store.Table) []map[string]string {
	out := make([]map[string]string, len(t.Rows))
	for i, r := range t.Rows {
		m := make(map[string]string, len(t.Columns))
		for j, c := range t.Columns {
			m[c] = r[j]
		}
		out[i] = m
	}
	return out
}

func (s *server) apiQuery(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f := filter(r)
		t, err := s.o.Store.Query(r.Context(), kind, f)
		if err != nil {
			apiError(w, http.StatusBadRequest, err.Error())
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"items": rows(t), "limit": f.Limit, "offset": f.Offset})
	}
}

func (s *server) apiDocument(w http.ResponseWriter, r *http.Request) {
	d, err := s.o.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		apiError(w, http.StatusNotFound, "no such document")
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// claims returns the corpus's claims and statements. They take a while
// to work out over a large corpus, so they are kept until the number of
// documents changes (documents are added, never removed). The caller may
// reorder the slices' elements but not change them.
func (s *server) claims(ctx context.Context) ([]corroborate.Claim, []corroborate.Statement, error) {
	n, err := s.o.Store.Count(ctx)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cache.ok && s.cache.docs == n {
		return slices.Clone(s.cache.claims), slices.Clone(s.cache.statements), nil
	}
	ev, err := s.o.Store.EventRows(ctx)
	if err != nil {
		return nil, nil, err
	}
	st, err := s.o.Store.StatementRows(ctx)
	if err != nil {
		return nil, nil, err
	}
	s.cache.claims, s.cache.statements = corroborate.Claims(ev), corroborate.Statements(st)
	s.cache.docs, s.cache.ok = n, true
	return slices.Clone(s.cache.claims), slices.Clone(s.cache.statements), nil
}

func (s *server) apiClaims(w http.ResponseWriter, r *http.Request) {
	c, st, err := s.claims(r.Context())
	if err != nil {
		apiError(w, http.StatusInternalServerError, err.Error())
		return
	}
	f := filter(r)
	var keep []corroborate.Claim
	for _, cl := range c {
		if (f.Type == "" || strings.EqualFold(cl.Type, f.Type)) && (f.Actor == "" || strings.EqualFold(cl.Actor, f.Actor)) &&
			(f.Target == "" || strings.EqualFold(cl.Target, f.Target)) {
			keep = append(keep, cl)
		}
	}
	c = keep
	writeJSON(w, http.StatusOK, map[string]any{"events": page(c, f), "statements": page(st, f), "limit": f.Limit, "offset": f.Offset})
}

// timeline returns the events that have a time, in time order.
func (s *server) timeline(ctx context.Context, f store.Filter) ([]map[string]string, error) {
	f.Limit = 0
	t, err := s.o.Store.Query(ctx, "events", f)
	if err != nil {
		return nil, err
	}
	var out []map[string]string
	for _, r := range rows(t) {
		if r["time"] != "" && !strings.HasPrefix(r["time"], "P") && !strings.HasSuffix(r["time"], "_REF") {
			out = append(out, r)
		}
	}
	sortBy(out, "time")
	return out, nil
}

func (s *server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	f := filter(r)
	tl, err := s.timeline(r.Context(), f)
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": page(tl, f), "total": len(tl), "limit": f.Limit, "offset": f.Offset})
}

// page cuts one page out of items.
func page[T any](items []T, f store.Filter) []T {
	if f.Offset >= len(items) {
		return []T{}
	}
	items = items[f.Offset:]
	if f.Limit > 0 && f.Limit < len(items) {
		items = items[:f.Limit]
	}
	return items
}

func (s *server) apiGraph(w http.ResponseWriter, r *http.Request) {
	g, err := s.graph(r.Context(), filter(r))
	if err != nil {
		apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, g)
}

// analyse reads a posted article (text, HTML, or JSON with "text" or
// "html"), bounded in size and time, and runs the pipeline over it.
// A failure comes with the HTTP status that fits it.
func (s *server) analyse(ctx context.Context, body []byte, contentType string) (*document.Document, int, error) {
	ctx, cancel := context.WithTimeout(ctx, s.o.Timeout)
	defer cancel()
	opts := s.o.Ingest
	opts.MaxBytes = s.o.MaxBody
	var doc *document.Document
	var err error
	switch {
	case strings.Contains(contentType, "json"):
		var rec ingest.Record
		if err = json.Unmarshal(body, &rec); err == nil {
			if rec.HTML != "" {
				doc, err = ingest.FromHTML([]byte(rec.HTML), &opts)
			} else {
				doc, err = ingest.FromText([]byte(rec.Text), &opts)
			}
		}
	case strings.Contains(contentType, "html"):
		doc, err = ingest.FromHTML(body, &opts)
	default:
		doc, err = ingest.FromText(body, &opts)
	}
	if err != nil {
		return nil, http.StatusUnprocessableEntity, err
	}
	done := make(chan error, 1)
	go func() { done <- s.o.Pipeline.Run(ctx, doc) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err != nil {
		status := http.StatusInternalServerError
		if errors.Is(err, context.DeadlineExceeded) {
			status = http.StatusServiceUnavailable
		}
		return nil, status, err
	}
	return doc, http.StatusOK, nil
}

// readBody reads a request body of at most MaxBody bytes.
func (s *server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.o.MaxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			apiError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is over %d bytes", s.o.MaxBody))
		} else {
			apiError(w, http.StatusBadRequest, err.Error())
		}
		return nil, false
	}
	return body, true
}

// analysePosted reads and analyses the article posted in r; when it
// cannot, it has answered the request with the error.
func (s *server) analysePosted(w http.ResponseWriter, r *http.Request) (*document.Document, bool) {
	body, ok := s.readBody(w, r)
	if !ok {
		return nil, false
	}
	doc, status, err := s.analyse(r.Context(), body, r.Header.Get("Content-Type"))
	if err != nil {
		apiError(w, status, err.Error())
		return nil, false
	}
	return doc, true
}

func (s *server) apiExtract(w http.ResponseWriter, r *http.Request) {
	doc, ok := s.analysePosted(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, doc)
}

// apiStore analyses a posted article and stores it: a writing endpoint,
// open only to requests with the server's token.
func (s *server) apiStore(w http.ResponseWriter, r *http.Request) {
	if s.o.Token == "" {
		apiError(w, http.StatusForbidden, "this server is read-only (start it with --token to allow writing)")
		return
	}
	got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if subtle.ConstantTimeCompare([]byte(got), []byte(s.o.Token)) != 1 {
		apiError(w, http.StatusUnauthorized, "a valid token is needed: Authorization: Bearer TOKEN")
		return
	}
	doc, ok := s.analysePosted(w, r)
	if !ok {
		return
	}
	added, _, err := s.o.Store.Put(r.Context(), []*document.Document{doc})
	if err != nil {
		apiError(w, http.StatusInternalServerError, err.Error())
		return
	}
	status := http.StatusCreated
	if added == 0 {
		status = http.StatusOK // stored already
	}
	writeJSON(w, status, map[string]string{"id": doc.ID})
}
