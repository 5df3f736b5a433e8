// Package ingest reads articles from the formats users have (plain text,
// text with a metadata header, HTML, JSON Lines, standard input,
// directories) and turns each into a Document with its metadata and its
// body, boilerplate removed and recorded, and a reference date.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"herodot/document"
	"herodot/knowledge"
)

// DefaultMaxBytes is the default limit on the size of one input file.
const DefaultMaxBytes = 10 << 20

// Format is an input format.
type Format string

// Input formats.
const (
	FormatAuto  Format = ""
	FormatText  Format = "text"
	FormatHTML  Format = "html"
	FormatJSONL Format = "jsonl"
	FormatFeed  Format = "feed"
)

// Options control reading.
type Options struct {
	// MaxBytes is the largest input file (or JSON Lines record) read; 0
	// means DefaultMaxBytes.
	MaxBytes int64
	// Published is the date (YYYY-MM-DD) to use as reference date when an
	// input has neither metadata nor a dateline that gives one.
	Published string
	// Format forces a format; FormatAuto decides by file name and content.
	Format Format
	// KB supplies the boilerplate patterns; nil means knowledge.Default().
	KB *knowledge.Base
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// AllowPrivate lets URLs on private and loopback addresses be fetched.
	AllowPrivate bool
	// FetchTimeout bounds one URL fetch; 0 means DefaultFetchTimeout.
	FetchTimeout time.Duration
}

func (o *Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o *Options) kb() *knowledge.Base { return knowledge.OrDefault(o.KB) }

// Errors that describe why an input was not read.
var (
	ErrEmpty     = errors.New("empty article: no text")
	ErrBinary    = errors.New("binary file: it contains NUL bytes")
	ErrTooLarge  = errors.New("input too large")
	ErrNoArticle = errors.New("no article text found")
)

// InputError is the failure of one input, named by Input (a path, "-", or
// "path:line" for a record of a JSON Lines file).
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// walkExts are the file endings read when walking a directory. Other
// files (notes, gold annotations, images) are passed over; a file named
// explicitly is read whatever its ending.
var walkExts = map[string]Format{
	".txt": FormatText, ".text": FormatText,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML,
	".jsonl": FormatJSONL, ".ndjson": FormatJSONL,
	".rss": FormatFeed, ".atom": FormatFeed,
}

// Read yields the documents of every path in order: a file, "-" for
// standard input, an http(s) URL, or a directory (every supported file under it, in lexical
// order, links to directories not followed). A failing input yields a nil
// document and an *InputError, and reading goes on with the next one.
func Read(paths []string, opts Options) iter.Seq2[*document.Document, error] {
	return func(yield func(*document.Document, error) bool) {
		for _, p := range paths {
			if !readPath(p, &opts, yield) {
				return
			}
		}
	}
}

func readPath(path string, opts *Options, yield func(*document.Document, error) bool) bool {
	if isURL(path) {
		return fetch(path, opts, yield)
	}
	if path == "-" {
		in := opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		return readStream("-", in, opts.Format, opts, yield)
	}
	info, err := os.Stat(path)
	if err != nil {
		return yield(nil, &InputError{path, cleanPathError(err)})
	}
	if !info.IsDir() {
		return readFile(path, info, opts.Format, opts, yield)
	}
	cont, files := true, 0
	walkErr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(nil, &InputError{p, cleanPathError(err)}) {
				cont = false
				return filepath.SkipAll
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != path && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		f, ok := walkExts[strings.ToLower(filepath.Ext(p))]
		ok = ok || isWARC(p)
		if !ok || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if opts.Format != FormatAuto {
			f = opts.Format
		}
		// a link is followed to a file (a dangling one is reported), never
		// to a folder, so that a loop of links cannot trap the walk
		info, err := os.Stat(p)
		switch {
		case err != nil:
			files++
			cont = yield(nil, &InputError{p, cleanPathError(err)})
		case !info.Mode().IsRegular():
			return nil
		default:
			files++
			cont = readFile(p, info, f, opts, yield)
		}
		if !cont {
			return filepath.SkipAll
		}
		return nil
	})
	if walkErr != nil && cont {
		return yield(nil, &InputError{path, walkErr})
	}
	if files == 0 && cont {
		return yield(nil, &InputError{path, errors.New("no articles in this folder (files ending .txt, .html, .jsonl, .rss, .atom or .warc are read)")})
	}
	return cont
}

