package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"herodot/document"
)

// date reads "September 11, 2001", "11 September 2001", "January 3",
// "Jan. 3", "January 2004", "mid-December", "late March", "last November",
// "In January".
func (r *reader) date(i, end int) (int, found) {
	k := i
	edge := ""
	if w := r.lower[k]; strings.Contains(w, "-") {
		// "mid-December" is one token
		pre, rest, _ := strings.Cut(w, "-")
		if e := r.kb.TimeWords.At(pre); e.Kind == "edge" {
			if m := r.kb.TimeWords.At(rest); m.Kind == "month" {
				mon, _ := strconv.Atoi(m.Value)
				return 1, at(i, r.monthValue(mon, 0), e.Value)
			}
		}
	}
	if w := r.word(k); w.Kind == "edge" && k+1 < end {
		edge = w.Value
		k++
	}
	shift := 0
	switch r.lower[k] {
	case "last":
		shift = -1
	case "next":
		shift = 1
	case "this":
		shift = 2 // this November: the one of the reference year
	}
	if shift != 0 && k+1 < end && r.month(k+1) > 0 {
		k++
	} else {
		shift = 0
	}
	// day before month: "11 September 2001"
	if d, ok := r.day(k); ok && k+1 < end && r.month(k+1) > 0 {
		m := r.month(k + 1)
		if k+2 < end {
			if y, ok := r.year(k + 2); ok {
				r.lastYear = y
				return k + 3 - i, at(i, fmt.Sprintf("%04d-%02d-%02d", y, m, d), edge)
			}
		}
		return k + 2 - i, at(i, r.monthDay(m, d), edge)
	}
	m := r.month(k)
	if m == 0 {
		return 0, found{}
	}
	k++
	if k < end {
		if d, ok := r.day(k); ok && !(k+1 < end && r.word(k+1).Kind == "unit") {
			// "January 3", "September 11, 2001"
			j := k + 1
			if j+1 < end && r.lower[j] == "," {
				j++
			}
			if j < end {
				if y, ok := r.year(j); ok {
					r.lastYear = y
					return j + 1 - i, at(i, fmt.Sprintf("%04d-%02d-%02d", y, m, d), edge)
				}
			}
			return k + 1 - i, at(i, r.monthDay(m, d), edge)
		}
		if y, ok := r.year(k); ok {
			r.lastYear = y
			return k + 1 - i, at(i, fmt.Sprintf("%04d-%02d", y, m), edge)
		}
	}
	// a month alone must follow a word that makes it a date ("in January",
	// "last November", "mid-"), not a name ("Theresa May")
	if !r.isCap(k-1) || shift == 0 && edge == "" && !(k-2 >= 0 && monthOpeners[r.lower[k-2]]) {
		return 0, found{}
	}
	return k - i, at(i, r.monthValue(m, shift), edge)
}

// monthOpeners are the words after which a month alone is a date.
var monthOpeners = map[string]bool{"in": true, "since": true, "until": true, "by": true, "from": true, "of": true, "during": true,
	"before": true, "after": true, "through": true, "throughout": true, "early": true, "mid": true, "late": true, "to": true}

