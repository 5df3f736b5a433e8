// Package document defines the Document that flows through herodot's
// pipeline: the analysed text and every layer that the stages add to it
// (sentences, tokens, quotations, entities, attributions, events, times and
// quantities).
//
// The JSON encoding of a Document is the output contract of the project
// (spec/output.md): field names are fixed, offsets are byte offsets into
// Text, spans are half-open, and an empty layer is encoded as [] rather
// than null.
package document

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reference sources: where a Document's ReferenceDate came from.
const (
	RefPublished = "published" // the input's own metadata
	RefDateline  = "dateline"  // a dateline at the head of the body
	RefFlag      = "flag"      // given by the user (--published)
	RefInferred  = "inferred"  // inferred from the text
	RefNone      = "none"      // no reference date
)

// Span is a half-open byte range [Start, End) into a Document's Text.
// It is encoded in JSON as a two-element array.
type Span struct {
	Start, End int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies wholly inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// MarshalJSON encodes the span as [start, end].
func (s Span) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d,%d]", s.Start, s.End)), nil
}

// UnmarshalJSON decodes a [start, end] array.
func (s *Span) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("span: %w", err)
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// Removed is a piece of the input that is not part of the analysed text,
// with the reason it was taken out.
type Removed struct {
	Text string `json:"text"`
	Why  string `json:"why"`
}

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, possibly with inner hyphens, apostrophes or periods
	Number                  // digits, possibly with inner separators (3.5, 1,000, 10:30)
	Punct                   // punctuation other than quotation marks
	Quote                   // a quotation mark or an apostrophe standing alone
	Symbol                  // anything else ($, %, emoji …)
)

var tokenKindNames = [...]string{Word: "word", Number: "number", Punct: "punct", Quote: "quote", Symbol: "symbol"}

func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return fmt.Sprintf("TokenKind(%d)", k)
}

// Token is one token of the text. Tokens are not part of the JSON output.
type Token struct {
	Span
	Kind TokenKind
	// SpaceBefore reports whether white space separates the token from the one before it.
	SpaceBefore bool
	// Para reports whether a line break lies between this token and the one before it.
	Para bool
}

// Sentence is a sentence of the text: its byte span and the range
// [First, Last) of its tokens in Document.Tokens.
type Sentence struct {
	Span
	First, Last int
}

// Quotation is a stretch of text between paired quotation marks. Span
// covers the marks; Inner covers what they enclose. A quotation that runs
// over several paragraphs (an opening mark on each, a closing mark only at
// the end) is one Quotation. Closed is false when no closing mark was found
// and the quotation was ended at a paragraph break or the end of the text.
type Quotation struct {
	Span   Span   `json:"span"`
	Inner  Span   `json:"inner"`
	Mark   string `json:"mark"`
	Closed bool   `json:"closed"`
}

// Mention is one occurrence of an entity in the text.
type Mention struct {
	Span Span   `json:"span"`
	Text string `json:"text"`
}

// Entity is something that acts, is acted on, or speaks: one per
// real-world referent in the document.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Actor    string    `json:"actor,omitempty"`
	Country  string    `json:"country,omitempty"`
	Titles   []string  `json:"titles"`
	Mentions []Mention `json:"mentions"`
}

// Source is who an attribution's content comes from.
type Source struct {
	Text        string  `json:"text"`
	Span        *Span   `json:"span,omitempty"`
	Entity      *string `json:"entity"`
	Kind        string  `json:"kind"`
	Count       *int    `json:"count"`
	Affiliation *string `json:"affiliation"`
}

// Cue is the word or phrase that marks an attribution ("said", "according to").
type Cue struct {
	Text  string `json:"text"`
	Lemma string `json:"lemma"`
	Span  Span   `json:"span"`
}

// Content is the reported material of an attribution.
type Content struct {
	Span Span   `json:"span"`
	Text string `json:"text"`
}

// Attribution is a statement the text attributes to a source.
type Attribution struct {
	ID       string   `json:"id"`
	Sentence int      `json:"sentence"`
	Source   Source   `json:"source"`
	Cue      Cue      `json:"cue"`
	Via      []string `json:"via"`
	Stance   string   `json:"stance"`
	Quote    string   `json:"quote"`
	Content  Content  `json:"content"`
}

