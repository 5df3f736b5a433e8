package ingest

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"

	"herodot/document"
	"herodot/knowledge"
)

// Meta is what an input says about an article besides its body.
type Meta struct {
	ID, Title, Outlet, URL string
	// Published is the publication date as the input gives it; it is
	// read by ParseDate.
	Published string
}

// FromText reads a plain-text article, with or without a header of
// "key: value" lines closed by a line "---".
func FromText(data []byte, opts *Options) (*document.Document, error) {
	text, warns, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	meta, body := splitHeader(text)
	return build(meta, body, opts, warns)
}

// decodeText turns raw bytes into clean UTF-8 text: UTF-16 with a byte
// order mark is decoded, NUL bytes are refused as binary, invalid UTF-8 is
// repaired with U+FFFD (and a warning), a BOM is dropped, line ends become
// \n, and other control characters become spaces.
func decodeText(data []byte) (string, []string, error) {
	var warns []string
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
		if out, err := dec.Bytes(data); err == nil {
			data = out
		}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", nil, ErrBinary
	}
	s := string(data)
	if !utf8.ValidString(s) {
		n := countInvalid(s)
		s = strings.ToValidUTF8(s, "\uFFFD")
		warns = append(warns, "invalid UTF-8: "+strconv.Itoa(n)+" bad byte sequence(s) replaced with U+FFFD")
	}
	s = strings.TrimPrefix(s, "\ufeff")
	return cleanControls(s), warns, nil
}

// countInvalid counts the runs of invalid UTF-8 in s (each becomes one U+FFFD).
func countInvalid(s string) int {
	n, inBad := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		bad := r == utf8.RuneError && size == 1
		if bad && !inBad {
			n++
		}
		inBad = bad
		i += size
	}
	return n
}

