package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"

	"herodot/document"
)

// UserAgent is sent with every request herodot makes.
const UserAgent = "herodot/1 (news analysis; fetches the URLs it is given, one request each)"

// DefaultFetchTimeout bounds one URL fetch.
const DefaultFetchTimeout = 20 * time.Second

// isURL reports whether a path is an http or https URL.
func isURL(p string) bool {
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://")
}

// errPrivate refuses an address that is not on the public internet.
var errPrivate = errors.New("refused: the address is private, loopback or link-local (use --allow-private to fetch it)")

// fetch reads a URL: at most MaxBytes, within the timeout, with herodot's
// user agent; a private or loopback address is refused unless
// AllowPrivate. The answer is read as HTML, a feed, or text by its type.
func fetch(url string, opts *Options, yield func(*document.Document, error) bool) bool {
	timeout := opts.FetchTimeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	dialer := &net.Dialer{Timeout: timeout, Control: func(network, address string, c syscall.RawConn) error {
		if opts.AllowPrivate {
			return nil
		}
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		if ip := net.ParseIP(host); ip == nil || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsUnspecified() {
			return errPrivate
		}
		return nil
	}}
	client := &http.Client{Timeout: timeout, Transport: &http.Transport{DialContext: dialer.DialContext, Proxy: nil}}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return yield(nil, &InputError{url, err})
	}
	req.Header.Set("User-Agent", UserAgent)
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, errPrivate) {
			err = errPrivate
		}
		return yield(nil, &InputError{url, err})
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return yield(nil, &InputError{url, fmt.Errorf("HTTP %s", resp.Status)})
	}
	data, err := readLimited(resp.Body, opts.maxBytes())
	if err != nil {
		return yield(nil, &InputError{url, err})
	}
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	switch {
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || strings.Contains(ct, "xml") && isFeed(data[:min(len(data), 1024)]):
		return readFeed(url, data, opts, yield)
	case strings.Contains(ct, "html"):
		doc, err := fromHTML(data, url, opts)
		if err != nil {
			return yield(nil, &InputError{url, err})
		}
		doc.Input = url
		return yield(doc, nil)
	}
	return readStream(url, io.NopCloser(strings.NewReader(string(data))), FormatAuto, opts, yield)
}
