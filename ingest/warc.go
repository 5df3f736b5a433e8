package ingest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	gowarc "github.com/nlnwa/gowarc/v3"

	"herodot/document"
)

// isWARC reports whether a path names a WARC file (.warc or .warc.gz).
func isWARC(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

// readWARC yields one document per HTML response record of a WARC file
// (the form of web crawls such as CC-NEWS), read as HTML with the
// record's target URI. Other records are passed over; a damaged record
// is reported, and reading stops there, since what follows cannot be
// found.
func readWARC(path string, opts *Options, yield func(*document.Document, error) bool) bool {
	r, err := gowarc.NewWarcFileReader(path, 0,
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore), gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore))
	if err != nil {
		return yield(nil, &InputError{path, err})
	}
	defer r.Close()
	size := int64(-1)
	if info, err := os.Stat(path); err == nil {
		size = info.Size()
	}
	var end int64 // where the last whole record ended
	for n := 1; ; n++ {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			// a file cut short ends with bytes that make no record
			if size >= 0 && end < size {
				return yield(nil, &InputError{path + "#" + strconv.Itoa(n), fmt.Errorf("truncated or damaged WARC: %d bytes after the last whole record", size-end)})
			}
			return true
		}
		where := path + "#" + strconv.Itoa(n)
		if err != nil {
			return yield(nil, &InputError{where, fmt.Errorf("damaged WARC record: %v", err)})
		}
		// a record whose block runs past the end of an uncompressed file
		// was cut short (the reader hands over what there is)
		declared, _ := strconv.ParseInt(rec.WarcRecord.WarcHeader().Get(gowarc.ContentLength), 10, 64)
		if size >= 0 && !strings.HasSuffix(strings.ToLower(path), ".gz") && rec.Offset+declared > size {
			rec.Close()
			return yield(nil, &InputError{where, fmt.Errorf("truncated WARC: the record declares %d bytes, the file ends %d bytes after its start", declared, size-rec.Offset)})
		}
		end = rec.Offset + rec.Size
		doc, err := warcRecord(rec.WarcRecord, opts)
		rec.Close()
		if doc == nil && err == nil {
			continue
		}
		if err != nil {
			if !yield(nil, &InputError{where, err}) {
				return false
			}
			continue
		}
		doc.Input = where
		if !yield(doc, nil) {
			return false
		}
	}
}

// warcRecord reads a response record with an HTML payload; any other
// record gives neither a document nor an error.
func warcRecord(rec gowarc.WarcRecord, opts *Options) (*document.Document, error) {
	if rec.Type() != gowarc.Response {
		return nil, nil
	}
	b, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok || b.HttpStatusCode() != 200 {
		return nil, nil
	}
	if ct := strings.ToLower(b.HttpHeader().Get("Content-Type")); !strings.Contains(ct, "html") {
		return nil, nil
	}
	payload, err := b.PayloadBytes()
	if err != nil {
		return nil, err
	}
	data, err := readLimited(payload, opts.maxBytes())
	if err != nil {
		return nil, err
	}
	doc, err := fromHTML(data, rec.WarcHeader().Get(gowarc.WarcTargetURI), opts)
	if err != nil {
		return nil, err
	}
	if doc.Published == nil {
		if t, err := rec.Date(); err == nil {
			d := t.Format("2006-01-02")
			doc.Published, doc.ReferenceDate, doc.ReferenceSource = &d, &d, document.RefPublished
		}
	}
	return doc, nil
}
