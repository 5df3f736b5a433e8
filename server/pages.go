package server

import (
	"context"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"herodot/document"
	"herodot/store"
)

var funcs = template.FuncMap{
	"join": strings.Join,
	"add": func(n ...int) int {
		t := 0
		for _, x := range n {
			t += x
		}
		return t
	},
	"deref": func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	},
	"count": func(n *int) string {
		if n == nil {
			return "?"
		}
		return fmt.Sprint(*n)
	},
}

func (s *server) index(w http.ResponseWriter, r *http.Request) {
	f := filter(r)
	t, err := s.o.Store.Query(r.Context(), "documents", f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.render(w, http.StatusOK, "index.html", map[string]any{"Docs": rows(t), "Query": r.URL.Query().Get("text")})
}

func (s *server) docPage(w http.ResponseWriter, r *http.Request) {
	d, err := s.o.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	s.render(w, http.StatusOK, "doc.html", view(d, false))
}

func (s *server) pastePage(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "paste.html", nil)
}

func (s *server) pasteAnalyse(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxBody)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the text is too long or malformed", http.StatusRequestEntityTooLarge)
		return
	}
	text := r.PostForm.Get("text")
	ct := "text/plain"
	if r.PostForm.Get("format") == "html" {
		ct = "text/html"
	}
	doc, _, err := s.analyse(r.Context(), []byte(text), ct)
	if err != nil {
		s.render(w, http.StatusUnprocessableEntity, "paste.html", map[string]any{"Error": err.Error(), "Text": text})
		return
	}
	s.render(w, http.StatusOK, "doc.html", view(doc, true))
}

// piece is a stretch of an article's text with the annotations that
// cover all of it.
type piece struct {
	Text    string
	Classes string
	Title   string
	Link    string // the panel entry that a click on the piece shows
}

type docView struct {
	Doc      *document.Document
	Pieces   []piece
	Pasted   bool
	Kinds    map[string]int
	Stances  map[string]int
	Anchors  map[string]string // attribution ID → its source and stance, for the events list
	Sentence map[string]string // event ID → its sentence
}

type mark struct {
	sp      document.Span
	class   string
	title   string
	link    string // the id of the attribution or event in the panel
	outline bool
}

// view builds an article's highlighted text and its sourcing summary.
func view(d *document.Document, pasted bool) docView {
	v := docView{Doc: d, Pasted: pasted, Kinds: map[string]int{}, Stances: map[string]int{}, Anchors: map[string]string{}, Sentence: map[string]string{}}
	var marks []mark
	for _, a := range d.Attributions {
		v.Kinds[a.Source.Kind]++
		v.Stances[a.Stance]++
		v.Anchors[a.ID] = fmt.Sprintf("%s (%s, %s)", orNone(a.Source.Text), a.Source.Kind, a.Stance)
		if a.Source.Span != nil {
			marks = append(marks, mark{sp: *a.Source.Span, class: "src src-" + a.Source.Kind, link: a.ID,
				title: fmt.Sprintf("[%s] source: %s — %s, %s sources%s", a.ID, a.Source.Text, a.Source.Kind, countText(a.Source.Count), viaText(a.Via))})
		}
		marks = append(marks, mark{sp: a.Cue.Span, class: "cue", link: a.ID, title: fmt.Sprintf("[%s] cue %q (%s): %s", a.ID, a.Cue.Text, a.Cue.Lemma, a.Stance)})
		if a.Content.Span.Len() > 0 {
			marks = append(marks, mark{sp: a.Content.Span, class: "content stance-" + a.Stance, link: a.ID,
				title: fmt.Sprintf("[%s] %s, %s quote, according to %s", a.ID, a.Stance, a.Quote, orNone(a.Source.Text))})
		}
	}
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			marks = append(marks, mark{sp: m.Span, class: "ent ent-" + strings.ToLower(e.Type), title: fmt.Sprintf("%s %s %s %s", e.ID, e.Type, e.Name, e.Actor)})
		}
	}
	for _, t := range d.Times {
		marks = append(marks, mark{sp: t.Span, class: "time", title: "time " + t.Value})
	}
	for _, ev := range d.Events {
		marks = append(marks, mark{sp: ev.Trigger.Span, class: "trigger", link: ev.ID, title: fmt.Sprintf("%s %s (%s) %s", ev.ID, ev.Type, ev.Cameo, ev.Status)})
		if ev.Sentence >= 0 && ev.Sentence < len(d.Sentences) {
			v.Sentence[ev.ID] = d.Slice(d.Sentences[ev.Sentence].Span)
		}
	}
	v.Pieces = pieces(d.Text, marks)
	return v
}

func orNone(s string) string {
	if s == "" {
		return "(no source named)"
	}
	return s
}

func countText(n *int) string {
	if n == nil {
		return "an unstated number of"
	}
	return fmt.Sprint(*n)
}

func viaText(via []string) string {
	if len(via) == 0 {
		return ""
	}
	return ", via " + strings.Join(via, " → ")
}

