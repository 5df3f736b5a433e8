package ingest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"herodot/document"
)

// Record is one line of a JSON Lines input: an article with its text or
// its HTML and optional metadata.
type Record struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Outlet    string `json:"outlet"`
}

// readJSONL yields one document per line of r. A line that is not a JSON
// object, or has neither text nor html, yields an *InputError naming the
// line, and reading goes on.
func readJSONL(name string, r io.Reader, opts *Options, yield func(*document.Document, error) bool) bool {
	br := bufio.NewReaderSize(r, 64*1024)
	max := opts.maxBytes()
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, max)
		where := name + ":" + strconv.Itoa(n)
		switch {
		case tooLong:
			e := fmt.Errorf("%w: record over the limit of %d bytes (--max-bytes)", ErrTooLarge, max)
			if !yield(nil, &InputError{where, e}) {
				return false
			}
		case !isBlank(line):
			doc, derr := fromRecord(line, opts)
			if derr != nil {
				if !yield(nil, &InputError{where, derr}) {
					return false
				}
			} else {
				doc.Input = where
				if !yield(doc, nil) {
					return false
				}
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return yield(nil, &InputError{where, err})
		}
	}
}

// readLine reads one line without its end. A line over max bytes is read
// to its end and dropped, and tooLong is set.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if n := len(line); n > 0 && line[n-1] == '\n' {
			line = line[:n-1]
		}
		return line, tooLong, err
	}
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

func fromRecord(line []byte, opts *Options) (*document.Document, error) {
	var rec Record
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", err)
	}
	meta := Meta{ID: rec.ID, Title: rec.Title, URL: rec.URL, Outlet: rec.Outlet, Published: rec.Published}
	var doc *document.Document
	var err error
	switch {
	case rec.Text != "":
		text, warns, derr := decodeText([]byte(rec.Text))
		if derr != nil {
			return nil, derr
		}
		doc, err = build(meta, text, opts, warns)
	case rec.HTML != "":
		doc, err = fromHTML([]byte(rec.HTML), rec.URL, opts)
		if err == nil {
			// the record's own metadata wins over the page's
			override(doc, meta)
		}
	default:
		return nil, errors.New(`record has neither "text" nor "html"`)
	}
	return doc, err
}

// override sets the fields of doc that meta gives.
func override(doc *document.Document, meta Meta) {
	if meta.ID != "" {
		doc.ID = meta.ID
	}
	if meta.Title != "" {
		doc.Title = meta.Title
	}
	if meta.Outlet != "" {
		doc.Outlet = meta.Outlet
	}
	if meta.URL != "" {
		doc.URL = meta.URL
	}
	if d, ok := ParseDate(meta.Published); ok {
		doc.Published, doc.ReferenceDate, doc.ReferenceSource = &d, &d, document.RefPublished
	}
}
