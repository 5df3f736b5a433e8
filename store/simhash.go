package store

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// Simhash returns a 64-bit fingerprint of a text's word triples: texts
// that share most of their wording (copies of one wire story, lightly
// edited) have fingerprints a few bits apart.
func Simhash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) < 3 {
		words = append(words, "", "")
	}
	var v [64]int
	h := fnv.New64a()
	for i := 0; i+2 < len(words); i++ {
		h.Reset()
		h.Write([]byte(words[i]))
		h.Write([]byte{' '})
		h.Write([]byte(words[i+1]))
		h.Write([]byte{' '})
		h.Write([]byte(words[i+2]))
		x := h.Sum64()
		for b := 0; b < 64; b++ {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

// NearDuplicate reports whether two fingerprints are of near-identical
// texts.
func NearDuplicate(a, b uint64) bool { return bits.OnesCount64(a^b) <= 6 }