func cleanControls(s string) string {
	clean := true
	for _, r := range s {
		if r == '\r' || r == '\ufeff' || (unicode.IsControl(r) && r != '\n' && r != '\t') || r == '\u2028' || r == '\u2029' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\r' || r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
		case r == '\ufeff':
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var headerLine = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]{0,30}):\s?(.*)$`)

// headerKeys maps the keys of a text header to the Meta fields.
var headerKeys = map[string]string{
	"title": "title", "headline": "title",
	"date": "published", "published": "published", "pubdate": "published", "dateline": "published",
	"source": "outlet", "outlet": "outlet", "publisher": "outlet",
	"url": "url", "link": "url", "origin": "origin",
	"id": "id",
}

// splitHeader takes a header of "key: value" lines closed by "---" off the
// front of text. Without such a header, all of text is the body.
func splitHeader(text string) (Meta, string) {
	var m Meta
	rest := text
	var origin string
	for n := 0; n < 64; n++ {
		line, after, found := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "---" {
			if n == 0 {
				return Meta{}, text
			}
			if m.URL == "" {
				m.URL = origin
			}
			return m, after
		}
		sub := headerLine.FindStringSubmatch(strings.TrimRight(line, " \t"))
		if sub == nil || !found {
			return Meta{}, text
		}
		v := strings.TrimSpace(sub[2])
		switch headerKeys[strings.ToLower(sub[1])] {
		case "title":
			m.Title = v
		case "published":
			m.Published = v
		case "outlet":
			m.Outlet = v
		case "url":
			m.URL = v
		case "origin":
			origin = v
		case "id":
			m.ID = v
		}
		rest = after
	}
	return Meta{}, text
}

// build makes the Document from metadata and a body: boilerplate removed,
// the reference date chosen, the ID derived.
func build(meta Meta, body string, opts *Options, warns []string) (*document.Document, error) {
	text, removed := removeBoilerplate(body, opts.kb())
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	d := &document.Document{
		Title: meta.Title, Outlet: meta.Outlet, URL: meta.URL,
		Text: text, Removed: removed, Warnings: warns,
		ReferenceSource: document.RefNone,
	}
	d.ID = meta.ID
	if d.ID == "" {
		d.ID = document.ContentID(text)
	}
	if meta.Published != "" {
		if date, ok := ParseDate(meta.Published); ok {
			d.Published, d.ReferenceSource = &date, document.RefPublished
		} else if !unknownDate(meta.Published) {
			d.Warn("published date %q not understood", meta.Published)
		}
	}
	if d.Published == nil {
		if date, ok := datelineDate(text); ok {
			d.Published, d.ReferenceSource = &date, document.RefDateline
		}
	}
	if d.Published == nil && opts.Published != "" {
		date := opts.Published
		d.Published, d.ReferenceSource = &date, document.RefFlag
	}
	d.ReferenceDate = d.Published
	return d, nil
}

// removeBoilerplate drops the lines of body that are not the article:
// lines matching a boilerplate pattern, a sign-off at the end of the last
// line, and related-story headlines trailing the article. It returns the
// body left and what was removed, in order.
func removeBoilerplate(body string, kb *knowledge.Base) (string, []document.Removed) {
	lines := strings.Split(body, "\n")
	var removed []document.Removed
	kept := lines[:0]
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if why := matchLine(t, kb); why != "" {
			removed = append(removed, document.Removed{Text: t, Why: why})
			continue
		}
		line = strings.TrimRight(line, " \t")
		if line == "" && len(kept) > 0 && kept[len(kept)-1] == "" {
			continue // one blank line between paragraphs is enough
		}
		kept = append(kept, line)
	}
	kept = trimBlank(kept)
	// related-story headlines after the last paragraph, read from the end
	var tail []document.Removed
	for len(kept) > 0 && contentLines(kept) > 2 && isHeadline(kept[len(kept)-1]) {
		tail = append(tail, document.Removed{Text: strings.TrimSpace(kept[len(kept)-1]), Why: "related-story headline"})
		kept = trimBlank(kept[:len(kept)-1])
	}
	for i := len(tail) - 1; i >= 0; i-- {
		removed = append(removed, tail[i])
	}
	// a sign-off at the end of the last paragraph ("… said. Reuter")
	if n := len(kept); n > 0 {
		for _, p := range kb.Boilerplate {
			if !p.Tail || p.Need != "" && !strings.Contains(strings.ToLower(kept[n-1]), p.Need) {
				continue
			}
			loc := p.Re.FindStringSubmatchIndex(kept[n-1])
			if loc == nil {
				continue
			}
			a, b := loc[0], loc[1]
			if len(loc) >= 4 && loc[2] >= 0 {
				a, b = loc[2], loc[3]
			}
			removed = append(removed, document.Removed{Text: strings.TrimSpace(kept[n-1][a:b]), Why: p.Reason})
			kept[n-1] = strings.TrimRight(kept[n-1][:a]+kept[n-1][b:], " \t")
		}
		kept = trimBlank(kept)
	}
	return strings.Join(kept, "\n"), removed
}

// maxBoilerplateLine is the longest line tested against the line
// patterns: boilerplate lines are short, a longer line is article text,
// and the patterns cost time in proportion to the line.
const maxBoilerplateLine = 400

func matchLine(t string, kb *knowledge.Base) string {
	if t == "" || len(t) > maxBoilerplateLine {
		return ""
	}
	lower := strings.ToLower(t)
	for _, p := range kb.Boilerplate {
		if !p.Tail && (p.Need == "" || strings.Contains(lower, p.Need)) && p.Re.MatchString(t) {
			return p.Reason
		}
	}
	return ""
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func contentLines(lines []string) int {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}

// isHeadline reports whether a line reads as a headline rather than a
// paragraph: a few words, a capital first letter, and no punctuation that
// ends a sentence or a quotation.
func isHeadline(line string) bool {
	t := strings.TrimSpace(line)
	words := len(strings.Fields(t))
	if words < 3 || words > 16 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	return !strings.ContainsRune(".!?\"”’':;,)…", last)
}

var datelineRe = regexp.MustCompile(`^\s*[\p{Lu}][\p{Lu}\p{Lu} .'/-]{1,40}(?:,\s*[\p{L}. ]{2,30})?,\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4})`)

// datelineDate reads a full date from a dateline at the head of the body
// ("CARACAS, Jan. 28, 2026 (Reuters) -"). A dateline without a year gives
// no date.
func datelineDate(text string) (string, bool) {
	if len(text) > 200 {
		text = text[:200]
	}
	m := datelineRe.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	return ParseDate(m[1])
}
