package knowledge

import (
	"slices"
	"strings"
)

// Phrases maps phrases of one or more words to values, and finds the
// longest phrase that starts at a given word of a text. Words are compared
// exactly: a table of lower-case phrases is matched against lower-cased words.
// The zero value is an empty table, ready to use.
type Phrases[V any] struct {
	byFirst map[string][]phrase[V] // longest first
	n       int
}

type phrase[V any] struct {
	words []string
	val   V
}

// Add adds a phrase (words separated by white space) with its value; a
// phrase added again replaces the old value.
func (p *Phrases[V]) Add(text string, v V) {
	words := strings.Fields(text)
	if len(words) == 0 {
		return
	}
	if p.byFirst == nil {
		p.byFirst = map[string][]phrase[V]{}
	}
	list := p.byFirst[words[0]]
	for i := range list {
		if slices.Equal(list[i].words, words) {
			list[i].val = v
			return
		}
	}
	list = append(list, phrase[V]{words, v})
	slices.SortStableFunc(list, func(a, b phrase[V]) int { return len(b.words) - len(a.words) })
	p.byFirst[words[0]] = list
	p.n++
}

// Len returns the number of phrases.
func (p *Phrases[V]) Len() int { return p.n }

// Match returns the number of words and the value of the longest phrase
// that starts at words[i], or 0 when none does.
func (p *Phrases[V]) Match(words []string, i int) (int, V) {
	var zero V
	if i >= len(words) {
		return 0, zero
	}
	for _, ph := range p.byFirst[words[i]] {
		if i+len(ph.words) > len(words) {
			continue
		}
		if slices.Equal(words[i:i+len(ph.words)], ph.words) {
			return len(ph.words), ph.val
		}
	}
	return 0, zero
}

// Has reports whether the words of text, as a whole, are a phrase of the table.
func (p *Phrases[V]) Has(text string) bool {
	w := strings.Fields(text)
	n, _ := p.Match(w, 0)
	return n > 0 && n == len(w)
}

// clone returns a copy that can be extended without changing p.
func (p *Phrases[V]) clone() Phrases[V] {
	c := Phrases[V]{byFirst: make(map[string][]phrase[V], len(p.byFirst)), n: p.n}
	for k, v := range p.byFirst {
		c.byFirst[k] = slices.Clone(v)
	}
	return c
}
