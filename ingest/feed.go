package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"

	"herodot/document"
)

// readFeed yields one document per item of an RSS, Atom or JSON feed: the
// item's content (or, failing that, its description) as HTML, its title,
// link and date, and the feed's title as the outlet. An item with no text
// is reported and the others are read.
func readFeed(name string, data []byte, opts *Options, yield func(*document.Document, error) bool) bool {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return yield(nil, &InputError{name, fmt.Errorf("not a readable feed: %v", err)})
	}
	for i, it := range feed.Items {
		where := name + "#" + strconv.Itoa(i+1)
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		if strings.TrimSpace(body) == "" {
			if !yield(nil, &InputError{where, errors.New("feed item has no content or description")}) {
				return false
			}
			continue
		}
		doc, err := fromHTML([]byte(body), it.Link, opts)
		if err != nil {
			if !yield(nil, &InputError{where, err}) {
				return false
			}
			continue
		}
		meta := Meta{Title: it.Title, URL: it.Link, Outlet: feed.Title}
		if it.PublishedParsed != nil {
			meta.Published = it.PublishedParsed.Format("2006-01-02")
		} else if it.UpdatedParsed != nil {
			meta.Published = it.UpdatedParsed.Format("2006-01-02")
		}
		override(doc, meta)
		doc.Input = where
		if !yield(doc, nil) {
			return false
		}
	}
	return true
}

// isFeed reports whether data looks like an RSS or Atom document.
func isFeed(head []byte) bool {
	h := bytes.ToLower(head)
	return bytes.Contains(h, []byte("<rss")) || bytes.Contains(h, []byte("<feed")) || bytes.Contains(h, []byte("<rdf:rdf"))
}