// Trigger is the word or phrase that expresses an event.
type Trigger struct {
	Span Span   `json:"span"`
	Text string `json:"text"`
}

// Argument is an actor or target of an event. Inferred is set when the
// sentence does not name it and it was taken from the rest of the story.
type Argument struct {
	Entity   *string `json:"entity"`
	Text     string  `json:"text"`
	Code     string  `json:"code"`
	Inferred bool    `json:"inferred,omitempty"`
}

// Location is where an event happened.
type Location struct {
	Text    string `json:"text"`
	Country string `json:"country,omitempty"`
}

// TimeRef is the time an event is anchored to.
type TimeRef struct {
	Text  string `json:"text"`
	Value string `json:"value"`
}

// Event is who did what to whom, when, where, and according to whom.
type Event struct {
	ID          string     `json:"id"`
	Sentence    int        `json:"sentence"`
	Trigger     Trigger    `json:"trigger"`
	Type        string     `json:"type"`
	Mode        string     `json:"mode"`
	Cameo       string     `json:"cameo"`
	Quad        string     `json:"quad"`
	Actor       *Argument  `json:"actor"`
	Target      *Argument  `json:"target"`
	Actors      []Argument `json:"actors,omitempty"`
	Targets     []Argument `json:"targets,omitempty"`
	Location    *Location  `json:"location"`
	Time        *TimeRef   `json:"time"`
	Quantities  []Quantity `json:"quantities"`
	Attribution *string    `json:"attribution"`
	Status      string     `json:"status"`
}

// Time is a temporal expression with its TIMEX3 value.
type Time struct {
	Span  Span   `json:"span"`
	Text  string `json:"text"`
	Value string `json:"value"`
	Mod   string `json:"mod,omitempty"`
}

// Quantity is a counted fact: casualties, money, people, sources.
type Quantity struct {
	Span  Span    `json:"span"`
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
	What  string  `json:"what,omitempty"`
	Of    string  `json:"of,omitempty"`
	Mod   string  `json:"mod,omitempty"` // MORE_THAN, LESS_THAN, APPROX
}

// Document is one analysed article: its metadata, its text and every
// layer the pipeline has added.
type Document struct {
	ID              string  `json:"id"`
	Title           string  `json:"title"`
	Outlet          string  `json:"outlet"`
	URL             string  `json:"url"`
	Published       *string `json:"published"`
	ReferenceDate   *string `json:"reference_date"`
	ReferenceSource string  `json:"reference_source"`
	Text            string  `json:"text"`

	Removed      []Removed     `json:"removed"`
	Sentences    []Sentence    `json:"-"`
	Tokens       []Token       `json:"-"`
	Quotations   []Quotation   `json:"quotations"`
	Entities     []Entity      `json:"entities"`
	Attributions []Attribution `json:"attributions"`
	Events       []Event       `json:"events"`
	Times        []Time        `json:"times"`
	Quantities   []Quantity    `json:"quantities"`

	// Input names where the document came from (a path, "-", or
	// "path:line" for a JSON Lines record). It is not part of the output.
	Input string `json:"-"`
	// Warnings collects problems that did not stop the analysis (invalid
	// UTF-8 repaired, a date that could not be read). Not part of the output.
	Warnings []string `json:"-"`

	words tokenText // see Words and Lower
}

// tokenText holds each token's text as written and in lower case, worked
// out once for the stages that all need them, with the tokens they were
// worked out from.
type tokenText struct {
	of           *Token
	n            int
	words, lower []string
}

