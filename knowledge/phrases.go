package knowledge

import (
	"maps"
	"slices"
	"strings"
)

// Phrases maps phrases of one or more words to values, and finds the
// longest phrase that starts at a given word of a text. Words are compared
// exactly: a table of lower-case phrases is matched against lower-cased words.
// The zero value is an empty table, ready to use.
type Phrases[V any] struct {
	byFirst map[string][]phrase[V] // longest first
	first   *wordFilter            // the first words, to turn most words away before the map
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
		p.first = new(wordFilter)
	}
	p.first.add(words[0])
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
	if i >= len(words) || p.first == nil || !p.first.has(words[i]) {
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
	if p.first != nil {
		f := *p.first
		c.first = &f
	}
	for k, v := range p.byFirst {
		c.byFirst[k] = slices.Clone(v)
	}
	return c
}

// wordFilter is a set of words that may answer yes wrongly but never no
// wrongly: a bit for each word's length with its first and last bytes.
// Testing it costs far less than hashing the word for a map, and most
// words of a text begin no phrase of a table.
type wordFilter [1 << 10]uint64

func filterBit(w string) (int, uint64) {
	if w == "" {
		return 0, 1
	}
	h := uint(w[0])*0x9e37 ^ uint(w[len(w)-1])*0x85eb ^ uint(len(w))*0xc2b3
	if len(w) > 2 {
		h ^= uint(w[1]) * 0x27d4
	}
	h &= 1<<16 - 1
	return int(h >> 6), 1 << (h & 63)
}

func (f *wordFilter) add(w string) {
	i, b := filterBit(w)
	f[i] |= b
}

func (f *wordFilter) has(w string) bool {
	i, b := filterBit(w)
	return f[i]&b != 0
}

// Lexicon maps single words to values, like a map, but turns most words
// that are not in it away before hashing them: the stages look up every
// token of a text, and most tokens are in no table. The zero value is an
// empty lexicon, ready to use.
type Lexicon[V any] struct {
	m map[string]V
	f *wordFilter
}

// Set adds the word w with its value, or replaces its value.
func (l *Lexicon[V]) Set(w string, v V) {
	if l.m == nil {
		l.m, l.f = map[string]V{}, new(wordFilter)
	}
	l.m[w] = v
	l.f.add(w)
}

// Get returns the value of w and whether w is in the lexicon.
func (l *Lexicon[V]) Get(w string) (V, bool) {
	if l.f == nil || !l.f.has(w) {
		var zero V
		return zero, false
	}
	v, ok := l.m[w]
	return v, ok
}

// At returns the value of w, or the zero value when w is not in the lexicon.
func (l *Lexicon[V]) At(w string) V {
	v, _ := l.Get(w)
	return v
}

// Len returns the number of words.
func (l *Lexicon[V]) Len() int { return len(l.m) }

func (l *Lexicon[V]) clone() Lexicon[V] {
	c := Lexicon[V]{m: maps.Clone(l.m)}
	if l.f != nil {
		f := *l.f
		c.f = &f
	}
	return c
}
