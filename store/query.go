package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Filter narrows a query. Empty fields do not filter.
type Filter struct {
	Actor, Target string // actor-code prefixes ("USA", "USAGOV")
	Type, Status  string // event type and status
	Kind, Stance  string // attribution source kind and stance
	Outlet        string
	Name          string // part of an entity's name
	Text          string // full-text search (FTS5 syntax) of texts or contents
	Since, Until  string // publication dates, YYYY-MM-DD
	Limit, Offset int
}

// Table is the answer to a query: named columns and rows of text.
type Table struct {
	Columns []string
	Rows    [][]string
}

// Kinds of query.
var Kinds = []string{"events", "attributions", "entities", "documents"}

// Query answers a query of kind events, attributions, entities or
// documents.
func (s *Store) Query(ctx context.Context, kind string, f Filter) (Table, error) {
	var q strings.Builder
	var args []any
	where := func(cond string, v ...any) {
		if len(args) == 0 && !strings.Contains(q.String(), " WHERE ") {
			q.WriteString(" WHERE ")
		} else {
			q.WriteString(" AND ")
		}
		q.WriteString(cond)
		args = append(args, v...)
	}
	dates := func() {
		if f.Since != "" {
			where("d.published >= ?", f.Since)
		}
		if f.Until != "" {
			where("d.published <= ?", f.Until)
		}
		if f.Outlet != "" {
			where("d.outlet = ?", f.Outlet)
		}
	}
	var cols []string
	switch kind {
	case "events":
		cols = []string{"doc", "event", "type", "mode", "quad", "actor", "actor_text", "trigger", "target", "target_text", "time", "status", "attribution", "published", "outlet"}
		q.WriteString(`SELECT e.doc_id, e.vid, e.type, e.mode, e.quad, e.actor, e.actor_text, e.trigger, e.target, e.target_text, e.time, e.status, e.attribution,
			COALESCE(d.published, ''), d.outlet FROM events e JOIN documents d ON d.id = e.doc_id`)
		// an actor or target anywhere in a compound list counts too
		if f.Actor != "" {
			where("(e.actor LIKE ? OR e.actors LIKE ?)", f.Actor+"%", "% "+f.Actor+"%")
		}
		if f.Target != "" {
			where("(e.target LIKE ? OR e.targets LIKE ?)", f.Target+"%", "% "+f.Target+"%")
		}
		if f.Type != "" {
			where("e.type = ?", strings.ToUpper(f.Type))
		}
		if f.Status != "" {
			where("e.status = ?", f.Status)
		}
		dates()
		q.WriteString(" ORDER BY d.published, e.doc_id, e.sentence")
	case "attributions":
		cols = []string{"doc", "attribution", "source", "kind", "count", "affiliation", "cue", "via", "stance", "quote", "content", "published", "outlet"}
		q.WriteString(`SELECT a.doc_id, a.aid, a.source, a.kind, COALESCE(CAST(a.count AS TEXT), ''), a.affiliation, a.cue, a.via, a.stance, a.quote, a.content,
			COALESCE(d.published, ''), d.outlet FROM attributions a JOIN documents d ON d.id = a.doc_id`)
		if f.Kind != "" {
			where("a.kind = ?", f.Kind)
		}
		if f.Stance != "" {
			where("a.stance = ?", f.Stance)
		}
		if f.Text != "" {
			if s.pg {
				where("to_tsvector('simple', a.content) @@ websearch_to_tsquery('simple', ?)", f.Text)
			} else {
				where("(a.doc_id, a.aid) IN (SELECT doc_id, aid FROM attributions_fts WHERE attributions_fts MATCH ?)", f.Text)
			}
		}
		dates()
		q.WriteString(" ORDER BY d.published, a.doc_id, a.sentence")
	case "entities":
		cols = []string{"doc", "entity", "name", "type", "actor", "mentions"}
		q.WriteString(`SELECT e.doc_id, e.eid, e.name, e.type, e.actor, CAST(e.mentions AS TEXT) FROM entities e JOIN documents d ON d.id = e.doc_id`)
		if f.Type != "" {
			where("e.type = ?", strings.ToUpper(f.Type))
		}
		if f.Actor != "" {
			where("e.actor LIKE ?", f.Actor+"%")
		}
		if f.Name != "" {
			where("e.name LIKE ?", "%"+f.Name+"%")
		}
		dates()
		q.WriteString(" ORDER BY e.doc_id, e.eid")
	case "documents":
		cols = []string{"doc", "title", "outlet", "published", "url", "input"}
		q.WriteString(`SELECT d.id, d.title, d.outlet, COALESCE(d.published, ''), d.url, d.input FROM documents d`)
		if f.Text != "" {
			if s.pg {
				where("to_tsvector('simple', d.body) @@ websearch_to_tsquery('simple', ?)", f.Text)
			} else {
				where("d.id IN (SELECT id FROM documents_fts WHERE documents_fts MATCH ?)", f.Text)
			}
		}
		dates()
		q.WriteString(" ORDER BY d.published, d.id")
	default:
		return Table{}, fmt.Errorf("unknown query %q: one of %s", kind, strings.Join(Kinds, ", "))
	}
	if f.Limit > 0 {
		q.WriteString(fmt.Sprintf(" LIMIT %d", f.Limit))
		if f.Offset > 0 {
			q.WriteString(fmt.Sprintf(" OFFSET %d", f.Offset))
		}
	}
	rows, err := s.db.QueryContext(ctx, s.q(q.String()), args...)
	if err != nil {
		return Table{}, err
	}
	defer rows.Close()
	t := Table{Columns: cols}
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return Table{}, err
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
		}
		t.Rows = append(t.Rows, row)
	}
	return t, rows.Err()
}

