// Package timex is the pipeline stage that finds temporal expressions and
// gives them TIMEX3 values, resolved against the document's reference
// date the way news means them: a date without a year is the latest one
// not after the reference date, "on Wednesday" the latest Wednesday not
// after it, "mid-December" the latest December (mod MID). Without a
// reference date, values keep X where the text leaves a part open
// ("on Friday" → XXXX-WXX-5).
//
// It reads dates, months, years and decades ("the late 2000s" → 200, END),
// weekdays and parts of days ("Tuesday night" → …TNI), days, weeks, months
// and years relative to the reference date ("last month", "a week ago"),
// vague references ("recently" → PAST_REF, "currently" → PRESENT_REF), and
// durations ("over the last five days" → P5D, "an 18-year insurgency" →
// P18Y). A person's age ("the 93-year-old") is not a time.
package timex

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"herodot/document"
	"herodot/knowledge"
)

// Name is the stage's name in a pipeline.
const Name = "timex"

// Stage finds times. The zero value uses the default knowledge base.
type Stage struct {
	KB *knowledge.Base
}

// Name returns "timex".
func (Stage) Name() string { return Name }

// Process sets doc.Times. It needs the segment layer.
func (s Stage) Process(ctx context.Context, doc *document.Document) error {
	kb := knowledge.OrDefault(s.KB)
	r := &reader{doc: doc, kb: kb}
	if doc.ReferenceDate != nil {
		if t, err := time.Parse("2006-01-02", *doc.ReferenceDate); err == nil {
			r.ref, r.hasRef = t, true
		}
	}
	r.lower = doc.Lower()
	doc.Times = nil
	// a time expression has a time word, a number, a hyphenated word
	// ("mid-December") or one of the words the matchers test for by name
	// among its first four tokens: elsewhere no matcher is tried
	const reach = 4
	anchor := make([]bool, len(doc.Tokens)+reach)
	for i := len(doc.Tokens) - 1; i >= 0; i-- {
		t := doc.Tokens[i]
		if t.Kind == document.Number || r.word(i).Kind != "" || hasDigitOrHyphen(r.lower[i]) || isAnchorWord(r.lower[i]) {
			for k := max(0, i-reach+1); k <= i; k++ {
				anchor[k] = true
			}
		}
	}
	for si, s := range doc.Sentences {
		if si%64 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		for i := s.First; i < s.Last; {
			if !anchor[i] {
				i++
				continue
			}
			n, t := r.match(i, s.Last)
			if n == 0 {
				i++
				continue
			}
			sp := document.Span{Start: doc.Tokens[t.start].Start, End: doc.Tokens[i+n-1].End}
			t.Span, t.Text = sp, doc.Text[sp.Start:sp.End]
			doc.Times = append(doc.Times, t.Time)
			i += n
		}
	}
	return nil
}

func hasDigitOrHyphen(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '-' || c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// isAnchorWord tells the words besides the time words that the matchers
// look for by name and that can carry an expression alone ("in the past").
func isAnchorWord(w string) bool {
	switch w {
	case "ago", "coming", "future", "past", "recent", "previous", "following", "last", "next", "this", "now", "year":
		return true
	}
	return false
}

type reader struct {
	doc      *document.Document
	kb       *knowledge.Base
	lower    []string
	ref      time.Time
	hasRef   bool
	lastYear int // the last year written out, for "the previous year"
	matchers []func(int, int) (int, found)
}

// found is a time being read; start is its first token (it may start
// after the token the match began at, when that was only a preposition).
type found struct {
	document.Time
	start int
}

// word returns token i's entry in the time words, or the zero entry.
func (r *reader) word(i int) knowledge.TimeWord { return r.kb.TimeWords.At(r.lower[i]) }

func (r *reader) isCap(i int) bool { return document.Capitalised(r.doc.Words()[i]) }

// month returns the month of token i (1-12), or 0. May and March need a
// capital, and "may" a company it cannot have as a verb.
func (r *reader) month(i int) int {
	w := r.word(i)
	if w.Kind != "month" {
		return 0
	}
	if (r.lower[i] == "may" || r.lower[i] == "march") && !r.isCap(i) {
		return 0
	}
	m, _ := strconv.Atoi(w.Value)
	return m
}

// number reads a count at i: digits or a number word.
func (r *reader) number(i int) (int, bool) {
	w := r.lower[i]
	if n, ok := atoi(w); ok {
		return n, true
	}
	if n, ok := r.kb.Numbers.Get(w); ok {
		return n, true
	}
	return 0, false
}

func (r *reader) year(i int) (int, bool) {
	w := r.lower[i]
	if len(w) != 4 {
		return 0, false
	}
	y, ok := atoi(w)
	if !ok || y < 1000 || y > 2199 {
		return 0, false
	}
	return y, true
}

func (r *reader) day(i int) (int, bool) {
	w := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(r.lower[i], "th"), "st"), "nd"), "rd")
	d, ok := atoi(w)
	if !ok || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

