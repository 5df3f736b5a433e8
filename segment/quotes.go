package segment

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"herodot/document"
)

// quoteFamily groups quotation marks that pair with each other.
type quoteFamily uint8

const (
	familyNone   quoteFamily = iota
	familyDouble             // " “ ” „ ‟
	familySingle             // ' ‘ ’ ‚ ‛
	familyAngle              // « » ‹ ›
)

// Token roles that the quotation layer gives quotation marks.
const (
	roleNone   uint8 = iota // an apostrophe or a stray mark
	roleOpen                // opens a quotation
	roleClose               // closes a quotation
	roleResume              // opens a paragraph that continues an open quotation
)

type openQuote struct {
	tok    int // index of the opening mark
	family quoteFamily
	low    bool // „ or ‚, which close with “ or ‘ as well as ” or ’
}

// elisions are words that an apostrophe may stand before without opening
// a quotation: 'em, 'til, 'cause, 'n'.
var elisions = map[string]bool{"em": true, "til": true, "tis": true, "twas": true, "cause": true, "n": true, "round": true, "bout": true}

// Quotations pairs the quotation marks among toks and returns the
// quotations, in order of their opening marks, with the role of every
// token (roleOpen, roleClose, roleResume or roleNone).
//
// A straight mark opens or closes by what flanks it; an apostrophe
// (’s, ’90s, don’t, Reuters’) is taken for a closing single quotation mark
// only while a single quotation is open and it is followed by a space or
// punctuation. A quotation still open at a paragraph break goes on when the
// next paragraph starts with an opening mark of the same family (the
// convention for quotes of several paragraphs); otherwise it ends, unclosed,
// at the break.
func Quotations(text string, toks []document.Token) ([]document.Quotation, []uint8) {
	roles := make([]uint8, len(toks))
	var out []document.Quotation
	var stack []openQuote
	lastEnd := 0 // end of the last token before the current one

	emit := func(o openQuote, end int, closeTok int) {
		q := document.Quotation{
			Span:  document.Span{Start: toks[o.tok].Start, End: end},
			Inner: document.Span{Start: toks[o.tok].End, End: end},
			Mark:  text[toks[o.tok].Start:toks[o.tok].End],
		}
		if closeTok >= 0 {
			q.Inner.End = toks[closeTok].Start
			q.Closed = true
		}
		out = append(out, q)
	}

	for i, t := range toks {
		if t.Para && len(stack) > 0 {
			// A new paragraph: the open quotation goes on only if this
			// paragraph opens with a mark of its family.
			r, _ := utf8.DecodeRuneInString(text[t.Start:])
			if t.Kind == document.Quote && familyOf(r) == stack[0].family && canOpen(text, toks, i) {
				// close the inner quotations, keep the outermost one
				for len(stack) > 1 {
					emit(stack[len(stack)-1], lastEnd, -1)
					stack = stack[:len(stack)-1]
				}
				roles[i] = roleResume
				lastEnd = t.End
				continue
			}
			for len(stack) > 0 {
				emit(stack[len(stack)-1], lastEnd, -1)
				stack = stack[:len(stack)-1]
			}
		}
		lastEnd = t.End
		if t.Kind != document.Quote {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[t.Start:])
		if t.End-t.Start == 2 && (text[t.Start] == '\'' || text[t.Start] == '`') {
			r = '"' // '' and `` are typed for a double mark
		}
		fam := familyOf(r)
		open, closing := canOpen(text, toks, i), canClose(text, toks, i)
		top := -1 // the innermost open quotation of this family
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].family == fam {
				top = k
				break
			}
		}
		switch {
		case r == '\u201c' && top >= 0 && stack[top].low && closing: // „…“
			roles[i] = roleClose
		case r == '\u2018' && top >= 0 && stack[top].low && closing: // ‚…‘
			roles[i] = roleClose
		case r == '\u201c' || r == '\u201e' || r == '\u201f' || r == '\u00ab' || r == '\u2039' || r == '\u201a' || r == '\u201b':
			if open || !closing {
				roles[i] = roleOpen
			} else if top >= 0 {
				roles[i] = roleClose // a misused opening mark at the end of a quotation
			}
		case r == '\u2018':
			if open && !closing {
				roles[i] = roleOpen
			} else if top >= 0 && closing {
				roles[i] = roleClose
			}
		case r == '\u201d' || r == '\u00bb' || r == '\u203a':
			if top >= 0 && (closing || !open) {
				roles[i] = roleClose
			} else if open && !closing && r == '\u201d' {
				roles[i] = roleOpen // a misused closing mark at the start of a quotation
			}
		case r == '"':
			// straight double marks are never nested: one closes what is
			// open, unless it can only open, which means the last one was
			// never closed ("… directives. "Everything …")
			switch {
			case top >= 0 && open && !closing:
				for len(stack) > top {
					emit(stack[len(stack)-1], toks[i-1].End, -1)
					stack = stack[:len(stack)-1]
				}
				roles[i] = roleOpen
			case top >= 0:
				roles[i] = roleClose
			case open || !closing:
				roles[i] = roleOpen
			}
		case r == '\'' || r == '\u2019':
			switch {
			case top >= 0 && closing:
				roles[i] = roleClose
			case open && !closing && !elided(text, toks, i):
				roles[i] = roleOpen
			}
		}
		switch roles[i] {
		case roleOpen:
			stack = append(stack, openQuote{tok: i, family: fam, low: r == '\u201e' || r == '\u201a'})
		case roleClose:
			for len(stack) > top+1 { // quotations opened inside and never closed
				emit(stack[len(stack)-1], t.Start, -1)
				stack = stack[:len(stack)-1]
			}
			emit(stack[top], t.End, i)
			stack = stack[:top]
		}
	}
	for len(stack) > 0 {
		emit(stack[len(stack)-1], lastEnd, -1)
		stack = stack[:len(stack)-1]
	}
	sortQuotations(out)
	return out, roles
}

