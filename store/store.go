// Package store keeps analysed documents in an embedded SQLite database
// (one file, WAL, FTS5 over texts and attribution contents), or in a
// PostgreSQL database that a team shares (full-text search by GIN
// indexes), and answers queries over their layers. Documents are keyed by their content ID, so
// storing the same article twice stores it once, and an interrupted
// ingest that runs again picks up where it stopped.
package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the PostgreSQL driver
	_ "modernc.org/sqlite"             // the SQLite driver, pure Go

	"herodot/document"
)

// Store is an open corpus database. It is safe for concurrent use.
type Store struct {
	db *sql.DB
	pg bool // PostgreSQL rather than SQLite
}

// layerTables are the tables of the layers, the same in SQLite and
// PostgreSQL: the first version of both schemas makes them. Like every
// migration it is never edited; a change to the layout is a new version.
const layerTables = `
	CREATE TABLE entities (
		doc_id TEXT NOT NULL REFERENCES documents(id), eid TEXT NOT NULL,
		name TEXT NOT NULL, type TEXT NOT NULL, actor TEXT NOT NULL DEFAULT '', mentions INTEGER NOT NULL,
		PRIMARY KEY (doc_id, eid)
	);
	CREATE TABLE attributions (
		doc_id TEXT NOT NULL REFERENCES documents(id), aid TEXT NOT NULL, sentence INTEGER NOT NULL,
		source TEXT NOT NULL, kind TEXT NOT NULL, count INTEGER, affiliation TEXT NOT NULL DEFAULT '',
		cue TEXT NOT NULL, lemma TEXT NOT NULL, via TEXT NOT NULL DEFAULT '', stance TEXT NOT NULL,
		quote TEXT NOT NULL, content TEXT NOT NULL,
		PRIMARY KEY (doc_id, aid)
	);
	CREATE TABLE events (
		doc_id TEXT NOT NULL REFERENCES documents(id), vid TEXT NOT NULL, sentence INTEGER NOT NULL,
		trigger TEXT NOT NULL, type TEXT NOT NULL, mode TEXT NOT NULL DEFAULT '', cameo TEXT NOT NULL DEFAULT '',
		quad TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL DEFAULT '', actor_text TEXT NOT NULL DEFAULT '',
		target TEXT NOT NULL DEFAULT '', target_text TEXT NOT NULL DEFAULT '', time TEXT NOT NULL DEFAULT '',
		location TEXT NOT NULL DEFAULT '', attribution TEXT NOT NULL DEFAULT '', status TEXT NOT NULL,
		PRIMARY KEY (doc_id, vid)
	);
	CREATE INDEX events_type ON events(type);
	CREATE INDEX events_actor ON events(actor);
	CREATE INDEX attributions_kind ON attributions(kind, stance);
`

// migrations build the SQLite schema, one version each; a database
// records the versions it has and gets the rest when it is opened.
var migrations = []string{
	`CREATE TABLE documents (
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL DEFAULT '',
		outlet TEXT NOT NULL DEFAULT '',
		url TEXT NOT NULL DEFAULT '',
		published TEXT,
		input TEXT NOT NULL DEFAULT '',
		simhash INTEGER NOT NULL DEFAULT 0,
		json TEXT NOT NULL,
		ingested_at TEXT NOT NULL
	);
` + layerTables + `	CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, body);
	CREATE VIRTUAL TABLE attributions_fts USING fts5(doc_id UNINDEXED, aid UNINDEXED, content);`,
	compoundColumns,
}

// compoundColumns (version 2) keep an event's compound actors and targets,
// their codes between spaces (" PER CHL "), so that a query by actor finds
// an event whatever place the actor has in the list.
const compoundColumns = `ALTER TABLE events ADD COLUMN actors TEXT NOT NULL DEFAULT '';
	ALTER TABLE events ADD COLUMN targets TEXT NOT NULL DEFAULT '';`

