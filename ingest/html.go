package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"

	"herodot/document"
)

// FromHTML reads an HTML page: the main text by readability, the title,
// the outlet (site name) and the published date from the page's meta tags
// and JSON-LD. A page where readability finds no article falls back to the
// text of its body.
func FromHTML(data []byte, opts *Options) (*document.Document, error) {
	return fromHTML(data, "", opts)
}

func fromHTML(data []byte, pageURL string, opts *Options) (*document.Document, error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, ErrBinary
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("malformed HTML: %w", err)
	}
	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	meta := Meta{URL: pageURL}
	var body string
	if art, err := readability.FromDocument(root, u); err == nil && art.Node != nil {
		body = render.InnerText(art.Node)
		meta.Title = art.Title()
		meta.Outlet = art.SiteName()
		if t, err := art.PublishedTime(); err == nil {
			meta.Published = t.Format("2006-01-02")
		}
	}
	if strings.TrimSpace(body) == "" {
		// readability found no article: take the page's visible text
		if root2, err := html.Parse(bytes.NewReader(data)); err == nil {
			body = render.InnerText(root2)
		}
	}
	text, warns, err := decodeText([]byte(body))
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%w in the HTML page", ErrNoArticle)
	}
	return build(meta, normaliseParagraphs(text), opts, warns)
}

// normaliseParagraphs trims each line and folds runs of blank lines into
// one, so that paragraphs from HTML are separated by one empty line.
func normaliseParagraphs(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			blank = true
			continue
		}
		if blank && len(out) > 0 {
			out = append(out, "")
		}
		blank = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