// pieces cuts text at every mark's edges; each piece has the classes and
// titles of the marks that cover it.
func pieces(text string, marks []mark) []piece {
	cuts := map[int]bool{0: true, len(text): true}
	valid := marks[:0:0]
	for _, m := range marks {
		if m.sp.Start >= 0 && m.sp.End <= len(text) && m.sp.Start < m.sp.End {
			cuts[m.sp.Start], cuts[m.sp.End] = true, true
			valid = append(valid, m)
		}
	}
	marks = valid
	at := make([]int, 0, len(cuts))
	for c := range cuts {
		at = append(at, c)
	}
	sort.Ints(at)
	out := make([]piece, 0, len(at))
	for i := 0; i+1 < len(at); i++ {
		a, b := at[i], at[i+1]
		var classes, titles []string
		link, linkLen := "", 0
		for _, m := range marks {
			if m.sp.Start <= a && b <= m.sp.End {
				classes = append(classes, m.class)
				titles = append(titles, m.title)
				if m.link != "" && (link == "" || m.sp.Len() < linkLen) {
					link, linkLen = m.link, m.sp.Len() // the narrowest mark says most
				}
			}
		}
		out = append(out, piece{Text: text[a:b], Classes: strings.Join(classes, " "), Title: strings.Join(titles, "\n"), Link: link})
	}
	return out
}

func (s *server) claimsPage(w http.ResponseWriter, r *http.Request) {
	claims, statements, err := s.claims(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	key := r.URL.Query().Get("sort")
	sort.SliceStable(claims, func(i, j int) bool {
		a, b := claims[i], claims[j]
		switch key {
		case "type":
			return a.Type < b.Type
		case "articles":
			return len(a.Articles) > len(b.Articles)
		case "anonymous":
			return a.Anonymous > b.Anonymous
		case "named":
			return a.Named > b.Named
		}
		return a.Stories > b.Stories
	})
	s.render(w, http.StatusOK, "claims.html", map[string]any{"Claims": claims, "Statements": statements, "Sort": key})
}

func (s *server) timelinePage(w http.ResponseWriter, r *http.Request) {
	f := filter(r)
	tl, err := s.timeline(r.Context(), f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.render(w, http.StatusOK, "timeline.html", map[string]any{"Events": page(tl, f), "Total": len(tl), "From": f.Offset + 1,
		"Next": nextPage(r, f, len(tl))})
}

// graph is the actor network: who acts on whom, how often, in which quad.
type graph struct {
	Nodes []node `json:"nodes"`
	Edges []edge `json:"edges"`
}

type node struct {
	ID    string  `json:"id"`
	Count int     `json:"count"`
	X, Y  float64 `json:"-"`
}

type edge struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Quad  string `json:"quad"`
	Count int    `json:"count"`
	// drawing, for the page
	X1, Y1, X2, Y2 float64 `json:"-"`
}

func (s *server) graph(ctx context.Context, f store.Filter) (graph, error) {
	f.Limit = 0
	t, err := s.o.Store.Query(ctx, "events", f)
	if err != nil {
		return graph{}, err
	}
	counts := map[string]int{}
	type key struct{ from, to, quad string }
	edges := map[key]int{}
	for _, r := range rows(t) {
		a, b := country(r["actor"]), country(r["target"])
		if a == "" || b == "" {
			continue
		}
		counts[a]++
		counts[b]++
		edges[key{a, b, r["quad"]}]++
	}
	var g graph
	for id, n := range counts {
		g.Nodes = append(g.Nodes, node{ID: id, Count: n})
	}
	sort.Slice(g.Nodes, func(i, j int) bool {
		return g.Nodes[i].Count > g.Nodes[j].Count || g.Nodes[i].Count == g.Nodes[j].Count && g.Nodes[i].ID < g.Nodes[j].ID
	})
	if len(g.Nodes) > 40 {
		g.Nodes = g.Nodes[:40]
	}
	pos := map[string]node{}
	for i := range g.Nodes {
		angle := 2 * math.Pi * float64(i) / float64(len(g.Nodes))
		g.Nodes[i].X, g.Nodes[i].Y = 300+240*math.Cos(angle), 300+240*math.Sin(angle)
		pos[g.Nodes[i].ID] = g.Nodes[i]
	}
	for k, n := range edges {
		a, okA := pos[k.from]
		b, okB := pos[k.to]
		if !okA || !okB {
			continue
		}
		g.Edges = append(g.Edges, edge{From: k.from, To: k.to, Quad: k.quad, Count: n, X1: a.X, Y1: a.Y, X2: b.X, Y2: b.Y})
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		if g.Edges[i].Count != g.Edges[j].Count {
			return g.Edges[i].Count > g.Edges[j].Count
		}
		return g.Edges[i].From+g.Edges[i].To+g.Edges[i].Quad < g.Edges[j].From+g.Edges[j].To+g.Edges[j].Quad
	})
	return g, nil
}

func country(code string) string {
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}

func (s *server) graphPage(w http.ResponseWriter, r *http.Request) {
	g, err := s.graph(r.Context(), filter(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.render(w, http.StatusOK, "graph.html", g)
}

func sortBy(rows []map[string]string, key string) {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i][key] < rows[j][key] })
}

// nextPage is the query of the page after r's, with the same filters, or
// "" when r's is the last.
func nextPage(r *http.Request, f store.Filter, total int) string {
	if f.Limit <= 0 || f.Offset+f.Limit >= total {
		return ""
	}
	q := r.URL.Query()
	q.Set("offset", strconv.Itoa(f.Offset+f.Limit))
	return "?" + q.Encode()
}