// pgMigrations build the PostgreSQL schema, version for version.
var pgMigrations = []string{
	`CREATE TABLE documents (
		seq BIGSERIAL,
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL DEFAULT '',
		outlet TEXT NOT NULL DEFAULT '',
		url TEXT NOT NULL DEFAULT '',
		published TEXT,
		input TEXT NOT NULL DEFAULT '',
		simhash BIGINT NOT NULL DEFAULT 0,
		body TEXT NOT NULL,
		json TEXT NOT NULL,
		ingested_at TEXT NOT NULL
	);
` + layerTables + `	CREATE INDEX documents_text ON documents USING GIN (to_tsvector('simple', body));
	CREATE INDEX attributions_text ON attributions USING GIN (to_tsvector('simple', content));`,
	compoundColumns,
}

// IsPostgres reports whether a database name is a PostgreSQL URL.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens a corpus database and brings its schema up to date: the
// SQLite file at path (created when needed), or the PostgreSQL database a
// postgres:// URL names.
func Open(ctx context.Context, path string) (*Store, error) {
	var db *sql.DB
	var err error
	s := &Store{pg: IsPostgres(path)}
	if s.pg {
		db, err = sql.Open("pgx", path)
	} else {
		dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)"
		db, err = sql.Open("sqlite", dsn)
	}
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	s.db = db
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", redact(path), err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", redact(path), err)
	}
	return s, nil
}

// Redact hides the password of a database URL, for messages.
func Redact(dsn string) string { return redact(dsn) }

func redact(dsn string) string {
	if !IsPostgres(dsn) {
		return dsn
	}
	if u, err := url.Parse(dsn); err == nil {
		return u.Redacted()
	}
	return "postgres://…"
}

// q writes a query's ? placeholders as PostgreSQL's $1, $2 … when needed.
func (s *Store) q(query string) string {
	if !s.pg {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return err
	}
	var have int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&have); err != nil {
		return err
	}
	ms := migrations
	if s.pg {
		ms = pgMigrations
	}
	if have > len(ms) {
		return fmt.Errorf("database schema version %d is newer than this herodot (%d)", have, len(ms))
	}
	for v := have; v < len(ms); v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, ms[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_version (version) VALUES (?)`), v+1); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Has reports whether a document with this ID is stored.
func (s *Store) Has(ctx context.Context, id string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM documents WHERE id = ?`), id).Scan(&n)
	return n > 0, err
}

// Count returns the number of stored documents.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&n)
	return n, err
}

// Encoded is a document made ready to store: its JSON and fingerprint,
// computed where there are cores to spare (Encode), so that the one
// writer of a store only writes.
type Encoded struct {
	Doc     *document.Document
	JSON    []byte
	Simhash uint64
}

// Encode prepares a document for Put.
func Encode(d *document.Document) (Encoded, error) {
	js, err := json.Marshal(d)
	return Encoded{Doc: d, JSON: js, Simhash: Simhash(d.Text)}, err
}

// Put stores documents in one transaction. A document whose ID is
// stored already is left as it is and counted as a duplicate.
func (s *Store) Put(ctx context.Context, docs []*document.Document) (added, dups int, err error) {
	enc := make([]Encoded, len(docs))
	for i, d := range docs {
		if enc[i], err = Encode(d); err != nil {
			return 0, 0, err
		}
	}
	return s.PutEncoded(ctx, enc)
}

// PutEncoded is Put for documents already encoded.
func (s *Store) PutEncoded(ctx context.Context, docs []Encoded) (added, dups int, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	st, err := s.prepare(ctx, tx)
	if err != nil {
		return 0, 0, err
	}
	defer st.close()
	now := time.Now().UTC().Format(time.RFC3339)
	for _, e := range docs {
		d := e.Doc
		args := []any{d.ID, d.Title, d.Outlet, d.URL, d.Published, d.Input, int64(e.Simhash), string(e.JSON), now}
		if s.pg {
			args = append(args, d.Text)
		}
		res, err := st.doc.ExecContext(ctx, args...)
		if err != nil {
			return 0, 0, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			dups++
			continue
		}
		if err := st.layers(ctx, d); err != nil {
			return 0, 0, fmt.Errorf("%s: %w", d.ID, err)
		}
		added++
	}
	return added, dups, tx.Commit()
}

// statements are the inserts of one transaction, prepared once.
type statements struct {
	doc, docFTS, entity, attribution, attributionFTS, event *sql.Stmt
}

