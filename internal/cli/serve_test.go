package cli

import (
	"bufio"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeCommand ingests a few articles, serves them on a free
// loopback port, reads them back over HTTP, and stops the server with
// SIGTERM: it must shut down cleanly and exit 0.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "articles")
	os.Mkdir(src, 0o755)
	writeArticles(t, src, 3)
	db := filepath.Join(dir, "c.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, src); code != ExitOK {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}

	cmd := exec.Command(os.Args[0], "serve", "--db", db, "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "HERODOT_TEST_MAIN=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stderr)
	if !lines.Scan() {
		t.Fatal("serve printed nothing")
	}
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(lines.Text())
	if addr == "" {
		t.Fatalf("serve did not say where it listens: %q", lines.Text())
	}
	resp, err := http.Get(addr + "api/documents")
	if err != nil {
		t.Fatal(err)
	}
	var docs struct{ Items []map[string]string }
	err = json.NewDecoder(resp.Body).Decode(&docs)
	resp.Body.Close()
	if err != nil || len(docs.Items) != 3 {
		t.Errorf("GET /api/documents: %v, %d documents, want 3", err, len(docs.Items))
	}

	cmd.Process.Signal(syscall.SIGTERM)
	defer func() {
		// a database that does not exist is not made empty and served
		code, _, errs := run(t, "", "serve", "--db", filepath.Join(dir, "none.db"))
		if code != 1 || !strings.Contains(errs, "no corpus database") {
			t.Errorf("serve of a missing database: exit %d, %q", code, errs)
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after SIGTERM: %v, want exit 0", err)
		}
	case <-time.After(30 * time.Second):
		t.Error("serve did not stop on SIGTERM")
	}
}
