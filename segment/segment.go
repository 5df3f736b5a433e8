// Package segment is the pipeline stage that splits a document's text
// into tokens, quotations and sentences.
//
// The splitter is written for news: abbreviations (U.S., Jan., Mr., Gen.,
// Inc.) and initials do not end sentences before the words they belong to,
// decimals and times stay whole, a sentence may end inside quotation marks
// ("… over.” Then), a doubled period ends one ("intact.. Neither"), and a
// line break always ends one unless the next line goes on in lower case.
// The abbreviations and the words that start sentences are data in the
// knowledge package.
package segment

import (
	"context"
	"unicode"
	"unicode/utf8"

	"herodot/document"
	"herodot/knowledge"
)

// Name is the stage's name in a pipeline.
const Name = "segment"

// Stage segments documents. The zero value uses the default knowledge base.
type Stage struct {
	KB *knowledge.Base
}

// Name returns "segment".
func (Stage) Name() string { return Name }

// Process sets doc's Tokens, Quotations and Sentences.
func (s Stage) Process(ctx context.Context, doc *document.Document) error {
	kb := knowledge.OrDefault(s.KB)
	doc.Tokens = Tokenize(doc.Text, kb)
	var roles []uint8
	doc.Quotations, roles = Quotations(doc.Text, doc.Tokens)
	doc.Sentences = Sentences(doc.Text, doc.Tokens, roles, kb)
	return nil
}

// MaxSentenceTokens bounds a sentence: a longer run of tokens with no
// sentence end (a list, a table flattened to text, garbage) is cut into
// pieces of this many tokens. Real sentences are far shorter (the longest
// in the test corpus has 70), and the later layers' work on one sentence
// grows faster than its length.
const MaxSentenceTokens = 250

// Sentences groups tokens into sentences. roles are the quotation-mark
// roles from Quotations (nil treats every mark by its shape alone).
func Sentences(text string, toks []document.Token, roles []uint8, kb *knowledge.Base) []document.Sentence {
	var out []document.Sentence
	first := 0
	cut := func(last int) { // the sentence is toks[first:last]
		if last > first {
			out = append(out, document.Sentence{
				Span:  document.Span{Start: toks[first].Start, End: toks[last-1].End},
				First: first, Last: last,
			})
		}
		first = last
	}
	for i := 0; i < len(toks); i++ {
		if i > first && toks[i].Para && !continuesLine(text, toks, i) || i-first >= MaxSentenceTokens {
			cut(i)
		}
		if !terminal(text, toks[i], kb) {
			continue
		}
		// take in the closing quotation marks and brackets that follow
		end := i + 1
		for end < len(toks) && closer(text, toks, roles, end) {
			end++
		}
		if end >= len(toks) {
			i = end - 1
			continue
		}
		if endsSentence(text, toks, i, end, kb) {
			cut(end)
			i = end - 1
		}
	}
	cut(len(toks))
	return out
}

// terminal reports whether t may end a sentence: . .. ... … ? ! or a word
// that took in a final period (an abbreviation, initial or acronym).
func terminal(text string, t document.Token, kb *knowledge.Base) bool {
	s := text[t.Start:t.End]
	switch t.Kind {
	case document.Punct:
		r, _ := utf8.DecodeRuneInString(s)
		return r == '.' || r == '?' || r == '!' || r == '\u2026' || r == '\u203d'
	case document.Word:
		return len(s) > 1 && s[len(s)-1] == '.'
	}
	return false
}

// closer reports whether the token at i closes something: a closing
// quotation mark (even after a space, as in "that. ”"), or a bracket
// right after the terminal.
func closer(text string, toks []document.Token, roles []uint8, i int) bool {
	t := toks[i]
	r, _ := utf8.DecodeRuneInString(text[t.Start:])
	if t.Para {
		return false
	}
	if t.Kind == document.Quote {
		if roles != nil {
			return roles[i] == roleClose
		}
		return !t.SpaceBefore && (r == '"' || r == '\u201d' || r == '\u2019' || r == '\'' || r == '\u00bb')
	}
	return !t.SpaceBefore && (r == ')' || r == ']' || r == '}')
}

// endsSentence decides whether the terminal token at i, with the closing
// marks up to end, ends a sentence, from what follows at end.
func endsSentence(text string, toks []document.Token, i, end int, kb *knowledge.Base) bool {
	next := toks[end]
	if next.Para {
		return true // the line break will cut anyway
	}
	nr, _ := utf8.DecodeRuneInString(text[next.Start:])
	if unicode.IsLower(nr) || next.Kind == document.Punct && nr != '(' && nr != '[' && nr != '-' && nr != '\u2014' && nr != '\u2013' {
		return false // "… he said." goes on in lower case or with , ; :
	}
	w := text[toks[i].Start:toks[i].End]
	if end > i+1 && quoteTag(text, toks, end, kb) {
		return false // "…?” Holmes testified." goes on
	}
	nextWord := text[next.Start:next.End]
	starter := unicode.IsUpper(nr) && kb.Starters[asciiLower(nextWord)]
	switch {
	case toks[i].Kind == document.Word:
		switch kb.Abbrev[w] {
		case knowledge.AbbrevTitle:
			return false
		case knowledge.AbbrevMonth:
			return starter
		}
		if isInitial(w[:len(w)-1]) {
			return starter
		}
		// U.S., Inc., a.m. and unknown acronyms: a new sentence only when
		// the next word is one that starts sentences, or a quotation opens
		return starter || next.Kind == document.Quote && end == i+1
	case w == "\u2026" || len(w) >= 3 && w[0] == '.' && w[1] == '.' && w[2] == '.':
		// an ellipsis mostly marks words left out of a quotation
		return starter
	}
	return true
}

// quoteTag reports whether the tokens from i are a short name (up to
// four capitalised words) and a verb of saying, as in "…?” Holmes
// testified." or "…,” Foreign Minister Ana Ruiz said.".
func quoteTag(text string, toks []document.Token, i int, kb *knowledge.Base) bool {
	for k := i; k < len(toks) && k < i+5; k++ {
		t := toks[k]
		if t.Para || t.Kind != document.Word {
			return false
		}
		w := text[t.Start:t.End]
		if k > i && kb.QuoteTags[asciiLower(w)] {
			return tagEnds(text, toks, k+1)
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return false
}

// tagEnds reports whether the words after a verb of saying at i close
// the tag ("Holmes testified.", "he told reporters, …") rather than go on
// to a clause of its own ("She added that …").
func tagEnds(text string, toks []document.Token, i int) bool {
	for k := i; k < len(toks) && k < i+4; k++ {
		w := text[toks[k].Start:toks[k].End]
		if toks[k].Para || w == "that" || w == ":" || toks[k].Kind == document.Quote {
			return false
		}
		if w == "." || w == "," || w == ";" || w == "!" || w == "?" {
			return true
		}
	}
	return i >= len(toks)
}

// continuesLine reports whether the line that starts at toks[i] continues
// the sentence of the line before (hard-wrapped text): it starts in lower
// case and the line before does not end a sentence.
func continuesLine(text string, toks []document.Token, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[toks[i].Start:])
	if !unicode.IsLower(r) {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(text[:toks[i-1].End])
	return p != '.' && p != '?' && p != '!' && p != ':'
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