func (d *Document) tokenText() *tokenText {
	c := &d.words
	var of *Token
	if len(d.Tokens) > 0 {
		of = &d.Tokens[0]
	}
	if c.words != nil && c.of == of && c.n == len(d.Tokens) {
		return c
	}
	*c = tokenText{of: of, n: len(d.Tokens), words: make([]string, len(d.Tokens)), lower: make([]string, len(d.Tokens))}
	// lower-case the whole text at once when it is ASCII, where each
	// token's lower case is then the same slice of the lower-cased text
	text := d.Text
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	lowText := ""
	if ascii {
		lowText = strings.ToLower(text)
	}
	for i, t := range d.Tokens {
		c.words[i] = text[t.Start:t.End]
		if ascii {
			c.lower[i] = lowText[t.Start:t.End]
		} else {
			c.lower[i] = strings.ToLower(c.words[i])
		}
	}
	return c
}

// Capitalised reports whether a word begins with a capital letter.
func Capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// Words returns each token's text as written. Like Lower, it is worked
// out once.
func (d *Document) Words() []string { return d.tokenText().words }

// Lower returns each token's text in lower case, worked out once for the
// stages that all need it. The stages of one document run one after
// another, so it needs no lock; it is worked out again when the tokens
// are replaced.
func (d *Document) Lower() []string { return d.tokenText().lower }

// New returns a Document for text with no metadata; its ID is derived
// from the text and it has no reference date.
func New(text string) *Document {
	d := &Document{Text: text, ReferenceSource: RefNone}
	d.ID = ContentID(text)
	return d
}

// ContentID returns the identifier of a body of text: the first 16 hex
// digits of the SHA-256 of the text with its white space folded.
func ContentID(text string) string {
	buf := make([]byte, 0, len(text))
	for f := range strings.FieldsSeq(text) {
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, f...)
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:8])
}

// Slice returns the text a span covers. A span outside the text yields "".
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// SentenceAt returns the index of the sentence that contains byte offset
// off, or -1 when no sentence does.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m].Span; {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Warn records a problem that did not stop the analysis.
func (d *Document) Warn(format string, args ...any) {
	d.Warnings = append(d.Warnings, fmt.Sprintf(format, args...))
}

// MarshalJSON encodes the document as spec/output.md describes: sentences
// as [start, end] pairs and every layer as an array, never null.
func (d *Document) MarshalJSON() ([]byte, error) {
	type plain Document // no methods: avoids recursion
	sents := make([]Span, len(d.Sentences))
	for i, s := range d.Sentences {
		sents[i] = s.Span
	}
	out := struct {
		*plain
		Removed      []Removed     `json:"removed"`
		Sentences    []Span        `json:"sentences"`
		Quotations   []Quotation   `json:"quotations"`
		Entities     []Entity      `json:"entities"`
		Attributions []Attribution `json:"attributions"`
		Events       []Event       `json:"events"`
		Times        []Time        `json:"times"`
		Quantities   []Quantity    `json:"quantities"`
	}{
		plain:        (*plain)(d),
		Removed:      nonNil(d.Removed),
		Sentences:    sents,
		Quotations:   nonNil(d.Quotations),
		Entities:     append([]Entity{}, d.Entities...),
		Attributions: append([]Attribution{}, d.Attributions...),
		Events:       append([]Event{}, d.Events...),
		Times:        nonNil(d.Times),
		Quantities:   nonNil(d.Quantities),
	}
	// the layers were copied above, so filling in empty lists leaves d untouched
	for i := range out.Entities {
		out.Entities[i].Titles = nonNil(out.Entities[i].Titles)
		out.Entities[i].Mentions = nonNil(out.Entities[i].Mentions)
	}
	for i := range out.Attributions {
		out.Attributions[i].Via = nonNil(out.Attributions[i].Via)
	}
	for i := range out.Events {
		out.Events[i].Quantities = nonNil(out.Events[i].Quantities)
	}
	return json.Marshal(out)
}

// UnmarshalJSON decodes the JSON of spec/output.md. Sentence token ranges
// and tokens are not part of that JSON and are left empty.
func (d *Document) UnmarshalJSON(b []byte) error {
	type plain Document
	in := struct {
		*plain
		Sentences []Span `json:"sentences"`
	}{plain: (*plain)(d)}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	d.Sentences = make([]Sentence, len(in.Sentences))
	for i, s := range in.Sentences {
		d.Sentences[i] = Sentence{Span: s}
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