// monthDay is month m, day d of the latest year that puts it on or before
// the reference date.
func (r *reader) monthDay(m, d int) string {
	if !r.hasRef {
		return fmt.Sprintf("XXXX-%02d-%02d", m, d)
	}
	y := r.ref.Year()
	if time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).After(r.ref) {
		y--
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// monthValue is month m of the latest year not after the reference date;
// shift -1 is "last" (strictly before the reference month), 1 "next", 2
// "this" (the reference year).
func (r *reader) monthValue(m, shift int) string {
	if !r.hasRef {
		return fmt.Sprintf("XXXX-%02d", m)
	}
	y := r.ref.Year()
	rm := int(r.ref.Month())
	switch shift {
	case -1:
		if m >= rm {
			y--
		}
	case 1:
		if m <= rm {
			y++
		}
	case 2:
	default:
		if m > rm {
			y--
		}
	}
	return fmt.Sprintf("%04d-%02d", y, m)
}

// weekday reads "on Wednesday", "Tuesday night", "late on Wednesday",
// "last Tuesday".
func (r *reader) weekday(i, end int) (int, found) {
	k := i
	edge := ""
	if w := r.word(k); w.Kind == "edge" && k+1 < end {
		edge = w.Value
		k++
	}
	shift := 0
	switch r.lower[k] {
	case "on":
		k++
	case "last":
		shift = -1
		k++
	case "next":
		shift = 1
		k++
	}
	if k >= end {
		return 0, found{}
	}
	w := r.word(k)
	if w.Kind != "weekday" || !r.isCap(k) {
		return 0, found{}
	}
	wd, _ := strconv.Atoi(w.Value)
	n := k + 1 - i
	part := ""
	if k+1 < end && r.word(k+1).Kind == "part" {
		part = r.word(k + 1).Value
		n++
	}
	return n, at(i, r.weekdayValue(wd, shift)+partSuffix(part), edge)
}

// weekdayValue is the latest day wd (1 = Monday) not after the reference
// date; shift -1 is strictly before it, 1 strictly after.
func (r *reader) weekdayValue(wd, shift int) string {
	if !r.hasRef {
		return fmt.Sprintf("XXXX-WXX-%d", wd)
	}
	cur := int(r.ref.Weekday())
	if cur == 0 {
		cur = 7
	}
	back := (cur - wd + 7) % 7
	switch shift {
	case -1:
		if back == 0 {
			back = 7
		}
	case 1:
		ahead := (wd - cur + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return r.ref.AddDate(0, 0, ahead).Format("2006-01-02")
	}
	return r.ref.AddDate(0, 0, -back).Format("2006-01-02")
}

// yearOrDecade reads "in 1980", "2004", "the late 2000s", "the mid
// 1990's", "late 2004".
func (r *reader) yearOrDecade(i, end int) (int, found) {
	k := i
	if r.lower[k] == "the" && k+1 < end {
		k++
	}
	edge := ""
	if w := r.word(k); w.Kind == "edge" && k+1 < end {
		edge = w.Value
		k++
	}
	w := r.lower[k]
	// decades: 1990s, 2000s, 1990's
	if len(w) == 5 && strings.HasSuffix(w, "0s") {
		if y, ok := atoi(w[:4]); ok && y >= 1000 {
			return k + 1 - i, at(i, w[:3], edge)
		}
	}
	if y, ok := r.year(k); ok && r.toks(k).Kind == document.Number {
		if k+1 < end && (r.lower[k+1] == "'s" || r.lower[k+1] == "’s") && strings.HasSuffix(w, "0") {
			return k + 2 - i, at(i, w[:3], edge)
		}
		if k == i && i > 0 && (r.lower[i-1] == "$" || r.lower[i-1] == "£" || r.lower[i-1] == "€") {
			return 0, found{}
		}
		// a year after "the" alone, or before a plural, is a count ("the 2000 troops")
		if r.lower[i] == "the" && edge == "" || k+1 < end && isPluralWord(r.lower[k+1]) {
			return 0, found{}
		}
		r.lastYear = y
		return k + 1 - i, at(i, strconv.Itoa(y), edge)
	}
	return 0, found{}
}

// duration reads "for more than a year", "the last two years", "over the
// last five days", "18 years", "an 18-year insurgency", "a day", "for
// several more years", "hours", "32 minutes"; not an age ("93 year-old",
// "a 40-year-old man").
func (r *reader) duration(i, end int) (int, found) {
	k := i
	mod := ""
	for k < end {
		switch r.lower[k] {
		case "for", "over", "during", "within":
			k++
			continue
		case "more":
			if k+1 < end && r.lower[k+1] == "than" {
				mod, k = "MORE_THAN", k+2
				continue
			}
		case "less", "fewer":
			if k+1 < end && r.lower[k+1] == "than" {
				mod, k = "LESS_THAN", k+2
				continue
			}
		case "about", "nearly", "almost", "roughly", "some", "around", "approximately":
			if k+1 < end && r.lower[k+1] != "of" {
				mod, k = "APPROX", k+1
				continue
			}
		case "the":
			if k+1 < end && (r.lower[k+1] == "last" || r.lower[k+1] == "past" || r.lower[k+1] == "next") {
				k += 2
				continue
			}
		}
		break
	}
	if k >= end {
		return 0, found{}
	}
	start := i
	if k > i && (r.lower[i] == "for" || r.lower[i] == "over" || r.lower[i] == "during" || r.lower[i] == "within") {
		start = i + 1 // the preposition is not part of the time
	}
	// "an 18-year insurgency"
	if num, unit, ok := r.hyphenated(k); ok {
		if k+1 < end && (strings.HasPrefix(r.lower[k+1], "old") || r.lower[k+1] == "year-old") {
			return 0, found{}
		}
		t := at(start, period(strconv.Itoa(num), unit), mod)
		return k + 1 - i, t
	}
	count := ""
	if n, ok := r.number(k); ok {
		count = strconv.Itoa(n)
		k++
	} else if r.lower[k] == "several" || r.lower[k] == "many" || r.lower[k] == "few" || r.lower[k] == "a few" {
		count = "X"
		k++
		if k < end && r.lower[k] == "more" {
			k++
		}
	}
	if k >= end {
		return 0, found{}
	}
	u := r.word(k)
	if u.Kind != "unit" {
		return 0, found{}
	}
	// an age: "93 year-old", "a 40-year-old man", "50 years old"
	if k+1 < end && (r.lower[k+1] == "old" || strings.HasPrefix(r.lower[k+1], "-old")) || strings.Contains(r.lower[k], "-old") {
		return 0, found{}
	}
	if count == "" {
		// a bare plural unit: "hours", "for years"
		if !strings.HasSuffix(r.lower[k], "s") || k == i && !(k > 0 && r.lower[k-1] == "for") {
			return 0, found{}
		}
		count = "X"
	}
	if k+1 < end && r.lower[k+1] == "ago" {
		return 0, found{}
	}
	return k + 1 - i, at(start, period(count, u.Value), mod)
}

// hyphenated reads "18-year" as 18 years.
func (r *reader) hyphenated(k int) (int, string, bool) {
	num, unit, ok := strings.Cut(r.lower[k], "-")
	if !ok {
		return 0, "", false
	}
	n, ok := atoi(num)
	if !ok {
		return 0, "", false
	}
	u := r.kb.TimeWords.At(unit)
	if u.Kind != "unit" {
		return 0, "", false
	}
	return n, u.Value, true
}

// period writes an ISO 8601 duration: P18Y, P5D, PT32M, PTXH.
func period(count, unit string) string {
	switch unit {
	case "H", "S":
		return "PT" + count + unit
	case "MIN":
		return "PT" + count + "M"
	case "DE":
		return "P" + count + "DE"
	}
	return "P" + count + unit
}

func isPluralWord(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s")
}
