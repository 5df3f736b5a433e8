package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium finds a headless browser, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH: the browser tests need it (.ci/run installs Debian's chromium)")
	return ""
}

// browse loads a page in a headless browser and returns the document
// as the browser holds it after its scripts (if any) have run.
func browse(t *testing.T, bin, url string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir=" + t.TempDir()}, extra...)
	args = append(args, url)
	out, err := exec.CommandContext(ctx, bin, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", bin, url, err)
	}
	return string(out)
}

// TestBrowserRendersHostileArticleInert opens the pages of an article
// full of markup in a real browser: nothing of it may run.
func TestBrowserRendersHostileArticleInert(t *testing.T) {
	bin := chromium(t)
	srv, ids := newTestServer(t, "")
	for _, p := range []string{"/", "/doc/" + ids["hostile"], "/timeline", "/claims"} {
		dom := browse(t, bin, srv.URL+p, "--dump-dom")
		if !strings.Contains(dom, "herodot") {
			t.Fatalf("%s: the browser got no page:\n%s", p, dom)
		}
		if strings.Contains(dom, "data-pwned") {
			t.Errorf("%s: a script from the article ran in the browser", p)
		}
	}
}

// TestBrowserArticleView opens the demo story's page in a real browser:
// the highlights and the sourcing panel are there, and a picture of the
// page is saved (to HERODOT_SCREENSHOT where set: the README's picture is
// made so).
func TestBrowserArticleView(t *testing.T) {
	bin := chromium(t)
	srv, ids := newTestServer(t, "")
	page := srv.URL + "/doc/" + ids["demo"]
	dom := browse(t, bin, page, "--dump-dom")
	for _, want := range []string{
		`class="src src-anonymous"`, `class="content stance-denied"`, `class="cue"`, `class="trigger"`, // highlights
		`id="sourcing"`, `<span class="k src-named">`, `<span class="k src-anonymous">`, // the panel
		"three military sources",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the demo story's page lacks %s", want)
		}
	}
	out := os.Getenv("HERODOT_SCREENSHOT")
	if out == "" {
		out = filepath.Join(t.TempDir(), "article.png")
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		t.Fatal(err)
	}
	browse(t, bin, page, "--screenshot="+abs, "--window-size=1280,900", "--hide-scrollbars")
	fi, err := os.Stat(abs)
	if err != nil || fi.Size() < 10000 {
		t.Fatalf("no screenshot of the page at %s: %v", abs, err)
	}
	t.Logf("screenshot: %s (%d bytes)", abs, fi.Size())
}
