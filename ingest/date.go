package ingest

import (
	"strings"
	"time"
)

// dateLayouts are the forms of publication date that metadata and
// datelines use, tried in order.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan 2 2006",
	"Jan. 2, 2006",
	"Jan. 2 2006",
	"2 January 2006",
	"2 Jan 2006",
	"2 Jan. 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
}

// ParseDate reads a date in one of the common forms of news metadata and
// returns it as YYYY-MM-DD. A date with a time keeps the date as written,
// in its own time zone.
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return "", false
	}
	s = strings.ReplaceAll(s, "Sept.", "Sep.")
	s = strings.ReplaceAll(s, "Sept ", "Sep ")
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	// "Jan. 2, 2006" with a full month name and a period, or other cases
	if strings.Contains(s, ".") {
		if d, ok := ParseDate(strings.ReplaceAll(s, ".", "")); ok {
			return d, true
		}
	}
	return "", false
}

// unknownDate reports whether s says plainly that the date is not known.
func unknownDate(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "unknown", "none", "null", "n/a", "-", "?":
		return true
	}
	return false
}