// EventRow is an event with the document and the attribution that
// report it, as corroboration needs them.
type EventRow struct {
	Doc, Outlet, Published string
	Simhash                uint64
	Type, Actor, Target    string
	Trigger, Status        string
	SourceKind, Stance     string // of the reporting attribution; "" when the outlet narrates
	Source                 string
}

// EventRows returns every stored event with its document and reporting
// attribution.
func (s *Store) EventRows(ctx context.Context) ([]EventRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.doc_id, d.outlet, COALESCE(d.published, ''), d.simhash, e.type, e.actor, e.target, e.trigger, e.status,
		COALESCE(a.kind, ''), COALESCE(a.stance, ''), COALESCE(a.source, '')
		FROM events e JOIN documents d ON d.id = e.doc_id
		LEFT JOIN attributions a ON a.doc_id = e.doc_id AND a.aid = e.attribution
		ORDER BY d.published, e.doc_id, e.sentence`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []EventRow
	for rows.Next() {
		var r EventRow
		var h int64
		if err := rows.Scan(&r.Doc, &r.Outlet, &r.Published, &h, &r.Type, &r.Actor, &r.Target, &r.Trigger, &r.Status, &r.SourceKind, &r.Stance, &r.Source); err != nil {
			return nil, err
		}
		r.Simhash = uint64(h)
		out = append(out, r)
	}
	return out, rows.Err()
}

// StatementRow is an attribution with its document, for finding the same
// statement across articles.
type StatementRow struct {
	Doc, Outlet, Published string
	DocSimhash             uint64
	Source, Kind, Stance   string
	Content                string
}

// StatementRows returns every stored attribution that has content.
func (s *Store) StatementRows(ctx context.Context) ([]StatementRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.doc_id, d.outlet, COALESCE(d.published, ''), d.simhash, a.source, a.kind, a.stance, a.content
		FROM attributions a JOIN documents d ON d.id = a.doc_id WHERE a.content <> '' ORDER BY d.published, a.doc_id, a.sentence`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StatementRow
	for rows.Next() {
		var r StatementRow
		var h int64
		if err := rows.Scan(&r.Doc, &r.Outlet, &r.Published, &h, &r.Source, &r.Kind, &r.Stance, &r.Content); err != nil {
			return nil, err
		}
		r.DocSimhash = uint64(h)
		out = append(out, r)
	}
	return out, rows.Err()
}
