package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// quoteFold maps typographic quotes and dashes to plain ones, as the
// reference scorer does before comparing words.
var quoteFold = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u2013", "-", "\u2014", "-")

// normText folds s for comparison: NFKC, plain quotes and dashes, lower
// case, and only its words (runs of letters, digits and _, joined by
// inner - . or '), separated by single spaces.
func normText(s string) string {
	return strings.Join(words(s), " ")
}

// words returns the words of s as normText defines them.
func words(s string) []string {
	s = strings.ToLower(quoteFold.Replace(norm.NFKC.String(s)))
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWord(r) {
			i += n
			continue
		}
		start := i
		i = scanRun(s, i)
		// (?:[-.']\w+)*: a joiner followed by at least one word character
		for i < len(s) && (s[i] == '-' || s[i] == '.' || s[i] == '\'') {
			r2, _ := utf8.DecodeRuneInString(s[i+1:])
			if i+1 >= len(s) || !isWord(r2) {
				break
			}
			i = scanRun(s, i+1)
		}
		out = append(out, s[start:i])
	}
	return out
}

func scanRun(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWord(r) {
			break
		}
		i += n
	}
	return i
}

// isWord is Python's \w for str patterns: alphanumeric or underscore.
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
}

// overlap is the multiset word overlap of a and b: the share of a's words
// found in b, and the share of b's words found in a.
func overlap(a, b string) (float64, float64) {
	ta, tb := words(a), words(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0, 0
	}
	pool := make(map[string]int, len(tb))
	for _, t := range tb {
		pool[t]++
	}
	hit := 0
	for _, t := range ta {
		if pool[t] > 0 {
			pool[t]--
			hit++
		}
	}
	return float64(hit) / float64(len(ta)), float64(hit) / float64(len(tb))
}

// prefix returns the first n code points of s (Python's s[:n]).
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// byteOffset converts a code-point index into a byte offset in s, with
// Python's slice rules: a negative index counts from the end, and the
// result is clamped to the string.
func byteOffset(s string, idx int) int {
	n := utf8.RuneCountInString(s)
	if idx < 0 {
		idx += n
	}
	if idx <= 0 {
		return 0
	}
	if idx >= n {
		return len(s)
	}
	k := 0
	for i := range s {
		if k == idx {
			return i
		}
		k++
	}
	return len(s)
}

// runeIndex is Python's str.find: the code-point index of sub in s, or -1.
func runeIndex(s, sub string) int {
	b := strings.Index(s, sub)
	if b < 0 {
		return -1
	}
	return utf8.RuneCountInString(s[:b])
}