// atoi reads a string of ASCII digits; anything else is not a number
// (and costs no allocation, as a failed strconv.Atoi would).
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// match reads a time expression that starts at token i, returning the
// number of tokens it takes.
func (r *reader) match(i, end int) (int, found) {
	if r.matchers == nil {
		r.matchers = []func(int, int) (int, found){r.vague, r.relative, r.duration, r.date, r.weekday, r.yearOrDecade}
	}
	for _, f := range r.matchers {
		if n, t := f(i, end); n > 0 {
			if t.start == 0 && i != 0 {
				t.start = i
			}
			return n, t
		}
	}
	return 0, found{}
}

func at(i int, value, mod string) found {
	return found{Time: document.Time{Value: value, Mod: mod}, start: i}
}

// vague: "now", "recently", "in recent weeks", "in the past", "in the coming days".
func (r *reader) vague(i, end int) (int, found) {
	if w := r.word(i); w.Kind == "vague" {
		if r.lower[i] == "now" && i+1 < end && r.lower[i+1] == "that" {
			return 0, found{}
		}
		return 1, at(i, w.Value, "")
	}
	if r.lower[i] == "in" && i+2 < end {
		switch {
		case r.lower[i+1] == "recent" && r.word(i+2).Kind == "unit":
			return 3, at(i, "PAST_REF", "")
		case r.lower[i+1] == "the" && i+3 < end && r.lower[i+2] == "coming" && r.word(i+3).Kind == "unit":
			return 4, at(i, "FUTURE_REF", "")
		case r.lower[i+1] == "the" && r.lower[i+2] == "past" && (i+3 >= end || r.word(i+3).Kind != "unit" && r.toks(i+3).Kind != document.Number):
			return 3, at(i, "PAST_REF", "")
		case r.lower[i+1] == "the" && r.lower[i+2] == "future":
			return 3, at(i, "FUTURE_REF", "")
		}
	}
	return 0, found{}
}

func (r *reader) toks(i int) document.Token { return r.doc.Tokens[i] }

// relative: "yesterday", "last month", "this year", "late last year",
// "a week ago", "the previous year", "last night".
func (r *reader) relative(i, end int) (int, found) {
	k := i
	edge := ""
	if w := r.word(k); w.Kind == "edge" && k+1 < end {
		edge = w.Value
		k++
	}
	w := r.lower[k]
	if tw := r.word(k); tw.Kind == "relative" {
		off, _ := strconv.Atoi(tw.Value)
		n := k + 1 - i
		part := ""
		if k+1 < end && r.word(k+1).Kind == "part" {
			part = r.word(k + 1).Value
			n++
		}
		if w == "tonight" {
			part = "TNI"
		}
		return n, at(i, r.dayValue(off)+partSuffix(part), edge)
	}
	if k+1 >= end {
		return 0, found{}
	}
	next := r.lower[k+1]
	switch w {
	case "last", "this", "next", "past", "coming":
		if w == "last" && next == "night" {
			return k + 2 - i, at(i, r.dayValue(-1)+"TNI", edge)
		}
		unit := r.word(k + 1)
		if unit.Kind != "unit" || strings.HasSuffix(next, "s") {
			break
		}
		shift := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[w]
		return k + 2 - i, at(i, r.shifted(unit.Value, shift), edge)
	case "the":
		// "the previous year", "the following year"
		if k+2 < end && r.word(k+2).Value == "Y" && r.lastYear > 0 {
			switch next {
			case "previous":
				return k + 3 - i, at(i, strconv.Itoa(r.lastYear-1), edge)
			case "following", "next":
				return k + 3 - i, at(i, strconv.Itoa(r.lastYear+1), edge)
			}
		}
		if k+1 < end && r.lower[k+1] == "year" && edge == "" {
			return 0, found{}
		}
	}
	// "a week ago", "two days ago", "three years earlier"
	if n, ok := r.number(k); ok && k+2 < end && r.word(k+1).Kind == "unit" && r.lower[k+2] == "ago" {
		return k + 3 - i, at(i, r.ago(n, r.word(k+1).Value), edge)
	}
	return 0, found{}
}

func partSuffix(p string) string {
	if p == "" {
		return ""
	}
	return "T" + strings.TrimPrefix(p, "T")
}

// dayValue is the reference date moved by off days, or XXXX-XX-XX.
func (r *reader) dayValue(off int) string {
	if !r.hasRef {
		return "XXXX-XX-XX"
	}
	return r.ref.AddDate(0, 0, off).Format("2006-01-02")
}

// shifted is the week, month or year of the reference date moved by shift.
func (r *reader) shifted(unit string, shift int) string {
	if !r.hasRef {
		return map[string]string{"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX"}[unit]
	}
	switch unit {
	case "Y":
		return strconv.Itoa(r.ref.Year() + shift)
	case "M":
		return r.ref.AddDate(0, shift, 0).Format("2006-01")
	case "W":
		y, w := r.ref.AddDate(0, 0, 7*shift).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case "D":
		return r.dayValue(shift)
	}
	return ""
}

func (r *reader) ago(n int, unit string) string {
	if !r.hasRef {
		return "PAST_REF"
	}
	switch unit {
	case "D":
		return r.ref.AddDate(0, 0, -n).Format("2006-01-02")
	case "W":
		return r.ref.AddDate(0, 0, -7*n).Format("2006-01-02")
	case "M":
		return r.ref.AddDate(0, -n, 0).Format("2006-01")
	case "Y":
		return strconv.Itoa(r.ref.Year() - n)
	}
	return "PAST_REF"
}