func familyOf(r rune) quoteFamily {
	switch r {
	case '"', '\u201c', '\u201d', '\u201e', '\u201f':
		return familyDouble
	case '\'', '\u2018', '\u2019', '\u201a', '\u201b':
		return familySingle
	case '\u00ab', '\u00bb', '\u2039', '\u203a':
		return familyAngle
	}
	return familyNone
}

// canOpen reports whether the mark at i is left-flanking: text follows it
// directly, and a space, the start, or an opening bracket or dash precedes it.
func canOpen(text string, toks []document.Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].SpaceBefore {
		return false
	}
	if i == 0 || toks[i].SpaceBefore {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(text[:toks[i].Start])
	return p == '(' || p == '[' || p == '{' || p == '\u2014' || p == '\u2013' || p == '-' || p == '/' || isQuoteRune(p) || p == ':'
}

// canClose reports whether the mark at i is right-flanking: text precedes
// it directly, and a space, the end or punctuation follows it.
func canClose(text string, toks []document.Token, i int) bool {
	if i == 0 || toks[i].SpaceBefore {
		return false
	}
	if i+1 >= len(toks) || toks[i+1].SpaceBefore {
		return true
	}
	n, _ := utf8.DecodeRuneInString(text[toks[i].End:])
	return !isWordRune(n) && n != '$'
}

// elided reports whether the apostrophe at i stands for left-out letters
// or digits (’90s, 'em) rather than opening a quotation.
func elided(text string, toks []document.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	nx := toks[i+1]
	if nx.Kind == document.Number {
		return true
	}
	w := text[nx.Start:nx.End]
	if elisions[strings.ToLower(w)] {
		// 'n' and 'em are elisions only when lower case
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLower(r)
	}
	return false
}

// sortQuotations orders quotations by where they start; nested ones are
// emitted inner first.
func sortQuotations(q []document.Quotation) {
	slices.SortStableFunc(q, func(a, b document.Quotation) int { return a.Span.Start - b.Span.Start })
}