func (s *Store) prepare(ctx context.Context, tx *sql.Tx) (*statements, error) {
	st := &statements{}
	doc := `INSERT INTO documents (id, title, outlet, url, published, input, simhash, json, ingested_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`
	if s.pg {
		doc = `INSERT INTO documents (id, title, outlet, url, published, input, simhash, json, ingested_at, body)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`
	}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&st.doc, doc},
		{&st.docFTS, `INSERT INTO documents_fts (id, body) VALUES (?, ?)`},
		{&st.entity, `INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)`},
		{&st.attribution, `INSERT INTO attributions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.attributionFTS, `INSERT INTO attributions_fts (doc_id, aid, content) VALUES (?, ?, ?)`},
		{&st.event, `INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
	} {
		if s.pg && strings.Contains(p.sql, "_fts") {
			continue // PostgreSQL searches the tables themselves, by their GIN indexes
		}
		stmt, err := tx.PrepareContext(ctx, s.q(p.sql))
		if err != nil {
			st.close()
			return nil, err
		}
		*p.dst = stmt
	}
	return st, nil
}

func (st *statements) close() {
	for _, s := range []*sql.Stmt{st.doc, st.docFTS, st.entity, st.attribution, st.attributionFTS, st.event} {
		if s != nil {
			s.Close()
		}
	}
}

func (st *statements) layers(ctx context.Context, d *document.Document) error {
	if st.docFTS != nil {
		if _, err := st.docFTS.ExecContext(ctx, d.ID, d.Text); err != nil {
			return err
		}
	}
	for _, e := range d.Entities {
		if _, err := st.entity.ExecContext(ctx, d.ID, e.ID, e.Name, e.Type, e.Actor, len(e.Mentions)); err != nil {
			return err
		}
	}
	for _, a := range d.Attributions {
		aff := ""
		if a.Source.Affiliation != nil {
			aff = *a.Source.Affiliation
		}
		if _, err := st.attribution.ExecContext(ctx, d.ID, a.ID, a.Sentence, a.Source.Text, a.Source.Kind, a.Source.Count, aff, a.Cue.Text, a.Cue.Lemma,
			strings.Join(a.Via, " > "), a.Stance, a.Quote, a.Content.Text); err != nil {
			return err
		}
		if st.attributionFTS != nil {
			if _, err := st.attributionFTS.ExecContext(ctx, d.ID, a.ID, a.Content.Text); err != nil {
				return err
			}
		}
	}
	for _, v := range d.Events {
		tm, loc, att := "", "", ""
		if v.Time != nil {
			tm = v.Time.Value
		}
		if v.Location != nil {
			loc = v.Location.Text
		}
		if v.Attribution != nil {
			att = *v.Attribution
		}
		if _, err := st.event.ExecContext(ctx, d.ID, v.ID, v.Sentence, v.Trigger.Text, v.Type, v.Mode, v.Cameo, v.Quad,
			argument(v.Actor), argumentText(v.Actor), argument(v.Target), argumentText(v.Target), tm, loc, att, v.Status,
			codeList(v.Actors), codeList(v.Targets)); err != nil {
			return err
		}
	}
	return nil
}

// codeList writes the codes of compound actors or targets between spaces,
// or "" when there are none.
func codeList(as []document.Argument) string {
	if len(as) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteByte(' ')
	for _, a := range as {
		b.WriteString(a.Code)
		b.WriteByte(' ')
	}
	return b.String()
}

func argument(a *document.Argument) string {
	if a == nil {
		return ""
	}
	return a.Code
}

func argumentText(a *document.Argument) string {
	if a == nil {
		return ""
	}
	return a.Text
}

// Document returns a stored document, as it was analysed.
func (s *Store) Document(ctx context.Context, id string) (*document.Document, error) {
	var js string
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT json FROM documents WHERE id = ?`), id).Scan(&js); err != nil {
		return nil, err
	}
	d := &document.Document{}
	return d, json.Unmarshal([]byte(js), d)
}

// Each calls fn with every stored document, in the order they were
// stored, one at a time (memory stays flat however large the store).
func (s *Store) Each(ctx context.Context, fn func(*document.Document) error) error {
	order := "rowid"
	if s.pg {
		order = "seq"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT json FROM documents ORDER BY `+order)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var js string
		if err := rows.Scan(&js); err != nil {
			return err
		}
		d := &document.Document{}
		if err := json.Unmarshal([]byte(js), d); err != nil {
			return err
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return rows.Err()
}
