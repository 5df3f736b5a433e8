package attribution

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"herodot/document"
)

// speakers finds the turns of a transcript and the voices of a list of
// quotations, which name their speaker with no verb of saying: a
// paragraph that opens with a name in capitals and a colon ("PENCE: Well,
// look, …"), and a paragraph that is a quotation closed by a dash and a
// name ("“…” ― Ana Ruiz"). What the speaker says runs to the paragraph's
// end, over several sentences if need be.
func (a *analysis) speakers() {
	var paras [][2]int
	for i := 0; i < len(a.toks); i++ {
		if i > 0 && !a.toks[i].Para {
			continue
		}
		end := i + 1
		for end < len(a.toks) && !a.toks[end].Para {
			end++
		}
		paras = append(paras, [2]int{i, end})
		i = end - 1
	}
	// how many paragraphs each label in capitals opens: a transcript's
	// speakers take several turns
	turns := map[string]int{}
	for _, p := range paras {
		if l := a.label(p[0], p[1]); l[0] < l[1] {
			turns[a.doc.Text[a.toks[l[0]].Start:a.toks[l[1]-1].End]]++
		}
	}
	if len(turns) == 0 && !slices.ContainsFunc(a.words, func(w string) bool { return w == "―" || w == "—" }) {
		return
	}
	// a label is a speaker's when it takes several turns, when the
	// document names the person, or in a reply to a turn of one that is
	labelOf := func(p [2]int) string {
		if l := a.label(p[0], p[1]); l[0] < l[1] {
			return a.doc.Text[a.toks[l[0]].Start:a.toks[l[1]-1].End]
		}
		return ""
	}
	speaker := func(k int) bool {
		l := labelOf(paras[k])
		return l != "" && (turns[l] >= 2 || a.personNamed(l) != nil)
	}
	var found bool
	for k, p := range paras {
		l := labelOf(p)
		ok := l != "" && (speaker(k) || k > 0 && speaker(k-1))
		if ok && a.transcriptTurn(p[0], p[1]) || a.signedQuote(p[0], p[1]) {
			found = true
		}
	}
	if !found {
		return
	}
	// keep the attributions in the order of their cues, the sources with them
	order := make([]int, len(a.out))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(x, y int) bool { return a.out[order[x]].Cue.Span.Start < a.out[order[y]].Cue.Span.Start })
	out, src := make([]document.Attribution, len(a.out)), make([][2]int, len(a.out))
	for k, o := range order {
		out[k], src[k] = a.out[o], a.srcTok[o]
	}
	a.out, a.srcTok = out, src
}

// label returns the tokens of a name in capitals, one to three words,
// that open tokens [i, end) (after an opening quotation mark perhaps)
// before a colon, or an empty range.
func (a *analysis) label(i, end int) [2]int {
	k := i
	if k < end && a.toks[k].Kind == document.Quote {
		k++
	}
	start := k
	for k < end && k < start+3 && a.toks[k].Kind == document.Word && isAllCapsWord(a.words[k]) {
		k++
	}
	if k == start || k+1 >= end || a.words[k] != ":" {
		return [2]int{}
	}
	return [2]int{start, k}
}

// transcriptTurn reads "NAME: words" at tokens [i, end). Its caller has
// told a speaker's label from words in capitals that tag a headline or a
// note ("BREAKING:", "CORRECTION:").
func (a *analysis) transcriptTurn(i, end int) bool {
	l := a.label(i, end)
	if l[0] == l[1] {
		return false
	}
	a.speaker(l, [2]int{l[1], l[1] + 1}, [2]int{l[1] + 1, end})
	return true
}

// signedQuote reads "“words” ― Name" at tokens [i, end): a quotation, a
// dash, and one to five capitalised words to the paragraph's end.
func (a *analysis) signedQuote(i, end int) bool {
	d := end - 1
	for d > i && a.toks[d].Kind == document.Word && d >= end-5 {
		if r := []rune(a.words[d]); !unicode.IsUpper(r[0]) {
			return false
		}
		d--
	}
	if d <= i || d == end-1 || !isDash(a.words[d]) || a.toks[d-1].Kind != document.Quote {
		return false
	}
	if a.toks[i].Kind != document.Quote {
		return false
	}
	a.speaker([2]int{d + 1, end}, [2]int{d, d + 1}, [2]int{i, d})
	return true
}

// speaker adds the attribution of a turn: source, cue and content token ranges.
func (a *analysis) speaker(src, cue, content [2]int) {
	// no quotation marks or punctuation at the content's edges
	for content[0] < content[1] && (a.isPunct(content[0]) || a.toks[content[0]].Kind == document.Quote) {
		content[0]++
	}
	for content[1] > content[0] && (a.isPunct(content[1]-1) && a.words[content[1]-1] != "." && a.words[content[1]-1] != "?" || a.toks[content[1]-1].Kind == document.Quote) {
		content[1]--
	}
	if content[0] >= content[1] {
		return
	}
	cueSp := document.Span{Start: a.toks[cue[0]].Start, End: a.toks[cue[1]-1].End}
	srcSp := document.Span{Start: a.toks[src[0]].Start, End: a.toks[src[1]-1].End}
	ctSp := document.Span{Start: a.toks[content[0]].Start, End: a.toks[content[1]-1].End}
	at := document.Attribution{Sentence: max(a.doc.SentenceAt(a.toks[cue[0]].Start), 0), Via: nil, Stance: "asserted", Quote: "direct"}
	at.Cue = document.Cue{Text: a.doc.Text[cueSp.Start:cueSp.End], Lemma: "say", Span: cueSp}
	at.Source.Text, at.Source.Span = a.doc.Text[srcSp.Start:srcSp.End], &srcSp
	kind := a.classify(src)
	at.Source.Count = a.count(src, kind)
	a.link(&at, kind)
	if at.Source.Entity == nil {
		a.linkSurname(&at)
	}
	at.Source.Kind = kind
	at.Content = document.Content{Span: ctSp, Text: a.doc.Text[ctSp.Start:ctSp.End]}
	a.out = append(a.out, at)
	a.srcTok = append(a.srcTok, src)
}

// linkSurname ties a speaker named in capitals ("WALLACE") to the person
// of the document whose name ends in that word.
func (a *analysis) linkSurname(at *document.Attribution) {
	if e := a.personNamed(at.Source.Text); e != nil {
		id := e.ID
		at.Source.Entity = &id
	}
}

// personNamed returns the person of the document whose name is label, or
// ends in it, in any case ("WALLACE", "JAKE TAPPER"), or nil.
func (a *analysis) personNamed(label string) *document.Entity {
	for i := range a.doc.Entities {
		e := &a.doc.Entities[i]
		if e.Type != "PERSON" {
			continue
		}
		if strings.EqualFold(e.Name, label) || len(e.Name) > len(label) && strings.EqualFold(e.Name[len(e.Name)-len(label):], label) && e.Name[len(e.Name)-len(label)-1] == ' ' {
			return e
		}
	}
	return nil
}