func readFile(path string, info fs.FileInfo, format Format, opts *Options, yield func(*document.Document, error) bool) bool {
	if isWARC(path) {
		return readWARC(path, opts, yield) // a crawl: the size limit applies to each record
	}
	if format == FormatAuto {
		format = formatByName(path)
	}
	// JSON Lines files hold many records: the limit applies to each record.
	if format != FormatJSONL && info.Size() > opts.maxBytes() {
		return yield(nil, &InputError{path, fmt.Errorf("%w: %d bytes, over the limit of %d (--max-bytes)", ErrTooLarge, info.Size(), opts.maxBytes())})
	}
	f, err := os.Open(path)
	if err != nil {
		return yield(nil, &InputError{path, cleanPathError(err)})
	}
	defer f.Close()
	return readStream(path, f, format, opts, yield)
}

func readStream(name string, r io.Reader, format Format, opts *Options, yield func(*document.Document, error) bool) bool {
	if format == FormatJSONL {
		return readJSONL(name, r, opts, yield)
	}
	data, err := readLimited(r, opts.maxBytes())
	if err != nil {
		return yield(nil, &InputError{name, err})
	}
	if format == FormatAuto {
		format = sniff(data)
		if format == FormatJSONL {
			return readJSONL(name, bytes.NewReader(data), opts, yield)
		}
	}
	if format == FormatFeed {
		return readFeed(name, data, opts, yield)
	}
	var doc *document.Document
	if format == FormatHTML {
		doc, err = FromHTML(data, opts)
	} else {
		doc, err = FromText(data, opts)
	}
	if err != nil {
		return yield(nil, &InputError{name, err})
	}
	doc.Input = name
	return yield(doc, nil)
}

// readLimited reads all of r, failing when it holds more than max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over the limit of %d bytes (--max-bytes)", ErrTooLarge, max)
	}
	return data, nil
}

func formatByName(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".txt", ".text", ".md":
		return FormatText
	case ".rss", ".atom":
		return FormatFeed
	}
	return FormatAuto
}

// sniff guesses the format of data that has no telling file name.
func sniff(data []byte) Format {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) > 512 {
		head = head[:512]
	}
	if bytes.HasPrefix(head, []byte("{")) {
		return FormatJSONL
	}
	if bytes.HasPrefix(head, []byte("<?xml")) && isFeed(head) || bytes.HasPrefix(bytes.ToLower(head), []byte("<rss")) || bytes.HasPrefix(bytes.ToLower(head), []byte("<feed")) {
		return FormatFeed
	}
	lower := bytes.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div", "<meta", "<title"} {
		if bytes.HasPrefix(lower, []byte(tag)) || bytes.HasPrefix(lower, []byte("<!--")) && bytes.Contains(lower, []byte(tag)) {
			return FormatHTML
		}
	}
	return FormatText
}

// cleanPathError keeps what went wrong from an *fs.PathError, since the
// InputError names the path already.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return errors.New("no such file or directory")
		}
		if errors.Is(pe.Err, fs.ErrPermission) {
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

// Count returns how many articles paths hold, when that can be known
// without reading them: every path a file or folder of one-article files
// (text, HTML). A JSON Lines file, a feed, a crawl, a URL or standard
// input makes the count unknown (known is false).
func Count(paths []string) (n int, known bool) {
	for _, p := range paths {
		if p == "-" || isURL(p) || isWARC(p) {
			return 0, false
		}
		info, err := os.Stat(p)
		if err != nil {
			n++ // it will fail, and count as done
			continue
		}
		if !info.IsDir() {
			if f := formatByName(p); f == FormatJSONL || f == FormatFeed {
				return 0, false
			}
			n++
			continue
		}
		unknown := false
		filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() && q != p && strings.HasPrefix(d.Name(), ".") {
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			switch f, ok := walkExts[strings.ToLower(filepath.Ext(q))]; {
			case isWARC(q) || ok && (f == FormatJSONL || f == FormatFeed):
				unknown = true
				return filepath.SkipAll
			case ok:
				n++
			}
			return nil
		})
		if unknown {
			return 0, false
		}
	}
	return n, true
}
