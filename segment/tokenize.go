package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"herodot/document"
	"herodot/knowledge"
)

// Tokenize splits text into tokens with byte spans. Words keep inner
// hyphens, apostrophes and periods (Diaz-Canel, O’Brien, U.S); a final
// period joins a word when the word is a known abbreviation, an initial or
// an acronym (Mr., F., U.S.); a possessive ’s is a token of its own.
// Every quotation mark is a token of its own.
func Tokenize(text string, kb *knowledge.Base) []document.Token {
	toks := make([]document.Token, 0, len(text)/5+1)
	space, para := false, false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' || r == '\u2029' || r == '\u2028' {
			space, para = true, true
			i += n
			continue
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\ufeff' {
			space = true
			i += n
			continue
		}
		start := i
		kind := document.Punct
		switch {
		case isWordRune(r):
			i, kind = scanWord(text, i, kb)
		case isApostrophe(r) && possessive(text, i, n):
			kind = document.Word // ’s after a word is a token of its own, not a quotation mark
			i += n + 1
		case (r == '\'' || r == '`') && i+1 < len(text) && text[i+1] == byte(r):
			kind = document.Quote // '' and `` stand for a double quotation mark
			i += 2
		case isQuoteRune(r):
			kind = document.Quote
			i += n
		case r == '.':
			for i < len(text) && text[i] == '.' {
				i++
			}
		case r == '?' || r == '!':
			for i < len(text) && (text[i] == '?' || text[i] == '!') {
				i++
			}
		case r == '-':
			for i < len(text) && text[i] == '-' {
				i++
			}
		case unicode.IsPunct(r):
			i += n
		default:
			kind = document.Symbol
			i += n
		}
		toks = append(toks, document.Token{Span: document.Span{Start: start, End: i}, Kind: kind, SpaceBefore: space, Para: para})
		space, para = false, false
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', '\u201e', '\u201a', '\u2039', '\u203a', '\u201f', '\u201b':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// possessive reports whether the apostrophe of n bytes at i is the ’s of a
// possessive: right after a word or an abbreviation (U.K.’s), followed by s
// and no more letters.
func possessive(text string, i, n int) bool {
	if i == 0 || i+n >= len(text) || (text[i+n] != 's' && text[i+n] != 'S') {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return (isWordRune(prev) || prev == '.') && (i+n+1 >= len(text) || !isWordRune(runeAt(text, i+n+1)))
}

// scanWord scans a word or number starting at i and returns its end and kind.
func scanWord(text string, i int, kb *knowledge.Base) (int, document.TokenKind) {
	start := i
	first, _ := utf8.DecodeRuneInString(text[i:])
	periods := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[min(i+n, len(text)):])
		if i+n >= len(text) || !isWordRune(next) {
			break
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		join := false
		switch {
		case r == '-' || r == '\u2011':
			join = true
		case isApostrophe(r):
			// a possessive ’s stands alone: Rodriguez’s → Rodriguez + ’s
			join = !possessive(text, i, n)
		case r == '.':
			join = true
			periods++
		case r == ',' || r == ':' || r == '/':
			// 1,000 and 10:30 and 9/11: digits on both sides
			join = unicode.IsDigit(prev) && unicode.IsDigit(next)
		}
		if !join {
			break
		}
		i += n
	}
	kind := document.Word
	if unicode.IsDigit(first) {
		kind = document.Number
	}
	// a final period belongs to an abbreviation, an initial or an acronym
	if i < len(text) && text[i] == '.' && kind == document.Word && !strings.HasPrefix(text[i:], "..") {
		w := text[start:i]
		if kb.Abbrev[w+"."] != knowledge.NotAbbrev || isInitial(w) || periods > 0 && isAcronym(w) {
			i++
		}
	}
	return i, kind
}

func runeAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// isInitial reports whether w is a single capital letter (the F of John F. Kennedy).
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// isAcronym reports whether w is letters separated by periods, one or two
// letters at a time (U.S, p.m, e.g, U.S.S.R).
func isAcronym(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if part == "" || utf8.RuneCountInString(part) > 2 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}
